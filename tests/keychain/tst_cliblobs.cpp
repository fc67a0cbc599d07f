// cartable-cli put and get against a real server holding the reference
// school, on the backend named by CARTABLE_TEST_BACKEND: a teacher puts a
// file on a homework, a student of the class gets it back byte for byte, a
// student of another class is told it does not exist, and the errors of
// both commands.

#include "tests/support/clirun.h"
#include "tests/support/serverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestCliBlobs : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;

    static Run cli(const QStringList &arguments, const QByteArray &input = {}) { return runCli(arguments, input); }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Signs in as `login` and syncs its replica; false after a warning.
    bool become(const QString &login)
    {
        const Run signedIn = cli({u"login"_s, u"--server"_s, m_server->url().toString(), u"--login"_s, login,
                                  u"--password-stdin"_s},
                                 QByteArray("cartable\n"));
        if (signedIn.exitCode != 0) {
            qWarning("login %s: %s", qPrintable(login), qPrintable(signedIn.err));
            return false;
        }
        const Run synced = cli({u"sync"_s, u"--quiet"_s, u"--replica"_s, path(login + u".sqlite"_s)});
        if (synced.exitCode != 0)
            qWarning("sync %s: %s", qPrintable(login), qPrintable(synced.err));
        return synced.exitCode == 0;
    }

    QList<QJsonObject> rowsOf(const QString &login, const QString &type) const
    {
        QList<QJsonObject> rows;
        const Run run = cli({u"export"_s, u"--replica"_s, path(login + u".sqlite"_s)});
        for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject row = QJsonDocument::fromJson(line.toUtf8()).object();
            if (row.value(u"type"_s).toString() == type)
                rows.append(row);
        }
        return rows;
    }

    static QByteArray readFile(const QString &file)
    {
        QFile in(file);
        return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    QString m_teacher = QString::fromUtf16(kTeacherLogin);
    QString m_student = QString::fromUtf16(kStudentLogin);
    QString m_homework;
    QString m_attachment;
    QString m_sha256;
    QByteArray m_bytes;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under tests/support/with-keyring.sh, which provides a session bus");
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(backendFromEnvironment());
        QVERIFY2(m_server->fillWithReferenceSchool(0.05), qPrintable(m_server->errorString()));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_bytes = "%PDF-1.7\n";
        QRandomGenerator random(7);
        while (m_bytes.size() < 3 * 1024 * 1024)
            m_bytes.append(char(random.bounded(256)));
        QFile file(path(u"Sujet.pdf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(m_bytes) == m_bytes.size());
    }

    void cleanupTestCase()
    {
        cli({u"logout"_s});
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void teacherPutsAFileOnAHomework()
    {
        QVERIFY(become(m_student));
        QSet<QString> studentsHomework;
        for (const QJsonObject &row : rowsOf(m_student, u"homework"_s))
            studentsHomework.insert(row.value(u"id"_s).toString());
        QVERIFY(become(m_teacher));
        QString person;
        for (const QJsonObject &row : rowsOf(m_teacher, u"account"_s)) {
            if (row.value(u"login"_s).toString() == m_teacher)
                person = row.value(u"person_id"_s).toString();
        }
        for (const QJsonObject &row : rowsOf(m_teacher, u"homework"_s)) {
            if (row.value(u"teacher_id"_s).toString() == person
                && studentsHomework.contains(row.value(u"id"_s).toString())) {
                m_homework = row.value(u"id"_s).toString();
                break;
            }
        }
        QVERIFY2(!m_homework.isEmpty(), "no homework of the teacher's reaches the student");

        const QString replica = path(m_teacher + u".sqlite"_s);
        // Bad input: nothing saved.
        QCOMPARE(cli({u"put"_s, path(u"Sujet.pdf"_s), u"--replica"_s, replica}).exitCode, 2);
        QCOMPARE(cli({u"put"_s, path(u"Sujet.pdf"_s), u"--attach"_s, u"homework"_s, u"--replica"_s, replica}).exitCode,
                 2);
        const Run missing = cli(
            {u"put"_s, path(u"nothing.pdf"_s), u"--attach"_s, u"homework:"_s + m_homework, u"--replica"_s, replica});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"not_found"_s), qPrintable(missing.err));
        const Run unknownOwner = cli({u"put"_s, path(u"Sujet.pdf"_s), u"--attach"_s,
                                      u"homework:0193f000-0000-7000-8000-000000000000"_s, u"--replica"_s, replica});
        QCOMPARE(unknownOwner.exitCode, 1);
        QFile program(path(u"outil.exe"_s));
        QVERIFY(program.open(QIODevice::WriteOnly));
        program.write(QByteArray("MZ\x90\x00", 4) + QByteArray(1000, '\0'));
        program.close();
        const Run refused = cli(
            {u"put"_s, path(u"outil.exe"_s), u"--attach"_s, u"homework:"_s + m_homework, u"--replica"_s, replica});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"file_type_refused"_s), qPrintable(refused.err));
        QVERIFY(cli({u"status"_s, u"--replica"_s, replica}).out.contains(u"pending changes: 0"_s));

        const Run put = cli(
            {u"put"_s, path(u"Sujet.pdf"_s), u"--attach"_s, u"homework:"_s + m_homework, u"--replica"_s, replica});
        QVERIFY2(put.exitCode == 0, qPrintable(put.err));
        const QStringList printed = put.out.trimmed().split(u' ');
        QCOMPARE(printed.size(), 2);
        m_attachment = printed.at(0);
        m_sha256 = printed.at(1);
        QCOMPARE(m_sha256, QString::fromLatin1(QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex()));
        QVERIFY(put.err.contains(u"sent"_s));
        QVERIFY(cli({u"status"_s, u"--replica"_s, replica}).out.contains(u"pending changes: 0"_s));
    }

    void studentOfTheClassGetsItBack()
    {
        QVERIFY(!m_attachment.isEmpty());
        QVERIFY(become(m_student));
        const QString replica = path(m_student + u".sqlite"_s);
        const QString target = path(u"received.pdf"_s);
        const Run get = cli({u"get"_s, m_attachment, u"-o"_s, target, u"--replica"_s, replica});
        QVERIFY2(get.exitCode == 0, qPrintable(get.err));
        QCOMPARE(get.out.trimmed(), target);
        QCOMPARE(readFile(target), m_bytes);

        // An existing file stays unless --force.
        QFile changed(target);
        QVERIFY(changed.open(QIODevice::WriteOnly));
        changed.write("mine");
        changed.close();
        const Run refused = cli({u"get"_s, m_sha256, u"-o"_s, target, u"--replica"_s, replica});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(u"--force"_s));
        QCOMPARE(readFile(target), QByteArray("mine"));
        QCOMPARE(cli({u"get"_s, m_sha256, u"-o"_s, target, u"--force"_s, u"--replica"_s, replica}).exitCode, 0);
        QCOMPARE(readFile(target), m_bytes);
        // An id that names no file of the replica.
        const Run unknown = cli({u"get"_s, u"0193f000-0000-7000-8000-000000000000"_s, u"--replica"_s, replica});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(u"not_found"_s));
    }

    void studentOfAnotherClassIsToldItDoesNotExist()
    {
        QVERIFY(!m_sha256.isEmpty());
        // Who is in which class, as the school office knows it.
        const QString office = QString::fromUtf16(kSecretariatLogin);
        QVERIFY(become(office));
        QString homeworkClass;
        QString homeworkGroup;
        for (const QJsonObject &row : rowsOf(office, u"homework"_s)) {
            if (row.value(u"id"_s).toString() == m_homework) {
                homeworkClass = row.value(u"class_id"_s).toString();
                homeworkGroup = row.value(u"group_id"_s).toString();
            }
        }
        QSet<QString> inClass;
        QSet<QString> students;
        for (const QJsonObject &row : rowsOf(office, u"class_membership"_s)) {
            students.insert(row.value(u"student_id"_s).toString());
            if (row.value(u"class_id"_s).toString() == homeworkClass)
                inClass.insert(row.value(u"student_id"_s).toString());
        }
        for (const QJsonObject &row : rowsOf(office, u"group_membership"_s)) {
            if (row.value(u"group_id"_s).toString() == homeworkGroup)
                inClass.insert(row.value(u"student_id"_s).toString());
        }
        QString outsider;
        for (const QJsonObject &row : rowsOf(office, u"account"_s)) {
            const QString person = row.value(u"person_id"_s).toString();
            if (students.contains(person) && !inClass.contains(person)) {
                outsider = row.value(u"login"_s).toString();
                break;
            }
        }
        if (outsider.isEmpty())
            QSKIP(qPrintable(u"no student outside the homework's class among %1 students"_s.arg(students.size())));
        QVERIFY(become(outsider));
        const Run get = cli(
            {u"get"_s, m_sha256, u"-o"_s, path(u"outsider.pdf"_s), u"--replica"_s, path(outsider + u".sqlite"_s)});
        QCOMPARE(get.exitCode, 1);
        QVERIFY2(get.err.contains(u"not_found"_s), qPrintable(get.err));
        QVERIFY(!QFile::exists(path(u"outsider.pdf"_s)));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestCliBlobs)
#include "tst_cliblobs.moc"
