#pragma once

#include "core/protocol/mutation.h"
#include "core/result.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Cartable::Sync {

class ApiClient;
class BlobTransfer;
class ReplicaStore;
class Session;
class SyncTransport;

// One sync of a replica with the server: the outbox is pushed, oldest first,
// in batches, then the feed is pulled page by page until it has nothing
// more; the next batch or page is asked for while the last answer is
// written. Every page
// is applied in one transaction, so a sync cut anywhere (a lost network, a
// cancel, a killed process) resumes from the last page applied. Never
// blocks; reports progress as it goes.
//
// With a BlobTransfer, the files that local changes name go up before the
// outbox (a file the server refuses is marked failed and the sync goes on;
// a cut stops the sync as a failed push would), and once the pull is done
// the files pinned "available offline" are fetched in the background,
// after finished().
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    // Syncs over HTTP as the session's signed-in account.
    SyncEngine(Session &session, ApiClient &api, ReplicaStore &store, QObject *parent = nullptr);
    // Syncs through `transport`, which must outlive the engine.
    SyncEngine(SyncTransport &transport, ReplicaStore &store, QObject *parent = nullptr);
    ~SyncEngine() override;

    bool isRunning() const { return m_running; }
    // Starts a sync; does nothing while one runs.
    void start();
    // Stops after the request in flight; finished() then says Cancelled.
    void cancel();

    // The largest page asked for (changes); the first pages of a sync are
    // smaller.
    void setPageSize(int changes) { m_pageSize = qMax(1, changes); }
    // The files of the replica's account; none by default (the rows only).
    void setBlobTransfer(BlobTransfer *transfer);

Q_SIGNALS:
    void progress(int pagesPulled, qint64 changesPulled, qint64 mutationsPushed);
    // OK, or the error that stopped it (NetworkError, SessionExpired, …, or
    // Internal with context "cancelled").
    void finished(const Cartable::Core::Status &status);

private:
    void sendUploads();
    void pushNext();
    void sendBatch(const Core::PushBatch &batch);
    void pullNext();
    void requestPage(const QString &cursor, bool reset = false);
    void stop(const Core::Status &status);

    std::unique_ptr<SyncTransport> m_ownTransport;
    SyncTransport &m_transport;
    ReplicaStore &m_store;
    QPointer<BlobTransfer> m_blobs;
    QMetaObject::Connection m_uploadsDone;
    bool m_running = false;
    // Counts stopped syncs, so that an answer to one is told from the next's.
    quint64 m_run = 0;
    bool m_cancelled = false;
    static constexpr int kFirstPageSize = 1000;
    int m_pageSize = 5000;
    int m_limit = kFirstPageSize;
    int m_pages = 0;
    qint64 m_changes = 0;
    qint64 m_pushed = 0;
};

} // namespace Cartable::Sync
