#include "documentsview.h"

#include "sharedialog.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "app/files/fileactions.h"
#include "app/files/filetext.h"
#include "app/lessons/attachmentmessages.h"
#include "sync/blobtransfer.h"
#include "workspace/documents/documentfoldermodel.h"
#include "workspace/documents/documentsmodel.h"
#include "workspace/files/filestates.h"
#include "workspace/workspace.h"

#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;
using Workspace::DocumentFolderModel;
using Workspace::DocumentsModel;
using Kind = Workspace::FileState::Kind;

namespace {

// Where "Available offline" is kept for a folder (Sync::BlobTransfer::pin).
constexpr auto kPinOwner = u"document_folder";

QPushButton *makeButton(const QString &text, const QString &name, const QString &accessible, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAccessibleName(accessible);
    return button;
}

int inKiB(qint64 bytes)
{
    return int(qMin<qint64>(bytes / 1024, std::numeric_limits<int>::max()));
}

} // namespace

DocumentsView::DocumentsView(Workspace::Workspace &workspace, Workspace::FileStates &files, QWidget *parent)
    : QWidget(parent),
      m_workspace(workspace),
      m_files(files),
      m_space(workspace, files.cache()),
      m_folders(new DocumentFolderModel(workspace, m_space, this)),
      m_documents(new DocumentsModel(workspace, m_space, files, this)),
      m_actions(new FileActions(files, this))
{
    setObjectName(u"documentsView"_s);
    setAccessibleName(tr("Documents"));
    m_documents->setSizeText(&FileText::size);
    m_documents->setStateText(&FileText::state);
    buildUi();
    connect(m_actions, &FileActions::failed, this, [this](const QString &sentence) { showMessage(sentence, true); });
    connect(m_actions, &FileActions::succeeded, this,
            [this](const QString &sentence) { showMessage(sentence, false); });
    connect(&files, &Workspace::FileStates::fileChanged, this, &DocumentsView::updateButtons);
    connect(&files, &Workspace::FileStates::queueChanged, this, &DocumentsView::updateButtons);
    connect(m_folders, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        // The tree is rebuilt: the folder shown is chosen again after.
        m_tree->setProperty("restoreFolder", currentFolderId());
        m_tree->setProperty("restoreShared", m_documents->isSharedWithMe());
    });
    connect(m_folders, &QAbstractItemModel::modelReset, this, [this] {
        const QString folder = m_tree->property("restoreFolder").toString();
        if (!folder.isEmpty() && m_folders->indexOfFolder(folder).isValid())
            selectFolder(folder);
        else if (m_tree->property("restoreShared").toBool())
            m_tree->setCurrentIndex(m_folders->sharedIndex());
        else if (m_folders->rowCount() > 0)
            m_tree->setCurrentIndex(m_folders->index(0, 0));
        m_tree->expandAll();
    });
    m_tree->expandAll();
    if (m_folders->rowCount() > 0)
        m_tree->setCurrentIndex(m_folders->index(0, 0));
    onFolderChanged();
}

DocumentsView::~DocumentsView() = default;

