// gzip for large answers: which Accept-Encoding headers ask for it, and
// compressed bytes that a gzip reader gives back exactly.

#include "server/gzip.h"

#include <QTest>

#include <zlib.h>

using namespace Cartable::Server;

namespace {

QByteArray gunzip(const QByteArray &data)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = inflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace

class TestGzip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAcceptEncoding_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("gzip");
        QTest::newRow("absent") << QByteArray() << false;
        QTest::newRow("gzip") << QByteArray("gzip") << true;
        QTest::newRow("Qt's default") << QByteArray("gzip, deflate") << true;
        QTest::newRow("upper case") << QByteArray("GZIP") << true;
        QTest::newRow("with a weight") << QByteArray("deflate, gzip;q=0.5") << true;
        QTest::newRow("refused") << QByteArray("gzip;q=0") << false;
        QTest::newRow("refused with spaces") << QByteArray("br, gzip ; q=0.0") << false;
        QTest::newRow("other codings") << QByteArray("br, deflate") << false;
        QTest::newRow("a longer name") << QByteArray("gzipped") << false;
        QTest::newRow("identity") << QByteArray("identity") << false;
    }

    void readsAcceptEncoding()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, gzip);
        QCOMPARE(acceptsGzip(header), gzip);
    }

    void compressesExactly_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("a page") << QByteArray(R"({"changes":[)") + QByteArray(R"({"op":"put"},)").repeated(5000)
                                       + QByteArray("]}");
        QByteArray noise(100000, '\0');
        quint32 state = 12345;
        for (char &byte : noise) {
            state = state * 1103515245u + 12345u;
            byte = char(state >> 24);
        }
        QTest::newRow("incompressible") << noise;
    }

    void compressesExactly()
    {
        QFETCH(QByteArray, data);
        const QByteArray compressed = gzipCompress(data);
        QVERIFY(!compressed.isEmpty());
        QCOMPARE(quint8(compressed.at(0)), quint8(0x1f));
        QCOMPARE(quint8(compressed.at(1)), quint8(0x8b));
        QCOMPARE(gunzip(compressed), data);
        if (data.size() > 10000 && data.startsWith("{"))
            QVERIFY(compressed.size() * 20 < data.size());
    }
};

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"
