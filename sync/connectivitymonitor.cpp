#include "connectivitymonitor.h"

#include "apiclient.h"

namespace Cartable::Sync {

ConnectivityMonitor::ConnectivityMonitor(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    m_timer.setInterval(std::chrono::seconds(15));
    connect(&m_timer, &QTimer::timeout, this, &ConnectivityMonitor::checkNow);
}

void ConnectivityMonitor::setServer(const QUrl &server)
{
    m_server = server;
    m_known = false;
}

void ConnectivityMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void ConnectivityMonitor::start()
{
    m_timer.start();
    checkNow();
}

void ConnectivityMonitor::stop()
{
    m_timer.stop();
}

void ConnectivityMonitor::checkNow()
{
    if (m_checking || !m_api || m_server.isEmpty())
        return;
    m_checking = true;
    m_api->checkHealth(m_server, [this, self = QPointer<ConnectivityMonitor>(this)](Core::Result<void> result) {
        if (!self)
            return;
        m_checking = false;
        setOnline(result.ok());
    });
}

void ConnectivityMonitor::setOnline(bool online)
{
    const bool changed = !m_known || m_online != online;
    m_known = true;
    m_online = online;
    if (changed)
        Q_EMIT onlineChanged(online);
    Q_EMIT checked(online);
}

} // namespace Cartable::Sync
