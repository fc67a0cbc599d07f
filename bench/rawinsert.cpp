#include "rawinsert.h"

#include "core/domain/catalog.h"
#include "core/errorcode.h"
#include "core/replica/replicaschema.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

using namespace Qt::StringLiterals;
using Cartable::Core::ErrorCode;

namespace Cartable::Bench {

namespace {

struct SqliteClose
{
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
};
struct SqliteFinalize
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteClose>;
using SqliteStatement = std::unique_ptr<sqlite3_stmt, SqliteFinalize>;

// SQLITE_STATIC: the bound bytes outlive the statement's use of them.
const sqlite3_destructor_type kStaticBytes = nullptr;

Core::Error sqliteError(sqlite3 *db, const QString &what)
{
    return Core::Error{ErrorCode::DatabaseError, what + u": "_s + QString::fromUtf8(sqlite3_errmsg(db))};
}

Core::Result<SqliteStatement> prepare(sqlite3 *db, const QString &sql)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(db, text.constData(), static_cast<int>(text.size()), &statement, nullptr) != SQLITE_OK)
        return sqliteError(db, sql);
    return SqliteStatement(statement);
}

Core::Result<TableRows> loadTable(sqlite3 *db, const QString &name)
{
    Core::Result<SqliteStatement> prepared = prepare(db, u"SELECT * FROM "_s + name);
    if (!prepared)
        return prepared.error();
    const SqliteStatement select = std::move(prepared).value();
    TableRows table;
    table.columns = sqlite3_column_count(select.get());
    QStringList columns;
    for (int c = 0; c < table.columns; ++c)
        columns.append(QString::fromUtf8(sqlite3_column_name(select.get(), c)));
    table.insert = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(name, columns.join(u", "_s),
                                                            QStringList(table.columns, u"?"_s).join(u", "_s));
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(select.get())) == SQLITE_ROW) {
        for (int c = 0; c < table.columns; ++c) {
            Cell cell;
            cell.type = sqlite3_column_type(select.get(), c);
            if (cell.type == SQLITE_INTEGER) {
                cell.integer = sqlite3_column_int64(select.get(), c);
            } else if (cell.type == SQLITE_FLOAT) {
                cell.real = sqlite3_column_double(select.get(), c);
            } else if (cell.type == SQLITE_TEXT || cell.type == SQLITE_BLOB) {
                const void *data = cell.type == SQLITE_TEXT ? sqlite3_column_text(select.get(), c)
                                                            : sqlite3_column_blob(select.get(), c);
                cell.size = sqlite3_column_bytes(select.get(), c);
                cell.offset = table.bytes.size();
                table.bytes.append(static_cast<const char *>(data), cell.size);
            }
            table.cells.push_back(cell);
        }
        ++table.rows;
    }
    if (step != SQLITE_DONE)
        return sqliteError(db, name);
    return table;
}

int bindCell(sqlite3_stmt *statement, int index, const Cell &cell, const QByteArray &bytes)
{
    switch (cell.type) {
    case SQLITE_INTEGER:
        return sqlite3_bind_int64(statement, index, cell.integer);
    case SQLITE_FLOAT:
        return sqlite3_bind_double(statement, index, cell.real);
    case SQLITE_TEXT:
        return sqlite3_bind_text(statement, index, bytes.constData() + cell.offset, cell.size, kStaticBytes);
    case SQLITE_BLOB:
        return sqlite3_bind_blob(statement, index, bytes.constData() + cell.offset, cell.size, kStaticBytes);
    default:
        return sqlite3_bind_null(statement, index);
    }
}

Core::Status execute(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(db, QString::fromUtf8(sql));
    return {};
}

} // namespace

Core::Result<QList<TableRows>> loadReplica(const QString &path)
{
    sqlite3 *raw = nullptr;
    const int opened = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr);
    const SqliteHandle db(raw);
    if (opened != SQLITE_OK)
        return sqliteError(db.get(), path);
    QStringList names;
    for (const Core::EntityDef &entity : Core::entityCatalog())
        names.append(entity.type);
    names << u"replica_membership"_s << u"replica_row"_s;
    QList<TableRows> tables;
    for (const QString &name : std::as_const(names)) {
        Core::Result<TableRows> table = loadTable(db.get(), name);
        if (!table)
            return table.error();
        tables.append(std::move(table).value());
    }
    return tables;
}

Core::Result<double> insertRaw(const QList<TableRows> &tables, const QString &path)
{
    const QString connection = u"bench-raw-insert"_s;
    {
        const Core::Result<QSqlDatabase> schema = Core::openReplica(path, connection);
        if (!schema)
            return schema.error();
        QSqlDatabase(*schema).close();
    }
    QSqlDatabase::removeDatabase(connection);

    sqlite3 *raw = nullptr;
    const int opened = sqlite3_open(path.toUtf8().constData(), &raw);
    const SqliteHandle db(raw);
    if (opened != SQLITE_OK)
        return sqliteError(db.get(), path);
    sqlite3_busy_timeout(db.get(), 5000);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (const Core::Status set = execute(db.get(), pragma); !set)
            return set.error();
    }

    QElapsedTimer timer;
    timer.start();
    if (const Core::Status begun = execute(db.get(), "BEGIN"); !begun)
        return begun.error();
    for (const TableRows &table : tables) {
        Core::Result<SqliteStatement> prepared = prepare(db.get(), table.insert);
        if (!prepared)
            return prepared.error();
        const SqliteStatement insert = std::move(prepared).value();
        const Cell *cell = table.cells.data();
        for (qsizetype row = 0; row < table.rows; ++row) {
            for (int c = 0; c < table.columns; ++c, ++cell) {
                if (bindCell(insert.get(), c + 1, *cell, table.bytes) != SQLITE_OK)
                    return sqliteError(db.get(), table.insert);
            }
            if (sqlite3_step(insert.get()) != SQLITE_DONE)
                return sqliteError(db.get(), table.insert);
            sqlite3_reset(insert.get());
        }
    }
    if (const Core::Status committed = execute(db.get(), "COMMIT"); !committed)
        return committed.error();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace Cartable::Bench
