#include "core/rules/coefficient.h"

#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestCoefficient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("hundredths");
        QTest::newRow("one") << u"1"_s << true << qint64(100);
        QTest::newRow("half, comma") << u"0,5"_s << true << qint64(50);
        QTest::newRow("half, dot") << u"0.5"_s << true << qint64(50);
        QTest::newRow("quarter steps") << u"1,25"_s << true << qint64(125);
        QTest::newRow("two, spaced") << u" 2 "_s << true << qint64(200);
        QTest::newRow("zero") << u"0"_s << true << qint64(0);
        QTest::newRow("maximum") << u"100"_s << true << qint64(10000);
        QTest::newRow("above maximum") << u"100,01"_s << false << qint64(0);
        QTest::newRow("negative") << u"-1"_s << false << qint64(0);
        QTest::newRow("three decimals") << u"1,255"_s << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("word") << u"double"_s << false << qint64(0);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, hundredths);
        const Result<Coefficient> coefficient = Coefficient::parse(text);
        QCOMPARE(coefficient.ok(), valid);
        if (valid) {
            QCOMPARE(coefficient->hundredths(), hundredths);
        } else {
            QCOMPARE(coefficient.error().code, ErrorCode::InvalidField);
            QCOMPARE(coefficient.error().context, u"coefficient"_s);
        }
    }

    void fromHundredths_data()
    {
        QTest::addColumn<qint64>("hundredths");
        QTest::addColumn<bool>("valid");
        QTest::newRow("negative") << qint64(-1) << false;
        QTest::newRow("zero") << qint64(0) << true;
        QTest::newRow("one") << qint64(100) << true;
        QTest::newRow("maximum") << Coefficient::kMaxHundredths << true;
        QTest::newRow("above maximum") << Coefficient::kMaxHundredths + 1 << false;
    }

    void fromHundredths()
    {
        QFETCH(qint64, hundredths);
        QFETCH(bool, valid);
        const std::optional<Coefficient> coefficient = Coefficient::fromHundredths(hundredths);
        QCOMPARE(coefficient.has_value(), valid);
        if (valid)
            QCOMPARE(coefficient->hundredths(), hundredths);
    }

    void defaultIsOne()
    {
        QCOMPARE(Coefficient().hundredths(), qint64(100));
        QCOMPARE(Coefficient().toDouble(), 1.0);
        QVERIFY(!Coefficient().isZero());
        QVERIFY(Coefficient::fromHundredths(0)->isZero());
    }

    void display_data()
    {
        QTest::addColumn<qint64>("hundredths");
        QTest::addColumn<QString>("french");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("wire");
        QTest::newRow("quarter steps") << qint64(125) << u"1,25"_s << u"1.25"_s << u"1.25"_s;
        QTest::newRow("half") << qint64(50) << u"0,5"_s << u"0.5"_s << u"0.5"_s;
        QTest::newRow("whole") << qint64(300) << u"3"_s << u"3"_s << u"3"_s;
    }

    void display()
    {
        QFETCH(qint64, hundredths);
        QFETCH(QString, french);
        QFETCH(QString, english);
        QFETCH(QString, wire);
        const Coefficient coefficient = *Coefficient::fromHundredths(hundredths);
        QCOMPARE(coefficient.toString(QLocale(QLocale::French, QLocale::France)), french);
        QCOMPARE(coefficient.toString(QLocale(QLocale::English, QLocale::UnitedStates)), english);
        QCOMPARE(coefficient.toWire(), wire);
        QCOMPARE(Coefficient::parse(wire)->hundredths(), hundredths);
    }
};

QTEST_GUILESS_MAIN(TestCoefficient)
#include "tst_coefficient.moc"
