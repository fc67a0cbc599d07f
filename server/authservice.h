#pragma once

#include "core/authmessages.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <functional>

namespace Cartable::Server {

class AccountStore;
class LoginThrottle;
class PasswordHasher;
class SessionStore;

struct SessionLifetimes
{
    // An access token is good for API calls this long.
    std::chrono::minutes access{15};
    // A session, and so its refresh tokens, ends this long after sign-in.
    std::chrono::hours session{24 * 30};
};

// Who is calling, once a bearer token has been checked.
struct AuthContext
{
    QString accountId;
    QString sessionId;
    // Until a new password is chosen, only the routes that lead there answer.
    bool mustChangePassword = false;
};

// Sign-in, token refresh, token check and sign-out. Passwords are checked
// against Argon2id hashes; tokens are opaque and stored only as hashes.
// A refresh token is exchanged once: presenting it again revokes its whole
// session, since one of the two holders is not the rightful one. A disabled
// account signs in nowhere, and its sessions are over even where their rows
// are still open.
class AuthService
{
public:
    using Clock = std::function<QDateTime()>;

    AuthService(AccountStore &accounts, SessionStore &sessions, const PasswordHasher &hasher, LoginThrottle &throttle,
                SessionLifetimes lifetimes, Clock clock = &QDateTime::currentDateTimeUtc);

    // `address` is the client's address, for the per-address failure count.
    [[nodiscard]] Core::Result<Core::LoginResponse> login(const Core::LoginRequest &request, const QString &address);
    [[nodiscard]] Core::Result<Core::SessionTokens> refresh(const Core::RefreshRequest &request);
    // The caller named by an "Authorization: Bearer <access token>" value.
    [[nodiscard]] Core::Result<AuthContext> authenticate(const QByteArray &authorization) const;
    [[nodiscard]] Core::Status logout(const AuthContext &caller);
    // Checks the current password (failures count as failed sign-ins), the
    // new one against the policy, then ends every session of the account and
    // opens a new one for this caller.
    [[nodiscard]] Core::Result<Core::LoginResponse> changePassword(const AuthContext &caller,
                                                                   const Core::ChangePasswordRequest &request,
                                                                   const QString &address);
    // An administrator's reset: a temporary password, to be changed at the
    // next sign-in; every session of the account ends. Returns the password.
    [[nodiscard]] Core::Result<QString> resetPassword(const QString &login);
    // An administrator's disabling (or enabling again) of an account,
    // written as the school's own change would be, so that replicas learn
    // it; disabling ends every session of the account. False when the
    // account already was so; NotFound for an unknown login.
    [[nodiscard]] Core::Result<bool> setDisabled(const QString &login, bool disabled);

private:
    [[nodiscard]] Core::Result<Core::SessionTokens> openSession(const QString &accountId, bool mustChangePassword,
                                                                const QDateTime &now);
    [[nodiscard]] Core::Result<Core::SessionTokens> issueTokens(const QString &sessionId,
                                                                const QDateTime &sessionExpiresAt,
                                                                bool mustChangePassword, const QDateTime &now);

    AccountStore &m_accounts;
    SessionStore &m_sessions;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    SessionLifetimes m_lifetimes;
    Clock m_clock;
};

// The token of an "Authorization: Bearer <token>" header, or an empty string.
QString bearerToken(const QByteArray &authorization);

} // namespace Cartable::Server
