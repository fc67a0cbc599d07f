// cartable-cli where there is no keychain: the real program against a real
// server process, with no D-Bus session bus and so no Secret Service. The
// sign-in cannot be kept here, and the session the server opened for it must
// not stay open there for its thirty days.

#include "tests/support/serverprocess.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestCliWithoutKeychain : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_home;
    std::unique_ptr<ServerProcess> m_server;

    Run cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // A bus address where nothing listens: whatever this machine has,
        // the keychain cannot be reached, and no desktop session either.
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_home.filePath(u"no-bus"_s));
        environment.remove(u"DISPLAY"_s);
        environment.remove(u"WAYLAND_DISPLAY"_s);
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        environment.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        environment.insert(u"XDG_RUNTIME_DIR"_s, m_home.filePath(u"runtime"_s));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("CARTABLE_CLI_BINARY"), arguments);
        if (!process.waitForStarted(10'000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60'000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }

    // The sessions of `login` on the server, all of them or the open ones.
    int sessions(const QString &login, bool openOnly)
    {
        int count = -1;
        {
            QSqlDatabase db = openDatabaseSpec(m_server->databaseSpec(), u"sessions"_s);
            QSqlQuery query(db);
            query.prepare(u"SELECT count(*) FROM auth_session s JOIN account a ON a.id = s.account_id "
                          "WHERE a.login = ?"_s
                          + (openOnly ? u" AND s.revoked_at IS NULL"_s : QString()));
            query.addBindValue(login);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
        QSqlDatabase::removeDatabase(u"sessions"_s);
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(!qEnvironmentVariable("CARTABLE_CLI_BINARY").isEmpty());
        m_server = std::make_unique<ServerProcess>(backendFromEnvironment());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void loginClosesTheSessionItCannotKeep()
    {
        const QString login = QString::fromUtf16(kTeacherLogin);
        QCOMPARE(sessions(login, false), 0);
        const Run run = cli({u"login"_s, u"--server"_s, m_server->url().toString(), u"--login"_s, login,
                             u"--password-stdin"_s},
                            QString::fromUtf16(kDemoPassword).toUtf8() + '\n');
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"keychain"_s), qPrintable(run.err));

        // The server did open a session, and it is closed, before the
        // program exits; the user is told.
        QCOMPARE(sessions(login, false), 1);
        QCOMPARE(sessions(login, true), 0);
        QVERIFY(m_server->log().contains("POST /api/v1/auth/logout 204"));
        QVERIFY2(run.err.contains(u"closed on the server again"_s), qPrintable(run.err));

        // Nothing is remembered here: the next command is not signed in.
        const QSettings settings(m_home.filePath(u"config/Cartable/cartable-cli.ini"_s), QSettings::IniFormat);
        QVERIFY(!settings.contains(u"session/login"_s));
        const Run whoami = cli({u"whoami"_s});
        QCOMPARE(whoami.exitCode, 1);
        QVERIFY2(whoami.err.contains(u"not signed in"_s), qPrintable(whoami.err));
    }

    // A wrong password opens nothing to close.
    void wrongPasswordSaysNothingOfSessions()
    {
        const Run run = cli({u"login"_s, u"--server"_s, m_server->url().toString(), u"--login"_s,
                             QString::fromUtf16(kGuardianLogin), u"--password-stdin"_s},
                            "not-the-password\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"wrong"_s), qPrintable(run.err));
        QVERIFY2(!run.err.contains(u"session"_s), qPrintable(run.err));
        QCOMPARE(sessions(QString::fromUtf16(kGuardianLogin), false), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliWithoutKeychain)
#include "tst_clinokeychain.moc"
