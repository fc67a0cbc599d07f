#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace Cartable::Core {

// Opens (creating if needed) an SQLite file through QtSql with the settings
// every Cartable database uses: WAL, full synchronous commits (a commit is on
// disk before the caller says "saved"), foreign keys, and a busy timeout.
[[nodiscard]] Result<QSqlDatabase> openSqliteDatabase(const QString &path, const QString &connectionName);

} // namespace Cartable::Core
