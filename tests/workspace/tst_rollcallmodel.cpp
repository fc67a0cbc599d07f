// The roll call of a lesson over a replica synced from the reference school:
// each mark saved at once, lateness within its bounds, the rest marked present
// in one write, the roll call closed, and the vie scolaire seeing it all.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "workspace/attendance/rollcallmodel.h"
#include "workspace/timetable/timetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Workspace::RollCallModel;
using Status = Workspace::RollCallModel::Status;

namespace {

constexpr char16_t kVieScolaireLogin[] = u"cpe.petit";

} // namespace

class TestRollCallModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;
    std::unique_ptr<SyncedClient> m_vieScolaire;
    QString m_sessionId;

    Workspace::Workspace &workspace() { return m_teacher->workspace(); }
    qint64 pending() { return m_teacher->store().pendingCount().value(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));

        // A lesson of Monday 31 March, opened from the timetable.
        Workspace::TimetableModel timetable(workspace());
        timetable.setWeek(QDate(2025, 3, 31));
        QVERIFY(timetable.rowCount() > 0);
        const Core::Result<QString> opened = timetable.openSession(0);
        QVERIFY(opened.ok());
        m_sessionId = *opened;
    }

    void cleanupTestCase()
    {
        m_teacher.reset();
        m_vieScolaire.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void listsTheClassNotTakenYet()
    {
        RollCallModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSession(m_sessionId);
        const Core::Record session = *workspace().row(u"lesson_session"_s, m_sessionId);
        const QList<Workspace::Student> students
            = workspace().studentsOf(session.text(u"class_id"_s), session.text(u"group_id"_s), QDate(2025, 3, 31));
        QVERIFY(students.size() > 5);
        QCOMPARE(model.rowCount(), int(students.size()));
        QCOMPARE(model.index(0, RollCallModel::StudentColumn).data().toString(), students.constFirst().displayName());
        QCOMPARE(model.count(Status::NotTaken), model.rowCount());
        QVERIFY(model.index(0, RollCallModel::StatusColumn).data().toString().contains(u"Not taken"_s));
        QVERIFY(!model.isDone());
    }

    void marksAreSavedAtOnce()
    {
        RollCallModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSession(m_sessionId);
        QSignalSpy failed(&model, &RollCallModel::saveFailed);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const qint64 before = pending();

        QVERIFY(model.setStatus(0, Status::Present).ok());
        QVERIFY(model.setStatus(1, Status::Absent).ok());
        QVERIFY(model.setStatus(2, Status::Late, 10).ok());
        QCOMPARE(pending(), before + 3);
        QCOMPARE(model.status(0), Status::Present);
        QCOMPARE(model.status(1), Status::Absent);
        QCOMPARE(model.status(2), Status::Late);
        QCOMPARE(model.index(2, 0).data(RollCallModel::MinutesLateRole).toInt(), 10);
        QCOMPARE(model.index(2, RollCallModel::MinutesLateColumn).data().toString(), u"10 min"_s);
        QCOMPARE(reset.count(), 0);

        // A lateness needs 1 to 240 minutes; nothing is written otherwise.
        for (int minutes : {0, 241}) {
            const Core::Status refused = model.setStatus(3, Status::Late, minutes);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, Core::ErrorCode::FieldOutOfRange);
        }
        QCOMPARE(failed.count(), 2);
        QCOMPARE(model.status(3), Status::NotTaken);
        QCOMPARE(pending(), before + 3);

        // Changing one's mind updates the same row.
        QVERIFY(model.setStatus(2, Status::Present).ok());
        QCOMPARE(model.status(2), Status::Present);
        QCOMPARE(model.index(2, 0).data(RollCallModel::MinutesLateRole).toInt(), 0);
        const QList<Core::Record> entries = workspace().select(u"roll_call_entry"_s, u"session_id = ?"_s,
                                                               {m_sessionId});
        QCOMPARE(entries.size(), 3);
        for (const Core::Record &entry : entries) {
            QCOMPARE(entry.text(u"recorded_by"_s), workspace().accountId());
            QCOMPARE(entry.number(u"recorded_at"_s), workspace().nowMillis());
        }
        QVERIFY(model.setStatus(2, Status::Late, 240).ok());
        QCOMPARE(model.count(Status::Present), 1);
        QCOMPARE(model.count(Status::Absent), 1);
        QCOMPARE(model.count(Status::Late), 1);
    }

    void theRestIsPresentInOneWrite()
    {
        RollCallModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSession(m_sessionId);
        const int remaining = model.count(Status::NotTaken);
        QCOMPARE(remaining, model.rowCount() - 3);
        // The roll call is not done while someone is not taken.
        QVERIFY(!model.finish().ok());
        QVERIFY(!model.isDone());

        const qint64 before = pending();
        QSignalSpy changed(&workspace(), &Workspace::Workspace::changed);
        QVERIFY(model.markAllRemainingPresent().ok());
        QCOMPARE(pending(), before + remaining);
        QCOMPARE(changed.count(), remaining);
        QCOMPARE(model.count(Status::NotTaken), 0);
        QCOMPARE(model.count(Status::Present), remaining + 1);
        QCOMPARE(model.status(1), Status::Absent);
        QCOMPARE(model.status(2), Status::Late);

        QVERIFY(model.finish().ok());
        QVERIFY(model.isDone());
        QVERIFY(workspace().row(u"lesson_session"_s, m_sessionId)->isSet(u"roll_call_done_at"_s));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QCOMPARE(pending(), 0);
    }

    void theVieScolaireSeesTheRollCall()
    {
        m_vieScolaire = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"cpe.sqlite"_s));
        QVERIFY2(m_vieScolaire->signIn(QString::fromUtf16(kVieScolaireLogin)),
                 qPrintable(m_vieScolaire->errorString()));
        QVERIFY2(m_vieScolaire->sync(), qPrintable(m_vieScolaire->errorString()));
        Workspace::Workspace &office = m_vieScolaire->workspace();
        const QList<Core::Record> entries = office.select(u"roll_call_entry"_s, u"session_id = ?"_s, {m_sessionId});
        RollCallModel mine(workspace());
        mine.setSession(m_sessionId);
        QCOMPARE(entries.size(), qsizetype(mine.rowCount()));
        RollCallModel theirs(office);
        QAbstractItemModelTester tester(&theirs, QAbstractItemModelTester::FailureReportingMode::Fatal);
        theirs.setSession(m_sessionId);
        QVERIFY(theirs.isDone());
        QCOMPARE(theirs.rowCount(), mine.rowCount());
        for (int row = 0; row < mine.rowCount(); ++row)
            QCOMPARE(theirs.status(row), mine.status(row));
        QCOMPARE(theirs.index(2, 0).data(RollCallModel::MinutesLateRole).toInt(), 240);
    }

    void showsTheAbsenceTheVieScolaireKnows()
    {
        QVERIFY(m_vieScolaire);
        Workspace::Workspace &office = m_vieScolaire->workspace();
        RollCallModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSession(m_sessionId);
        int row = -1;
        for (int r = 0; r < model.rowCount() && row < 0; ++r) {
            if (model.index(r, RollCallModel::KnownAbsenceColumn).data().toString().isEmpty())
                row = r;
        }
        QVERIFY(row >= 0);
        Core::Record absence(u"absence"_s, Core::newId());
        absence.set(u"establishment_id"_s, model.session().text(u"establishment_id"_s));
        absence.set(u"student_id"_s, model.index(row, 0).data(RollCallModel::StudentIdRole).toString());
        absence.set(u"kind"_s, u"absence"_s);
        absence.set(u"starts_on"_s, u"2025-03-31"_s);
        absence.set(u"start_half_day"_s, u"morning"_s);
        absence.set(u"ends_on"_s, u"2025-03-31"_s);
        absence.set(u"end_half_day"_s, u"afternoon"_s);
        absence.set(u"reason"_s, u"illness"_s);
        absence.set(u"recorded_by"_s, office.accountId());
        absence.set(u"recorded_at"_s, office.nowMillis());
        absence.set(u"justification_status"_s, u"accepted"_s);
        absence.set(u"regularised_by"_s, office.accountId());
        absence.set(u"regularised_at"_s, office.nowMillis());
        QVERIFY(office.create(absence).ok());
        QVERIFY2(m_vieScolaire->sync(), qPrintable(m_vieScolaire->errorString()));
        QCOMPARE(m_vieScolaire->store().pendingCount().value(), 0);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        workspace().notifyReloaded();
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(row, RollCallModel::KnownAbsenceColumn).data().toString(),
                 u"Absence justified: illness"_s);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestRollCallModel)
#include "tst_rollcallmodel.moc"
