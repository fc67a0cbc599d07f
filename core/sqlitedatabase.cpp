#include "sqlitedatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

Result<QSqlDatabase> openSqliteDatabase(const QString &path, const QString &connectionName, const SqliteCache &cache)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{ErrorCode::DatabaseError, u"cannot create folder %1"_s.arg(info.absolutePath())};

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        const QString reason = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Error{ErrorCode::DatabaseError, reason};
    }
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
            query.finish();
            db.close();
            return Error{ErrorCode::DatabaseError, reason};
        }
    }
    // A file that is not a database only fails on first read.
    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s))
        return Error{ErrorCode::DatabaseError, query.lastError().text()};
    return db;
}

} // namespace Cartable::Core
