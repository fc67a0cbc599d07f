#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <memory>

#include <QLoggingCategory>

class QTcpSocket;

namespace Cartable::Server {

Q_DECLARE_LOGGING_CATEGORY(lcConnection)

// How long a connection may take over each part of its life, and how many a
// client address may hold open (docs/SECURITY.md, "Connection limits").
struct ConnectionLimits
{
    // The whole request head, from the connection's opening or from the
    // first byte of the next request on a kept-alive connection.
    std::chrono::seconds headerTimeout{10};
    // The whole body, from the end of its head: a fixed deadline, however
    // the body comes (Content-Length or chunks).
    std::chrono::seconds bodyTimeout{30};
    // Between requests, and while an answer is read by the client: the
    // longest time without a byte moving.
    std::chrono::seconds idleTimeout{60};
    // Open connections from one address; more are closed at once.
    int maxPerAddress = 256;
};

// Lets a log line through at most once a minute, and counts the ones it held
// back, so that a flood of refusals cannot flood the log.
class LogGate
{
public:
    // Whether to log now; `held` is then how many were held back since.
    bool pass(int &held);

private:
    QElapsedTimer m_last;
    int m_held = 0;
};

// What the connections of one listener share.
struct ConnectionBook
{
    ConnectionLimits limits;
    qint64 maxBodyBytes = 0;
    // Open connections by client address.
    QHash<QString, int> open;
    LogGate timeouts;
    LogGate oversize;
};

// Watches one HTTP connection on behalf of LimitedTcpServer, below Qt's HTTP
// layer: where the current request stands (its head, its body, the wait for
// the next one), a deadline for each step, the size of what arrives, and
// whether the connection ends after its answer. A child of its socket: it
// goes with it, whoever deletes the socket.
//
// Qt 6.4's HTTP layer cuts every signal connection of a socket whose request
// it cannot parse and then forgets it, and deletes a socket on disconnection
// only when its connections still stand. So the guard's own timer closes
// and deletes what it ends. Handlers answer synchronously (apiserver.h), so a
// timer never fires while a request is being handled and no answer is ever
// written to a socket the guard has deleted.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(QTcpSocket *socket, std::shared_ptr<ConnectionBook> book, QString address);
    ~ConnectionGuard() override;

    // The guard of a socket that LimitedTcpServer accepted, or null.
    static ConnectionGuard *of(QTcpSocket *socket);

    // Whether the answer to the request in hand ends the connection: the
    // client asked for it (Connection: close), or speaks HTTP/1.0 without
    // asking to keep it.
    bool closesAfterAnswer() const { return m_closeAfterAnswer; }
    // An HTTP/1.0 client that asked to keep the connection is told it is kept.
    bool confirmsKeepAlive() const { return m_confirmKeepAlive; }
    // The answer is in the socket's buffer: the connection waits for the
    // next request, or closes once the answer is out.
    void answered(bool close);

    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;
    // What a connection closed for a deadline or a refusal has to take its
    // last bytes.
    static constexpr std::chrono::milliseconds kCloseGrace{5000};

private:
    enum class Phase {
        Head,    // waiting for (the rest of) a request head
        Body,    // the head is in; waiting for the body and the answer
        Idle,    // answered; waiting for the next request
        Handed,  // a WebSocket upgrade: the nudge channel keeps its own time
        Refused, // answered 413; what still comes is read and dropped
        Closing, // being closed; deleted when the grace time is over
    };

    void received();
    void written();
    void expired();
    void readHead(const QByteArray &head);
    void refuse();
    // Closes gracefully; the socket is cut and deleted once `grace` passes
    // without a byte moving.
    void end(std::chrono::milliseconds grace = kCloseGrace);
    void enter(Phase phase, std::chrono::milliseconds deadline);
    void logTimeout(const char *what, std::chrono::seconds limit);

    QTcpSocket *m_socket;
    std::shared_ptr<ConnectionBook> m_book;
    QString m_address;
    QTimer m_timer;
    Phase m_phase = Phase::Head;
    std::chrono::milliseconds m_grace = kCloseGrace;
    QByteArray m_head;
    qint64 m_received = 0;
    // The largest body the request in hand may have.
    qint64 m_bodyLimit = 0;
    bool m_closeAfterAnswer = false;
    bool m_confirmKeepAlive = false;
};

// The largest body a request may carry: the server's limit, or a file's
// chunk for PUT /api/v1/blobs/uploads/<id> (Core::kMaxBlobChunkBytes).
qint64 bodyLimitFor(const QByteArray &method, const QByteArray &target, qint64 maxBodyBytes);

// The Content-Length a request head declares, -1 when there is none yet, or
// -2 when the head is malformed.
qint64 declaredContentLength(const QByteArray &head);

} // namespace Cartable::Server
