#include "feedindexer.h"

#include "cachedlookup.h"

#include "server/scoperesolver.h"

#include "core/domain/catalog.h"
#include "core/domain/domainschema.h"
#include "core/domain/staffdirectory.h"
#include "core/policy/buckets.h"
#include "core/sqlstatement.h"
#include "core/transaction.h"

#include <QHash>
#include <QSqlError>

#include <functional>

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

// The staff directory rows that people with a staff role call for, inserted
// where missing; rows already there are the feed's to keep up to date.
Status addMissingDirectoryRows(const QSqlDatabase &db, const Core::PolicyLookup &lookup)
{
    QStringList codes;
    for (Core::Role role : Core::allRoles()) {
        if (Core::isStaffRole(role))
            codes.append(u"'"_s + Core::roleCode(role) + u"'"_s);
    }
    QSqlQuery people(db);
    people.setForwardOnly(true);
    if (!people.exec(
            u"SELECT DISTINCT a.person_id FROM account a JOIN account_role r ON r.account_id = a.id "
            "WHERE a.person_id IS NOT NULL AND r.role IN (%1) ORDER BY a.person_id"_s.arg(codes.join(u", "_s))))
        return Core::databaseError(people);
    QStringList personIds;
    while (people.next())
        personIds.append(people.value(0).toString());
    people.finish();
    if (personIds.isEmpty())
        return {};

    const Core::EntityDef &entity = *Core::findEntity(QString::fromUtf16(Core::Entity::StaffMember));
    QStringList columns{u"id"_s};
    for (const Core::FieldDef &field : entity.fields)
        columns.append(field.name);
    QSqlQuery insert(db);
    if (!insert.prepare(u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING"_s.arg(
            entity.type, columns.join(u", "_s), QStringList(columns.size(), u"?"_s).join(u", "_s))))
        return Core::databaseError(insert);
    for (const QString &personId : std::as_const(personIds)) {
        const std::optional<Record> person = lookup.row(u"person"_s, personId);
        if (!person)
            continue;
        const QList<Record> accounts = lookup.rowsWhere(u"account"_s, u"person_id"_s, personId);
        QList<Record> roles;
        for (const Record &account : accounts)
            roles += lookup.rowsWhere(u"account_role"_s, u"account_id"_s, account.id());
        for (const Record &member : Core::staffDirectoryRows(*person, accounts, roles)) {
            insert.addBindValue(member.id());
            for (const Core::FieldDef &field : entity.fields)
                insert.addBindValue(Core::fieldToSql(field, member.value(field.name)));
            if (!insert.exec())
                return Core::databaseError(insert);
        }
    }
    return {};
}

// Runs `work` in one write transaction: all of it is kept, or none.
Status inWriteTransaction(QSqlDatabase &db, const std::function<Status()> &work)
{
    if (!Core::beginWriteTransaction(db))
        return Core::Error{Core::ErrorCode::DatabaseError, db.lastError().text()};
    if (Status status = work(); !status) {
        db.rollback();
        return status;
    }
    if (!db.commit())
        return Core::Error{Core::ErrorCode::DatabaseError, db.lastError().text()};
    return {};
}

} // namespace

Core::Result<qint64> FeedIndexer::rebucketAll(const QStringList &types)
{
    FeedStore feed(m_db);
    const SqlPolicyLookup sql(m_db);
    const CachedLookup lookup(sql);
    qint64 moved = 0;
    const auto run = [&]() -> Status {
        Core::Result<qint64> seq = feed.reserve();
        if (!seq)
            return seq.error();
        for (const QString &type : types) {
            const Core::EntityDef *entity = Core::findEntity(type);
            if (!entity)
                return Status(Core::ErrorCode::UnknownEntity, type);
            QSqlQuery ids(m_db);
            ids.setForwardOnly(true);
            if (!ids.exec(u"SELECT id FROM %1 ORDER BY id"_s.arg(entity->type)))
                return Core::databaseError(ids);
            QStringList rowIds;
            while (ids.next())
                rowIds.append(ids.value(0).toString());
            ids.finish();
            for (const QString &id : std::as_const(rowIds)) {
                const std::optional<Record> row = lookup.row(entity->type, id);
                if (!row)
                    continue;
                // Entries of buckets the row keeps stay where they are.
                if (Status status = feed.rebucket(entity->type, id, Core::rowBuckets(*row, lookup), *seq); !status)
                    return status;
                ++moved;
            }
        }
        return {};
    };
    if (Status status = inWriteTransaction(m_db, run); !status)
        return status.error();
    return moved;
}

Core::Result<qint64> FeedIndexer::indexAll(const Progress &progress)
{
    FeedStore feed(m_db);
    // Two statements, prepared once for every row: a bulk load indexes
    // hundreds of thousands.
    QSqlQuery insertState(m_db);
    QSqlQuery insertEntry(m_db);
    // Nothing changes while the index is built, so each lookup is asked
    // once: a thread's recipients serve every message of the thread.
    const SqlPolicyLookup sql(m_db);
    const CachedLookup lookup(sql);
    qint64 total = 0;
    const auto run = [&]() -> Status {
        if (!insertState.prepare(u"INSERT INTO row_state (entity, row_id, version, deleted, created_version, "
                                 "created_hlc, field_stamps) VALUES (?, ?, ?, 0, ?, '0-0', '{}')"_s)
            || !insertEntry.prepare(
                u"INSERT INTO row_bucket (bucket, entity, row_id, seq, removed) VALUES (?, ?, ?, ?, 0)"_s)) {
            return Core::databaseError(insertState.lastError().isValid() ? insertState : insertEntry);
        }
        if (Status status = addMissingDirectoryRows(m_db, lookup); !status)
            return status;
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
    if (Status status = inWriteTransaction(m_db, run); !status)
        return status.error();
    return total;
}

} // namespace Cartable::Server
