// The server's pulls, on a generated school, on the backend named by
// CARTABLE_TEST_BACKEND: first pulls that give exactly the rows a user may
// read and resume where they stopped, refused bodies, cursors, a reset after
// pruned removals, a lost bucket leaving a replica.

#include "syncfixture.h"

#include "server/scoperesolver.h"
#include "server/serverdatabase.h"
#include "server/sync/pullservice.h"
#include "server/sync/syncendpoints.h"

#include "core/ids.h"
#include "core/policy/buckets.h"
#include "core/sqlstatement.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Core::Record;
using Replica = Test::PulledReplica;

class TestSyncPull : public Test::SyncFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { openSchool(); }
    void cleanupTestCase() { closeSchool(); }

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
        QCOMPARE(replica.keys().size(), expected.size());
        QCOMPARE(replica.keys(), expected);
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
        QCOMPARE(resumed.keys(), whole.keys());
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
        QTest::newRow("reset not a boolean") << QJsonObject{{u"reset"_s, u"yes"_s}} << u"pull.reset"_s;
        QTest::newRow("cursor not text") << QJsonObject{{u"cursor"_s, 12}} << u"pull.cursor"_s;
        QTest::newRow("cursor garbage") << QJsonObject{{u"cursor"_s, u"c1.!!!"_s}} << u"pull.cursor"_s;
        QTest::newRow("cursor of another kind") << QJsonObject{{u"cursor"_s, u"v9.abc"_s}} << u"pull.cursor"_s;
        QTest::newRow("cursor with a negative point")
            << QJsonObject{{u"cursor"_s, SyncCursor{-1, QString(32, u'a'), {}, {}}.toToken()}} << u"pull.cursor"_s;
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
        const SyncCursor cursor{42,
                                QString(32, u'b'),
                                QString(32, u'c'),
                                {u"student:8f2341ce-1ad5-4d0c-8716-d99c31e07d17"_s, 17}};
        QCOMPARE(SyncCursor::fromToken(cursor.toToken()).value(), cursor);
        const SyncCursor starting{42, QString(32, u'b'), QString(32, u'c'), {}};
        QCOMPARE(SyncCursor::fromToken(starting.toToken()).value(), starting);
        const SyncCursor plain{7, QString(32, u'd'), {}, {}};
        QCOMPARE(SyncCursor::fromToken(plain.toToken()).value(), plain);
    }

    // A client that asks for it starts again, whole, from a good cursor.
    void askedResetStartsAgain()
    {
        const Core::ActorFacts actor = facts(u"eleve.leo"_s);
        Replica replica;
        pullInto(replica, actor, 1000);
        const QJsonObject plain
            = PullService(m_db).pull(actor, {{u"limit"_s, 1000}, {u"cursor"_s, replica.cursor}}).value();
        QVERIFY(!plain.value(u"reset"_s).toBool());
        QVERIFY(plain.value(u"rows"_s).toArray().isEmpty());
        Replica again = replica;
        PullService pull(m_db);
        QJsonObject body{{u"limit"_s, 1000}, {u"cursor"_s, again.cursor}, {u"reset"_s, true}};
        for (int page = 0; page < 1000; ++page) {
            const Core::Result<QJsonObject> answer = pull.pull(actor, body);
            QVERIFY(answer.ok());
            QCOMPARE(answer->value(u"reset"_s).toBool(), page == 0);
            again.apply(*answer);
            if (!answer->value(u"more"_s).toBool())
                break;
            body = {{u"limit"_s, 1000}, {u"cursor"_s, again.cursor}};
        }
        QVERIFY(again.sawReset);
        QCOMPARE(again.keys(), replica.keys());
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
        QCOMPARE(again.keys(), replica.keys());
        QVERIFY(Core::execPrepared(query, u"UPDATE sync_counter SET pruned_through = 0 WHERE id = 1"_s));
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
        QCOMPARE(replica.keys(), visibleRows(facts(u"parent.dubois"_s)));
    }

    // A server keeps each account's scope between requests. A change that
    // decides scopes, made through another server process on the same
    // database, is seen from the next request on.
    void keptScopesFollowChangesMadeElsewhere()
    {
        const QString connection = u"another-server"_s;
        {
            Core::Result<QSqlDatabase> other = openServerDatabase(m_database->spec(), connection);
            QVERIFY2(other.ok(), other.ok() ? "" : qPrintable(other.error().context));
            SyncEndpoints here(m_db);
            SyncEndpoints there(*other);
            const QString guardian = accountOf(u"parent.dubois"_s);
            const QString personId = facts(u"parent.dubois"_s).personId;
            const auto pullAll = [&](Replica &replica) {
                for (int page = 0; page < 1000; ++page) {
                    QJsonObject body{{u"limit"_s, 1000}};
                    if (!replica.cursor.isEmpty())
                        body.insert(u"cursor"_s, replica.cursor);
                    const Core::Result<Core::PullPage> answer = here.pull(guardian, body);
                    QVERIFY(answer.ok());
                    replica.apply(Core::pullPageToJson(*answer));
                    if (!answer->more)
                        return;
                }
            };
            Replica replica;
            pullAll(replica);
            const QList<Record> links = SqlPolicyLookup(m_db).rowsWhere(u"guardian_link"_s, u"guardian_id"_s, personId);
            QVERIFY(!links.isEmpty());
            const Record link = links.constLast();
            const QString child = link.text(u"student_id"_s);
            QVERIFY(std::any_of(replica.members.cbegin(), replica.members.cend(), [&](const QSet<QString> &held) {
                return held.contains(Core::Bucket::student(child));
            }));

            // The secretariat removes the link through the other server.
            const qint64 version = FeedStore(m_db).rowState(u"guardian_link"_s, link.id()).value()->version;
            const Core::Result<QJsonObject> answer
                = there.push(accountOf(u"secretariat.bernard"_s),
                             QJsonObject{{u"client_id"_s, Core::newId()},
                                         {u"mutations"_s,
                                          QJsonArray{removal(1, u"guardian_link"_s, link.id(), version, m_now)}}});
            QVERIFY(answer.ok());
            QCOMPARE(describe(*answer), u"applied"_s);

            // This server's next page drops the child's buckets.
            QJsonObject body{{u"limit"_s, 1000}, {u"cursor"_s, replica.cursor}};
            const Core::Result<Core::PullPage> page = here.pull(guardian, body);
            QVERIFY(page.ok());
            QVERIFY(page->drop.contains(Core::Bucket::student(child)));
            QVERIFY(!here.readableBuckets(guardian).contains(Core::Bucket::student(child)));
        }
        QSqlDatabase::removeDatabase(connection);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestSyncPull)
#include "tst_sync_pull.moc"
