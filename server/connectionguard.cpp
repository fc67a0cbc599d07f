#include "connectionguard.h"

#include "apiresponse.h"

#include "core/protocol/blobs.h"

#include <QLoggingCategory>
#include <QTcpSocket>

#include <utility>

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcConnection, "cartable.server.connection")
Q_LOGGING_CATEGORY(lcLimit, "cartable.server.limit")

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// After a refusal the rest of the upload is read and dropped for a while, so
// that the client gets to read the 413 instead of a connection reset.
constexpr qint64 kMaxDrainedBytes = 16 * 1024 * 1024;
constexpr std::chrono::milliseconds kDrainTime = 5s;
constexpr qint64 kLogGateMilliseconds = 60'000;

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

QString heldBack(int held)
{
    return held > 0 ? u" (%1 more since the last such line)"_s.arg(held) : QString();
}

} // namespace

bool LogGate::pass(int &held)
{
    if (m_last.isValid() && m_last.elapsed() < kLogGateMilliseconds) {
        ++m_held;
        return false;
    }
    m_last.start();
    held = std::exchange(m_held, 0);
    return true;
}

qint64 bodyLimitFor(const QByteArray &method, const QByteArray &target, qint64 maxBodyBytes)
{
    if (method == "PUT" && target.startsWith("/api/v1/blobs/uploads/"))
        return Core::kMaxBlobChunkBytes;
    return maxBodyBytes;
}

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

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, std::shared_ptr<ConnectionBook> book, QString address)
    : QObject(socket), m_socket(socket), m_book(std::move(book)), m_address(std::move(address))
{
    ++m_book->open[m_address];
    m_bodyLimit = m_book->maxBodyBytes;
    acknowledgeAtOnce(socket);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::expired);
    // Connected before the HTTP layer connects its own handler, so this one
    // sees each chunk first.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::received);
    connect(socket, &QTcpSocket::bytesWritten, this, &ConnectionGuard::written);
    enter(Phase::Head, m_book->limits.headerTimeout);
}

ConnectionGuard::~ConnectionGuard()
{
    // The socket is half destroyed by now: only the book is touched.
    const auto it = m_book->open.find(m_address);
    if (it != m_book->open.end() && --*it <= 0)
        m_book->open.erase(it);
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::answered(bool close)
{
    if (m_phase == Phase::Handed || m_phase == Phase::Refused || m_phase == Phase::Closing)
        return;
    // An answer ends a request: the next one starts its count again.
    m_head.clear();
    m_received = 0;
    m_bodyLimit = m_book->maxBodyBytes;
    // The answer may be large and its reader slow: it has the idle time to
    // move, as on a kept-alive connection.
    if (close)
        end(m_book->limits.idleTimeout);
    else
        enter(Phase::Idle, m_book->limits.idleTimeout);
}

void ConnectionGuard::received()
{
    acknowledgeAtOnce(m_socket);
    switch (m_phase) {
    case Phase::Handed:
        return;
    case Phase::Closing:
        // Nothing sent after the end reaches the HTTP layer.
        m_socket->readAll();
        return;
    case Phase::Refused:
        m_received += m_socket->readAll().size();
        if (m_received > kMaxDrainedBytes) {
            m_socket->abort();
            enter(Phase::Closing, m_grace);
        }
        return;
    case Phase::Idle:
        m_head.clear();
        m_received = 0;
        m_bodyLimit = m_book->maxBodyBytes;
        enter(Phase::Head, m_book->limits.headerTimeout);
        break;
    case Phase::Head:
    case Phase::Body:
        break;
    }

    // The HTTP layer reads everything each time, so what is available is
    // what has just arrived.
    const qint64 available = m_socket->bytesAvailable();
    m_received += available;
    if (m_phase == Phase::Head) {
        // From a little before the new bytes: the blank line may straddle two
        // chunks.
        const qsizetype from = qMax<qsizetype>(0, m_head.size() - 3);
        m_head += m_socket->peek(qMin(available, kMaxHeaderBytes + 4 - m_head.size()));
        const qsizetype headEnd = m_head.indexOf("\r\n\r\n", from);
        if (headEnd >= 0) {
            readHead(m_head.left(headEnd + 4));
        } else if (m_head.size() > kMaxHeaderBytes) {
            int held = 0;
            if (m_book->oversize.pass(held))
                qCWarning(lcLimit).noquote() << "closed a connection from" << m_address << "whose request head passed"
                                             << kMaxHeaderBytes << u"bytes"_s + heldBack(held);
            end();
        }
        if (m_phase != Phase::Head && m_phase != Phase::Body)
            return;
    }
    if (m_received > m_bodyLimit + kMaxHeaderBytes) {
        int held = 0;
        if (m_book->oversize.pass(held))
            qCWarning(lcLimit).noquote() << "refused an oversize request from" << m_address << "received" << m_received
                                         << u"bytes"_s + heldBack(held);
        refuse();
    }
}

void ConnectionGuard::readHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.trimmed().split('\n');
    const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
    const bool http10 = requestLine.size() == 3 && requestLine.at(2) == "HTTP/1.0";
    bool close = false;
    bool keepAlive = false;
    bool connectionUpgrade = false;
    bool upgradeHeader = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        if (name == "upgrade") {
            upgradeHeader = true;
        } else if (name == "connection") {
            for (const QByteArray &token : lines.at(i).mid(colon + 1).split(',')) {
                const QByteArray option = token.trimmed().toLower();
                close = close || option == "close";
                keepAlive = keepAlive || option == "keep-alive";
                connectionUpgrade = connectionUpgrade || option == "upgrade";
            }
        }
    }
    m_closeAfterAnswer = close || (http10 && !keepAlive);
    m_confirmKeepAlive = http10 && keepAlive && !close;
    m_bodyLimit = requestLine.size() >= 2 ? bodyLimitFor(requestLine.at(0), requestLine.at(1), m_book->maxBodyBytes)
                                          : m_book->maxBodyBytes;

    const qint64 declared = declaredContentLength(head);
    if (declared > m_bodyLimit) {
        int held = 0;
        if (m_book->oversize.pass(held))
            qCWarning(lcLimit).noquote() << "refused an oversize request from" << m_address << "declared" << declared
                                         << u"bytes"_s + heldBack(held);
        refuse();
        return;
    }
    if (upgradeHeader && connectionUpgrade) {
        // The HTTP layer hands the connection to the WebSocket server, whose
        // handshake and the nudge channel's sign-in have their own deadlines.
        m_timer.stop();
        m_phase = Phase::Handed;
        return;
    }
    enter(Phase::Body, m_book->limits.bodyTimeout);
}

