#pragma once

#include "core/migrator.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Cartable::Core {

// The schema of a client replica: one SQLite file per account, holding the
// rows of the buckets that account may read (one table per catalogue entity)
// and what the client keeps about its own state (replica_info).
Migrator replicaMigrator();

// Opens (creating if needed) the replica file at `path` with the settings of
// every Cartable SQLite database, and brings it to the newest schema. A
// replica written by a newer Cartable is refused with SchemaTooNew and left
// untouched.
[[nodiscard]] Result<QSqlDatabase> openReplica(const QString &path, const QString &connectionName);

} // namespace Cartable::Core
