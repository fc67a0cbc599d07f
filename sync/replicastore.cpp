#include "replicastore.h"

#include "core/domain/catalog.h"
#include "core/domain/domainschema.h"
#include "core/ids.h"
#include "core/protocol/pullpage.h"
#include "core/replica/replicaschema.h"
#include "core/sqlstatement.h"
#include "pagewriter.h"
#include "replicafiles.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>

#include <algorithm>
#include <limits>
#include <numeric>
#include <tuple>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcReplica, "cartable.sync.replica")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::Mutation;
using Core::MutationOp;
using Core::Record;
using Core::Result;
using Core::Status;

namespace {

const QString kClientIdKey = u"client_id"_s;
const QString kCursorKey = u"cursor"_s;
const QString kNextMutationKey = u"next_mutation"_s;
const QString kDeferredIndexesKey = u"deferred_indexes"_s;
// Set when the server answered a change to a row this replica had pulled as
// if the row were not there: the account no longer reads it. Its bucket may
// come back before the next pull sees it go, and a cursor would then never
// bring the row again: the next pull starts the scope afresh.
const QString kResyncKey = u"resync"_s;

Result<QString> info(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery query(db);
    if (!Core::execPrepared(query, u"SELECT value FROM replica_info WHERE key = ?"_s, key))
        return Core::databaseError(query);
    return query.next() ? query.value(0).toString() : QString();
}

Status setInfo(const QSqlDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery query(db);
    if (!Core::execPrepared(query,
                            u"INSERT INTO replica_info (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                            key, value)) {
        return Core::databaseError(query);
    }
    return {};
}

Error badPage(const QString &where)
{
    return Error{ErrorCode::InvalidServerResponse, where};
}

QString rowKey(const QString &type, const QString &id)
{
    return type + u'/' + id;
}

// The SQL of each entity's hot statements, made once from the catalogue.
struct EntityStatements
{
    QString upsert;
    QString selectById;
    QString deleteById;
};

const EntityStatements &statementsOf(const Core::EntityDef &entity)
{
    static const QHash<QString, EntityStatements> made = [] {
        QHash<QString, EntityStatements> statements;
        for (const Core::EntityDef &each : Core::entityCatalog()) {
            statements.insert(each.type, {Core::upsertStatement(each),
                                          u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(Core::selectColumns(each), each.type),
                                          u"DELETE FROM %1 WHERE id = ?"_s.arg(each.type)});
        }
        return statements;
    }();
    return *made.constFind(entity.type);
}

const QString kSelectPending = u"SELECT number, entity, row_id, op, fields, base_version, hlc FROM outbox "
                               "WHERE entity = ? AND row_id = ? ORDER BY number"_s;
const QString kSetVersion = u"INSERT INTO replica_row (entity, row_id, version) VALUES (?, ?, ?) "
                            "ON CONFLICT (entity, row_id) DO UPDATE SET version = excluded.version"_s;
const QString kSelectVersion = u"SELECT version FROM replica_row WHERE entity = ? AND row_id = ?"_s;
const QString kDeleteVersion = u"DELETE FROM replica_row WHERE entity = ? AND row_id = ?"_s;
// While a first sync puts versions aside they are read and forgotten there
// too. replica_row_pulled has no key, so each is a scan: a local change or a
// row that loses its last bucket in the middle of a first sync.
const QString kSelectVersionWithPulled
    = u"SELECT max(version) FROM (SELECT version FROM replica_row WHERE entity = ? AND row_id = ? "
      "UNION ALL SELECT version FROM replica_row_pulled WHERE entity = ? AND row_id = ?)"_s;
const QString kDeletePulledVersion = u"DELETE FROM replica_row_pulled WHERE entity = ? AND row_id = ?"_s;
// The versions a first sync put aside, into replica_row in the order of its
// key: SQLite then fills its pages one after another. A row pulled twice
// keeps its last version; one acknowledged meanwhile keeps the greater.
const QString kMergePulledVersions
    = u"INSERT INTO replica_row (entity, row_id, version) "
      "SELECT entity, row_id, max(version) FROM replica_row_pulled WHERE true "
      "GROUP BY entity, row_id ORDER BY entity, row_id "
      "ON CONFLICT (entity, row_id) DO UPDATE SET version = max(version, excluded.version)"_s;
// SQLite's default: the log is copied into the database once it holds this
// many pages. A first sync lets it grow to 256 MiB (of 4 KiB pages) between
// copies: a page that every page of the sync changes again is then copied
// once instead of once every 4 MiB.
constexpr int kCheckpointPages = 1000;
constexpr int kFirstSyncCheckpointPages = 65536;
const QString kHeldByABucket = u"SELECT 1 FROM replica_membership WHERE entity = ? AND row_id = ? LIMIT 1"_s;

// A stored outbox entry in the wire form mutationFromJson() reads.
QJsonObject entryJson(const QSqlQuery &query)
{
    return {{u"number"_s, query.value(0).toLongLong()},
            {u"type"_s, query.value(1).toString()},
            {u"id"_s, query.value(2).toString()},
            {u"op"_s, query.value(3).toString()},
            {u"fields"_s, QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object()},
            {u"base_version"_s, query.value(5).toLongLong()},
            {u"hlc"_s, query.value(6).toString()}};
}

} // namespace

ReplicaStore::ReplicaStore(QSqlDatabase db, QString connectionName, QString clientId)
    : m_db(std::move(db)), m_connectionName(std::move(connectionName)), m_clientId(std::move(clientId))
{
}

ReplicaStore::~ReplicaStore()
{
    m_pages.reset();
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::open(const QString &path, const QString &connectionName)
{
    if (Status prepared = ReplicaFiles::prepareFile(path); !prepared)
        return prepared.error();
    Result<QSqlDatabase> opened = Core::openReplica(path, connectionName);
    if (!opened) {
        QSqlDatabase::removeDatabase(connectionName);
        return opened.error();
    }
    QSqlDatabase db = *opened;
    Result<QString> clientId = info(db, kClientIdKey);
    if (clientId && clientId->isEmpty()) {
        const QString made = Core::newId();
        if (Status status = setInfo(db, kClientIdKey, made); !status)
            clientId = status.error();
        else
            clientId = made;
    }
    if (!clientId) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return clientId.error();
    }
    std::unique_ptr<ReplicaStore> store(new ReplicaStore(db, connectionName, *clientId));
    // A first sync cut short (a killed process) left its indexes to build.
    if (Status restored = store->restoreIndexes(); !restored)
        return restored.error();
    return store;
}

Status ReplicaStore::deferIndexes()
{
    if (m_indexesDeferred)
        return {};
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The replica's own indexes, not the keys (SQLite keeps no SQL for
    // those) nor the outbox's.
    if (!query.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    "AND tbl_name <> 'outbox' ORDER BY name"_s)) {
        return Core::databaseError(query);
    }
    QStringList names;
    QJsonArray statements;
    while (query.next()) {
        names.append(query.value(0).toString());
        statements.append(query.value(1).toString());
    }
    query.finish();
    if (names.isEmpty())
        return {};
    for (const QString &name : std::as_const(names)) {
        // Names come from the schema, not from anyone's input.
        if (!query.exec(u"DROP INDEX \"%1\""_s.arg(name)))
            return Core::databaseError(query);
    }
    if (Status kept = setInfo(m_db, kDeferredIndexesKey,
                              QString::fromUtf8(QJsonDocument(statements).toJson(QJsonDocument::Compact)));
        !kept) {
        return kept;
    }
    m_indexesDeferred = true;
    return {};
}

