#pragma once

#include <QDialog>
#include <QPointer>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace Cartable::Sync {
class ConnectivityMonitor;
}

namespace Cartable::Workspace {
class SyncedWorkspace;
}

namespace Cartable::Gui {

// Asked before signing out: keep this computer's copy of the account's data
// (a faster sign-in next time, work without a network) or remove it (what a
// shared computer needs). Nothing is chosen in advance. While changes made
// here have not reached the server, it says how many, and removing waits
// for an explicit "I accept to lose them"; when the server answers, it
// offers to synchronise first and follows that sync.
class SignOutDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { None, Keep, Remove };
    Q_ENUM(Choice)

    explicit SignOutDialog(QWidget *parent = nullptr);
    ~SignOutDialog() override;

    // Starts again for the account whose replica `synced` is; without one
    // (it could not be opened) the copy's pending changes are unknown and
    // count as some.
    void start(Workspace::SyncedWorkspace *synced, Sync::ConnectivityMonitor *monitor);

    Choice choice() const;
    // The changes not yet sent, as last read; empty when unknown.
    std::optional<qint64> pendingCount() const { return m_pending; }

public Q_SLOTS:
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void refresh();
    void updateButtons();
    void syncFirst();
    void onSyncStatusChanged();

    QPointer<Workspace::SyncedWorkspace> m_synced;
    QPointer<Sync::ConnectivityMonitor> m_monitor;
    QList<QMetaObject::Connection> m_connections;
    std::optional<qint64> m_pending;
    bool m_syncRequested = false;
    bool m_syncWasRunning = false;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QButtonGroup *m_choices = nullptr;
    QRadioButton *m_keepRadio = nullptr;
    QLabel *m_keepHint = nullptr;
    QRadioButton *m_removeRadio = nullptr;
    QLabel *m_removeHint = nullptr;
    QLabel *m_unsentLabel = nullptr;
    QCheckBox *m_discardCheck = nullptr;
    QLabel *m_syncHint = nullptr;
    QPushButton *m_syncButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QPushButton *m_signOutButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Cartable::Gui
