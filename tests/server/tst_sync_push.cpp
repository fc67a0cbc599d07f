// The server's pushes, on a generated school, on the backend named by
// CARTABLE_TEST_BACKEND: idempotent pushes, per-field merges and conflict
// records, deletes against updates, closed periods, refused mutations that
// do not block the rest, bookings, duplicate keys, two pushes at once.

#include "syncfixture.h"

#include "server/accountstore.h"
#include "server/authservice.h"
#include "server/loginthrottle.h"
#include "server/passwordhasher.h"
#include "server/scoperesolver.h"
#include "server/serverdatabase.h"
#include "server/sessionstore.h"
#include "server/sync/pullservice.h"
#include "server/sync/pushservice.h"

#include "sync/replicastore.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/policy/buckets.h"
#include "core/sqlstatement.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Core::Record;
using Replica = Test::PulledReplica;

class TestSyncPush : public Test::SyncFixture
{
    Q_OBJECT

private:
    // The id and login of a pupil of the secretariat's establishment.
    std::pair<QString, QString> pupilAccount(const Core::ActorFacts &secretariat, int skip)
    {
        QSqlQuery query(m_db);
        if (!Core::execPrepared(query,
                                u"SELECT a.id, a.login FROM account a JOIN account_role r ON r.account_id = a.id "
                                "WHERE r.role = 'student' AND r.establishment_id = ? ORDER BY a.login"_s,
                                secretariat.establishments.constFirst().establishmentId)) {
            qFatal("cannot read the accounts");
        }
        for (int i = 0; i <= skip; ++i) {
            if (!query.next())
                qFatal("not enough pupils");
        }
        return {query.value(0).toString(), query.value(1).toString()};
    }

    qint64 accountVersion(const QString &accountId)
    {
        return FeedStore(m_db).rowState(u"account"_s, accountId).value()->version;
    }

    // Sign-in and sessions on the school's database, at the fixture's time.
    struct Auth
    {
        explicit Auth(QSqlDatabase db, QDateTime now)
            : accounts(db),
              sessions(db),
              throttle(db, ThrottlePolicy{}),
              service(accounts, sessions, hasher, throttle, SessionLifetimes{}, [now] { return now; })
        {
        }
        AccountStore accounts;
        SessionStore sessions;
        const PasswordHasher hasher;
        LoginThrottle throttle;
        AuthService service;
    };

    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC); }

