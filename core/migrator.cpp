#include "migrator.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace Cartable::Core {

Q_LOGGING_CATEGORY(lcMigrator, "cartable.core.migrator")

using namespace Qt::StringLiterals;

SqlDialect dialectOf(const QSqlDatabase &db)
{
    return db.driverName() == u"QPSQL"_s ? SqlDialect::Postgres : SqlDialect::Sqlite;
}

Migrator::Migrator(QList<Migration> migrations) : m_migrations(std::move(migrations))
{
    for (qsizetype i = 0; i < m_migrations.size(); ++i)
        Q_ASSERT(m_migrations.at(i).version == i + 1);
}

int Migrator::latestVersion() const
{
    return m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
}

Result<int> Migrator::currentVersion(QSqlDatabase &db) const
{
    QSqlQuery query(db);
    if (!query.exec(u"CREATE TABLE IF NOT EXISTS schema_version ("
                    "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"_s))
        return Error{ErrorCode::DatabaseError, query.lastError().text()};
    if (!query.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s) || !query.next())
        return Error{ErrorCode::DatabaseError, query.lastError().text()};
    return query.value(0).toInt();
}

Result<int> Migrator::migrate(QSqlDatabase &db, int target) const
{
    if (target < 0)
        target = latestVersion();
    Result<int> current = currentVersion(db);
    if (!current)
        return current;
    if (*current > latestVersion())
        return Error{ErrorCode::SchemaTooNew,
                     u"database is at version %1, this program knows up to %2"_s.arg(*current).arg(latestVersion())};

    int version = *current;
    for (const Migration &migration : m_migrations) {
        if (migration.version <= version || migration.version > target)
            continue;
        if (!db.transaction())
            return Error{ErrorCode::DatabaseError, db.lastError().text()};
        QSqlQuery query(db);
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement)) {
                const QString reason = query.lastError().text();
                db.rollback();
                return Error{ErrorCode::MigrationFailed, u"migration %1: %2"_s.arg(migration.version).arg(reason)};
            }
        }
        query.prepare(u"INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"_s);
        query.addBindValue(migration.version);
        query.addBindValue(migration.description);
        query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (!query.exec() || !db.commit()) {
            const QString reason = query.lastError().text();
            db.rollback();
            return Error{ErrorCode::MigrationFailed, u"migration %1: %2"_s.arg(migration.version).arg(reason)};
        }
        qCInfo(lcMigrator) << "applied migration" << migration.version << migration.description;
        version = migration.version;
    }
    return version;
}

} // namespace Cartable::Core
