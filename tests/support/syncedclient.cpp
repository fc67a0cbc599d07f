#include "syncedclient.h"

#include "core/errorcode.h"
#include "core/ids.h"

#include <QSignalSpy>
#include <QTimeZone>

namespace Cartable::Test {

using namespace Qt::StringLiterals;

QDateTime referenceSchoolNow()
{
    return QDateTime(QDate(2025, 4, 4), QTime(10, 0));
}

std::unique_ptr<ServerProcess> startReferenceServer(double scale)
{
    auto server = std::make_unique<ServerProcess>(backendFromEnvironment());
    if (!server->fillWithReferenceSchool(scale) || !server->start()) {
        qWarning("reference server: %s", qPrintable(server->errorString()));
        return nullptr;
    }
    return server;
}

SyncedClient::SyncedClient(const QUrl &server, const QString &replicaPath)
    : m_server(server), m_api(&m_network), m_session(&m_api, &m_credentials)
{
    Core::Result<std::unique_ptr<Sync::ReplicaStore>> store = Sync::ReplicaStore::open(replicaPath, Core::newId());
    if (!store) {
        m_error = u"replica: "_s + Core::errorCodeName(store.error().code) + u' ' + store.error().context;
        return;
    }
    m_store = std::move(store).value();
    m_engine = std::make_unique<Sync::SyncEngine>(m_session, m_api, *m_store);
}

SyncedClient::~SyncedClient() = default;

bool SyncedClient::signIn(const QString &login, const QString &password)
{
    if (!m_store)
        return false;
    QSignalSpy ok(&m_session, &Sync::Session::signedIn);
    QSignalSpy failed(&m_session, &Sync::Session::signInFailed);
    m_session.signIn(m_server, login, password);
    if (!ok.wait(30'000) && ok.isEmpty()) {
        m_error = failed.isEmpty()
                      ? u"sign-in timed out"_s
                      : u"sign-in failed: "_s
                            + Core::errorCodeName(failed.constFirst().constFirst().value<Core::Error>().code);
        return false;
    }
    m_workspace = std::make_unique<Workspace::Workspace>(*m_store, m_session.profile());
    m_workspace->setClock(referenceSchoolNow);
    return true;
}

bool SyncedClient::sync()
{
    if (!m_engine)
        return false;
    QSignalSpy finished(m_engine.get(), &Sync::SyncEngine::finished);
    m_engine->start();
    if (!finished.wait(120'000) && finished.isEmpty()) {
        m_error = u"sync timed out"_s;
        return false;
    }
    const auto status = finished.constFirst().constFirst().value<Core::Status>();
    if (!status) {
        m_error = u"sync failed: "_s + Core::errorCodeName(status.error().code) + u' ' + status.error().context;
        return false;
    }
    if (m_workspace)
        m_workspace->notifyReloaded();
    return true;
}

} // namespace Cartable::Test
