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
        QTest::newRow("UTF-8 of a surrogate") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << false;
        // QJsonDocument reads these escapes as lone surrogates.
        QTest::newRow("lone high surrogate") << QByteArray(R"({"a":"\ud800"})") << false;
        QTest::newRow("lone low surrogate, upper case") << QByteArray(R"({"a":"x\uDC00"})") << false;
        QTest::newRow("high surrogate at the end") << QByteArray(R"({"a":"x\uDBFF"})") << false;
        QTest::newRow("pair in the wrong order") << QByteArray(R"({"a":"\ude00\ud83d"})") << false;
        QTest::newRow("lone surrogate in a key") << QByteArray(R"({"\ud800":1})") << false;
        QTest::newRow("deep in arrays") << QByteArray(R"({"a":[1,{"b":["x","\udfff"]}]})") << false;
        QTest::newRow("surrogate pair") << QByteArray(R"({"a":"\ud83d\ude00"})") << true;
        QTest::newRow("escaped backslash then ud800") << QByteArray(R"({"a":"\\ud800"})") << true;
        QTest::newRow("other escapes") << QByteArray(R"({"a":"\u00e9\u2014\ue000"})") << true;
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
