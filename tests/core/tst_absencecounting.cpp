#include "core/rules/absencecounting.h"

#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

namespace {

// Records written one per ";": "2024-09-02 08:00-09:00 U" is an unjustified
// absence, "J" a justified one; "2024-09-02 L12 J" is a justified lateness of
// 12 minutes.
QList<AbsenceRecord> records(const QString &text)
{
    QList<AbsenceRecord> list;
    for (const QString &item : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(u' ');
        AbsenceRecord record;
        record.date = QDate::fromString(parts.at(0), Qt::ISODate);
        if (parts.at(1).startsWith(u'L')) {
            record.kind = AbsenceKind::Lateness;
            record.latenessMinutes = parts.at(1).mid(1).toInt();
        } else {
            record.start = QTime::fromString(parts.at(1).section(u'-', 0, 0), u"HH:mm"_s);
            record.end = QTime::fromString(parts.at(1).section(u'-', 1, 1), u"HH:mm"_s);
        }
        record.justified = parts.at(2) == u"J";
        list.append(record);
    }
    return list;
}

QDate day(const QString &text)
{
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace

class TestAbsenceCounting : public QObject
{
    Q_OBJECT

private:
    static void row(const char *name, const QString &list, const QString &from, const QString &to,
                    const QString &afternoonStart, const AbsenceTally &expected)
    {
        QTest::newRow(name) << list << from << to << afternoonStart << expected.halfDays << expected.justifiedHalfDays
                            << expected.unjustifiedHalfDays << expected.latenessCount << expected.latenessMinutes;
    }

    static void row(const char *name, const QString &list, const AbsenceTally &expected)
    {
        row(name, list, u"2024-09-01"_s, u"2024-09-30"_s, QString(), expected);
    }

private Q_SLOTS:
    void countAbsences_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("afternoonStart");
        QTest::addColumn<int>("halfDays");
        QTest::addColumn<int>("justified");
        QTest::addColumn<int>("unjustified");
        QTest::addColumn<int>("latenessCount");
        QTest::addColumn<int>("latenessMinutes");

        // Expected: half-days, justified, unjustified, lateness count, lateness minutes.
        row("nothing", QString(), {0, 0, 0, 0, 0});
        row("one lesson", u"2024-09-02 08:00-09:00 U"_s, {1, 0, 1, 0, 0});
        row("two lessons in one morning count once", u"2024-09-02 08:00-09:00 U; 2024-09-02 10:00-11:00 U"_s,
            {1, 0, 1, 0, 0});
        row("morning and afternoon", u"2024-09-02 08:00-09:00 J; 2024-09-02 14:00-15:00 J"_s, {2, 2, 0, 0, 0});
        row("whole day spans both half-days", u"2024-09-02 08:00-17:00 J"_s, {2, 2, 0, 0, 0});
        row("same morning on two days", u"2024-09-02 08:00-09:00 J; 2024-09-03 08:00-09:00 J"_s, {2, 2, 0, 0, 0});
        row("one unjustified lesson makes the half-day unjustified",
            u"2024-09-02 08:00-09:00 J; 2024-09-02 10:00-11:00 U"_s, {1, 0, 1, 0, 0});
        row("the order does not matter", u"2024-09-02 10:00-11:00 U; 2024-09-02 08:00-09:00 J"_s, {1, 0, 1, 0, 0});
        row("unjustified morning, justified afternoon", u"2024-09-02 08:00-09:00 U; 2024-09-02 14:00-16:00 J"_s,
            {2, 1, 1, 0, 0});
        // The justified day covers both half-days; the unjustified 15:00
        // lesson turns the afternoon unjustified.
        row("justified day with an unjustified lesson", u"2024-09-02 08:00-17:00 J; 2024-09-02 15:00-16:00 U"_s,
            {2, 1, 1, 0, 0});
        row("worked example",
            u"2024-09-02 08:00-09:00 J; 2024-09-02 10:00-11:00 U; 2024-09-02 14:00-16:00 J; 2024-09-03 L5 U; "
            "2024-09-03 08:00-17:00 J"_s,
            {4, 3, 1, 1, 5});
        row("ending at noon is the morning", u"2024-09-02 11:00-12:00 U"_s, {1, 0, 1, 0, 0});
        row("starting at noon is the afternoon", u"2024-09-02 08:00-09:00 U; 2024-09-02 12:00-13:00 U"_s,
            {2, 0, 2, 0, 0});
        row("crossing noon is both half-days", u"2024-09-02 11:30-12:30 U"_s, {2, 0, 2, 0, 0});
        row("afternoon from 13:00", u"2024-09-02 08:00-09:00 U; 2024-09-02 12:00-13:00 U"_s, u"2024-09-01"_s,
            u"2024-09-30"_s, u"13:00"_s, {1, 0, 1, 0, 0});
        row("afternoon from 13:30, lunch lesson", u"2024-09-02 12:30-13:30 U; 2024-09-02 13:30-14:30 J"_s,
            u"2024-09-01"_s, u"2024-09-30"_s, u"13:30"_s, {2, 1, 1, 0, 0});
        row("invalid boundary means noon", u"2024-09-02 11:00-12:00 U; 2024-09-02 12:00-13:00 U"_s, u"2024-09-01"_s,
            u"2024-09-30"_s, u"25:00"_s, {2, 0, 2, 0, 0});
        // 5 + 12 minutes.
        row("lateness counted apart", u"2024-09-02 L5 U; 2024-09-03 L12 J"_s, {0, 0, 0, 2, 17});
        row("lateness does not make a half-day", u"2024-09-02 08:00-09:00 J; 2024-09-02 L10 U"_s, {1, 1, 0, 1, 10});
        // 09-01 and 10-01 fall outside; 09-02 and 09-30 are the bounds.
        row("only the period",
            u"2024-09-01 08:00-09:00 U; 2024-09-02 08:00-09:00 U; 2024-09-30 14:00-15:00 J; "
            "2024-10-01 08:00-09:00 U; 2024-10-01 L3 U; 2024-09-30 L4 U"_s,
            u"2024-09-02"_s, u"2024-09-30"_s, QString(), {2, 1, 1, 1, 4});
        row("open start", u"2023-01-05 08:00-09:00 U; 2024-09-02 08:00-09:00 U; 2024-09-03 08:00-09:00 U"_s, QString(),
            u"2024-09-02"_s, QString(), {2, 0, 2, 0, 0});
        row("open end", u"2024-09-01 08:00-09:00 U; 2030-09-02 08:00-09:00 U"_s, u"2024-09-02"_s, QString(), QString(),
            {1, 0, 1, 0, 0});
        row("inverted range is empty", u"2024-09-02 08:00-09:00 U"_s, u"2024-09-30"_s, u"2024-09-01"_s, QString(),
            {0, 0, 0, 0, 0});
        row("invalid records left out",
            u"2024-09-02 08:00-08:00 U; 2024-09-02 10:00-09:00 U; 2024-09-02 L0 U; 2024-02-30 08:00-09:00 U; "
            "2024-09-03 25:00-26:00 U"_s,
            u"2024-01-01"_s, u"2024-12-31"_s, QString(), {0, 0, 0, 0, 0});
    }

    void countAbsences()
    {
        QFETCH(QString, list);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, afternoonStart);
        QFETCH(int, halfDays);
        QFETCH(int, justified);
        QFETCH(int, unjustified);
        QFETCH(int, latenessCount);
        QFETCH(int, latenessMinutes);

        const QTime boundary = afternoonStart.isEmpty() ? QTime(12, 0) : QTime::fromString(afternoonStart, u"HH:mm"_s);
        const AbsenceTally tally = Cartable::Core::countAbsences(records(list), day(from), day(to), boundary);
        QCOMPARE(tally.halfDays, halfDays);
        QCOMPARE(tally.justifiedHalfDays, justified);
        QCOMPARE(tally.unjustifiedHalfDays, unjustified);
        QCOMPARE(tally.latenessCount, latenessCount);
        QCOMPARE(tally.latenessMinutes, latenessMinutes);
        QCOMPARE(tally.justifiedHalfDays + tally.unjustifiedHalfDays, tally.halfDays);
    }

