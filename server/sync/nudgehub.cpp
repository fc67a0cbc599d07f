#include "nudgehub.h"

#include "core/sqlstatement.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QWebSocket>

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcNudge, "cartable.server.nudge")

using namespace Qt::StringLiterals;

namespace {

// Close codes in the range for applications.
constexpr quint16 kCloseUnauthorised = 4401;
constexpr quint16 kCloseBadMessage = 4400;
// A client has this long to sign its connection.
constexpr int kSignInMilliseconds = 10'000;

} // namespace

NudgeHub::NudgeHub(QSqlDatabase db, Authenticate authenticate, ReadableBuckets readable, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_authenticate(std::move(authenticate)), m_readable(std::move(readable))
{
    m_timer.setInterval(std::chrono::milliseconds(200));
    connect(&m_timer, &QTimer::timeout, this, &NudgeHub::poll);
    m_timer.start();
}

NudgeHub::~NudgeHub()
{
    for (QWebSocket *socket : std::as_const(m_sockets)) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

void NudgeHub::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    m_sockets.append(socket);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &message) { receive(socket, message); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_clients.remove(socket);
        m_sockets.removeOne(socket);
        socket->deleteLater();
    });
    QTimer::singleShot(kSignInMilliseconds, socket, [this, socket] {
        if (!m_clients.contains(socket))
            socket->close(QWebSocketProtocol::CloseCode(kCloseUnauthorised), u"sign in first"_s);
    });
}

void NudgeHub::receive(QWebSocket *socket, const QString &message)
{
    if (message.size() > 4096)
        return socket->close(QWebSocketProtocol::CloseCode(kCloseBadMessage), u"message too large"_s);
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString token = object.value(u"token"_s).toString();
    if (token.isEmpty())
        return socket->close(QWebSocketProtocol::CloseCode(kCloseBadMessage), u"expected {\"token\": …}"_s);
    const QString account = m_authenticate(token);
    if (account.isEmpty())
        return socket->close(QWebSocketProtocol::CloseCode(kCloseUnauthorised), u"session_expired"_s);
    const QStringList buckets = m_readable(account);
    m_clients.insert(socket, Client{account, QSet<QString>(buckets.cbegin(), buckets.cend())});
    socket->sendTextMessage(u"{\"ready\":true}"_s);
}

void NudgeHub::poll()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT seq, scope_seq FROM sync_counter WHERE id = 1"_s) || !query.next())
        return;
    const qint64 head = query.value(0).toLongLong();
    const qint64 scopeSeq = query.value(1).toLongLong();
    // Buckets change (a new class, a new child): read them again when a
    // change that decides them committed.
    if (scopeSeq != m_scopeSeq) {
        m_scopeSeq = scopeSeq;
        for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
            const QStringList buckets = m_readable(it.value().accountId);
            it.value().buckets = QSet<QString>(buckets.cbegin(), buckets.cend());
        }
    }
    if (m_head < 0 || head <= m_head || m_clients.isEmpty()) {
        m_head = head;
        return;
    }
    if (!Core::execPrepared(query, u"SELECT DISTINCT bucket FROM row_bucket WHERE seq > ? AND seq <= ?"_s, m_head,
                            head)) {
        return;
    }
    QSet<QString> changed;
    while (query.next())
        changed.insert(query.value(0).toString());
    m_head = head;
    const QString nudge = u"{\"nudge\":%1}"_s.arg(head);
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it.value().buckets.intersects(changed))
            it.key()->sendTextMessage(nudge);
    }
}

} // namespace Cartable::Server
