// ApiClient::whenSent(): the sync engine writes an answer only once its next
// request is out, so that the server works on that request meanwhile. Qt's
// network thread takes a request's body from this thread's event loop, piece
// by piece: work that runs once the head has left, and holds the loop, holds
// the body back, and the server waits for it.

#include "sync/apiclient.h"
#include "tests/support/httpclient.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;

namespace {

// Whether `received` holds a whole request: its head and as many bytes after
// it as its Content-Length says.
bool wholeRequest(const QByteArray &received)
{
    const qsizetype end = received.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    for (const QByteArray &line : received.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
            return received.size() - (end + 4) >= line.mid(colon + 1).trimmed().toLongLong();
    }
    return false;
}

// A server that reads requests and answers only when told.
class HoldingServer : public QObject
{
public:
    HoldingServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    const QByteArray &received() const { return m_received; }

    // Reads what has arrived, without the event loop, for up to `ms`, until
    // a whole request is in.
    bool waitForWholeRequest(int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (!wholeRequest(m_received) && timer.elapsed() < ms) {
            if (!m_peer && m_server.waitForNewConnection(10))
                accept();
            if (m_peer) {
                m_peer->waitForReadyRead(10);
                m_received += m_peer->readAll();
            }
        }
        return wholeRequest(m_received);
    }

    void answer(const QByteArray &json)
    {
        m_peer->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(json.size()) + "\r\n\r\n" + json);
    }

private:
    void accept()
    {
        if (m_peer)
            return;
        m_peer = m_server.nextPendingConnection();
        if (!m_peer)
            return;
        connect(m_peer, &QTcpSocket::readyRead, this, [this] { m_received += m_peer->readAll(); });
    }

    QTcpServer m_server;
    QPointer<QTcpSocket> m_peer;
    QByteArray m_received;
};

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A push of 500 changes is about 250 KB of JSON.
    void workWaitsForTheWholeBody()
    {
        HoldingServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        Sync::ApiClient api(&network);
        const QJsonObject batch{{u"clientId"_s, u"c1"_s}, {u"pad"_s, QString(512 * 1024, u'x')}};
        bool answered = false;
        api.syncPush(server.url(), u"token"_s, batch,
                     [&](const Core::Result<QJsonObject> &answer) { answered = answer.ok(); });
        bool ran = false;
        bool whole = false;
        api.whenSent([&] {
            ran = true;
            // Holds this thread as writing an answer does: only what has
            // already been handed to the network can still arrive.
            whole = server.waitForWholeRequest(5000);
        });
        QVERIFY(!ran); // never from inside the call
        QTRY_VERIFY_WITH_TIMEOUT(ran, 10'000);
        QVERIFY2(whole, qPrintable(u"the server had %1 bytes"_s.arg(server.received().size())));
        server.answer(R"({"results":[]})");
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10'000);
    }

    // With nothing in flight, work runs on the next turn of the event loop.
    void workRunsLaterWithNothingInFlight()
    {
        QNetworkAccessManager network;
        Sync::ApiClient api(&network);
        bool ran = false;
        api.whenSent([&] { ran = true; });
        QVERIFY(!ran);
        QTRY_VERIFY(ran);
    }

    // A request that fails before its body is out still lets work run.
    void workRunsWhenTheRequestFails()
    {
        const QUrl unreachable = Test::unreachableServerUrl();
        QVERIFY(unreachable.isValid());
        QNetworkAccessManager network;
        Sync::ApiClient api(&network);
        std::optional<Core::ErrorCode> failed;
        api.syncPush(unreachable, u"token"_s, {{u"clientId"_s, u"c1"_s}, {u"pad"_s, QString(64 * 1024, u'x')}},
                     [&](const Core::Result<QJsonObject> &answer) {
                         if (!answer)
                             failed = answer.error().code;
                     });
        bool ran = false;
        api.whenSent([&] { ran = true; });
        QTRY_VERIFY_WITH_TIMEOUT(ran, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(failed.has_value(), 10'000);
        QCOMPARE(*failed, Core::ErrorCode::ServerUnreachable);
    }
};

QTEST_MAIN(TestApiClient)
#include "tst_apiclient.moc"
