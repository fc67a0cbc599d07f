#include "authservice.h"

#include "accountstore.h"
#include "loginthrottle.h"
#include "passwordhasher.h"
#include "sessionstore.h"

#include "core/ids.h"
#include "core/passwordpolicy.h"
#include "core/transaction.h"

#include <QLoggingCategory>

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcAuth, "cartable.server.auth")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

QString bearerToken(const QByteArray &authorization)
{
    // The scheme name is case-insensitive (RFC 9110, section 11.1).
    static constexpr QByteArrayView kScheme = "bearer ";
    const QByteArray trimmed = authorization.trimmed();
    if (trimmed.size() <= kScheme.size() || trimmed.left(kScheme.size()).toLower() != kScheme)
        return {};
    const QByteArray token = trimmed.mid(kScheme.size()).trimmed();
    // Tokens are URL-safe base64; anything else cannot be one of ours.
    for (const char c : token) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                             || c == '_';
        if (!allowed)
            return {};
    }
    if (token.isEmpty() || token.size() > Core::kMaxTokenLength)
        return {};
    return QString::fromLatin1(token);
}

AuthService::AuthService(AccountStore &accounts, SessionStore &sessions, const PasswordHasher &hasher,
                         LoginThrottle &throttle, SessionLifetimes lifetimes, Clock clock)
    : m_accounts(accounts),
      m_sessions(sessions),
      m_hasher(hasher),
      m_throttle(throttle),
      m_lifetimes(lifetimes),
      m_clock(std::move(clock))
{
}

Core::Result<Core::LoginResponse> AuthService::login(const Core::LoginRequest &request, const QString &address)
{
    const QDateTime now = m_clock();
    // A locked account or address is refused before any hashing: the lock is
    // the answer, whether the password is right or not.
    const Core::Result<qint64> locked = m_throttle.secondsLocked(request.login, address, now);
    if (!locked)
        return locked.error();
    if (*locked > 0) {
        qCInfo(lcAuth) << "sign-in refused: locked after repeated failures";
        return Error{ErrorCode::TooManyAttempts, QString::number(*locked)};
    }

    auto refuse = [&](const char *why) -> Core::Result<Core::LoginResponse> {
        qCInfo(lcAuth) << "sign-in refused:" << why;
        if (const Core::Status counted = m_throttle.recordFailure(request.login, address, now); !counted)
            return counted.error();
        return Error{ErrorCode::InvalidCredentials, {}};
    };

    const Core::Result<std::optional<AccountRecord>> found = m_accounts.findByLogin(request.login);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        m_hasher.verifyAgainstDummy(request.password);
        return refuse("unknown login");
    }
    const AccountRecord &account = found->value();
    if (!m_hasher.verify(account.passwordHash, request.password))
        return refuse("wrong password");
    // Only the right password learns that the account is disabled: anybody
    // else gets the same answers as for any account.
    if (account.disabled) {
        qCInfo(lcAuth) << "sign-in refused: the account is disabled";
        return Error{ErrorCode::AccountDisabled, {}};
    }
    if (const Core::Status cleared = m_throttle.recordSuccess(request.login, address); !cleared)
        return cleared.error();
    // Ended sessions are swept at each sign-in, so the tables stay small.
    if (const Core::Status swept = m_sessions.sweep(now); !swept)
        return swept.error();

    Core::Result<Core::UserProfile> profile = m_accounts.profile(account.id);
    if (!profile)
        return profile.error();

    Core::Transaction transaction(m_accounts.database());
    Core::Result<Core::SessionTokens> tokens = openSession(account.id, account.mustChangePassword, now);
    if (!tokens)
        return tokens.error();
    if (const Core::Status committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcAuth) << "signed in:" << account.login;
    return Core::LoginResponse{std::move(tokens).value(), std::move(profile).value()};
}

Core::Result<Core::SessionTokens> AuthService::openSession(const QString &accountId, bool mustChangePassword,
                                                           const QDateTime &now)
{
    const QString sessionId = Core::newId();
    const QDateTime sessionExpiresAt = now.addSecs(std::chrono::seconds(m_lifetimes.session).count());
    if (const Core::Status created = m_sessions.createSession(sessionId, accountId, now, sessionExpiresAt); !created)
        return created.error();
    return issueTokens(sessionId, sessionExpiresAt, mustChangePassword, now);
}

