#include "nudgelistener.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Cartable::Sync {

using namespace Qt::StringLiterals;

NudgeListener::NudgeListener(QObject *parent) : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &NudgeListener::open);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"token"_s, m_token}}).toJson(QJsonDocument::Compact)));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &NudgeListener::received);
    connect(&m_socket, &QWebSocket::disconnected, this, &NudgeListener::dropped);
}

void NudgeListener::start(const QUrl &server, const QString &accessToken)
{
    m_url = server;
    m_url.setScheme(server.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    m_url.setPath(u"/api/v1/sync/nudge"_s);
    m_token = accessToken;
    m_running = true;
    m_failures = 0;
    open();
}

void NudgeListener::stop()
{
    m_running = false;
    m_retry.stop();
    m_socket.abort();
}

void NudgeListener::open()
{
    if (!m_running)
        return;
    m_ready = false;
    m_socket.open(m_url);
}

void NudgeListener::received(const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    if (object.value(u"ready"_s).toBool()) {
        m_ready = true;
        m_failures = 0;
        Q_EMIT ready();
    } else if (object.contains(u"nudge"_s)) {
        Q_EMIT nudged(object.value(u"nudge"_s).toInteger());
    }
}

void NudgeListener::dropped()
{
    m_ready = false;
    if (m_socket.closeCode() == QWebSocketProtocol::CloseCode(4401))
        Q_EMIT unauthorised();
    if (!m_running)
        return;
    // 1 s, 2 s, 4 s … up to a minute, with jitter so that a restarted server
    // is not met by every client at once.
    const int base = 1000 << qMin(m_failures++, 6);
    m_retry.start(qMin(base, 60'000) + int(QRandomGenerator::global()->bounded(base / 2 + 1)));
}

} // namespace Cartable::Sync
