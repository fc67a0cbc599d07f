#include "syncedworkspace.h"

#include "workspace.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "sync/connectivitymonitor.h"
#include "sync/nudgelistener.h"
#include "sync/replicafiles.h"
#include "sync/replicastore.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "sync/syncscheduler.h"

#include <QLoggingCategory>

namespace Cartable::Workspace {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcSyncedWorkspace, "cartable.workspace.sync")

} // namespace

Core::Result<std::unique_ptr<SyncedWorkspace>> SyncedWorkspace::open(Sync::Session &session, Sync::ApiClient &api,
                                                                     Sync::ConnectivityMonitor *monitor,
                                                                     const QString &replicaDirectory)
{
    // Each time: a folder an older version made was readable by all.
    if (Core::Status prepared = Sync::ReplicaFiles::prepareFolder(replicaDirectory); !prepared)
        return prepared.error();
    const QString path = Sync::ReplicaFiles::pathIn(replicaDirectory, session.server(), session.login());
    Core::Result<std::unique_ptr<Sync::ReplicaStore>> store = Sync::ReplicaStore::open(path,
                                                                                       u"replica-"_s + Core::newId());
    if (!store)
        return store.error();
    std::unique_ptr<SyncedWorkspace> synced(new SyncedWorkspace(session, api, std::move(store).value(), path));
    if (monitor)
        synced->m_scheduler->watch(monitor);
    return synced;
}

SyncedWorkspace::SyncedWorkspace(Sync::Session &session, Sync::ApiClient &api,
                                 std::unique_ptr<Sync::ReplicaStore> store, QString path)
    : m_session(&session),
      m_path(std::move(path)),
      m_store(std::move(store)),
      m_workspace(std::make_unique<Workspace>(*m_store, session.profile())),
      m_blobs(std::make_unique<Sync::BlobCache>(m_path)),
      m_blobTransport(std::make_unique<Sync::SessionBlobTransport>(session, api)),
      m_transfers(std::make_unique<Sync::BlobTransfer>(*m_blobTransport, *m_store, *m_blobs)),
      m_engine(std::make_unique<Sync::SyncEngine>(session, api, *m_store)),
      m_scheduler(std::make_unique<Sync::SyncScheduler>(*m_engine)),
      m_nudges(std::make_unique<Sync::NudgeListener>())
{
    const Core::Result<QString> cursor = m_store->cursor();
    m_firstSync = !cursor || cursor->isEmpty();
    m_engine->setBlobTransfer(m_transfers.get());
    m_scheduler->watch(m_nudges.get());
    connect(m_workspace.get(), &Workspace::changed, this, [this] {
        refreshPending();
        m_scheduler->localChange();
    });
    connect(m_engine.get(), &Sync::SyncEngine::progress, this, [this](int pages, qint64 changes, qint64 pushed) {
        if (changes > 0)
            m_pulledSomething = true;
        refreshPending();
        Q_EMIT progress(pages, changes, pushed);
    });
    connect(m_engine.get(), &Sync::SyncEngine::finished, this, &SyncedWorkspace::onFinished);
    connect(m_scheduler.get(), &Sync::SyncScheduler::stateChanged, this, [this](Sync::SyncScheduler::State state) {
        // The scheduler may start the next sync before onFinished() has seen
        // the last one end: what was pulled is forgotten only there.
        m_syncing = state == Sync::SyncScheduler::State::Syncing;
        Q_EMIT statusChanged();
    });
    // A refused token on the nudge channel: the next sync refreshes it.
    connect(m_nudges.get(), &Sync::NudgeListener::unauthorised, m_scheduler.get(), &Sync::SyncScheduler::start);
    refreshPending();
}

SyncedWorkspace::~SyncedWorkspace()
{
    stop();
}

void SyncedWorkspace::start()
{
    if (m_session)
        m_nudges->start(m_session->server(), m_session->accessToken());
    m_scheduler->start();
}

void SyncedWorkspace::stop()
{
    m_nudges->stop();
    m_scheduler->stop();
    if (m_engine->isRunning())
        m_engine->cancel();
}

void SyncedWorkspace::syncNow()
{
    m_scheduler->start();
}

void SyncedWorkspace::cancelSync()
{
    if (m_engine->isRunning())
        m_engine->cancel();
}

void SyncedWorkspace::refreshPending()
{
    const Core::Result<qint64> pending = m_store->pendingCount();
    if (pending && *pending != m_pending) {
        m_pending = *pending;
        Q_EMIT statusChanged();
    }
}

void SyncedWorkspace::onFinished(const Core::Status &status)
{
    refreshPending();
    if (status) {
        m_lastError.reset();
        m_lastSuccess = QDateTime::currentDateTime();
        m_firstSync = false;
        if (m_session)
            m_nudges->setAccessToken(m_session->accessToken());
    } else {
        m_lastError = status.error();
        qCInfo(lcSyncedWorkspace) << "sync stopped:" << Core::errorCodeName(status.error().code);
    }
    // Pulled rows may change anything on screen; a push alone changes only
    // what this computer already shows.
    if (m_pulledSomething)
        m_workspace->notifyReloaded();
    m_pulledSomething = false;
    Q_EMIT statusChanged();
}

} // namespace Cartable::Workspace
