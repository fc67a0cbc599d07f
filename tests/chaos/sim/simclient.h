#pragma once

#include "simnet.h"

#include "core/domain/record.h"
#include "core/protocol/mutation.h"
#include "core/userprofile.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>

namespace Cartable::Sync {
class ReplicaStore;
class SyncEngine;
} // namespace Cartable::Sync
namespace Cartable::Workspace {
class Workspace;
}

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

    DeviceStats stats;

private:
    bool save(const QList<Written> &writes, QList<Written> &log);
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
};

} // namespace Cartable::Chaos