void DocumentsView::buildUi()
{
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"documentFolderTree"_s);
    m_tree->setAccessibleName(tr("Folders"));
    m_tree->setModel(m_folders);
    m_tree->setHeaderHidden(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->installEventFilter(this);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &DocumentsView::onFolderChanged);

    m_newFolder = makeButton(tr("&New folder…"), u"newFolderButton"_s, tr("Create a folder"), this);
    m_newFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newFolder->setToolTip(tr("Create a folder (%1)").arg(m_newFolder->shortcut().toString(QKeySequence::NativeText)));
    m_renameFolder = makeButton(tr("Rena&me folder…"), u"renameFolderButton"_s, tr("Rename the selected folder"), this);
    m_deleteFolder = makeButton(tr("De&lete folder"), u"deleteFolderButton"_s, tr("Delete the selected folder"), this);
    m_offline = new QCheckBox(tr("Available o&ffline"), this);
    m_offline->setObjectName(u"folderOfflineCheck"_s);
    m_offline->setAccessibleName(tr("Keep the documents of this folder available offline"));
    m_offline->setToolTip(tr("The documents of this folder and its subfolders are downloaded at each "
                             "synchronisation, so that they open without a connection."));
    connect(m_newFolder, &QPushButton::clicked, this, &DocumentsView::askNewFolder);
    connect(m_renameFolder, &QPushButton::clicked, this, &DocumentsView::askRenameFolder);
    connect(m_deleteFolder, &QPushButton::clicked, this, &DocumentsView::askDeleteFolder);
    connect(m_offline, &QCheckBox::clicked, this, &DocumentsView::setOffline);

    m_table = new QTableView(this);
    m_table->setObjectName(u"documentTable"_s);
    m_table->setAccessibleName(tr("Documents of the folder"));
    m_table->setModel(m_documents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(DocumentsModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DocumentsModel::StateColumn, QHeaderView::ResizeToContents);
    m_table->setTabKeyNavigation(false);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::doubleClicked, this, &DocumentsView::openCurrentDocument);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &DocumentsView::updateButtons);
    connect(m_documents, &QAbstractItemModel::modelReset, this, [this] {
        if (m_documents->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_documents->index(0, DocumentsModel::NameColumn));
        updateButtons();
    });

    m_addFiles = makeButton(tr("&Add files…"), u"addFilesButton"_s, tr("Add files to the folder"), this);
    m_addFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_addFiles->setToolTip(tr("Add files (%1)").arg(m_addFiles->shortcut().toString(QKeySequence::NativeText)));
    m_open = makeButton(tr("&Open"), u"openDocumentButton"_s, tr("Open the selected document"), this);
    m_save = makeButton(tr("Sa&ve as…"), u"saveDocumentButton"_s, tr("Save a copy of the selected document"), this);
    m_download = makeButton(tr("Do&wnload"), u"downloadDocumentButton"_s, tr("Download the selected document"), this);
    m_cancel = makeButton(tr("Cancel download"), u"cancelDownloadButton"_s, tr("Cancel the download"), this);
    m_retry = makeButton(tr("Send a&gain"), u"retryUploadButton"_s, tr("Try sending the selected document again"),
                         this);
    m_renameDocument = makeButton(tr("&Rename…"), u"renameDocumentButton"_s, tr("Rename the selected document"), this);
    m_deleteDocument = makeButton(tr("&Delete"), u"deleteDocumentButton"_s, tr("Delete the selected document"), this);
    m_share = makeButton(tr("&Share…"), u"shareDocumentButton"_s, tr("Share the selected document"), this);
    connect(m_addFiles, &QPushButton::clicked, this, &DocumentsView::chooseFiles);
    connect(m_open, &QPushButton::clicked, this, &DocumentsView::openCurrentDocument);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
        if (!document.id().isEmpty())
            m_actions->chooseSaveTarget(
                {document.text(u"sha256"_s), document.text(u"name"_s), document.number(u"size_bytes"_s)});
    });
    connect(m_download, &QPushButton::clicked, this, &DocumentsView::downloadCurrentDocument);
    connect(m_cancel, &QPushButton::clicked, this, &DocumentsView::cancelCurrentDownload);
    connect(m_retry, &QPushButton::clicked, this, &DocumentsView::retryCurrentUpload);
    connect(m_renameDocument, &QPushButton::clicked, this, &DocumentsView::askRenameDocument);
    connect(m_deleteDocument, &QPushButton::clicked, this, &DocumentsView::askDeleteDocument);
    connect(m_share, &QPushButton::clicked, this, &DocumentsView::openShareDialog);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"documentDownloadProgress"_s);
    m_progress->setAccessibleName(tr("Download progress"));
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(u"documentsMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *foldersLabel = new QLabel(tr("Fold&ers:"), left);
    foldersLabel->setBuddy(m_tree);
    leftLayout->addWidget(foldersLabel);
    leftLayout->addWidget(m_tree, 1);
    auto *folderButtons = new QHBoxLayout;
    folderButtons->addWidget(m_newFolder);
    folderButtons->addWidget(m_renameFolder);
    folderButtons->addWidget(m_deleteFolder);
    leftLayout->addLayout(folderButtons);
    leftLayout->addWidget(m_offline);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *documentsLabel = new QLabel(tr("Doc&uments:"), right);
    documentsLabel->setBuddy(m_table);
    rightLayout->addWidget(documentsLabel);
    rightLayout->addWidget(m_table, 1);
    auto *fileButtons = new QHBoxLayout;
    for (QPushButton *button : {m_addFiles, m_open, m_save, m_download, m_cancel, m_retry})
        fileButtons->addWidget(button);
    fileButtons->addWidget(m_progress);
    fileButtons->addStretch();
    auto *documentButtons = new QHBoxLayout;
    for (QPushButton *button : {m_renameDocument, m_deleteDocument, m_share})
        documentButtons->addWidget(button);
    documentButtons->addStretch();
    rightLayout->addLayout(fileButtons);
    rightLayout->addLayout(documentButtons);
    rightLayout->addWidget(m_message);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(u"documentsSplitter"_s);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({280, 840});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    setTabOrder(m_tree, m_newFolder);
    setTabOrder(m_newFolder, m_renameFolder);
    setTabOrder(m_renameFolder, m_deleteFolder);
    setTabOrder(m_deleteFolder, m_offline);
    setTabOrder(m_offline, m_table);
    setTabOrder(m_table, m_addFiles);
    setTabOrder(m_addFiles, m_open);
    setTabOrder(m_open, m_save);
    setTabOrder(m_save, m_download);
    setTabOrder(m_download, m_cancel);
    setTabOrder(m_cancel, m_retry);
    setTabOrder(m_retry, m_renameDocument);
    setTabOrder(m_renameDocument, m_deleteDocument);
    setTabOrder(m_deleteDocument, m_share);
    setFocusProxy(m_tree);
}

