#pragma once

#include "server/blobs/blobservice.h"
#include "server/blobs/filesystemblobstorage.h"
#include "server/sync/syncendpoints.h"
#include "sync/blobtransport.h"
#include "sync/synctransport.h"

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <random>

namespace Cartable::Chaos {

// The one source of chance of a run: every choice, fault and delay is drawn
// from it in a fixed order, so that a seed replays exactly.
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    // In [low, high].
    qint64 between(qint64 low, qint64 high);
    bool chance(double probability);
    template<typename List>
    const auto &pick(const List &list)
    {
        return list.at(between(0, list.size() - 1));
    }
    std::uint64_t next() { return m_engine(); }

private:
    std::mt19937_64 m_engine;
};

// Simulated time: events run in the order of their time, then of their
// scheduling. Nothing waits on the real clock.
class Scheduler
{
public:
    explicit Scheduler(qint64 startMillis) : m_now(startMillis) {}

    qint64 now() const { return m_now; }
    void at(qint64 when, std::function<void()> work);
    void after(qint64 delay, std::function<void()> work) { at(m_now + delay, std::move(work)); }
    // Runs every event due by `until` and moves the clock there.
    void runUntil(qint64 until);
    // Runs the next event, moving the clock to it; false when none is left.
    bool runNext();
    bool idle() const { return m_events.empty(); }

private:
    qint64 m_now;
    std::uint64_t m_order = 0;
    std::map<std::pair<qint64, std::uint64_t>, std::function<void()>> m_events;
};

// What the blob routes answered a device's request for a range: the bytes,
// and whether the read rule, computed on the server's tables at that moment
// without the blob service (mayReadBlob), let the account have them.
struct ServedRange
{
    Sync::BlobTransport::Range range;
    bool grantedThen = false;
};

// One range of a blob that reached a device.
struct BlobDelivery
{
    int device = 0;
    QString accountId;
    QString sha256;
    qint64 first = 0;
    qint64 length = 0;
    bool grantedThen = false;
    qint64 at = 0; // simulated time
};

// The server's sync logic (server/sync) and its blob service
// (server/blobs) on its SQLite database and a storage folder beside it, as
// one process that can crash: a crash drops the connection and whatever was
// not committed, and the server comes back on the same file and folder.
class SimServer
{
public:
    SimServer(QString path, Scheduler &scheduler);
    ~SimServer();

    [[nodiscard]] Core::Status open();
    void crash();
    int crashes() const { return m_crashes; }

    // Answers as the HTTP routes do: a pull page in the compact encoding
    // (what the sync client asks for), a push answer in JSON.
    Core::Result<QByteArray> pull(const QString &accountId, const QJsonObject &request);
    Core::Result<QByteArray> push(const QString &accountId, const QJsonObject &batch);
    QStringList readableBuckets(const QString &accountId) const { return m_endpoints->readableBuckets(accountId); }
    QSqlDatabase database() const { return m_db; }
    QString path() const { return m_path; }

    // The blob routes, as the HTTP handlers call the service: a chunk's
    // digest is made from its bytes, a range is read as the GET route cuts
    // it (at most 4 MiB).
    Core::Result<Core::UploadStatus> openUpload(const QString &accountId, const Core::UploadRequest &request);
    Core::Result<Core::UploadStatus> writeChunk(const QString &accountId, const QString &uploadId, qint64 offset,
                                                const QByteArray &bytes);
    Core::Result<ServedRange> fetchRange(const QString &accountId, const QString &sha256, qint64 first, qint64 last);
    Server::BlobService &blobs() { return *m_blobs; }
    QString blobFolder() const { return m_path + QStringLiteral(".blobs"); }
    // The checks' own test: the GET route serves any stored blob without
    // asking the service who may read it.
    void setServeWithoutReadCheck(bool on) { m_serveWithoutReadCheck = on; }

private:
    void close();

    QString m_path;
    Scheduler &m_scheduler;
    QString m_connection;
    QSqlDatabase m_db;
    std::unique_ptr<Server::SyncEndpoints> m_endpoints;
    std::unique_ptr<Server::FilesystemBlobStorage> m_storage;
    std::unique_ptr<Server::BlobService> m_blobs;
    bool m_serveWithoutReadCheck = false;
    int m_generation = 0;
    int m_crashes = 0;
};

// How often each fault strikes a message, and how long messages take.
struct Faults
{
    bool enabled = true;
    double dropRequest = 0.05;
    double dropResponse = 0.05;
    double duplicate = 0.05;
    // The request reaches the server after the client gave up on it, maybe
    // after the client's retry.
    double late = 0.04;
    double serverCrashAfterCommit = 0.02;
    qint64 minDelay = 1;
    qint64 maxDelay = 400;
    qint64 timeout = 10'000;
};

struct NetworkStats
{
    qint64 requests = 0;
    qint64 droppedRequests = 0;
    qint64 droppedResponses = 0;
    qint64 duplicates = 0;
    qint64 late = 0;
    qint64 serverCrashes = 0;
    qint64 blobRequests = 0;
};

// The read rule of docs/PROTOCOL.md ("Who may read a file"), computed on the
// server's tables without the blob service: a live row naming the blob sits
// in one of the account's buckets (the feed's row_bucket), and the account
// the row names as the file's sender holds the blob (blob_claim, with the
// blob stored).
bool mayReadBlob(SimServer &server, const QString &accountId, const QString &sha256);

