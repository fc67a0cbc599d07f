// What the server knows of a user, computed from its database, on the
// backend named by CARTABLE_TEST_BACKEND (SQLite or PostgreSQL): the facts
// and readable buckets of each role, and the SQL lookups behind rowBuckets().

#include "server/scoperesolver.h"
#include "server/serverdatabase.h"

#include "core/domain/catalog.h"
#include "core/policy/buckets.h"
#include "core/policy/readscope.h"
#include "tests/support/policyworld.h"
#include "tests/support/testdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Test::Actor;

Q_DECLARE_METATYPE(Cartable::Test::Actor)

namespace {

// Inserts a row with a prepared statement; an account gets a password hash,
// which the catalogue does not know.
bool insertRow(QSqlDatabase &db, const Core::Record &record, QString *error)
{
    const Core::EntityDef *entity = Core::findEntity(record.type());
    if (!entity) {
        *error = u"unknown entity "_s + record.type();
        return false;
    }
    QStringList columns{u"id"_s};
    QVariantList values{record.id()};
    for (const Core::FieldDef &field : entity->fields) {
        if (record.isSet(field.name)) {
            columns.append(field.name);
            values.append(Core::fieldToSql(field, record.value(field.name)));
        }
    }
    if (entity->type == QStringView(Core::Entity::Account)) {
        columns.append(u"password_hash"_s);
        values.append(u"$argon2id$unused"_s);
    }
    QStringList placeholders;
    for (qsizetype i = 0; i < columns.size(); ++i)
        placeholders.append(u"?"_s);
    QSqlQuery query(db);
    if (!query.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(entity->type, columns.join(u", "_s),
                                                                placeholders.join(u", "_s)))) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec()) {
        *error = record.type() + u' ' + record.id() + u": "_s + query.lastError().text();
        return false;
    }
    return true;
}

// Lists sorted, so that facts compare whatever order the database returns.
Core::ActorFacts normalised(Core::ActorFacts facts)
{
    const auto sortList = [](QStringList &list) { list.sort(); };
    sortList(facts.workingGroupIds);
    sortList(facts.ownedWorkingGroupIds);
    for (Core::EstablishmentFacts &e : facts.establishments) {
        std::sort(e.roles.begin(), e.roles.end());
        for (QStringList *list :
             {&e.ownClassIds, &e.ownGroupIds, &e.mainTeacherClassIds, &e.allClassIds, &e.allGroupIds, &e.allStudentIds})
            sortList(*list);
        for (Core::ChildFacts &child : e.children) {
            sortList(child.classIds);
            sortList(child.groupIds);
        }
        std::sort(e.children.begin(), e.children.end(),
                  [](const auto &a, const auto &b) { return a.studentId < b.studentId; });
        std::sort(e.teaching.begin(), e.teaching.end(), [](const auto &a, const auto &b) {
            return std::tie(a.classId, a.groupId, a.subjectId) < std::tie(b.classId, b.groupId, b.subjectId);
        });
        for (QStringList &students : e.studentsByUnit)
            sortList(students);
    }
    return facts;
}

QString describe(const Core::ActorFacts &facts)
{
    QStringList parts{u"account "_s + facts.accountId, u"person "_s + facts.personId,
                      u"groups "_s + facts.workingGroupIds.join(u',') + u" owned "_s
                          + facts.ownedWorkingGroupIds.join(u',')};
    for (const Core::EstablishmentFacts &e : facts.establishments) {
        QStringList roles;
        for (Core::Role role : e.roles)
            roles.append(Core::roleCode(role));
        QStringList teaching;
        for (const Core::TeachingUnit &unit : e.teaching)
            teaching.append(unit.classId + u'/' + unit.groupId + u'/' + unit.subjectId);
        QStringList children;
        for (const Core::ChildFacts &child : e.children)
            children.append(child.studentId + (child.legalResponsibility ? u"(legal)"_s : u"(not legal)"_s)
                            + child.classIds.join(u',') + u'/' + child.groupIds.join(u','));
        QStringList units;
        for (auto it = e.studentsByUnit.cbegin(); it != e.studentsByUnit.cend(); ++it)
            units.append(it.key() + u'=' + it.value().join(u','));
        units.sort();
        parts.append(e.establishmentId + u": roles "_s + roles.join(u',') + u" own "_s + e.ownClassIds.join(u',') + u'/'
                     + e.ownGroupIds.join(u',') + u" children "_s + children.join(u' ') + u" teaching "_s
                     + teaching.join(u',') + u" main "_s + e.mainTeacherClassIds.join(u',') + u" units "_s
                     + units.join(u' ') + u" all "_s + e.allClassIds.join(u',') + u'/' + e.allGroupIds.join(u',') + u'/'
                     + e.allStudentIds.join(u','));
    }
    return parts.join(u"; "_s);
}

} // namespace

