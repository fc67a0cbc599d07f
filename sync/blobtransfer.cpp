#include "blobtransfer.h"

#include "privatefiles.h"
#include "replicastore.h"

#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcTransfer, "cartable.sync.blobtransfer")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

// Times in a row an upload may be asked again without a byte getting
// through (an offset the server moved, an upload it dropped) before the run
// stops.
constexpr int kMaxReopens = 3;

QString uploadKey(const QString &establishmentId, const QString &sha256)
{
    return establishmentId + u'/' + sha256;
}

// Refused for good: asking again would get the same answer.
bool isRefusal(ErrorCode code)
{
    switch (code) {
    case ErrorCode::QuotaExceeded:
    case ErrorCode::FileTypeRefused:
    case ErrorCode::PayloadTooLarge:
    case ErrorCode::Forbidden:
        return true;
    default:
        return false;
    }
}

Error cancelled()
{
    return Error{ErrorCode::Internal, u"cancelled"_s};
}

} // namespace

struct BlobTransfer::Upload
{
    QString establishmentId;
    QString sha256;
    qint64 size = 0;
    QString uploadId;
    qint64 chunkBytes = Core::kBlobChunkBytes;
    bool hashRetried = false;
    int reopens = 0;
};

struct BlobTransfer::Download
{
    QString sha256;
    QString partial;
    qint64 total = 0; // 0 until known
    qint64 received = 0;
    bool restarted = false;
};

BlobTransfer::BlobTransfer(BlobTransport &transport, ReplicaStore &store, BlobCache &cache, QObject *parent)
    : QObject(parent), m_transport(transport), m_store(store), m_cache(cache)
{
}

BlobTransfer::~BlobTransfer() = default;

Core::Result<QList<BlobTransfer::QueuedUpload>> BlobTransfer::uploads() const
{
    const Core::Result<QList<ReplicaStore::BlobUpload>> queue = m_store.blobUploads();
    if (!queue)
        return queue.error();
    QList<QueuedUpload> uploads;
    for (const ReplicaStore::BlobUpload &entry : *queue) {
        QueuedUpload upload{entry.establishmentId, entry.sha256, entry.size, UploadState::Queued, entry.error};
        if (entry.failed)
            upload.state = UploadState::Failed;
        else if (m_current && m_current->establishmentId == entry.establishmentId && m_current->sha256 == entry.sha256)
            upload.state = UploadState::Sending;
        uploads.append(upload);
    }
    return uploads;
}

BlobTransfer::UploadState BlobTransfer::uploadState(const QString &sha256) const
{
    if (m_current && m_current->sha256 == sha256)
        return UploadState::Sending;
    const Core::Result<QList<ReplicaStore::BlobUpload>> queue = m_store.blobUploads();
    if (!queue)
        return UploadState::None;
    UploadState state = UploadState::None;
    for (const ReplicaStore::BlobUpload &entry : *queue) {
        if (entry.sha256 != sha256)
            continue;
        if (!entry.failed)
            return UploadState::Queued;
        state = UploadState::Failed;
    }
    return state;
}

void BlobTransfer::sendUploads()
{
    if (m_sending)
        return;
    m_sending = true;
    m_tried.clear();
    nextUpload();
}

Core::Status BlobTransfer::retryUpload(const QString &sha256)
{
    const Core::Result<int> retried = m_store.retryBlobUpload(sha256);
    if (!retried)
        return retried.error();
    if (*retried == 0)
        return Error{ErrorCode::NotFound, u"upload"_s};
    Q_EMIT uploadQueueChanged();
    return {};
}

void BlobTransfer::nextUpload()
{
    for (;;) {
        const Core::Result<QList<ReplicaStore::BlobUpload>> queue = m_store.blobUploads();
        if (!queue)
            return endUploads(queue.error());
        const ReplicaStore::BlobUpload *next = nullptr;
        for (const ReplicaStore::BlobUpload &entry : *queue) {
            if (!entry.failed && !m_tried.contains(uploadKey(entry.establishmentId, entry.sha256))) {
                next = &entry;
                break;
            }
        }
        if (!next)
            return endUploads({});
        m_tried.insert(uploadKey(next->establishmentId, next->sha256));
        // A row removed since: nobody needs its file on the server.
        const Core::Result<bool> named = m_store.namesBlob(next->establishmentId, next->sha256);
        if (!named)
            return endUploads(named.error());
        if (!*named) {
            if (Core::Status removed = m_store.removeBlobUpload(next->establishmentId, next->sha256); !removed)
                return endUploads(removed);
            Q_EMIT uploadQueueChanged();
            continue;
        }
        m_current = std::make_unique<Upload>();
        m_current->establishmentId = next->establishmentId;
        m_current->sha256 = next->sha256;
        const QString local = m_cache.path(next->sha256);
        // The bytes say how large the file is; the row may be older.
        m_current->size = local.isEmpty() ? next->size : QFileInfo(local).size();
        Q_EMIT uploadQueueChanged();
        return openCurrent();
    }
}

