#include "simnet.h"

#include "server/serverdatabase.h"

#include "core/jsonreader.h"
#include "core/protocol/blobs.h"
#include "core/protocol/pullpage.h"
#include "core/sqlstatement.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <QSqlDatabase>
#include <QSqlError>
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
    // What the client code queued for its event loop (a download that has
    // nothing left to fetch answers that way) runs before the next event.
    QCoreApplication::sendPostedEvents();
    if (m_events.empty())
        return false;
    auto first = m_events.begin();
    m_now = std::max(m_now, first->first.first);
    std::function<void()> work = std::move(first->second);
    m_events.erase(first);
    work();
    QCoreApplication::sendPostedEvents();
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
    m_storage = std::make_unique<Server::FilesystemBlobStorage>(blobFolder());
    if (Core::Status ready = m_storage->open(); !ready)
        return ready;
    m_blobs = std::make_unique<Server::BlobService>(
        m_db, *m_storage, [this](const QString &accountId) { return m_endpoints->readableBuckets(accountId); },
        Server::BlobLimits{}, [this] { return m_scheduler.now(); });
    return {};
}

void SimServer::close()
{
    m_blobs.reset();
    m_storage.reset();
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

Core::Result<Core::UploadStatus> SimServer::openUpload(const QString &accountId, const Core::UploadRequest &request)
{
    return m_blobs->openUpload(accountId, request);
}

Core::Result<Core::UploadStatus> SimServer::writeChunk(const QString &accountId, const QString &uploadId, qint64 offset,
                                                       const QByteArray &bytes)
{
    return m_blobs->writeChunk(accountId, uploadId, offset, Core::contentDigest(bytes), bytes);
}

Core::Result<ServedRange> SimServer::fetchRange(const QString &accountId, const QString &sha256, qint64 first,
                                                qint64 last)
{
    Core::Result<Server::ReadableBlob> blob = m_blobs->readable(accountId, sha256);
    if (m_serveWithoutReadCheck) {
        QSqlQuery stored(m_db);
        if (Core::execPrepared(stored, u"SELECT establishment_id, size_bytes FROM blob WHERE sha256 = ?"_s, sha256)
            && stored.next())
            blob = Server::ReadableBlob{{stored.value(0).toString(), sha256}, stored.value(1).toLongLong()};
    }
    if (!blob)
        return blob.error();
    const QByteArray header = "bytes=" + QByteArray::number(first) + '-' + QByteArray::number(last);
    const Core::Result<Core::ByteRange> range = Core::parseRange(header, blob->size, Core::kMaxBlobChunkBytes);
    if (!range)
        return range.error();
    Core::Result<QByteArray> bytes = m_blobs->read(*blob, *range);
    if (!bytes)
        return bytes.error();
    return ServedRange{{std::move(*bytes), range->first, blob->size}, mayReadBlob(*this, accountId, sha256)};
}

bool mayReadBlob(SimServer &server, const QString &accountId, const QString &sha256)
{
    const QStringList buckets = server.readableBuckets(accountId);
    if (buckets.isEmpty())
        return false;
    QStringList marks;
    for (qsizetype n = 0; n < buckets.size(); ++n)
        marks << u"?"_s;
    for (const Core::BlobReference &reference : Core::blobReferences()) {
        QSqlQuery query(server.database());
        const QString sql
            = u"SELECT 1 FROM %1 r JOIN row_state s ON s.entity = '%1' AND s.row_id = r.id AND s.deleted = 0 "
              "JOIN blob_claim c ON c.establishment_id = r.establishment_id AND c.sha256 = r.%2 "
              "AND c.account_id = r.%3 JOIN blob b ON b.establishment_id = c.establishment_id "
              "AND b.sha256 = c.sha256 WHERE r.%2 = ? AND EXISTS (SELECT 1 FROM row_bucket k WHERE "
              "k.entity = '%1' AND k.row_id = r.id AND k.removed = 0 AND k.bucket IN (%4)) LIMIT 1"_s
                  .arg(reference.entity, reference.hashField, reference.uploaderField, marks.join(u','));
        if (!query.prepare(sql))
            qFatal("the read rule cannot be asked: %s", qPrintable(query.lastError().text()));
        query.addBindValue(sha256);
        for (const QString &bucket : buckets)
            query.addBindValue(bucket);
        if (!query.exec())
            qFatal("the read rule cannot be asked: %s", qPrintable(query.lastError().text()));
        if (query.next())
            return true;
    }
    return false;
}

qint64 Network::delay()
{
    return m_rng.between(m_faults.minDelay, m_faults.maxDelay);
}

Core::Result<QByteArray> Network::deliver(Route route, const QString &accountId, const QJsonObject &body)
{
    return route == Route::Pull ? m_server.pull(accountId, body) : m_server.push(accountId, body);
}

void Network::send(Route route, const QString &accountId, const QJsonObject &body, Answer done,
                   std::shared_ptr<bool> alive)
{
    call<QByteArray>([this, route, accountId, body] { return deliver(route, accountId, body); }, std::move(done),
                     std::move(alive));
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

void SimBlobTransport::openUpload(const Core::UploadRequest &request,
                                  Sync::ApiClient::Callback<Core::UploadStatus> done)
{
    ++m_network.stats().blobRequests;
    SimServer &server = m_network.server();
    m_network.call<Core::UploadStatus>([&server, account = m_accountId,
                                        request] { return server.openUpload(account, request); },
                                       std::move(done), m_alive);
}

void SimBlobTransport::sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                                 Sync::ApiClient::Callback<Core::UploadStatus> done)
{
    ++m_network.stats().blobRequests;
    SimServer &server = m_network.server();
    m_network.call<Core::UploadStatus>([&server, account = m_accountId, uploadId, offset,
                                        bytes] { return server.writeChunk(account, uploadId, offset, bytes); },
                                       std::move(done), m_alive);
}

void SimBlobTransport::fetchRange(const QString &sha256, qint64 first, qint64 last,
                                  Sync::ApiClient::Callback<Range> done)
{
    ++m_network.stats().blobRequests;
    SimServer &server = m_network.server();
    Network &network = m_network;
    m_network.call<ServedRange>([&server, account = m_accountId, sha256, first,
                                 last] { return server.fetchRange(account, sha256, first, last); },
                                [&network, done = std::move(done), device = m_device, account = m_accountId,
                                 sha256](Core::Result<ServedRange> served) {
                                    if (!served)
                                        return done(served.error());
                                    network.deliveries().append({device, account, sha256, served->range.first,
                                                                 served->range.bytes.size(), served->grantedThen,
                                                                 network.scheduler().now()});
                                    done(served->range);
                                },
                                m_alive);
}

} // namespace Cartable::Chaos