    void defaultBoundaryIsNoon()
    {
        const QList<AbsenceRecord> list = records(u"2024-09-02 11:00-12:00 U; 2024-09-02 12:00-13:00 U"_s);
        const QDate from = day(u"2024-09-01"_s);
        const QDate to = day(u"2024-09-30"_s);
        QCOMPARE(Cartable::Core::countAbsences(list, from, to), Cartable::Core::countAbsences(list, from, to, {12, 0}));
        QCOMPARE(Cartable::Core::countAbsences(list, from, to).halfDays, 2);
    }

    void checkAbsenceRecord_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("context");
        QTest::newRow("absence") << u"2024-09-02 08:00-09:00 U"_s << QString();
        QTest::newRow("lateness") << u"2024-09-02 L5 J"_s << QString();
        QTest::newRow("a whole day of lateness") << u"2024-09-02 L1440 J"_s << QString();
        QTest::newRow("invalid date") << u"2024-02-30 08:00-09:00 U"_s << u"date"_s;
        QTest::newRow("invalid start") << u"2024-09-02 8h-09:00 U"_s << u"start"_s;
        QTest::newRow("invalid end") << u"2024-09-02 08:00-9h U"_s << u"end"_s;
        QTest::newRow("end before start") << u"2024-09-02 10:00-09:00 U"_s << u"end"_s;
        QTest::newRow("no duration") << u"2024-09-02 09:00-09:00 U"_s << u"end"_s;
        QTest::newRow("lateness of 0 minutes") << u"2024-09-02 L0 U"_s << u"latenessMinutes"_s;
        QTest::newRow("lateness longer than a day") << u"2024-09-02 L1441 U"_s << u"latenessMinutes"_s;
        QTest::newRow("lateness without date") << u"x L5 U"_s << u"date"_s;
    }

    void checkAbsenceRecord()
    {
        QFETCH(QString, record);
        QFETCH(QString, context);
        const Status status = Cartable::Core::checkAbsenceRecord(records(record).constFirst());
        QCOMPARE(status.ok(), context.isEmpty());
        if (!status.ok()) {
            QCOMPARE(status.error().code, ErrorCode::InvalidField);
            QCOMPARE(status.error().context, context);
        }
    }
};

QTEST_GUILESS_MAIN(TestAbsenceCounting)
#include "tst_absencecounting.moc"
