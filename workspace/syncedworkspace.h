#pragma once

#include "core/result.h"
#include "core/userprofile.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace Cartable::Sync {
class ApiClient;
class BlobCache;
class BlobTransfer;
class ConnectivityMonitor;
class NudgeListener;
class ReplicaStore;
class Session;
class SessionBlobTransport;
class SyncEngine;
class SyncScheduler;
} // namespace Cartable::Sync

namespace Cartable::Workspace {

class Workspace;

// Everything a signed-in account works with on this computer: its replica
// file, the workspace the screens read and write, and the sync that keeps
// both in step with the server (at start, after local changes, on the
// server's nudge, when the network comes back). It says what the status
// area shows: syncing or not, how far, how many changes wait, when the last
// sync succeeded.
class SyncedWorkspace : public QObject
{
    Q_OBJECT

public:
    ~SyncedWorkspace() override;

    // Opens (creating it if needed) the replica of the session's account in
    // `replicaDirectory`, one file per server and login
    // (Sync::ReplicaFiles), readable by the user alone.
    [[nodiscard]] static Core::Result<std::unique_ptr<SyncedWorkspace>> open(Sync::Session &session,
                                                                             Sync::ApiClient &api,
                                                                             Sync::ConnectivityMonitor *monitor,
                                                                             const QString &replicaDirectory);

    Workspace &workspace() const { return *m_workspace; }
    Sync::ReplicaStore &store() const { return *m_store; }
    Sync::SyncScheduler &scheduler() const { return *m_scheduler; }
    // The account's files on this computer, and their way to and from the
    // server (uploads go before the outbox at each sync).
    Sync::BlobCache &blobs() const { return *m_blobs; }
    Sync::BlobTransfer &transfers() const { return *m_transfers; }
    QString replicaPath() const { return m_path; }

    // Starts syncing (and listening for nudges).
    void start();
    // Stops syncing; the replica and its outbox stay.
    void stop();
    // A sync now, or cancelling the one that runs (it resumes later from
    // the last page applied).
    void syncNow();
    void cancelSync();

    bool isSyncing() const { return m_syncing; }
    bool isFirstSync() const { return m_firstSync; }
    qint64 pendingCount() const { return m_pending; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    // The error of the last sync, if it failed.
    std::optional<Core::Error> lastError() const { return m_lastError; }

Q_SIGNALS:
    // Anything the status area shows changed.
    void statusChanged();
    void progress(int pages, qint64 changes, qint64 pushed);

private:
    SyncedWorkspace(Sync::Session &session, Sync::ApiClient &api, std::unique_ptr<Sync::ReplicaStore> store,
                    QString path);

    void refreshPending();
    void onFinished(const Core::Status &status);

    QPointer<Sync::Session> m_session;
    QString m_path;
    std::unique_ptr<Sync::ReplicaStore> m_store;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Sync::BlobCache> m_blobs;
    std::unique_ptr<Sync::SessionBlobTransport> m_blobTransport;
    std::unique_ptr<Sync::BlobTransfer> m_transfers;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    std::unique_ptr<Sync::SyncScheduler> m_scheduler;
    std::unique_ptr<Sync::NudgeListener> m_nudges;
    bool m_syncing = false;
    bool m_firstSync = false;
    bool m_pulledSomething = false;
    qint64 m_pending = 0;
    QDateTime m_lastSuccess;
    std::optional<Core::Error> m_lastError;
};

} // namespace Cartable::Workspace