void BlobTransfer::openCurrent()
{
    QPointer<BlobTransfer> self(this);
    const quint64 run = m_uploadRun;
    const Core::UploadRequest request{m_current->establishmentId, m_current->sha256, m_current->size};
    m_current->uploadId.clear();
    m_transport.openUpload(request, [this, self, run](Core::Result<Core::UploadStatus> answer) {
        if (!self || run != m_uploadRun || !m_current)
            return;
        onUploadAnswer(answer, -1);
    });
}

void BlobTransfer::onUploadAnswer(const Core::Result<Core::UploadStatus> &answer, qint64 sentAt)
{
    if (!answer)
        return onUploadError(answer.error());
    const Core::UploadStatus &status = *answer;
    if (status.complete)
        return uploadDone();
    if (status.uploadId.isEmpty() || status.received < 0 || status.received >= m_current->size)
        return onUploadError(Error{ErrorCode::InvalidServerResponse, u"upload.received"_s});
    if (sentAt >= 0 && status.received <= sentAt) {
        // The chunk did not move the upload on.
        if (++m_current->reopens > kMaxReopens)
            return onUploadError(Error{ErrorCode::InvalidServerResponse, u"upload.received"_s});
    } else if (sentAt >= 0) {
        m_current->reopens = 0;
    }
    m_current->uploadId = status.uploadId;
    m_current->chunkBytes = qBound(qint64(1), status.chunkBytes, Core::kMaxBlobChunkBytes);
    Q_EMIT uploadProgress(m_current->sha256, status.received, m_current->size);
    sendChunkAt(status.received);
}

void BlobTransfer::sendChunkAt(qint64 offset)
{
    const QString local = m_cache.path(m_current->sha256);
    if (local.isEmpty())
        return uploadFailed(Error{ErrorCode::NotFound, u"file.missing"_s});
    QFile file(local);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return uploadFailed(Error{ErrorCode::NotFound, u"file.unreadable"_s});
    // One chunk in memory at a time.
    const QByteArray bytes = file.read(qMin(m_current->chunkBytes, m_current->size - offset));
    if (bytes.isEmpty())
        return uploadFailed(Error{ErrorCode::NotFound, u"file.unreadable"_s});
    QPointer<BlobTransfer> self(this);
    const quint64 run = m_uploadRun;
    m_transport.sendChunk(m_current->uploadId, offset, bytes,
                          [this, self, run, offset](Core::Result<Core::UploadStatus> answer) {
                              if (!self || run != m_uploadRun || !m_current)
                                  return;
                              onUploadAnswer(answer, offset);
                          });
}

void BlobTransfer::onUploadError(const Error &error)
{
    qCInfo(lcTransfer) << "upload answer:" << Core::errorCodeName(error.code) << error.context;
    const bool reopen = error.code == ErrorCode::UploadOffsetMismatch
                        || (error.code == ErrorCode::HashMismatch && error.context == u"chunk"_s)
                        || (error.code == ErrorCode::NotFound && !m_current->uploadId.isEmpty());
    if (reopen) {
        // Where the server stands, asked again.
        if (++m_current->reopens > kMaxReopens)
            return uploadFailed(error);
        return openCurrent();
    }
    if (error.code == ErrorCode::HashMismatch) {
        // The server dropped the upload: once more from zero.
        if (m_current->hashRetried)
            return uploadFailed(error);
        m_current->hashRetried = true;
        return openCurrent();
    }
    if (isRefusal(error.code))
        return uploadFailed(error);
    // A cut, or an answer that says nothing: the entry stays for the next run.
    if (Core::Status counted = m_store.countBlobUploadAttempt(m_current->establishmentId, m_current->sha256);
        !counted) {
        qCWarning(lcTransfer) << "cannot count the attempt:" << counted.error().context;
    }
    // Without the network or the session nothing else would go either; a
    // strange answer about one file does not hold the others back.
    switch (error.code) {
    case ErrorCode::ServerUnreachable:
    case ErrorCode::NetworkError:
    case ErrorCode::SessionExpired:
    case ErrorCode::Unauthenticated:
    case ErrorCode::NotSignedIn:
    case ErrorCode::DatabaseError:
    case ErrorCode::TooManyAttempts:
        return endUploads(error);
    default:
        m_current.reset();
        return nextUpload();
    }
}

void BlobTransfer::uploadDone()
{
    const QString sha256 = m_current->sha256;
    const qint64 size = m_current->size;
    const Core::Status removed = m_store.removeBlobUpload(m_current->establishmentId, sha256);
    m_current.reset();
    if (!removed)
        return endUploads(removed);
    Q_EMIT uploadProgress(sha256, size, size);
    Q_EMIT uploadQueueChanged();
    nextUpload();
}

