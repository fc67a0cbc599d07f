// The Documents screen's models and writes over a replica synced from a real
// server with the reference school: the teacher's spaces (his own, his
// classes'), folders created, renamed and removed with what they hold, files
// added offline waiting to be sent, a refused type writing nothing, and a
// document shared with the secretariat that it finds in "Shared with me"
// after a sync.

#include "tests/support/fakeblobtransport.h"
#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "workspace/documents/documentfoldermodel.h"
#include "workspace/documents/documentsmodel.h"
#include "workspace/documents/documentspace.h"
#include "workspace/files/filestates.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Core::ErrorCode;
using Core::Record;
using Workspace::DocumentFolderModel;
using Workspace::DocumentsModel;
using Workspace::DocumentSpace;
using Kind = Workspace::FileState::Kind;

class TestDocumentsModel : public QObject
{
    Q_OBJECT

private:
    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    qint64 pending() const { return m_teacher->store().pendingCount().value(); }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;
    std::unique_ptr<SyncedClient> m_secretariat;
    FakeBlobTransport m_transport;
    std::unique_ptr<Sync::BlobCache> m_cache;
    std::unique_ptr<Sync::BlobTransfer> m_transfers;
    std::unique_ptr<Workspace::FileStates> m_files;
    std::unique_ptr<DocumentSpace> m_space;
    QString m_folderId;
    QString m_documentId;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        m_secretariat = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"secretariat.sqlite"_s));
        QVERIFY2(m_secretariat->signIn(QString::fromUtf16(kSecretariatLogin)),
                 qPrintable(m_secretariat->errorString()));
        QVERIFY2(m_secretariat->sync(), qPrintable(m_secretariat->errorString()));

        m_cache = std::make_unique<Sync::BlobCache>(m_dir.filePath(u"teacher.sqlite"_s));
        m_transfers = std::make_unique<Sync::BlobTransfer>(m_transport, m_teacher->store(), *m_cache);
        m_files = std::make_unique<Workspace::FileStates>(*m_cache, *m_transfers);
        m_space = std::make_unique<DocumentSpace>(m_teacher->workspace(), *m_cache);
    }

    void cleanupTestCase()
    {
        m_space.reset();
        m_files.reset();
        m_transfers.reset();
        m_teacher.reset();
        m_secretariat.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void theTeacherHasHisSpaceAndHisClasses()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        QVERIFY(m_space->isAvailable());
        const QList<DocumentSpace::Owner> owners = m_space->owners();
        QVERIFY(owners.size() >= 2);
        QCOMPARE(owners.constFirst().kind, u"account"_s);
        QCOMPARE(owners.constFirst().id, workspace.accountId());
        QVERIFY(m_space->managesOwner(u"account"_s, workspace.accountId()));
        QVERIFY(!m_space->managesOwner(u"account"_s, m_secretariat->workspace().accountId()));

        QStringList taught;
        for (const Workspace::Teaching &teaching : workspace.teachings()) {
            if (!teaching.classId.isEmpty())
                taught.append(teaching.classId);
        }
        QVERIFY(!taught.isEmpty());
        for (const DocumentSpace::Owner &owner : owners) {
            if (owner.kind == u"school_class"_s)
                QVERIFY2(taught.contains(owner.id), qPrintable(owner.name));
        }
        // A class he does not teach is not his to fill.
        for (const Record &schoolClass : workspace.select(u"school_class"_s)) {
            if (!taught.contains(schoolClass.id()))
                QVERIFY(!m_space->managesOwner(u"school_class"_s, schoolClass.id()));
        }
        // The secretariat manages every class of the school; the teacher's
        // space is not his.
        DocumentSpace other(m_secretariat->workspace(), *m_cache);
        QVERIFY(other.managesOwner(u"school_class"_s, taught.constFirst()));
    }

    void foldersAreCreatedRenamedAndNested()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        DocumentFolderModel model(workspace, *m_space);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QModelIndex mine = model.indexOfOwner(u"account"_s, workspace.accountId());
        QVERIFY(mine.isValid());
        QCOMPARE(mine.row(), 0);
        QVERIFY(model.data(mine, DocumentFolderModel::ManagedRole).toBool());
        const int ownFolders = model.rowCount(mine);
        const QModelIndex shared = model.sharedIndex();
        QVERIFY(shared.isValid());
        QCOMPARE(shared.row(), model.rowCount() - 1);
        QVERIFY(!model.data(shared, DocumentFolderModel::ManagedRole).toBool());

        const qint64 before = pending();
        const DocumentSpace::Owner owner = m_space->owners().constFirst();
        QCOMPARE(m_space->createFolder(owner, {}, u"  "_s).error().code, ErrorCode::MissingField);
        QCOMPARE(m_space->createFolder({u"account"_s, m_secretariat->workspace().accountId(), {}}, {}, u"Autre"_s)
                     .error()
                     .code,
                 ErrorCode::Forbidden);
        const Core::Result<Record> folder = m_space->createFolder(owner, {}, u"Cours de 4e"_s);
        QVERIFY(folder.ok());
        m_folderId = folder->id();
        const Core::Result<Record> sub = m_space->createFolder(owner, m_folderId, u"Exercices"_s);
        QVERIFY(sub.ok());
        QCOMPARE(pending(), before + 2);

        const QModelIndex top = model.indexOfFolder(m_folderId);
        QVERIFY(top.isValid());
        QCOMPARE(model.rowCount(model.indexOfOwner(u"account"_s, workspace.accountId())), ownFolders + 1);
        QCOMPARE(top.parent(), model.indexOfOwner(u"account"_s, workspace.accountId()));
        QCOMPARE(top.data().toString(), u"Cours de 4e"_s);
        QCOMPARE(model.indexOfFolder(sub->id()).parent(), top);
        QCOMPARE(model.ownerAt(model.indexOfFolder(sub->id())), owner);

        QVERIFY(m_space->renameFolder(m_folderId, u"Cours de 4e A"_s).ok());
        QCOMPARE(model.indexOfFolder(m_folderId).data().toString(), u"Cours de 4e A"_s);
        QCOMPARE(m_space->renameFolder(m_folderId, u"a/b"_s).error().code, ErrorCode::InvalidFormat);
    }

    void filesAddedOfflineWaitToBeSent()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        DocumentsModel model(workspace, *m_space, *m_files);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStateText([](const Workspace::FileState &state) { return QString::number(int(state.kind)); });
        model.setFolder(m_folderId);
        QCOMPARE(model.rowCount(), 0);

        const qint64 before = pending();
        const QByteArray bytes = "%PDF-1.4\nFractions\n";
        const Core::Result<Record> added = m_space->addDocument(m_folderId, writeFile(u"fractions.pdf"_s, bytes));
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().context));
        m_documentId = added->id();
        QCOMPARE(added->text(u"mime_type"_s), u"application/pdf"_s);
        QCOMPARE(added->number(u"size_bytes"_s), bytes.size());
        QCOMPARE(pending(), before + 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, DocumentsModel::NameColumn)).toString(), u"fractions.pdf"_s);
        QCOMPARE(model.data(model.index(0, DocumentsModel::AddedByColumn)).toString(), workspace.profile().displayName);
        QVERIFY(!model.data(model.index(0, DocumentsModel::DateColumn)).toString().isEmpty());
        QCOMPARE(model.data(model.index(0, 0), DocumentsModel::StateKindRole).toInt(), int(Kind::WaitingToSend));
        QCOMPARE(model.data(model.index(0, DocumentsModel::StateColumn)).toString(),
                 QString::number(int(Kind::WaitingToSend)));
        QCOMPARE(model.data(model.index(0, 0), DocumentsModel::IdRole).toString(), m_documentId);
        QCOMPARE(m_files->queueCounts().waiting, 1);

        // A program is refused on its bytes, and nothing is written.
        const Core::Result<Record> program = m_space->addDocument(m_folderId, writeFile(u"cours.pdf"_s,
                                                                                        QByteArray("\x7F"
                                                                                                   "ELF\x02\x01\x01",
                                                                                                   7)));
        QVERIFY(!program.ok());
        QCOMPARE(program.error().code, ErrorCode::FileTypeRefused);
        QCOMPARE(pending(), before + 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(m_files->queueCounts().waiting, 1);

        QVERIFY(m_space->renameDocument(m_documentId, u"Fractions.pdf"_s).ok());
        QCOMPARE(model.data(model.index(0, 0)).toString(), u"Fractions.pdf"_s);
        QVERIFY(m_space->managesDocument(m_documentId));
    }

    void aSharedDocumentIsSeenByItsReader()
    {
        Workspace::Workspace &teacher = m_teacher->workspace();
        const QString reader = m_secretariat->workspace().accountId();
        const QList<DocumentSpace::Person> candidates = m_space->shareCandidates(m_documentId);
        QVERIFY(!candidates.isEmpty());
        const auto found = std::find_if(candidates.cbegin(), candidates.cend(),
                                        [&reader](const DocumentSpace::Person &person) {
                                            return person.accountId == reader;
                                        });
        QVERIFY(found != candidates.cend());
        QVERIFY(!found->name.isEmpty());
        QVERIFY(std::none_of(candidates.cbegin(), candidates.cend(), [&teacher](const DocumentSpace::Person &person) {
            return person.accountId == teacher.accountId();
        }));

        const Core::Result<Record> share = m_space->share(m_documentId, reader, false);
        QVERIFY(share.ok());
        QCOMPARE(m_space->sharesOf(m_documentId).size(), 1);
        const QList<DocumentSpace::Person> after = m_space->shareCandidates(m_documentId);
        QCOMPARE(after.size(), candidates.size() - 1);

        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_secretariat->sync(), qPrintable(m_secretariat->errorString()));
        Sync::BlobCache readerCache(m_dir.filePath(u"secretariat.sqlite"_s));
        Sync::BlobTransfer readerTransfers(m_transport, m_secretariat->store(), readerCache);
        Workspace::FileStates readerFiles(readerCache, readerTransfers);
        DocumentSpace readerSpace(m_secretariat->workspace(), readerCache);
        DocumentsModel model(m_secretariat->workspace(), readerSpace, readerFiles);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.showSharedWithMe();
        const int row = model.rowOf(m_documentId);
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row, 0)).toString(), u"Fractions.pdf"_s);
        QCOMPARE(model.data(model.index(row, 0), DocumentsModel::StateKindRole).toInt(), int(Kind::NotDownloaded));
        // A share to read: the reader may neither rename it nor share it on.
        QVERIFY(!readerSpace.mayRenameDocument(m_documentId));
        QCOMPARE(readerSpace.share(m_documentId, teacher.accountId(), false).error().code, ErrorCode::Forbidden);

        QVERIFY(m_space->removeShare(share->id()).ok());
        QVERIFY(m_space->sharesOf(m_documentId).isEmpty());
    }

    void removingAFolderRemovesWhatItHolds()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        DocumentFolderModel folders(workspace, *m_space);
        QAbstractItemModelTester tester(&folders, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(m_space->contentCount(m_folderId), 2); // the subfolder and the document
        const QString sha256 = workspace.row(u"document"_s, m_documentId)->text(u"sha256"_s);
        QVERIFY(m_cache->contains(sha256));
        QVERIFY(m_space->removeFolder(m_folderId).ok());
        QVERIFY(!folders.indexOfFolder(m_folderId).isValid());
        QVERIFY(!workspace.row(u"document"_s, m_documentId));
        QVERIFY(workspace.select(u"document_folder"_s, u"parent_id = ?"_s, {m_folderId}).isEmpty());
        // No row names the file any more: its bytes leave this computer.
        QVERIFY(!m_cache->contains(sha256));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestDocumentsModel)
#include "tst_documentsmodel.moc"
