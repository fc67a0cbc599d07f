#include "limitedtcpserver.h"

#include <QTcpSocket>

namespace Cartable::Server {

using namespace Qt::StringLiterals;

namespace {

// An IPv4 client reached through an IPv6 listener counts as itself.
QString addressKey(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(ipv4).toString() : address.toString();
}

} // namespace

LimitedTcpServer::LimitedTcpServer(qint64 maxBodyBytes, const ConnectionLimits &limits, QList<QHostAddress> uncapped,
                                   QObject *parent)
    : QTcpServer(parent), m_book(std::make_shared<ConnectionBook>()), m_uncapped(std::move(uncapped))
{
    m_book->limits = limits;
    m_book->maxBodyBytes = maxBodyBytes;
}

int LimitedTcpServer::openConnections(const QHostAddress &address) const
{
    return m_book->open.value(addressKey(address));
}

bool LimitedTcpServer::isUncapped(const QHostAddress &address) const
{
    for (const QHostAddress &proxy : m_uncapped) {
        if (proxy.isEqual(address, QHostAddress::TolerantConversion))
            return true;
    }
    return false;
}

void LimitedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    const QString address = addressKey(peer);
    const int open = m_book->open.value(address);
    if (open >= m_book->limits.maxPerAddress && !isUncapped(peer)) {
        // Closed before anything is read: a flood costs no more than this.
        int held = 0;
        if (m_capLog.pass(held)) {
            qCWarning(lcConnection).noquote()
                << u"closed a new connection from %1, which holds %2 open, the most allowed%3"_s
                       .arg(address, QString::number(open),
                            held > 0 ? u" (%1 more since the last such line)"_s.arg(held) : QString());
        }
        socket->abort();
        delete socket;
        return;
    }
    // An answer is written in pieces (status, headers, body): without this,
    // the last piece can wait for the client's delayed acknowledgement.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // A child of the socket, made before the HTTP layer sees the socket.
    new ConnectionGuard(socket, m_book, address);
    addPendingConnection(socket);
}

} // namespace Cartable::Server
