#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>
#include <memory>

class QWebSocket;

namespace Cartable::Server {

class AuthService;
class SyncEndpoints;

// The real-time channel: clients keep a WebSocket open on
// /api/v1/sync/nudge, sign it with their access token, and receive
// {"nudge": seq} when a change to one of their buckets commits. The hub
// watches the feed's head in the database, not this process's writes, so a
// change committed by another server process on the same PostgreSQL nudges
// this one's clients too.
class NudgeHub : public QObject
{
    Q_OBJECT

public:
    // Returns the account of a bearer token, or an empty string.
    using Authenticate = std::function<QString(const QString &token)>;
    // The buckets an account reads now.
    using ReadableBuckets = std::function<QStringList(const QString &accountId)>;

    NudgeHub(QSqlDatabase db, Authenticate authenticate, ReadableBuckets readable, QObject *parent = nullptr);
    ~NudgeHub() override;

    // Takes over an upgraded connection.
    void accept(std::unique_ptr<QWebSocket> socket);
    // How often the head is read.
    void setInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    int clientCount() const { return int(m_clients.size()); }
    // Reads the head now (after a push of this process), rather than at the
    // next tick.
    void checkNow() { poll(); }

private:
    struct Client
    {
        QString accountId;
        QSet<QString> buckets;
    };

    void receive(QWebSocket *socket, const QString &message);
    void poll();

    QSqlDatabase m_db;
    Authenticate m_authenticate;
    ReadableBuckets m_readable;
    QTimer m_timer;
    qint64 m_head = -1;
    qint64 m_scopeSeq = -1;
    // Signed-in sockets; the hub owns every socket it accepted.
    QHash<QWebSocket *, Client> m_clients;
    QList<QWebSocket *> m_sockets;
};

} // namespace Cartable::Server
