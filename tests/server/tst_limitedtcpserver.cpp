// The listener under the HTTP layer, in-process, with the test standing in
// for the HTTP layer: a large answer read slowly is not idle, a client that
// stops reading is cut, a socket the HTTP layer gave up on is still closed and
// deleted, and the per-address count follows the sockets. Times are checked
// against generous bounds only.

#include "server/connectionguard.h"
#include "server/limitedtcpserver.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// What a noisy machine may add to a deadline.
constexpr int kSlackMs = 5000;
constexpr int kGraceMs = int(ConnectionGuard::kCloseGrace.count());

ConnectionLimits quickLimits()
{
    ConnectionLimits limits;
    limits.headerTimeout = 1s;
    limits.bodyTimeout = 1s;
    limits.idleTimeout = 1s;
    return limits;
}

} // namespace

class TestLimitedTcpServer : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<LimitedTcpServer> listening(const ConnectionLimits &limits,
                                                       const QList<QHostAddress> &uncapped = {})
    {
        auto server = std::make_unique<LimitedTcpServer>(1024 * 1024, limits, uncapped);
        if (!server->listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen");
        return server;
    }

    static std::unique_ptr<QTcpSocket> connectTo(const LimitedTcpServer &server)
    {
        auto client = std::make_unique<QTcpSocket>();
        client->connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (!client->waitForConnected(5000))
            qFatal("cannot connect");
        return client;
    }

    // The server's side of the next connection, as the HTTP layer takes it.
    static QPointer<QTcpSocket> accepted(LimitedTcpServer &server)
    {
        if (!QTest::qWaitFor([&server] { return server.hasPendingConnections(); }, 5000))
            return nullptr;
        return server.nextPendingConnection();
    }

    // A request head arrives and is answered with `size` bytes at once.
    static bool answerRequest(QTcpSocket &client, QTcpSocket &side, qsizetype size)
    {
        client.write("GET /api/v1/pull HTTP/1.1\r\nHost: localhost\r\n\r\n");
        if (!QTest::qWaitFor([&side] { return side.bytesAvailable() > 0; }, 5000))
            return false;
        side.readAll();
        // Small system buffers: most of the answer waits in the socket's own.
        side.setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 16 * 1024);
        side.write(QByteArray(size, 'x'));
        ConnectionGuard *guard = ConnectionGuard::of(&side);
        if (!guard)
            return false;
        guard->answered(false);
        return true;
    }

