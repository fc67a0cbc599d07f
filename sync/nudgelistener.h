#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Cartable::Sync {

// Listens to the server's nudge channel (a WebSocket on
// /api/v1/sync/nudge): signs it with the access token and says nudged()
// when a change to one of the account's buckets has committed, so that a
// grade appears on another machine within a second. It reconnects with a
// growing delay when the connection drops.
class NudgeListener : public QObject
{
    Q_OBJECT

public:
    explicit NudgeListener(QObject *parent = nullptr);

    // Connects to `server` with `accessToken`; again after each drop.
    void start(const QUrl &server, const QString &accessToken);
    void stop();
    // A fresh token for the next connection.
    void setAccessToken(const QString &accessToken) { m_token = accessToken; }
    bool isReady() const { return m_ready; }

Q_SIGNALS:
    void ready();
    void nudged(qint64 head);
    // The server refused the token: a new one is needed.
    void unauthorised();

private:
    void open();
    void received(const QString &message);
    void dropped();

    QWebSocket m_socket;
    QTimer m_retry;
    QUrl m_url;
    QString m_token;
    bool m_running = false;
    bool m_ready = false;
    int m_failures = 0;
};

} // namespace Cartable::Sync
