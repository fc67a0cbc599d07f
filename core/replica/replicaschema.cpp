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
    });
}

Result<QSqlDatabase> openReplica(const QString &path, const QString &connectionName)
{
    Result<QSqlDatabase> opened = openSqliteDatabase(path, connectionName);
    if (!opened)
        return opened;
    QSqlDatabase db = *opened;
    const Result<int> version = replicaMigrator().migrate(db);
    if (!version) {
        db.close();
        return version.error();
    }
    return db;
}

} // namespace Cartable::Core
