#pragma once

#include "server/sync/syncendpoints.h"
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

// The server's sync logic (server/sync) on its SQLite database, as one
// process that can crash: a crash drops the connection and whatever was not
// committed, and the server comes back on the same file.
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

private:
    void close();

    QString m_path;
    Scheduler &m_scheduler;
    QString m_connection;
    QSqlDatabase m_db;
    std::unique_ptr<Server::SyncEndpoints> m_endpoints;
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
};

// The network between the clients and the server.
class Network
{
public:
    Network(Scheduler &scheduler, SimServer &server, Rng &rng) : m_scheduler(scheduler), m_server(server), m_rng(rng) {}

    Faults &faults() { return m_faults; }
    const NetworkStats &stats() const { return m_stats; }
    SimServer &server() { return m_server; }
    Scheduler &scheduler() { return m_scheduler; }

    enum class Route { Pull, Push };
    using Answer = std::function<void(Core::Result<QByteArray>)>;
    // Sends a request as `accountId`; `done` is called later with the
    // answer's body or a network error, unless `alive` is false by then (the
    // client process crashed).
    void send(Route route, const QString &accountId, const QJsonObject &body, Answer done, std::shared_ptr<bool> alive);

private:
    Core::Result<QByteArray> deliver(Route route, const QString &accountId, const QJsonObject &body);
    void answer(Answer done, std::shared_ptr<bool> alive, Core::Result<QByteArray> result, qint64 delay);
    qint64 delay();

    Scheduler &m_scheduler;
    SimServer &m_server;
    Rng &m_rng;
    Faults m_faults;
    NetworkStats m_stats;
};

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

} // namespace Cartable::Chaos
