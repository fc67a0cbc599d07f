// Hybrid logical clock readings: their wire form, their order, and a clock
// that never goes backwards whatever the wall clock does.

#include "core/protocol/hlc.h"

#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestHlc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheWireForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("millis");
        QTest::addColumn<int>("counter");

        QTest::newRow("plain") << u"1725260400000-3"_s << true << qint64(1725260400000) << 3;
        QTest::newRow("zero") << u"0-0"_s << true << qint64(0) << 0;
        QTest::newRow("largest counter") << u"5-65535"_s << true << qint64(5) << 65535;
        QTest::newRow("counter too big") << u"5-65536"_s << false << qint64(0) << 0;
        QTest::newRow("leading zero") << u"01-0"_s << false << qint64(0) << 0;
        QTest::newRow("negative") << u"-5-0"_s << false << qint64(0) << 0;
        QTest::newRow("no counter") << u"1725260400000"_s << false << qint64(0) << 0;
        QTest::newRow("spaces") << u" 1-0"_s << false << qint64(0) << 0;
        QTest::newRow("letters") << u"1a-0"_s << false << qint64(0) << 0;
        QTest::newRow("arabic-indic digits") << u"\u0661-0"_s << false << qint64(0) << 0;
        QTest::newRow("empty") << QString() << false << qint64(0) << 0;
        QTest::newRow("too long") << u"12345678901234567-0"_s << false << qint64(0) << 0;
        QTest::newRow("longest") << u"1234567890123456-12"_s << true << qint64(1234567890123456) << 12;
        QTest::newRow("counter with a leading zero") << u"1-01"_s << false << qint64(0) << 0;
        QTest::newRow("something after") << u"1-0x"_s << false << qint64(0) << 0;
        QTest::newRow("two dashes") << u"1--0"_s << false << qint64(0) << 0;
        QTest::newRow("no millis") << u"-0"_s << false << qint64(0) << 0;
    }

    void readsTheWireForm()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, millis);
        QFETCH(int, counter);
        const std::optional<HlcTimestamp> stamp = HlcTimestamp::fromWire(text);
        QCOMPARE(stamp.has_value(), valid);
        if (stamp) {
            QCOMPARE(stamp->millis, millis);
            QCOMPARE(stamp->counter, counter);
            QCOMPARE(stamp->toWire(), text);
        }
    }

    void ordersByTimeThenCounter()
    {
        QVERIFY((HlcTimestamp{10, 5}) < (HlcTimestamp{11, 0}));
        QVERIFY((HlcTimestamp{10, 1}) < (HlcTimestamp{10, 2}));
        QCOMPARE((HlcTimestamp{10, 1}), (HlcTimestamp{10, 1}));
    }

    void neverGoesBackwards()
    {
        qint64 wall = 1000;
        HybridClock clock([&wall] { return wall; });
        const HlcTimestamp first = clock.now();
        QCOMPARE(first, (HlcTimestamp{1000, 0}));
        QCOMPARE(clock.now(), (HlcTimestamp{1000, 1}));
        wall = 400; // the clock was set back
        const HlcTimestamp afterSetBack = clock.now();
        QCOMPARE(afterSetBack, (HlcTimestamp{1000, 2}));
        wall = 2000;
        QCOMPARE(clock.now(), (HlcTimestamp{2000, 0}));
    }

    void borrowsAMillisecondWhenTheCounterIsSpent()
    {
        HybridClock clock([] { return qint64(50); });
        clock.restore({50, HlcTimestamp::kMaxCounter - 1});
        QCOMPARE(clock.now(), (HlcTimestamp{50, HlcTimestamp::kMaxCounter}));
        QCOMPARE(clock.now(), (HlcTimestamp{51, 0}));
        QCOMPARE(clock.now(), (HlcTimestamp{51, 1}));
    }

    void followsWhatItObserves()
    {
        HybridClock clock([] { return qint64(100); });
        clock.observe({5000, 7});
        QCOMPARE(clock.now(), (HlcTimestamp{5000, 8}));
        clock.observe({10, 0}); // older: changes nothing
        QCOMPARE(clock.now(), (HlcTimestamp{5000, 9}));
    }

    void clampsClientsThatRunAhead_data()
    {
        QTest::addColumn<qint64>("remote");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("behind") << qint64(500) << qint64(500);
        QTest::newRow("at the bound") << qint64(1060) << qint64(1060);
        QTest::newRow("ahead") << qint64(999999) << qint64(1060);
    }

    void clampsClientsThatRunAhead()
    {
        QFETCH(qint64, remote);
        QFETCH(qint64, expected);
        const HlcTimestamp clamped = clampToServer({remote, 4}, 1000, 60);
        QCOMPARE(clamped.millis, expected);
        QCOMPARE(clamped.counter, 4);
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"