QString DocumentsView::currentFolderId() const
{
    return m_tree->currentIndex().data(DocumentFolderModel::FolderIdRole).toString();
}

QString DocumentsView::currentDocumentId() const
{
    return m_documents->documentAt(m_table->currentIndex().row()).id();
}

void DocumentsView::selectFolder(const QString &folderId)
{
    const QModelIndex index = m_folders->indexOfFolder(folderId);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void DocumentsView::showFolder(const QString &folderId)
{
    selectFolder(folderId);
    m_tree->setFocus();
}

void DocumentsView::selectDocument(const QString &documentId)
{
    const int row = m_documents->rowOf(documentId);
    if (row >= 0)
        m_table->setCurrentIndex(m_documents->index(row, DocumentsModel::NameColumn));
}

void DocumentsView::onFolderChanged()
{
    const QModelIndex current = m_tree->currentIndex();
    const auto kind = DocumentFolderModel::NodeKind(current.data(DocumentFolderModel::NodeKindRole).toInt());
    if (!current.isValid())
        m_documents->clear();
    else if (kind == DocumentFolderModel::NodeKind::Shared)
        m_documents->showSharedWithMe();
    else if (kind == DocumentFolderModel::NodeKind::Folder)
        m_documents->setFolder(currentFolderId());
    else
        m_documents->clear();
    const bool isFolder = current.isValid() && kind == DocumentFolderModel::NodeKind::Folder;
    const Core::Result<bool> pinned = isFolder ? m_files.transfers().isPinned(QString::fromUtf16(kPinOwner),
                                                                              currentFolderId())
                                               : Core::Result<bool>(false);
    m_offline->setChecked(pinned && *pinned);
    updateButtons();
}

void DocumentsView::updateButtons()
{
    const QModelIndex folder = m_tree->currentIndex();
    const auto kind = DocumentFolderModel::NodeKind(folder.data(DocumentFolderModel::NodeKindRole).toInt());
    const bool managed = folder.isValid() && folder.data(DocumentFolderModel::ManagedRole).toBool();
    const bool isFolder = folder.isValid() && kind == DocumentFolderModel::NodeKind::Folder;
    m_newFolder->setEnabled(managed);
    m_renameFolder->setEnabled(managed && isFolder);
    m_deleteFolder->setEnabled(managed && isFolder);
    m_offline->setEnabled(isFolder);
    m_addFiles->setEnabled(managed && isFolder);

    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    const bool present = !document.id().isEmpty();
    const Workspace::FileState state = present
                                           ? m_files.state(document.text(u"sha256"_s), document.number(u"size_bytes"_s))
                                           : Workspace::FileState{};
    const bool mayOpen = present && FileActions::mayOpen(document.text(u"name"_s));
    m_open->setEnabled(mayOpen);
    m_open->setVisible(!present || mayOpen);
    m_save->setEnabled(present);
    m_download->setEnabled(present && state.kind == Kind::NotDownloaded);
    const bool downloading = present && state.kind == Kind::Downloading;
    m_cancel->setVisible(downloading);
    m_retry->setVisible(present && state.kind == Kind::SendFailed);
    m_progress->setVisible(downloading);
    if (downloading) {
        m_progress->setRange(0, qMax(1, inKiB(state.total)));
        m_progress->setValue(qMin(inKiB(state.done), m_progress->maximum()));
        m_progress->setAccessibleDescription(FileText::state(state));
    }
    const bool manages = present && m_space.managesDocument(document.id());
    m_renameDocument->setEnabled(present && m_space.mayRenameDocument(document.id()));
    m_deleteDocument->setEnabled(manages);
    m_share->setEnabled(manages);
}

void DocumentsView::showMessage(const QString &sentence, bool failure)
{
    m_message->setStyleSheet(failure ? u"color: #a40000; font-weight: bold;"_s : QString());
    m_message->setAccessibleName(sentence);
    showAlert(m_message, sentence);
}

void DocumentsView::askName(const QString &title, const QString &label, const QString &text,
                            const std::function<void(const QString &)> &then)
{
    if (m_nameDialog)
        return;
    m_nameDialog = new QInputDialog(this);
    m_nameDialog->setObjectName(u"documentNameDialog"_s);
    m_nameDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_nameDialog->setWindowTitle(title);
    m_nameDialog->setAccessibleName(title);
    m_nameDialog->setLabelText(label);
    m_nameDialog->setTextValue(text);
    connect(m_nameDialog, &QInputDialog::textValueSelected, this, then);
    // A dialog that is only hidden would keep the next one from opening.
    connect(m_nameDialog, &QDialog::finished, m_nameDialog, &QObject::deleteLater);
    m_nameDialog->open();
}

void DocumentsView::ask(const QString &title, const QString &question, const std::function<void()> &then)
{
    if (m_question)
        return;
    m_question = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::Yes | QMessageBox::No, this);
    m_question->setObjectName(u"documentsQuestion"_s);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    m_question->setDefaultButton(QMessageBox::No);
    m_question->button(QMessageBox::Yes)->setText(tr("&Delete"));
    m_question->button(QMessageBox::No)->setText(tr("&Keep"));
    connect(m_question, &QMessageBox::finished, this, [this, then](int answer) {
        if (m_question)
            m_question->deleteLater();
        if (answer == QMessageBox::Yes)
            then();
        m_tree->window()->activateWindow();
    });
    m_question->open();
}

