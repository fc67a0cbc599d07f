#include "simnet.h"

#include "server/serverdatabase.h"

#include "core/jsonreader.h"
#include "core/protocol/pullpage.h"

#include <QJsonDocument>

#include <QSqlDatabase>
#include <QSqlQuery>

namespace Cartable::Chaos {

using namespace Qt::StringLiterals;
using Core::ErrorCode;

qint64 Rng::between(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    // The draw is written out rather than left to a distribution, whose
    // algorithm the standard does not fix: a seed means the same run
    // everywhere.
    const auto span = static_cast<std::uint64_t>(high - low) + 1;
    return low + static_cast<qint64>(m_engine() % span);
}

bool Rng::chance(double probability)
{
    if (probability <= 0)
        return false;
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53 < probability;
}

void Scheduler::at(qint64 when, std::function<void()> work)
{
    m_events.emplace(std::make_pair(std::max(when, m_now), m_order++), std::move(work));
}

void Scheduler::runUntil(qint64 until)
{
    while (!m_events.empty() && m_events.begin()->first.first <= until)
        runNext();
    m_now = std::max(m_now, until);
}

bool Scheduler::runNext()
{
    if (m_events.empty())
        return false;
    auto first = m_events.begin();
    m_now = std::max(m_now, first->first.first);
    std::function<void()> work = std::move(first->second);
    m_events.erase(first);
    work();
    return true;
}

SimServer::SimServer(QString path, Scheduler &scheduler) : m_path(std::move(path)), m_scheduler(scheduler) {}

SimServer::~SimServer()
{
    close();
}

Core::Status SimServer::open()
{
    m_connection = u"chaos-server-%1"_s.arg(++m_generation);
    Core::Result<QSqlDatabase> db = Server::openServerDatabase(m_path, m_connection);
    if (!db)
        return db.error();
    m_db = *db;
    // Killed processes, not a lost machine: see Device::open().
    QSqlQuery(m_db).exec(u"PRAGMA synchronous=OFF"_s);
    m_endpoints = std::make_unique<Server::SyncEndpoints>(m_db, [this] { return m_scheduler.now(); });
    return {};
}

void SimServer::close()
{
    m_endpoints.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void SimServer::crash()
{
    ++m_crashes;
    close();
    if (Core::Status reopened = open(); !reopened)
        qFatal("the simulated server could not come back: %s", qPrintable(reopened.error().context));
}

Core::Result<QByteArray> SimServer::pull(const QString &accountId, const QJsonObject &request)
{
    const Core::Result<Core::PullPage> page = m_endpoints->pull(accountId, request);
    if (!page)
        return page.error();
    return Core::pullPageToCbor(*page);
}

Core::Result<QByteArray> SimServer::push(const QString &accountId, const QJsonObject &batch)
{
    const Core::Result<QJsonObject> answer = m_endpoints->push(accountId, batch);
    if (!answer)
        return answer.error();
    return QJsonDocument(*answer).toJson(QJsonDocument::Compact);
}

qint64 Network::delay()
{
    return m_rng.between(m_faults.minDelay, m_faults.maxDelay);
}

Core::Result<QByteArray> Network::deliver(Route route, const QString &accountId, const QJsonObject &body)
{
    return route == Route::Pull ? m_server.pull(accountId, body) : m_server.push(accountId, body);
}

void Network::answer(Answer done, std::shared_ptr<bool> alive, Core::Result<QByteArray> result, qint64 after)
{
    m_scheduler.after(after, [done = std::move(done), alive = std::move(alive), result = std::move(result)] {
        if (*alive)
            done(result);
    });
}

void Network::send(Route route, const QString &accountId, const QJsonObject &body, Answer done,
                   std::shared_ptr<bool> alive)
{
    ++m_stats.requests;
    const Core::Error lost{ErrorCode::NetworkError, u"simulated network"_s};
    if (!m_faults.enabled) {
        m_scheduler.after(delay(), [this, route, accountId, body, done = std::move(done), alive]() mutable {
            answer(std::move(done), alive, deliver(route, accountId, body), delay());
        });
        return;
    }
    if (m_rng.chance(m_faults.dropRequest)) {
        ++m_stats.droppedRequests;
        answer(std::move(done), std::move(alive), lost, m_faults.timeout);
        return;
    }
    if (m_rng.chance(m_faults.late)) {
        // The client times out; the request is still on its way and arrives
        // later, its answer to no one.
        ++m_stats.late;
        answer(std::move(done), std::move(alive), lost, m_faults.timeout);
        m_scheduler.after(m_faults.timeout + m_rng.between(0, 4 * m_faults.timeout),
                          [this, route, accountId, body] { (void)deliver(route, accountId, body); });
        return;
    }
    m_scheduler.after(delay(), [this, route, accountId, body, done = std::move(done), alive, lost]() mutable {
        Core::Result<QByteArray> result = deliver(route, accountId, body);
        if (m_rng.chance(m_faults.duplicate)) {
            ++m_stats.duplicates;
            result = deliver(route, accountId, body);
        }
        if (m_rng.chance(m_faults.serverCrashAfterCommit)) {
            ++m_stats.serverCrashes;
            m_server.crash();
            answer(std::move(done), alive, lost, m_faults.timeout);
            return;
        }
        if (m_rng.chance(m_faults.dropResponse)) {
            ++m_stats.droppedResponses;
            answer(std::move(done), alive, lost, m_faults.timeout);
            return;
        }
        answer(std::move(done), alive, std::move(result), delay());
    });
}

void SimTransport::pull(const QJsonObject &request, PageCallback done)
{
    m_network.send(
        Network::Route::Pull, m_accountId, request,
        [done = std::move(done)](Core::Result<QByteArray> body) {
            if (!body)
                return done(body.error());
            done(Core::pullPageFromCbor(*body));
        },
        m_alive);
}

void SimTransport::push(const QJsonObject &batch, Callback done)
{
    m_network.send(
        Network::Route::Push, m_accountId, batch,
        [done = std::move(done)](Core::Result<QByteArray> body) {
            if (!body)
                return done(body.error());
            done(Core::parseJsonObject(*body));
        },
        m_alive);
}

void SimTransport::whenSent(std::function<void()> work)
{
    // At once in simulated time, after what is due already: a crash of the
    // device in between drops it.
    m_network.scheduler().after(0, [alive = m_alive, work = std::move(work)] {
        if (*alive)
            work();
    });
}

} // namespace Cartable::Chaos
