#include "sqlitedatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

// A connection that failed to open is not left behind under its name.
Error dropConnection(QSqlDatabase &db, const QString &connectionName, const QString &reason)
{
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    return Error{ErrorCode::DatabaseError, reason};
}

} // namespace

Result<QSqlDatabase> openSqliteDatabase(const QString &path, const QString &connectionName, const SqliteCache &cache)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{ErrorCode::DatabaseError, u"cannot create folder %1"_s.arg(info.absolutePath())};

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return dropConnection(db, connectionName, db.lastError().text());
    QSqlQuery query(db);
    const QStringList pragmas{
        u"PRAGMA journal_mode=WAL"_s,
        u"PRAGMA synchronous=FULL"_s,
        u"PRAGMA foreign_keys=ON"_s,
        // Negative: a size in KiB rather than in pages.
        u"PRAGMA cache_size=-%1"_s.arg(qint64(cache.pageCacheMiB) * 1024),
        u"PRAGMA mmap_size=%1"_s.arg(qint64(cache.mapMiB) * 1024 * 1024),
    };
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma)) {
            const QString reason = query.lastError().text();
            query = QSqlQuery();
            return dropConnection(db, connectionName, reason);
        }
    }
    // A file that is not a database only fails on first read.
    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s)) {
        const QString reason = query.lastError().text();
        query = QSqlQuery();
        return dropConnection(db, connectionName, reason);
    }
    return db;
}

} // namespace Cartable::Core
