#pragma once

#include "simnet.h"

#include "core/domain/record.h"
#include "core/protocol/mutation.h"
#include "core/userprofile.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace Cartable::Sync {
class BlobCache;
class BlobTransfer;
class ReplicaStore;
class SyncEngine;
} // namespace Cartable::Sync
namespace Cartable::Workspace {
class AttachmentStore;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Chaos {

// Who a simulated device belongs to.
struct Actor
{
    QString accountId;
    QString login;
    QString role; // the role code the device acts in: teacher, guardian, …
    QString personId;
    Core::UserProfile profile;
};

// One change a device saved, as the reference model keeps it.
struct Written
{
    int device = 0;
    QString clientId;
    qint64 number = 0;
    Core::MutationOp op = Core::MutationOp::Update;
    QString type;
    QString id;
    QHash<QString, QVariant> values; // the fields it set
    qint64 baseVersion = 0;
    qint64 madeAt = 0; // simulated time
};

// The files of a run, as the reference model keeps them: the bytes of every
// file a device attached, by SHA-256, and what the devices saw of them.
struct FileModel
{
    QString folder; // where a file is written before it is attached
    QHash<QString, QByteArray> bytes;
    qint64 attached = 0;
    qint64 downloaded = 0;
    qint64 downloadsFailed = 0;
    // Seen as they happened: a download that ended with other bytes.
    QStringList violations;
};

struct DeviceStats
{
    qint64 changes = 0;
    qint64 refusedLocally = 0;
    qint64 crashes = 0;
    qint64 syncsStarted = 0;
    qint64 syncsDone = 0;
    qint64 restores = 0;
};

// One client process of one account: its replica file, the workspace its
// screens would write through, and its sync engine on the simulated network.
// It can crash at any moment between two transactions and come back from its
// file; its clock runs off the simulated time by its own skew.
class Device
{
public:
    Device(int index, Actor actor, QString replicaPath, Network &network, Scheduler &scheduler);
    ~Device();

    [[nodiscard]] Core::Status open();
    // Kills the process: the sync in flight and everything in memory are
    // lost, the replica file stays.
    void crash();
    [[nodiscard]] Core::Status restart();

    int index() const { return m_index; }
    const Actor &actor() const { return m_actor; }
    QString clientId() const;
    Sync::ReplicaStore &store() { return *m_store; }
    Workspace::Workspace &workspace() { return *m_workspace; }

    bool online = true;
    qint64 skewMillis = 0;
    qint64 localMillis() const { return m_scheduler.now() + skewMillis; }

    void startSync(int pageSize);
    bool syncing() const;
    // The outcome of the last sync that ended.
    const Core::Status &lastSync() const { return m_lastSync; }
    qint64 pending() const;

    // One random piece of work its user would do, written to the replica
    // and to `log`.
    void work(Rng &rng, QList<Written> &log);
    // Puts back the lost value of one of its open conflicts.
    bool restoreAConflict(Rng &rng, QList<Written> &log);

    // Files (simfiles.cpp). Without a model the device moves none.
    void setFiles(FileModel *files) { m_files = files; }
    // Attaches a new file (a few KB to a few hundred) to a row its user
    // authored, as the policy allows: a homework or a cahier de textes entry
    // (teachers), a submission (students), a note (vie scolaire), a message;
    // now and then the bytes of a file someone else attached.
    void attachAFile(Rng &rng, QList<Written> &log);
    // Starts a download of a file a row of its replica names and its cache
    // lacks.
    void downloadAFile(Rng &rng);
    // Starts a download of every file its replica names that `readable`
    // says it may read and its cache lacks; the number started.
    int downloadAll(const std::function<bool(const QString &sha256)> &readable);
    // Starts a download of one blob, named by a row or not.
    void startDownload(const QString &sha256, qint64 size);
    // Sends its queue of files, if it is not already doing so.
    void sendFiles();
    bool sendingFiles() const;
    bool downloadingFiles() const;
    // The outcome of the last run of its queue.
    const Core::Status &lastFiles() const { return m_lastFiles; }
    // The last failed download, by SHA-256, since the device started.
    const QHash<QString, Core::Error> &failedDownloads() const { return m_failedDownloads; }
    Sync::BlobTransfer &transfer() { return *m_transfer; }
    Sync::BlobCache &cache() { return *m_cache; }

    DeviceStats stats;

private:
    void openFiles();
    void closeFiles();
    void downloaded(const QString &sha256, const Core::Status &status);
    bool save(const QList<Written> &writes, QList<Written> &log);
    // Logs the changes of its outbox numbered after the last one `log`
    // holds for this device.
    void logOutboxAfter(qint64 lastLogged, QList<Written> &log);
    qint64 lastLogged(const QList<Written> &log) const;
    QList<Written> plan(Rng &rng);
    void fillOwnFields(Core::Record &row, const QStringList &fields) const;

    int m_index;
    Actor m_actor;
    QString m_path;
    Network &m_network;
    Scheduler &m_scheduler;
    int m_generation = 0;
    std::shared_ptr<bool> m_alive;
    std::unique_ptr<Sync::ReplicaStore> m_store;
    std::unique_ptr<Workspace::Workspace> m_workspace;
    std::unique_ptr<SimTransport> m_transport;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    Core::Status m_lastSync;
    FileModel *m_files = nullptr;
    std::unique_ptr<Sync::BlobCache> m_cache;
    std::unique_ptr<SimBlobTransport> m_blobTransport;
    std::unique_ptr<Sync::BlobTransfer> m_transfer;
    std::unique_ptr<Workspace::AttachmentStore> m_attachments;
    Core::Status m_lastFiles;
    QHash<QString, Core::Error> m_failedDownloads;
    QSet<QString> m_inFlight;
};

} // namespace Cartable::Chaos
