#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Cartable::Workspace {
class SyncedWorkspace;
}

namespace Cartable::Gui {

// The sync part of the status bar: syncing with its progress and a way to
// cancel, how many changes wait to be sent, when the last sync succeeded,
// and why the last one failed.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);
    ~SyncStatusWidget() override;

    void setSyncedWorkspace(Workspace::SyncedWorkspace *synced);

    // The sentence shown, for tests and assistive technologies.
    QString stateText() const;
    QString pendingText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void onProgress(int pages, qint64 changes, qint64 pushed);

    QPointer<Workspace::SyncedWorkspace> m_synced;
    QLabel *m_state = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
    QLabel *m_pending = nullptr;
    qint64 m_changes = 0;
    qint64 m_pushed = 0;
};

} // namespace Cartable::Gui
