// The server's side of sync, on a generated school, on the backend named by
// CARTABLE_TEST_BACKEND: first pulls that give exactly the rows a user may
// read and resume where they stopped, deltas, idempotent pushes, per-field
// merges and conflict records, deletes against updates, refused mutations
// that do not block the rest, lost buckets, bookings.

#include "server/referenceschool/schoolwriter.h"
#include "server/scoperesolver.h"
#include "server/serverdatabase.h"
#include "server/sync/feedindexer.h"
#include "server/sync/pullservice.h"
#include "server/sync/pushservice.h"

#include "sync/replicastore.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/policy/buckets.h"
#include "core/policy/readscope.h"
#include "core/sqlstatement.h"
#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Core::Record;

namespace {

// What a client holds after pulling: rows by "type/id" with their versions,
// and which buckets hold each.
struct Replica
{
    QHash<QString, QJsonObject> rows;
    QHash<QString, qint64> versions;
    QHash<QString, QSet<QString>> members;
    QString cursor;
    int pages = 0;
    bool sawReset = false;

    void apply(const QJsonObject &page)
    {
        ++pages;
        if (page.value(u"reset"_s).toBool()) {
            sawReset = true;
            rows.clear();
            versions.clear();
            members.clear();
        }
        const QJsonArray dropped = page.value(u"drop"_s).toArray();
        for (const QJsonValue &bucket : dropped) {
            for (auto it = members.begin(); it != members.end();) {
                it.value().remove(bucket.toString());
                if (it.value().isEmpty()) {
                    rows.remove(it.key());
                    versions.remove(it.key());
                    it = members.erase(it);
                } else {
                    ++it;
                }
            }
        }
        for (const QJsonValue &value : page.value(u"rows"_s).toArray()) {
            const QJsonObject row = value.toObject().value(u"row"_s).toObject();
            const QString key = row.value(u"type"_s).toString() + u'/' + row.value(u"id"_s).toString();
            rows.insert(key, row);
            versions.insert(key, value.toObject().value(u"version"_s).toInteger());
        }
        for (const QJsonValue &value : page.value(u"changes"_s).toArray()) {
            const QJsonObject change = value.toObject();
            const QString key = change.value(u"type"_s).toString() + u'/' + change.value(u"id"_s).toString();
            if (change.value(u"op"_s).toString() == u"put"_s) {
                members[key].insert(change.value(u"bucket"_s).toString());
            } else {
                members[key].remove(change.value(u"bucket"_s).toString());
                if (members.value(key).isEmpty()) {
                    members.remove(key);
                    rows.remove(key);
                    versions.remove(key);
                }
            }
        }
        cursor = page.value(u"cursor"_s).toString();
    }
};

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_database;
    QSqlDatabase m_db;
    qint64 m_now = 1735000000000; // 2024-12-24

    QString accountOf(const QString &login)
    {
        QSqlQuery query(m_db);
        if (!Core::execPrepared(query, u"SELECT id FROM account WHERE login = ?"_s, login) || !query.next())
            qFatal("no account %s", qPrintable(login));
        return query.value(0).toString();
    }

    Core::ActorFacts facts(const QString &login) { return ScopeResolver(m_db).resolve(accountOf(login)).value(); }

