// cartable-cli end to end: a real server, the real keychain (under
// tests/support/with-keyring.sh), the real program.

#include "tests/support/clirun.h"
#include "tests/support/serverprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;

    static Run cli(const QStringList &arguments, const QByteArray &input = {})
    {
        return runCli(arguments, input, 60'000);
    }

    Run login(const QString &password)
    {
        return cli({u"login"_s, u"--server"_s, m_server->url().toString(), u"--login"_s,
                    QString::fromUtf16(kTeacherLogin), u"--password-stdin"_s},
                   password.toUtf8() + '\n');
    }

    static QString settingsPath()
    {
        return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
               + u"/Cartable/cartable-cli.ini"_s;
    }

    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under tests/support/with-keyring.sh, which provides a session bus");
        QVERIFY(!qEnvironmentVariable("CARTABLE_CLI_BINARY").isEmpty());
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{u"sing-in"_s};
        QTest::newRow("login without server") << QStringList{u"login"_s, u"--login"_s, u"prof.martin"_s};
        QTest::newRow("unknown option") << QStringList{u"whoami"_s, u"--yaml"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"cartable-cli"_s));
    }

    void notSignedInAtFirst()
    {
        const Run run = cli({u"whoami"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"not signed in"_s), qPrintable(run.err));
    }

    void wrongPassword()
    {
        const Run run = login(u"not-the-password"_s);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"wrong"_s), qPrintable(run.err));
        QCOMPARE(cli({u"whoami"_s}).exitCode, 1);
    }

    void unreachableServer()
    {
        const Run run = cli({u"login"_s, u"--server"_s, u"http://127.0.0.1:1"_s, u"--login"_s, u"prof.martin"_s,
                             u"--password-stdin"_s},
                            "cartable\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"cannot be reached"_s), qPrintable(run.err));
    }

    void loginWhoamiLogout()
    {
        const Run signedIn = login(QString::fromUtf16(kDemoPassword));
        QVERIFY2(signedIn.exitCode == 0, qPrintable(signedIn.err));
        QVERIFY(signedIn.out.contains(QString::fromUtf16(kTeacherName)));

        // Only the server and the login are written to the settings file.
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QCOMPARE(settings.allKeys(), (QStringList{u"session/login"_s, u"session/server"_s}));
        // It names the account: no other user of the computer reads it.
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther
                                                | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(settingsPath()).permissions() & others, QFileDevice::Permissions());

        const Run whoami = cli({u"whoami"_s});
        QCOMPARE(whoami.exitCode, 0);
        QVERIFY(whoami.out.contains(u"Claire Martin (prof.martin)"_s));
        QVERIFY(whoami.out.contains(u"teacher at Lycée Victor-Hugo (0751234J)"_s));
        QVERIFY(whoami.out.contains(u"teacher at Collège Jean-Moulin (0755678P)"_s));

        const Run json = cli({u"whoami"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject profile = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(profile.value(u"login"_s).toString(), u"prof.martin"_s);
        QCOMPARE(profile.value(u"roles"_s).toArray().size(), 2);

        const Run logout = cli({u"logout"_s});
        QCOMPARE(logout.exitCode, 0);
        QVERIFY(logout.out.contains(u"Signed out"_s));
        QCOMPARE(cli({u"whoami"_s}).exitCode, 1);
    }

    void logoutWhileTheServerIsDownForgetsLocally()
    {
        QCOMPARE(login(QString::fromUtf16(kDemoPassword)).exitCode, 0);
        QCOMPARE(m_server->stop(), 0);
        const Run logout = cli({u"logout"_s});
        QCOMPARE(logout.exitCode, 0);
        QVERIFY2(logout.err.contains(u"warning"_s), qPrintable(logout.err));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        const Run whoami = cli({u"whoami"_s});
        QCOMPARE(whoami.exitCode, 1);
    }

    void passwdChangesThePassword()
    {
        const QString temporary = m_server->resetPassword(QString::fromUtf16(kTeacherLogin));
        QVERIFY2(!temporary.isEmpty(), qPrintable(m_server->errorString()));
        const Run signedIn = login(temporary);
        QCOMPARE(signedIn.exitCode, 0);
        QVERIFY2(signedIn.out.contains(u"must choose a new password"_s), qPrintable(signedIn.out));

        const Run weak = cli({u"passwd"_s, u"--password-stdin"_s}, temporary.toUtf8() + "\nshort\n");
        QCOMPARE(weak.exitCode, 1);
        QVERIFY2(weak.err.contains(u"too short"_s), qPrintable(weak.err));

        const Run changed = cli({u"passwd"_s, u"--password-stdin"_s}, temporary.toUtf8() + "\nCahier-de-textes-9\n");
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QVERIFY(changed.out.contains(u"Password changed"_s));
        QCOMPARE(cli({u"whoami"_s}).exitCode, 0);
        QCOMPARE(cli({u"logout"_s}).exitCode, 0);
        QCOMPARE(login(u"Cahier-de-textes-9"_s).exitCode, 0);
        QCOMPARE(cli({u"logout"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