Status ReplicaStore::buildDeferredIndexes()
{
    const Result<QString> kept = info(m_db, kDeferredIndexesKey);
    if (!kept)
        return kept.error();
    if (kept->isEmpty())
        return {};
    QSqlQuery query(m_db);
    static const QRegularExpression create(u"^CREATE (UNIQUE )?INDEX "_s, QRegularExpression::CaseInsensitiveOption);
    for (const QJsonValue &statement : QJsonDocument::fromJson(kept->toUtf8()).array()) {
        QString sql = statement.toString();
        const QRegularExpressionMatch match = create.match(sql);
        if (!match.hasMatch())
            return Status(ErrorCode::DatabaseError, u"replica_info.deferred_indexes"_s);
        sql.insert(match.capturedEnd(), u"IF NOT EXISTS "_s);
        if (!query.exec(sql))
            return Core::databaseError(query);
    }
    if (!query.exec(kMergePulledVersions) || !query.exec(u"DELETE FROM replica_row_pulled"_s))
        return Core::databaseError(query);
    if (!Core::execPrepared(query, u"DELETE FROM replica_info WHERE key = ?"_s, kDeferredIndexesKey))
        return Core::databaseError(query);
    return {};
}

Status ReplicaStore::restoreIndexes()
{
    const Status built = m_db.transaction() ? buildDeferredIndexes()
                                            : Status(ErrorCode::DatabaseError, m_db.lastError().text());
    if (!built) {
        m_db.rollback();
        return built;
    }
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text();
        m_db.rollback();
        return Status(ErrorCode::DatabaseError, reason);
    }
    m_indexesDeferred = false;
    holdCheckpoints(false);
    return {};
}

