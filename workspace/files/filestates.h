#pragma once

#include "core/result.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>

#include <optional>

namespace Cartable::Sync {
class BlobCache;
class BlobTransfer;
} // namespace Cartable::Sync

namespace Cartable::Workspace {

class Workspace;

// Where a file named by a row stands on this computer.
struct FileState
{
    enum class Kind {
        Here,          // its bytes are on this computer
        NotDownloaded, // on the server only
        Downloading,   // done of total bytes received
        WaitingToSend, // added here, queued for the server
        Sending,       // done of total bytes sent
        SendFailed,    // refused by the server or stopped; see error
    };
    Kind kind = Kind::NotDownloaded;
    qint64 done = 0;
    qint64 total = 0;
    std::optional<Core::Error> error;

    bool isHere() const { return kind == Kind::Here || isOutgoing(); }
    bool isOutgoing() const { return kind == Kind::WaitingToSend || kind == Kind::Sending || kind == Kind::SendFailed; }
};

// The state of the account's files, for the screens that list them: follows
// the file cache and the transfers, and says when a file's state changed.
class FileStates : public QObject
{
    Q_OBJECT

public:
    FileStates(Sync::BlobCache &cache, Sync::BlobTransfer &transfers, QObject *parent = nullptr);

    Sync::BlobCache &cache() const { return m_cache; }
    Sync::BlobTransfer &transfers() const { return m_transfers; }

    // The state of the file with this SHA-256, whose row gives `size`.
    FileState state(const QString &sha256, qint64 size) const;

    // The upload queue, counted: files waiting (or being sent), and files
    // the server refused or that stopped with an error.
    struct QueueCounts
    {
        int waiting = 0;
        int failed = 0;
        std::optional<Core::Error> lastError;
    };
    QueueCounts queueCounts() const;

    // Whether a row of the replica still names the file (an attachment, a
    // document, a report card): its bytes stay on this computer meanwhile.
    static bool isNamed(const Workspace &workspace, const QString &sha256);

Q_SIGNALS:
    // The state of this file changed.
    void fileChanged(const QString &sha256);
    // The upload queue changed (a file queued, sent, failed or retried).
    void queueChanged();
    // A download ended: the file is here (OK), or why not.
    void downloadFinished(const QString &sha256, const Cartable::Core::Status &status);

private:
    void onUploadProgress(const QString &sha256, qint64 sent, qint64 total);
    void onDownloadProgress(const QString &sha256, qint64 received, qint64 total);
    void onDownloadFinished(const QString &sha256, const Core::Status &status);
    void onQueueChanged();

    Sync::BlobCache &m_cache;
    Sync::BlobTransfer &m_transfers;
    QHash<QString, QPair<qint64, qint64>> m_sent;     // sha256 → sent, total
    QHash<QString, QPair<qint64, qint64>> m_received; // sha256 → received, total
};

} // namespace Cartable::Workspace