Core::Result<Core::SessionTokens> AuthService::issueTokens(const QString &sessionId, const QDateTime &sessionExpiresAt,
                                                           bool mustChangePassword, const QDateTime &now)
{
    Core::SessionTokens tokens;
    tokens.passwordChangeRequired = mustChangePassword;
    tokens.accessToken = newSessionToken();
    tokens.accessExpiresAt = std::min(sessionExpiresAt, now.addSecs(std::chrono::seconds(m_lifetimes.access).count()));
    tokens.refreshToken = newSessionToken();
    tokens.refreshExpiresAt = sessionExpiresAt;
    if (const Core::Status added = m_sessions.addToken(tokenHash(tokens.accessToken), sessionId, TokenKind::Access,
                                                       tokens.accessExpiresAt);
        !added) {
        return added.error();
    }
    if (const Core::Status added = m_sessions.addToken(tokenHash(tokens.refreshToken), sessionId, TokenKind::Refresh,
                                                       tokens.refreshExpiresAt);
        !added) {
        return added.error();
    }
    return tokens;
}

Core::Result<Core::SessionTokens> AuthService::refresh(const Core::RefreshRequest &request)
{
    const QDateTime now = m_clock();
    const QString hash = tokenHash(request.refreshToken);
    const Core::Result<std::optional<TokenRecord>> found = m_sessions.find(hash, now);
    if (!found)
        return found.error();
    if (!found->has_value() || found->value().kind != TokenKind::Refresh)
        return Error{ErrorCode::SessionExpired, u"unknown or ended session"_s};
    const TokenRecord &record = found->value();
    if (record.accountDisabled) {
        // Disabled without its sessions ending (a flag set by hand): they end
        // now. The client then signs in again, and is told why it may not.
        qCInfo(lcAuth) << "a session of a disabled account tried to refresh; it is revoked";
        if (const Core::Status revoked = m_sessions.revokeSession(record.sessionId, now); !revoked)
            return revoked.error();
        return Error{ErrorCode::SessionExpired, u"account disabled"_s};
    }

    Core::Transaction transaction(m_accounts.database());
    const Core::Result<bool> first = m_sessions.markUsed(hash, now);
    if (!first)
        return first.error();
    if (!*first) {
        // Presented twice: whoever holds the other copy must lose the session too.
        qCWarning(lcAuth) << "a refresh token was presented again; its session is revoked";
        if (const Core::Status revoked = m_sessions.revokeSession(record.sessionId, now); !revoked)
            return revoked.error();
        if (const Core::Status committed = transaction.commit(); !committed)
            return committed.error();
        return Error{ErrorCode::SessionExpired, u"refresh token reused"_s};
    }
    // The session's end is the refresh token's end: it never moves.
    Core::Result<Core::SessionTokens> tokens = issueTokens(record.sessionId, record.expiresAt,
                                                           record.mustChangePassword, now);
    if (!tokens)
        return tokens.error();
    if (const Core::Status committed = transaction.commit(); !committed)
        return committed.error();
    return tokens;
}

Core::Result<AuthContext> AuthService::authenticate(const QByteArray &authorization) const
{
    const QString token = bearerToken(authorization);
    if (token.isEmpty())
        return Error{ErrorCode::Unauthenticated, u"no bearer token"_s};
    const QDateTime now = m_clock();
    const Core::Result<std::optional<TokenRecord>> found = m_sessions.find(tokenHash(token), now);
    if (!found)
        return found.error();
    if (!found->has_value() || found->value().kind != TokenKind::Access || found->value().expiresAt <= now)
        return Error{ErrorCode::SessionExpired, u"unknown or expired access token"_s};
    // Whatever the session's row says: a disabled account's session is over.
    if (found->value().accountDisabled)
        return Error{ErrorCode::SessionExpired, u"account disabled"_s};
    return AuthContext{found->value().accountId, found->value().sessionId, found->value().mustChangePassword};
}

Core::Status AuthService::logout(const AuthContext &caller)
{
    return m_sessions.revokeSession(caller.sessionId, m_clock());
}