void ReplicaStore::holdCheckpoints(bool hold)
{
    if (hold == m_checkpointsHeld)
        return;
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA wal_autocheckpoint=%1"_s.arg(hold ? kFirstSyncCheckpointPages : kCheckpointPages))) {
        qCWarning(lcReplica) << "cannot set when the log is copied:" << query.lastError().text();
        return;
    }
    m_checkpointsHeld = hold;
    // The log, up to 256 MiB, is copied now, and its file emptied.
    if (!hold && !query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
        qCWarning(lcReplica) << "cannot copy the log into the replica:" << query.lastError().text();
}

Result<QString> ReplicaStore::cursor() const
{
    return info(m_db, kCursorKey);
}

Result<bool> ReplicaStore::resyncWanted() const
{
    const Result<QString> wanted = info(m_db, kResyncKey);
    if (!wanted)
        return wanted.error();
    return *wanted == u"1"_s;
}

Result<QSqlQuery *> ReplicaStore::statement(const QString &sql) const
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return Core::databaseError(query);
        found = m_statements.emplace(sql, std::move(query)).first;
    }
    return &found->second;
}

template<typename... Values>
Result<QSqlQuery *> ReplicaStore::run(const QString &sql, const Values &...values) const
{
    Result<QSqlQuery *> query = statement(sql);
    if (!query)
        return query;
    int mark = 0;
    ((*query)->bindValue(mark++, values), ...);
    if (!(*query)->exec())
        return Core::databaseError(**query);
    return query;
}

Status ReplicaStore::inTransaction(const std::function<Status()> &work)
{
    if (!m_db.transaction())
        return Status(ErrorCode::DatabaseError, m_db.lastError().text());
    if (Status status = work(); !status) {
        m_db.rollback();
        return status;
    }
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text();
        m_db.rollback();
        return Status(ErrorCode::DatabaseError, reason);
    }
    return {};
}

Status ReplicaStore::writeRow(const Record &row)
{
    const Core::EntityDef *entity = Core::findEntity(row.type());
    if (!entity)
        return Status(ErrorCode::UnknownEntity, row.type());
    Result<QSqlQuery *> query = statement(statementsOf(*entity).upsert);
    if (!query)
        return query.error();
    (*query)->bindValue(0, row.id());
    int mark = 1;
    for (const Core::FieldDef &field : entity->fields)
        (*query)->bindValue(mark++, Core::fieldToSql(field, row.value(field.name)));
    if (!(*query)->exec())
        return Core::databaseError(**query);
    return {};
}

Status ReplicaStore::deleteRow(const QString &type, const QString &id)
{
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity)
        return Status(ErrorCode::UnknownEntity, type);
    if (Result<QSqlQuery *> removed = run(statementsOf(*entity).deleteById, id); !removed)
        return removed.error();
    if (Result<QSqlQuery *> forgotten = run(kDeleteVersion, type, id); !forgotten)
        return forgotten.error();
    if (m_indexesDeferred) {
        if (Result<QSqlQuery *> forgotten = run(kDeletePulledVersion, type, id); !forgotten)
            return forgotten.error();
    }
    return {};
}

Status ReplicaStore::setVersion(const QString &type, const QString &id, qint64 version)
{
    if (Result<QSqlQuery *> written = run(kSetVersion, type, id, version); !written)
        return written.error();
    return {};
}

