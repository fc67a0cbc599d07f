#include "syncengine.h"

#include "apiclient.h"
#include "blobtransfer.h"
#include "replicastore.h"
#include "session.h"
#include "synctransport.h"

#include "core/protocol/mutation.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcEngine, "cartable.sync.engine")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

SyncEngine::SyncEngine(Session &session, ApiClient &api, ReplicaStore &store, QObject *parent)
    : QObject(parent),
      m_ownTransport(std::make_unique<SessionTransport>(session, api)),
      m_transport(*m_ownTransport),
      m_store(store)
{
}

SyncEngine::SyncEngine(SyncTransport &transport, ReplicaStore &store, QObject *parent)
    : QObject(parent), m_transport(transport), m_store(store)
{
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::setBlobTransfer(BlobTransfer *transfer)
{
    m_blobs = transfer;
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_pages = 0;
    m_changes = 0;
    m_pushed = 0;
    m_limit = qMin(kFirstPageSize, m_pageSize);
    sendUploads();
}

void SyncEngine::sendUploads()
{
    if (!m_blobs)
        return pushNext();
    const quint64 run = m_run;
    disconnect(m_uploadsDone);
    m_uploadsDone = connect(m_blobs, &BlobTransfer::uploadsFinished, this, [this, run](const Core::Status &status) {
        disconnect(m_uploadsDone);
        if (run != m_run || !m_running)
            return;
        // A refused file is marked failed in the queue and never holds the
        // rows back; only what would stop a push stops the sync.
        if (!status) {
            switch (status.error().code) {
            case ErrorCode::ServerUnreachable:
            case ErrorCode::NetworkError:
            case ErrorCode::SessionExpired:
            case ErrorCode::Unauthenticated:
            case ErrorCode::DatabaseError:
                return stop(status);
            default:
                qCInfo(lcEngine) << "files not sent:" << Core::errorCodeName(status.error().code)
                                 << status.error().context;
                break;
            }
        }
        pushNext();
    });
    // A run already going (started by the user) is waited for.
    if (!m_blobs->isSending())
        m_blobs->sendUploads();
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    // A large file on its way would hold the cancel back until its end.
    if (m_running && m_blobs)
        m_blobs->cancelUploads();
}

void SyncEngine::stop(const Core::Status &status)
{
    m_running = false;
    ++m_run;
    // A first sync cut short: the replica is used with its indexes until
    // the sync resumes.
    if (m_store.indexesDeferred()) {
        if (const Core::Status built = m_store.restoreIndexes(); !built)
            qCWarning(lcEngine) << "cannot build the replica's indexes:" << built.error().context;
    }
    if (!status)
        qCInfo(lcEngine) << "sync stopped:" << Core::errorCodeName(status.error().code) << status.error().context;
    disconnect(m_uploadsDone);
    // In the background: the sync is done with the rows.
    if (status && m_blobs)
        m_blobs->fetchPinned();
    Q_EMIT finished(status);
}

void SyncEngine::pushNext()
{
    if (m_cancelled)
        return stop(Core::Status(ErrorCode::Internal, u"cancelled"_s));
    const Core::Result<Core::PushBatch> batch = m_store.pendingBatch();
    if (!batch)
        return stop(batch.error());
    if (batch->mutations.isEmpty())
        return pullNext();
    sendBatch(*batch);
}

void SyncEngine::sendBatch(const Core::PushBatch &batch)
{
    const qsizetype count = batch.mutations.size();
    const qint64 last = batch.mutations.constLast().number;
    QPointer<SyncEngine> self(this);
    const quint64 run = m_run;
    m_transport.push(Core::pushBatchToJson(batch), [this, self, run, count, last](Core::Result<QJsonObject> answer) {
        // An answer to a sync that has stopped since.
        if (!self || run != m_run || !m_running)
            return;
        if (!answer)
            return stop(answer.error());
        if (m_cancelled)
            return stop(Core::Status(ErrorCode::Internal, u"cancelled"_s));
        // The server has committed this batch: the next one goes now, and
        // is applied there while this answer is written here. Batches still
        // reach the server one after another, in order. If this answer
        // cannot be written the sync stops and the next answer is ignored;
        // the outbox still holds both batches, and the server answers them
        // again from its receipts.
        const Core::Result<Core::PushBatch> next = m_store.pendingBatch(Core::PushBatch::kMaxMutations, last);
        if (!next)
            return stop(next.error());
        const bool more = !next->mutations.isEmpty();
        if (more)
            sendBatch(*next);
        m_transport.whenSent([this, self, run, count, more, answer = std::move(answer).value()] {
            if (!self || run != m_run || !m_running)
                return;
            if (Core::Status applied = m_store.applyPushResults(answer); !applied)
                return stop(applied);
            m_pushed += count;
            Q_EMIT progress(m_pages, m_changes, m_pushed);
            if (!more)
                pullNext();
        });
    });
}

void SyncEngine::pullNext()
{
    if (m_cancelled)
        return stop(Core::Status(ErrorCode::Internal, u"cancelled"_s));
    const Core::Result<QString> cursor = m_store.cursor();
    if (!cursor)
        return stop(cursor.error());
    const Core::Result<bool> resync = m_store.resyncWanted();
    if (!resync)
        return stop(resync.error());
    // Only the first request of the pull asks for it: the pages after the
    // reset one carry its cursor on.
    requestPage(*cursor, *resync);
}

void SyncEngine::requestPage(const QString &cursor, bool reset)
{
    QJsonObject body{{u"limit"_s, m_limit}};
    if (reset)
        body.insert(u"reset"_s, true);
    // Pages start small, so that the first one comes at once, and double up
    // to the page size: a first sync is then a few large pages, each asked
    // for while the last is written.
    m_limit = qMin(m_limit * 2, m_pageSize);
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    QPointer<SyncEngine> self(this);
    const quint64 run = m_run;
    m_transport.pull(body, [this, self, run](Core::Result<Core::PullPage> page) {
        // A page asked for by a sync that has stopped since.
        if (!self || run != m_run || !m_running)
            return;
        if (!page)
            return stop(page.error());
        if (m_cancelled)
            return stop(Core::Status(ErrorCode::Internal, u"cancelled"_s));
        // The next page is on its way while this one is written: the server
        // and the disk work at the same time. If this one cannot be applied
        // the sync stops, the answer to that request is ignored, and the
        // replica's cursor still names this page.
        const bool more = page->more;
        if (more)
            requestPage(page->cursor);
        m_transport.whenSent([this, self, run, more, page = std::move(page).value()] {
            if (!self || run != m_run || !m_running)
                return;
            if (Core::Status applied = m_store.applyPullPage(page); !applied)
                return stop(applied);
            ++m_pages;
            m_changes += page.changes.size();
            Q_EMIT progress(m_pages, m_changes, m_pushed);
            if (more)
                return;
            // Changes made while pulling go up before saying done.
            const Core::Result<qint64> pending = m_store.pendingCount();
            if (pending && *pending > 0)
                return pushNext();
            stop({});
        });
    });
}

} // namespace Cartable::Sync