Core::Result<Core::LoginResponse> AuthService::changePassword(const AuthContext &caller,
                                                              const Core::ChangePasswordRequest &request,
                                                              const QString &address)
{
    const QDateTime now = m_clock();
    Core::Result<Core::UserProfile> profile = m_accounts.profile(caller.accountId);
    if (!profile)
        return profile.error();
    const QString login = profile->login;
    // Guessing the current password with a stolen access token is guessing
    // a password: the same counts and locks as sign-in.
    const Core::Result<qint64> locked = m_throttle.secondsLocked(login, address, now);
    if (!locked)
        return locked.error();
    if (*locked > 0)
        return Error{ErrorCode::TooManyAttempts, QString::number(*locked)};
    const Core::Result<std::optional<AccountRecord>> account = m_accounts.findByLogin(login);
    if (!account)
        return account.error();
    if (!account->has_value())
        return Error{ErrorCode::SessionExpired, u"account removed"_s};
    if (account->value().disabled)
        return Error{ErrorCode::SessionExpired, u"account disabled"_s};
    if (!m_hasher.verify(account->value().passwordHash, request.currentPassword)) {
        if (const Core::Status counted = m_throttle.recordFailure(login, address, now); !counted)
            return counted.error();
        return Error{ErrorCode::InvalidCredentials, {}};
    }
    if (const Core::Status allowed = Core::checkNewPassword(request.newPassword, login, request.currentPassword);
        !allowed) {
        return allowed.error();
    }
    const Core::Result<QByteArray> hash = m_hasher.hash(request.newPassword);
    if (!hash)
        return hash.error();

    Core::Transaction transaction(m_accounts.database());
    if (const Core::Status set = m_accounts.setPassword(caller.accountId, *hash, false); !set)
        return set.error();
    // Whoever else holds a session of this account loses it.
    if (const Core::Status revoked = m_sessions.revokeAccountSessions(caller.accountId, now); !revoked)
        return revoked.error();
    Core::Result<Core::SessionTokens> tokens = openSession(caller.accountId, false, now);
    if (!tokens)
        return tokens.error();
    if (const Core::Status committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcAuth) << "password changed for" << login;
    return Core::LoginResponse{std::move(tokens).value(), std::move(profile).value()};
}

Core::Result<QString> AuthService::resetPassword(const QString &login)
{
    const Core::Result<std::optional<AccountRecord>> account = m_accounts.findByLogin(login);
    if (!account)
        return account.error();
    if (!account->has_value())
        return Error{ErrorCode::NotFound, login};
    const QString password = Core::makeTemporaryPassword();
    const Core::Result<QByteArray> hash = m_hasher.hash(password);
    if (!hash)
        return hash.error();
    Core::Transaction transaction(m_accounts.database());
    if (const Core::Status set = m_accounts.setPassword(account->value().id, *hash, true); !set)
        return set.error();
    if (const Core::Status revoked = m_sessions.revokeAccountSessions(account->value().id, m_clock()); !revoked)
        return revoked.error();
    if (const Core::Status cleared = m_throttle.clearLogin(login); !cleared)
        return cleared.error();
    if (const Core::Status committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcAuth) << "password reset by an administrator for" << login;
    return password;
}

Core::Result<bool> AuthService::setDisabled(const QString &login, bool disabled)
{
    const Core::Result<std::optional<AccountRecord>> account = m_accounts.findByLogin(login);
    if (!account)
        return account.error();
    if (!account->has_value())
        return Error{ErrorCode::NotFound, login};
    const QString accountId = account->value().id;
    const QDateTime now = m_clock();
    // Written through the feed; a disabling write ends the sessions in its
    // own commit.
    const Core::Result<bool> changed = m_accounts.setDisabled(accountId, disabled, now);
    if (!changed)
        return changed;
    // Already disabled: a session left from a flag set by hand ends too.
    if (disabled) {
        if (const Core::Status revoked = m_sessions.revokeAccountSessions(accountId, now); !revoked)
            return revoked.error();
    }
    if (*changed) {
        qCInfo(lcAuth) << (disabled ? "account disabled by an administrator:" : "account enabled by an administrator:")
                       << login;
    }
    return changed;
}

} // namespace Cartable::Server
