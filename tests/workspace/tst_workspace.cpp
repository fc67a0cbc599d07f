// The workspace of a teacher over a replica synced from a real server with
// the reference school: who he is, what he teaches, his students, and local
// writes that are durable, announced and pushed.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "core/ids.h"

#include <QCollator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
    }

    void cleanupTestCase()
    {
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void knowsWhoTheTeacherIs()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        QVERIFY(!workspace.personId().isEmpty());
        QCOMPARE(workspace.personName(workspace.personId()), QString::fromUtf16(kTeacherName));
        QVERIFY(!workspace.establishmentId().isEmpty());
        QVERIFY(workspace.periodOn(workspace.today()).has_value());
    }

    // A colleague's person row, with his address and phone, is not in a
    // teacher's replica; his name comes from the staff directory.
    void namesColleaguesFromTheDirectory()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        const QList<Core::Record> colleagues = workspace.select(u"staff_member"_s, u"person_id <> ?"_s,
                                                                {workspace.personId()}, u"id"_s);
        QVERIFY(colleagues.size() > 5);
        const Core::Record &colleague = colleagues.constFirst();
        const QString personId = colleague.text(u"person_id"_s);
        QVERIFY(workspace.select(u"person"_s, u"id = ?"_s, {personId}).isEmpty());
        QCOMPARE(workspace.personName(personId),
                 colleague.text(u"first_name"_s) + u' ' + colleague.text(u"last_name"_s));
    }

    void listsTeachingsAndTheirStudentsInOrder()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        const QList<Workspace::Teaching> teachings = workspace.teachings();
        QVERIFY(!teachings.isEmpty());
        for (const Workspace::Teaching &teaching : teachings) {
            QVERIFY(!teaching.audience.isEmpty());
            QVERIFY(!teaching.subject.isEmpty());
            QCOMPARE(teaching.classId.isEmpty(), !teaching.groupId.isEmpty());
        }
        const Workspace::Teaching &first = teachings.constFirst();
        const QList<Workspace::Student> students = workspace.studentsOf(first.classId, first.groupId,
                                                                        workspace.today());
        QVERIFY(students.size() > 5);
        // In French order: "Lécuyer" comes before "Lefebvre".
        QCollator french(QLocale(QLocale::French, QLocale::France));
        french.setCaseSensitivity(Qt::CaseInsensitive);
        for (qsizetype i = 1; i < students.size(); ++i)
            QVERIFY(french.compare(students.at(i - 1).lastName, students.at(i).lastName) <= 0);
    }

    void aLocalWriteIsDurableAnnouncedAndPushed()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        const Workspace::Teaching teaching = workspace.teachings().constFirst();
        QSignalSpy changed(&workspace, &Workspace::Workspace::changed);
        Core::Record homework(u"homework"_s, Core::newId());
        homework.set(u"establishment_id"_s, workspace.establishmentId());
        if (teaching.classId.isEmpty())
            homework.set(u"group_id"_s, teaching.groupId);
        else
            homework.set(u"class_id"_s, teaching.classId);
        homework.set(u"subject_id"_s, teaching.subjectId);
        homework.set(u"teacher_id"_s, workspace.personId());
        homework.set(u"assigned_on"_s, u"2025-04-04"_s);
        homework.set(u"due_on"_s, u"2025-04-11"_s);
        homework.set(u"text"_s, u"Exercices 12 à 15 page 87"_s);
        homework.set(u"requires_submission"_s, false);
        QVERIFY(workspace.create(homework).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.constFirst().at(0).toString(), u"homework"_s);
        QCOMPARE(m_teacher->store().pendingCount().value(), 1);

        // A refused write changes nothing and says why.
        Core::Record wrong = homework;
        wrong.setId(Core::newId());
        wrong.set(u"due_on"_s, u"2025-04-01"_s);
        const Core::Result<qint64> refused = workspace.create(wrong);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Core::ErrorCode::InconsistentFields);
        QCOMPARE(changed.count(), 1);

        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QCOMPARE(m_teacher->store().pendingCount().value(), 0);
        QVERIFY(workspace.row(u"homework"_s, homework.id()).has_value());
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