// The network between the clients and the server.
class Network
{
public:
    Network(Scheduler &scheduler, SimServer &server, Rng &rng) : m_scheduler(scheduler), m_server(server), m_rng(rng) {}

    Faults &faults() { return m_faults; }
    const NetworkStats &stats() const { return m_stats; }
    NetworkStats &stats() { return m_stats; }
    SimServer &server() { return m_server; }
    Scheduler &scheduler() { return m_scheduler; }

    enum class Route { Pull, Push };
    using Answer = std::function<void(Core::Result<QByteArray>)>;
    // Sends a request as `accountId`; `done` is called later with the
    // answer's body or a network error, unless `alive` is false by then (the
    // client process crashed).
    void send(Route route, const QString &accountId, const QJsonObject &body, Answer done, std::shared_ptr<bool> alive);
    // Any call of the server (the blob routes) under the same faults as a
    // sync request: `deliver` runs on the server when the request arrives,
    // maybe twice, maybe late with its answer to no one.
    template<typename T>
    void call(std::function<Core::Result<T>()> deliver, std::function<void(Core::Result<T>)> done,
              std::shared_ptr<bool> alive);

    // Every range of a blob a device received.
    QList<BlobDelivery> &deliveries() { return m_deliveries; }

private:
    Core::Result<QByteArray> deliver(Route route, const QString &accountId, const QJsonObject &body);
    template<typename T>
    void answer(std::function<void(Core::Result<T>)> done, std::shared_ptr<bool> alive, Core::Result<T> result,
                qint64 after)
    {
        m_scheduler.after(after, [done = std::move(done), alive = std::move(alive), result = std::move(result)] {
            if (*alive)
                done(result);
        });
    }
    qint64 delay();

    Scheduler &m_scheduler;
    SimServer &m_server;
    Rng &m_rng;
    Faults m_faults;
    NetworkStats m_stats;
    QList<BlobDelivery> m_deliveries;
};

template<typename T>
void Network::call(std::function<Core::Result<T>()> deliver, std::function<void(Core::Result<T>)> done,
                   std::shared_ptr<bool> alive)
{
    ++m_stats.requests;
    const Core::Error lost{Core::ErrorCode::NetworkError, QStringLiteral("simulated network")};
    if (!m_faults.enabled) {
        m_scheduler.after(delay(), [this, deliver, done = std::move(done), alive]() mutable {
            answer<T>(std::move(done), alive, deliver(), delay());
        });
        return;
    }
    if (m_rng.chance(m_faults.dropRequest)) {
        ++m_stats.droppedRequests;
        answer<T>(std::move(done), std::move(alive), lost, m_faults.timeout);
        return;
    }
    if (m_rng.chance(m_faults.late)) {
        // The client times out; the request is still on its way and arrives
        // later, its answer to no one.
        ++m_stats.late;
        answer<T>(std::move(done), std::move(alive), lost, m_faults.timeout);
        m_scheduler.after(m_faults.timeout + m_rng.between(0, 4 * m_faults.timeout), [deliver] { (void)deliver(); });
        return;
    }
    m_scheduler.after(delay(), [this, deliver, done = std::move(done), alive, lost]() mutable {
        Core::Result<T> result = deliver();
        if (m_rng.chance(m_faults.duplicate)) {
            ++m_stats.duplicates;
            result = deliver();
        }
        if (m_rng.chance(m_faults.serverCrashAfterCommit)) {
            ++m_stats.serverCrashes;
            m_server.crash();
            answer<T>(std::move(done), alive, lost, m_faults.timeout);
            return;
        }
        if (m_rng.chance(m_faults.dropResponse)) {
            ++m_stats.droppedResponses;
            answer<T>(std::move(done), alive, lost, m_faults.timeout);
            return;
        }
        answer<T>(std::move(done), alive, std::move(result), delay());
    });
}

// What a client process's sync engine talks to.
class SimTransport final : public Sync::SyncTransport
{
public:
    SimTransport(Network &network, QString accountId, std::shared_ptr<bool> alive)
        : m_network(network), m_accountId(std::move(accountId)), m_alive(std::move(alive))
    {
    }

    void pull(const QJsonObject &request, PageCallback done) override;
    void push(const QJsonObject &batch, Callback done) override;
    void whenSent(std::function<void()> work) override;

private:
    Network &m_network;
    QString m_accountId;
    std::shared_ptr<bool> m_alive;
};

// What a client process's BlobTransfer talks to: the blob routes of the
// simulated server over the faulty network. Every range that reaches the
// device is written down (Network::deliveries) for the checks.
class SimBlobTransport final : public Sync::BlobTransport
{
public:
    SimBlobTransport(Network &network, QString accountId, int device, std::shared_ptr<bool> alive)
        : m_network(network), m_accountId(std::move(accountId)), m_device(device), m_alive(std::move(alive))
    {
    }

    void openUpload(const Core::UploadRequest &request, Sync::ApiClient::Callback<Core::UploadStatus> done) override;
    void sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                   Sync::ApiClient::Callback<Core::UploadStatus> done) override;
    void fetchRange(const QString &sha256, qint64 first, qint64 last, Sync::ApiClient::Callback<Range> done) override;

private:
    Network &m_network;
    QString m_accountId;
    int m_device;
    std::shared_ptr<bool> m_alive;
};

} // namespace Cartable::Chaos
