#include "core/errorcode.h"
#include "core/jsonreader.h"

#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestJsonReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("object") << QByteArray(R"({"a":1})") << true;
        QTest::newRow("accents") << QByteArray(R"({"nom":"Léa"})") << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("array") << QByteArray("[1,2]") << false;
        QTest::newRow("number") << QByteArray("42") << false;
        QTest::newRow("truncated") << QByteArray(R"({"a":)") << false;
        QTest::newRow("trailing garbage") << QByteArray(R"({"a":1}x)") << false;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xff\xfe\"}") << false;
        QTest::newRow("overlong UTF-8 slash") << QByteArray("{\"a\":\"\xc0\xaf\"}") << false;
    }

    void parse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        const Result<QJsonObject> object = parseJsonObject(bytes);
        QCOMPARE(object.ok(), valid);
        if (!valid)
            QCOMPARE(object.error().code, ErrorCode::InvalidJson);
    }

    void firstErrorWins()
    {
        JsonReader reader(QJsonObject{{u"a"_s, 1}, {u"b"_s, u"x"_s}}, u"root"_s);
        (void)reader.requiredString(u"a"_s);
        (void)reader.requiredString(u"missing"_s);
        QVERIFY(!reader.ok());
        QCOMPARE(reader.error().code, ErrorCode::InvalidField);
        QCOMPARE(reader.error().context, u"root.a"_s);
    }

    void optionalBool()
    {
        JsonReader reader(QJsonObject{{u"yes"_s, true}, {u"word"_s, u"true"_s}}, {});
        QCOMPARE(reader.optionalBool(u"yes"_s), std::optional<bool>(true));
        QCOMPARE(reader.optionalBool(u"absent"_s), std::optional<bool>());
        QVERIFY(reader.ok());
        (void)reader.optionalBool(u"word"_s);
        QVERIFY(!reader.ok());
    }

    void errorCodeNamesRoundTrip()
    {
        QStringList seen;
        for (int i = 0; i < static_cast<int>(ErrorCode::Count_); ++i) {
            const auto code = static_cast<ErrorCode>(i);
            const QString name = errorCodeName(code);
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.append(name);
            QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(code));
        }
        QCOMPARE(errorCodeFromName(u"no_such_code"_s), std::optional<ErrorCode>());
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
