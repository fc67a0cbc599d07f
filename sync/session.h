#pragma once

#include "apiclient.h"

#include "core/authmessages.h"
#include "core/result.h"
#include "core/userprofile.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace Cartable::Sync {

class CredentialStore;

// The signed-in account of a client: signs in against a server, keeps the
// session's refresh token in the credential store (the OS keychain in the
// programs) and its short-lived access token in memory, refreshes the access
// token when the server says it has expired, resumes a remembered session,
// and signs out. The desktop client and cartable-cli share it.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, SigningIn, SignedIn, SigningOut };
    Q_ENUM(State)

    Session(ApiClient *api, CredentialStore *credentials, QObject *parent = nullptr);

    State state() const { return m_state; }
    // The client the session talks to the server through.
    ApiClient *api() const { return m_api; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    QUrl server() const { return m_server; }
    QString login() const { return m_login; }
    const Core::UserProfile &profile() const { return m_profile; }
    // The current tokens; empty unless signed in.
    QString accessToken() const { return m_tokens.accessToken; }
    QString refreshToken() const { return m_tokens.refreshToken; }
    // The account must choose a new password before it can do anything else
    // (first sign-in, or a reset by an administrator).
    bool passwordChangeRequired() const { return m_tokens.passwordChangeRequired; }

    // Signs in and, on success, writes the refresh token to the credential
    // store before saying signedIn(). A store that cannot keep it fails the
    // sign-in: the server session is closed again first, then
    // unkeptSessionClosed() and signInFailed() follow.
    void signIn(const QUrl &server, const QString &login, const QString &password);
    // Exchanges the refresh token kept for (server, login) for new tokens.
    // A session that has ended is removed from the store.
    void resume(const QUrl &server, const QString &login);
    // Closes the session on the server (when reachable) and removes the
    // token from the store. Emits signedOut() when both are done.
    void signOut();
    // Changes the password of the signed-in account. The new one is checked
    // against the policy here first; on success the server has ended every
    // other session of the account and this one goes on with new tokens.
    void changePassword(const QString &currentPassword, const QString &newPassword);

    // Runs an API call with the access token; when the server answers that
    // the token has expired, refreshes it once and runs the call again.
    template<typename T>
    void authorized(std::function<void(const QString &accessToken, ApiClient::Callback<T>)> call,
                    ApiClient::Callback<T> done);

Q_SIGNALS:
    void stateChanged(Cartable::Sync::Session::State state);
    void signedIn(const Cartable::Core::UserProfile &profile);
    void signInFailed(const Cartable::Core::Error &error);
    // The server opened a session that the credential store could not keep;
    // `closed` says whether the server has closed it again (otherwise it
    // stays open there until it expires). signInFailed() follows.
    void unkeptSessionClosed(bool closed);
    void signedOut();
    void passwordChanged();
    void passwordChangeFailed(const Cartable::Core::Error &error);
    // The server ended the session (expired, revoked, password changed): the
    // user must sign in again. Local data is kept.
    void sessionEnded(const Cartable::Core::Error &error);

private:
    using RefreshDone = std::function<void(Core::Status)>;

    void setState(State state);
    void fail(const Core::Error &error);
    void acceptSession(const Core::SessionTokens &tokens, const Core::UserProfile &profile);
    void closeUnkeptSession(const QString &accessToken, const Core::Error &error, quint64 generation);
    // Exchanges the refresh token; concurrent callers share one exchange, as
    // a refresh token presented twice ends the session.
    void refreshTokens(RefreshDone done);
    void endSession(const Core::Error &error);
    static bool isExpiry(const Core::Error &error);

    QPointer<ApiClient> m_api;
    QPointer<CredentialStore> m_credentials;
    State m_state = State::SignedOut;
    QUrl m_server;
    QString m_login;
    Core::SessionTokens m_tokens;
    Core::UserProfile m_profile;
    QList<RefreshDone> m_refreshWaiters;
    quint64 m_generation = 0; // guards against answers of an abandoned attempt
};

template<typename T>
void Session::authorized(std::function<void(const QString &, ApiClient::Callback<T>)> call, ApiClient::Callback<T> done)
{
    call(m_tokens.accessToken, [this, self = QPointer<Session>(this), call, done](Core::Result<T> result) {
        if (!self)
            return;
        if (result.ok() || !isExpiry(result.error()) || m_tokens.refreshToken.isEmpty())
            return done(std::move(result));
        refreshTokens([this, self, call, done](Core::Status refreshed) {
            if (!self)
                return;
            if (!refreshed)
                return done(refreshed.error());
            call(m_tokens.accessToken, done);
        });
    });
}

} // namespace Cartable::Sync
