#include "replicaschema.h"

#include "core/domain/catalog.h"
#include "core/domain/domainschema.h"
#include "core/sqlitedatabase.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;

Migrator replicaMigrator()
{
    // Never edit a released migration: add one. Catalogue fields added in a
    // later domain schema version arrive through addedColumnStatements().
    return Migrator({
        Migration{
            1,
            u"the catalogue's tables and the replica's own settings"_s,
            QStringList{u"CREATE TABLE replica_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s}
                + catalogStatements(SchemaSide::Replica, 1),
        },
        Migration{
            2,
            u"conflict records"_s,
            createTableStatements(*findEntity(QString::fromUtf16(Entity::SyncConflict)), SchemaSide::Replica, 2),
        },
        Migration{
            3,
            u"what the client keeps for sync: bucket membership, row versions, the outbox"_s,
            {
                // Which pulled buckets hold a row: it leaves the replica with
                // the last one.
                u"CREATE TABLE replica_membership ("
                "bucket TEXT NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL, "
                "PRIMARY KEY (bucket, entity, row_id))"_s,
                u"CREATE INDEX replica_membership_row ON replica_membership (entity, row_id)"_s,
                // The server version of each pulled row: the base of the
                // next local change to it.
                u"CREATE TABLE replica_row ("
                "entity TEXT NOT NULL, row_id TEXT NOT NULL, version BIGINT NOT NULL, "
                "PRIMARY KEY (entity, row_id))"_s,
                // Local changes not yet acknowledged, in the order they were
                // made, written with the row they change.
                u"CREATE TABLE outbox ("
                "number INTEGER PRIMARY KEY, entity TEXT NOT NULL, row_id TEXT NOT NULL, op TEXT NOT NULL, "
                "fields TEXT NOT NULL, base_version BIGINT NOT NULL, hlc TEXT NOT NULL, created_at BIGINT NOT NULL)"_s,
                u"CREATE INDEX outbox_row ON outbox (entity, row_id)"_s,
            },
        },
        Migration{
            4,
            u"row versions a first sync has pulled, before they go into replica_row"_s,
            {
                // No key: a first sync appends here, and its last page puts
                // them into replica_row in key order at once (DATA.md).
                u"CREATE TABLE replica_row_pulled ("
                "entity TEXT NOT NULL, row_id TEXT NOT NULL, version BIGINT NOT NULL)"_s,
            },
        },
        Migration{
            5,
            u"domain schema version 3: the staff directory, class delegates, who may message whom"_s,
            schemaStepStatements(SchemaSide::Replica, 3),
        },
        Migration{
            6,
            u"files to send to the server, and what the user keeps available offline"_s,
            {
                // A blob a local change names, until the server holds it;
                // state 'queued' or 'failed' (with the server's error).
                u"CREATE TABLE blob_upload ("
                "establishment_id TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL, "
                "state TEXT NOT NULL, error_code TEXT, error_context TEXT, attempts INTEGER NOT NULL DEFAULT 0, "
                "queued_at BIGINT NOT NULL, PRIMARY KEY (establishment_id, sha256))"_s,
                // A homework or a folder whose files are fetched after each
                // sync.
                u"CREATE TABLE blob_pin (owner_type TEXT NOT NULL, owner_id TEXT NOT NULL, "
                "PRIMARY KEY (owner_type, owner_id))"_s,
            },
        },
    });
}

Result<QSqlDatabase> openReplica(const QString &path, const QString &connectionName)
{
    // A replica's first sync writes every row it holds and its indexes; a
    // cache of 16 MiB keeps their upper levels in memory. No memory map:
    // the client's resident size stays its own.
    constexpr SqliteCache kReplicaCache{16, 0};
    QSqlDatabase db;
    {
        const Result<QSqlDatabase> opened = openSqliteDatabase(path, connectionName, kReplicaCache);
        if (!opened)
            return opened;
        db = *opened;
    }
    const Result<int> version = replicaMigrator().migrate(db);
    if (!version) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return version.error();
    }
    return db;
}

} // namespace Cartable::Core
