#include "session.h"

#include "apiclient.h"
#include "credentialstore.h"

#include <QLoggingCategory>

#include <memory>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcSession, "cartable.sync.session")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

Session::Session(ApiClient *api, CredentialStore *credentials, QObject *parent)
    : QObject(parent), m_api(api), m_credentials(credentials)
{
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
    m_token.clear();
    m_profile = {};
    setState(State::SignedOut);
    Q_EMIT signInFailed(error);
}

void Session::acceptSession(const QString &token, const Core::UserProfile &profile)
{
    m_token = token;
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
    m_token.clear();
    setState(State::SigningIn);

    m_api->login(server, Core::LoginRequest{login, password},
                 [this, self = QPointer<Session>(this), generation](Core::Result<Core::LoginResponse> result) {
                     if (!self || generation != m_generation)
                         return;
                     if (!result)
                         return fail(result.error());
                     const Core::LoginResponse response = std::move(result).value();
                     const QString key = credentialKey(m_server, m_login);
                     m_credentials->write(key, response.token.toUtf8(),
                                          [this, self = QPointer<Session>(this), generation,
                                           response](Core::Status stored) {
                                              if (!self || generation != m_generation)
                                                  return;
                                              if (!stored) {
                                                  qCWarning(lcSession)
                                                      << "the session could not be kept in the credential store";
                                                  // Do not leave an open session on the server that nobody holds.
                                                  m_api->logout(m_server, response.token, [](Core::Result<void>) {});
                                                  return fail(stored.error());
                                              }
                                              acceptSession(response.token, response.user);
                                          });
                 });
}

void Session::resume(const QUrl &server, const QString &login)
{
    const quint64 generation = ++m_generation;
    m_server = server;
    m_login = login;
    m_token.clear();
    setState(State::SigningIn);

    const QString key = credentialKey(server, login);
    m_credentials->read(key, [this, self = QPointer<Session>(this), generation, key](Core::Result<QByteArray> secret) {
        if (!self || generation != m_generation)
            return;
        if (!secret) {
            const ErrorCode code = secret.error().code == ErrorCode::NotFound ? ErrorCode::NotSignedIn
                                                                              : secret.error().code;
            return fail(Error{code, secret.error().context});
        }
        const QString token = QString::fromUtf8(*secret);
        m_api->fetchProfile(m_server, token,
                            [this, self = QPointer<Session>(this), generation, key,
                             token](Core::Result<Core::UserProfile> profile) {
                                if (!self || generation != m_generation)
                                    return;
                                if (profile)
                                    return acceptSession(token, *profile);
                                const ErrorCode code = profile.error().code;
                                if (code == ErrorCode::Unauthenticated || code == ErrorCode::SessionExpired) {
                                    // The server no longer knows this token: it is useless, drop it.
                                    m_credentials->remove(key, [](Core::Status) {});
                                    return fail(Error{ErrorCode::SessionExpired, profile.error().context});
                                }
                                fail(profile.error());
                            });
    });
}

void Session::signOut()
{
    const quint64 generation = ++m_generation;
    const QString token = m_token;
    const QString key = credentialKey(m_server, m_login);
    setState(State::SigningOut);

    // Both the server and the store must answer before we say signed out.
    auto pending = std::make_shared<int>(token.isEmpty() ? 1 : 2);
    auto oneDone = [this, self = QPointer<Session>(this), generation, pending] {
        if (--*pending > 0 || !self || generation != m_generation)
            return;
        m_token.clear();
        m_profile = {};
        setState(State::SignedOut);
        Q_EMIT signedOut();
    };
    if (!token.isEmpty()) {
        m_api->logout(m_server, token, [oneDone](Core::Result<void> result) {
            if (!result)
                qCInfo(lcSession) << "the server did not confirm the sign-out:"
                                  << Core::errorCodeName(result.error().code);
            oneDone();
        });
    }
    m_credentials->remove(key, [oneDone](Core::Status removed) {
        if (!removed)
            qCWarning(lcSession) << "the session could not be removed from the credential store";
        oneDone();
    });
}

} // namespace Cartable::Sync
