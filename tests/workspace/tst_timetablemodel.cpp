// The teacher's week over a replica synced from the reference school: the
// slots of week A or B, the changes the secretariat makes to single lessons,
// opening a lesson and finding today's.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "workspace/timetable/timetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Workspace::TimetableModel;
using Status = Workspace::TimetableModel::Status;

namespace {

const QDate kWeekA(2025, 3, 31); // ISO week 14, the week of "today"
const QDate kWeekB(2025, 4, 7);

Status statusAt(const TimetableModel &model, int row)
{
    return Status(model.index(row, 0).data(TimetableModel::StatusRole).toInt());
}

int rowOf(const TimetableModel &model, const QString &slotId, const QDate &date)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(TimetableModel::SlotIdRole).toString() == slotId
            && index.data(TimetableModel::DateRole).toDate() == date)
            return row;
    }
    return -1;
}

} // namespace

class TestTimetableModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;
    std::unique_ptr<SyncedClient> m_secretariat;

    Workspace::Workspace &workspace() { return m_teacher->workspace(); }

    // The teacher's slots of a week pattern, as the replica holds them.
    QList<Core::Record> slotsOf(const QString &pattern)
    {
        return workspace().select(u"timetable_slot"_s, u"teacher_id = ? AND week_pattern = ?"_s,
                                  {workspace().personId(), pattern}, u"weekday, start_minute"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        m_secretariat = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"secretariat.sqlite"_s));
        QVERIFY2(m_secretariat->signIn(QString::fromUtf16(kSecretariatLogin)),
                 qPrintable(m_secretariat->errorString()));
        QVERIFY2(m_secretariat->sync(), qPrintable(m_secretariat->errorString()));
    }

    void cleanupTestCase()
    {
        m_teacher.reset();
        m_secretariat.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void weekAHoldsEveryAndWeekASlotsInOrder()
    {
        QVERIFY(TimetableModel::isWeekA(kWeekA));
        QVERIFY(!TimetableModel::isWeekA(kWeekB));
        TimetableModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setWeek(QDate(2025, 4, 2));
        QCOMPARE(model.week(), kWeekA);
        const qsizetype expected = slotsOf(u"every"_s).size() + slotsOf(u"week_a"_s).size();
        QVERIFY(expected > 0);
        QCOMPARE(model.rowCount(), int(expected));
        for (int row = 1; row < model.rowCount(); ++row) {
            const QDate before = model.index(row - 1, 0).data(TimetableModel::DateRole).toDate();
            const QDate date = model.index(row, 0).data(TimetableModel::DateRole).toDate();
            QVERIFY(before <= date);
            if (before == date)
                QVERIFY(model.index(row - 1, 0).data(TimetableModel::StartMinuteRole).toInt()
                        <= model.index(row, 0).data(TimetableModel::StartMinuteRole).toInt());
        }
        for (const Core::Record &slot : slotsOf(u"week_b"_s))
            QCOMPARE(rowOf(model, slot.id(), kWeekA.addDays(slot.number(u"weekday"_s) - 1)), -1);
        for (const Core::Record &slot : slotsOf(u"week_a"_s))
            QVERIFY(rowOf(model, slot.id(), kWeekA.addDays(slot.number(u"weekday"_s) - 1)) >= 0);
        QVERIFY(!model.index(0, TimetableModel::SubjectColumn).data().toString().isEmpty());
        QVERIFY(!model.index(0, TimetableModel::AudienceColumn).data().toString().isEmpty());

        model.setWeek(kWeekB.addDays(4));
        QCOMPARE(model.week(), kWeekB);
        QCOMPARE(model.rowCount(), int(slotsOf(u"every"_s).size() + slotsOf(u"week_b"_s).size()));
        for (const Core::Record &slot : slotsOf(u"week_a"_s))
            QCOMPARE(rowOf(model, slot.id(), kWeekB.addDays(slot.number(u"weekday"_s) - 1)), -1);
    }

    void showsTheSecretariatsChanges()
    {
        // Only the secretariat and the head change the timetable
        // (timetable_exception is theirs in the write policy).
        const QList<Core::Record> every = slotsOf(u"every"_s);
        QVERIFY(every.size() >= 3);
        const Core::Record &cancelled = every.at(0);
        const Core::Record &moved = every.at(1);
        const Core::Record &roomChanged = every.at(2);
        const QDate cancelledOn = kWeekA.addDays(cancelled.number(u"weekday"_s) - 1);
        const QDate movedFrom = kWeekA.addDays(-7 + moved.number(u"weekday"_s) - 1);
        const QDate movedTo = QDate(2025, 4, 5); // the Saturday, free of any slot
        const QDate roomChangedOn = kWeekA.addDays(roomChanged.number(u"weekday"_s) - 1);
        for (const auto &[slot, date] :
             {std::pair{cancelled, cancelledOn}, std::pair{moved, movedFrom}, std::pair{roomChanged, roomChangedOn}}) {
            QVERIFY(workspace()
                        .select(u"timetable_exception"_s, u"slot_id = ? AND date = ?"_s,
                                {slot.id(), date.toString(Qt::ISODate)})
                        .isEmpty());
        }
        Workspace::Workspace &office = m_secretariat->workspace();
        auto exception = [&office](const Core::Record &slot, const QDate &date, const QString &kind) {
            Core::Record r(u"timetable_exception"_s, Core::newId());
            r.set(u"establishment_id"_s, slot.text(u"establishment_id"_s));
            r.set(u"slot_id"_s, slot.id());
            r.set(u"date"_s, date.toString(Qt::ISODate));
            r.set(u"kind"_s, kind);
            return Workspace::Workspace::Write{Workspace::Workspace::Write::Kind::Create, r, {}};
        };
        QList<Workspace::Workspace::Write> writes{exception(cancelled, cancelledOn, u"cancelled"_s),
                                                  exception(moved, movedFrom, u"moved"_s),
                                                  exception(roomChanged, roomChangedOn, u"room_changed"_s)};
        writes[0].values.set(u"note"_s, u"Sortie au musée."_s);
        writes[1].values.set(u"new_date"_s, movedTo.toString(Qt::ISODate));
        writes[1].values.set(u"new_start_minute"_s, qint64(9 * 60));
        writes[2].values.set(u"new_room"_s, u"Salle 204"_s);
        QVERIFY(office.apply(writes).ok());
        QVERIFY2(m_secretariat->sync(), qPrintable(m_secretariat->errorString()));
        QCOMPARE(m_secretariat->store().pendingCount().value(), 0);

        TimetableModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setWeek(kWeekA);
        const int rowsBefore = model.rowCount();
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        workspace().notifyReloaded();
        // The moved lesson comes into this week.
        QCOMPARE(model.rowCount(), rowsBefore + 1);

        const int cancelledRow = rowOf(model, cancelled.id(), cancelledOn);
        QVERIFY(cancelledRow >= 0);
        QCOMPARE(statusAt(model, cancelledRow), Status::Cancelled);
        QVERIFY(
            model.index(cancelledRow, TimetableModel::StatusColumn).data().toString().contains(u"Sortie au musée."_s));
        const int movedRow = rowOf(model, moved.id(), movedTo);
        QVERIFY(movedRow >= 0);
        QCOMPARE(statusAt(model, movedRow), Status::MovedHere);
        QCOMPARE(model.index(movedRow, 0).data(TimetableModel::StartMinuteRole).toInt(), 9 * 60);
        QCOMPARE(movedRow, model.rowCount() - 1); // Saturday comes last
        const int roomRow = rowOf(model, roomChanged.id(), roomChangedOn);
        QVERIFY(roomRow >= 0);
        QCOMPARE(statusAt(model, roomRow), Status::RoomChanged);
        QCOMPARE(model.index(roomRow, TimetableModel::RoomColumn).data().toString(), u"Salle 204"_s);

        TimetableModel before(workspace());
        before.setWeek(movedFrom);
        const int awayRow = rowOf(before, moved.id(), movedFrom);
        QVERIFY(awayRow >= 0);
        QCOMPARE(statusAt(before, awayRow), Status::MovedAway);
        QVERIFY(!before.openSession(awayRow).ok());

        // A cancelled lesson has nothing to open.
        const qint64 pending = m_teacher->store().pendingCount().value();
        const Core::Result<QString> refused = model.openSession(cancelledRow);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Core::ErrorCode::Forbidden);
        QCOMPARE(m_teacher->store().pendingCount().value(), pending);
    }

    void openingALessonMakesOneSession()
    {
        TimetableModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setWeek(kWeekA);
        int row = -1;
        for (int r = 0; r < model.rowCount() && row < 0; ++r) {
            if (statusAt(model, r) == Status::Normal
                && model.index(r, 0).data(TimetableModel::SessionIdRole).toString().isEmpty())
                row = r;
        }
        QVERIFY(row >= 0);
        const QString slotId = model.index(row, 0).data(TimetableModel::SlotIdRole).toString();
        const QDate date = model.index(row, 0).data(TimetableModel::DateRole).toDate();
        const qint64 pending = m_teacher->store().pendingCount().value();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        const Core::Result<QString> opened = model.openSession(row);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().context));
        QCOMPARE(m_teacher->store().pendingCount().value(), pending + 1);
        QCOMPARE(reset.count(), 0); // the same rows: the selection stays
        QCOMPARE(model.index(row, 0).data(TimetableModel::SessionIdRole).toString(), *opened);
        const Core::Result<QString> again = model.openSession(row);
        QVERIFY(again.ok());
        QCOMPARE(*again, *opened);
        QCOMPARE(m_teacher->store().pendingCount().value(), pending + 1);

        const std::optional<Core::Record> session = workspace().row(u"lesson_session"_s, *opened);
        QVERIFY(session);
        QCOMPARE(session->text(u"slot_id"_s), slotId);
        QCOMPARE(session->text(u"date"_s), date.toString(Qt::ISODate));
        QCOMPARE(session->text(u"teacher_id"_s), workspace().personId());

        // The server takes it.
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QCOMPARE(m_teacher->store().pendingCount().value(), 0);
        QVERIFY(workspace().row(u"lesson_session"_s, *opened).has_value());
    }

    void todayRowIsTheCurrentOrNextLesson()
    {
        TimetableModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setWeek(workspace().today());
        const int nowMinute = 10 * 60;
        int expected = -1;
        for (int row = 0; row < model.rowCount() && expected < 0; ++row) {
            const QModelIndex index = model.index(row, 0);
            const int start = index.data(TimetableModel::StartMinuteRole).toInt();
            if (index.data(TimetableModel::DateRole).toDate() == workspace().today() && start + 55 > nowMinute
                && statusAt(model, row) != Status::MovedAway)
                expected = row;
        }
        QCOMPARE(model.todayRow(), expected);
        // Today's lessons of the reference school have their sessions.
        if (expected >= 0)
            QVERIFY(!model.index(expected, 0).data(TimetableModel::SessionIdRole).toString().isEmpty());
        model.setWeek(kWeekB);
        QCOMPARE(model.todayRow(), -1);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestTimetableModel)
#include "tst_timetablemodel.moc"
