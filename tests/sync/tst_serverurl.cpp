#include "sync/apiclient.h"
#include "sync/serverurl.h"

#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;

class TestServerUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: refused

        QTest::newRow("host and port") << u"127.0.0.1:8470"_s << u"http://127.0.0.1:8470"_s;
        QTest::newRow("spaces") << u"  ent.lycee-hugo.fr  "_s << u"http://ent.lycee-hugo.fr"_s;
        QTest::newRow("https with slash") << u"https://ent.lycee-hugo.fr/"_s << u"https://ent.lycee-hugo.fr"_s;
        QTest::newRow("upper-case scheme") << u"HTTPS://ent.example"_s << u"https://ent.example"_s;
        QTest::newRow("IPv6") << u"http://[::1]:8470"_s << u"http://[::1]:8470"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("ftp") << u"ftp://ent.example"_s << QString();
        QTest::newRow("file") << u"file:///etc/passwd"_s << QString();
        QTest::newRow("path") << u"https://ent.example/api"_s << QString();
        QTest::newRow("query") << u"https://ent.example/?x=1"_s << QString();
        QTest::newRow("user info") << u"https://admin:pw@ent.example"_s << QString();
        QTest::newRow("bad port") << u"ent.example:99999"_s << QString();
        QTest::newRow("space inside") << u"ent example.fr"_s << QString();
    }

    void normalize()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        const Core::Result<QUrl> url = Sync::normalizeServerUrl(typed);
        if (expected.isEmpty()) {
            QVERIFY2(!url.ok(), url.ok() ? qPrintable(url->toString()) : "");
            QCOMPARE(url.error().code, Core::ErrorCode::InvalidServerUrl);
        } else {
            QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().context));
            QCOMPARE(url->toString(), expected);
        }
    }

    void errorFromResponse_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Core::ErrorCode>("code");
        QTest::newRow("problem body") << 401
                                      << QByteArray("{\"error\":{\"code\":\"invalid_credentials\",\"message\":\"x\"}}")
                                      << Core::ErrorCode::InvalidCredentials;
        QTest::newRow("unknown code, known status")
            << 401 << QByteArray("{\"error\":{\"code\":\"from_the_future\"}}") << Core::ErrorCode::Unauthenticated;
        QTest::newRow("HTML from a proxy")
            << 502 << QByteArray("<html>Bad gateway</html>") << Core::ErrorCode::InvalidServerResponse;
        QTest::newRow("413 without body") << 413 << QByteArray() << Core::ErrorCode::PayloadTooLarge;
    }

    void errorFromResponse()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Core::ErrorCode, code);
        QCOMPARE(Sync::errorFromResponse(status, body).code, code);
    }
};

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_serverurl.moc"
