// The physical limit of a first sync: the rows of a synced replica, read
// into memory, then inserted into a fresh replica of the same schema through
// the SQLite C API in one transaction, as fast as SQLite goes.
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <sqlite3.h>

#include <vector>

namespace Cartable::Bench {

// One value as SQLite gave it; text and blobs lie in their table's `bytes`.
struct Cell
{
    int type = SQLITE_NULL;
    int size = 0;
    qsizetype offset = 0;
    sqlite3_int64 integer = 0;
    double real = 0;
};

struct TableRows
{
    QString insert;
    int columns = 0;
    qsizetype rows = 0;
    std::vector<Cell> cells;
    QByteArray bytes;
};

// Every catalogue table of a synced replica and its sync bookkeeping, in
// memory.
Core::Result<QList<TableRows>> loadReplica(const QString &path);

// Milliseconds to insert `tables` into a fresh replica at `path` in one
// transaction, commit included, with the settings of every Cartable database.
Core::Result<double> insertRaw(const QList<TableRows> &tables, const QString &path);

} // namespace Cartable::Bench
