#include "appcontroller.h"

#include "app/login/logindialog.h"
#include "app/mainwindow/mainwindow.h"
#include "sync/connectivitymonitor.h"
#include "sync/credentialstore.h"
#include "sync/privatefiles.h"
#include "sync/replicafiles.h"
#include "sync/serverurl.h"
#include "sync/session.h"
#include "workspace/syncedworkspace.h"
#include "workspace/workspace.h"

#include "app/common/errormessages.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <utility>

namespace Cartable::Gui {

Q_LOGGING_CATEGORY(lcController, "cartable.gui.controller")

using namespace Qt::StringLiterals;
using Sync::Session;

namespace {

const QString kServerKey = u"account/server"_s;
// Set while the account's session may be in the keychain; an older version
// kept it after the sign-out, to fill in the sign-in dialog.
const QString kLoginKey = u"account/login"_s;
const QString kRememberKey = u"account/remember"_s;

} // namespace

AppController::AppController(Sync::Session *session, Sync::CredentialStore *credentials,
                             Sync::ConnectivityMonitor *monitor, QSettings *settings, QObject *parent)
    : QObject(parent),
      m_session(session),
      m_credentials(credentials),
      m_monitor(monitor),
      m_settings(settings),
      m_loginDialog(std::make_unique<LoginDialog>(session)),
      m_mainWindow(std::make_unique<MainWindow>(monitor)),
      m_passwordDialog(std::make_unique<ChangePasswordDialog>(session)),
      m_signOutDialog(std::make_unique<SignOutDialog>())
{
    connect(m_loginDialog.get(), &LoginDialog::accepted, this, &AppController::onLoginAccepted);
    connect(m_loginDialog.get(), &LoginDialog::rejected, this, &AppController::quitRequested);
    connect(m_mainWindow.get(), &MainWindow::signOutRequested, this, &AppController::askSignOut);
    connect(m_mainWindow.get(), &MainWindow::quitRequested, this, &AppController::quitRequested);
    connect(m_mainWindow.get(), &MainWindow::changePasswordRequested, this,
            [this] { showPasswordDialog(ChangePasswordDialog::Mode::Voluntary); });
    connect(m_passwordDialog.get(), &ChangePasswordDialog::accepted, this, &AppController::onPasswordDialogAccepted);
    // Refusing a required new password: the workspace was never opened.
    connect(m_passwordDialog.get(), &ChangePasswordDialog::signOutRequested, this, &AppController::signOut);
    connect(m_signOutDialog.get(), &SignOutDialog::accepted, this, &AppController::onSignOutDialogAccepted);
    connect(m_session, &Session::signedOut, this, &AppController::onSignedOut);
    connect(m_session, &Session::signInFailed, this, &AppController::onSignInFailed);
    connect(m_session, &Session::sessionEnded, this, &AppController::onSessionEnded);
}

AppController::~AppController()
{
    closeWorkspace();
}

void AppController::openWorkspace()
{
    const Core::UserProfile &profile = m_session->profile();
    if (m_synced && m_synced->workspace().accountId() == profile.id)
        return;
    closeWorkspace();
    const QString directory = replicaDirectory();
    Core::Result<std::unique_ptr<Workspace::SyncedWorkspace>> opened
        = Workspace::SyncedWorkspace::open(*m_session, *m_session->api(), m_monitor, directory);
    if (!opened) {
        qCWarning(lcController) << "the replica could not be opened:" << Core::errorCodeName(opened.error().code);
        m_mainWindow->statusBar()->showMessage(ErrorMessages::saveFailure(opened.error()));
        return;
    }
    m_synced = std::move(opened).value();
    if (m_fixedNow.isValid()) {
        const QDateTime fixed = m_fixedNow;
        const QDateTime started = QDateTime::currentDateTime();
        // The fixed day, with the clock running from it.
        m_synced->workspace().setClock(
            [fixed, started] { return fixed.addMSecs(started.msecsTo(QDateTime::currentDateTime())); });
    }
    m_mainWindow->setSyncedWorkspace(m_synced.get());
    m_synced->start();
}

QString AppController::replicaDirectory() const
{
    return m_replicaDirectory.isEmpty() ? Sync::ReplicaFiles::defaultFolder() : m_replicaDirectory;
}

void AppController::closeWorkspace()
{
    if (m_mainWindow)
        m_mainWindow->setSyncedWorkspace(nullptr);
    if (m_synced)
        m_synced->stop();
    m_synced.reset();
}

AppController::SavedAccount AppController::savedAccount() const
{
    SavedAccount account;
    const Core::Result<QUrl> server = Sync::normalizeServerUrl(m_settings->value(kServerKey).toString());
    if (server)
        account.server = *server;
    account.login = m_settings->value(kLoginKey).toString();
    account.remember = m_settings->value(kRememberKey, false).toBool();
    return account;
}

void AppController::saveAccount(const SavedAccount &account)
{
    m_settings->setValue(kServerKey, account.server.toString());
    if (account.login.isEmpty())
        m_settings->remove(kLoginKey);
    else
        m_settings->setValue(kLoginKey, account.login);
    m_settings->setValue(kRememberKey, account.remember);
    m_settings->sync();
    // It names the account while a session is open: the user's alone, as
    // the replica is. Rewrites keep the mode of the file they replace.
    if (!Sync::PrivateFiles::restrict(m_settings->fileName()))
        qCWarning(lcController) << "the settings file could not be made private";
}

void AppController::forgetToken(const QUrl &server, const QString &login)
{
    if (!m_credentials || server.isEmpty() || login.isEmpty())
        return;
    m_credentials->remove(Sync::credentialKey(server, login), [](Core::Status removed) {
        if (!removed)
            qCWarning(lcController) << "a stale session could not be removed from the credential store";
    });
}

void AppController::start()
{
    const SavedAccount saved = savedAccount();
    QUrl requested = saved.server;
    if (!m_serverOverride.isEmpty()) {
        const Core::Result<QUrl> server = Sync::normalizeServerUrl(m_serverOverride);
        requested = server ? *server : QUrl();
    }
    const bool known = !saved.server.isEmpty() && !saved.login.isEmpty();

    if (known && saved.remember && requested == saved.server) {
        m_loginDialog->show();
        m_resuming = true;
        m_loginDialog->resume(saved.server, saved.login);
        return;
    }
    // Without "remember me" nothing of the last session may be left behind,
    // even if the program did not end cleanly last time: neither its token
    // nor its login (which an older version also kept after a sign-out).
    if (known && !saved.remember)
        forgetToken(saved.server, saved.login);
    if (!saved.remember && m_settings->contains(kLoginKey))
        saveAccount(SavedAccount{saved.server, QString(), false});

    const QString serverText = m_serverOverride.isEmpty() ? saved.server.toString() : m_serverOverride;
    m_loginDialog->prefill(serverText);
    m_loginDialog->show();
}

void AppController::showLoginDialog()
{
    m_loginDialog->prefill(savedAccount().server.toString());
    m_loginDialog->show();
    m_loginDialog->raise();
    m_loginDialog->activateWindow();
}

void AppController::onSignInFailed(const Core::Error &error)
{
    if (!std::exchange(m_resuming, false))
        return;
    // The remembered session is over and its token gone: nothing is left to
    // resume, and the dialog no longer tells whose it was. A server that
    // does not answer ends nothing: the next start tries again.
    const Core::ErrorCode code = error.code;
    if (code != Core::ErrorCode::NotSignedIn && code != Core::ErrorCode::SessionExpired
        && code != Core::ErrorCode::Unauthenticated)
        return;
    const SavedAccount saved = savedAccount();
    saveAccount(SavedAccount{saved.server, QString(), false});
    m_loginDialog->prefill(saved.server.toString());
}

void AppController::onLoginAccepted()
{
    m_resuming = false;
    const SavedAccount previous = savedAccount();
    const SavedAccount current{m_session->server(), m_session->login(), m_loginDialog->rememberMe()};
    // A remembered session of another account would stay in the keychain
    // with nothing left to open it.
    if (previous.remember && (previous.server != current.server || previous.login != current.login))
        forgetToken(previous.server, previous.login);
    saveAccount(current);
    m_rememberCurrent = current.remember;

    // A temporary password opens nothing else until it is replaced.
    if (m_session->passwordChangeRequired())
        showPasswordDialog(ChangePasswordDialog::Mode::Required);
    else
        showMainWindow();
}

void AppController::showMainWindow()
{
    m_mainWindow->setAccount(m_session->profile(), m_session->server());
    if (m_monitor) {
        m_monitor->setServer(m_session->server());
        m_monitor->start();
    }
    openWorkspace();
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->activateWindow();
}

void AppController::showPasswordDialog(ChangePasswordDialog::Mode mode)
{
    const bool required = mode == ChangePasswordDialog::Mode::Required;
    m_passwordDialog->start(mode);
    // Over the main window, which waits; alone on screen when it is required.
    m_passwordDialog->setWindowModality(required ? Qt::NonModal : Qt::ApplicationModal);
    if (!required && m_mainWindow->isVisible()) {
        m_passwordDialog->adjustSize();
        m_passwordDialog->move(m_mainWindow->frameGeometry().center() - m_passwordDialog->rect().center());
    }
    m_passwordDialog->show();
    m_passwordDialog->raise();
    m_passwordDialog->activateWindow();
}

void AppController::onPasswordDialogAccepted()
{
    if (m_passwordDialog->mode() == ChangePasswordDialog::Mode::Required)
        showMainWindow();
    else
        m_mainWindow->confirmPasswordChanged();
}

bool AppController::isAccountShown() const
{
    return m_mainWindow->isVisible() || m_passwordDialog->isVisible();
}

void AppController::askSignOut()
{
    m_forget.reset();
    if (!m_session || m_session->state() != Session::State::SignedIn)
        return signOut();
    const QString path = m_synced
                             ? m_synced->replicaPath()
                             : Sync::ReplicaFiles::pathIn(replicaDirectory(), m_session->server(), m_session->login());
    // Nothing of the account is kept here: there is nothing to ask.
    if (!m_synced && !Sync::ReplicaFiles::exists(path))
        return signOut();
    m_signOutDialog->start(m_synced.get(), m_monitor);
    m_signOutDialog->setWindowModality(Qt::ApplicationModal);
    m_signOutDialog->adjustSize();
    m_signOutDialog->move(m_mainWindow->frameGeometry().center() - m_signOutDialog->rect().center());
    m_signOutDialog->show();
    m_signOutDialog->raise();
    m_signOutDialog->activateWindow();
}

void AppController::onSignOutDialogAccepted()
{
    if (!m_session || m_session->state() != Session::State::SignedIn)
        return;
    if (m_signOutDialog->choice() == SignOutDialog::Choice::Remove) {
        const QString path = m_synced ? m_synced->replicaPath()
                                      : Sync::ReplicaFiles::pathIn(replicaDirectory(), m_session->server(),
                                                                   m_session->login());
        m_forget = Forget{path, m_session->server(), m_session->login()};
    }
    signOut();
}

void AppController::signOut()
{
    if (m_monitor)
        m_monitor->stop();
    if (m_session && m_session->state() == Session::State::SignedIn) {
        m_mainWindow->setSigningOut(true);
        m_session->signOut();
        return;
    }
    onSignedOut();
}

void AppController::onSignedOut()
{
    // The token is gone: nothing is left to resume next time, and the login
    // is not left for the next person.
    SavedAccount saved = savedAccount();
    if (saved.remember || !saved.login.isEmpty()) {
        saved.remember = false;
        saved.login.clear();
        saveAccount(saved);
    }
    m_rememberCurrent = false;
    if (m_signOutDialog->isVisible())
        m_signOutDialog->reject();
    // Even while quitting: the user asked for it.
    QString problem;
    if (const std::optional<Forget> forget = std::exchange(m_forget, std::nullopt)) {
        closeWorkspace();
        problem = forgetCopy(forget->replicaPath, forget->server, forget->login);
    }
    if (m_finishing || !isAccountShown())
        return;
    if (m_monitor)
        m_monitor->stop();
    closeWorkspace();
    m_passwordDialog->hide();
    m_mainWindow->hide();
    m_mainWindow->setSigningOut(false);
    showLoginDialog();
    if (!problem.isEmpty())
        m_loginDialog->showProblem(problem);
}

QString AppController::forgetCopy(const QString &replicaPath, const QUrl &server, const QString &login)
{
    // The session has removed its token already; once more, so that nothing
    // of the account stays whatever happened on the way.
    if (m_credentials) {
        m_credentials->remove(Sync::credentialKey(server, login), [this, self = QPointer<AppController>(this)](
                                                                      Core::Status removed) {
            if (!self || removed)
                return;
            qCWarning(lcController) << "the session could not be removed from the keychain";
            if (m_loginDialog->isVisible())
                m_loginDialog->showProblem(tr("Your session could not be removed from the system keychain. Remove "
                                              "the “Cartable” entry from it yourself."));
        });
    }
    if (const Core::Status removed = Sync::ReplicaFiles::remove(replicaPath); !removed) {
        qCWarning(lcController) << "the offline copy could not be removed:" << removed.error().context;
        return tr("The offline copy could not be removed from this computer: %1").arg(replicaPath);
    }
    return {};
}

void AppController::onSessionEnded(const Core::Error &error)
{
    // Ended by the server (expired, revoked from elsewhere): the same as a
    // sign-out here, with the reason shown where the user signs in again.
    const bool wasShown = isAccountShown();
    onSignedOut();
    if (wasShown && !m_finishing)
        m_loginDialog->explain(error);
}

void AppController::finish(std::chrono::milliseconds timeout)
{
    m_finishing = true;
    if (m_monitor)
        m_monitor->stop();
    if (!m_session)
        return;
    const Session::State state = m_session->state();
    const bool mustSignOut = state == Session::State::SignedIn && !m_rememberCurrent;
    if (!mustSignOut && state != Session::State::SigningOut)
        return;

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(m_session, &Session::signedOut, &loop, &QEventLoop::quit);
    if (mustSignOut)
        m_session->signOut();
    if (m_session->state() == Session::State::SignedOut)
        return;
    timer.start(timeout);
    loop.exec();
    if (m_session && m_session->state() != Session::State::SignedOut)
        qCWarning(lcController) << "the session could not be closed before quitting";
}

} // namespace Cartable::Gui
