// The real cartable-server process and raw TCP clients: the deadlines of a
// connection (request head, body, idle time between requests), the answer
// that ends a connection (Connection: close, HTTP/1.0), and the cap on the
// connections of one address. Times are checked against generous bounds
// only: a deadline of 2 s must cut within a few seconds more, never sooner
// than the client's own pace shows.

#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Cartable::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutSeconds = 2;
// What a noisy machine may add to a deadline before the cut is seen.
constexpr int kSlackMs = 5000;
constexpr int kCap = 8;

const QByteArray kHealth = "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n";

struct Answer
{
    QByteArray head;
    QByteArray body;
    bool complete = false;

    bool isOk() const { return complete && head.startsWith("HTTP/1.1 200"); }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Reads one answer (a head and a Content-Length body) within `ms`.
Answer readAnswer(QTcpSocket &socket, int ms = 10'000)
{
    Answer answer;
    QByteArray buffer;
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            answer.head = buffer.left(end);
            const qint64 length = answer.header("Content-Length").toLongLong();
            if (buffer.size() - end - 4 >= length) {
                answer.body = buffer.mid(end + 4, length);
                answer.complete = true;
                return answer;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
        socket.waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(200, deadline.remainingTime()))));
    }
    answer.head = buffer;
    return answer;
}

std::unique_ptr<QTcpSocket> connectTo(const ServerProcess &server)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(u"127.0.0.1"_s, server.port());
    if (!socket->waitForConnected(5000))
        qWarning("cannot connect: %s", qPrintable(socket->errorString()));
    return socket;
}

// Waits, the event loop running, until the server has closed `socket`.
bool closedWithin(QTcpSocket &socket, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
        socket.readAll();
        QTest::qWait(20);
    }
    return socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace

class TestServerConnections : public QObject
{
    Q_OBJECT

private:
    // A normal request on a fresh connection.
    static bool answers(const ServerProcess &server)
    {
        if (!server.isRunning())
            return false;
        std::unique_ptr<QTcpSocket> socket = connectTo(server);
        socket->write(kHealth);
        return readAnswer(*socket).isOk();
    }

    // Deadlines of 2 s, so that the tests stay quick.
    std::unique_ptr<ServerProcess> m_quick;
    // The default deadlines (an answer that ends its connection must not
    // wait for the idle time) and a small cap.
    std::unique_ptr<ServerProcess> m_patient;

private Q_SLOTS:
    void initTestCase()
    {
        const QString seconds = QString::number(kTimeoutSeconds);
        m_quick = std::make_unique<ServerProcess>();
        QVERIFY2(m_quick->start({u"--header-timeout-seconds"_s, seconds, u"--body-timeout-seconds"_s, seconds,
                                 u"--idle-timeout-seconds"_s, seconds}),
                 qPrintable(m_quick->errorString()));
        m_patient = std::make_unique<ServerProcess>();
        QVERIFY2(m_patient->start({u"--max-connections-per-address"_s, QString::number(kCap)}),
                 qPrintable(m_patient->errorString()));
    }

    void cleanupTestCase()
    {
        if (m_quick)
            QCOMPARE(m_quick->stop(), 0);
        if (m_patient)
            QCOMPARE(m_patient->stop(), 0);
    }

