#pragma once

#include "core/userprofile.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QAction;
class QMenu;
class QScrollArea;

namespace Cartable::Sync {
class ConnectivityMonitor;
}

namespace Cartable::Workspace {
class SyncedWorkspace;
}

namespace Cartable::Gui {

class ConnectionIndicator;
class IdentityCard;
class SyncStatusWidget;
class WorkspaceShell;

// The window of a signed-in person: who they are, where, and whether the
// server answers. Follows the connectivity monitor it is given; asks its
// owner to sign out or to quit through signals.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Sync::ConnectivityMonitor *monitor, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setAccount(const Core::UserProfile &profile, const QUrl &server);
    // The account's modules over its replica, or none (before the replica
    // is open, after a sign-out): then only the account page shows.
    void setSyncedWorkspace(Workspace::SyncedWorkspace *synced);
    WorkspaceShell *shell() const { return m_shell; }
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }

    // While a sign-out runs, the window says so and takes no new command.
    void setSigningOut(bool signingOut);
    // Says in the status bar that the password has changed.
    void confirmPasswordChanged();

    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    IdentityCard *identityCard() const { return m_card; }

Q_SIGNALS:
    void changePasswordRequested();
    void signOutRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void retranslateUi();
    void onChecked(bool online);
    void updateSyncActions();
    void showAbout();

    QPointer<Sync::ConnectivityMonitor> m_monitor;
    QPointer<Workspace::SyncedWorkspace> m_synced;
    WorkspaceShell *m_shell = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    QMenu *m_syncMenu = nullptr;
    QAction *m_syncNowAction = nullptr;
    QAction *m_cancelSyncAction = nullptr;
    Core::UserProfile m_profile;
    IdentityCard *m_card = nullptr;
    QScrollArea *m_scrollArea = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QMenu *m_accountMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_checkNowAction = nullptr;
    QAction *m_changePasswordAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
};

} // namespace Cartable::Gui