Result<std::optional<Record>> ReplicaStore::row(const QString &type, const QString &id) const
{
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity)
        return Error{ErrorCode::UnknownEntity, type};
    Result<QSqlQuery *> query = run(statementsOf(*entity).selectById, id);
    if (!query)
        return query.error();
    std::optional<Record> found;
    if ((*query)->next())
        found = Core::recordFromQuery(*entity, **query);
    (*query)->finish();
    return found;
}

Result<QList<Record>> ReplicaStore::rows(const QString &type) const
{
    return select(type, {}, {}, u"id"_s);
}

Result<QList<Record>> ReplicaStore::select(const QString &type, const QString &condition, const QVariantList &values,
                                           const QString &order) const
{
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity)
        return Error{ErrorCode::UnknownEntity, type};
    QString sql = u"SELECT %1 FROM %2"_s.arg(Core::selectColumns(*entity), entity->type);
    if (!condition.isEmpty())
        sql += u" WHERE "_s + condition;
    if (!order.isEmpty())
        sql += u" ORDER BY "_s + order;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Core::databaseError(query);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Core::databaseError(query);
    QList<Record> found;
    while (query.next())
        found.append(Core::recordFromQuery(*entity, query));
    return found;
}

Result<qint64> ReplicaStore::version(const QString &type, const QString &id) const
{
    Result<QSqlQuery *> query = m_indexesDeferred ? run(kSelectVersionWithPulled, type, id, type, id)
                                                  : run(kSelectVersion, type, id);
    if (!query)
        return query.error();
    const qint64 found = (*query)->next() ? (*query)->value(0).toLongLong() : 0;
    (*query)->finish();
    return found;
}

Result<Mutation> ReplicaStore::decodeEntry(const QSqlQuery &query) const
{
    // Entries never change once written: each is read from its JSON once.
    const qint64 number = query.value(0).toLongLong();
    if (const auto known = m_decoded.constFind(number); known != m_decoded.constEnd())
        return *known;
    Result<Mutation> mutation = Core::mutationFromJson(entryJson(query), u"outbox"_s);
    if (mutation)
        remember(*mutation);
    return mutation;
}

void ReplicaStore::remember(const Mutation &mutation) const
{
    if (m_decoded.size() >= kDecodedKept)
        m_decoded.clear();
    m_decoded.insert(mutation.number, mutation);
}

Result<QList<Mutation>> ReplicaStore::pendingOf(const QString &type, const QString &id) const
{
    Result<QSqlQuery *> query = run(kSelectPending, type, id);
    if (!query)
        return query.error();
    QList<Mutation> found;
    while ((*query)->next()) {
        Result<Mutation> mutation = decodeEntry(**query);
        if (!mutation) {
            (*query)->finish();
            return mutation.error();
        }
        found.append(*mutation);
    }
    return found;
}

Result<QSet<std::pair<QString, QString>>> ReplicaStore::pendingRows() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT DISTINCT entity, row_id FROM outbox"_s))
        return Core::databaseError(query);
    QSet<std::pair<QString, QString>> rows;
    while (query.next())
        rows.insert({query.value(0).toString(), query.value(1).toString()});
    return rows;
}

Status ReplicaStore::applyMutation(const Mutation &mutation)
{
    const QString &type = mutation.values.type();
    const QString &id = mutation.values.id();
    switch (mutation.op) {
    case MutationOp::Create:
        return writeRow(mutation.values);
    case MutationOp::Delete: {
        const Core::EntityDef *entity = Core::findEntity(type);
        if (!entity)
            return Status(ErrorCode::UnknownEntity, type);
        if (Result<QSqlQuery *> removed = run(statementsOf(*entity).deleteById, id); !removed)
            return removed.error();
        return {};
    }
    case MutationOp::Update:
        break;
    }
    Result<std::optional<Record>> current = row(type, id);
    if (!current)
        return current.error();
    // The row is not here (yet): its change waits for it.
    if (!*current)
        return {};
    Record after = **current;
    for (const QString &field : mutation.changedFields)
        after.set(field, mutation.values.value(field));
    return writeRow(after);
}

