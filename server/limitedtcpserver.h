#pragma once

#include "connectionguard.h"

#include <QHostAddress>
#include <QList>
#include <QTcpServer>

#include <memory>

namespace Cartable::Server {

// The TCP listener under the HTTP layer. It refuses oversize requests before
// they are buffered whole (a declared Content-Length above the limit, or more
// bytes than the limit allows for one request, gets 413 and the connection is
// closed: the HTTP layer would otherwise keep the whole body in memory), puts
// a deadline on every part of a connection's life, and caps the connections
// one address holds open (ConnectionGuard, ConnectionLimits). It owns the
// sockets it hands over.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    // Connections from `uncapped` addresses (trusted reverse proxies, which
    // carry many clients each) are not counted against the cap.
    LimitedTcpServer(qint64 maxBodyBytes, const ConnectionLimits &limits, QList<QHostAddress> uncapped = {},
                     QObject *parent = nullptr);

    // The connections `address` holds open now.
    int openConnections(const QHostAddress &address) const;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    bool isUncapped(const QHostAddress &address) const;

    std::shared_ptr<ConnectionBook> m_book;
    QList<QHostAddress> m_uncapped;
    LogGate m_capLog;
};

} // namespace Cartable::Server
