#include "serverdatabase.h"

#include "server/sync/feedindexer.h"

#include "core/domain/catalog.h"
#include "core/domain/domainschema.h"
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

// The catalogue's tables, at domain schema version 1. establishment, account
// and account_role came before the catalogue: the first two gain their new
// columns, and account_role is rebuilt with an id per row, so that roles
// replicate like any other row.
QStringList domainTablesMigration()
{
    using Core::SchemaSide;
    constexpr int kVersion = 1;
    const QHash<QString, QStringList> existingColumns{
        {u"establishment"_s, {u"uai"_s, u"name"_s}},
        {u"account"_s, {u"login"_s, u"display_name"_s, u"must_change_password"_s, u"created_at"_s}},
    };
    QStringList statements;
    for (const Core::EntityDef &entity : Core::entityCatalog()) {
        if (entity.since > kVersion)
            continue;
        if (existingColumns.contains(entity.type)) {
            QList<Core::FieldDef> added;
            for (const Core::FieldDef &field : entity.fields) {
                if (field.since <= kVersion && !existingColumns.value(entity.type).contains(field.name))
                    added.append(field);
            }
            for (const Core::FieldDef &field : added) {
                statements.append(u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(entity.type, Core::columnDefinition(field)));
            }
            statements += Core::indexStatements(entity, SchemaSide::Server, added);
        } else if (entity.type == QStringView(Core::Entity::AccountRole)) {
            // Ids for the rows already there, made in SQL that both databases
            // speak: 00000000-0000-4000-8000-000000000001, …
            statements += {
                u"CREATE TABLE account_role_v5 ("
                "id TEXT PRIMARY KEY, "
                "account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, "
                "establishment_id TEXT NOT NULL REFERENCES establishment(id) ON DELETE CASCADE, "
                "role TEXT NOT NULL)"_s,
                u"INSERT INTO account_role_v5 (id, account_id, establishment_id, role) "
                "SELECT '00000000-0000-4000-8000-' || substr('000000000000' || n, length('000000000000' || n) - 11, "
                "12), account_id, establishment_id, role FROM (SELECT account_id, establishment_id, role, "
                "ROW_NUMBER() OVER (ORDER BY account_id, establishment_id, role) AS n FROM account_role) numbered"_s,
                u"DROP TABLE account_role"_s,
                u"ALTER TABLE account_role_v5 RENAME TO account_role"_s,
            };
            statements += Core::indexStatements(entity, SchemaSide::Server, entity.fields);
            statements += Core::uniqueKeyStatements(entity);
        } else {
            statements += Core::createTableStatements(entity, SchemaSide::Server, kVersion);
        }
    }
    return statements;
}

// The schema version from which staff person rows, unpublished evaluations
// and their results are in private buckets.
constexpr int kPrivateBucketsVersion = 9;

} // namespace

QString backendName(const QSqlDatabase &db)
{
    return Core::dialectOf(db) == Core::SqlDialect::Postgres ? u"postgresql"_s : u"sqlite"_s;
}

