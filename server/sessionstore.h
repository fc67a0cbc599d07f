#pragma once

#include "core/result.h"
#include "core/sqlstatement.h"

#include "core/domain/record.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace Cartable::Server {

enum class TokenKind { Access, Refresh };

// What a presented token stands for.
struct TokenRecord
{
    QString sessionId;
    QString accountId;
    TokenKind kind = TokenKind::Access;
    QDateTime expiresAt;
    // Set once a refresh token has been exchanged; a second use is theft.
    std::optional<QDateTime> usedAt;
    bool mustChangePassword = false;
    // The account was disabled after the session opened: the session is
    // over, whatever its row says.
    bool accountDisabled = false;
};

// Sessions and their tokens in the server database. Only SHA-256 hashes of
// tokens are stored. A session ends when it expires or is revoked; its
// tokens end with it.
class SessionStore
{
public:
    explicit SessionStore(QSqlDatabase db);
    ~SessionStore();

    [[nodiscard]] Core::Status createSession(const QString &sessionId, const QString &accountId,
                                             const QDateTime &createdAt, const QDateTime &expiresAt);
    [[nodiscard]] Core::Status addToken(const QString &tokenHash, const QString &sessionId, TokenKind kind,
                                        const QDateTime &expiresAt);
    // The token of a live session (not revoked, not expired), whatever the
    // token's own expiry and use; nothing otherwise.
    [[nodiscard]] Core::Result<std::optional<TokenRecord>> find(const QString &tokenHash, const QDateTime &now) const;
    // Marks a refresh token used. False when it already was: only one of two
    // concurrent exchanges wins, also across server processes.
    [[nodiscard]] Core::Result<bool> markUsed(const QString &tokenHash, const QDateTime &now);
    [[nodiscard]] Core::Status revokeSession(const QString &sessionId, const QDateTime &now);
    [[nodiscard]] Core::Status revokeAccountSessions(const QString &accountId, const QDateTime &now);
    // Removes sessions that ended, and access tokens past their expiry.
    [[nodiscard]] Core::Status sweep(const QDateTime &now);
    [[nodiscard]] Core::Result<int> liveSessionCount(const QString &accountId, const QDateTime &now) const;

    // For a row being written (inside the writer's transaction, on its
    // statements): when it is an account row that says the account is
    // disabled, every session of the account ends. RowWriter::put() calls it
    // for every row it writes, so that a secretary who disables an account
    // through sync, or an administrator on the command line, ends its
    // sessions in the same commit.
    [[nodiscard]] static Core::Status endSessionsIfDisabled(Core::StatementCache &statements, const Core::Record &row);

private:
    QSqlDatabase m_db;
    std::unique_ptr<Core::StatementCache> m_find;
};

} // namespace Cartable::Server