class TestScopeResolver : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_database;
    QSqlDatabase m_db;
    Core::InMemoryPolicyLookup m_world;

private Q_SLOTS:
    void initTestCase()
    {
        m_database = std::make_unique<Test::TestDatabase>(Test::backendFromEnvironment());
        QVERIFY2(m_database->create(), qPrintable(m_database->errorString()));
        Core::Result<QSqlDatabase> db = openServerDatabase(m_database->spec(), u"scope"_s);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().context));
        m_db = *db;
        Test::buildPolicyWorld(m_world, QString());
        Test::buildPolicyWorld(m_world, u"x"_s);
        // In catalogue order, so that a row's references come before it.
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            for (const Core::Record &record : m_world.rows(entity.type)) {
                QString error;
                QVERIFY2(insertRow(m_db, record, &error), qPrintable(error));
            }
        }
    }

    void cleanupTestCase()
    {
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"scope"_s);
    }

    // The facts computed with SQL are those written out by hand for the
    // policy's own tests.
    void factsOfEachRole_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::newRow("student") << Actor::S1;
        QTest::newRow("student of C2") << Actor::S2;
        QTest::newRow("guardian with legal responsibility") << Actor::P1;
        QTest::newRow("guardian without legal responsibility") << Actor::P3;
        QTest::newRow("teacher") << Actor::T1;
        QTest::newRow("other teacher") << Actor::T2;
        QTest::newRow("vie scolaire") << Actor::V;
        QTest::newRow("secretariat") << Actor::Y;
        QTest::newRow("head") << Actor::H;
        QTest::newRow("local authority") << Actor::L;
    }

    void factsOfEachRole()
    {
        QFETCH(Actor, actor);
        const Core::ActorFacts expected = normalised(Test::policyActor(actor));
        const Core::Result<Core::ActorFacts> resolved = ScopeResolver(m_db).resolve(expected.accountId);
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : qPrintable(resolved.error().context));
        QCOMPARE(describe(normalised(*resolved)), describe(expected));
        QVERIFY(normalised(*resolved) == expected);
    }

    void bucketsOfEachRole_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("teacher") << u"a-t1"_s
                                 << QStringList{u"account:a-t1"_s,   u"class:c1"_s,         u"class_staff:c1"_s,
                                                u"directory:e1"_s,   u"establishment:e1"_s, u"group:g1"_s,
                                                u"group_staff:g1"_s, u"staff:e1"_s,         u"student:s1"_s,
                                                u"student:s3"_s,     u"student:s4"_s,       u"working_group:wg1"_s};
        QTest::newRow("guardian with legal responsibility")
            << u"a-p1"_s << QStringList{u"account:a-p1"_s,     u"class:c1"_s, u"directory:e1"_s,
                                        u"establishment:e1"_s, u"group:g1"_s, u"student:s1"_s};
        QTest::newRow("guardian without legal responsibility")
            << u"a-p3"_s << QStringList{u"account:a-p3"_s, u"directory:e1"_s, u"establishment:e1"_s};
        QTest::newRow("student") << u"a-s1"_s << QStringList{u"account:a-s1"_s,     u"class:c1"_s, u"directory:e1"_s,
                                                             u"establishment:e1"_s, u"group:g1"_s, u"student:s1"_s};
        QTest::newRow("secretariat") << u"a-y"_s
                                     << QStringList{u"account:a-y"_s,    u"administration:e1"_s, u"class:c1"_s,
                                                    u"class:c2"_s,       u"class_staff:c1"_s,    u"class_staff:c2"_s,
                                                    u"directory:e1"_s,   u"establishment:e1"_s,  u"group:g1"_s,
                                                    u"group_staff:g1"_s, u"staff:e1"_s,          u"student:s1"_s,
                                                    u"student:s2"_s,     u"student:s3"_s,        u"student:s4"_s};
        QTest::newRow("local authority") << u"a-l"_s << QStringList{u"account:a-l"_s, u"establishment:e1"_s};
        QTest::newRow("student of the other establishment")
            << u"xa-s1"_s << QStringList{u"account:xa-s1"_s,     u"class:xc1"_s, u"directory:xe1"_s,
                                         u"establishment:xe1"_s, u"group:xg1"_s, u"student:xs1"_s};
    }

    void bucketsOfEachRole()
    {
        QFETCH(QString, account);
        QFETCH(QStringList, expected);
        const Core::Result<Core::ActorFacts> resolved = ScopeResolver(m_db).resolve(account);
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : qPrintable(resolved.error().context));
        QCOMPARE(Core::readableBuckets(*resolved), expected);
    }

    void unknownAccount()
    {
        const Core::Result<Core::ActorFacts> resolved = ScopeResolver(m_db).resolve(u"nobody"_s);
        QVERIFY(!resolved.ok());
        QCOMPARE(resolved.error().code, Core::ErrorCode::NotFound);
    }

    // Every row of the world falls in the same buckets whether its related
    // rows come from memory or from the database.
    void sqlLookupGivesTheSameBuckets()
    {
        const SqlPolicyLookup sql(m_db);
        int rows = 0;
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            for (const Core::Record &record : m_world.rows(entity.type)) {
                const std::optional<Core::Record> stored = sql.row(entity.type, record.id());
                QVERIFY2(stored.has_value(), qPrintable(entity.type + u' ' + record.id()));
                QCOMPARE(Core::rowBuckets(*stored, sql), Core::rowBuckets(record, m_world));
                ++rows;
            }
        }
        QVERIFY(rows > 100);
    }

    void sqlLookupRows()
    {
        const SqlPolicyLookup sql(m_db);
        const std::optional<Core::Record> grade = sql.row(u"grade"_s, u"gr1"_s);
        QVERIFY(grade.has_value());
        QCOMPARE(grade->number(u"mark"_s), 1500);
        QCOMPARE(grade->text(u"evaluation_id"_s), u"ev1"_s);
        const std::optional<Core::Record> link = sql.row(u"guardian_link"_s, u"gl-p3"_s);
        QVERIFY(link.has_value());
        QCOMPARE(link->value(u"legal_responsibility"_s), QVariant(false));
        QVERIFY(!sql.row(u"grade"_s, u"missing"_s).has_value());
        QVERIFY(!sql.row(u"no_such_table"_s, u"gr1"_s).has_value());

        const QList<Core::Record> recipients = sql.rowsWhere(u"message_recipient"_s, u"thread_id"_s, u"th1"_s);
        QStringList accounts;
        for (const Core::Record &recipient : recipients)
            accounts.append(recipient.text(u"account_id"_s));
        accounts.sort();
        QCOMPARE(accounts, (QStringList{u"a-p1"_s, u"a-s1"_s, u"a-t1"_s}));
        // A field that the entity lacks is refused, not put into SQL.
        QVERIFY(sql.rowsWhere(u"grade"_s, u"mark; DROP TABLE grade"_s, u"x"_s).isEmpty());
        QVERIFY(sql.row(u"grade"_s, u"gr1' OR '1'='1"_s) == std::nullopt);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestScopeResolver)
#include "tst_scoperesolver.moc"
