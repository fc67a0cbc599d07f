#include "limitedtcpserver.h"

#include "apiresponse.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcLimit, "cartable.server.limit")

using namespace Qt::StringLiterals;

namespace {

constexpr char kReceived[] = "cartableReceived";
constexpr char kRefused[] = "cartableRefused";
// After a refusal the rest of the upload is read and dropped for a while, so
// that the client gets to read the 413 instead of a connection reset.
constexpr qint64 kMaxDrainedBytes = 16 * 1024 * 1024;
constexpr int kDrainMilliseconds = 5000;

// A request body comes in several segments, and a client that leaves Nagle's
// algorithm on (Qt's does) holds its last short one until the ones before are
// acknowledged. Linux delays an acknowledgement up to 40 ms once a connection
// looks interactive, so every large request waited 40 ms for nothing. Asking
// for immediate acknowledgements lasts only a while: it is asked again each
// time data arrives.
void acknowledgeAtOnce(QTcpSocket *socket)
{
#ifdef Q_OS_LINUX
    const int on = 1;
    ::setsockopt(static_cast<int>(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(socket);
#endif
}

} // namespace

qint64 declaredContentLength(const QByteArray &head)
{
    const qsizetype end = head.indexOf("\r\n\r\n");
    const QByteArray headers = end < 0 ? head : head.left(end);
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().toLower() != "content-length")
            continue;
        if (end < 0 && !line.endsWith('\r'))
            return -1; // the value may not have fully arrived
        bool ok = false;
        const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
        return ok && length >= 0 ? length : -2;
    }
    return -1;
}

LimitedTcpServer::LimitedTcpServer(qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent), m_maxBodyBytes(maxBodyBytes)
{
}

void LimitedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // An answer is written in pieces (status, headers, body): without this,
    // the last piece can wait for the client's delayed acknowledgement.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    acknowledgeAtOnce(socket);
    // Connected before the HTTP layer connects its own handler, so this one
    // sees each chunk first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    // An answer ends a request: the next one on a kept-alive connection
    // starts its count again.
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] { socket->setProperty(kReceived, 0); });
    addPendingConnection(socket);
}

void LimitedTcpServer::inspect(QTcpSocket *socket)
{
    acknowledgeAtOnce(socket);
    if (socket->property(kRefused).toBool()) {
        const qint64 drained = socket->property(kReceived).toLongLong() + socket->readAll().size();
        socket->setProperty(kReceived, drained);
        if (drained > kMaxDrainedBytes)
            socket->abort();
        return;
    }
    const qint64 before = socket->property(kReceived).toLongLong();
    const qint64 received = before + socket->bytesAvailable();
    socket->setProperty(kReceived, received);

    // The head is only at the start of a request.
    const qint64 declared = before == 0 ? declaredContentLength(socket->peek(kMaxHeaderBytes)) : -1;
    if (declared > m_maxBodyBytes || received > m_maxBodyBytes + kMaxHeaderBytes) {
        qCWarning(lcLimit) << "refused an oversize request from" << socket->peerAddress().toString() << "declared"
                           << declared << "received" << received;
        refuse(socket);
    }
}

void LimitedTcpServer::refuse(QTcpSocket *socket)
{
    socket->setProperty(kRefused, true);
    // What has arrived is dropped, so that the HTTP layer parses nothing more.
    socket->readAll();
    socket->setProperty(kReceived, 0);
    const ApiResponse response = ApiResponse::problem(
        Core::Error{Core::ErrorCode::PayloadTooLarge, QString::number(m_maxBodyBytes)});
    QByteArray answer = "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        "Content-Length: "
                        + QByteArray::number(response.body.size()) + "\r\n\r\n" + response.body;
    socket->write(answer);
    QTimer::singleShot(kDrainMilliseconds, socket, [socket] { socket->disconnectFromHost(); });
}

} // namespace Cartable::Server
