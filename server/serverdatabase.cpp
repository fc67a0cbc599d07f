#include "serverdatabase.h"

#include "core/sqlitedatabase.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcDatabase, "cartable.server.database")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

bool isPostgresSpec(const QString &spec)
{
    return spec.startsWith(u"postgresql://"_s) || spec.startsWith(u"postgres://"_s);
}

Core::Result<QSqlDatabase> openPostgres(const QString &spec, const QString &connectionName)
{
    const QUrl url(spec, QUrl::StrictMode);
    const QString name = url.path().mid(1);
    if (!url.isValid() || name.isEmpty())
        return Error{ErrorCode::ConfigInvalid, u"invalid PostgreSQL URL (postgresql://user@host/dbname)"_s};

    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connectionName);
    const QUrlQuery query(url);
    db.setHostName(query.hasQueryItem(u"host"_s) ? query.queryItemValue(u"host"_s, QUrl::FullyDecoded) : url.host());
    if (url.port() > 0)
        db.setPort(url.port());
    db.setUserName(url.userName(QUrl::FullyDecoded));
    db.setPassword(url.password(QUrl::FullyDecoded));
    db.setDatabaseName(name);
    if (!db.open()) {
        const QString reason = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Error{ErrorCode::DatabaseError, reason};
    }
    return db;
}

} // namespace

QString backendName(const QSqlDatabase &db)
{
    return Core::dialectOf(db) == Core::SqlDialect::Postgres ? u"postgresql"_s : u"sqlite"_s;
}

Core::Result<QSqlDatabase> openServerDatabase(const QString &spec, const QString &connectionName)
{
    Core::Result<QSqlDatabase> opened = isPostgresSpec(spec) ? openPostgres(spec, connectionName)
                                                             : Core::openSqliteDatabase(spec, connectionName);
    if (!opened)
        return opened;
    QSqlDatabase db = *opened;
    const Core::Result<int> version = serverMigrator().migrate(db);
    if (!version)
        return version.error();
    qCInfo(lcDatabase) << "database ready:" << backendName(db) << "schema version" << *version;
    return db;
}

Core::Migrator serverMigrator()
{
    // The same SQL on SQLite and PostgreSQL: TEXT ids (UUIDs), BIGINT times in
    // milliseconds since the epoch. Never edit a released migration: add one.
    return Core::Migrator({
        Core::Migration{
            1,
            u"establishments, accounts, roles and sessions"_s,
            {
                u"CREATE TABLE establishment ("
                "id TEXT PRIMARY KEY, uai TEXT NOT NULL UNIQUE, name TEXT NOT NULL)"_s,
                u"CREATE TABLE account ("
                "id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, "
                "password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)"_s,
                u"CREATE TABLE account_role ("
                "account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, "
                "establishment_id TEXT NOT NULL REFERENCES establishment(id) ON DELETE CASCADE, "
                "role TEXT NOT NULL, "
                "PRIMARY KEY (account_id, establishment_id, role))"_s,
                u"CREATE TABLE auth_session ("
                "token_hash TEXT PRIMARY KEY, "
                "account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, "
                "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"_s,
                u"CREATE INDEX auth_session_account ON auth_session (account_id)"_s,
            },
        },
        Core::Migration{
            2,
            u"failed sign-ins per account and per address"_s,
            {
                u"CREATE TABLE login_throttle ("
                "scope TEXT NOT NULL, subject TEXT NOT NULL, failures INTEGER NOT NULL, "
                "window_start BIGINT NOT NULL, locked_until BIGINT NOT NULL, "
                "PRIMARY KEY (scope, subject))"_s,
            },
        },
        Core::Migration{
            3,
            u"sessions with short access tokens and rotating refresh tokens"_s,
            {
                // Single-token sessions cannot be carried over: their holders
                // sign in again once.
                u"DROP TABLE auth_session"_s,
                u"CREATE TABLE auth_session ("
                "id TEXT PRIMARY KEY, "
                "account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, "
                "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT)"_s,
                u"CREATE INDEX auth_session_account ON auth_session (account_id)"_s,
                u"CREATE TABLE auth_token ("
                "token_hash TEXT PRIMARY KEY, "
                "session_id TEXT NOT NULL REFERENCES auth_session(id) ON DELETE CASCADE, "
                "kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')), "
                "expires_at BIGINT NOT NULL, used_at BIGINT)"_s,
                u"CREATE INDEX auth_token_session ON auth_token (session_id)"_s,
            },
        },
        Core::Migration{
            4,
            u"accounts that must choose a new password"_s,
            {
                u"ALTER TABLE account ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0"_s,
            },
        },
    });
}

} // namespace Cartable::Server
