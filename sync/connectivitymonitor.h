#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace Cartable::Sync {

class ApiClient;

// Tells whether the server answers: asks /api/v1/health at start and then at
// an interval, sooner after a failure has been noticed by a caller.
class ConnectivityMonitor : public QObject
{
    Q_OBJECT

public:
    ConnectivityMonitor(ApiClient *api, QObject *parent = nullptr);

    void setServer(const QUrl &server);
    void setInterval(std::chrono::milliseconds interval);
    bool isOnline() const { return m_online; }
    bool hasAnswer() const { return m_known; }

    void start();
    void stop();
    // Checks now, for example when a request has just failed.
    void checkNow();

Q_SIGNALS:
    void onlineChanged(bool online);
    // After every answer or failure, changed or not: "last checked at".
    void checked(bool online);

private:
    void setOnline(bool online);

    QPointer<ApiClient> m_api;
    QUrl m_server;
    QTimer m_timer;
    bool m_online = false;
    bool m_known = false;
    bool m_checking = false;
};

} // namespace Cartable::Sync
