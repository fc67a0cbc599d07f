#pragma once

#include "blobcache.h"
#include "blobtransport.h"

#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace Cartable::Sync {

class ReplicaStore;

// Moves one account's files between its BlobCache and the server.
//
// Uploads: a local change that names a blob (an attachment, a document, a
// report card; Core::blobReferences()) queues it in the replica, in the same
// transaction as the change (ReplicaStore). The queue survives a restart and
// is sent before the outbox at each sync, a chunk at a time, resuming where
// the server stands after a cut or a killed process. A file the server
// refuses for good (too large, refused type, quota) stays in the queue as
// failed, with its error, until it is retried or its row removed; the rows
// are pushed meanwhile, and readers see the file as pending.
//
// Downloads: on demand (with progress and cancel), and for what the user
// pinned "available offline" (a homework, a folder) after each sync. A
// download resumes from its partial file and is checked against its SHA-256
// before it enters the cache.
class BlobTransfer : public QObject
{
    Q_OBJECT

public:
    BlobTransfer(BlobTransport &transport, ReplicaStore &store, BlobCache &cache, QObject *parent = nullptr);
    ~BlobTransfer() override;

    enum class UploadState { None, Queued, Sending, Failed };
    struct QueuedUpload
    {
        QString establishmentId;
        QString sha256;
        qint64 size = 0;
        UploadState state = UploadState::Queued;
        std::optional<Core::Error> error; // why it failed
    };
    // What the queue holds, oldest first.
    [[nodiscard]] Core::Result<QList<QueuedUpload>> uploads() const;
    UploadState uploadState(const QString &sha256) const;
    // Sends the queue, one file after another; finished() when it is empty
    // or a failure stops it (a network error stops; a refused file is marked
    // failed and the next one goes). Does nothing while it runs.
    void sendUploads();
    // Puts a failed upload back in the queue.
    [[nodiscard]] Core::Status retryUpload(const QString &sha256);
    bool isSending() const { return m_sending; }
    // Stops sending, soon after the call (never from inside it): the answer
    // to the chunk in flight is ignored and the file stays queued, to resume
    // from where the server stands. uploadsFinished() says Internal with
    // context "cancelled".
    void cancelUploads();

    // Fetches a blob into the cache; does nothing if it is there or on its
    // way. `size` is the size its row gives (progress before the first
    // answer).
    void download(const QString &sha256, qint64 size);
    void cancelDownload(const QString &sha256);
    bool isDownloading(const QString &sha256) const { return m_downloads.contains(sha256); }

    // "Available offline": the files attached to a homework (and its
    // submissions the account reads), or the documents of a folder and its
    // subfolders.
    [[nodiscard]] Core::Status pin(const QString &ownerType, const QString &ownerId, bool pinned);
    [[nodiscard]] Core::Result<bool> isPinned(const QString &ownerType, const QString &ownerId) const;
    // The blobs pinned owners name (hash and size), whether cached or not.
    [[nodiscard]] Core::Result<QList<std::pair<QString, qint64>>> pinnedBlobs() const;
    // Downloads what pinned owners name and the cache lacks, one file after
    // another; does nothing while it runs.
    void fetchPinned();
    bool isFetchingPinned() const { return !m_pinnedQueue.isEmpty() || !m_pinnedCurrent.isEmpty(); }

    // Stops everything in flight (sign-out); partial files stay for later.
    void stopAll();

Q_SIGNALS:
    void uploadProgress(const QString &sha256, qint64 sent, qint64 total);
    void uploadsFinished(const Cartable::Core::Status &status);
    void uploadQueueChanged();
    void downloadProgress(const QString &sha256, qint64 received, qint64 total);
    // OK once the blob is in the cache; the error otherwise (Internal with
    // context "cancelled" after cancelDownload()).
    void downloadFinished(const QString &sha256, const Cartable::Core::Status &status);

    // Emitted once fetchPinned() has gone through its list.
    void pinnedFetched();

private:
    struct Download;
    struct Upload;

    // Uploads (the queue in the replica, one entry at a time).
    void nextUpload();
    void openCurrent();
    void sendChunkAt(qint64 offset);
    void onUploadAnswer(const Core::Result<Core::UploadStatus> &answer, qint64 sentAt);
    void onUploadError(const Core::Error &error);
    void uploadDone();
    void uploadFailed(const Core::Error &error);
    void endUploads(const Core::Status &status);
    // Downloads, a range at a time.
    void requestRange(const std::shared_ptr<Download> &download);
    void onRange(const std::shared_ptr<Download> &download, Core::Result<BlobTransport::Range> answer);
    void checkAndAdopt(const std::shared_ptr<Download> &download);
    void endDownload(const std::shared_ptr<Download> &download, const Core::Status &status);
    void fetchNextPinned();

    BlobTransport &m_transport;
    ReplicaStore &m_store;
    BlobCache &m_cache;
    bool m_sending = false;
    // Counts upload runs, so that an answer to a stopped one is told apart.
    quint64 m_uploadRun = 0;
    std::unique_ptr<Upload> m_current;
    // Entries tried in this run: each goes once.
    QSet<QString> m_tried;
    QHash<QString, std::shared_ptr<Download>> m_downloads;
    QList<std::pair<QString, qint64>> m_pinnedQueue;
    QString m_pinnedCurrent;
};

} // namespace Cartable::Sync
