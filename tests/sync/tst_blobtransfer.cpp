// BlobTransfer against a server of its own in memory: uploads that resume
// from where the server stands after a cut, an offset the server moved, a
// refused file marked failed while the next one goes, a whole-file hash
// mismatch sent again once; downloads that resume from their partial file,
// checked against their hash before they enter the cache, cancelled, and
// the files of what the user pinned.

#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "sync/replicastore.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "tests/support/samplerecords.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Cartable;
using namespace Cartable::Sync;
using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

QByteArray pdfBytes(qint64 size, quint32 seed)
{
    QByteArray bytes("%PDF-1.7\n");
    QRandomGenerator random(seed);
    while (bytes.size() < size)
        bytes.append(char(random.bounded(256)));
    bytes.truncate(size);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The blob routes of a server, in memory, answering on the next turn of the
// event loop. `fault` may answer an error instead (nothing changes then).
class FakeServer final : public BlobTransport
{
public:
    struct Call
    {
        QString route; // "open", "chunk", "range"
        QString sha256;
        qint64 offset = 0;
        qint64 bytes = 0;
    };

    QHash<QString, QByteArray> stored;    // complete blobs, by the hash announced
    QHash<QString, QByteArray> receiving; // open uploads, by hash
    QHash<QString, Error> refusals;       // by hash, at the first chunk
    QList<Call> calls;
    std::function<std::optional<Error>(const Call &)> fault;
    // The hash check of the whole file fails this many times.
    int corruptBlobs = 0;
    // Range answers wait here until released.
    bool holdRanges = false;
    QList<std::function<void()>> held;

    void openUpload(const Core::UploadRequest &request, ApiClient::Callback<Core::UploadStatus> done) override
    {
        const Call call{u"open"_s, request.sha256, 0, 0};
        answer(call, std::move(done), [this, request]() -> Core::Result<Core::UploadStatus> {
            if (stored.contains(request.sha256))
                return complete(request.sha256, request.size);
            if (!receiving.contains(request.sha256))
                receiving.insert(request.sha256, {});
            sizes.insert(request.sha256, request.size);
            return status(request.sha256);
        });
    }

    void sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                   ApiClient::Callback<Core::UploadStatus> done) override
    {
        const QString sha256 = uploadId.mid(7);
        const Call call{u"chunk"_s, sha256, offset, bytes.size()};
        answer(call, std::move(done), [this, sha256, offset, bytes]() -> Core::Result<Core::UploadStatus> {
            if (!receiving.contains(sha256))
                return Error{ErrorCode::NotFound, u"upload"_s};
            QByteArray &received = receiving[sha256];
            if (offset != received.size())
                return Error{ErrorCode::UploadOffsetMismatch, QString::number(received.size())};
            if (offset == 0 && refusals.contains(sha256)) {
                receiving.remove(sha256);
                return refusals.value(sha256);
            }
            received.append(bytes);
            if (received.size() < sizes.value(sha256))
                return status(sha256);
            const QByteArray whole = receiving.take(sha256);
            if (corruptBlobs > 0 || sha256Of(whole) != sha256) {
                --corruptBlobs;
                return Error{ErrorCode::HashMismatch, u"blob"_s};
            }
            stored.insert(sha256, whole);
            return complete(sha256, whole.size());
        });
    }

    void fetchRange(const QString &sha256, qint64 first, qint64 last, ApiClient::Callback<Range> done) override
    {
        const Call call{u"range"_s, sha256, first, last - first + 1};
        auto work = [this, sha256, first, last]() -> Core::Result<Range> {
            if (!stored.contains(sha256))
                return Error{ErrorCode::NotFound, u"blob"_s};
            const QByteArray &bytes = stored[sha256];
            if (first >= bytes.size())
                return Error{ErrorCode::RangeNotSatisfiable, QString::number(bytes.size())};
            return Range{bytes.mid(first, qMin(last, bytes.size() - 1) - first + 1), first, bytes.size()};
        };
        calls.append(call);
        if (std::optional<Error> error = fault ? fault(call) : std::nullopt) {
            later([done, error = *error] { done(error); });
            return;
        }
        if (holdRanges) {
            held.append([done, work] { done(work()); });
            return;
        }
        later([done, work] { done(work()); });
    }

    void releaseHeld()
    {
        const QList<std::function<void()>> answers = std::exchange(held, {});
        for (const std::function<void()> &answer : answers)
            answer();
    }

    QList<qint64> chunkOffsets(const QString &sha256) const
    {
        QList<qint64> offsets;
        for (const Call &call : calls) {
            if (call.route == u"chunk"_s && call.sha256 == sha256)
                offsets.append(call.offset);
        }
        return offsets;
    }

    QList<qint64> rangeStarts(const QString &sha256) const
    {
        QList<qint64> starts;
        for (const Call &call : calls) {
            if (call.route == u"range"_s && call.sha256 == sha256)
                starts.append(call.offset);
        }
        return starts;
    }

    qint64 largestChunk() const
    {
        qint64 largest = 0;
        for (const Call &call : calls)
            largest = qMax(largest, call.bytes);
        return largest;
    }

private:
    QHash<QString, qint64> sizes;
    QObject m_context;

    Core::UploadStatus status(const QString &sha256) const
    {
        Core::UploadStatus status;
        status.uploadId = u"upload-"_s + sha256;
        status.sha256 = sha256;
        status.size = sizes.value(sha256);
        status.received = receiving.value(sha256).size();
        return status;
    }

    static Core::UploadStatus complete(const QString &sha256, qint64 size)
    {
        Core::UploadStatus status;
        status.sha256 = sha256;
        status.size = size;
        status.received = size;
        status.complete = true;
        return status;
    }

    void later(std::function<void()> work) { QTimer::singleShot(0, &m_context, std::move(work)); }

    template<typename Work>
    void answer(const Call &call, ApiClient::Callback<Core::UploadStatus> done, Work work)
    {
        calls.append(call);
        if (std::optional<Error> error = fault ? fault(call) : std::nullopt) {
            later([done, error = *error] { done(error); });
            return;
        }
        Core::Result<Core::UploadStatus> result = work();
        later([done, result] { done(result); });
    }
};

} // namespace

