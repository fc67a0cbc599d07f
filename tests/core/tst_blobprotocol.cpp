// The wire forms of file transfer (docs/PROTOCOL.md, "Files"): byte ranges,
// Content-Range, Content-Digest, and the upload messages.

#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;
using Core::ByteRange;
using Core::ErrorCode;

Q_DECLARE_METATYPE(Cartable::Core::ErrorCode)

namespace {

const QString kSha = u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s;
const QString kEstablishment = u"6f1c2f5e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"_s;

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestBlobProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRanges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<qint64>("maxLength");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::newRow("closed") << QByteArray("bytes=0-99") << qint64(1000) << qint64(0) << qint64(0) << qint64(99);
        QTest::newRow("open end") << QByteArray("bytes=900-") << qint64(1000) << qint64(0) << qint64(900)
                                  << qint64(999);
        QTest::newRow("suffix") << QByteArray("bytes=-10") << qint64(1000) << qint64(0) << qint64(990) << qint64(999);
        QTest::newRow("suffix longer than the file")
            << QByteArray("bytes=-5000") << qint64(1000) << qint64(0) << qint64(0) << qint64(999);
        QTest::newRow("last past the end is cut")
            << QByteArray("bytes=500-5000") << qint64(1000) << qint64(0) << qint64(500) << qint64(999);
        QTest::newRow("cut to the longest answer")
            << QByteArray("bytes=0-") << qint64(10'000'000) << Core::kMaxBlobChunkBytes << qint64(0)
            << Core::kMaxBlobChunkBytes - 1;
        QTest::newRow("spaces") << QByteArray(" bytes= 1 - 2 ") << qint64(10) << qint64(0) << qint64(1) << qint64(2);
        QTest::newRow("one byte") << QByteArray("bytes=9-9") << qint64(10) << qint64(0) << qint64(9) << qint64(9);
    }

    void parsesRanges()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, size);
        QFETCH(qint64, maxLength);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const Core::Result<ByteRange> range = Core::parseRange(header, size, maxLength);
        QVERIFY2(range.ok(), qPrintable(range.ok() ? QString() : range.error().context));
        QCOMPARE(range->first, first);
        QCOMPARE(range->last, last);
    }

    void refusesRanges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");
        const ErrorCode invalid = ErrorCode::InvalidField;
        const ErrorCode outside = ErrorCode::RangeNotSatisfiable;
        QTest::newRow("empty") << QByteArray() << qint64(10) << invalid << u"range"_s;
        QTest::newRow("other unit") << QByteArray("items=0-1") << qint64(10) << invalid << u"range"_s;
        QTest::newRow("several ranges") << QByteArray("bytes=0-1,3-4") << qint64(10) << invalid << u"range"_s;
        QTest::newRow("no dash") << QByteArray("bytes=5") << qint64(10) << invalid << u"range"_s;
        QTest::newRow("both ends missing") << QByteArray("bytes=-") << qint64(10) << invalid << u"range"_s;
        QTest::newRow("reversed") << QByteArray("bytes=5-3") << qint64(10) << invalid << u"range"_s;
        QTest::newRow("negative") << QByteArray("bytes=-3-5") << qint64(10) << invalid << u"range"_s;
        QTest::newRow("letters") << QByteArray("bytes=a-b") << qint64(10) << invalid << u"range"_s;
        QTest::newRow("too many digits") << QByteArray("bytes=1234567890123456789-") << qint64(10) << invalid
                                         << u"range"_s;
        QTest::newRow("first past the end") << QByteArray("bytes=10-20") << qint64(10) << outside << u"10"_s;
        QTest::newRow("empty suffix") << QByteArray("bytes=-0") << qint64(10) << outside << u"10"_s;
        QTest::newRow("empty file") << QByteArray("bytes=0-") << qint64(0) << outside << u"0"_s;
    }

    void refusesRanges()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, size);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);
        const Core::Result<ByteRange> range = Core::parseRange(header, size, Core::kMaxBlobChunkBytes);
        QVERIFY(!range.ok());
        QCOMPARE(range.error().code, code);
        QCOMPARE(range.error().context, context);
    }

    void contentRangeRoundTrips_data()
    {
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::addColumn<qint64>("size");
        QTest::newRow("start") << qint64(0) << qint64(1048575) << qint64(3000000);
        QTest::newRow("end") << qint64(2097152) << qint64(2999999) << qint64(3000000);
        QTest::newRow("one byte file") << qint64(0) << qint64(0) << qint64(1);
    }

    void contentRangeRoundTrips()
    {
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        QFETCH(qint64, size);
        const QByteArray header = Core::contentRange(ByteRange{first, last}, size);
        QCOMPARE(header, "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                             + QByteArray::number(size));
        const auto parsed = Core::parseContentRange(header);
        QVERIFY(parsed);
        QCOMPARE(parsed->first, (ByteRange{first, last}));
        QCOMPARE(parsed->second, size);
    }

    void refusesContentRanges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("unsatisfied form") << QByteArray("bytes */100");
        QTest::newRow("other unit") << QByteArray("items 0-1/2");
        QTest::newRow("last past the size") << QByteArray("bytes 0-100/100");
        QTest::newRow("reversed") << QByteArray("bytes 5-1/10");
        QTest::newRow("no size") << QByteArray("bytes 0-1/");
        QTest::newRow("unknown size") << QByteArray("bytes 0-1/*");
        QTest::newRow("no first") << QByteArray("bytes -1/10");
        QTest::newRow("letters") << QByteArray("bytes 0-x/10");
    }

    void refusesContentRanges()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!Core::parseContentRange(header));
    }

    void contentDigestRoundTrips_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("Bonjour");
        QTest::newRow("binary") << QByteArray("\x00\xff\x10\x80", 4);
    }

    void contentDigestRoundTrips()
    {
        QFETCH(QByteArray, bytes);
        const QByteArray header = Core::contentDigest(bytes);
        QVERIFY(header.startsWith("sha-256=:"));
        QVERIFY(header.endsWith(':'));
        const std::optional<QByteArray> sha = Core::sha256FromContentDigest(header);
        QVERIFY(sha);
        QCOMPARE(*sha, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        // Among other algorithms, in any case, with spaces.
        const std::optional<QByteArray> among = Core::sha256FromContentDigest(
            "sha-512=:AAAA:,  SHA-256 = " + header.mid(8) + ' ');
        QVERIFY(among);
        QCOMPARE(*among, *sha);
    }

    void refusesContentDigests_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("other algorithm only") << QByteArray("sha-512=:AAAA:");
        QTest::newRow("no colons") << QByteArray("sha-256=n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=");
        QTest::newRow("not base64") << QByteArray("sha-256=:!!!!:");
        QTest::newRow("too short") << QByteArray("sha-256=:AAAA:");
        QTest::newRow("lone colon") << QByteArray("sha-256=:");
    }

    void refusesContentDigests()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!Core::sha256FromContentDigest(header));
    }

    void sha256HexIsStrict()
    {
        QVERIFY(Core::isSha256Hex(kSha));
        QVERIFY(!Core::isSha256Hex(kSha.toUpper()));
        QVERIFY(!Core::isSha256Hex(kSha.left(63)));
        QVERIFY(!Core::isSha256Hex(kSha + u'0'));
        QVERIFY(!Core::isSha256Hex(kSha.left(63) + u'g'));
        QVERIFY(!Core::isSha256Hex(u"../"_s + kSha.left(61)));
    }

    void blobReferencesNameTheFileRows()
    {
        QCOMPARE(Core::blobReferences().size(), 3);
        QCOMPARE(Core::blobReferenceOf(u"report_card"_s)->hashField, u"document_sha256"_s);
        QCOMPARE(Core::blobReferenceOf(u"report_card"_s)->uploaderField, u"published_by"_s);
        QCOMPARE(Core::blobReferenceOf(u"document"_s)->uploaderField, u"uploaded_by"_s);
        QVERIFY(!Core::blobReferenceOf(u"grade"_s));
    }

    void uploadRequestRoundTrips()
    {
        const Core::UploadRequest request{kEstablishment, kSha, 1843202};
        const Core::Result<Core::UploadRequest> parsed = Core::UploadRequest::fromJson(request.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->establishmentId, kEstablishment);
        QCOMPARE(parsed->sha256, kSha);
        QCOMPARE(parsed->size, qint64(1843202));
    }

    void refusesUploadRequests_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");
        const QJsonObject good = Core::UploadRequest{kEstablishment, kSha, 10}.toJson();
        const auto with = [&good](const QString &key, const QJsonValue &value) {
            QJsonObject object = good;
            object.insert(key, value);
            return object;
        };
        const auto without = [&good](const QString &key) {
            QJsonObject object = good;
            object.remove(key);
            return object;
        };
        QTest::newRow("unknown key") << with(u"name"_s, u"x.pdf"_s) << ErrorCode::InvalidField << u"upload.name"_s;
        QTest::newRow("no establishment")
            << without(u"establishment_id"_s) << ErrorCode::MissingField << u"upload.establishment_id"_s;
        QTest::newRow("no hash") << without(u"sha256"_s) << ErrorCode::MissingField << u"upload.sha256"_s;
        QTest::newRow("no size") << without(u"size"_s) << ErrorCode::MissingField << u"upload.size"_s;
        QTest::newRow("size as text") << with(u"size"_s, u"10"_s) << ErrorCode::InvalidField << u"upload.size"_s;
        QTest::newRow("fractional size") << with(u"size"_s, 1.5) << ErrorCode::InvalidField << u"upload.size"_s;
        QTest::newRow("huge size") << with(u"size"_s, 1e300) << ErrorCode::InvalidField << u"upload.size"_s;
        QTest::newRow("zero size") << with(u"size"_s, 0) << ErrorCode::FieldOutOfRange << u"upload.size"_s;
        QTest::newRow("negative size") << with(u"size"_s, -5) << ErrorCode::FieldOutOfRange << u"upload.size"_s;
        QTest::newRow("hash in capitals")
            << with(u"sha256"_s, kSha.toUpper()) << ErrorCode::InvalidFormat << u"upload.sha256"_s;
        QTest::newRow("short hash") << with(u"sha256"_s, kSha.left(10)) << ErrorCode::InvalidFormat
                                    << u"upload.sha256"_s;
        QTest::newRow("establishment not an id")
            << with(u"establishment_id"_s, u"../etc"_s) << ErrorCode::InvalidFormat << u"upload.establishment_id"_s;
        QTest::newRow("hash as number") << with(u"sha256"_s, 12) << ErrorCode::InvalidField << u"upload.sha256"_s;
    }

    void refusesUploadRequests()
    {
        QFETCH(QJsonObject, object);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);
        const Core::Result<Core::UploadRequest> parsed = Core::UploadRequest::fromJson(object);
        QVERIFY(!parsed.ok());
        QCOMPARE(Core::errorCodeName(parsed.error().code), Core::errorCodeName(code));
        QCOMPARE(parsed.error().context, context);
    }

    void uploadStatusRoundTrips_data()
    {
        QTest::addColumn<QString>("uploadId");
        QTest::addColumn<qint64>("received");
        QTest::addColumn<bool>("complete");
        QTest::newRow("open") << u"0f0e7a4c-1d2b-4c3d-9e8f-7a6b5c4d3e2f"_s << qint64(1048576) << false;
        QTest::newRow("complete") << QString() << qint64(1843202) << true;
    }

    void uploadStatusRoundTrips()
    {
        QFETCH(QString, uploadId);
        QFETCH(qint64, received);
        QFETCH(bool, complete);
        Core::UploadStatus status;
        status.uploadId = uploadId;
        status.sha256 = kSha;
        status.size = 1843202;
        status.received = received;
        status.complete = complete;
        const QJsonObject object = status.toJson();
        QCOMPARE(object.contains(u"upload_id"_s), !uploadId.isEmpty());
        const Core::Result<Core::UploadStatus> parsed = Core::UploadStatus::fromJson(object);
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, status);
    }

    void refusesUploadStatuses_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::newRow("empty") << QJsonObject();
        QTest::newRow("no hash") << json(R"({"size": 10, "received": 0, "complete": true, "chunk_bytes": 1048576})");
        QTest::newRow("received past the size")
            << json(R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10,
                        "received": 11, "complete": true, "chunk_bytes": 1048576})");
        QTest::newRow("open without an id")
            << json(R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10,
                        "received": 0, "complete": false, "chunk_bytes": 1048576})");
        QTest::newRow("complete as text")
            << json(R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10,
                        "received": 10, "complete": "yes", "chunk_bytes": 1048576})");
        QTest::newRow("chunks too large")
            << json(R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10,
                        "received": 10, "complete": true, "chunk_bytes": 8388608})");
        QTest::newRow("no chunk size") << json(
            R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10,
                        "received": 10, "complete": true})");
        QTest::newRow("negative received")
            << json(R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10,
                        "received": -1, "complete": true, "chunk_bytes": 1048576})");
        QTest::newRow("fractional size") << json(
            R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10.5,
                        "received": 0, "complete": true, "chunk_bytes": 1048576})");
        QTest::newRow("complete with bytes missing")
            << json(R"({"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 10,
                        "received": 4, "complete": true, "chunk_bytes": 1048576})");
    }

    void refusesUploadStatuses()
    {
        QFETCH(QJsonObject, object);
        const Core::Result<Core::UploadStatus> parsed = Core::UploadStatus::fromJson(object);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InvalidServerResponse);
    }
};

QTEST_GUILESS_MAIN(TestBlobProtocol)
#include "tst_blobprotocol.moc"
