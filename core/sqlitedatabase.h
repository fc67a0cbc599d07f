#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace Cartable::Core {

// How much of a database a connection keeps at hand. SQLite's own default
// (a 2 MiB page cache, no memory map) makes every page beyond the first few
// thousand a read() system call: on the server's hundreds of megabytes that
// was most of a pull's time.
struct SqliteCache
{
    int pageCacheMiB = 2;
    // Read through a memory map of up to this much of the file (0: none).
    // The pages it maps are the kernel's file cache, shared, not the
    // process's own memory; they count in its resident size all the same.
    int mapMiB = 0;
};

// Opens (creating if needed) an SQLite file through QtSql with the settings
// every Cartable database uses: WAL, full synchronous commits (a commit is on
// disk before the caller says "saved"), foreign keys, and a busy timeout.
[[nodiscard]] Result<QSqlDatabase> openSqliteDatabase(const QString &path, const QString &connectionName,
                                                      const SqliteCache &cache = {});

} // namespace Cartable::Core