Status ReplicaStore::replayPending(const QString &type, const QString &id)
{
    Result<QList<Mutation>> pending = pendingOf(type, id);
    if (!pending)
        return pending.error();
    if (pending->isEmpty())
        return {};
    const Result<std::optional<Record>> stored = row(type, id);
    if (!stored)
        return stored.error();
    return writeReplayed(type, id, *stored, *pending);
}

Status ReplicaStore::writeReplayed(const QString &type, const QString &id, std::optional<Record> current,
                                   const QList<Mutation> &pending)
{
    // The changes are applied to the row in memory, then written once: a
    // mark typed again and again is many pending changes of one row.
    for (const Mutation &mutation : pending) {
        switch (mutation.op) {
        case MutationOp::Create:
            current = mutation.values;
            break;
        case MutationOp::Delete:
            current.reset();
            break;
        case MutationOp::Update:
            // The row is not here (yet): its change waits for it.
            if (current) {
                for (const QString &field : mutation.changedFields)
                    current->set(field, mutation.values.value(field));
            }
            break;
        }
    }
    if (current)
        return writeRow(*current);
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity)
        return Status(ErrorCode::UnknownEntity, type);
    if (Result<QSqlQuery *> removed = run(statementsOf(*entity).deleteById, id); !removed)
        return removed.error();
    return {};
}

Result<qint64> ReplicaStore::change(MutationOp op, const Record &values, const QStringList &changedFields,
                                    const Core::HlcTimestamp &hlc)
{
    Result<QList<qint64>> numbers = changeAll({{op, values, changedFields, hlc}});
    if (!numbers)
        return numbers.error();
    return numbers->constFirst();
}

Result<QList<qint64>> ReplicaStore::changeAll(const QList<LocalChange> &changes)
{
    QList<qint64> numbers;
    QList<Mutation> queuedMutations;
    const Status written = inTransaction([&]() -> Status {
        Result<QString> next = info(m_db, kNextMutationKey);
        if (!next)
            return next.error();
        qint64 number = next->isEmpty() ? 1 : next->toLongLong();
        for (const LocalChange &change : changes) {
            Result<Mutation> prepared = prepareMutation(change);
            if (!prepared)
                return prepared.error();
            Mutation mutation = *prepared;
            mutation.number = number;
            if (Status status = applyMutation(mutation); !status)
                return status;
            if (Status status = queueBlobOf(mutation); !status)
                return status;
            const QJsonObject wire = Core::mutationToJson(mutation);
            Result<QSqlQuery *> queued
                = run(u"INSERT INTO outbox (number, entity, row_id, op, fields, base_version, hlc, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      number, change.values.type(), change.values.id(), Core::mutationOpCode(change.op),
                      QString::fromUtf8(
                          QJsonDocument(wire.value(u"fields"_s).toObject()).toJson(QJsonDocument::Compact)),
                      mutation.baseVersion, change.hlc.toWire(), QDateTime::currentMSecsSinceEpoch());
            if (!queued)
                return queued.error();
            queuedMutations.append(mutation);
            numbers.append(number++);
        }
        return setInfo(m_db, kNextMutationKey, QString::number(number));
    });
    if (!written)
        return written.error();
    // Pushed soon: kept decoded, now that they are on disk.
    for (const Mutation &mutation : std::as_const(queuedMutations))
        remember(mutation);
    return numbers;
}

Result<Mutation> ReplicaStore::prepareMutation(const LocalChange &change) const
{
    const Record &values = change.values;
    const Core::EntityDef *entity = Core::findEntity(values.type());
    if (!entity)
        return Error{ErrorCode::UnknownEntity, values.type()};
    Mutation mutation;
    mutation.op = change.op;
    mutation.values = values;
    mutation.hlc = change.hlc;
    Result<std::optional<Record>> current = row(values.type(), values.id());
    if (!current)
        return current.error();
    if (change.op == MutationOp::Create) {
        if (*current)
            return Error{ErrorCode::InvalidField, entity->type + u".id"_s};
        if (Status status = Core::validateRecord(*entity, values); !status)
            return status.error();
        mutation.changedFields = entity->fieldNames();
    } else {
        if (!*current)
            return Error{ErrorCode::NotFound, entity->type + u".id"_s};
        if (change.op == MutationOp::Update) {
            if (change.changedFields.isEmpty())
                return Error{ErrorCode::MissingField, entity->type};
            Record after = **current;
            for (const QString &field : change.changedFields) {
                if (!entity->hasField(field))
                    return Error{ErrorCode::UnknownField, entity->type + u'.' + field};
                after.set(field, values.value(field));
            }
            if (Status status = Core::validateRecord(*entity, after); !status)
                return status.error();
            mutation.changedFields = change.changedFields;
        }
    }
    Result<qint64> base = version(values.type(), values.id());
    if (!base)
        return base.error();
    mutation.baseVersion = *base;
    return mutation;
}

