#include "session.h"

#include "credentialstore.h"

#include "core/passwordpolicy.h"

#include <QLoggingCategory>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcSession, "cartable.sync.session")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

Session::Session(ApiClient *api, CredentialStore *credentials, QObject *parent)
    : QObject(parent), m_api(api), m_credentials(credentials)
{
}

bool Session::isExpiry(const Error &error)
{
    return error.code == ErrorCode::SessionExpired || error.code == ErrorCode::Unauthenticated;
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Session::fail(const Error &error)
{
    m_tokens = {};
    m_profile = {};
    setState(State::SignedOut);
    Q_EMIT signInFailed(error);
}

void Session::acceptSession(const Core::SessionTokens &tokens, const Core::UserProfile &profile)
{
    m_tokens = tokens;
    m_profile = profile;
    setState(State::SignedIn);
    qCInfo(lcSession) << "signed in as" << profile.login << "on" << m_server.toString();
    Q_EMIT signedIn(m_profile);
}

void Session::signIn(const QUrl &server, const QString &login, const QString &password)
{
    const quint64 generation = ++m_generation;
    m_server = server;
    m_login = login;
    m_tokens = {};
    setState(State::SigningIn);

    m_api->login(server, Core::LoginRequest{login, password},
                 [this, self = QPointer<Session>(this), generation](Core::Result<Core::LoginResponse> result) {
                     if (!self || generation != m_generation)
                         return;
                     if (!result)
                         return fail(result.error());
                     const Core::LoginResponse response = std::move(result).value();
                     const QString key = credentialKey(m_server, m_login);
                     m_credentials->write(key, response.tokens.refreshToken.toUtf8(),
                                          [this, self, generation, response](Core::Status stored) {
                                              if (!self || generation != m_generation)
                                                  return;
                                              if (!stored) {
                                                  qCWarning(lcSession)
                                                      << "the session could not be kept in the credential store";
                                                  return closeUnkeptSession(response.tokens.accessToken, stored.error(),
                                                                            generation);
                                              }
                                              acceptSession(response.tokens, response.user);
                                          });
                 });
}

void Session::closeUnkeptSession(const QString &accessToken, const Error &error, quint64 generation)
{
    // Nobody holds the session the server opened: it is closed there again.
    // The failure is told once the server has answered, so that a program
    // that exits on it (cartable-cli) does not cut the request short.
    m_api->logout(m_server, accessToken,
                  [this, self = QPointer<Session>(this), error, generation](Core::Result<void> closed) {
                      if (!self || generation != m_generation)
                          return;
                      if (!closed) {
                          qCWarning(lcSession) << "the server did not close the session that could not be kept:"
                                               << Core::errorCodeName(closed.error().code);
                      }
                      Q_EMIT unkeptSessionClosed(closed.ok());
                      fail(error);
                  });
}

void Session::resume(const QUrl &server, const QString &login)
{
    const quint64 generation = ++m_generation;
    m_server = server;
    m_login = login;
    m_tokens = {};
    setState(State::SigningIn);

    const QString key = credentialKey(server, login);
    m_credentials->read(key, [this, self = QPointer<Session>(this), generation](Core::Result<QByteArray> secret) {
        if (!self || generation != m_generation)
            return;
        if (!secret) {
            const ErrorCode code = secret.error().code == ErrorCode::NotFound ? ErrorCode::NotSignedIn
                                                                              : secret.error().code;
            return fail(Error{code, secret.error().context});
        }
        m_tokens.refreshToken = QString::fromUtf8(*secret);
        refreshTokens([this, self, generation](Core::Status refreshed) {
            if (!self || generation != m_generation)
                return;
            if (!refreshed)
                return fail(refreshed.error());
            m_api->fetchProfile(m_server, m_tokens.accessToken,
                                [this, self, generation](Core::Result<Core::UserProfile> profile) {
                                    if (!self || generation != m_generation)
                                        return;
                                    if (!profile)
                                        return fail(profile.error());
                                    acceptSession(m_tokens, *profile);
                                });
        });
    });
}

void Session::refreshTokens(RefreshDone done)
{
    m_refreshWaiters.append(std::move(done));
    if (m_refreshWaiters.size() > 1)
        return; // an exchange is already on its way
    const QUrl server = m_server;
    const QString key = credentialKey(m_server, m_login);
    auto finish = [this](Core::Status status) {
        const QList<RefreshDone> waiters = std::exchange(m_refreshWaiters, {});
        for (const RefreshDone &waiter : waiters)
            waiter(status);
    };
    m_api->refresh(server, Core::RefreshRequest{m_tokens.refreshToken},
                   [this, self = QPointer<Session>(this), key, finish](Core::Result<Core::SessionTokens> tokens) {
                       if (!self)
                           return;
                       if (!tokens) {
                           if (isExpiry(tokens.error()))
                               endSession(tokens.error());
                           return finish(tokens.error());
                       }
                       m_tokens = *tokens;
                       // The old refresh token is spent: keep the new one before going on.
                       m_credentials->write(key, m_tokens.refreshToken.toUtf8(), [self, finish](Core::Status stored) {
                           if (!self)
                               return;
                           if (!stored)
                               qCWarning(lcSession) << "the renewed session could not be kept in the credential store";
                           finish({});
                       });
                   });
}

void Session::endSession(const Error &error)
{
    qCInfo(lcSession) << "the server ended the session:" << Core::errorCodeName(error.code);
    // The kept token is spent: drop it, so that the next start asks to sign in.
    m_credentials->remove(credentialKey(m_server, m_login), [](Core::Status) {});
    const bool wasSignedIn = m_state == State::SignedIn;
    m_tokens = {};
    m_profile = {};
    if (wasSignedIn) {
        setState(State::SignedOut);
        Q_EMIT sessionEnded(Error{ErrorCode::SessionExpired, error.context});
    }
}

void Session::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (m_state != State::SignedIn)
        return Q_EMIT passwordChangeFailed(Error{ErrorCode::NotSignedIn, {}});
    if (const Core::Status allowed = Core::checkNewPassword(newPassword, m_login, currentPassword); !allowed)
        return Q_EMIT passwordChangeFailed(allowed.error());

    const Core::ChangePasswordRequest request{currentPassword, newPassword};
    authorized<Core::LoginResponse>(
        [this, request](const QString &token, ApiClient::Callback<Core::LoginResponse> reply) {
            m_api->changePassword(m_server, token, request, reply);
        },
        [this, self = QPointer<Session>(this)](Core::Result<Core::LoginResponse> response) {
            if (!self)
                return;
            if (!response)
                return Q_EMIT passwordChangeFailed(response.error());
            m_tokens = response->tokens;
            m_profile = response->user;
            // The old session is gone on the server: keep the new one.
            m_credentials->write(credentialKey(m_server, m_login), m_tokens.refreshToken.toUtf8(),
                                 [this, self](Core::Status stored) {
                                     if (!self)
                                         return;
                                     if (!stored)
                                         qCWarning(lcSession) << "the new session could not be kept in the "
                                                                 "credential store";
                                     qCInfo(lcSession) << "password changed";
                                     Q_EMIT passwordChanged();
                                 });
        });
}

void Session::signOut()
{
    const quint64 generation = ++m_generation;
    const QString key = credentialKey(m_server, m_login);
    const bool hasSession = !m_tokens.refreshToken.isEmpty();
    setState(State::SigningOut);

    // The store is emptied after the server has answered: a refresh that
    // happens on the way writes a new token, which must not outlive this.
    auto forget = [this, self = QPointer<Session>(this), generation, key] {
        m_credentials->remove(key, [this, self, generation](Core::Status removed) {
            if (!removed)
                qCWarning(lcSession) << "the session could not be removed from the credential store";
            if (!self || generation != m_generation)
                return;
            m_tokens = {};
            m_profile = {};
            setState(State::SignedOut);
            Q_EMIT signedOut();
        });
    };
    if (!hasSession)
        return forget();
    authorized<void>([this](const QString &token,
                            ApiClient::Callback<void> reply) { m_api->logout(m_server, token, reply); },
                     [self = QPointer<Session>(this), forget](Core::Result<void> result) {
                         if (!self)
                             return;
                         if (!result)
                             qCInfo(lcSession) << "the server did not confirm the sign-out:"
                                               << Core::errorCodeName(result.error().code);
                         forget();
                     });
}

} // namespace Cartable::Sync