    // A byte a second, faster than the deadline: the head as a whole is
    // late, and the connection is cut before it is complete.
    void slowHeadIsCut()
    {
        std::unique_ptr<QTcpSocket> socket = connectTo(*m_quick);
        QElapsedTimer clock;
        clock.start();
        int sent = 0;
        while (socket->state() == QAbstractSocket::ConnectedState && sent < kHealth.size()
               && clock.elapsed() < 30'000) {
            socket->write(kHealth.mid(sent, 1));
            socket->flush();
            ++sent;
            QTest::qWait(1000);
        }
        QVERIFY(closedWithin(*socket, kSlackMs));
        QVERIFY2(sent >= kTimeoutSeconds && sent < kHealth.size(), qPrintable(QString::number(sent)));
        QVERIFY2(clock.elapsed() <= kTimeoutSeconds * 1000 + kSlackMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(m_quick->log().contains("closed a connection from 127.0.0.1 as its request"));
        QVERIFY(answers(*m_quick));
    }

    // Chunks keep coming, but the body never ends.
    void neverEndingChunkedBodyIsCut()
    {
        std::unique_ptr<QTcpSocket> socket = connectTo(*m_quick);
        socket->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n");
        QElapsedTimer clock;
        clock.start();
        int chunks = 0;
        while (socket->state() == QAbstractSocket::ConnectedState && clock.elapsed() < 30'000) {
            socket->write("1\r\n \r\n");
            socket->flush();
            ++chunks;
            QTest::qWait(500);
        }
        QVERIFY(socket->state() != QAbstractSocket::ConnectedState);
        QVERIFY2(chunks >= 2 * kTimeoutSeconds, qPrintable(QString::number(chunks)));
        QVERIFY2(clock.elapsed() <= kTimeoutSeconds * 1000 + kSlackMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(answers(*m_quick));
    }

    void bodyWithContentLengthIsCutWhenLate()
    {
        std::unique_ptr<QTcpSocket> socket = connectTo(*m_quick);
        socket->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      "Content-Length: 100\r\n\r\n{\"login\":");
        QElapsedTimer clock;
        clock.start();
        QVERIFY(closedWithin(*socket, kTimeoutSeconds * 1000 + kSlackMs));
        // Cut by the deadline, not at once for being incomplete.
        QVERIFY2(clock.elapsed() >= kTimeoutSeconds * 1000 / 2, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(socket->readAll().isEmpty());
        QVERIFY(m_quick->isRunning());
        QVERIFY(answers(*m_quick));
    }

    void idleKeptAliveConnectionIsClosed()
    {
        std::unique_ptr<QTcpSocket> socket = connectTo(*m_quick);
        socket->write(kHealth);
        QVERIFY(readAnswer(*socket).isOk());
        // Kept alive for the next request, and the wait starts again after it.
        QTest::qWait(kTimeoutSeconds * 1000 / 4);
        socket->write(kHealth);
        const Answer second = readAnswer(*socket);
        QVERIFY(second.isOk());
        QVERIFY(second.header("Connection").isEmpty());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(closedWithin(*socket, kTimeoutSeconds * 1000 + kSlackMs));
        QVERIFY2(clock.elapsed() >= kTimeoutSeconds * 1000 / 2, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(answers(*m_quick));
    }

    // Cut in the middle of a request, or hanging up before its answer: the
    // server goes on answering.
    void cutsAndHangUpsLeaveTheServerAnswering()
    {
        std::unique_ptr<QTcpSocket> cut = connectTo(*m_quick);
        cut->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                   "Content-Length: 60\r\n\r\n{\"login\":\"prof.martin\",");
        // Signing in hashes a password: the client is gone before the answer.
        const QByteArray login = R"({"login":"prof.martin","password":"cartable"})";
        for (int round = 0; round < 3; ++round) {
            std::unique_ptr<QTcpSocket> gone = connectTo(*m_quick);
            gone->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        "Content-Length: "
                        + QByteArray::number(login.size()) + "\r\n\r\n" + login);
            QVERIFY(gone->waitForBytesWritten(5000));
            if (round % 2)
                gone->abort();
            else
                gone->disconnectFromHost();
        }
        QVERIFY(closedWithin(*cut, kTimeoutSeconds * 1000 + kSlackMs));
        QTest::qWait(300);
        QVERIFY(m_quick->isRunning());
        QVERIFY(answers(*m_quick));
        QCOMPARE(postJson(endpoint(m_quick->url(), u"/api/v1/auth/login"_s), login).status, 200);
    }

    void excessConnectionsFromOneAddressAreClosedAtOnce()
    {
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < kCap; ++i) {
            held.push_back(connectTo(*m_patient));
            held.back()->write(kHealth);
            QVERIFY2(readAnswer(*held.back()).isOk(), qPrintable(QString::number(i)));
        }
        std::unique_ptr<QTcpSocket> excess = connectTo(*m_patient);
        excess->write(kHealth);
        // Closed, unanswered, long before any deadline of this server.
        QVERIFY(closedWithin(*excess, kSlackMs));
        QVERIFY(!excess->readAll().startsWith("HTTP"));
        QVERIFY(m_patient->log().contains("closed a new connection from 127.0.0.1"));
        // The connections held go on working.
        held.front()->write(kHealth);
        QVERIFY(readAnswer(*held.front()).isOk());

        // One closes: a new one is let in.
        held.back()->disconnectFromHost();
        held.pop_back();
        bool admitted = false;
        const QDeadlineTimer deadline(kSlackMs);
        while (!admitted && !deadline.hasExpired()) {
            QTest::qWait(100);
            admitted = answers(*m_patient);
        }
        QVERIFY(admitted);
        held.clear();
        QTRY_VERIFY_WITH_TIMEOUT(answers(*m_patient), kSlackMs);
    }

    void connectionCloseIsHonoured()
    {
        std::unique_ptr<QTcpSocket> socket = connectTo(*m_patient);
        socket->write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        const Answer answer = readAnswer(*socket);
        QVERIFY(answer.isOk());
        QCOMPARE(answer.header("Connection"), QByteArray("close"));
        // This server's idle time is a minute: the close is the answer's.
        QVERIFY(closedWithin(*socket, kSlackMs));
        QVERIFY(answers(*m_patient));
    }

    void http10_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("keptAlive");
        QTest::newRow("plain") << QByteArray("GET /api/v1/health HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("keep-alive") << QByteArray("GET /api/v1/health HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
                                    << true;
        QTest::newRow("keep-alive then close")
            << QByteArray("GET /api/v1/health HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n") << false;
    }

    void http10()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, keptAlive);
        std::unique_ptr<QTcpSocket> socket = connectTo(*m_patient);
        socket->write(request);
        const Answer answer = readAnswer(*socket);
        QVERIFY(answer.isOk());
        QCOMPARE(answer.header("Connection"), keptAlive ? QByteArray("keep-alive") : QByteArray("close"));
        if (keptAlive) {
            QTest::qWait(300);
            QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
            socket->write(request);
            QVERIFY(readAnswer(*socket).isOk());
        } else {
            QVERIFY(closedWithin(*socket, kSlackMs));
        }
        QVERIFY(answers(*m_patient));
    }
};

QTEST_GUILESS_MAIN(TestServerConnections)
#include "tst_serverconnections.moc"