void BlobTransfer::uploadFailed(const Error &error)
{
    qCInfo(lcTransfer) << "upload refused:" << Core::errorCodeName(error.code) << error.context;
    const Core::Status marked = m_store.failBlobUpload(m_current->establishmentId, m_current->sha256, error);
    m_current.reset();
    if (!marked)
        return endUploads(marked);
    Q_EMIT uploadQueueChanged();
    nextUpload();
}

void BlobTransfer::endUploads(const Core::Status &status)
{
    m_sending = false;
    ++m_uploadRun;
    const bool wasSending = m_current != nullptr;
    m_current.reset();
    m_tried.clear();
    if (wasSending)
        Q_EMIT uploadQueueChanged();
    Q_EMIT uploadsFinished(status);
}

void BlobTransfer::download(const QString &sha256, qint64 size)
{
    if (m_downloads.contains(sha256) || m_cache.contains(sha256))
        return;
    if (!Core::isSha256Hex(sha256)) {
        QMetaObject::invokeMethod(
            this,
            [this, sha256] {
                Q_EMIT downloadFinished(sha256, Core::Status(ErrorCode::InvalidFormat, u"blob.sha256"_s));
            },
            Qt::QueuedConnection);
        return;
    }
    auto download = std::make_shared<Download>();
    download->sha256 = sha256;
    download->partial = m_cache.partialPath(sha256);
    download->total = qMax(qint64(0), size);
    m_downloads.insert(sha256, download);
    if (Core::Status made = PrivateFiles::makeFolder(m_cache.folder()); !made) {
        QMetaObject::invokeMethod(
            this, [this, download] { endDownload(download, Core::Status(ErrorCode::DatabaseError, u"file.cache"_s)); },
            Qt::QueuedConnection);
        return;
    }
    // What an earlier download left: it goes on from there.
    download->received = QFileInfo(download->partial).size();
    if (download->total > 0 && download->received > download->total) {
        QFile::remove(download->partial);
        download->received = 0;
    }
    if (download->total > 0 && download->received == download->total) {
        QMetaObject::invokeMethod(
            this, [this, download] { checkAndAdopt(download); }, Qt::QueuedConnection);
        return;
    }
    requestRange(download);
}

void BlobTransfer::requestRange(const std::shared_ptr<Download> &download)
{
    const qint64 first = download->received;
    qint64 last = first + Core::kBlobChunkBytes - 1;
    if (download->total > 0)
        last = qMin(last, download->total - 1);
    QPointer<BlobTransfer> self(this);
    m_transport.fetchRange(download->sha256, first, last,
                           [this, self, download](Core::Result<BlobTransport::Range> answer) {
                               // Cancelled, or stopped, since.
                               if (!self || m_downloads.value(download->sha256) != download)
                                   return;
                               onRange(download, std::move(answer));
                           });
}

void BlobTransfer::onRange(const std::shared_ptr<Download> &download, Core::Result<BlobTransport::Range> answer)
{
    if (!answer) {
        // A partial file longer than the blob: started again, once.
        if (answer.error().code == ErrorCode::RangeNotSatisfiable && download->received > 0 && !download->restarted) {
            download->restarted = true;
            QFile::remove(download->partial);
            download->received = 0;
            download->total = 0;
            return requestRange(download);
        }
        return endDownload(download, answer.error());
    }
    const BlobTransport::Range &range = *answer;
    if (range.first != download->received || range.bytes.isEmpty() || range.total < 1
        || range.first + range.bytes.size() > range.total) {
        return endDownload(download, Core::Status(ErrorCode::InvalidServerResponse, u"blob.range"_s));
    }
    download->total = range.total;
    if (Core::Status made = PrivateFiles::makeFile(download->partial); !made)
        return endDownload(download, Core::Status(ErrorCode::DatabaseError, u"file.cache"_s));
    QFile partial(download->partial);
    if (!partial.open(QIODevice::WriteOnly | QIODevice::Append) || partial.size() != download->received
        || partial.write(range.bytes) != range.bytes.size() || !partial.flush()) {
        return endDownload(download, Core::Status(ErrorCode::DatabaseError, u"file.cache"_s));
    }
    partial.close();
    download->received += range.bytes.size();
    Q_EMIT downloadProgress(download->sha256, download->received, download->total);
    if (download->received < download->total)
        return requestRange(download);
    checkAndAdopt(download);
}

void BlobTransfer::checkAndAdopt(const std::shared_ptr<Download> &download)
{
    if (m_downloads.value(download->sha256) != download)
        return;
    QFile partial(download->partial);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!partial.open(QIODevice::ReadOnly) || !hash.addData(&partial))
        return endDownload(download, Core::Status(ErrorCode::DatabaseError, u"file.cache"_s));
    partial.close();
    if (QString::fromLatin1(hash.result().toHex()) != download->sha256) {
        QFile::remove(download->partial);
        return endDownload(download, Core::Status(ErrorCode::HashMismatch, u"blob"_s));
    }
    endDownload(download, m_cache.adopt(download->sha256, download->partial));
}

