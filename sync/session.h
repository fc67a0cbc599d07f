#pragma once

#include "core/result.h"
#include "core/userprofile.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Cartable::Sync {

class ApiClient;
class CredentialStore;

// The signed-in account of a client: signs in against a server, keeps the
// session token in the credential store (the OS keychain in the programs),
// resumes a remembered session, and signs out. The desktop client and
// cartable-cli share it.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State { SignedOut, SigningIn, SignedIn, SigningOut };
    Q_ENUM(State)

    Session(ApiClient *api, CredentialStore *credentials, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    QUrl server() const { return m_server; }
    QString login() const { return m_login; }
    const Core::UserProfile &profile() const { return m_profile; }
    // The bearer token for API calls; empty unless signed in.
    QString token() const { return m_token; }

    // Signs in and, on success, writes the token to the credential store
    // before saying signedIn(). A store that cannot keep it fails the sign-in
    // and the server session is closed again.
    void signIn(const QUrl &server, const QString &login, const QString &password);
    // Reads the token kept for (server, login) and checks it with the server.
    // An expired or revoked token is removed from the store.
    void resume(const QUrl &server, const QString &login);
    // Closes the session on the server (when reachable) and removes the token
    // from the store. Emits signedOut() when both are done.
    void signOut();

Q_SIGNALS:
    void stateChanged(Cartable::Sync::Session::State state);
    void signedIn(const Cartable::Core::UserProfile &profile);
    void signInFailed(const Cartable::Core::Error &error);
    void signedOut();

private:
    void setState(State state);
    void fail(const Core::Error &error);
    void acceptSession(const QString &token, const Core::UserProfile &profile);

    QPointer<ApiClient> m_api;
    QPointer<CredentialStore> m_credentials;
    State m_state = State::SignedOut;
    QUrl m_server;
    QString m_login;
    QString m_token;
    Core::UserProfile m_profile;
    quint64 m_generation = 0; // guards against answers of an abandoned attempt
};

} // namespace Cartable::Sync