private Q_SLOTS:
    void initTestCase() { openSchool(); }
    void cleanupTestCase() { closeSchool(); }

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
        // Applied as sent, on a row nobody else changed: the client's copy is
        // the server's, and the answer leaves it out.
        QVERIFY(!result.contains(u"row"_s));
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
        const QJsonObject first = push(teacher, Core::newId(),
                                       {update(1, u"grade"_s, id, {{u"mark"_s, u"17,5"_s}}, version, m_now)});
        QVERIFY(!first.value(u"results"_s).toArray().at(0).toObject().contains(u"row"_s));
        // Another device changed the row since this one's version: the answer
        // carries the row, with both changes.
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
        PullService pull(m_db);
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

    // The secretariat disables a pupil's account through sync: every
    // session of the account ends in the push's own commit, and it can no
    // longer sign in. Enabled again the same way, it signs in.
    void disablingAnAccountThroughSyncEndsItsSessions()
    {
        const Core::ActorFacts secretariat = facts(u"secretariat.bernard"_s);
        const auto [accountId, login] = pupilAccount(secretariat, 0);
        Auth auth(m_db, now());
        const QString password = auth.service.resetPassword(login).value();
        const QString address = u"192.0.2.10"_s;
        const Core::SessionTokens first = auth.service.login({login, password}, address).value().tokens;
        const Core::SessionTokens second = auth.service.login({login, password}, address).value().tokens;
        QVERIFY(auth.service.authenticate("Bearer " + first.accessToken.toLatin1()).ok());
        QCOMPARE(auth.sessions.liveSessionCount(accountId, now()).value(), 2);

        const QJsonObject disabled
            = push(secretariat, Core::newId(),
                   {update(1, u"account"_s, accountId, {{u"disabled"_s, true}}, accountVersion(accountId), m_now)});
        QCOMPARE(describe(disabled), u"applied"_s);
        QVERIFY(SqlPolicyLookup(m_db).row(u"account"_s, accountId)->flag(u"disabled"_s));
        QCOMPARE(auth.sessions.liveSessionCount(accountId, now()).value(), 0);
        QCOMPARE(auth.service.authenticate("Bearer " + first.accessToken.toLatin1()).error().code,
                 Core::ErrorCode::SessionExpired);
        QCOMPARE(auth.service.refresh({second.refreshToken}).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(auth.service.login({login, password}, address).error().code, Core::ErrorCode::AccountDisabled);

        const QJsonObject enabled = push(secretariat, Core::newId(),
                                         {update(1, u"account"_s, accountId, {{u"disabled"_s, false}},
                                                 accountVersion(accountId), m_now + 1000)});
        QCOMPARE(describe(enabled), u"applied"_s);
        const Core::SessionTokens again = auth.service.login({login, password}, address).value().tokens;
        QVERIFY(auth.service.authenticate("Bearer " + again.accessToken.toLatin1()).ok());
        // The sessions that ended stay ended.
        QCOMPARE(auth.sessions.liveSessionCount(accountId, now()).value(), 1);
    }

    // cartable-server --disable-account writes the flag as a change of the
    // feed, as the school's own change would be: the replicas that hold the
    // account learn it, and its sessions end in the same commit.
    void administratorDisablingReachesTheReplicas()
    {
        const Core::ActorFacts secretariat = facts(u"secretariat.bernard"_s);
        const auto [accountId, login] = pupilAccount(secretariat, 1);
        const QString key = u"account/"_s + accountId;
        Replica office;
        pullInto(office, secretariat, 5000);
        QVERIFY(office.rows.contains(key));
        QCOMPARE(office.rows.value(key).value(u"disabled"_s).toBool(true), false);
        const qint64 before = office.versions.value(key);

        Auth auth(m_db, now());
        const QString password = auth.service.resetPassword(login).value();
        const Core::SessionTokens tokens = auth.service.login({login, password}, u"192.0.2.11"_s).value().tokens;
        QCOMPARE(auth.service.setDisabled(login, true).value(), true);
        QCOMPARE(auth.sessions.liveSessionCount(accountId, now()).value(), 0);
        QCOMPARE(auth.service.authenticate("Bearer " + tokens.accessToken.toLatin1()).error().code,
                 Core::ErrorCode::SessionExpired);

        pullInto(office, secretariat, 5000);
        QCOMPARE(office.rows.value(key).value(u"disabled"_s).toBool(false), true);
        QVERIFY(office.versions.value(key) > before);
        QCOMPARE(auth.service.setDisabled(login, true).value(), false);

        QCOMPARE(auth.service.setDisabled(login, false).value(), true);
        pullInto(office, secretariat, 5000);
        QCOMPARE(office.rows.value(key).value(u"disabled"_s).toBool(true), false);
        QVERIFY(auth.service.login({login, password}, u"192.0.2.11"_s).ok());
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

    // A title that disguises itself (a hidden extension, a reordered name)
    // or holds half a character is refused before anything is stored.
    void unsafeTextIsRefusedAndNothingIsStored()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        Replica replica;
        pullInto(replica, teacher, 1000);
        const QString id = teachersGrade(replica, teacher.personId).first.value(u"evaluation_id"_s).toString();
        const qint64 version = replica.versions.value(u"evaluation/"_s + id);
        const QString title = replica.rows.value(u"evaluation/"_s + id).value(u"title"_s).toString();
        const QList<std::pair<QString, QString>> unsafe{
            {u"title"_s, u"Devoir\u202Efdp.exe"_s},
            {u"title"_s, u"Contrôle \u2067B\u2069"_s},
            {u"title"_s, u"Contrôle\u200F"_s},
            {u"title"_s, QString(u"Contr"_s + QChar(0xd800) + u"le"_s)},
            {u"description"_s, QString(u"Rédaction "_s + QChar(0xdc00))},
        };
        const qint64 head = feedHead();
        PushService service(m_db, [this] { return m_now; });
        for (const auto &[field, value] : unsafe) {
            const Core::Result<QJsonObject> answer
                = service.push(teacher,
                               QJsonObject{{u"client_id"_s, Core::newId()},
                                           {u"mutations"_s, QJsonArray{update(1, u"evaluation"_s, id, {{field, value}},
                                                                              version, m_now)}}});
            QVERIFY2(!answer.ok(), qPrintable(field));
            QCOMPARE(Core::errorCodeName(answer.error().code), u"invalid_field"_s);
            QCOMPARE(answer.error().context, u"evaluation."_s + field);
        }
        QCOMPARE(feedHead(), head);
        QCOMPARE(SqlPolicyLookup(m_db).row(u"evaluation"_s, id)->text(u"title"_s), title);
        // Without them the change is the teacher's to make; a description, on
        // several lines, keeps its direction marks.
        const QString description = u"Lire \u2067كليلة ودمنة\u2069, chapitre 3."_s;
        QCOMPARE(describe(
                     push(teacher, Core::newId(),
                          {update(1, u"evaluation"_s, id,
                                  {{u"title"_s, u"Devoir.pdf"_s}, {u"description"_s, description}}, version, m_now)})),
                 u"applied"_s);
        QCOMPARE(SqlPolicyLookup(m_db).row(u"evaluation"_s, id)->text(u"description"_s), description);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestSyncPush)
#include "tst_sync_push.moc"
