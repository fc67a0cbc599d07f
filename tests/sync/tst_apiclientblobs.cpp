// ApiClient's file calls against a loopback server that answers what each
// test says: the request as the protocol wants it (raw chunk with its
// digest and offset, one range, no compression asked for), the answer
// checked (a range that is not the one asked for, a Content-Range that
// does not fit the bytes: InvalidServerResponse), the server's own codes
// kept.

#include "sync/apiclient.h"

#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Sync;
using namespace Qt::StringLiterals;
using Core::ErrorCode;

namespace {

// Answers every request with `answer` once it has read the request's head
// and body.
class CannedServer : public QObject
{
public:
    QByteArray answer;
    QByteArray request;

    CannedServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                request += socket->readAll();
                const qsizetype end = request.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                qint64 length = 0;
                for (const QByteArray &line : request.left(end).split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (request.size() - end - 4 < length)
                    return;
                socket->write(answer);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
};

QByteArray response(const QByteArray &status, const QByteArray &headers, const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size())
           + "\r\nConnection: close\r\n\r\n" + body;
}

const QString kSha = QString(64, u'a');

} // namespace

class TestApiClientBlobs : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    Core::Result<ApiClient::BlobRange> range(CannedServer &server, qint64 first, qint64 last)
    {
        ApiClient api(&m_network);
        std::optional<Core::Result<ApiClient::BlobRange>> result;
        api.fetchBlobRange(server.url(), u"token"_s, kSha, first, last,
                           [&result](Core::Result<ApiClient::BlobRange> answer) { result.emplace(answer); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20'000))
            return Core::Error{ErrorCode::Internal, u"no answer"_s};
        return *result;
    }

private Q_SLOTS:
    void chunkGoesRawWithItsDigestAndOffset()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.answer = response("200 OK", "Content-Type: application/json\r\n",
                                 R"({"upload_id":"u1","sha256":")" + kSha.toLatin1()
                                     + R"(","size":10,"received":4,"complete":false,"chunk_bytes":1048576})");
        ApiClient api(&m_network);
        std::optional<Core::Result<Core::UploadStatus>> result;
        api.sendBlobChunk(server.url(), u"token"_s, u"u1"_s, 0, "abcd",
                          [&result](Core::Result<Core::UploadStatus> answer) { result.emplace(answer); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20'000);
        QVERIFY(*result);
        QCOMPARE((*result)->received, 4);
        QVERIFY(server.request.startsWith("PUT /api/v1/blobs/uploads/u1?offset=0 HTTP/1.1"));
        QVERIFY(server.request.contains(QByteArray(QByteArray("Content-Digest: ") + Core::contentDigest("abcd"))));
        QVERIFY(server.request.toLower().contains("content-type: application/octet-stream"));
        QVERIFY(server.request.endsWith("\r\n\r\nabcd"));
    }

    void serverCodesAreKept()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.answer = response("409 Conflict", "Content-Type: application/json\r\n",
                                 R"({"error":{"code":"upload_offset_mismatch","message":"1048576"}})");
        ApiClient api(&m_network);
        std::optional<Core::Result<Core::UploadStatus>> result;
        api.openBlobUpload(server.url(), u"token"_s, {u"e1"_s, kSha, 10},
                           [&result](Core::Result<Core::UploadStatus> answer) { result.emplace(answer); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20'000);
        QVERIFY(!*result);
        QCOMPARE(result->error().code, ErrorCode::UploadOffsetMismatch);
        QVERIFY(server.request.startsWith("POST /api/v1/blobs/uploads HTTP/1.1"));
    }

    void rangeIsAskedAndChecked()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.answer = response("206 Partial Content", "Content-Range: bytes 4-7/10\r\n", "efgh");
        const Core::Result<ApiClient::BlobRange> answer = range(server, 4, 7);
        QVERIFY(answer);
        QCOMPARE(answer->bytes, QByteArray("efgh"));
        QCOMPARE(answer->first, 4);
        QCOMPARE(answer->total, 10);
        QVERIFY(server.request.startsWith(QByteArray("GET /api/v1/blobs/" + kSha.toLatin1() + " HTTP/1.1")));
        QVERIFY(server.request.contains("Range: bytes=4-7\r\n"));
        QVERIFY(server.request.contains("Accept-Encoding: identity\r\n"));
    }

    void wholeFileAnswerIsCut()
    {
        CannedServer server;
        QVERIFY(server.listen());
        server.answer = response("200 OK", {}, "abcdefghij");
        const Core::Result<ApiClient::BlobRange> answer = range(server, 4, 7);
        QVERIFY(answer);
        QCOMPARE(answer->bytes, QByteArray("efgh"));
        QCOMPARE(answer->total, 10);
    }

    void malformedRangesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("no Content-Range") << response("206 Partial Content", {}, "efgh");
        QTest::newRow("another start") << response("206 Partial Content", "Content-Range: bytes 0-3/10\r\n", "abcd");
        QTest::newRow("longer than asked")
            << response("206 Partial Content", "Content-Range: bytes 4-8/10\r\n", "efghi");
        QTest::newRow("bytes that do not fit")
            << response("206 Partial Content", "Content-Range: bytes 4-7/10\r\n", "efg");
        QTest::newRow("past the size") << response("206 Partial Content", "Content-Range: bytes 4-7/6\r\n", "efgh");
        QTest::newRow("garbage") << response("206 Partial Content", "Content-Range: lots\r\n", "efgh");
        QTest::newRow("whole file too short") << response("200 OK", {}, "abc");
        QTest::newRow("no content") << response("204 No Content", {}, {});
    }

    void malformedRangesAreRefused()
    {
        QFETCH(QByteArray, answer);
        CannedServer server;
        QVERIFY(server.listen());
        server.answer = answer;
        const Core::Result<ApiClient::BlobRange> result = range(server, 4, 7);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidServerResponse);
    }

    void badArgumentsAreRefusedWithoutARequest()
    {
        ApiClient api(&m_network);
        std::optional<Core::Result<ApiClient::BlobRange>> result;
        api.fetchBlobRange(QUrl(u"http://127.0.0.1:1"_s), {}, u"../x"_s, 0, 1,
                           [&result](Core::Result<ApiClient::BlobRange> answer) { result.emplace(answer); });
        QVERIFY(!result.has_value());
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().code, ErrorCode::InvalidField);
    }
};

QTEST_GUILESS_MAIN(TestApiClientBlobs)
#include "tst_apiclientblobs.moc"
