#pragma once

#include "workspace/documents/documentspace.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QCheckBox;
class QLabel;
class QMessageBox;
class QInputDialog;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeView;

namespace Cartable::Workspace {
class DocumentFolderModel;
class DocumentsModel;
class FileStates;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

class FileActions;
class ShareDialog;

// The Documents screen: the folders of the account, its classes and its
// working groups on the left, with "Shared with me"; the documents of the
// chosen folder on the right, with their size, who added them, when, and
// where their file stands. New folder, rename, delete (after a question),
// add files, open, save, download with its progress, share, and keep a
// folder available offline. Everything works offline: rows are written
// here and sync later, and a file added offline waits to be sent.
class DocumentsView : public QWidget
{
    Q_OBJECT

public:
    DocumentsView(Workspace::Workspace &workspace, Workspace::FileStates &files, QWidget *parent);
    ~DocumentsView() override;

    Workspace::DocumentFolderModel *folders() const { return m_folders; }
    Workspace::DocumentsModel *documents() const { return m_documents; }
    FileActions *actions() const { return m_actions; }

    // Shows the folder and its documents.
    void showFolder(const QString &folderId);

    // What the buttons do once the user has chosen (the file dialog, the
    // name typed): for the keyboard and for tests.
    void addFiles(const QStringList &paths);
    void saveCurrentDocumentTo(const QString &target);
    void askNewFolder();
    void askRenameFolder();
    void askDeleteFolder();
    void askRenameDocument();
    void askDeleteDocument();
    void openShareDialog();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void onFolderChanged();
    void updateButtons();
    void chooseFiles();
    void askName(const QString &title, const QString &label, const QString &text,
                 const std::function<void(const QString &)> &then);
    void ask(const QString &title, const QString &question, const std::function<void()> &then);
    void createFolder(const QString &name);
    void renameFolder(const QString &name);
    void renameDocument(const QString &name);
    void deleteFolder();
    void deleteDocument();
    void setOffline(bool offline);
    void openCurrentDocument();
    void downloadCurrentDocument();
    void cancelCurrentDownload();
    void retryCurrentUpload();
    void showMessage(const QString &sentence, bool failure);
    QString currentFolderId() const;
    QString currentDocumentId() const;
    void selectFolder(const QString &folderId);
    void selectDocument(const QString &documentId);

    Workspace::Workspace &m_workspace;
    Workspace::FileStates &m_files;
    Workspace::DocumentSpace m_space;
    Workspace::DocumentFolderModel *m_folders = nullptr;
    Workspace::DocumentsModel *m_documents = nullptr;
    FileActions *m_actions = nullptr;

    QTreeView *m_tree = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_newFolder = nullptr;
    QPushButton *m_renameFolder = nullptr;
    QPushButton *m_deleteFolder = nullptr;
    QCheckBox *m_offline = nullptr;
    QPushButton *m_addFiles = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_download = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_renameDocument = nullptr;
    QPushButton *m_deleteDocument = nullptr;
    QPushButton *m_share = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QPointer<QInputDialog> m_nameDialog;
    QPointer<QMessageBox> m_question;
    QPointer<ShareDialog> m_shareDialog;
};

} // namespace Cartable::Gui