private Q_SLOTS:
    void bodyLimitOfEachRoute_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<qint64>("limit");
        const qint64 chunk = 4 * 1024 * 1024;
        const qint64 normal = 1024 * 1024;
        QTest::newRow("a chunk") << QByteArray("PUT") << QByteArray("/api/v1/blobs/uploads/abc?offset=0") << chunk;
        QTest::newRow("starting an upload") << QByteArray("POST") << QByteArray("/api/v1/blobs/uploads") << normal;
        QTest::newRow("a chunk's path posted")
            << QByteArray("POST") << QByteArray("/api/v1/blobs/uploads/abc") << normal;
        QTest::newRow("a push") << QByteArray("POST") << QByteArray("/api/v1/sync/push") << normal;
        QTest::newRow("another prefix") << QByteArray("PUT") << QByteArray("/api/v1/blobs/uploadsx/abc") << normal;
    }

    void bodyLimitOfEachRoute()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(qint64, limit);
        QCOMPARE(bodyLimitFor(method, target, 1024 * 1024), limit);
    }

    // A chunk of a file may take 4 MiB, not a byte more; other requests
    // keep the server's limit.
    void chunksPassTheBodyLimit_data()
    {
        QTest::addColumn<QByteArray>("requestLine");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<bool>("refused");
        const QByteArray chunk = "PUT /api/v1/blobs/uploads/0f0e7a4c-1d2b-4c3d-9e8f-7a6b5c4d3e2f?offset=0 HTTP/1.1";
        QTest::newRow("chunk of 1 MiB") << chunk << qint64(1024 * 1024) << false;
        QTest::newRow("chunk of 4 MiB") << chunk << qint64(4 * 1024 * 1024) << false;
        QTest::newRow("chunk over 4 MiB") << chunk << qint64(4 * 1024 * 1024 + 1) << true;
        QTest::newRow("push of 2 MiB") << QByteArray("POST /api/v1/sync/push HTTP/1.1") << qint64(2 * 1024 * 1024)
                                       << true;
        QTest::newRow("push of 1 MiB") << QByteArray("POST /api/v1/sync/push HTTP/1.1") << qint64(1024 * 1024) << false;
    }

    void chunksPassTheBodyLimit()
    {
        QFETCH(QByteArray, requestLine);
        QFETCH(qint64, length);
        QFETCH(bool, refused);
        const std::unique_ptr<LimitedTcpServer> server = listening(ConnectionLimits{});
        const std::unique_ptr<QTcpSocket> client = connectTo(*server);
        const QPointer<QTcpSocket> side = accepted(*server);
        QVERIFY(side);
        // Standing in for the HTTP layer, which reads everything that comes.
        qint64 read = 0;
        connect(side, &QTcpSocket::readyRead, this, [&side, &read] { read += side->readAll().size(); });
        const QByteArray head = requestLine + "\r\nHost: localhost\r\nContent-Length: " + QByteArray::number(length)
                                + "\r\n\r\n";
        client->write(head);
        if (refused) {
            QVERIFY(QTest::qWaitFor([&client] { return client->bytesAvailable() > 0; }, 5000));
            QVERIFY(client->readAll().startsWith("HTTP/1.1 413"));
            return;
        }
        client->write(QByteArray(length, 'x'));
        QVERIFY(QTest::qWaitFor([&read, &head, length] { return read == head.size() + length; }, 10000));
        QCOMPARE(client->bytesAvailable(), 0);
        QVERIFY(side && side->state() == QAbstractSocket::ConnectedState);
    }

    // An idle deadline of 1 s, and an answer that takes seconds to read: it
    // moves all the time, so it is not idle.
    void largeAnswerReadSlowlyIsNotCut()
    {
        const std::unique_ptr<LimitedTcpServer> server = listening(quickLimits());
        const std::unique_ptr<QTcpSocket> client = connectTo(*server);
        client->setReadBufferSize(16 * 1024);
        client->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
        const QPointer<QTcpSocket> side = accepted(*server);
        QVERIFY(side);
        constexpr qsizetype kSize = 2 * 1024 * 1024;
        QVERIFY(answerRequest(*client, *side, kSize));

        QElapsedTimer clock;
        clock.start();
        qsizetype received = 0;
        while (received < kSize && client->state() == QAbstractSocket::ConnectedState && clock.elapsed() < 60'000) {
            QTest::qWait(20);
            received += client->read(16 * 1024).size();
        }
        received += client->readAll().size();
        QCOMPARE(received, kSize);
        // It took longer than the idle deadline: the test shows something.
        QVERIFY2(clock.elapsed() > 1500, qPrintable(QString::number(clock.elapsed())));
        // Once all of it is out, the idle time runs.
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == QAbstractSocket::UnconnectedState, 1000 + kSlackMs);
    }

    void clientThatStopsReadingIsCut()
    {
        const std::unique_ptr<LimitedTcpServer> server = listening(quickLimits());
        const std::unique_ptr<QTcpSocket> client = connectTo(*server);
        client->setReadBufferSize(16 * 1024);
        client->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
        const QPointer<QTcpSocket> side = accepted(*server);
        QVERIFY(side);
        QVERIFY(answerRequest(*client, *side, 8 * 1024 * 1024));
        QTRY_VERIFY_WITH_TIMEOUT(side.isNull(), 1000 + kSlackMs);
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 0);
    }

    // Qt 6.4's HTTP layer cuts every connection of a socket it cannot parse
    // and forgets it: the deadline still closes it, and it is deleted.
    void socketGivenUpByTheHttpLayerIsClosedAndDeleted()
    {
        const std::unique_ptr<LimitedTcpServer> server = listening(quickLimits());
        const std::unique_ptr<QTcpSocket> client = connectTo(*server);
        const QPointer<QTcpSocket> side = accepted(*server);
        QVERIFY(side);
        client->write("GET /api/v1/health HTTP/1.1\r\nHo");
        QVERIFY(QTest::qWaitFor([&side] { return side->bytesAvailable() > 0; }, 5000));
        side->disconnect();
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 1);
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == QAbstractSocket::UnconnectedState, 1000 + kSlackMs);
        QTRY_VERIFY_WITH_TIMEOUT(side.isNull(), kGraceMs + kSlackMs);
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 0);
    }

    void capCountsOpenConnections()
    {
        ConnectionLimits limits;
        limits.maxPerAddress = 2;
        const std::unique_ptr<LimitedTcpServer> server = listening(limits);
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        std::vector<QPointer<QTcpSocket>> sides;
        for (int i = 0; i < 2; ++i) {
            clients.push_back(connectTo(*server));
            sides.push_back(accepted(*server));
            QVERIFY(sides.back());
        }
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 2);
        // IPv4 through an IPv6 form is the same address.
        QCOMPARE(server->openConnections(QHostAddress(u"::ffff:127.0.0.1"_s)), 2);

        const std::unique_ptr<QTcpSocket> excess = connectTo(*server);
        QTRY_VERIFY_WITH_TIMEOUT(excess->state() == QAbstractSocket::UnconnectedState, kSlackMs);
        QVERIFY(!server->hasPendingConnections());
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 2);

        // A socket deleted, by whoever, is one connection fewer.
        delete sides.front().data();
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 1);
        clients.push_back(connectTo(*server));
        QVERIFY(accepted(*server));
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 2);
    }

    // A trusted reverse proxy carries every client: its connections are not
    // capped (the clients are, at the proxy).
    void trustedProxyIsNotCapped()
    {
        ConnectionLimits limits;
        limits.maxPerAddress = 2;
        const std::unique_ptr<LimitedTcpServer> server = listening(limits, {QHostAddress(u"127.0.0.1"_s)});
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 5; ++i) {
            clients.push_back(connectTo(*server));
            QVERIFY(accepted(*server));
        }
        QCOMPARE(server->openConnections(QHostAddress::LocalHost), 5);
    }
};

QTEST_GUILESS_MAIN(TestLimitedTcpServer)
#include "tst_limitedtcpserver.moc"
