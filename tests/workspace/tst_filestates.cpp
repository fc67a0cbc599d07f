// Where the files of a replica stand, as the screens show them: a file
// attached here waits to be sent, is sent with its progress and is then on
// this computer; a file the server refuses could not be sent, with its
// error, until it is retried; a file of the server is downloaded with its
// progress, or cancelled.

#include "tests/support/fakeblobtransport.h"
#include "tests/support/samplerecords.h"

#include "core/domain/catalog.h"
#include "core/errorcode.h"
#include "core/ids.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/replicastore.h"
#include "workspace/files/filestates.h"
#include "workspace/workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;
using Core::ErrorCode;
using Kind = Workspace::FileState::Kind;

class TestFileStates : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::FakeBlobTransport m_server;
    std::unique_ptr<Sync::ReplicaStore> m_store;
    std::unique_ptr<Sync::BlobCache> m_cache;
    std::unique_ptr<Sync::BlobTransfer> m_transfers;
    std::unique_ptr<Workspace::Workspace> m_workspace;
    std::unique_ptr<Workspace::FileStates> m_states;

    // A file attached here: in the cache, its row saved (which queues it).
    QString attach(const QByteArray &bytes, int variant)
    {
        const QString file = m_dir.filePath(u"file-%1.txt"_s.arg(variant));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return {};
        out.close();
        const Core::Result<Sync::BlobCache::Imported> imported = m_cache->import(file);
        if (!imported)
            return {};
        Core::Record row = Test::sampleRecord(*Core::findEntity(u"attachment"_s), variant);
        row.setId(Core::newId());
        row.set(u"sha256"_s, imported->sha256);
        row.set(u"size_bytes"_s, imported->size);
        return m_workspace->create(row).ok() ? imported->sha256 : QString();
    }

    Core::Status sendAll()
    {
        QSignalSpy finished(m_transfers.get(), &Sync::BlobTransfer::uploadsFinished);
        m_transfers->sendUploads();
        if (!finished.wait(10'000))
            return Core::Error{ErrorCode::Internal, u"no end"_s};
        return finished.constFirst().constFirst().value<Core::Status>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"replica.sqlite"_s);
        Core::Result<std::unique_ptr<Sync::ReplicaStore>> store = Sync::ReplicaStore::open(path, u"filestates"_s);
        QVERIFY(store.ok());
        m_store = std::move(store).value();
        m_cache = std::make_unique<Sync::BlobCache>(path);
        m_transfers = std::make_unique<Sync::BlobTransfer>(m_server, *m_store, *m_cache);
        Core::UserProfile profile;
        profile.id = Core::newId();
        profile.login = u"prof.test"_s;
        m_workspace = std::make_unique<Workspace::Workspace>(*m_store, profile);
        m_states = std::make_unique<Workspace::FileStates>(*m_cache, *m_transfers);
    }

    void cleanupTestCase()
    {
        m_states.reset();
        m_transfers.reset();
        m_workspace.reset();
        m_store.reset();
    }

    void anAttachedFileWaitsThenIsSent()
    {
        const QByteArray bytes(3 * 1024 * 1024 + 17, 'a');
        const QString sha256 = attach(bytes, 1);
        QVERIFY(!sha256.isEmpty());
        QCOMPARE(m_states->state(sha256, bytes.size()).kind, Kind::WaitingToSend);
        QVERIFY(m_states->state(sha256, bytes.size()).isHere());
        QCOMPARE(m_states->queueCounts().waiting, 1);
        QCOMPARE(m_states->queueCounts().failed, 0);

        QSignalSpy changed(m_states.get(), &Workspace::FileStates::fileChanged);
        QSignalSpy queue(m_states.get(), &Workspace::FileStates::queueChanged);
        QVERIFY(sendAll().ok());
        QVERIFY(changed.count() >= 1);
        QVERIFY(queue.count() >= 1);
        QCOMPARE(m_server.stored.value(sha256), bytes);
        QCOMPARE(m_states->state(sha256, bytes.size()).kind, Kind::Here);
        QCOMPARE(m_states->queueCounts().waiting, 0);
    }

    void aRefusedFileSaysWhyUntilRetried()
    {
        const QByteArray bytes("Une fiche qui sera refusée.\n");
        const QString refused = Test::FakeBlobTransport::sha256Of(bytes);
        m_server.refusals.insert(refused, Core::Error{ErrorCode::QuotaExceeded, u"account"_s});
        QCOMPARE(attach(bytes, 2), refused);
        QVERIFY(sendAll().ok());
        const Workspace::FileState state = m_states->state(refused, bytes.size());
        QCOMPARE(state.kind, Kind::SendFailed);
        QVERIFY(state.error);
        QCOMPARE(state.error->code, ErrorCode::QuotaExceeded);
        const Workspace::FileStates::QueueCounts counts = m_states->queueCounts();
        QCOMPARE(counts.failed, 1);
        QCOMPARE(counts.waiting, 0);
        QVERIFY(counts.lastError);
        QCOMPARE(counts.lastError->code, ErrorCode::QuotaExceeded);

        QSignalSpy queue(m_states.get(), &Workspace::FileStates::queueChanged);
        m_server.refusals.clear();
        QVERIFY(m_transfers->retryUpload(refused).ok());
        QCOMPARE(queue.count(), 1);
        QCOMPARE(m_states->state(refused, bytes.size()).kind, Kind::WaitingToSend);
        QVERIFY(sendAll().ok());
        QCOMPARE(m_states->state(refused, bytes.size()).kind, Kind::Here);
        QCOMPARE(m_states->queueCounts().failed, 0);
    }

    void aFileOfTheServerIsDownloadedWithItsProgress()
    {
        const QByteArray bytes(2 * 1024 * 1024 + 5, 'b');
        const QString sha256 = attach(bytes, 3);
        QVERIFY(sendAll().ok());
        m_cache->remove(sha256);
        QCOMPARE(m_states->state(sha256, bytes.size()).kind, Kind::NotDownloaded);
        QVERIFY(!m_states->state(sha256, bytes.size()).isHere());

        m_server.holdRanges = true;
        QSignalSpy finished(m_states.get(), &Workspace::FileStates::downloadFinished);
        m_transfers->download(sha256, bytes.size());
        Workspace::FileState state = m_states->state(sha256, bytes.size());
        QCOMPARE(state.kind, Kind::Downloading);
        QCOMPARE(state.done, 0);
        QCOMPARE(state.total, bytes.size());
        // One range answered: the progress moves.
        QTRY_COMPARE(m_server.held.size(), 1);
        QSignalSpy changed(m_states.get(), &Workspace::FileStates::fileChanged);
        m_server.releaseHeld();
        QTRY_VERIFY(changed.count() >= 1);
        state = m_states->state(sha256, bytes.size());
        QCOMPARE(state.kind, Kind::Downloading);
        QVERIFY(state.done > 0);
        QVERIFY(state.done < bytes.size());
        m_server.holdRanges = false;
        m_server.releaseHeld();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.constFirst().at(1).value<Core::Status>().ok());
        QCOMPARE(m_states->state(sha256, bytes.size()).kind, Kind::Here);
    }

    void aCancelledDownloadLeavesTheFileOnTheServer()
    {
        const QByteArray bytes(1024 * 1024 + 9, 'c');
        const QString sha256 = attach(bytes, 4);
        QVERIFY(sendAll().ok());
        m_cache->remove(sha256);
        m_server.holdRanges = true;
        QSignalSpy finished(m_states.get(), &Workspace::FileStates::downloadFinished);
        m_transfers->download(sha256, bytes.size());
        QCOMPARE(m_states->state(sha256, bytes.size()).kind, Kind::Downloading);
        m_transfers->cancelDownload(sha256);
        QTRY_COMPARE(finished.count(), 1);
        const Core::Status status = finished.constFirst().at(1).value<Core::Status>();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().context, u"cancelled"_s);
        m_server.holdRanges = false;
        m_server.releaseHeld();
        QCOMPARE(m_states->state(sha256, bytes.size()).kind, Kind::NotDownloaded);
    }

    void aFileStaysNamedWhileARowNamesIt()
    {
        const QString sha256 = attach("Nommé par une pièce jointe", 5);
        QVERIFY(Workspace::FileStates::isNamed(*m_workspace, sha256));
        QVERIFY(!Workspace::FileStates::isNamed(*m_workspace, QString(64, u'0')));
    }
};

QTEST_GUILESS_MAIN(TestFileStates)
#include "tst_filestates.moc"
