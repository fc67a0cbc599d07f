#include "sessionstore.h"

#include "core/domain/catalog.h"
#include "core/sqlstatement.h"

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::databaseError;
using Core::Error;
using Core::ErrorCode;
using Core::execPrepared;

namespace {

QString kindCode(TokenKind kind)
{
    return kind == TokenKind::Refresh ? u"refresh"_s : u"access"_s;
}

} // namespace

SessionStore::SessionStore(QSqlDatabase db) : m_db(db), m_find(std::make_unique<Core::StatementCache>(db)) {}

SessionStore::~SessionStore() = default;

Core::Status SessionStore::createSession(const QString &sessionId, const QString &accountId, const QDateTime &createdAt,
                                         const QDateTime &expiresAt)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"INSERT INTO auth_session (id, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)"_s,
                      sessionId, accountId, createdAt.toMSecsSinceEpoch(), expiresAt.toMSecsSinceEpoch())) {
        return databaseError(query);
    }
    return {};
}

Core::Status SessionStore::addToken(const QString &tokenHash, const QString &sessionId, TokenKind kind,
                                    const QDateTime &expiresAt)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"INSERT INTO auth_token (token_hash, session_id, kind, expires_at) VALUES (?, ?, ?, ?)"_s,
                      tokenHash, sessionId, kindCode(kind), expiresAt.toMSecsSinceEpoch())) {
        return databaseError(query);
    }
    return {};
}

Core::Result<std::optional<TokenRecord>> SessionStore::find(const QString &tokenHash, const QDateTime &now) const
{
    // Every authenticated request asks: the statement stays prepared.
    const Core::Result<Core::Statement *> found = m_find->run(
        u"SELECT t.session_id, s.account_id, t.kind, t.expires_at, t.used_at, a.must_change_password, a.disabled "
        "FROM auth_token t JOIN auth_session s ON s.id = t.session_id JOIN account a ON a.id = s.account_id "
        "WHERE t.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?"_s,
        tokenHash, now.toMSecsSinceEpoch());
    if (!found)
        return found.error();
    Core::Statement &query = **found;
    if (!query.next())
        return std::optional<TokenRecord>();
    TokenRecord record;
    record.sessionId = query.value(0).toString();
    record.accountId = query.value(1).toString();
    record.kind = query.value(2).toString() == u"refresh"_s ? TokenKind::Refresh : TokenKind::Access;
    record.expiresAt = QDateTime::fromMSecsSinceEpoch(query.value(3).toLongLong(), Qt::UTC);
    if (!query.value(4).isNull())
        record.usedAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
    record.mustChangePassword = query.value(5).toInt() != 0;
    record.accountDisabled = query.value(6).toInt() != 0;
    query.finish();
    return std::optional<TokenRecord>(record);
}

Core::Result<bool> SessionStore::markUsed(const QString &tokenHash, const QDateTime &now)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"UPDATE auth_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"_s,
                      now.toMSecsSinceEpoch(), tokenHash)) {
        return databaseError(query);
    }
    return query.numRowsAffected() == 1;
}

Core::Status SessionStore::revokeSession(const QString &sessionId, const QDateTime &now)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"UPDATE auth_session SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"_s,
                      now.toMSecsSinceEpoch(), sessionId)) {
        return databaseError(query);
    }
    return {};
}

Core::Status SessionStore::revokeAccountSessions(const QString &accountId, const QDateTime &now)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"UPDATE auth_session SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL"_s,
                      now.toMSecsSinceEpoch(), accountId)) {
        return databaseError(query);
    }
    return {};
}

Core::Status SessionStore::endSessionsIfDisabled(Core::StatementCache &statements, const Core::Record &row)
{
    if (row.type() != QStringView(Core::Entity::Account) || !row.flag(u"disabled"_s))
        return {};
    // The writer has no clock of its own; the time only records when.
    const Core::Result<Core::Statement *> revoked
        = statements.run(u"UPDATE auth_session SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL"_s,
                         QDateTime::currentMSecsSinceEpoch(), row.id());
    if (!revoked)
        return revoked.error();
    return {};
}

Core::Status SessionStore::sweep(const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QSqlQuery query(m_db);
    // Tokens first: the foreign key would otherwise refuse the sessions.
    if (!execPrepared(query,
                      u"DELETE FROM auth_token WHERE (kind = 'access' AND expires_at <= ?) OR session_id IN "
                      "(SELECT id FROM auth_session WHERE expires_at <= ? OR revoked_at IS NOT NULL)"_s,
                      nowMs, nowMs)
        || !execPrepared(query, u"DELETE FROM auth_session WHERE expires_at <= ? OR revoked_at IS NOT NULL"_s, nowMs)) {
        return databaseError(query);
    }
    return {};
}

Core::Result<int> SessionStore::liveSessionCount(const QString &accountId, const QDateTime &now) const
{
    QSqlQuery query(m_db);
    if (!execPrepared(
            query,
            u"SELECT count(*) FROM auth_session WHERE account_id = ? AND revoked_at IS NULL AND expires_at > ?"_s,
            accountId, now.toMSecsSinceEpoch())
        || !query.next()) {
        return databaseError(query);
    }
    return query.value(0).toInt();
}

} // namespace Cartable::Server
