#pragma once

#include <QPointer>
#include <QWidget>
#include <memory>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Cartable::Workspace {
class FileStates;
class SyncedWorkspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

// The sync part of the status bar: syncing with its progress and a way to
// cancel, how many changes and files wait to be sent, when the last sync
// succeeded, why the last one failed, and when a file could not be sent.
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
    QString filesText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void refreshFiles();
    void onProgress(int pages, qint64 changes, qint64 pushed);

    QPointer<Workspace::SyncedWorkspace> m_synced;
    std::unique_ptr<Workspace::FileStates> m_fileStates;
    QLabel *m_state = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_files = nullptr;
    qint64 m_changes = 0;
    qint64 m_pushed = 0;
};

} // namespace Cartable::Gui
