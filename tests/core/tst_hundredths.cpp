#include "core/rules/hundredths.h"

#include <QTest>

#include <limits>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestHundredths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundedQuotient_data()
    {
        constexpr qint64 largest = std::numeric_limits<qint64>::max();
        constexpr qint64 smallest = std::numeric_limits<qint64>::min();
        QTest::addColumn<qint64>("numerator");
        QTest::addColumn<qint64>("denominator");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("exact") << qint64(1500) << qint64(1) << qint64(1500);
        // 12345 / 10 = 1234.5 hundredths: 12,345 rounds to 12,35.
        QTest::newRow("12.345 up") << qint64(12345) << qint64(10) << qint64(1235);
        QTest::newRow("-12.345 away from zero") << qint64(-12345) << qint64(10) << qint64(-1235);
        // 2/3 of 20 = 4000/3 = 1333.33… hundredths.
        QTest::newRow("2/3 of 20") << qint64(4000) << qint64(3) << qint64(1333);
        // 1/3 of 20 = 2000/3 = 666.67 hundredths.
        QTest::newRow("1/3 of 20") << qint64(2000) << qint64(3) << qint64(667);
        QTest::newRow("half") << qint64(1) << qint64(2) << qint64(1);
        QTest::newRow("just below half") << qint64(499999) << qint64(1000000) << qint64(0);
        QTest::newRow("a third") << qint64(1) << qint64(3) << qint64(0);
        QTest::newRow("negative half") << qint64(-1) << qint64(2) << qint64(-1);
        QTest::newRow("negative denominator") << qint64(5) << qint64(-2) << qint64(-3);
        QTest::newRow("both negative") << qint64(-5) << qint64(-2) << qint64(3);
        QTest::newRow("zero") << qint64(0) << qint64(7) << qint64(0);
        QTest::newRow("largest") << largest << qint64(1) << largest;
        QTest::newRow("smallest") << smallest << qint64(1) << smallest;
        QTest::newRow("smallest negated saturates") << smallest << qint64(-1) << largest;
        QTest::newRow("largest over itself") << largest << largest << qint64(1);
        // (2^63 - 1) / 2 = 2^62 - 0.5, a half: away from zero gives 2^62.
        QTest::newRow("half of largest") << largest << qint64(2) << (qint64(1) << 62);
        QTest::newRow("smallest over largest") << smallest << largest << qint64(-1);
    }

    void roundedQuotient()
    {
        QFETCH(qint64, numerator);
        QFETCH(qint64, denominator);
        QFETCH(qint64, expected);
        QCOMPARE(Hundredths::roundedQuotient(numerator, denominator).raw(), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("raw");
        QTest::addColumn<QString>("context");
        QTest::newRow("whole") << u"15"_s << true << qint64(1500) << QString();
        QTest::newRow("comma") << u"15,5"_s << true << qint64(1550) << QString();
        QTest::newRow("dot") << u"15.5"_s << true << qint64(1550) << QString();
        QTest::newRow("two decimals") << u"12,34"_s << true << qint64(1234) << QString();
        QTest::newRow("one hundredth") << u"0,01"_s << true << qint64(1) << QString();
        QTest::newRow("spaces") << u"  15.5\t"_s << true << qint64(1550) << QString();
        QTest::newRow("no-break space") << u"\u00a015,5\u00a0"_s << true << qint64(1550) << QString();
        QTest::newRow("trailing zeros") << u"15,500"_s << true << qint64(1550) << QString();
        QTest::newRow("leading zeros") << u"007"_s << true << qint64(700) << QString();
        QTest::newRow("negative") << u"-2,25"_s << true << qint64(-225) << QString();
        QTest::newRow("fifteen digits") << u"999999999999999"_s << true << qint64(99999999999999900) << QString();
        QTest::newRow("three decimals") << u"15,555"_s << false << qint64(0) << u"decimals"_s;
        QTest::newRow("a thousandth") << u"15,001"_s << false << qint64(0) << u"decimals"_s;
        QTest::newRow("sixteen digits") << u"1000000000000000"_s << false << qint64(0) << u"range"_s;
        QTest::newRow("empty") << QString() << false << qint64(0) << u"syntax"_s;
        QTest::newRow("letters") << u"abc"_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("two separators") << u"15,5,5"_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("separator last") << u"15."_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("separator first") << u",5"_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("inner space") << u"1 5"_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("plus sign") << u"+15"_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("exponent") << u"1e1"_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("arabic-indic digits") << u"\u0661\u0665"_s << false << qint64(0) << u"syntax"_s;
        QTest::newRow("inner newline") << u"15\n5"_s << false << qint64(0) << u"syntax"_s;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, raw);
        QFETCH(QString, context);
        const Result<Hundredths> number = Hundredths::parse(text);
        QCOMPARE(number.ok(), valid);
        if (valid) {
            QCOMPARE(number->raw(), raw);
        } else {
            QCOMPARE(number.error().code, ErrorCode::InvalidField);
            QCOMPARE(number.error().context, context);
        }
    }

    void toString_data()
    {
        QTest::addColumn<qint64>("raw");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<bool>("fixed");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fr half") << qint64(1550) << u"fr_FR"_s << false << u"15,5"_s;
        QTest::newRow("fr half fixed") << qint64(1550) << u"fr_FR"_s << true << u"15,50"_s;
        QTest::newRow("fr hundredths") << qint64(1234) << u"fr_FR"_s << false << u"12,34"_s;
        QTest::newRow("fr whole") << qint64(1500) << u"fr_FR"_s << false << u"15"_s;
        QTest::newRow("fr whole fixed") << qint64(1500) << u"fr_FR"_s << true << u"15,00"_s;
        QTest::newRow("fr small") << qint64(5) << u"fr_FR"_s << false << u"0,05"_s;
        QTest::newRow("fr no grouping") << qint64(123456) << u"fr_FR"_s << false << u"1234,56"_s;
        QTest::newRow("en half") << qint64(1550) << u"en_US"_s << false << u"15.5"_s;
        QTest::newRow("en no grouping") << qint64(123456) << u"en_US"_s << true << u"1234.56"_s;
        QTest::newRow("en negative") << qint64(-25) << u"en_US"_s << false << u"-0.25"_s;
        QTest::newRow("de comma") << qint64(1205) << u"de_DE"_s << false << u"12,05"_s;
        QTest::newRow("zero") << qint64(0) << u"fr_FR"_s << false << u"0"_s;
        QTest::newRow("zero fixed") << qint64(0) << u"fr_FR"_s << true << u"0,00"_s;
    }

    void toString()
    {
        QFETCH(qint64, raw);
        QFETCH(QString, locale);
        QFETCH(bool, fixed);
        QFETCH(QString, expected);
        const auto decimals = fixed ? Hundredths::Decimals::Fixed : Hundredths::Decimals::Trimmed;
        QCOMPARE(Hundredths::fromRaw(raw).toString(QLocale(locale), decimals), expected);
    }

    void wire_data()
    {
        QTest::addColumn<qint64>("raw");
        QTest::addColumn<QString>("wire");
        QTest::newRow("half") << qint64(1550) << u"15.5"_s;
        QTest::newRow("hundredths") << qint64(1234) << u"12.34"_s;
        QTest::newRow("whole") << qint64(2000) << u"20"_s;
        QTest::newRow("zero") << qint64(0) << u"0"_s;
        QTest::newRow("negative") << qint64(-25) << u"-0.25"_s;
        QTest::newRow("large") << qint64(123456789) << u"1234567.89"_s;
    }

    void wire()
    {
        QFETCH(qint64, raw);
        QFETCH(QString, wire);
        QCOMPARE(Hundredths::fromRaw(raw).toWire(), wire);
        const Result<Hundredths> back = Hundredths::parse(wire);
        QVERIFY(back.ok());
        QCOMPARE(back->raw(), raw);
    }

    void wholeAndDouble()
    {
        QCOMPARE(Hundredths::fromWhole(20).raw(), qint64(2000));
        QCOMPARE(Hundredths::fromRaw(1550).toDouble(), 15.5);
        QVERIFY(Hundredths::fromRaw(1549) < Hundredths::fromRaw(1550));
        QCOMPARE(Hundredths(), Hundredths::fromRaw(0));
    }
};

QTEST_GUILESS_MAIN(TestHundredths)
#include "tst_hundredths.moc"
