#include "filestates.h"

#include "workspace/workspace.h"

#include "core/protocol/blobs.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"

namespace Cartable::Workspace {

using namespace Qt::StringLiterals;

FileStates::FileStates(Sync::BlobCache &cache, Sync::BlobTransfer &transfers, QObject *parent)
    : QObject(parent), m_cache(cache), m_transfers(transfers)
{
    connect(&transfers, &Sync::BlobTransfer::uploadProgress, this, &FileStates::onUploadProgress);
    connect(&transfers, &Sync::BlobTransfer::downloadProgress, this, &FileStates::onDownloadProgress);
    connect(&transfers, &Sync::BlobTransfer::downloadFinished, this, &FileStates::onDownloadFinished);
    connect(&transfers, &Sync::BlobTransfer::uploadQueueChanged, this, &FileStates::onQueueChanged);
    connect(&transfers, &Sync::BlobTransfer::uploadsFinished, this, &FileStates::onQueueChanged);
}

FileState FileStates::state(const QString &sha256, qint64 size) const
{
    FileState state;
    state.total = size;
    switch (m_transfers.uploadState(sha256)) {
    case Sync::BlobTransfer::UploadState::Queued:
        state.kind = FileState::Kind::WaitingToSend;
        return state;
    case Sync::BlobTransfer::UploadState::Sending: {
        state.kind = FileState::Kind::Sending;
        const QPair<qint64, qint64> sent = m_sent.value(sha256, {0, size});
        state.done = sent.first;
        state.total = sent.second > 0 ? sent.second : size;
        return state;
    }
    case Sync::BlobTransfer::UploadState::Failed: {
        state.kind = FileState::Kind::SendFailed;
        if (const Core::Result<QList<Sync::BlobTransfer::QueuedUpload>> queue = m_transfers.uploads(); queue) {
            for (const Sync::BlobTransfer::QueuedUpload &upload : *queue) {
                if (upload.sha256 == sha256)
                    state.error = upload.error;
            }
        }
        return state;
    }
    case Sync::BlobTransfer::UploadState::None:
        break;
    }
    if (m_transfers.isDownloading(sha256)) {
        state.kind = FileState::Kind::Downloading;
        const QPair<qint64, qint64> received = m_received.value(sha256, {0, size});
        state.done = received.first;
        state.total = received.second > 0 ? received.second : size;
        return state;
    }
    state.kind = m_cache.contains(sha256) ? FileState::Kind::Here : FileState::Kind::NotDownloaded;
    return state;
}

FileStates::QueueCounts FileStates::queueCounts() const
{
    QueueCounts counts;
    const Core::Result<QList<Sync::BlobTransfer::QueuedUpload>> queue = m_transfers.uploads();
    if (!queue)
        return counts;
    for (const Sync::BlobTransfer::QueuedUpload &upload : *queue) {
        if (upload.state == Sync::BlobTransfer::UploadState::Failed) {
            ++counts.failed;
            if (upload.error)
                counts.lastError = upload.error;
        } else {
            ++counts.waiting;
        }
    }
    return counts;
}

bool FileStates::isNamed(const Workspace &workspace, const QString &sha256)
{
    for (const Core::BlobReference &reference : Core::blobReferences()) {
        if (!workspace.select(reference.entity, reference.hashField + u" = ?"_s, {sha256}).isEmpty())
            return true;
    }
    return false;
}

void FileStates::onUploadProgress(const QString &sha256, qint64 sent, qint64 total)
{
    m_sent.insert(sha256, {sent, total});
    Q_EMIT fileChanged(sha256);
}

void FileStates::onDownloadProgress(const QString &sha256, qint64 received, qint64 total)
{
    m_received.insert(sha256, {received, total});
    Q_EMIT fileChanged(sha256);
}

void FileStates::onDownloadFinished(const QString &sha256, const Core::Status &status)
{
    m_received.remove(sha256);
    Q_EMIT fileChanged(sha256);
    Q_EMIT downloadFinished(sha256, status);
}

void FileStates::onQueueChanged()
{
    // Finished uploads leave the queue: their progress is no longer needed.
    QHash<QString, QPair<qint64, qint64>> sending;
    for (auto it = m_sent.cbegin(); it != m_sent.cend(); ++it) {
        if (m_transfers.uploadState(it.key()) == Sync::BlobTransfer::UploadState::Sending)
            sending.insert(it.key(), it.value());
    }
    const QStringList changed = m_sent.keys();
    m_sent = sending;
    Q_EMIT queueChanged();
    for (const QString &sha256 : changed)
        Q_EMIT fileChanged(sha256);
}

} // namespace Cartable::Workspace