void BlobTransfer::endDownload(const std::shared_ptr<Download> &download, const Core::Status &status)
{
    if (m_downloads.value(download->sha256) != download)
        return;
    m_downloads.remove(download->sha256);
    if (!status)
        qCInfo(lcTransfer) << "download stopped:" << Core::errorCodeName(status.error().code) << status.error().context;
    Q_EMIT downloadFinished(download->sha256, status);
    if (download->sha256 == m_pinnedCurrent) {
        m_pinnedCurrent.clear();
        fetchNextPinned();
    }
}

void BlobTransfer::cancelDownload(const QString &sha256)
{
    const std::shared_ptr<Download> download = m_downloads.value(sha256);
    if (download)
        endDownload(download, cancelled());
}

Core::Status BlobTransfer::pin(const QString &ownerType, const QString &ownerId, bool pinned)
{
    return m_store.setBlobPin(ownerType, ownerId, pinned);
}

Core::Result<bool> BlobTransfer::isPinned(const QString &ownerType, const QString &ownerId) const
{
    return m_store.isBlobPinned(ownerType, ownerId);
}

Core::Result<QList<std::pair<QString, qint64>>> BlobTransfer::pinnedBlobs() const
{
    const Core::Result<QList<std::pair<QString, QString>>> pins = m_store.blobPins();
    if (!pins)
        return pins.error();
    QList<std::pair<QString, qint64>> blobs;
    QSet<QString> seen;
    const auto collect = [&](const Core::Result<QList<Core::Record>> &rows) -> Core::Status {
        if (!rows)
            return rows.error();
        for (const Core::Record &row : *rows) {
            const QString sha256 = row.text(u"sha256"_s);
            if (Core::isSha256Hex(sha256) && !seen.contains(sha256)) {
                seen.insert(sha256);
                blobs.append({sha256, row.value(u"size_bytes"_s).toLongLong()});
            }
        }
        return {};
    };
    for (const auto &[ownerType, ownerId] : *pins) {
        Core::Status found;
        if (ownerType == u"homework"_s) {
            found = collect(m_store.select(u"attachment"_s,
                                           u"(owner_type = 'homework' AND owner_id = ?) OR (owner_type = "
                                           "'homework_submission' AND owner_id IN "
                                           "(SELECT id FROM homework_submission WHERE homework_id = ?))"_s,
                                           {ownerId, ownerId}, u"id"_s));
        } else if (ownerType == u"document_folder"_s) {
            found = collect(m_store.select(u"document"_s,
                                           u"folder_id IN (WITH RECURSIVE tree(id) AS (SELECT ? UNION "
                                           "SELECT f.id FROM document_folder f JOIN tree ON f.parent_id = tree.id) "
                                           "SELECT id FROM tree)"_s,
                                           {ownerId}, u"id"_s));
        }
        if (!found)
            return found.error();
    }
    return blobs;
}

void BlobTransfer::fetchPinned()
{
    if (isFetchingPinned())
        return;
    const Core::Result<QList<std::pair<QString, qint64>>> blobs = pinnedBlobs();
    if (!blobs) {
        qCWarning(lcTransfer) << "cannot list the pinned files:" << blobs.error().context;
        return;
    }
    for (const auto &blob : *blobs) {
        if (!m_cache.contains(blob.first))
            m_pinnedQueue.append(blob);
    }
    fetchNextPinned();
}

void BlobTransfer::fetchNextPinned()
{
    // One file after another: memory stays one chunk whatever is pinned.
    while (!m_pinnedQueue.isEmpty()) {
        const auto [sha256, size] = m_pinnedQueue.takeFirst();
        if (m_cache.contains(sha256) || m_downloads.contains(sha256))
            continue;
        m_pinnedCurrent = sha256;
        download(sha256, size);
        return;
    }
    Q_EMIT pinnedFetched();
}

void BlobTransfer::cancelUploads()
{
    if (!m_sending)
        return;
    const quint64 run = m_uploadRun;
    QTimer::singleShot(0, this, [this, run] {
        if (m_sending && run == m_uploadRun)
            endUploads(cancelled());
    });
}

void BlobTransfer::stopAll()
{
    m_pinnedQueue.clear();
    m_pinnedCurrent.clear();
    const QList<std::shared_ptr<Download>> downloads = m_downloads.values();
    for (const std::shared_ptr<Download> &download : downloads)
        endDownload(download, cancelled());
    if (m_sending)
        endUploads(cancelled());
}

} // namespace Cartable::Sync
