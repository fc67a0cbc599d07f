#include "feedindexer.h"

#include "cachedlookup.h"

#include "server/scoperesolver.h"

#include "core/domain/catalog.h"
#include "core/policy/buckets.h"
#include "core/sqlstatement.h"
#include "core/transaction.h"

#include <QHash>
#include <QSqlError>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Record;
using Core::Status;

namespace {

Core::Result<QList<Record>> unindexedRows(const QSqlDatabase &db, const Core::EntityDef &entity)
{
    QStringList columns{u"t.id"_s};
    for (const Core::FieldDef &field : entity.fields)
        columns.append(u"t."_s + field.name);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!Core::execPrepared(query,
                            u"SELECT %1 FROM %2 t WHERE NOT EXISTS (SELECT 1 FROM row_state s "
                            "WHERE s.entity = ? AND s.row_id = t.id) ORDER BY t.id"_s.arg(columns.join(u", "_s),
                                                                                          entity.type),
                            entity.type)) {
        return Core::databaseError(query);
    }
    QList<Record> rows;
    while (query.next()) {
        Record row(entity.type, query.value(0).toString());
        for (qsizetype i = 0; i < entity.fields.size(); ++i)
            row.set(entity.fields.at(i).name, Core::fieldFromSql(entity.fields.at(i), query.value(int(i) + 1)));
        rows.append(row);
    }
    return rows;
}

} // namespace

Core::Result<qint64> FeedIndexer::indexAll(const Progress &progress)
{
    if (!Core::beginWriteTransaction(m_db))
        return Core::Error{Core::ErrorCode::DatabaseError, m_db.lastError().text()};
    FeedStore feed(m_db);
    // Two statements, prepared once for every row: a bulk load indexes
    // hundreds of thousands.
    QSqlQuery insertState(m_db);
    QSqlQuery insertEntry(m_db);
    if (!insertState.prepare(u"INSERT INTO row_state (entity, row_id, version, deleted, created_version, created_hlc, "
                             "field_stamps) VALUES (?, ?, ?, 0, ?, '0-0', '{}')"_s)
        || !insertEntry.prepare(
            u"INSERT INTO row_bucket (bucket, entity, row_id, seq, removed) VALUES (?, ?, ?, ?, 0)"_s)) {
        m_db.rollback();
        return Core::databaseError(insertState.lastError().isValid() ? insertState : insertEntry);
    }
    // Nothing changes while the index is built, so each lookup is asked
    // once: a thread's recipients serve every message of the thread.
    const SqlPolicyLookup sql(m_db);
    const CachedLookup lookup(sql);
    qint64 total = 0;
    const auto run = [&]() -> Status {
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            Core::Result<QList<Record>> rows = unindexedRows(m_db, entity);
            if (!rows)
                return rows.error();
            if (rows->isEmpty())
                continue;
            Core::Result<qint64> first = feed.reserve(rows->size());
            if (!first)
                return first.error();
            qint64 seq = *first;
            for (const Record &row : *rows) {
                insertState.addBindValue(row.type());
                insertState.addBindValue(row.id());
                insertState.addBindValue(seq);
                insertState.addBindValue(seq);
                if (!insertState.exec())
                    return Core::databaseError(insertState);
                const QStringList buckets = Core::rowBuckets(row, lookup);
                for (const QString &bucket : buckets) {
                    insertEntry.addBindValue(bucket);
                    insertEntry.addBindValue(row.type());
                    insertEntry.addBindValue(row.id());
                    insertEntry.addBindValue(seq);
                    if (!insertEntry.exec())
                        return Core::databaseError(insertEntry);
                }
                ++seq;
            }
            total += rows->size();
            if (progress)
                progress(entity.type, rows->size());
            // Accounts, roles, classes… loaded in bulk: scopes kept by a
            // running server are stale.
            if (ScopeResolver::decidesScope(entity.type)) {
                if (Status status = feed.markScopeChanged(seq - 1); !status)
                    return status;
            }
        }
        return {};
    };
    if (Status status = run(); !status) {
        m_db.rollback();
        return status.error();
    }
    if (!m_db.commit())
        return Core::Error{Core::ErrorCode::DatabaseError, m_db.lastError().text()};
    return total;
}

} // namespace Cartable::Server
