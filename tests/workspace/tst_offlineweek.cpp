// A teacher's week of work with no network, through the same models as the
// screens: the roll calls of his lessons, an evaluation with a class's
// grades, cahier de textes entries and homework, all saved while the server
// is down. When it is back, one sync sends everything; his other computer
// and the vie scolaire see all of it.

#include "tests/support/syncedclient.h"

#include "workspace/attendance/rollcallmodel.h"
#include "workspace/gradebook/gradebookmodel.h"
#include "workspace/lessons/homeworkmodel.h"
#include "workspace/lessons/lessonentry.h"
#include "workspace/timetable/timetablemodel.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr char16_t kVieScolaireLogin[] = u"cpe.petit";

} // namespace

class TestOfflineWeek : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void aWeekOfflineReachesTheOtherClients()
    {
        SyncedClient laptop(m_server->url(), m_dir.filePath(u"laptop.sqlite"_s));
        QVERIFY2(laptop.signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(laptop.errorString()));
        QVERIFY2(laptop.sync(), qPrintable(laptop.errorString()));
        Workspace::Workspace &workspace = laptop.workspace();

        // On the train.
        QCOMPARE(m_server->stop(), 0);

        // The roll call of every lesson of the week that takes place.
        Workspace::TimetableModel timetable(workspace);
        timetable.setWeek(workspace.today());
        QStringList sessions;
        for (int row = 0; row < timetable.rowCount(); ++row) {
            const Core::Result<QString> session = timetable.openSession(row);
            if (session)
                sessions.append(*session);
        }
        QVERIFY(sessions.size() >= 5);
        Workspace::RollCallModel rollCall(workspace);
        for (const QString &session : std::as_const(sessions)) {
            rollCall.setSession(session);
            QVERIFY(rollCall.rowCount() > 2);
            QVERIFY(rollCall.setStatus(0, Workspace::RollCallModel::Status::Absent).ok());
            QVERIFY(rollCall.setStatus(1, Workspace::RollCallModel::Status::Late, 10).ok());
            QVERIFY(rollCall.markAllRemainingPresent().ok());
            QVERIFY(rollCall.finish().ok());
        }

        // An evaluation of the largest class, and its grades typed in.
        QList<Workspace::Teaching> teachings = workspace.teachings();
        QVERIFY(!teachings.isEmpty());
        Workspace::Teaching largest = teachings.constFirst();
        for (const Workspace::Teaching &teaching : std::as_const(teachings)) {
            if (workspace.studentsOf(teaching.classId, teaching.groupId, workspace.today()).size()
                > workspace.studentsOf(largest.classId, largest.groupId, workspace.today()).size()) {
                largest = teaching;
            }
        }
        Workspace::GradeBookModel gradeBook(workspace);
        gradeBook.setTeaching(largest);
        Workspace::EvaluationDraft draft;
        draft.title = u"Devoir surveillé du train"_s;
        draft.date = workspace.today();
        draft.coefficient = *Core::Coefficient::fromHundredths(200);
        draft.scale = 20;
        draft.periodId = workspace.periodOn(workspace.today())->id();
        const Core::Result<QString> evaluation = gradeBook.createEvaluation(draft);
        QVERIFY(evaluation.ok());
        const QList<Workspace::Student> students = workspace.studentsOf(largest.classId, largest.groupId,
                                                                        workspace.today());
        QVERIFY(students.size() >= 25);
        const QStringList typed{u"15,5"_s, u"12"_s, u"abs"_s, u"8.25"_s, u"20"_s, u"disp"_s, u"9,5"_s};
        for (qsizetype i = 0; i < students.size() && i < 30; ++i) {
            const QModelIndex cell = gradeBook.indexOf(students.at(i).id, *evaluation);
            QVERIFY(cell.isValid());
            QVERIFY(gradeBook.setData(cell, typed.at(i % typed.size())));
        }
        const qsizetype graded = qMin<qsizetype>(students.size(), 30);

        // What was done in two lessons, and homework for the next one.
        Workspace::LessonEntry entry(workspace);
        for (qsizetype i = 0; i < 2; ++i) {
            QVERIFY(entry.setSessionId(sessions.at(i)).ok());
            QVERIFY(entry.save(u"Séance %1"_s.arg(i + 1), u"Correction des exercices ; cours sur les suites."_s).ok());
        }
        Workspace::HomeworkDraft homework;
        homework.dueOn = workspace.today().addDays(7);
        homework.text = u"Exercices 12 à 15 page 87"_s;
        QVERIFY(entry.homework()->add(homework).ok());

        // Nothing can be sent yet, and nothing is lost trying.
        const qint64 pending = laptop.store().pendingCount().value();
        QVERIFY(pending > graded);
        QVERIFY(!laptop.sync());
        QCOMPARE(laptop.store().pendingCount().value(), pending);

        // Back online: one sync sends the week.
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QVERIFY2(laptop.sync(), qPrintable(laptop.errorString()));
        QCOMPARE(laptop.store().pendingCount().value(), 0);
        QVERIFY(laptop.workspace().select(u"sync_conflict"_s, u"status = 'open'"_s).isEmpty());

        // His desktop at school.
        SyncedClient desktop(m_server->url(), m_dir.filePath(u"desktop.sqlite"_s));
        QVERIFY2(desktop.signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(desktop.errorString()));
        QVERIFY2(desktop.sync(), qPrintable(desktop.errorString()));
        Workspace::Workspace &there = desktop.workspace();
        QCOMPARE(there.select(u"grade"_s, u"evaluation_id = ?"_s, {*evaluation}).size(), graded);
        QCOMPARE(there.row(u"evaluation"_s, *evaluation)->text(u"title"_s), draft.title);
        for (const QString &session : std::as_const(sessions)) {
            QVERIFY(there.row(u"lesson_session"_s, session)->isSet(u"roll_call_done_at"_s));
            QCOMPARE(there.select(u"roll_call_entry"_s, u"session_id = ?"_s, {session}).size(),
                     laptop.workspace().select(u"roll_call_entry"_s, u"session_id = ?"_s, {session}).size());
        }
        QCOMPARE(there.select(u"lesson_content"_s, u"session_id IN (?, ?)"_s, {sessions.at(0), sessions.at(1)}).size(),
                 2);
        QCOMPARE(there.select(u"homework"_s, u"text = ?"_s, {homework.text}).size(), 1);

        // The vie scolaire sees the absences and the lateness of the week.
        SyncedClient vieScolaire(m_server->url(), m_dir.filePath(u"cpe.sqlite"_s));
        QVERIFY2(vieScolaire.signIn(QString::fromUtf16(kVieScolaireLogin)), qPrintable(vieScolaire.errorString()));
        QVERIFY2(vieScolaire.sync(), qPrintable(vieScolaire.errorString()));
        for (const QString &session : std::as_const(sessions)) {
            const QList<Core::Record> entries
                = vieScolaire.workspace().select(u"roll_call_entry"_s, u"session_id = ? AND status <> 'present'"_s,
                                                 {session});
            QVERIFY(entries.size() >= 2);
        }
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestOfflineWeek)
#include "tst_offlineweek.moc"