Result<Core::PushBatch> ReplicaStore::pendingBatch(int max, qint64 after) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!Core::execPrepared(query,
                            u"SELECT number, entity, row_id, op, fields, base_version, hlc FROM outbox "
                            "WHERE number > ? ORDER BY number LIMIT ?"_s,
                            after, qMax(1, max))) {
        return Core::databaseError(query);
    }
    Core::PushBatch batch;
    batch.clientId = m_clientId;
    while (query.next()) {
        Result<Mutation> mutation = decodeEntry(query);
        if (!mutation)
            return mutation.error();
        batch.mutations.append(*mutation);
    }
    return batch;
}

Result<qint64> ReplicaStore::pendingCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT COUNT(*) FROM outbox"_s) || !query.next())
        return Core::databaseError(query);
    return query.value(0).toLongLong();
}

Status ReplicaStore::applyPushResults(const QJsonObject &answer)
{
    const QJsonValue results = answer.value(u"results"_s);
    if (!results.isArray())
        return Status(badPage(u"push.results"_s));
    const QJsonArray list = results.toArray();
    if (list.isEmpty())
        return {};
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    for (const QJsonValue &value : list) {
        const qint64 number = value.toObject().value(u"number"_s).toInteger();
        first = qMin(first, number);
        last = qMax(last, number);
    }
    // What the answers say of each row. A batch often changes one row many
    // times (a mark typed again and again): the last answer that carries the
    // server's row stands, with the changes applied as sent after it and
    // those still pending replayed over it. An answer without a row says
    // the server's row is the client's own, which the replica holds already.
    struct Answered
    {
        QString type;
        QString id;
        qint64 version = 0;
        bool carriesRow = false;
        std::optional<Record> row; // none: the server has no such row
        QList<Mutation> appliedAsSent;
    };
    QList<Answered> answered;
    QHash<QString, qsizetype> answeredIndex;
    return inTransaction([&]() -> Status {
        // The acknowledged mutations, in one read.
        Result<QSqlQuery *> queued = run(u"SELECT number, entity, row_id, op, fields, base_version, hlc FROM outbox "
                                         "WHERE number >= ? AND number <= ?"_s,
                                         first, last);
        if (!queued)
            return queued.error();
        QHash<qint64, Mutation> queuedMutations;
        while ((*queued)->next()) {
            Result<Mutation> mutation = decodeEntry(**queued);
            if (!mutation) {
                (*queued)->finish();
                return mutation.error();
            }
            queuedMutations.insert(mutation->number, *mutation);
        }
        const qsizetype inRange = queuedMutations.size();
        qsizetype taken = 0;
        for (const QJsonValue &value : list) {
            const QJsonObject result = value.toObject();
            const qint64 number = result.value(u"number"_s).toInteger();
            // Already taken in (an answer applied twice).
            const auto queuedMutation = queuedMutations.constFind(number);
            if (queuedMutation == queuedMutations.constEnd())
                continue;
            const Mutation mutation = *queuedMutation;
            queuedMutations.erase(queuedMutation);
            ++taken;
            if (result.value(u"status"_s).toString() == u"duplicate"_s)
                continue;
            const QString &type = mutation.values.type();
            const QString &id = mutation.values.id();
            const QString key = rowKey(type, id);
            auto known = answeredIndex.constFind(key);
            if (known == answeredIndex.constEnd()) {
                known = answeredIndex.insert(key, answered.size());
                answered.append(Answered{type, id, 0, false, std::nullopt, {}});
            }
            Answered &row = answered[*known];
            row.version = result.value(u"version"_s).toInteger();
            if (!result.contains(u"row"_s)) {
                if (row.carriesRow)
                    row.appliedAsSent.append(mutation);
                continue;
            }
            row.carriesRow = true;
            row.row.reset();
            row.appliedAsSent.clear();
            const QJsonValue serverRow = result.value(u"row"_s);
            if (serverRow.isNull() && mutation.op != MutationOp::Create && mutation.baseVersion > 0
                && result.value(u"status"_s).toString() == u"rejected"_s
                && result.value(u"error"_s).toObject().value(u"code"_s).toString()
                       == Core::errorCodeName(ErrorCode::NotFound)) {
                if (Status marked = setInfo(m_db, kResyncKey, u"1"_s); !marked)
                    return marked;
            }
            if (serverRow.isObject()) {
                Result<Record> parsed = Core::recordFromJson(serverRow.toObject());
                if (!parsed || parsed->type() != type || parsed->id() != id)
                    return Status(badPage(u"push.results.row"_s));
                row.row = *parsed;
            } else if (!serverRow.isNull()) {
                return Status(badPage(u"push.results.row"_s));
            }
        }
        // The acknowledged mutations leave the outbox: usually every entry
        // of the range, in one statement.
        if (taken == inRange) {
            if (Result<QSqlQuery *> removed = run(u"DELETE FROM outbox WHERE number >= ? AND number <= ?"_s, first,
                                                  last);
                !removed) {
                return removed.error();
            }
        } else {
            for (const QJsonValue &value : list) {
                const qint64 number = value.toObject().value(u"number"_s).toInteger();
                if (Result<QSqlQuery *> removed = run(u"DELETE FROM outbox WHERE number = ?"_s, number); !removed)
                    return removed.error();
            }
        }
        for (const Answered &row : std::as_const(answered)) {
            if (!row.carriesRow) {
                if (Status versioned = setVersion(row.type, row.id, row.version); !versioned)
                    return versioned;
                continue;
            }
            Result<QList<Mutation>> pending = pendingOf(row.type, row.id);
            if (!pending)
                return pending.error();
            if (!row.row) {
                if (Status removed = deleteRow(row.type, row.id); !removed)
                    return removed;
            }
            const QList<Mutation> over = row.appliedAsSent + *pending;
            if (row.row || !over.isEmpty()) {
                if (Status written = writeReplayed(row.type, row.id, row.row, over); !written)
                    return written;
            }
            if (row.row) {
                if (Status versioned = setVersion(row.type, row.id, row.version); !versioned)
                    return versioned;
            }
        }
        return {};
    });
}