    // Pulls until nothing more comes, or `maxPages`.
    void pullInto(Replica &replica, const Core::ActorFacts &actor, int limit, int maxPages = 100000)
    {
        const PullService pull(m_db);
        for (int page = 0; page < maxPages; ++page) {
            QJsonObject body{{u"limit"_s, limit}};
            if (!replica.cursor.isEmpty())
                body.insert(u"cursor"_s, replica.cursor);
            const Core::Result<QJsonObject> answer = pull.pull(actor, body);
            QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().context));
            replica.apply(*answer);
            if (!answer->value(u"more"_s).toBool())
                return;
        }
    }

    // Every row of the database that `actor` may read, by "type/id".
    QSet<QString> visibleRows(const Core::ActorFacts &actor)
    {
        const QStringList readable = Core::readableBuckets(actor);
        const SqlPolicyLookup lookup(m_db);
        QSet<QString> visible;
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            QSqlQuery query(m_db);
            if (!query.exec(u"SELECT id FROM "_s + entity.type))
                qFatal("cannot read %s", qPrintable(entity.type));
            QStringList ids;
            while (query.next())
                ids.append(query.value(0).toString());
            for (const QString &id : std::as_const(ids)) {
                const std::optional<Record> row = lookup.row(entity.type, id);
                if (row && Core::isReadable(Core::rowBuckets(*row, lookup), readable))
                    visible.insert(entity.type + u'/' + id);
            }
        }
        return visible;
    }

    static QSet<QString> keys(const Replica &replica)
    {
        QSet<QString> set;
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it)
            set.insert(it.key());
        return set;
    }

    QJsonObject push(const Core::ActorFacts &actor, const QString &client, const QJsonArray &mutations)
    {
        PushService service(m_db, [this] { return m_now; });
        const Core::Result<QJsonObject> answer = service.push(actor, QJsonObject{{u"client_id"_s, client},
                                                                                 {u"mutations"_s, mutations}});
        if (!answer)
            qFatal("push failed: %s %s", qPrintable(Core::errorCodeName(answer.error().code)),
                   qPrintable(answer.error().context));
        return *answer;
    }

    static QJsonObject update(qint64 number, const QString &type, const QString &id, const QJsonObject &fields,
                              qint64 base, qint64 millis)
    {
        return {{u"number"_s, number},
                {u"type"_s, type},
                {u"id"_s, id},
                {u"op"_s, u"update"_s},
                {u"fields"_s, fields},
                {u"base_version"_s, base},
                {u"hlc"_s, u"%1-0"_s.arg(millis)}};
    }

    static QJsonObject removal(qint64 number, const QString &type, const QString &id, qint64 base, qint64 millis)
    {
        return {{u"number"_s, number},  {u"type"_s, type},         {u"id"_s, id},
                {u"op"_s, u"delete"_s}, {u"base_version"_s, base}, {u"hlc"_s, u"%1-0"_s.arg(millis)}};
    }

    // A mark out of 20 of one of the teacher's evaluations in an open period,
    // and its version.
    std::pair<QJsonObject, qint64> teachersGrade(const Replica &replica, const QString &teacherPerson, int skip = 0)
    {
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it) {
            if (!it.key().startsWith(u"grade/"_s) || !it.value().value(u"mark"_s).isString())
                continue;
            const QJsonObject evaluation = replica.rows.value(u"evaluation/"_s
                                                              + it.value().value(u"evaluation_id"_s).toString());
            // A closed period refuses every change: take grades of open ones.
            const QJsonObject period = replica.rows.value(u"period/"_s + evaluation.value(u"period_id"_s).toString());
            if (period.value(u"closed"_s).toBool(true) || evaluation.value(u"scale"_s).toInteger() != 20)
                continue;
            if (evaluation.value(u"teacher_id"_s).toString() == teacherPerson && skip-- == 0)
                return {it.value(), replica.versions.value(it.key())};
        }
        qFatal("the teacher has no grade");
    }

    qint64 feedHead() { return FeedStore(m_db).head().value(); }

    // "applied", "conflict", or "rejected code context": the first result.
    static QString describe(const QJsonObject &answer)
    {
        const QJsonObject result = answer.value(u"results"_s).toArray().at(0).toObject();
        QString text = result.value(u"status"_s).toString();
        if (result.contains(u"error"_s)) {
            text += u' ' + result.value(u"error"_s).toObject().value(u"code"_s).toString() + u' '
                    + result.value(u"error"_s).toObject().value(u"context"_s).toString();
        }
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = std::make_unique<Test::TestDatabase>(Test::backendFromEnvironment());
        QVERIFY2(m_database->create(), qPrintable(m_database->errorString()));
        Core::Result<QSqlDatabase> opened = openServerDatabase(m_database->spec(), u"sync"_s);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().context));
        m_db = opened.value();
        const Core::Result<ReferenceSchoolSummary> school = writeReferenceSchool(m_db, {0.02, 7},
                                                                                 QByteArrayLiteral("$argon2id$unused"));
        QVERIFY2(school.ok(), school.ok() ? "" : qPrintable(school.error().context));
        const Core::Result<qint64> indexed = FeedIndexer(m_db).indexAll();
        QVERIFY2(indexed.ok(), indexed.ok() ? "" : qPrintable(indexed.error().context));
        QCOMPARE(*indexed, school->total);
        // Indexing twice adds nothing.
        QCOMPARE(FeedIndexer(m_db).indexAll().value(), 0);
    }

    void cleanupTestCase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"sync"_s);
        m_database.reset();
    }

    void firstPullGivesExactlyTheReadableRows_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("teacher") << u"prof.martin"_s;
        QTest::newRow("guardian") << u"parent.dubois"_s;
        QTest::newRow("student") << u"eleve.leo"_s;
        QTest::newRow("secretariat") << u"secretariat.bernard"_s;
        QTest::newRow("local authority") << u"collectivite.moreau"_s;
    }

    void firstPullGivesExactlyTheReadableRows()
    {
        QFETCH(QString, login);
        const Core::ActorFacts actor = facts(login);
        Replica replica;
        pullInto(replica, actor, 500);
        const QSet<QString> expected = visibleRows(actor);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(keys(replica).size(), expected.size());
        QCOMPARE(keys(replica), expected);
        // Nothing more to come.
        const Replica before = replica;
        pullInto(replica, actor, 500);
        QCOMPARE(replica.rows, before.rows);
    }

    // A first sync cut after two pages picks up where it stopped.
    void interruptedFirstPullResumes()
    {
        const Core::ActorFacts actor = facts(u"secretariat.bernard"_s);
        Replica whole;
        pullInto(whole, actor, 300);
        Replica cut;
        pullInto(cut, actor, 300, 2);
        QCOMPARE(cut.pages, 2);
        QVERIFY(cut.rows.size() < whole.rows.size());
        Replica resumed = cut;
        resumed.pages = 0;
        pullInto(resumed, actor, 300);
        QCOMPARE(keys(resumed), keys(whole));
        QCOMPARE(resumed.pages + 2, whole.pages);
    }

    void pullRefusesBadBodies_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("context");
        QTest::newRow("unknown key") << QJsonObject{{u"since"_s, 3}} << u"pull.since"_s;
        QTest::newRow("limit zero") << QJsonObject{{u"limit"_s, 0}} << u"pull.limit"_s;
        QTest::newRow("limit too big") << QJsonObject{{u"limit"_s, 1000000}} << u"pull.limit"_s;
        QTest::newRow("limit fraction") << QJsonObject{{u"limit"_s, 2.5}} << u"pull.limit"_s;
        QTest::newRow("cursor not text") << QJsonObject{{u"cursor"_s, 12}} << u"pull.cursor"_s;
        QTest::newRow("cursor garbage") << QJsonObject{{u"cursor"_s, u"c1.!!!"_s}} << u"pull.cursor"_s;
        QTest::newRow("cursor of another kind") << QJsonObject{{u"cursor"_s, u"v9.abc"_s}} << u"pull.cursor"_s;
        QTest::newRow("cursor with a negative point")
            << QJsonObject{{u"cursor"_s, SyncCursor{-1, QString(32, u'a'), {}, 0}.toToken()}} << u"pull.cursor"_s;
    }

    void pullRefusesBadBodies()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, context);
        const Core::Result<QJsonObject> answer = PullService(m_db).pull(facts(u"eleve.leo"_s), body);
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().context, context);
    }

    void cursorTokensRoundTrip()
    {
        const SyncCursor cursor{42, QString(32, u'b'), QString(32, u'c'), 17};
        QCOMPARE(SyncCursor::fromToken(cursor.toToken()).value(), cursor);
        const SyncCursor plain{7, QString(32, u'd'), {}, 0};
        QCOMPARE(SyncCursor::fromToken(plain.toToken()).value(), plain);
    }

    // A cursor from before the kept removals starts again, whole.
    void staleCursorResets()
    {
        const Core::ActorFacts actor = facts(u"eleve.leo"_s);
        Replica replica;
        pullInto(replica, actor, 1000);
        // The feed moves on, and its removals up to now are forgotten.
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica classroom;
        pullInto(classroom, teacher, 1000);
        const auto [grade, version] = teachersGrade(classroom, teacher.personId, 5);
        push(teacher, Core::newId(),
             {update(1, u"grade"_s, grade.value(u"id"_s).toString(), {{u"comment"_s, u"Bien"_s}}, version, m_now)});
        QVERIFY(FeedStore(m_db).pruneRemovals(feedHead()).ok());
        QVERIFY(SyncCursor::fromToken(replica.cursor).value().settledThrough < feedHead());
        QSqlQuery query(m_db);
        Replica again = replica;
        pullInto(again, actor, 1000);
        QVERIFY(again.sawReset);
        QCOMPARE(keys(again), keys(replica));
        QVERIFY(Core::execPrepared(query, u"UPDATE sync_counter SET pruned_through = 0 WHERE id = 1"_s));
    }

    void pushedChangeReachesAnotherReplicaOnce()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica laptop;
        pullInto(laptop, teacher, 1000);
        Replica desktop = laptop;
        const auto [grade, version] = teachersGrade(laptop, teacher.personId);
        const QString id = grade.value(u"id"_s).toString();
        const QString client = Core::newId();
        const QJsonArray batch{update(1, u"grade"_s, id, {{u"comment"_s, u"Très bien, continue."_s}}, version, m_now)};
        const QJsonObject first = push(teacher, client, batch);
        const QJsonObject result = first.value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"applied"_s);
        QVERIFY(result.value(u"version"_s).toInteger() > version);
        QCOMPARE(result.value(u"row"_s).toObject().value(u"comment"_s).toString(), u"Très bien, continue."_s);
        const qint64 head = feedHead();

        // The same batch again: the same answer, nothing applied twice.
        QCOMPARE(push(teacher, client, batch), first);
        QCOMPARE(feedHead(), head);

        const int pagesBefore = desktop.pages;
        pullInto(desktop, teacher, 1000);
        QCOMPARE(desktop.pages, pagesBefore + 1);
        QCOMPARE(desktop.rows.value(u"grade/"_s + id).value(u"comment"_s).toString(), u"Très bien, continue."_s);
        QCOMPARE(desktop.versions.value(u"grade/"_s + id), result.value(u"version"_s).toInteger());

        // The guardian of the student sees it too, or not, as the policy says.
        const QString student = grade.value(u"student_id"_s).toString();
        QVERIFY(
            Core::rowBuckets(Core::recordFromJson(desktop.rows.value(u"grade/"_s + id)).value(), SqlPolicyLookup(m_db))
                .contains(Core::Bucket::student(student)));
    }

    void sameFieldFromTwoDevicesMakesAConflictRecord()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica replica;
        pullInto(replica, teacher, 1000);
        const auto [grade, version] = teachersGrade(replica, teacher.personId, 1);
        const QString id = grade.value(u"id"_s).toString();
        // Two devices of the teacher, offline, change the mark (to values the
        // reference school never has: its marks are quarter points); the laptop's
        // change is the later one by its clock but arrives first.
        const QString laptop = Core::newId();
        const QString phone = Core::newId();
        const QJsonObject later = push(teacher, laptop,
                                       {update(1, u"grade"_s, id, {{u"mark"_s, u"14.13"_s}}, version, m_now + 5000)});
        QCOMPARE(describe(later), u"applied"_s);
        const QJsonObject earlier = push(teacher, phone,
                                         {update(1, u"grade"_s, id, {{u"mark"_s, u"9.07"_s}}, version, m_now + 1000)});
        const QJsonObject result = earlier.value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"conflict"_s);
        QCOMPARE(result.value(u"row"_s).toObject().value(u"mark"_s).toString(), u"14.13"_s);
        const QJsonObject conflict = result.value(u"conflicts"_s).toArray().at(0).toObject();
        QCOMPARE(conflict.value(u"rule"_s).toString(), u"last_writer_wins"_s);
        QCOMPARE(conflict.value(u"lost"_s).toObject().value(u"mark"_s).toString(), u"9.07"_s);

        // The conflict record reaches the teacher with both values.
        pullInto(replica, teacher, 1000);
        QJsonObject record;
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it) {
            if (it.key().startsWith(u"sync_conflict/"_s) && it.value().value(u"row_id"_s).toString() == id)
                record = it.value();
        }
        QVERIFY(!record.isEmpty());
        QVERIFY(record.value(u"lost_value"_s).toString().contains(u"\"9.07\""_s));
        QVERIFY(record.value(u"kept_value"_s).toString().contains(u"\"14.13\""_s));
        QCOMPARE(record.value(u"status"_s).toString(), u"open"_s);
        // Nobody else reads it.
        Replica other;
        pullInto(other, facts(u"cpe.petit"_s), 2000);
        QVERIFY(!other.rows.contains(u"sync_conflict/"_s + record.value(u"id"_s).toString()));
    }

    void differentFieldsOfOneRowMerge()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica replica;
        pullInto(replica, teacher, 1000);
        const auto [grade, version] = teachersGrade(replica, teacher.personId, 2);
        const QString id = grade.value(u"id"_s).toString();
        push(teacher, Core::newId(), {update(1, u"grade"_s, id, {{u"mark"_s, u"17,5"_s}}, version, m_now)});
        const QJsonObject answer
            = push(teacher, Core::newId(),
                   {update(1, u"grade"_s, id, {{u"comment"_s, u"Soigné"_s}}, version, m_now - 1000)});
        const QJsonObject result = answer.value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"applied"_s);
        QCOMPARE(result.value(u"row"_s).toObject().value(u"mark"_s).toString(), u"17.5"_s);
        QCOMPARE(result.value(u"row"_s).toObject().value(u"comment"_s).toString(), u"Soigné"_s);
    }

    void deleteAgainstUpdate()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica replica;
        pullInto(replica, teacher, 1000);
        const auto [grade, version] = teachersGrade(replica, teacher.personId, 3);
        const QString id = grade.value(u"id"_s).toString();
        // One device changes the grade, the other, which had not seen it,
        // deletes it: the change wins and the row stays.
        push(teacher, Core::newId(), {update(1, u"grade"_s, id, {{u"comment"_s, u"À revoir"_s}}, version, m_now)});
        QJsonObject result = push(teacher, Core::newId(), {removal(1, u"grade"_s, id, version, m_now + 10)})
                                 .value(u"results"_s)
                                 .toArray()
                                 .at(0)
                                 .toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"conflict"_s);
        QCOMPARE(result.value(u"conflicts"_s).toArray().at(0).toObject().value(u"rule"_s).toString(),
                 u"update_wins_over_delete"_s);
        QVERIFY(SqlPolicyLookup(m_db).row(u"grade"_s, id).has_value());

        // A delete made knowing the last change goes through; a change made
        // before it then loses, and is kept.
        pullInto(replica, teacher, 1000);
        const qint64 current = replica.versions.value(u"grade/"_s + id);
        result = push(teacher, Core::newId(), {removal(1, u"grade"_s, id, current, m_now + 20)})
                     .value(u"results"_s)
                     .toArray()
                     .at(0)
                     .toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"applied"_s);
        QVERIFY(!SqlPolicyLookup(m_db).row(u"grade"_s, id).has_value());
        result = push(teacher, Core::newId(), {update(1, u"grade"_s, id, {{u"mark"_s, u"3"_s}}, version, m_now + 30)})
                     .value(u"results"_s)
                     .toArray()
                     .at(0)
                     .toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"conflict"_s);
        QCOMPARE(result.value(u"conflicts"_s).toArray().at(0).toObject().value(u"rule"_s).toString(), u"delete_wins"_s);
        QVERIFY(!SqlPolicyLookup(m_db).row(u"grade"_s, id).has_value());
        // The replica loses the row.
        pullInto(replica, teacher, 1000);
        QVERIFY(!replica.rows.contains(u"grade/"_s + id));
    }

    // The client's replica store, fed by the server's pages and pushing its
    // outbox, ends up with what the server has for its user.
    void replicaStoreConvergesWithTheServer()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        const PullService pull(m_db);
        PushService push(m_db, [this] { return m_now; });
        const auto syncOnce = [&](Sync::ReplicaStore &store) {
            for (int round = 0; round < 1000; ++round) {
                const Core::PushBatch batch = store.pendingBatch().value();
                if (batch.mutations.isEmpty())
                    break;
                const Core::Result<QJsonObject> answer = push.push(teacher, Core::pushBatchToJson(batch));
                QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().context));
                QVERIFY(store.applyPushResults(*answer).ok());
            }
            for (int page = 0; page < 1000; ++page) {
                QJsonObject body{{u"limit"_s, 400}};
                if (!store.cursor().value().isEmpty())
                    body.insert(u"cursor"_s, store.cursor().value());
                const Core::Result<QJsonObject> answer = pull.pull(teacher, body);
                QVERIFY(answer.ok());
                const Core::Status applied = store.applyPullPage(*answer);
                QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().context));
                if (!answer->value(u"more"_s).toBool())
                    break;
            }
        };
        auto laptop = Sync::ReplicaStore::open(dir.filePath(u"laptop.sqlite"_s), u"laptop"_s).value();
        auto desktop = Sync::ReplicaStore::open(dir.filePath(u"desktop.sqlite"_s), u"desktop"_s).value();
        syncOnce(*laptop);
        syncOnce(*desktop);

        // Everything the teacher may read, and nothing else.
        QSet<QString> stored;
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            const QList<Record> rows = laptop->rows(entity.type).value();
            for (const Record &row : rows)
                stored.insert(entity.type + u'/' + row.id());
        }
        QCOMPARE(stored, visibleRows(teacher));

        // Offline on the laptop: a comment on a grade.
        Replica view;
        pullInto(view, teacher, 1000);
        const auto [grade, version] = teachersGrade(view, teacher.personId, 6);
        const QString id = grade.value(u"id"_s).toString();
        Record change(u"grade"_s, id);
        change.set(u"comment"_s, u"Progrès nets ce trimestre"_s);
        QVERIFY(laptop->change(Core::MutationOp::Update, change, {u"comment"_s}, {m_now, 0}).ok());
        QCOMPARE(laptop->pendingCount().value(), 1);
        syncOnce(*laptop);
        QCOMPARE(laptop->pendingCount().value(), 0);
        syncOnce(*desktop);
        QCOMPARE(desktop->row(u"grade"_s, id).value()->text(u"comment"_s), u"Progrès nets ce trimestre"_s);
        QCOMPARE(desktop->version(u"grade"_s, id).value(), laptop->version(u"grade"_s, id).value());
        QCOMPARE(desktop->row(u"grade"_s, id).value(), laptop->row(u"grade"_s, id).value());
    }

    // A closed period refuses its grades, with the period's name.
    void closedPeriodRefusesGrades()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica replica;
        pullInto(replica, teacher, 1000);
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it) {
            if (!it.key().startsWith(u"grade/"_s))
                continue;
            const QJsonObject evaluation = replica.rows.value(u"evaluation/"_s
                                                              + it.value().value(u"evaluation_id"_s).toString());
            const QJsonObject period = replica.rows.value(u"period/"_s + evaluation.value(u"period_id"_s).toString());
            if (!period.value(u"closed"_s).toBool() || evaluation.value(u"teacher_id"_s) != teacher.personId)
                continue;
            const QJsonObject result = push(teacher, Core::newId(),
                                            {update(1, u"grade"_s, it.value().value(u"id"_s).toString(),
                                                    {{u"mark"_s, u"20"_s}}, replica.versions.value(it.key()), m_now)})
                                           .value(u"results"_s)
                                           .toArray()
                                           .at(0)
                                           .toObject();
            QCOMPARE(result.value(u"status"_s).toString(), u"rejected"_s);
            QCOMPARE(result.value(u"error"_s).toObject().value(u"code"_s).toString(), u"period_closed"_s);
            QCOMPARE(result.value(u"error"_s).toObject().value(u"context"_s).toString(),
                     period.value(u"name"_s).toString());
            // The answer carries the server's row, for the client to show.
            QCOMPARE(result.value(u"row"_s).toObject().value(u"mark"_s), it.value().value(u"mark"_s));
            return;
        }
        QFAIL("the teacher has no grade in a closed period");
    }

    // A mutation the user may not make is answered with its reason; the
    // rest of the batch goes on.
    void refusedMutationDoesNotBlockTheQueue()
    {
        const Core::ActorFacts guardian = facts(u"parent.dubois"_s);
        Replica replica;
        pullInto(replica, guardian, 1000);
        QString gradeId;
        QString absenceId;
        qint64 absenceVersion = 0;
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it) {
            if (it.key().startsWith(u"grade/"_s))
                gradeId = it.value().value(u"id"_s).toString();
            if (it.key().startsWith(u"absence/"_s)
                && it.value().value(u"justification_status"_s).toString() == u"pending"_s) {
                absenceId = it.value().value(u"id"_s).toString();
                absenceVersion = replica.versions.value(it.key());
            }
        }
        QVERIFY(!gradeId.isEmpty());
        QVERIFY(!absenceId.isEmpty());
        const QJsonObject answer = push(guardian, Core::newId(),
                                        {update(1, u"grade"_s, gradeId, {{u"mark"_s, u"20"_s}}, 1, m_now),
                                         update(2, u"absence"_s, absenceId,
                                                {{u"justification_status"_s, u"submitted"_s},
                                                 {u"justification_text"_s, u"Rendez-vous chez le dentiste."_s},
                                                 {u"justified_by"_s, guardian.accountId},
                                                 {u"justified_at"_s, m_now}},
                                                absenceVersion, m_now)});
        const QJsonArray results = answer.value(u"results"_s).toArray();
        QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(results.at(0).toObject().value(u"error"_s).toObject().value(u"code"_s).toString(), u"forbidden"_s);
        QCOMPARE(results.at(1).toObject().value(u"status"_s).toString(), u"applied"_s);
        QCOMPARE(SqlPolicyLookup(m_db).row(u"absence"_s, absenceId)->text(u"justification_status"_s), u"submitted"_s);
    }

    void badPushesChangeNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        const QString grade = Core::newId();
        QTest::newRow("no client") << QJsonObject{{u"mutations"_s, QJsonArray{}}} << u"missing_field"_s;
        QTest::newRow("wrong type") << QJsonObject{{u"client_id"_s, Core::newId()},
                                                   {u"mutations"_s,
                                                    QJsonArray{update(1, u"grade"_s, grade, {{u"mark"_s, 12}}, 0, 1)}}}
                                    << u"invalid_field"_s;
        QTest::newRow("unknown field")
            << QJsonObject{{u"client_id"_s, Core::newId()},
                           {u"mutations"_s, QJsonArray{update(1, u"grade"_s, grade, {{u"points"_s, u"1"_s}}, 0, 1)}}}
            << u"unknown_field"_s;
    }

    void badPushesChangeNothing()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        const qint64 head = feedHead();
        PushService service(m_db);
        const Core::Result<QJsonObject> answer = service.push(facts(u"prof.martin"_s), body);
        QVERIFY(!answer.ok());
        QCOMPARE(Core::errorCodeName(answer.error().code), code);
        QCOMPARE(feedHead(), head);
    }

    // A client id belongs to the account that used it first.
    void clientIdsAreNotShared()
    {
        const QString client = Core::newId();
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica replica;
        pullInto(replica, teacher, 1000);
        const auto [grade, version] = teachersGrade(replica, teacher.personId, 4);
        push(teacher, client,
             {update(1, u"grade"_s, grade.value(u"id"_s).toString(), {{u"comment"_s, u"x"_s}}, version, m_now)});
        PushService service(m_db);
        const Core::Result<QJsonObject> answer
            = service.push(facts(u"eleve.leo"_s),
                           QJsonObject{{u"client_id"_s, client},
                                       {u"mutations"_s,
                                        QJsonArray{update(2, u"grade"_s, grade.value(u"id"_s).toString(),
                                                          {{u"comment"_s, u"y"_s}}, version, m_now)}}});
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error().code, Core::ErrorCode::Forbidden);
    }

    // When a guardian loses his link, the child's buckets leave his replica.
    void lostBucketLeavesTheReplica()
    {
        const Core::ActorFacts guardian = facts(u"parent.dubois"_s);
        Replica replica;
        pullInto(replica, guardian, 1000);
        const QList<Record> links = SqlPolicyLookup(m_db).rowsWhere(u"guardian_link"_s, u"guardian_id"_s,
                                                                    guardian.personId);
        QVERIFY(links.size() >= 2);
        const Record link = links.constFirst();
        const QString child = link.text(u"student_id"_s);
        bool hadChildRows = false;
        for (auto it = replica.members.cbegin(); it != replica.members.cend(); ++it)
            hadChildRows = hadChildRows || it.value().contains(Core::Bucket::student(child));
        QVERIFY(hadChildRows);

        const Core::ActorFacts secretary = facts(u"secretariat.bernard"_s);
        Replica office;
        pullInto(office, secretary, 5000);
        const QString key = u"guardian_link/"_s + link.id();
        QVERIFY(office.versions.contains(key));
        const QJsonObject answer = push(secretary, Core::newId(),
                                        {removal(1, u"guardian_link"_s, link.id(), office.versions.value(key), m_now)});
        QCOMPARE(answer.value(u"results"_s).toArray().at(0).toObject().value(u"status"_s).toString(), u"applied"_s);

        pullInto(replica, facts(u"parent.dubois"_s), 1000);
        for (auto it = replica.members.cbegin(); it != replica.members.cend(); ++it)
            QVERIFY2(!it.value().contains(Core::Bucket::student(child)), qPrintable(it.key()));
        QCOMPARE(keys(replica), visibleRows(facts(u"parent.dubois"_s)));
    }

    // Two bookings of one room at the same time: the first committed wins.
    void firstBookingWins()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        const Core::ActorFacts cpe = facts(u"cpe.petit"_s);
        const QList<Record> resources
            = SqlPolicyLookup(m_db).rowsWhere(u"resource"_s, u"establishment_id"_s,
                                              cpe.establishments.constFirst().establishmentId);
        QVERIFY(!resources.isEmpty());
        const QString resource = resources.constFirst().id();
        const auto booking = [&](const Core::ActorFacts &who, int start) {
            return QJsonObject{{u"number"_s, 1},
                               {u"type"_s, u"booking"_s},
                               {u"id"_s, Core::newId()},
                               {u"op"_s, u"create"_s},
                               {u"fields"_s,
                                QJsonObject{{u"establishment_id"_s, cpe.establishments.constFirst().establishmentId},
                                            {u"resource_id"_s, resource},
                                            {u"booked_by"_s, who.accountId},
                                            {u"date"_s, u"2025-06-30"_s},
                                            {u"start_minute"_s, start},
                                            {u"end_minute"_s, start + 60}}},
                               {u"base_version"_s, 0},
                               {u"hlc"_s, u"%1-0"_s.arg(m_now)}};
        };
        QCOMPARE(push(cpe, Core::newId(), {booking(cpe, 600)})
                     .value(u"results"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"applied"_s);
        const QJsonObject second
            = push(teacher, Core::newId(), {booking(teacher, 630)}).value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(second.value(u"status"_s).toString(), u"conflict"_s);
        QCOMPARE(second.value(u"conflicts"_s).toArray().at(0).toObject().value(u"rule"_s).toString(),
                 u"first_booking_wins"_s);
        QCOMPARE(push(teacher, Core::newId(), {booking(teacher, 660)})
                     .value(u"results"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"applied"_s);
    }

    // Found by the convergence simulation (seed 2, docs/RELIABILITY.md): a
    // second exception for the same lesson and day failed the database's
    // unique index, so the whole batch failed as a database error and the
    // device sent it again forever. It is refused on its own now, and the
    // change after it goes on.
    void duplicateKeyIsRefusedAndDoesNotBlockTheQueue()
    {
        const Core::ActorFacts secretariat = facts(u"secretariat.bernard"_s);
        const QList<Record> exceptions
            = SqlPolicyLookup(m_db).rowsWhere(u"timetable_exception"_s, u"establishment_id"_s,
                                              secretariat.establishments.constFirst().establishmentId);
        QVERIFY(!exceptions.isEmpty());
        const Record &existing = exceptions.constFirst();
        const Core::EntityDef &entity = *Core::findEntity(u"timetable_exception"_s);
        Record copy = existing;
        copy.setId(Core::newId());
        copy.set(u"note"_s, u"Sortie au musée"_s);
        QJsonObject fields = Core::recordToJson(entity, copy);
        fields.remove(u"id"_s);
        fields.remove(u"type"_s);
        const QJsonObject create{{u"number"_s, 1},
                                 {u"type"_s, u"timetable_exception"_s},
                                 {u"id"_s, copy.id()},
                                 {u"op"_s, u"create"_s},
                                 {u"fields"_s, fields},
                                 {u"base_version"_s, 0},
                                 {u"hlc"_s, u"%1-0"_s.arg(m_now)}};
        const qint64 version = FeedStore(m_db).rowState(u"timetable_exception"_s, existing.id()).value()->version;
        const QJsonObject answer = push(secretariat, Core::newId(),
                                        {create, update(2, u"timetable_exception"_s, existing.id(),
                                                        {{u"note"_s, u"Salle changée"_s}}, version, m_now)});
        const QJsonArray results = answer.value(u"results"_s).toArray();
        QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"rejected"_s);
        const QJsonObject error = results.at(0).toObject().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"duplicate_key"_s);
        QCOMPARE(error.value(u"context"_s).toString(), u"timetable_exception.slot_id,date"_s);
        QCOMPARE(results.at(1).toObject().value(u"status"_s).toString(), u"applied"_s);
        QVERIFY(!SqlPolicyLookup(m_db).row(u"timetable_exception"_s, copy.id()));
        QCOMPARE(SqlPolicyLookup(m_db).row(u"timetable_exception"_s, existing.id())->text(u"note"_s),
                 u"Salle changée"_s);
    }

    // Two server processes on one database: pushes that reach them at the
    // same moment must apply one after the other, so the second sees the
    // first's change and records the conflict. Here a third connection holds
    // the feed counter's row lock (as a push in progress does) while two
    // pushes of the same mark, each on its own connection and thread, start;
    // only once both wait is the lock let go.
    void concurrentPushesApplyOneAfterAnother()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica replica;
        pullInto(replica, teacher, 1000);
        const auto [grade, version] = teachersGrade(replica, teacher.personId, 8);
        const QString id = grade.value(u"id"_s).toString();
        const bool postgres = m_database->backend() == Test::Backend::Postgres;

        QSqlDatabase holder = openServerDatabase(m_database->spec(), u"sync-holder"_s).value();
        QVERIFY(holder.transaction());
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(u"UPDATE sync_counter SET seq = seq WHERE id = 1"_s));

        const QString spec = m_database->spec();
        const qint64 now = m_now;
        const auto pushOnItsOwn = [&, spec, now](const QString &connection, const QString &mark, qint64 millis,
                                                 QJsonObject *answer) {
            {
                QSqlDatabase db = openServerDatabase(spec, connection).value();
                PushService service(db, [now] { return now; });
                const Core::Result<QJsonObject> pushed
                    = service.push(teacher, QJsonObject{{u"client_id"_s, Core::newId()},
                                                        {u"mutations"_s,
                                                         QJsonArray{update(1, u"grade"_s, id, {{u"mark"_s, mark}},
                                                                           version, millis)}}});
                *answer = pushed ? *pushed : QJsonObject{{u"failed"_s, Core::errorCodeName(pushed.error().code)}};
                db.close();
            }
            QSqlDatabase::removeDatabase(connection);
        };
        QJsonObject laptop;
        QJsonObject desktop;
        std::thread first(pushOnItsOwn, u"sync-laptop"_s, u"11.07"_s, m_now + 1000, &laptop);
        std::thread second(pushOnItsOwn, u"sync-desktop"_s, u"16.13"_s, m_now + 2000, &desktop);
        if (postgres) {
            // Both wait on a lock before either has read the row.
            QSqlQuery waiting(holder);
            int waiters = 0;
            for (int tries = 0; tries < 600 && waiters < 2; ++tries) {
                QTest::qWait(50);
                QVERIFY(waiting.exec(u"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                     "AND datname = current_database()"_s));
                waiters = waiting.next() ? waiting.value(0).toInt() : 0;
            }
            QCOMPARE(waiters, 2);
        } else {
            // BEGIN IMMEDIATE makes them wait for the write lock.
            QTest::qWait(300);
        }
        QVERIFY(holder.rollback());
        first.join();
        second.join();
        lock = QSqlQuery();
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"sync-holder"_s);

        const QStringList statuses{describe(laptop), describe(desktop)};
        QVERIFY2(statuses.contains(u"applied"_s) && statuses.contains(u"conflict"_s),
                 qPrintable(statuses.join(u", "_s)));
        // The later clock wins whichever came first, and the other value is
        // kept in a conflict record.
        pullInto(replica, teacher, 1000);
        QCOMPARE(replica.rows.value(u"grade/"_s + id).value(u"mark"_s).toString(), u"16.13"_s);
        QSqlQuery records(m_db);
        QVERIFY(Core::execPrepared(records, u"SELECT lost_value FROM sync_conflict WHERE row_id = ?"_s, id));
        QVERIFY(records.next());
        QVERIFY(records.value(0).toString().contains(u"\"11.07\""_s));
        QVERIFY(!records.next());
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestSync)
#include "tst_sync.moc"
