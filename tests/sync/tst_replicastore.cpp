// The client replica: pulled pages, buckets that hold rows, local changes
// written with their outbox entry and replayed over what the server sends,
// push answers, resets, and pages it refuses.

#include "sync/replicastore.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "tests/support/samplerecords.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Sync;
using namespace Qt::StringLiterals;
using Core::MutationOp;
using Core::Record;

namespace {

const Core::EntityDef &grades()
{
    return *Core::findEntity(u"grade"_s);
}

QJsonObject put(const QString &bucket, const Record &row)
{
    return {{u"bucket"_s, bucket}, {u"type"_s, row.type()}, {u"id"_s, row.id()}, {u"seq"_s, 1}, {u"op"_s, u"put"_s}};
}

QJsonObject remove(const QString &bucket, const Record &row)
{
    return {{u"bucket"_s, bucket}, {u"type"_s, row.type()}, {u"id"_s, row.id()}, {u"seq"_s, 2}, {u"op"_s, u"remove"_s}};
}

QJsonObject page(const QJsonArray &changes, const QList<std::pair<Record, qint64>> &rows, const QString &cursor,
                 const QStringList &drop = {}, bool reset = false)
{
    QJsonArray rowList;
    for (const auto &[row, version] : rows)
        rowList.append(
            QJsonObject{{u"version"_s, version}, {u"row"_s, Core::recordToJson(*Core::findEntity(row.type()), row)}});
    return {{u"reset"_s, reset},     {u"drop"_s, QJsonArray::fromStringList(drop)},
            {u"changes"_s, changes}, {u"rows"_s, rowList},
            {u"cursor"_s, cursor},   {u"more"_s, false},
            {u"head"_s, 10}};
}

} // namespace

class TestReplicaStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_opened = 0;

    std::unique_ptr<ReplicaStore> open(const QString &name)
    {
        Core::Result<std::unique_ptr<ReplicaStore>> store = ReplicaStore::open(m_dir.filePath(name),
                                                                               u"replica-%1"_s.arg(++m_opened));
        if (!store)
            qFatal("cannot open the replica: %s", qPrintable(store.error().context));
        return std::move(store).value();
    }

    static Record grade(int variant, qint64 mark)
    {
        Record row = Test::sampleRecord(grades(), variant);
        row.set(u"mark"_s, mark);
        return row;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void keepsItsClientId()
    {
        QString first;
        {
            auto store = open(u"id.sqlite"_s);
            first = store->clientId();
            QVERIFY(Core::isValidId(first));
        }
        auto again = open(u"id.sqlite"_s);
        QCOMPARE(again->clientId(), first);
        QCOMPARE(again->cursor().value(), QString());
    }

    void rowsLeaveWithTheirLastBucket()
    {
        auto store = open(u"buckets.sqlite"_s);
        const Record a = grade(1, 1200);
        const Record b = grade(2, 1300);
        QVERIFY(
            store
                ->applyPullPage(page({put(u"student:s1"_s, a), put(u"class_staff:c1"_s, a), put(u"student:s1"_s, b)},
                                     {{a, 5}, {b, 6}}, u"c1.one"_s))
                .ok());
        QCOMPARE(store->row(u"grade"_s, a.id()).value(), std::optional<Record>(a));
        QCOMPARE(store->version(u"grade"_s, b.id()).value(), 6);
        QCOMPARE(store->cursor().value(), u"c1.one"_s);

        // Out of one bucket but still in another: it stays.
        QVERIFY(store->applyPullPage(page({remove(u"student:s1"_s, a)}, {}, u"c1.two"_s)).ok());
        QVERIFY(store->row(u"grade"_s, a.id()).value().has_value());
        // Out of its last one: it goes.
        QVERIFY(store->applyPullPage(page({remove(u"class_staff:c1"_s, a)}, {}, u"c1.three"_s)).ok());
        QVERIFY(!store->row(u"grade"_s, a.id()).value().has_value());
        QCOMPARE(store->version(u"grade"_s, a.id()).value(), 0);
        // A dropped bucket takes what only it held.
        QVERIFY(store->applyPullPage(page({}, {}, u"c1.four"_s, {u"student:s1"_s})).ok());
        QVERIFY(!store->row(u"grade"_s, b.id()).value().has_value());
    }

    void localChangesAreQueuedDurablyAndReplayed()
    {
        const Record row = grade(3, 1000);
        {
            auto store = open(u"outbox.sqlite"_s);
            QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, row)}, {{row, 40}}, u"c1.a"_s)).ok());
            Record change(u"grade"_s, row.id());
            change.set(u"mark"_s, qint64(1550));
            QCOMPARE(store->change(MutationOp::Update, change, {u"mark"_s}, {1000, 0}).value(), 1);
            QCOMPARE(store->row(u"grade"_s, row.id()).value()->number(u"mark"_s), 1550);
        }
        // After a restart the change is still there, and still shown.
        auto store = open(u"outbox.sqlite"_s);
        QCOMPARE(store->pendingCount().value(), 1);
        const Core::PushBatch batch = store->pendingBatch().value();
        QCOMPARE(batch.clientId, store->clientId());
        QCOMPARE(batch.mutations.size(), 1);
        QCOMPARE(batch.mutations.at(0).baseVersion, 40);
        QCOMPARE(batch.mutations.at(0).changedFields, QStringList{u"mark"_s});

        // The server changed the comment meanwhile: the user's mark is
        // replayed over the pulled row, the comment is the server's.
        Record pulled = row;
        pulled.set(u"comment"_s, u"Vu en conseil"_s);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, pulled)}, {{pulled, 41}}, u"c1.b"_s)).ok());
        const Record shown = store->row(u"grade"_s, row.id()).value().value();
        QCOMPARE(shown.number(u"mark"_s), 1550);
        QCOMPARE(shown.text(u"comment"_s), u"Vu en conseil"_s);

        // The server applies it: the outbox empties, the version moves.
        Record applied = pulled;
        applied.set(u"mark"_s, qint64(1550));
        QVERIFY(store
                    ->applyPushResults(QJsonObject{
                        {u"results"_s, QJsonArray{QJsonObject{{u"number"_s, 1},
                                                              {u"status"_s, u"applied"_s},
                                                              {u"version"_s, 42},
                                                              {u"row"_s, Core::recordToJson(grades(), applied)}}}}})
                    .ok());
        QCOMPARE(store->pendingCount().value(), 0);
        QCOMPARE(store->version(u"grade"_s, row.id()).value(), 42);
        // Numbers are never given twice.
        Record next(u"grade"_s, row.id());
        next.set(u"comment"_s, u"Bravo"_s);
        QCOMPARE(store->change(MutationOp::Update, next, {u"comment"_s}, {1001, 0}).value(), 2);
    }

    void refusedChangeIsUndone()
    {
        auto store = open(u"refused.sqlite"_s);
        const Record row = grade(4, 800);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, row)}, {{row, 7}}, u"c1.a"_s)).ok());
        Record change(u"grade"_s, row.id());
        change.set(u"mark"_s, qint64(2000));
        QVERIFY(store->change(MutationOp::Update, change, {u"mark"_s}, {5, 0}).ok());
        QVERIFY(
            store
                ->applyPushResults(QJsonObject{
                    {u"results"_s, QJsonArray{QJsonObject{{u"number"_s, 1},
                                                          {u"status"_s, u"rejected"_s},
                                                          {u"version"_s, 7},
                                                          {u"error"_s, QJsonObject{{u"code"_s, u"period_closed"_s}}},
                                                          {u"row"_s, Core::recordToJson(grades(), row)}}}}})
                .ok());
        QCOMPARE(store->row(u"grade"_s, row.id()).value()->number(u"mark"_s), 800);
        QCOMPARE(store->pendingCount().value(), 0);
        // A refused creation leaves nothing behind.
        const Record made = grade(5, 1000);
        QVERIFY(store->change(MutationOp::Create, made, {}, {6, 0}).ok());
        QVERIFY(
            store
                ->applyPushResults(QJsonObject{{u"results"_s, QJsonArray{QJsonObject{{u"number"_s, 2},
                                                                                     {u"status"_s, u"rejected"_s},
                                                                                     {u"version"_s, 0},
                                                                                     {u"row"_s, QJsonValue::Null}}}}})
                .ok());
        QVERIFY(!store->row(u"grade"_s, made.id()).value().has_value());
    }

    // One answer for several changes of one row: an answer that leaves the
    // row out means the client's copy is the server's; one that carries it
    // stands, with the changes applied as sent after it and those still
    // pending over it.
    void answersOfOneRowInOneBatch()
    {
        auto store = open(u"batch.sqlite"_s);
        const Record row = grade(8, 1000);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, row)}, {{row, 10}}, u"c1.a"_s)).ok());
        const auto mark = [&](qint64 value, qint64 millis) {
            Record change(u"grade"_s, row.id());
            change.set(u"mark"_s, value);
            return store->change(MutationOp::Update, change, {u"mark"_s}, {millis, 0}).value();
        };
        const auto comment = [&](const QString &text, qint64 millis) {
            Record change(u"grade"_s, row.id());
            change.set(u"comment"_s, text);
            return store->change(MutationOp::Update, change, {u"comment"_s}, {millis, 0}).value();
        };
        const auto result = [](qint64 number, qint64 version, const std::optional<Record> &server = std::nullopt) {
            QJsonObject object{{u"number"_s, number}, {u"status"_s, u"applied"_s}, {u"version"_s, version}};
            if (server)
                object.insert(u"row"_s, Core::recordToJson(grades(), *server));
            return QJsonValue(object);
        };

        // Every answer without the row: the replica keeps its copy.
        QCOMPARE(mark(1100, 20), 1);
        QCOMPARE(mark(1200, 21), 2);
        QVERIFY(store->applyPushResults({{u"results"_s, QJsonArray{result(1, 11), result(2, 12)}}}).ok());
        QCOMPARE(store->pendingCount().value(), 0);
        QCOMPARE(store->row(u"grade"_s, row.id()).value()->number(u"mark"_s), 1200);
        QCOMPARE(store->version(u"grade"_s, row.id()).value(), 12);

        // The server's row in the first answer (someone else set the comment),
        // the next applied as sent, a third still pending.
        QCOMPARE(mark(1300, 22), 3);
        QCOMPARE(mark(1400, 23), 4);
        QCOMPARE(comment(u"En progrès"_s, 24), 5);
        Record server = row;
        server.set(u"mark"_s, qint64(1300));
        server.set(u"comment"_s, u"Vu en conseil"_s);
        QVERIFY(store->applyPushResults({{u"results"_s, QJsonArray{result(3, 13, server), result(4, 14)}}}).ok());
        const Record shown = store->row(u"grade"_s, row.id()).value().value();
        QCOMPARE(shown.number(u"mark"_s), 1400);
        QCOMPARE(shown.text(u"comment"_s), u"En progrès"_s);
        QCOMPARE(store->version(u"grade"_s, row.id()).value(), 14);
        QCOMPARE(store->pendingCount().value(), 1);

        // The pending comment lost: the server's row, with no change left.
        Record kept = server;
        kept.set(u"mark"_s, qint64(1400));
        QVERIFY(store
                    ->applyPushResults(
                        {{u"results"_s, QJsonArray{QJsonObject{{u"number"_s, 5},
                                                               {u"status"_s, u"conflict"_s},
                                                               {u"version"_s, 14},
                                                               {u"row"_s, Core::recordToJson(grades(), kept)}}}}})
                    .ok());
        QCOMPARE(store->row(u"grade"_s, row.id()).value()->text(u"comment"_s), u"Vu en conseil"_s);
        QCOMPARE(store->pendingCount().value(), 0);
        // An answer given twice changes nothing the second time.
        QVERIFY(store->applyPushResults({{u"results"_s, QJsonArray{result(5, 99)}}}).ok());
        QCOMPARE(store->version(u"grade"_s, row.id()).value(), 14);
    }

    // A first sync drops the replica's indexes at its first page and builds
    // them at its last; one cut short builds them when the replica is
    // opened again, or when the sync stops.
    void firstSyncBuildsIndexesAtItsEnd()
    {
        const auto indexes = [](ReplicaStore &store) {
            QSqlQuery query(store.database());
            if (!query.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                            "AND tbl_name <> 'outbox'"_s))
                return -1;
            return query.next() ? query.value(0).toInt() : -1;
        };
        const Record a = grade(9, 1000);
        const Record b = grade(10, 1200);
        QJsonObject first = page({put(u"student:s1"_s, a)}, {{a, 5}}, u"c2.one"_s);
        first.insert(u"more"_s, true);
        int all = 0;
        {
            auto store = open(u"indexes.sqlite"_s);
            all = indexes(*store);
            QVERIFY(all > 50);
            QVERIFY(store->applyPullPage(first).ok());
            QVERIFY(store->indexesDeferred());
            QCOMPARE(indexes(*store), 0);
            // Still usable meanwhile, only slower.
            QCOMPARE(store->select(u"grade"_s, u"evaluation_id = ?"_s, {a.text(u"evaluation_id"_s)}).value().size(), 1);
            QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, b)}, {{b, 6}}, u"c2.two"_s)).ok());
            QVERIFY(!store->indexesDeferred());
            QCOMPARE(indexes(*store), all);
        }
        {
            // Cut short: the process goes before the last page.
            auto store = open(u"indexes-cut.sqlite"_s);
            QVERIFY(store->applyPullPage(first).ok());
            QCOMPARE(indexes(*store), 0);
        }
        auto store = open(u"indexes-cut.sqlite"_s);
        QVERIFY(!store->indexesDeferred());
        QCOMPARE(indexes(*store), all);
        QVERIFY(store->row(u"grade"_s, a.id()).value().has_value());
        // A later page with more to come does not drop them again: the
        // replica is no longer empty.
        QJsonObject later = page({put(u"student:s1"_s, b)}, {{b, 6}}, u"c2.three"_s);
        later.insert(u"more"_s, true);
        QVERIFY(store->applyPullPage(later).ok());
        QCOMPARE(indexes(*store), all);
    }

    // Meanwhile, row versions are appended to replica_row_pulled, which has
    // no key, and read and forgotten there too; the last page puts them into
    // replica_row. SQLite copies its log into the file less often, and once
    // at the end, emptying it.
    void firstSyncPutsVersionsAsideUntilItsEnd()
    {
        const auto count = [](ReplicaStore &store, const QString &table) {
            QSqlQuery query(store.database());
            if (!query.exec(u"SELECT count(*) FROM "_s + table))
                return -1;
            return query.next() ? query.value(0).toInt() : -1;
        };
        const auto checkpointPages = [](ReplicaStore &store) {
            QSqlQuery query(store.database());
            return query.exec(u"PRAGMA wal_autocheckpoint"_s) && query.next() ? query.value(0).toInt() : -1;
        };
        const auto more = [](QJsonObject page) {
            page.insert(u"more"_s, true);
            return page;
        };
        const Record a = grade(11, 1000);
        const Record b = grade(12, 1100);
        const Record c = grade(13, 1200);
        const QString walPath = m_dir.filePath(u"aside.sqlite-wal"_s);
        {
            auto store = open(u"aside.sqlite"_s);
            QCOMPARE(checkpointPages(*store), 1000);
            QVERIFY(store
                        ->applyPullPage(more(
                            page({put(u"student:s1"_s, a), put(u"student:s1"_s, b)}, {{a, 5}, {b, 6}}, u"c3.one"_s)))
                        .ok());
            QVERIFY(store->indexesDeferred());
            QCOMPARE(count(*store, u"replica_row"_s), 0);
            QCOMPARE(count(*store, u"replica_row_pulled"_s), 2);
            QVERIFY(checkpointPages(*store) > 1000);
            QCOMPARE(store->version(u"grade"_s, a.id()).value(), 5);

            // The same row again, newer; another loses its only bucket.
            QVERIFY(store
                        ->applyPullPage(
                            more(page({put(u"student:s2"_s, a), remove(u"student:s1"_s, b)}, {{a, 8}}, u"c3.two"_s)))
                        .ok());
            QCOMPARE(store->version(u"grade"_s, a.id()).value(), 8);
            QCOMPARE(store->version(u"grade"_s, b.id()).value(), 0);
            QVERIFY(!store->row(u"grade"_s, b.id()).value().has_value());
            // A local change takes its base from there.
            Record changed = a;
            changed.set(u"mark"_s, qint64(1500));
            QVERIFY(store->change(MutationOp::Update, changed, {u"mark"_s}, {20, 0}).ok());
            QCOMPARE(store->pendingBatch().value().mutations.constFirst().baseVersion, 8);

            QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, c)}, {{c, 9}}, u"c3.three"_s)).ok());
            QVERIFY(!store->indexesDeferred());
            QCOMPARE(count(*store, u"replica_row_pulled"_s), 0);
            QCOMPARE(count(*store, u"replica_row"_s), 2);
            QCOMPARE(store->version(u"grade"_s, a.id()).value(), 8);
            QCOMPARE(store->version(u"grade"_s, b.id()).value(), 0);
            QCOMPARE(store->version(u"grade"_s, c.id()).value(), 9);
            QCOMPARE(checkpointPages(*store), 1000);
            QCOMPARE(QFileInfo(walPath).size(), 0);
        }
        {
            // Cut short: what was put aside goes into replica_row when the
            // replica is opened again.
            auto store = open(u"aside-cut.sqlite"_s);
            QVERIFY(store->applyPullPage(more(page({put(u"student:s1"_s, a)}, {{a, 5}}, u"c4.one"_s))).ok());
            QCOMPARE(count(*store, u"replica_row_pulled"_s), 1);
        }
        auto store = open(u"aside-cut.sqlite"_s);
        QCOMPARE(count(*store, u"replica_row_pulled"_s), 0);
        QCOMPARE(count(*store, u"replica_row"_s), 1);
        QCOMPARE(store->version(u"grade"_s, a.id()).value(), 5);
        QCOMPARE(checkpointPages(*store), 1000);
    }

    // A change to a pulled row answered as if the row were not there: the
    // account no longer reads it, and its bucket may be back before a pull
    // sees it go. The next pull asks to start again; a reset page clears it.
    void unreadableRowAsksForAFreshPull()
    {
        auto store = open(u"unreadable.sqlite"_s);
        const Record row = grade(8, 1200);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, row)}, {{row, 4}}, u"c1.a"_s)).ok());
        QCOMPARE(store->resyncWanted().value(), false);
        Record change(u"grade"_s, row.id());
        change.set(u"mark"_s, qint64(1300));
        QVERIFY(store->change(MutationOp::Update, change, {u"mark"_s}, {5, 0}).ok());
        const auto answer = [](qint64 number, const QString &code) {
            return QJsonObject{{u"results"_s, QJsonArray{QJsonObject{{u"number"_s, number},
                                                                     {u"status"_s, u"rejected"_s},
                                                                     {u"version"_s, 0},
                                                                     {u"error"_s, QJsonObject{{u"code"_s, code}}},
                                                                     {u"row"_s, QJsonValue::Null}}}}};
        };
        // Another refusal without a row asks for nothing.
        QVERIFY(store->applyPushResults(answer(1, u"forbidden"_s)).ok());
        QCOMPARE(store->resyncWanted().value(), false);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, row)}, {{row, 4}}, u"c1.b"_s)).ok());
        QVERIFY(store->change(MutationOp::Update, change, {u"mark"_s}, {6, 0}).ok());
        QVERIFY(store->applyPushResults(answer(2, u"not_found"_s)).ok());
        QVERIFY(!store->row(u"grade"_s, row.id()).value().has_value());
        QCOMPARE(store->resyncWanted().value(), true);
        // An ordinary page leaves the wish; the reset page answers it.
        QVERIFY(store->applyPullPage(page({}, {}, u"c1.c"_s)).ok());
        QCOMPARE(store->resyncWanted().value(), true);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, row)}, {{row, 4}}, u"c1.fresh"_s, {}, true)).ok());
        QCOMPARE(store->resyncWanted().value(), false);
        QCOMPARE(store->row(u"grade"_s, row.id()).value()->number(u"mark"_s), 1200);
    }

    void resetKeepsWhatTheUserMade()
    {
        auto store = open(u"reset.sqlite"_s);
        const Record pulled = grade(6, 900);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, pulled)}, {{pulled, 3}}, u"c1.a"_s)).ok());
        const Record made = grade(7, 1100);
        QVERIFY(store->change(MutationOp::Create, made, {}, {6, 0}).ok());
        QVERIFY(store->applyPullPage(page({}, {}, u"c1.fresh"_s, {}, true)).ok());
        QVERIFY(!store->row(u"grade"_s, pulled.id()).value().has_value());
        QVERIFY(store->row(u"grade"_s, made.id()).value().has_value());
        QCOMPARE(store->pendingCount().value(), 1);
    }

    void refusesBadChanges_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("mark and marker") << int(MutationOp::Update) << u"marker"_s << QVariant(u"absent"_s)
                                         << u"inconsistent_fields"_s;
        QTest::newRow("mark out of range")
            << int(MutationOp::Update) << u"mark"_s << QVariant(qint64(-5)) << u"field_out_of_range"_s;
        QTest::newRow("unknown field") << int(MutationOp::Update) << u"points"_s << QVariant(qint64(1))
                                       << u"unknown_field"_s;
        QTest::newRow("created twice") << int(MutationOp::Create) << QString() << QVariant() << u"invalid_field"_s;
    }

    void refusesBadChanges()
    {
        QFETCH(int, op);
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QString, code);
        auto store = open(u"bad-%1.sqlite"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
        const Record row = grade(8, 1000);
        QVERIFY(store->applyPullPage(page({put(u"student:s1"_s, row)}, {{row, 3}}, u"c1.a"_s)).ok());
        Record change = MutationOp(op) == MutationOp::Create ? row : Record(u"grade"_s, row.id());
        if (!field.isEmpty())
            change.set(field, value);
        const Core::Result<qint64> queued = store->change(MutationOp(op), change,
                                                          field.isEmpty() ? QStringList() : QStringList{field}, {1, 0});
        QVERIFY(!queued.ok());
        QCOMPARE(Core::errorCodeName(queued.error().code), code);
        QCOMPARE(store->pendingCount().value(), 0);
        QCOMPARE(store->row(u"grade"_s, row.id()).value(), std::optional<Record>(row));
    }

    void refusesBadPages_data()
    {
        QTest::addColumn<QJsonObject>("bad");
        const Record row = grade(9, 1000);
        QJsonObject noCursor = page({put(u"b"_s, row)}, {{row, 1}}, u"c1.x"_s);
        noCursor.remove(u"cursor"_s);
        QTest::newRow("no cursor") << noCursor;
        QJsonObject changesNotList = page({}, {}, u"c1.x"_s);
        changesNotList.insert(u"changes"_s, 3);
        QTest::newRow("changes not a list") << changesNotList;
        QJsonObject badOp = page({put(u"b"_s, row)}, {{row, 1}}, u"c1.x"_s);
        QJsonArray changes = badOp.value(u"changes"_s).toArray();
        QJsonObject change = changes.at(0).toObject();
        change.insert(u"op"_s, u"upsert"_s);
        changes[0] = change;
        badOp.insert(u"changes"_s, changes);
        QTest::newRow("unknown op") << badOp;
        Record invalid = row;
        invalid.set(u"marker"_s, u"absent"_s);
        QTest::newRow("invalid row") << page({put(u"b"_s, row)}, {{invalid, 1}}, u"c1.x"_s);
    }

    void refusesBadPages()
    {
        QFETCH(QJsonObject, bad);
        auto store = open(u"badpage-%1.sqlite"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
        const Record kept = grade(10, 1000);
        QVERIFY(store->applyPullPage(page({put(u"b"_s, kept)}, {{kept, 1}}, u"c1.good"_s)).ok());
        const Core::Status status = store->applyPullPage(bad);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, Core::ErrorCode::InvalidServerResponse);
        QCOMPARE(store->cursor().value(), u"c1.good"_s);
        QCOMPARE(store->rows(u"grade"_s).value(), QList<Record>{kept});
    }
};

QTEST_GUILESS_MAIN(TestReplicaStore)
#include "tst_replicastore.moc"
