#pragma once

#include <QTcpServer>

class QTcpSocket;

namespace Cartable::Server {

// A TCP listener that refuses oversize requests before they are buffered
// whole: a declared Content-Length above the limit, or more bytes than the
// limit allows for one request, gets 413 and the connection is closed.
// The HTTP layer would otherwise keep the whole body in memory.
class LimitedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    LimitedTcpServer(qint64 maxBodyBytes, QObject *parent = nullptr);

    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void inspect(QTcpSocket *socket);
    void refuse(QTcpSocket *socket);

    qint64 m_maxBodyBytes;
};

// The Content-Length a request head declares, -1 when there is none yet, or
// -2 when the head is malformed.
qint64 declaredContentLength(const QByteArray &head);

} // namespace Cartable::Server