void DocumentsView::askNewFolder()
{
    if (!m_newFolder->isEnabled())
        return;
    askName(tr("New folder"), tr("Name of the &folder:"), QString(),
            [this](const QString &name) { createFolder(name); });
}

void DocumentsView::askRenameFolder()
{
    if (!m_renameFolder->isEnabled())
        return;
    askName(tr("Rename folder"), tr("New name of the &folder:"), m_tree->currentIndex().data().toString(),
            [this](const QString &name) { renameFolder(name); });
}

void DocumentsView::askDeleteFolder()
{
    if (!m_deleteFolder->isEnabled())
        return;
    const QString name = m_tree->currentIndex().data().toString();
    const int content = m_space.contentCount(currentFolderId());
    const QString question = content > 0
                                 ? tr("Delete the folder “%1” and the %n document(s) and subfolder(s) it holds?",
                                      nullptr, content)
                                       .arg(name)
                                 : tr("Delete the folder “%1”?").arg(name);
    ask(tr("Delete folder"), question, [this] { deleteFolder(); });
}

void DocumentsView::askRenameDocument()
{
    if (!m_renameDocument->isEnabled())
        return;
    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    askName(tr("Rename document"), tr("New &name of the document:"), document.text(u"name"_s),
            [this](const QString &name) { renameDocument(name); });
}

void DocumentsView::askDeleteDocument()
{
    if (!m_deleteDocument->isEnabled())
        return;
    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    ask(tr("Delete document"),
        tr("Delete “%1”? The people it is shared with will no longer see it.").arg(document.text(u"name"_s)),
        [this] { deleteDocument(); });
}

void DocumentsView::createFolder(const QString &name)
{
    const QModelIndex current = m_tree->currentIndex();
    const Workspace::DocumentSpace::Owner owner = m_folders->ownerAt(current);
    const Core::Result<Core::Record> created = m_space.createFolder(owner, currentFolderId(), name);
    if (!created) {
        showMessage(ErrorMessages::saveFailure(created.error()), true);
        return;
    }
    m_message->hide();
    selectFolder(created->id());
    m_tree->setFocus();
}

void DocumentsView::renameFolder(const QString &name)
{
    const QString id = currentFolderId();
    if (const Core::Status renamed = m_space.renameFolder(id, name); !renamed) {
        showMessage(ErrorMessages::saveFailure(renamed.error()), true);
        return;
    }
    m_message->hide();
    selectFolder(id);
    m_tree->setFocus();
}

void DocumentsView::deleteFolder()
{
    const QModelIndex parent = m_tree->currentIndex().parent();
    const QString parentFolder = parent.data(DocumentFolderModel::FolderIdRole).toString();
    const QString parentOwnerKind = parent.data(DocumentFolderModel::OwnerKindRole).toString();
    const QString parentOwnerId = parent.data(DocumentFolderModel::OwnerIdRole).toString();
    if (const Core::Status removed = m_space.removeFolder(currentFolderId()); !removed) {
        showMessage(ErrorMessages::saveFailure(removed.error()), true);
        return;
    }
    m_message->hide();
    if (!parentFolder.isEmpty())
        selectFolder(parentFolder);
    else
        m_tree->setCurrentIndex(m_folders->indexOfOwner(parentOwnerKind, parentOwnerId));
    m_tree->setFocus();
}

