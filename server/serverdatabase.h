#pragma once

#include "core/migrator.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Cartable::Server {

// Opens the server database named by a spec (an SQLite path or a
// postgresql:// URL) and brings its schema to the newest version.
[[nodiscard]] Core::Result<QSqlDatabase> openServerDatabase(const QString &spec, const QString &connectionName);

// The server schema, as numbered migrations.
Core::Migrator serverMigrator();

// "sqlite" or "postgresql", for health answers and logs.
QString backendName(const QSqlDatabase &db);

} // namespace Cartable::Server
