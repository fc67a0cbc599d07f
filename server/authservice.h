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

// Sign-in, session check and sign-out. Passwords are checked against Argon2id
// hashes; sessions are opaque tokens of which only hashes are stored.
class AuthService
{
public:
    using Clock = std::function<QDateTime()>;

    AuthService(AccountStore &store, const PasswordHasher &hasher, LoginThrottle &throttle,
                std::chrono::hours sessionLength, Clock clock = &QDateTime::currentDateTimeUtc);

    // `address` is the client's address, for the per-address failure count.
    [[nodiscard]] Core::Result<Core::LoginResponse> login(const Core::LoginRequest &request, const QString &address);
    // The account id of the session named by an "Authorization: Bearer …"
    // header value.
    [[nodiscard]] Core::Result<QString> authenticate(const QByteArray &authorization) const;
    [[nodiscard]] Core::Status logout(const QByteArray &authorization);

private:
    AccountStore &m_store;
    const PasswordHasher &m_hasher;
    LoginThrottle &m_throttle;
    std::chrono::hours m_sessionLength;
    Clock m_clock;
};

// The token of an "Authorization: Bearer <token>" header, or an empty string.
QString bearerToken(const QByteArray &authorization);

} // namespace Cartable::Server