Status ReplicaStore::applyPullPage(const QJsonObject &page)
{
    const Result<Core::PullPage> read = Core::pullPageFromJson(page);
    if (!read)
        return read.error();
    return applyPullPage(*read);
}

Status ReplicaStore::applyPullPage(const Core::PullPage &page)
{
    const bool deferred = m_indexesDeferred;
    const Status applied = inTransaction([&]() { return applyPage(page); });
    // What the transaction did to the indexes is what the file says.
    if (!applied)
        m_indexesDeferred = deferred;
    else if (!page.more)
        m_indexesDeferred = false;
    holdCheckpoints(m_indexesDeferred);
    return applied;
}

Status ReplicaStore::applyPage(const Core::PullPage &page)
{
    // A first sync, or a new one after a reset, writes a whole scope: the
    // indexes are built once at its end rather than kept up row by row.
    if (page.more && !m_indexesDeferred) {
        const Result<QString> at = cursor();
        if (!at)
            return at.error();
        if (page.reset || at->isEmpty()) {
            if (Status deferred = deferIndexes(); !deferred)
                return deferred;
        }
    }
    if (Status applied = applyPageRows(page); !applied)
        return applied;
    if (!page.more && m_indexesDeferred) {
        if (Status built = buildDeferredIndexes(); !built)
            return built;
    }
    return {};
}

