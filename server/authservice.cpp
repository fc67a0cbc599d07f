#include "authservice.h"

#include "accountstore.h"
#include "loginthrottle.h"
#include "passwordhasher.h"

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
    if (token.isEmpty() || token.size() > 128)
        return {};
    return QString::fromLatin1(token);
}

AuthService::AuthService(AccountStore &store, const PasswordHasher &hasher, LoginThrottle &throttle,
                         std::chrono::hours sessionLength, Clock clock)
    : m_store(store), m_hasher(hasher), m_throttle(throttle), m_sessionLength(sessionLength), m_clock(std::move(clock))
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

    const Core::Result<std::optional<AccountRecord>> found = m_store.findByLogin(request.login);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        m_hasher.verifyAgainstDummy(request.password);
        return refuse("unknown login");
    }
    const AccountRecord &account = found->value();
    if (!m_hasher.verify(account.passwordHash, request.password))
        return refuse("wrong password");
    if (const Core::Status cleared = m_throttle.recordSuccess(request.login); !cleared)
        return cleared.error();

    // Expired sessions are swept at each sign-in, so the table stays small.
    if (const Core::Status swept = m_store.deleteExpiredSessions(now); !swept)
        return swept.error();

    Core::LoginResponse response;
    response.token = newSessionToken();
    response.expiresAt = now.addSecs(std::chrono::duration_cast<std::chrono::seconds>(m_sessionLength).count());
    if (const Core::Status created = m_store.createSession(tokenHash(response.token), account.id, now,
                                                           response.expiresAt);
        !created) {
        return created.error();
    }
    Core::Result<Core::UserProfile> profile = m_store.profile(account.id);
    if (!profile)
        return profile.error();
    response.user = std::move(profile).value();
    qCInfo(lcAuth) << "signed in:" << account.login;
    return response;
}

Core::Result<QString> AuthService::authenticate(const QByteArray &authorization) const
{
    const QString token = bearerToken(authorization);
    if (token.isEmpty())
        return Error{ErrorCode::Unauthenticated, u"no bearer token"_s};
    const Core::Result<std::optional<QString>> account = m_store.sessionAccount(tokenHash(token), m_clock());
    if (!account)
        return account.error();
    if (!account->has_value())
        return Error{ErrorCode::SessionExpired, u"unknown or expired session"_s};
    return account->value();
}

Core::Status AuthService::logout(const QByteArray &authorization)
{
    const QString token = bearerToken(authorization);
    if (token.isEmpty())
        return Error{ErrorCode::Unauthenticated, u"no bearer token"_s};
    return m_store.deleteSession(tokenHash(token));
}

} // namespace Cartable::Server
