#include "syncfixture.h"

#include "server/referenceschool/schoolwriter.h"
#include "server/scoperesolver.h"
#include "server/serverdatabase.h"
#include "server/sync/feedindexer.h"
#include "server/sync/pullservice.h"
#include "server/sync/pushservice.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/policy/buckets.h"
#include "core/policy/readscope.h"
#include "core/sqlstatement.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

namespace Cartable::Test {

using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Core::Record;

void PulledReplica::apply(const QJsonObject &page)
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

QSet<QString> PulledReplica::keys() const
{
    QSet<QString> set;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        set.insert(it.key());
    return set;
}

void SyncFixture::openSchool(Server::BlobStorage *files)
{
    m_database = std::make_unique<TestDatabase>(backendFromEnvironment());
    QVERIFY2(m_database->create(), qPrintable(m_database->errorString()));
    Core::Result<QSqlDatabase> opened = openServerDatabase(m_database->spec(), u"sync"_s);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().context));
    m_db = opened.value();
    const Core::Result<ReferenceSchoolSummary> school
        = writeReferenceSchool(m_db, {0.02, 7}, QByteArrayLiteral("$argon2id$unused"), nullptr, files);
    QVERIFY2(school.ok(), school.ok() ? "" : qPrintable(school.error().context));
    const Core::Result<qint64> indexed = FeedIndexer(m_db).indexAll();
    QVERIFY2(indexed.ok(), indexed.ok() ? "" : qPrintable(indexed.error().context));
    QCOMPARE(*indexed, school->total);
    // Indexing twice adds nothing.
    QCOMPARE(FeedIndexer(m_db).indexAll().value(), 0);
}

void SyncFixture::closeSchool()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"sync"_s);
    m_database.reset();
}

QString SyncFixture::accountOf(const QString &login)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query, u"SELECT id FROM account WHERE login = ?"_s, login) || !query.next())
        qFatal("no account %s", qPrintable(login));
    return query.value(0).toString();
}

Core::ActorFacts SyncFixture::facts(const QString &login)
{
    return ScopeResolver(m_db).resolve(accountOf(login)).value();
}

void SyncFixture::pullInto(PulledReplica &replica, const Core::ActorFacts &actor, int limit, int maxPages)
{
    PullService pull(m_db);
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

QSet<QString> SyncFixture::visibleRows(const Core::ActorFacts &actor)
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

QJsonObject SyncFixture::push(const Core::ActorFacts &actor, const QString &client, const QJsonArray &mutations)
{
    PushService service(m_db, [this] { return m_now; });
    const Core::Result<QJsonObject> answer = service.push(actor, QJsonObject{{u"client_id"_s, client},
                                                                             {u"mutations"_s, mutations}});
    if (!answer)
        qFatal("push failed: %s %s", qPrintable(Core::errorCodeName(answer.error().code)),
               qPrintable(answer.error().context));
    return *answer;
}

QJsonObject SyncFixture::update(qint64 number, const QString &type, const QString &id, const QJsonObject &fields,
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

QJsonObject SyncFixture::removal(qint64 number, const QString &type, const QString &id, qint64 base, qint64 millis)
{
    return {{u"number"_s, number},  {u"type"_s, type},         {u"id"_s, id},
            {u"op"_s, u"delete"_s}, {u"base_version"_s, base}, {u"hlc"_s, u"%1-0"_s.arg(millis)}};
}

std::pair<QJsonObject, qint64> SyncFixture::teachersGrade(const PulledReplica &replica, const QString &teacherPerson,
                                                          int skip)
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

qint64 SyncFixture::feedHead()
{
    return FeedStore(m_db).head().value();
}

QString SyncFixture::describe(const QJsonObject &answer)
{
    const QJsonObject result = answer.value(u"results"_s).toArray().at(0).toObject();
    QString text = result.value(u"status"_s).toString();
    if (result.contains(u"error"_s)) {
        text += u' ' + result.value(u"error"_s).toObject().value(u"code"_s).toString() + u' '
                + result.value(u"error"_s).toObject().value(u"context"_s).toString();
    }
    return text;
}

} // namespace Cartable::Test