void DocumentsView::renameDocument(const QString &name)
{
    const QString id = currentDocumentId();
    if (const Core::Status renamed = m_space.renameDocument(id, name); !renamed) {
        showMessage(ErrorMessages::saveFailure(renamed.error()), true);
        return;
    }
    m_message->hide();
    selectDocument(id);
    m_table->setFocus();
}

void DocumentsView::deleteDocument()
{
    if (const Core::Status removed = m_space.removeDocument(currentDocumentId()); !removed) {
        showMessage(ErrorMessages::saveFailure(removed.error()), true);
        return;
    }
    m_message->hide();
    m_table->setFocus();
}

void DocumentsView::chooseFiles()
{
    if (!m_addFiles->isEnabled())
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add files"));
    if (!paths.isEmpty())
        addFiles(paths);
}

void DocumentsView::addFiles(const QStringList &paths)
{
    const QString folder = currentFolderId();
    if (folder.isEmpty())
        return;
    QStringList failures;
    QString last;
    for (const QString &path : paths) {
        const Core::Result<Core::Record> added = m_space.addDocument(folder, path);
        if (!added)
            failures.append(AttachmentMessages::failure(added.error(), QFileInfo(path).fileName()));
        else
            last = added->id();
    }
    if (!last.isEmpty())
        selectDocument(last);
    if (!failures.isEmpty())
        showMessage(failures.join(u'\n'), true);
    else
        m_message->hide();
    updateButtons();
}

void DocumentsView::setOffline(bool offline)
{
    const QString folder = currentFolderId();
    if (folder.isEmpty())
        return;
    if (const Core::Status pinned = m_files.transfers().pin(QString::fromUtf16(kPinOwner), folder, offline); !pinned) {
        m_offline->setChecked(!offline);
        showMessage(ErrorMessages::saveFailure(pinned.error()), true);
        return;
    }
    if (offline) {
        m_files.transfers().fetchPinned();
        showMessage(tr("The documents of this folder will stay on this computer."), false);
    } else {
        showMessage(tr("The documents of this folder are no longer kept for offline use."), false);
    }
}

void DocumentsView::openCurrentDocument()
{
    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    if (document.id().isEmpty())
        return;
    m_message->hide();
    m_actions->open({document.text(u"sha256"_s), document.text(u"name"_s), document.number(u"size_bytes"_s)});
    updateButtons();
}

void DocumentsView::saveCurrentDocumentTo(const QString &target)
{
    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    if (document.id().isEmpty())
        return;
    m_message->hide();
    m_actions->saveTo({document.text(u"sha256"_s), document.text(u"name"_s), document.number(u"size_bytes"_s)}, target);
    updateButtons();
}

void DocumentsView::downloadCurrentDocument()
{
    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    if (document.id().isEmpty())
        return;
    m_message->hide();
    m_actions->download({document.text(u"sha256"_s), document.text(u"name"_s), document.number(u"size_bytes"_s)});
    updateButtons();
}

void DocumentsView::cancelCurrentDownload()
{
    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    if (!document.id().isEmpty())
        m_actions->cancelDownload(document.text(u"sha256"_s));
    updateButtons();
}

void DocumentsView::retryCurrentUpload()
{
    const Core::Record document = m_documents->documentAt(m_table->currentIndex().row());
    if (!document.id().isEmpty())
        m_actions->retryUpload(document.text(u"sha256"_s));
    updateButtons();
}

void DocumentsView::openShareDialog()
{
    if (m_shareDialog || !m_share->isEnabled())
        return;
    m_shareDialog = new ShareDialog(m_space, currentDocumentId(), this);
    m_shareDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_shareDialog, &QDialog::finished, this, [this] { m_table->setFocus(); });
    m_shareDialog->open();
}

bool DocumentsView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_tree) {
        if (key->key() == Qt::Key_F2) {
            askRenameFolder();
            return true;
        }
        if (key->key() == Qt::Key_Delete) {
            askDeleteFolder();
            return true;
        }
    } else if (watched == m_table) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openCurrentDocument();
            return true;
        }
        if (key->key() == Qt::Key_F2) {
            askRenameDocument();
            return true;
        }
        if (key->key() == Qt::Key_Delete) {
            askDeleteDocument();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Cartable::Gui
