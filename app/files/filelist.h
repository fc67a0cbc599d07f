#pragma once

#include "fileactions.h"

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Cartable::Workspace {
class FileStates;
}

namespace Cartable::Gui {

// The files of a homework or a lesson: name, size, type and state of each,
// with Open, Save as…, Download (with its progress and Cancel) and Retry for
// the selected one. Enter opens; Delete asks the owner to remove it.
class FileList : public QWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        QString key; // the attachment's id, or the path of a file to attach
        QString sha256;
        QString name;
        qint64 size = 0;
        QString mimeType;
        QString note; // shown instead of the state for a file not attached yet
    };

    // Children are named `prefix` + "List", "OpenButton", "SaveButton",
    // "DownloadButton", "CancelButton", "RetryButton", "Progress",
    // "Message".
    FileList(Workspace::FileStates &files, const QString &prefix, QWidget *parent);

    void setEntries(const QList<Entry> &entries);
    QString currentKey() const;
    int count() const;
    QTreeWidget *view() const { return m_view; }
    // The list comes first in the tab order, then its buttons; this is the
    // last of them, for the owner's tab order.
    QWidget *lastInTabOrder() const;
    FileActions *actions() const { return m_actions; }

    void openCurrent();
    void saveCurrentTo(const QString &target);
    void downloadCurrent();
    void cancelCurrent();
    void retryCurrent();

Q_SIGNALS:
    void removeRequested();
    void currentChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const Entry *currentEntry() const;
    FileRef refOf(const Entry &entry) const { return {entry.sha256, entry.name, entry.size}; }
    void fillItem(QTreeWidgetItem *item, const Entry &entry) const;
    void onFileChanged(const QString &sha256);
    void updateButtons();
    void showMessage(const QString &sentence, bool failure);

    Workspace::FileStates &m_files;
    FileActions *m_actions = nullptr;
    QList<Entry> m_entries;
    QTreeWidget *m_view = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_download = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Cartable::Gui