Core::Result<QSqlDatabase> openServerDatabase(const QString &spec, const QString &connectionName)
{
    // The server reads a whole school: through a memory map, a page it needs
    // is a memory read, not a system call and a copy.
    constexpr Core::SqliteCache kServerCache{64, 2048};
    Core::Result<QSqlDatabase> opened = isPostgresSpec(spec)
                                            ? openPostgres(spec, connectionName)
                                            : Core::openSqliteDatabase(spec, connectionName, kServerCache);
    if (!opened)
        return opened;
    QSqlDatabase db = *opened;
    const Core::Result<int> previous = serverMigrator().currentVersion(db);
    if (!previous)
        return previous.error();
    const Core::Result<int> version = serverMigrator().migrate(db);
    if (!version)
        return version.error();
    if (*previous > 0 && *previous < kPrivateBucketsVersion && *version >= kPrivateBucketsVersion) {
        // Staff person rows, unpublished evaluations and their results moved
        // to buckets that fewer people read: the feed says so to every
        // replica that holds them. The directory rows come with the next
        // indexing, at start-up.
        const Core::Result<qint64> moved = FeedIndexer(db).rebucketAll(
            {u"person"_s, u"evaluation"_s, u"grade"_s, u"competency_assessment"_s});
        if (!moved)
            return moved.error();
        qCInfo(lcDatabase) << "rows given their new buckets:" << *moved;
    }
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
        Core::Migration{
            5,
            u"the school's data: every entity of the catalogue"_s,
            domainTablesMigration(),
        },
        Core::Migration{
            6,
            u"the change feed: sequence, row states, bucket entries, sync clients"_s,
            {
                // One row; its lock orders the commits of the feed.
                u"CREATE TABLE sync_counter ("
                "id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, pruned_through BIGINT NOT NULL)"_s,
                u"INSERT INTO sync_counter (id, seq, pruned_through) VALUES (1, 0, 0)"_s,
                u"CREATE TABLE row_state ("
                "entity TEXT NOT NULL, row_id TEXT NOT NULL, version BIGINT NOT NULL, deleted INTEGER NOT NULL, "
                "created_version BIGINT NOT NULL, created_hlc TEXT NOT NULL, created_client TEXT, "
                "created_account TEXT, field_stamps TEXT NOT NULL, tombstone TEXT, "
                "PRIMARY KEY (entity, row_id))"_s,
                u"CREATE TABLE row_bucket ("
                "bucket TEXT NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL, seq BIGINT NOT NULL, "
                "removed INTEGER NOT NULL, PRIMARY KEY (bucket, entity, row_id))"_s,
                u"CREATE INDEX row_bucket_seq ON row_bucket (seq)"_s,
                u"CREATE INDEX row_bucket_bucket_seq ON row_bucket (bucket, seq)"_s,
                u"CREATE INDEX row_bucket_row ON row_bucket (entity, row_id)"_s,
                u"CREATE TABLE sync_bucket_set (hash TEXT PRIMARY KEY, buckets TEXT)"_s,
                u"CREATE TABLE sync_client ("
                "client_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, last_mutation BIGINT NOT NULL, "
                "created_at BIGINT NOT NULL)"_s,
                u"CREATE TABLE sync_receipt ("
                "client_id TEXT NOT NULL, number BIGINT NOT NULL, answer TEXT NOT NULL, "
                "PRIMARY KEY (client_id, number))"_s,
            },
        },
        Core::Migration{
            7,
            u"conflict records (domain schema version 2)"_s,
            Core::createTableStatements(*Core::findEntity(QString::fromUtf16(Core::Entity::SyncConflict)),
                                        Core::SchemaSide::Server, 2),
        },
        Core::Migration{
            8,
            u"the last change to what accounts read, so that servers keep each account's scope until then"_s,
            {
                u"ALTER TABLE sync_counter ADD COLUMN scope_seq BIGINT NOT NULL DEFAULT 0"_s,
            },
        },
        Core::Migration{
            9,
            u"domain schema version 3: the staff directory, class delegates, who may message whom"_s,
            Core::schemaStepStatements(Core::SchemaSide::Server, 3),
        },
        Core::Migration{
            10,
            u"files: stored blobs, who holds them, open uploads; the rows' hashes indexed"_s,
            {
                u"CREATE TABLE blob ("
                "establishment_id TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL, "
                "mime_type TEXT NOT NULL, stored_at BIGINT NOT NULL, last_referenced_at BIGINT NOT NULL, "
                "PRIMARY KEY (establishment_id, sha256))"_s,
                u"CREATE TABLE blob_claim ("
                "establishment_id TEXT NOT NULL, sha256 TEXT NOT NULL, account_id TEXT NOT NULL, "
                "claimed_at BIGINT NOT NULL, PRIMARY KEY (establishment_id, sha256, account_id))"_s,
                u"CREATE INDEX blob_claim_account ON blob_claim (account_id, establishment_id)"_s,
                u"CREATE TABLE blob_upload ("
                "id TEXT PRIMARY KEY, account_id TEXT NOT NULL, establishment_id TEXT NOT NULL, "
                "sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL, received BIGINT NOT NULL, "
                "created_at BIGINT NOT NULL, touched_at BIGINT NOT NULL, "
                "UNIQUE (account_id, establishment_id, sha256))"_s,
                u"CREATE INDEX blob_upload_establishment ON blob_upload (establishment_id)"_s,
                u"CREATE INDEX blob_upload_touched ON blob_upload (touched_at)"_s,
                // The read check and the collection look rows up by hash.
                u"CREATE INDEX attachment_blob ON attachment (sha256, establishment_id)"_s,
                u"CREATE INDEX document_blob ON document (sha256, establishment_id)"_s,
                u"CREATE INDEX report_card_blob ON report_card (document_sha256, establishment_id)"_s,
            },
        },
    });
}

} // namespace Cartable::Server