class TestBlobTransfer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_opened = 0;

    struct Client
    {
        std::unique_ptr<ReplicaStore> store;
        std::unique_ptr<BlobCache> cache;
        FakeServer server;
        std::unique_ptr<BlobTransfer> transfer;
        QString path;
    };

    std::unique_ptr<Client> client()
    {
        auto made = std::make_unique<Client>();
        made->path = m_dir.filePath(u"replica-%1.sqlite"_s.arg(++m_opened));
        Core::Result<std::unique_ptr<ReplicaStore>> store = ReplicaStore::open(made->path,
                                                                               u"transfer-%1"_s.arg(m_opened));
        if (!store)
            qFatal("cannot open the replica: %s", qPrintable(store.error().context));
        made->store = std::move(store).value();
        made->cache = std::make_unique<BlobCache>(made->path);
        made->transfer = std::make_unique<BlobTransfer>(made->server, *made->store, *made->cache);
        return made;
    }

    // A file attached here: in the cache, its row saved with its outbox
    // entry (which queues it).
    static QString attach(Client &client, const QByteArray &bytes, int variant)
    {
        const QString file = QDir(QFileInfo(client.path).absolutePath()).filePath(u"file-%1.pdf"_s.arg(variant));
        if (!writeFile(file, bytes))
            return {};
        const Core::Result<BlobCache::Imported> imported = client.cache->import(file);
        if (!imported)
            return {};
        Core::Record row = Test::sampleRecord(*Core::findEntity(u"attachment"_s), variant);
        row.setId(Core::newId());
        row.set(u"sha256"_s, imported->sha256);
        row.set(u"size_bytes"_s, imported->size);
        const Core::Result<qint64> number = client.store->change(Core::MutationOp::Create, row, {}, {variant, 0});
        if (!number) {
            qWarning("cannot save the attachment: %s", qPrintable(number.error().context));
            return {};
        }
        return imported->sha256;
    }

    static Core::Status sendAll(Client &client)
    {
        QSignalSpy finished(client.transfer.get(), &BlobTransfer::uploadsFinished);
        client.transfer->sendUploads();
        // With nothing to send it ends at once.
        if (finished.isEmpty() && !finished.wait(20'000))
            return Error{ErrorCode::Internal, u"no end"_s};
        return finished.constFirst().constFirst().value<Core::Status>();
    }

    static Core::Status fetch(Client &client, const QString &sha256, qint64 size)
    {
        QSignalSpy finished(client.transfer.get(), &BlobTransfer::downloadFinished);
        client.transfer->download(sha256, size);
        if (finished.isEmpty() && !finished.wait(20'000))
            return Error{ErrorCode::Internal, u"no end"_s};
        return finished.constFirst().at(1).value<Core::Status>();
    }

    static std::optional<BlobTransfer::QueuedUpload> queued(const Client &client, const QString &sha256)
    {
        const QList<BlobTransfer::QueuedUpload> uploads = client.transfer->uploads().value();
        for (const BlobTransfer::QueuedUpload &upload : uploads) {
            if (upload.sha256 == sha256)
                return upload;
        }
        return std::nullopt;
    }

    static bool insertRow(Client &client, const Core::Record &row)
    {
        QSqlDatabase db = client.store->database();
        QString error;
        if (!Test::insertRecord(db, *Core::findEntity(row.type()), row, &error)) {
            qWarning("cannot insert: %s", qPrintable(error));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<Core::Status>();
    }

    void uploadSendsChunksAndEmptiesTheQueue()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(3 * kMiB + 100, 1);
        const QString sha256 = attach(*c, bytes, 1);
        QVERIFY(!sha256.isEmpty());
        QCOMPARE(c->transfer->uploadState(sha256), BlobTransfer::UploadState::Queued);
        QSignalSpy progress(c->transfer.get(), &BlobTransfer::uploadProgress);
        QVERIFY(sendAll(*c));
        QCOMPARE(c->server.stored.value(sha256), bytes);
        QCOMPARE(c->server.chunkOffsets(sha256), (QList<qint64>{0, kMiB, 2 * kMiB, 3 * kMiB}));
        // One chunk at a time, of the size clients send.
        QCOMPARE(c->server.largestChunk(), kMiB);
        QCOMPARE(c->transfer->uploads().value().size(), 0);
        QCOMPARE(c->transfer->uploadState(sha256), BlobTransfer::UploadState::None);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().at(1).toLongLong(), bytes.size());

        // A file the server holds already: nothing is sent.
        c->server.calls.clear();
        const QString again = attach(*c, bytes, 2);
        QCOMPARE(again, sha256);
        QVERIFY(sendAll(*c));
        QVERIFY(c->server.chunkOffsets(sha256).isEmpty());
        QCOMPARE(c->transfer->uploads().value().size(), 0);
    }

    void cutMidUploadResumesFromTheServersOffset()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(4 * kMiB + 5, 2);
        const QString sha256 = attach(*c, bytes, 3);
        // The network goes at the third chunk.
        c->server.fault = [](const FakeServer::Call &call) -> std::optional<Error> {
            if (call.route == u"chunk"_s && call.offset == 2 * kMiB)
                return Error{ErrorCode::ServerUnreachable, u"cut"_s};
            return std::nullopt;
        };
        const Core::Status cut = sendAll(*c);
        QVERIFY(!cut);
        QCOMPARE(cut.error().code, ErrorCode::ServerUnreachable);
        // Still queued, not failed, with the attempt counted.
        const std::optional<BlobTransfer::QueuedUpload> kept = queued(*c, sha256);
        QVERIFY(kept);
        QCOMPARE(kept->state, BlobTransfer::UploadState::Queued);
        QCOMPARE(c->store->blobUploads().value().constFirst().attempts, 1);

        c->server.fault = nullptr;
        c->server.calls.clear();
        QVERIFY(sendAll(*c));
        // From the server's 2 MiB, not from zero.
        QCOMPARE(c->server.chunkOffsets(sha256), (QList<qint64>{2 * kMiB, 3 * kMiB, 4 * kMiB}));
        QCOMPARE(c->server.stored.value(sha256), bytes);
        QVERIFY(!queued(*c, sha256));
    }

    void offsetMismatchAsksWhereTheServerStands()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(3 * kMiB, 3);
        const QString sha256 = attach(*c, bytes, 4);
        // The server holds the first MiB from a run that a restart of this
        // program forgot: the upload goes on from there.
        c->server.receiving.insert(sha256, bytes.left(kMiB));
        QVERIFY(sendAll(*c));
        QCOMPARE(c->server.stored.value(sha256), bytes);
        QCOMPARE(c->server.chunkOffsets(sha256), (QList<qint64>{kMiB, 2 * kMiB}));

        // A chunk sent at an offset the server has moved away from.
        auto d = client();
        const QString other = attach(*d, bytes, 5);
        bool moved = false;
        d->server.fault = [&moved, &d, &bytes, other](const FakeServer::Call &call) -> std::optional<Error> {
            if (call.route == u"chunk"_s && call.offset == kMiB && !moved) {
                // Meanwhile the server received two MiB from elsewhere.
                moved = true;
                d->server.receiving[other] = bytes.left(2 * kMiB);
                return Error{ErrorCode::UploadOffsetMismatch, QString::number(2 * kMiB)};
            }
            return std::nullopt;
        };
        QVERIFY(sendAll(*d));
        QCOMPARE(d->server.chunkOffsets(other), (QList<qint64>{0, kMiB, 2 * kMiB}));
        QCOMPARE(d->server.stored.value(other), bytes);
    }

    void refusedFileIsMarkedFailedAndTheNextGoes()
    {
        auto c = client();
        const QByteArray refusedBytes = pdfBytes(2 * kMiB, 4);
        const QByteArray acceptedBytes = pdfBytes(kMiB + 1, 5);
        const QString refused = attach(*c, refusedBytes, 6);
        const QString accepted = attach(*c, acceptedBytes, 7);
        c->server.refusals.insert(refused, Error{ErrorCode::FileTypeRefused, u"application/x-msdownload"_s});
        QSignalSpy changed(c->transfer.get(), &BlobTransfer::uploadQueueChanged);
        QVERIFY(sendAll(*c));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(c->server.stored.value(accepted), acceptedBytes);
        QVERIFY(!c->server.stored.contains(refused));
        const std::optional<BlobTransfer::QueuedUpload> failed = queued(*c, refused);
        QVERIFY(failed);
        QCOMPARE(failed->state, BlobTransfer::UploadState::Failed);
        QVERIFY(failed->error);
        QCOMPARE(failed->error->code, ErrorCode::FileTypeRefused);
        QCOMPARE(failed->error->context, u"application/x-msdownload"_s);
        QCOMPARE(c->transfer->uploadState(refused), BlobTransfer::UploadState::Failed);

        // A failed one is not sent again by the next run…
        c->server.calls.clear();
        QVERIFY(sendAll(*c));
        QVERIFY(c->server.calls.isEmpty());
        // …until it is retried.
        const Core::Status unknown = c->transfer->retryUpload(sha256Of("nothing"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        c->server.refusals.clear();
        QVERIFY(c->transfer->retryUpload(refused));
        QCOMPARE(c->transfer->uploadState(refused), BlobTransfer::UploadState::Queued);
        QVERIFY(sendAll(*c));
        QCOMPARE(c->server.stored.value(refused), refusedBytes);
        QCOMPARE(c->transfer->uploads().value().size(), 0);
    }

    void refusalsOfEveryKindAreFinal_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("context");
        QTest::newRow("quota") << int(ErrorCode::QuotaExceeded) << u"account"_s;
        QTest::newRow("too large") << int(ErrorCode::PayloadTooLarge) << u"blob"_s;
        QTest::newRow("forbidden") << int(ErrorCode::Forbidden) << QString();
    }

    void refusalsOfEveryKindAreFinal()
    {
        QFETCH(int, code);
        QFETCH(QString, context);
        auto c = client();
        const QString sha256 = attach(*c, pdfBytes(1000, 6), 8);
        const Error refusal{ErrorCode(code), context};
        c->server.fault = [refusal](const FakeServer::Call &call) -> std::optional<Error> {
            if (call.route == u"open"_s)
                return refusal;
            return std::nullopt;
        };
        QVERIFY(sendAll(*c));
        const std::optional<BlobTransfer::QueuedUpload> failed = queued(*c, sha256);
        QVERIFY(failed);
        QCOMPARE(failed->state, BlobTransfer::UploadState::Failed);
        QCOMPARE(failed->error.value(), refusal);
    }

    // An answer that makes no sense for one file (a server that stopped
    // between its last chunk and storing it) keeps that file queued and lets
    // the others go.
    void strangeAnswerForOneFileDoesNotHoldTheOthers()
    {
        auto c = client();
        const QString first = attach(*c, pdfBytes(1000, 11), 12);
        const QByteArray secondBytes = pdfBytes(2000, 12);
        const QString second = attach(*c, secondBytes, 13);
        c->server.fault = [first](const FakeServer::Call &call) -> std::optional<Error> {
            if (call.sha256 == first)
                return Error{ErrorCode::InvalidServerResponse, u"upload.received"_s};
            return std::nullopt;
        };
        const Core::Status status = sendAll(*c);
        QVERIFY(status);
        QCOMPARE(c->server.stored.value(second), secondBytes);
        QCOMPARE(queued(*c, first)->state, BlobTransfer::UploadState::Queued);
        QVERIFY(!queued(*c, second));
        // The next run tries it again.
        c->server.fault = {};
        QVERIFY(sendAll(*c));
        QVERIFY(c->server.stored.contains(first));
        QCOMPARE(c->transfer->uploads().value().size(), 0);
    }

    void networkErrorKeepsTheQueue()
    {
        auto c = client();
        const QString first = attach(*c, pdfBytes(1000, 7), 9);
        const QString second = attach(*c, pdfBytes(2000, 8), 10);
        c->server.fault = [](const FakeServer::Call &) -> std::optional<Error> {
            return Error{ErrorCode::ServerUnreachable, u"offline"_s};
        };
        const Core::Status status = sendAll(*c);
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::ServerUnreachable);
        // The run stopped at the first: the second was not even tried.
        QCOMPARE(c->server.calls.size(), 1);
        QCOMPARE(queued(*c, first)->state, BlobTransfer::UploadState::Queued);
        QCOMPARE(queued(*c, second)->state, BlobTransfer::UploadState::Queued);
        QVERIFY(!c->transfer->isSending());

        // The queue is in the replica: it outlives the process.
        const QString path = c->path;
        c->transfer.reset();
        c->store.reset();
        Core::Result<std::unique_ptr<ReplicaStore>> reopened = ReplicaStore::open(path, u"transfer-reopened"_s);
        QVERIFY(reopened);
        const QList<ReplicaStore::BlobUpload> uploads = reopened.value()->blobUploads().value();
        QCOMPARE(uploads.size(), 2);
        QCOMPARE(uploads.at(0).sha256, first);
        QCOMPARE(uploads.at(1).sha256, second);
    }

    void wholeFileMismatchIsSentAgainOnce()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(kMiB + 10, 9);
        const QString sha256 = attach(*c, bytes, 11);
        c->server.corruptBlobs = 1;
        QVERIFY(sendAll(*c));
        QCOMPARE(c->server.stored.value(sha256), bytes);
        QCOMPARE(c->server.chunkOffsets(sha256), (QList<qint64>{0, kMiB, 0, kMiB}));

        auto d = client();
        const QString other = attach(*d, pdfBytes(1000, 10), 12);
        d->server.corruptBlobs = 2;
        QVERIFY(sendAll(*d));
        const std::optional<BlobTransfer::QueuedUpload> failed = queued(*d, other);
        QCOMPARE(failed->state, BlobTransfer::UploadState::Failed);
        QCOMPARE(failed->error->code, ErrorCode::HashMismatch);
        QCOMPARE(d->server.chunkOffsets(other).size(), 2);
    }

    void missingFileFailsUnlessTheServerHasIt()
    {
        auto c = client();
        const QByteArray lost = pdfBytes(3000, 11);
        const QByteArray held = pdfBytes(4000, 12);
        const QString lostSha = attach(*c, lost, 13);
        const QString heldSha = attach(*c, held, 14);
        c->cache->remove(lostSha);
        c->cache->remove(heldSha);
        c->server.stored.insert(heldSha, held);
        QVERIFY(sendAll(*c));
        const std::optional<BlobTransfer::QueuedUpload> failed = queued(*c, lostSha);
        QVERIFY(failed);
        QCOMPARE(failed->state, BlobTransfer::UploadState::Failed);
        QCOMPARE(failed->error->code, ErrorCode::NotFound);
        QCOMPARE(failed->error->context, u"file.missing"_s);
        QVERIFY(!queued(*c, heldSha));
    }

    void uploadOfARemovedRowIsDropped()
    {
        auto c = client();
        const QString sha256 = attach(*c, pdfBytes(3000, 13), 15);
        const Core::Record row = c->store->select(u"attachment"_s, u"sha256 = ?"_s, {sha256}).value().constFirst();
        QVERIFY(c->store->change(Core::MutationOp::Delete, row, {}, {100, 0}));
        QVERIFY(sendAll(*c));
        QVERIFY(c->server.calls.isEmpty());
        QCOMPARE(c->transfer->uploads().value().size(), 0);
    }

    void downloadResumesFromItsPartialFile()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(3 * kMiB + 333, 14);
        const QString sha256 = sha256Of(bytes);
        c->server.stored.insert(sha256, bytes);
        // An earlier download stopped after 1.5 MiB.
        QVERIFY(QDir().mkpath(c->cache->folder()));
        QVERIFY(writeFile(c->cache->partialPath(sha256), bytes.left(kMiB + kMiB / 2)));
        QSignalSpy progress(c->transfer.get(), &BlobTransfer::downloadProgress);
        QVERIFY(fetch(*c, sha256, bytes.size()));
        QCOMPARE(c->server.rangeStarts(sha256), (QList<qint64>{kMiB + kMiB / 2, 2 * kMiB + kMiB / 2}));
        QCOMPARE(c->server.largestChunk(), kMiB);
        QCOMPARE(readFile(c->cache->path(sha256)), bytes);
        QVERIFY(!QFile::exists(c->cache->partialPath(sha256)));
        QCOMPARE(progress.constLast().at(1).toLongLong(), bytes.size());
        QCOMPARE(progress.constLast().at(2).toLongLong(), bytes.size());

        // Cached: nothing more is asked.
        c->server.calls.clear();
        c->transfer->download(sha256, bytes.size());
        QVERIFY(!c->transfer->isDownloading(sha256));
        QVERIFY(c->server.calls.isEmpty());
    }

    void downloadOfUnknownSize()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(kMiB + 1, 15);
        const QString sha256 = sha256Of(bytes);
        c->server.stored.insert(sha256, bytes);
        QVERIFY(fetch(*c, sha256, 0));
        QCOMPARE(readFile(c->cache->path(sha256)), bytes);
    }

    void corruptDownloadIsDiscarded()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(2 * kMiB + 1, 16);
        const QString sha256 = sha256Of(bytes);
        QByteArray tampered = bytes;
        tampered[kMiB + 3] = char(tampered.at(kMiB + 3) ^ 0x40);
        c->server.stored.insert(sha256, tampered);
        const Core::Status status = fetch(*c, sha256, bytes.size());
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::HashMismatch);
        QVERIFY(!c->cache->contains(sha256));
        QVERIFY(!QFile::exists(c->cache->partialPath(sha256)));
    }

    void downloadErrorsAreReported_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("not found") << int(ErrorCode::NotFound);
        QTest::newRow("pending") << int(ErrorCode::BlobPending);
        QTest::newRow("cut") << int(ErrorCode::ServerUnreachable);
    }

    void downloadErrorsAreReported()
    {
        QFETCH(int, code);
        auto c = client();
        const QByteArray bytes = pdfBytes(2 * kMiB, 17);
        const QString sha256 = sha256Of(bytes);
        c->server.stored.insert(sha256, bytes);
        // The second range fails: what came before stays for later.
        c->server.fault = [code](const FakeServer::Call &call) -> std::optional<Error> {
            if (call.route == u"range"_s && call.offset > 0)
                return Error{ErrorCode(code), {}};
            return std::nullopt;
        };
        const Core::Status status = fetch(*c, sha256, bytes.size());
        QVERIFY(!status);
        QCOMPARE(int(status.error().code), code);
        QVERIFY(!c->cache->contains(sha256));
        QCOMPARE(QFileInfo(c->cache->partialPath(sha256)).size(), kMiB);
        QVERIFY(!c->transfer->isDownloading(sha256));

        const Core::Status invalid = fetch(*c, u"../etc"_s, 10);
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().code, ErrorCode::InvalidFormat);
    }

    void cancelStopsADownload()
    {
        auto c = client();
        const QByteArray bytes = pdfBytes(3 * kMiB, 18);
        const QString sha256 = sha256Of(bytes);
        c->server.stored.insert(sha256, bytes);
        c->server.holdRanges = true;
        QSignalSpy finished(c->transfer.get(), &BlobTransfer::downloadFinished);
        c->transfer->download(sha256, bytes.size());
        QVERIFY(c->transfer->isDownloading(sha256));
        QTRY_COMPARE(c->server.held.size(), 1);
        c->transfer->cancelDownload(sha256);
        QVERIFY(!c->transfer->isDownloading(sha256));
        QCOMPARE(finished.size(), 1);
        const Core::Status status = finished.constFirst().at(1).value<Core::Status>();
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::Internal);
        QCOMPARE(status.error().context, u"cancelled"_s);
        // The answer that arrives afterwards changes nothing.
        c->server.releaseHeld();
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(QFileInfo(c->cache->partialPath(sha256)).size(), 0);
        QCOMPARE(c->server.held.size(), 0);

        // Started again, it goes to its end.
        c->server.holdRanges = false;
        QVERIFY(fetch(*c, sha256, bytes.size()));
        QCOMPARE(readFile(c->cache->path(sha256)), bytes);
    }

    void pinnedOwnersAreFetched()
    {
        auto c = client();
        const Core::EntityDef &attachments = *Core::findEntity(u"attachment"_s);
        const Core::EntityDef &documents = *Core::findEntity(u"document"_s);
        const QString homework = Core::newId();
        const QString submission = Core::newId();
        const QString folder = Core::newId();
        const QString subfolder = Core::newId();
        const QString otherFolder = Core::newId();
        QHash<QString, QByteArray> files;
        const auto pulledFile = [&](const Core::EntityDef &entity, int variant, const QString &ownerField,
                                    const QString &ownerId) {
            const QByteArray bytes = pdfBytes(1000 + variant, 100 + variant);
            const QString sha256 = sha256Of(bytes);
            files.insert(sha256, bytes);
            c->server.stored.insert(sha256, bytes);
            Core::Record row = Test::sampleRecord(entity, variant);
            row.setId(Core::newId());
            row.set(u"sha256"_s, sha256);
            row.set(u"size_bytes"_s, bytes.size());
            row.set(ownerField, ownerId);
            if (entity.type == u"attachment"_s)
                row.set(u"owner_type"_s, variant == 2 ? u"homework_submission"_s : u"homework"_s);
            return insertRow(*c, row) ? sha256 : QString();
        };
        Core::Record homeworkRow = Test::sampleRecord(*Core::findEntity(u"homework"_s), 1);
        homeworkRow.setId(homework);
        Core::Record submissionRow = Test::sampleRecord(*Core::findEntity(u"homework_submission"_s), 1);
        submissionRow.setId(submission);
        submissionRow.set(u"homework_id"_s, homework);
        Core::Record top = Test::sampleRecord(*Core::findEntity(u"document_folder"_s), 1);
        top.setId(folder);
        top.set(u"parent_id"_s, QVariant());
        Core::Record sub = top;
        sub.setId(subfolder);
        sub.set(u"parent_id"_s, folder);
        Core::Record other = top;
        other.setId(otherFolder);
        QVERIFY(insertRow(*c, homeworkRow) && insertRow(*c, submissionRow) && insertRow(*c, top) && insertRow(*c, sub)
                && insertRow(*c, other));
        const QString onHomework = pulledFile(attachments, 1, u"owner_id"_s, homework);
        const QString onSubmission = pulledFile(attachments, 2, u"owner_id"_s, submission);
        const QString elsewhere = pulledFile(attachments, 3, u"owner_id"_s, Core::newId());
        const QString inFolder = pulledFile(documents, 4, u"folder_id"_s, folder);
        const QString inSubfolder = pulledFile(documents, 5, u"folder_id"_s, subfolder);
        const QString inOther = pulledFile(documents, 6, u"folder_id"_s, otherFolder);
        QVERIFY(!onHomework.isEmpty() && !onSubmission.isEmpty() && !elsewhere.isEmpty() && !inFolder.isEmpty()
                && !inSubfolder.isEmpty() && !inOther.isEmpty());
        // Pulled rows queue nothing to send.
        QCOMPARE(c->transfer->uploads().value().size(), 0);

        QCOMPARE(c->transfer->isPinned(u"homework"_s, homework).value(), false);
        QVERIFY(c->transfer->pin(u"homework"_s, homework, true));
        QVERIFY(c->transfer->pin(u"document_folder"_s, folder, true));
        QCOMPARE(c->transfer->isPinned(u"homework"_s, homework).value(), true);
        QSet<QString> pinned;
        const QList<std::pair<QString, qint64>> blobs = c->transfer->pinnedBlobs().value();
        for (const auto &[sha256, size] : blobs) {
            pinned.insert(sha256);
            QCOMPARE(size, files.value(sha256).size());
        }
        QCOMPARE(pinned, (QSet<QString>{onHomework, onSubmission, inFolder, inSubfolder}));

        QSignalSpy done(c->transfer.get(), &BlobTransfer::pinnedFetched);
        c->transfer->fetchPinned();
        QVERIFY(done.wait(20'000));
        for (const QString &sha256 : std::as_const(pinned))
            QCOMPARE(readFile(c->cache->path(sha256)), files.value(sha256));
        QVERIFY(!c->cache->contains(elsewhere));
        QVERIFY(!c->cache->contains(inOther));

        // Unpinned, and bad pins refused with nothing stored.
        QVERIFY(c->transfer->pin(u"homework"_s, homework, false));
        QCOMPARE(c->transfer->isPinned(u"homework"_s, homework).value(), false);
        const Core::Status badType = c->transfer->pin(u"grade"_s, homework, true);
        QVERIFY(!badType);
        QCOMPARE(badType.error().code, ErrorCode::InvalidField);
        const Core::Status badId = c->transfer->pin(u"homework"_s, u"'; DROP TABLE blob_pin; --"_s, true);
        QVERIFY(!badId);
        QCOMPARE(c->store->blobPins().value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBlobTransfer)
#include "tst_blobtransfer.moc"