Status ReplicaStore::applyPageRows(const Core::PullPage &page)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // Most pulled rows have no pending change: only those that do are
    // looked up in the outbox.
    const Result<QSet<std::pair<QString, QString>>> pending = pendingRows();
    if (!pending)
        return pending.error();
    if (page.reset) {
        if (Status done = setInfo(m_db, kResyncKey, u"0"_s); !done)
            return done;
        // Forget what was pulled; keep, and replay, what the user did.
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            if (!query.exec(u"DELETE FROM "_s + entity.type))
                return Core::databaseError(query);
        }
        if (!query.exec(u"DELETE FROM replica_membership"_s) || !query.exec(u"DELETE FROM replica_row"_s)
            || !query.exec(u"DELETE FROM replica_row_pulled"_s)) {
            return Core::databaseError(query);
        }
        for (const auto &[type, id] : *pending) {
            if (Status status = replayPending(type, id); !status)
                return status;
        }
    }

    // Rows that lost a bucket: they go when no bucket holds them.
    QSet<QString> orphans;
    QHash<QString, std::pair<QString, QString>> keys;
    const auto lost = [&](const QString &type, const QString &id) {
        orphans.insert(rowKey(type, id));
        keys.insert(rowKey(type, id), {type, id});
    };
    for (const QString &bucket : page.drop) {
        if (!Core::execPrepared(query, u"SELECT entity, row_id FROM replica_membership WHERE bucket = ?"_s, bucket))
            return Core::databaseError(query);
        QList<std::pair<QString, QString>> held;
        while (query.next())
            held.append({query.value(0).toString(), query.value(1).toString()});
        for (const auto &[type, id] : held)
            lost(type, id);
        if (!Core::execPrepared(query, u"DELETE FROM replica_membership WHERE bucket = ?"_s, bucket))
            return Core::databaseError(query);
    }
    if (!m_pages) {
        Result<std::unique_ptr<PageWriter>> opened = PageWriter::open(m_db);
        if (!opened)
            return opened.error();
        m_pages = std::move(opened).value();
    }
    m_pages->setVersionsPulledAside(m_indexesDeferred);
    // Written in the order of the keys they go into: a page's rows then
    // land on neighbouring pages of each index rather than all over it,
    // which is what a large replica's first sync waits for. A row is in a
    // page's changes once per bucket, so no order among them matters.
    QList<qsizetype> changeOrder(page.changes.size());
    std::iota(changeOrder.begin(), changeOrder.end(), 0);
    std::sort(changeOrder.begin(), changeOrder.end(), [&page](qsizetype a, qsizetype b) {
        const Core::PageChange &x = page.changes.at(a);
        const Core::PageChange &y = page.changes.at(b);
        return std::tie(x.bucket, x.type, x.id) < std::tie(y.bucket, y.type, y.id);
    });
    for (const qsizetype index : std::as_const(changeOrder)) {
        const Core::PageChange &change = page.changes.at(index);
        if (Status status = change.removed ? m_pages->removeMembership(change) : m_pages->addMembership(change);
            !status) {
            return status;
        }
        if (change.removed)
            lost(change.type, change.id);
    }
    for (const Core::PageRows &rows : page.tables) {
        QList<qsizetype> rowOrder(rows.count());
        std::iota(rowOrder.begin(), rowOrder.end(), 0);
        std::sort(rowOrder.begin(), rowOrder.end(),
                  [&rows](qsizetype a, qsizetype b) { return rows.ids.at(a) < rows.ids.at(b); });
        for (const qsizetype row : std::as_const(rowOrder)) {
            const QString &type = rows.entity->type;
            const QString &id = rows.ids.at(row);
            if (Status status = m_pages->putRow(rows, row); !status)
                return status;
            if (!pending->isEmpty() && pending->contains({type, id})) {
                if (Status status = replayPending(type, id); !status)
                    return status;
            }
        }
    }
    for (const QString &key : std::as_const(orphans)) {
        const auto [type, id] = keys.value(key);
        Result<QSqlQuery *> held = run(kHeldByABucket, type, id);
        if (!held)
            return held.error();
        const bool stays = (*held)->next();
        (*held)->finish();
        if (!stays) {
            if (Status status = deleteRow(type, id); !status)
                return status;
        }
    }
    return setInfo(m_db, kCursorKey, page.cursor);
}

} // namespace Cartable::Sync
