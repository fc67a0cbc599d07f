// cartable-cli as a sync client of a real server holding the reference
// school, on the backend named by CARTABLE_TEST_BACKEND: a first sync, offline changes saved at once and sent by the
// next sync, another replica that receives them, a conflict between two replicas and its restoration, and the errors of
// the replica commands.

#include "tests/support/clirun.h"
#include "tests/support/serverprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestCliSync : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;

    static Run cli(const QStringList &arguments, const QByteArray &input = {}) { return runCli(arguments, input); }

    QString replica(const QString &name) const { return m_dir.filePath(name); }

    Run onReplica(const QString &name, QStringList arguments) const
    {
        arguments << u"--replica"_s << replica(name);
        return cli(arguments);
    }

    // Every row of a replica, by "type/id".
    QHash<QString, QJsonObject> exported(const QString &name) const
    {
        QHash<QString, QJsonObject> rows;
        const Run run = onReplica(name, {u"export"_s});
        for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject row = QJsonDocument::fromJson(line.toUtf8()).object();
            rows.insert(row.value(u"type"_s).toString() + u'/' + row.value(u"id"_s).toString(), row);
        }
        return rows;
    }

    // A mark out of 20 that the teacher may change: an evaluation of his in
    // an open period.
    static QString teachersGrade(const QHash<QString, QJsonObject> &rows, const QString &teacherPerson, int skip)
    {
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            if (!it.key().startsWith(u"grade/"_s) || !it.value().value(u"mark"_s).isString())
                continue;
            const QJsonObject evaluation = rows.value(u"evaluation/"_s
                                                      + it.value().value(u"evaluation_id"_s).toString());
            const QJsonObject period = rows.value(u"period/"_s + evaluation.value(u"period_id"_s).toString());
            if (evaluation.value(u"teacher_id"_s).toString() == teacherPerson && !period.value(u"closed"_s).toBool(true)
                && evaluation.value(u"scale"_s).toInteger() == 20 && skip-- == 0)
                return it.value().value(u"id"_s).toString();
        }
        return {};
    }

    Run signIn() const
    {
        return cli({u"login"_s, u"--server"_s, m_server->url().toString(), u"--login"_s,
                    QString::fromUtf16(kTeacherLogin), u"--password-stdin"_s},
                   QByteArray("cartable\n"));
    }

    // The permission bits of a file or folder; -1 when it is not there.
    static int modeOf(const QString &path)
    {
        struct stat info = {};
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            return -1;
        return static_cast<int>(info.st_mode & 0777);
    }

    static bool setMode(const QString &path, int mode)
    {
        return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
    }

    // The replica the commands use without --replica.
    static QString defaultReplica()
    {
        const Run status = cli({u"status"_s, u"--json"_s});
        return QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"replica"_s).toString();
    }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    QString m_teacherPerson;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under tests/support/with-keyring.sh, which provides a session bus");
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(backendFromEnvironment());
        QVERIFY2(m_server->fillWithReferenceSchool(0.02), qPrintable(m_server->errorString()));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        const Run login = signIn();
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    }

    void cleanupTestCase()
    {
        cli({u"logout"_s});
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void firstSyncFillsTheReplica()
    {
        const Run sync = onReplica(u"laptop.sqlite"_s, {u"sync"_s, u"--page"_s, u"300"_s});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        QVERIFY(sync.err.contains(u"pulled"_s));
        const QJsonObject status
            = QJsonDocument::fromJson(onReplica(u"laptop.sqlite"_s, {u"status"_s, u"--json"_s}).out.toUtf8()).object();
        QCOMPARE(status.value(u"pending"_s).toInteger(), 0);
        QVERIFY(!status.value(u"cursor"_s).toString().isEmpty());
        const QHash<QString, QJsonObject> rows = exported(u"laptop.sqlite"_s);
        QVERIFY(rows.size() > 500);
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            if (it.key().startsWith(u"account/"_s) && it.value().value(u"login"_s) == QString::fromUtf16(kTeacherLogin))
                m_teacherPerson = it.value().value(u"person_id"_s).toString();
        }
        QVERIFY(!m_teacherPerson.isEmpty());
    }

    void offlineChangeReachesAnotherReplica()
    {
        const QString grade = teachersGrade(exported(u"laptop.sqlite"_s), m_teacherPerson, 0);
        QVERIFY(!grade.isEmpty());
        const Run set = onReplica(u"laptop.sqlite"_s, {u"set"_s, u"grade"_s, grade, u"comment"_s, u"Bon travail"_s});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QCOMPARE(onReplica(u"laptop.sqlite"_s, {u"get"_s, u"grade"_s, grade, u"comment"_s}).out.trimmed(),
                 u"Bon travail"_s);
        QVERIFY(onReplica(u"laptop.sqlite"_s, {u"status"_s}).out.contains(u"pending changes: 1"_s));
        QCOMPARE(onReplica(u"laptop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        QVERIFY(onReplica(u"laptop.sqlite"_s, {u"status"_s}).out.contains(u"pending changes: 0"_s));

        QCOMPARE(onReplica(u"desktop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        QCOMPARE(onReplica(u"desktop.sqlite"_s, {u"get"_s, u"grade"_s, grade, u"comment"_s}).out.trimmed(),
                 u"Bon travail"_s);
    }

    void conflictIsKeptAndRestorable()
    {
        const QString grade = teachersGrade(exported(u"laptop.sqlite"_s), m_teacherPerson, 1);
        QVERIFY(!grade.isEmpty());
        QCOMPARE(onReplica(u"desktop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        // Both replicas change the same mark offline, to values the reference
        // school never has (its marks are quarter points); the laptop syncs
        // first.
        QCOMPARE(onReplica(u"laptop.sqlite"_s, {u"set"_s, u"grade"_s, grade, u"mark"_s, u"11.11"_s}).exitCode, 0);
        QTest::qWait(20); // a later clock on the desktop
        QCOMPARE(onReplica(u"desktop.sqlite"_s, {u"set"_s, u"grade"_s, grade, u"mark"_s, u"17,57"_s}).exitCode, 0);
        QCOMPARE(onReplica(u"laptop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        QCOMPARE(onReplica(u"desktop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        QCOMPARE(onReplica(u"laptop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        // The later change won; the laptop's value is a conflict record.
        QCOMPARE(onReplica(u"laptop.sqlite"_s, {u"get"_s, u"grade"_s, grade, u"mark"_s}).out.trimmed(), u"17.57"_s);
        const QStringList open = onReplica(u"laptop.sqlite"_s, {u"conflicts"_s}).out.split(u'\n', Qt::SkipEmptyParts);
        QString conflictId;
        for (const QString &line : open) {
            const QJsonObject conflict = QJsonDocument::fromJson(line.toUtf8()).object();
            if (conflict.value(u"row_id"_s).toString() == grade) {
                conflictId = conflict.value(u"id"_s).toString();
                QVERIFY(conflict.value(u"lost_value"_s).toString().contains(u"\"11.11\""_s));
                QCOMPARE(conflict.value(u"rule"_s).toString(), u"last_writer_wins"_s);
            }
        }
        QVERIFY(!conflictId.isEmpty());
        QVERIFY(onReplica(u"laptop.sqlite"_s, {u"status"_s}).out.contains(u"open conflicts: 1"_s));

        // Restoring the lost mark is a new change that reaches everyone.
        const Run restored = onReplica(u"laptop.sqlite"_s, {u"restore"_s, conflictId});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
        QCOMPARE(onReplica(u"laptop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        QCOMPARE(onReplica(u"desktop.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        QCOMPARE(onReplica(u"desktop.sqlite"_s, {u"get"_s, u"grade"_s, grade, u"mark"_s}).out.trimmed(), u"11.11"_s);
        QVERIFY(onReplica(u"laptop.sqlite"_s, {u"status"_s}).out.contains(u"open conflicts: 0"_s));
    }

    // The server dies in the middle of a first sync: the pages applied stay,
    // and the next sync goes on from there to the same replica as a sync
    // that was never cut.
    void firstSyncSurvivesAServerCrash()
    {
        QProcess sync;
        sync.start(qEnvironmentVariable("CARTABLE_CLI_BINARY"),
                   {u"sync"_s, u"--page"_s, u"40"_s, u"--replica"_s, replica(u"crash.sqlite"_s)});
        QVERIFY(sync.waitForStarted(10'000));
        QByteArray progress;
        QVERIFY(QTest::qWaitFor(
            [&] {
                progress += sync.readAllStandardError();
                return progress.count("pulled") >= 5 || sync.state() == QProcess::NotRunning;
            },
            60'000));
        QVERIFY2(sync.state() == QProcess::Running, "the sync ended before the server could be stopped");
        m_server->kill();
        QVERIFY(sync.waitForFinished(60'000));
        QCOMPARE(sync.exitCode(), 1);
        const QJsonObject cut
            = QJsonDocument::fromJson(onReplica(u"crash.sqlite"_s, {u"status"_s, u"--json"_s}).out.toUtf8()).object();
        QVERIFY(!cut.value(u"cursor"_s).toString().isEmpty());
        const qsizetype before = exported(u"crash.sqlite"_s).size();
        QVERIFY(before > 0);

        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        const Run resumed = onReplica(u"crash.sqlite"_s, {u"sync"_s, u"--page"_s, u"40"_s});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(onReplica(u"whole.sqlite"_s, {u"sync"_s, u"--quiet"_s}).exitCode, 0);
        const QHash<QString, QJsonObject> crashed = exported(u"crash.sqlite"_s);
        QVERIFY(crashed.size() > before);
        QCOMPARE(crashed, exported(u"whole.sqlite"_s));
    }

    void replicaCommandErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("get without id") << QStringList{u"get"_s, u"grade"_s} << 2 << u"TYPE ID"_s;
        QTest::newRow("unknown type") << QStringList{u"get"_s, u"spaceship"_s, u"x"_s} << 1 << u"unknown_entity"_s;
        QTest::newRow("unknown field") << QStringList{u"set"_s, u"grade"_s, u"00000000-0000-4000-8000-000000000001"_s,
                                                      u"points"_s, u"3"_s}
                                       << 1 << u"unknown_field"_s;
        QTest::newRow("bad value") << QStringList{u"set"_s, u"grade"_s, u"00000000-0000-4000-8000-000000000001"_s,
                                                  u"mark"_s, u"twelve"_s}
                                   << 1 << u"invalid_format"_s;
        QTest::newRow("no such row") << QStringList{u"set"_s, u"grade"_s, u"00000000-0000-4000-8000-000000000001"_s,
                                                    u"mark"_s, u"12"_s}
                                     << 1 << u"not_found"_s;
        QTest::newRow("bad page size") << QStringList{u"sync"_s, u"--page"_s, u"0"_s} << 2 << u"--page"_s;
    }

    void replicaCommandErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = onReplica(u"laptop.sqlite"_s, arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(onReplica(u"laptop.sqlite"_s, {u"status"_s}).out.contains(u"pending changes: 0"_s));
    }

    void defaultReplicaIsTheUsersAlone()
    {
        const QString path = defaultReplica();
        QVERIFY(!path.isEmpty());
        const QString folder = QFileInfo(path).absolutePath();
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(path), 0600);
        // As an older version left them: readable by every user.
        QVERIFY(setMode(folder, 0755));
        QVERIFY(setMode(path, 0644));
        const Run sync = cli({u"sync"_s, u"--quiet"_s});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(path), 0600);
    }

    void logoutForgetRefusesWhileChangesWait()
    {
        const QString path = defaultReplica();
        QCOMPARE(cli({u"sync"_s, u"--quiet"_s}).exitCode, 0);
        const QString grade = teachersGrade(exported(u"laptop.sqlite"_s), m_teacherPerson, 2);
        QVERIFY(!grade.isEmpty());
        QCOMPARE(cli({u"set"_s, u"grade"_s, grade, u"comment"_s, u"À revoir"_s}).exitCode, 0);

        QCOMPARE(cli({u"logout"_s, u"--discard-unsent"_s}).exitCode, 2);
        QCOMPARE(cli({u"logout"_s, u"--forget"_s, u"now"_s}).exitCode, 2);
        const Run refused = cli({u"logout"_s, u"--forget"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"1 change(s)"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u"--discard-unsent"_s), qPrintable(refused.err));
        // Nothing changed: the copy and the session are still there.
        QVERIFY(QFile::exists(path));
        QCOMPARE(cli({u"whoami"_s}).exitCode, 0);
        QVERIFY(cli({u"status"_s}).out.contains(u"pending changes: 1"_s));

        const Run forced = cli({u"logout"_s, u"--forget"_s, u"--discard-unsent"_s});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY(forced.out.contains(u"Removed this computer's copy"_s));
        QVERIFY(!QFile::exists(path));
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s})
            QVERIFY(!QFile::exists(path + suffix));
        QCOMPARE(cli({u"whoami"_s}).exitCode, 1);
        QCOMPARE(signIn().exitCode, 0);
    }

    void logoutForgetRemovesASyncedCopy()
    {
        QCOMPARE(cli({u"sync"_s, u"--quiet"_s}).exitCode, 0);
        const QString path = defaultReplica();
        QVERIFY(QFile::exists(path));
        // Without --forget the copy stays for the next sign-in.
        QCOMPARE(cli({u"logout"_s}).exitCode, 0);
        QVERIFY(QFile::exists(path));
        QCOMPARE(signIn().exitCode, 0);

        const Run logout = cli({u"logout"_s, u"--forget"_s});
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
        QVERIFY(logout.out.contains(u"Signed out"_s));
        QVERIFY(!QFile::exists(path));
        // Signed out already: nothing to name the copy by.
        QCOMPARE(cli({u"logout"_s, u"--forget"_s}).exitCode, 1);
        QCOMPARE(signIn().exitCode, 0);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestCliSync)
#include "tst_clisync.moc"
