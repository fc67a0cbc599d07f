// The Documents screen driven with the keyboard against a replica synced
// from the reference school: a folder created, a file added offline and
// shown waiting to be sent, a refused type that says why and writes
// nothing, a rename, a share with the secretariat, a folder kept available
// offline, a file opened and downloaded with its progress and cancel, a
// refused upload sent again, and a folder deleted after its question.

#include "widgettesting.h"

#include "app/documents/documentsview.h"
#include "app/documents/sharedialog.h"
#include "app/files/fileactions.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "tests/support/fakeblobtransport.h"
#include "tests/support/syncedclient.h"
#include "workspace/documents/documentfoldermodel.h"
#include "workspace/documents/documentsmodel.h"
#include "workspace/files/filestates.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Core::Record;
using Test::findChildNamed;
using Workspace::DocumentFolderModel;
using Workspace::DocumentsModel;

class TestDocuments : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::SyncedClient> m_teacher;
    std::unique_ptr<Test::SyncedClient> m_secretariat;
    Test::FakeBlobTransport m_transport;
    std::unique_ptr<Sync::BlobCache> m_cache;
    std::unique_ptr<Sync::BlobTransfer> m_transfers;
    std::unique_ptr<Workspace::FileStates> m_files;
    std::unique_ptr<Gui::DocumentsView> m_view;
    QList<QUrl> m_opened;
    QString m_folderId;
    QString m_documentId;

    Workspace::Workspace &workspace() { return m_teacher->workspace(); }
    qint64 pending() const { return m_teacher->store().pendingCount().value(); }
    QTreeView *tree() const { return findChildNamed<QTreeView>(m_view.get(), u"documentFolderTree"_s); }
    QTableView *table() const { return findChildNamed<QTableView>(m_view.get(), u"documentTable"_s); }
    QLabel *message() const { return findChildNamed<QLabel>(m_view.get(), u"documentsMessage"_s); }
    QString cell(int row, int column) const { return table()->model()->index(row, column).data().toString(); }
    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    // Types `text` in the name dialog that is open, then Enter.
    bool answerNameDialog(const QString &text)
    {
        QInputDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            dialog = m_view->findChild<QInputDialog *>(u"documentNameDialog"_s);
            return dialog && dialog->isVisible();
        });
        if (!shown) {
            qWarning("no name dialog");
            return false;
        }
        auto *edit = dialog->findChild<QLineEdit *>();
        if (!edit) {
            qWarning("no line edit");
            return false;
        }
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QPointer<QInputDialog> watched = dialog;
        QTest::keyClick(edit, Qt::Key_Return);
        return QTest::qWaitFor([&] { return !watched || !watched->isVisible(); });
    }
    Core::Status sendUploads()
    {
        QSignalSpy finished(m_transfers.get(), &Sync::BlobTransfer::uploadsFinished);
        m_transfers->sendUploads();
        if (!finished.wait(10'000))
            return Core::Error{Core::ErrorCode::Internal, u"no end"_s};
        return finished.constFirst().constFirst().value<Core::Status>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = Test::startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<Test::SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(Test::kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        m_secretariat = std::make_unique<Test::SyncedClient>(m_server->url(), m_dir.filePath(u"secretariat.sqlite"_s));
        QVERIFY2(m_secretariat->signIn(QString::fromUtf16(Test::kSecretariatLogin)),
                 qPrintable(m_secretariat->errorString()));
        QVERIFY2(m_secretariat->sync(), qPrintable(m_secretariat->errorString()));

        m_cache = std::make_unique<Sync::BlobCache>(m_dir.filePath(u"teacher.sqlite"_s));
        m_transfers = std::make_unique<Sync::BlobTransfer>(m_transport, m_teacher->store(), *m_cache);
        m_files = std::make_unique<Workspace::FileStates>(*m_cache, *m_transfers);
        m_view = std::make_unique<Gui::DocumentsView>(workspace(), *m_files, nullptr);
        m_view->actions()->setOpener([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
        m_view->resize(1100, 700);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    }

    void cleanupTestCase()
    {
        m_view.reset();
        m_files.reset();
        m_transfers.reset();
        m_teacher.reset();
        m_secretariat.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void controlsAreNamed()
    {
        QAbstractItemModelTester folders(tree()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester documents(table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        for (const QString &name :
             {u"documentFolderTree"_s, u"documentTable"_s, u"newFolderButton"_s, u"renameFolderButton"_s,
              u"deleteFolderButton"_s, u"folderOfflineCheck"_s, u"addFilesButton"_s, u"openDocumentButton"_s,
              u"saveDocumentButton"_s, u"downloadDocumentButton"_s, u"renameDocumentButton"_s,
              u"deleteDocumentButton"_s, u"shareDocumentButton"_s}) {
            auto *widget = findChildNamed<QWidget>(m_view.get(), name);
            QVERIFY2(widget, qPrintable(name));
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
        }
        // The account's own space comes first, "Shared with me" last.
        const QModelIndex first = tree()->model()->index(0, 0);
        QCOMPARE(first.data(DocumentFolderModel::OwnerIdRole).toString(), workspace().accountId());
        QCOMPARE(tree()->model()->index(tree()->model()->rowCount() - 1, 0).data().toString(), u"Shared with me"_s);
        QCOMPARE(tree()->currentIndex(), first);
        QCOMPARE(Test::nextTabStop(tree()), findChildNamed<QWidget>(m_view.get(), u"newFolderButton"_s));
    }

    void aFolderIsCreatedWithTheKeyboard()
    {
        const qint64 before = pending();
        tree()->setFocus();
        QTest::keyClick(tree(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(answerNameDialog(u"Sequence 3"_s));
        QCOMPARE(pending(), before + 1);
        QTRY_COMPARE(tree()->currentIndex().data().toString(), u"Sequence 3"_s);
        m_folderId = tree()->currentIndex().data(DocumentFolderModel::FolderIdRole).toString();
        QVERIFY(!m_folderId.isEmpty());
        const std::optional<Record> folder = workspace().row(u"document_folder"_s, m_folderId);
        QVERIFY(folder);
        QCOMPARE(folder->text(u"owner_kind"_s), u"account"_s);
        QCOMPARE(table()->model()->rowCount(), 0);
    }

    void aFileAddedWaitsAndARefusedTypeSaysWhy()
    {
        const qint64 before = pending();
        const QString good = writeFile(u"plan.pdf"_s, "%PDF-1.4\nPlan de la séquence\n");
        const QString program = writeFile(u"setup.pdf"_s, QByteArray("MZ\x90\x00\x03", 5) + QByteArray(100, '\0'));
        m_view->addFiles({good, program});
        QCOMPARE(pending(), before + 1);
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(cell(0, DocumentsModel::NameColumn), u"plan.pdf"_s);
        QCOMPARE(cell(0, DocumentsModel::StateColumn), u"Waiting to be sent"_s);
        QVERIFY(!cell(0, DocumentsModel::SizeColumn).isEmpty());
        QVERIFY(message()->isVisible());
        QVERIFY2(message()->text().contains(u"setup.pdf"_s), qPrintable(message()->text()));
        QVERIFY(message()->text().contains(u"not of a type the school accepts"_s));
        QVERIFY(workspace().select(u"document"_s, u"name = ?"_s, {u"setup.pdf"_s}).isEmpty());
        m_documentId = table()->model()->index(0, 0).data(DocumentsModel::IdRole).toString();

        // Sent: the file is on this computer and on the server.
        QVERIFY(sendUploads().ok());
        QTRY_COMPARE(cell(0, DocumentsModel::StateColumn), u"On this computer"_s);
    }

    void theDocumentIsRenamedWithF2()
    {
        table()->setFocus();
        table()->setCurrentIndex(table()->model()->index(0, 0));
        QTest::keyClick(table(), Qt::Key_F2);
        QVERIFY(answerNameDialog(u"Plan sequence 3.pdf"_s));
        QTRY_COMPARE(cell(0, DocumentsModel::NameColumn), u"Plan sequence 3.pdf"_s);
        QCOMPARE(workspace().row(u"document"_s, m_documentId)->text(u"name"_s), u"Plan sequence 3.pdf"_s);
    }

    void enterOpensACopyWithItsName()
    {
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Return);
        QTRY_COMPARE(m_opened.size(), 1);
        const QString path = m_opened.constFirst().toLocalFile();
        QVERIFY(path.endsWith(u"/Plan sequence 3.pdf"_s));
        QFile copy(path);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll().startsWith("%PDF-1.4"));
    }

    void theDocumentIsSharedWithTheSecretariat()
    {
        const QString reader = m_secretariat->workspace().accountId();
        const QList<Record> members = workspace().select(u"staff_member"_s, u"account_id = ?"_s, {reader}, u"id"_s);
        QVERIFY(!members.isEmpty());
        const QString lastName = members.constFirst().text(u"last_name"_s);

        auto *share = findChildNamed<QPushButton>(m_view.get(), u"shareDocumentButton"_s);
        QVERIFY(share->isEnabled());
        share->setFocus();
        QTest::keyClick(share, Qt::Key_Space);
        Gui::ShareDialog *dialog = m_view->findChild<Gui::ShareDialog *>(u"shareDialog"_s);
        QTRY_VERIFY(dialog && dialog->isVisible());
        auto *filter = findChildNamed<QLineEdit>(dialog, u"sharePersonFilter"_s);
        QTRY_COMPARE(QApplication::focusWidget(), filter);
        // Names may have accents, which QTest does not type.
        if (std::all_of(lastName.cbegin(), lastName.cend(), [](QChar c) { return c.unicode() < 0x80; }))
            QTest::keyClicks(filter, lastName);
        else
            filter->setText(lastName);
        auto *people = findChildNamed<QListWidget>(dialog, u"sharePersonList"_s);
        QVERIFY(people->currentItem());
        QVERIFY(people->currentItem()->text().contains(lastName));
        QTest::keyClick(filter, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), people);
        // Several people may bear the name: down to the secretary.
        for (int i = 0; i < people->count() && people->currentItem()->data(Qt::UserRole + 1).toString() != reader; ++i)
            QTest::keyClick(people, Qt::Key_Down);
        QCOMPARE(people->currentItem()->data(Qt::UserRole + 1).toString(), reader);
        QTest::keyClick(people, Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *shareButton = findChildNamed<QPushButton>(dialog, u"shareButton"_s);
        QCOMPARE(QApplication::focusWidget(), shareButton);
        const qint64 before = pending();
        QTest::keyClick(shareButton, Qt::Key_Space);
        QCOMPARE(pending(), before + 1);
        const QList<Record> shares = workspace().select(u"document_share"_s, u"document_id = ?"_s, {m_documentId});
        QCOMPARE(shares.size(), 1);
        QCOMPARE(shares.constFirst().text(u"account_id"_s), reader);
        QCOMPARE(shares.constFirst().text(u"permission"_s), u"read"_s);
        auto *list = findChildNamed<QListWidget>(dialog, u"shareList"_s);
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().contains(lastName));
        QPointer<Gui::ShareDialog> watched = dialog;
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!watched);

        // After a sync, the secretariat finds it in "Shared with me".
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_secretariat->sync(), qPrintable(m_secretariat->errorString()));
        QVERIFY(m_secretariat->workspace().row(u"document"_s, m_documentId));
    }

    void theFolderIsKeptAvailableOffline()
    {
        tree()->setCurrentIndex(static_cast<DocumentFolderModel *>(tree()->model())->indexOfFolder(m_folderId));
        auto *offline = findChildNamed<QCheckBox>(m_view.get(), u"folderOfflineCheck"_s);
        QVERIFY(offline->isEnabled());
        QVERIFY(!offline->isChecked());
        offline->setFocus();
        QTest::keyClick(offline, Qt::Key_Space);
        QVERIFY(offline->isChecked());
        const Core::Result<bool> pinned = m_transfers->isPinned(u"document_folder"_s, m_folderId);
        QVERIFY(pinned.ok());
        QVERIFY(*pinned);
    }

    void aMissingFileIsDownloadedWithProgressAndCancel()
    {
        const QString sha256 = workspace().row(u"document"_s, m_documentId)->text(u"sha256"_s);
        m_cache->remove(sha256);
        // Back to the folder, as after a sync that removed the file.
        auto *folders = static_cast<DocumentFolderModel *>(tree()->model());
        tree()->setCurrentIndex(folders->indexOfOwner(u"account"_s, workspace().accountId()));
        tree()->setCurrentIndex(folders->indexOfFolder(m_folderId));
        table()->setCurrentIndex(table()->model()->index(0, 0));
        QTRY_COMPARE(cell(0, DocumentsModel::StateColumn), u"Not downloaded"_s);
        m_transport.holdRanges = true;
        auto *download = findChildNamed<QPushButton>(m_view.get(), u"downloadDocumentButton"_s);
        QTRY_VERIFY(download->isEnabled());
        download->setFocus();
        QTest::keyClick(download, Qt::Key_Space);
        auto *progress = findChildNamed<QProgressBar>(m_view.get(), u"documentDownloadProgress"_s);
        auto *cancel = findChildNamed<QPushButton>(m_view.get(), u"cancelDownloadButton"_s);
        QTRY_VERIFY(progress->isVisible());
        QVERIFY(cancel->isVisible());
        QVERIFY(cell(0, DocumentsModel::StateColumn).startsWith(u"Downloading"_s));
        cancel->setFocus();
        QTest::keyClick(cancel, Qt::Key_Space);
        QTRY_COMPARE(cell(0, DocumentsModel::StateColumn), u"Not downloaded"_s);
        QTRY_VERIFY(!progress->isVisible());

        // Again, to the end.
        m_transport.holdRanges = false;
        m_transport.releaseHeld();
        download->setFocus();
        QTest::keyClick(download, Qt::Key_Space);
        QTRY_COMPARE(cell(0, DocumentsModel::StateColumn), u"On this computer"_s);
        QVERIFY(m_cache->contains(sha256));
    }

    void aRefusedUploadIsSentAgain()
    {
        const QByteArray bytes = "Notes de cours\n";
        const QString sha256 = Test::FakeBlobTransport::sha256Of(bytes);
        m_transport.refusals.insert(sha256, Core::Error{Core::ErrorCode::QuotaExceeded, u"account"_s});
        m_view->addFiles({writeFile(u"notes.txt"_s, bytes)});
        QVERIFY(sendUploads().ok());
        const int row = static_cast<DocumentsModel *>(table()->model())
                            ->rowOf(workspace().select(u"document"_s, u"sha256 = ?"_s, {sha256}).constFirst().id());
        QVERIFY(row >= 0);
        QTRY_VERIFY(cell(row, DocumentsModel::StateColumn).startsWith(u"Could not be sent"_s));
        QVERIFY(cell(row, DocumentsModel::StateColumn).contains(u"storage space is full"_s));
        table()->setCurrentIndex(table()->model()->index(row, 0));
        auto *retry = findChildNamed<QPushButton>(m_view.get(), u"retryUploadButton"_s);
        QTRY_VERIFY(retry->isVisible());
        m_transport.refusals.clear();
        retry->setFocus();
        QTest::keyClick(retry, Qt::Key_Space);
        QTRY_COMPARE(cell(row, DocumentsModel::StateColumn), u"Waiting to be sent"_s);
        QVERIFY(sendUploads().ok());
        QTRY_COMPARE(cell(row, DocumentsModel::StateColumn), u"On this computer"_s);
    }

    void theFolderIsDeletedAfterItsQuestion()
    {
        tree()->setCurrentIndex(static_cast<DocumentFolderModel *>(tree()->model())->indexOfFolder(m_folderId));
        tree()->setFocus();
        QTest::keyClick(tree(), Qt::Key_Delete);
        QMessageBox *question = m_view->findChild<QMessageBox *>(u"documentsQuestion"_s);
        QTRY_VERIFY(question && question->isVisible());
        QVERIFY(question->text().contains(u"Sequence 3"_s));
        // The default answer keeps the folder.
        QPointer<QMessageBox> watched = question;
        QTest::keyClick(question, Qt::Key_Return);
        QTRY_VERIFY(!watched);
        QVERIFY(workspace().row(u"document_folder"_s, m_folderId));

        tree()->setFocus();
        QTest::keyClick(tree(), Qt::Key_Delete);
        question = m_view->findChild<QMessageBox *>(u"documentsQuestion"_s);
        QTRY_VERIFY(question && question->isVisible());
        watched = question;
        QTest::keyClick(question, Qt::Key_D);
        QTRY_VERIFY(!watched);
        QVERIFY(!workspace().row(u"document_folder"_s, m_folderId));
        QVERIFY(!workspace().row(u"document"_s, m_documentId));
        QVERIFY(workspace().select(u"document_share"_s, u"document_id = ?"_s, {m_documentId}).isEmpty());
    }
};

QTEST_MAIN(TestDocuments)
#include "tst_documents.moc"
