#pragma once

#include "app/login/changepassworddialog.h"
#include "app/mainwindow/signoutdialog.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QSettings;

namespace Cartable::Core {
struct Error;
}

namespace Cartable::Sync {
class ConnectivityMonitor;
class CredentialStore;
class Session;
} // namespace Cartable::Sync

namespace Cartable::Workspace {
class SyncedWorkspace;
}

namespace Cartable::Gui {

class LoginDialog;
class MainWindow;

// The flow of the desktop client: resume a remembered session or ask to sign
// in, have a temporary password replaced before anything else, show the main
// window, ask at sign-out whether this computer keeps the account's offline
// copy (and remove it when it does not), go back to the sign-in dialog after
// a sign-out, and close a session that must not outlive the program.
// Remembers the last server and the "remember me" choice in the settings it
// is given, and the login only while its session may be in the keychain (to
// resume it, or to remove it after a crash); never a password or a token.
// The next person finds the server address filled in, never a login.
class AppController : public QObject
{
    Q_OBJECT

public:
    AppController(Sync::Session *session, Sync::CredentialStore *credentials, Sync::ConnectivityMonitor *monitor,
                  QSettings *settings, QObject *parent = nullptr);
    ~AppController() override;

    // The server address given on the command line: it replaces the saved
    // one in the sign-in dialog.
    void setServerOverride(const QString &server) { m_serverOverride = server; }
    // Where the replicas of the accounts live; the application's data folder
    // when empty.
    void setReplicaDirectory(const QString &directory) { m_replicaDirectory = directory; }
    // The screens show the school as on this day and time, not the
    // computer's: for demonstrations and training on the reference school.
    void setFixedNow(const QDateTime &now) { m_fixedNow = now; }

    // Shows the first window: the main window once a remembered session is
    // open again, the sign-in dialog otherwise.
    void start();
    // Signs out when the session must not be kept ("remember me" off), and
    // returns when that is done or after `timeout`. Call after the event
    // loop has ended.
    void finish(std::chrono::milliseconds timeout = std::chrono::seconds(3));

    LoginDialog *loginDialog() const { return m_loginDialog.get(); }
    MainWindow *mainWindow() const { return m_mainWindow.get(); }
    ChangePasswordDialog *changePasswordDialog() const { return m_passwordDialog.get(); }
    SignOutDialog *signOutDialog() const { return m_signOutDialog.get(); }
    // The replica and sync of the signed-in account; null while signed out.
    Workspace::SyncedWorkspace *syncedWorkspace() const { return m_synced.get(); }

Q_SIGNALS:
    // The user asked to leave Cartable: end the event loop, then call finish().
    void quitRequested();

private:
    struct SavedAccount
    {
        QUrl server;
        QString login;
        bool remember = false;
    };

    SavedAccount savedAccount() const;
    void saveAccount(const SavedAccount &account);
    void forgetToken(const QUrl &server, const QString &login);
    QString replicaDirectory() const;
    void showLoginDialog();
    void onSignInFailed(const Core::Error &error);
    void onLoginAccepted();
    void showMainWindow();
    void showPasswordDialog(ChangePasswordDialog::Mode mode);
    void onPasswordDialogAccepted();
    // True while a window of the signed-in account is on screen.
    bool isAccountShown() const;
    // Asks whether to keep the offline copy, then signs out.
    void askSignOut();
    void onSignOutDialogAccepted();
    void signOut();
    void onSignedOut();
    // Removes this computer's copy of an account and its keychain entry; a
    // sentence for the user when something stays.
    QString forgetCopy(const QString &replicaPath, const QUrl &server, const QString &login);
    void onSessionEnded(const Core::Error &error);
    void openWorkspace();
    void closeWorkspace();

    QPointer<Sync::Session> m_session;
    QPointer<Sync::CredentialStore> m_credentials;
    QPointer<Sync::ConnectivityMonitor> m_monitor;
    QSettings *m_settings;
    QString m_serverOverride;
    bool m_rememberCurrent = false;
    // A remembered session is being opened again.
    bool m_resuming = false;
    bool m_finishing = false;
    QString m_replicaDirectory;
    QDateTime m_fixedNow;
    // The copy to remove once the sign-out is done.
    struct Forget
    {
        QString replicaPath;
        QUrl server;
        QString login;
    };
    std::optional<Forget> m_forget;
    // Declared before the windows, so that it outlives the screens on it.
    std::unique_ptr<Workspace::SyncedWorkspace> m_synced;
    std::unique_ptr<LoginDialog> m_loginDialog;
    std::unique_ptr<MainWindow> m_mainWindow;
    std::unique_ptr<ChangePasswordDialog> m_passwordDialog;
    std::unique_ptr<SignOutDialog> m_signOutDialog;
};

} // namespace Cartable::Gui