void ConnectionGuard::written()
{
    // An answer on its way keeps the connection: a large download to a slow
    // client is not idle as long as it moves.
    if (m_phase == Phase::Idle)
        enter(Phase::Idle, m_book->limits.idleTimeout);
    else if (m_phase == Phase::Closing)
        enter(Phase::Closing, m_grace);
}

void ConnectionGuard::expired()
{
    switch (m_phase) {
    case Phase::Head:
        logTimeout("its request head did not arrive", m_book->limits.headerTimeout);
        end();
        return;
    case Phase::Body:
        logTimeout("its request body did not arrive", m_book->limits.bodyTimeout);
        end();
        return;
    case Phase::Idle:
        if (m_socket->bytesToWrite() > 0) {
            // The client stopped reading its answer.
            logTimeout("its answer was not read", m_book->limits.idleTimeout);
            m_socket->abort();
            m_socket->deleteLater();
            return;
        }
        // What the system still holds of the last answer goes out before
        // the end of the connection.
        end();
        return;
    case Phase::Refused:
        end();
        return;
    case Phase::Closing:
        m_socket->abort();
        m_socket->deleteLater();
        return;
    case Phase::Handed:
        return;
    }
}

void ConnectionGuard::refuse()
{
    // What has arrived is dropped, so that the HTTP layer parses nothing more.
    m_socket->readAll();
    m_received = 0;
    m_closeAfterAnswer = true;
    const ApiResponse response = ApiResponse::problem(
        Core::Error{Core::ErrorCode::PayloadTooLarge, QString::number(m_bodyLimit)});
    const QByteArray answer
        = "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
          "Content-Length: "
          + QByteArray::number(response.body.size()) + "\r\n\r\n" + response.body;
    m_socket->write(answer);
    enter(Phase::Refused, kDrainTime);
}

void ConnectionGuard::end(std::chrono::milliseconds grace)
{
    // Before the socket closes: closing may signal at once.
    m_grace = grace;
    enter(Phase::Closing, grace);
    m_socket->disconnectFromHost();
}

void ConnectionGuard::enter(Phase phase, std::chrono::milliseconds deadline)
{
    m_phase = phase;
    m_timer.start(deadline);
}

void ConnectionGuard::logTimeout(const char *what, std::chrono::seconds limit)
{
    int held = 0;
    if (m_book->timeouts.pass(held))
        qCInfo(lcConnection).noquote() << "closed a connection from" << m_address << "as" << what << "within"
                                       << limit.count() << u"s"_s + heldBack(held);
}

} // namespace Cartable::Server
