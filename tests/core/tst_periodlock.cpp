#include "core/rules/periodlock.h"

#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

namespace {

QDate day(const QString &text)
{
    return QDate::fromString(text, Qt::ISODate);
}

// Periods written "name|start|end" or "name|start|end|closed", one per ";".
QList<Period> periods(const QString &text)
{
    QList<Period> list;
    for (const QString &item : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u'|');
        Period period;
        period.id = u"p"_s + QString::number(list.size() + 1);
        period.name = parts.at(0).trimmed();
        period.start = day(parts.at(1));
        period.end = day(parts.at(2).trimmed());
        period.closed = parts.size() > 3 && parts.at(3).trimmed() == u"closed";
        list.append(period);
    }
    return list;
}

// A school year in trimesters; the first one is closed.
QList<Period> schoolYear()
{
    return periods(u"Trimestre 1|2024-09-02|2024-11-30|closed; Trimestre 2|2024-12-01|2025-03-08; "
                   "Trimestre 3|2025-03-09|2025-07-04"_s);
}

} // namespace

class TestPeriodLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkGradeChange_data()
    {
        QTest::addColumn<int>("period");
        QTest::addColumn<QString>("date");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");
        QTest::newRow("open period") << 1 << u"2025-01-15"_s << true << ErrorCode::Internal << QString();
        QTest::newRow("first day") << 1 << u"2024-12-01"_s << true << ErrorCode::Internal << QString();
        QTest::newRow("last day") << 1 << u"2025-03-08"_s << true << ErrorCode::Internal << QString();
        QTest::newRow("day before") << 1 << u"2024-11-30"_s << false << ErrorCode::InvalidField << u"evaluation.date"_s;
        QTest::newRow("day after") << 1 << u"2025-03-09"_s << false << ErrorCode::InvalidField << u"evaluation.date"_s;
        QTest::newRow("no date") << 1 << QString() << false << ErrorCode::InvalidField << u"evaluation.date"_s;
        QTest::newRow("closed period") << 0 << u"2024-10-10"_s << false << ErrorCode::PeriodClosed << u"Trimestre 1"_s;
        QTest::newRow("closed period, date outside")
            << 0 << u"2025-01-15"_s << false << ErrorCode::PeriodClosed << u"Trimestre 1"_s;
    }

    void checkGradeChange()
    {
        QFETCH(int, period);
        QFETCH(QString, date);
        QFETCH(bool, allowed);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);
        const Status status = Cartable::Core::checkGradeChange(schoolYear().at(period), day(date));
        QCOMPARE(status.ok(), allowed);
        if (!allowed) {
            QCOMPARE(status.error().code, code);
            QCOMPARE(status.error().context, context);
        }
    }

    void checkGradeChangeInYear_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");
        QTest::newRow("second trimester") << u"2025-02-03"_s << true << ErrorCode::Internal << QString();
        QTest::newRow("third trimester") << u"2025-07-04"_s << true << ErrorCode::Internal << QString();
        QTest::newRow("closed first trimester")
            << u"2024-11-30"_s << false << ErrorCode::PeriodClosed << u"Trimestre 1"_s;
        QTest::newRow("summer holidays") << u"2025-08-01"_s << false << ErrorCode::InvalidField << u"evaluation.date"_s;
        QTest::newRow("before the year") << u"2024-09-01"_s << false << ErrorCode::InvalidField << u"evaluation.date"_s;
    }

    void checkGradeChangeInYear()
    {
        QFETCH(QString, date);
        QFETCH(bool, allowed);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);
        const Status status = Cartable::Core::checkGradeChange(schoolYear(), day(date));
        QCOMPARE(status.ok(), allowed);
        if (!allowed) {
            QCOMPARE(status.error().code, code);
            QCOMPARE(status.error().context, context);
        }
    }

    void findPeriod_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("name");
        QTest::newRow("first day of the year") << u"2024-09-02"_s << u"Trimestre 1"_s;
        QTest::newRow("last day of a period") << u"2024-11-30"_s << u"Trimestre 1"_s;
        QTest::newRow("first day of the next") << u"2024-12-01"_s << u"Trimestre 2"_s;
        QTest::newRow("inside") << u"2025-04-22"_s << u"Trimestre 3"_s;
        QTest::newRow("last day of the year") << u"2025-07-04"_s << u"Trimestre 3"_s;
        QTest::newRow("before the year") << u"2024-09-01"_s << QString();
        QTest::newRow("after the year") << u"2025-07-05"_s << QString();
        QTest::newRow("no date") << QString() << QString();
    }

    void findPeriod()
    {
        QFETCH(QString, date);
        QFETCH(QString, name);
        const std::optional<Period> period = Cartable::Core::findPeriod(schoolYear(), day(date));
        QCOMPARE(period.has_value(), !name.isEmpty());
        if (period) {
            QCOMPARE(period->name, name);
            QCOMPARE(*period, schoolYear().at(period->id.mid(1).toInt() - 1));
        }
    }

    void validatePeriods_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");
        const auto ok = ErrorCode::Internal;
        QTest::newRow("trimesters") << u"T1|2024-09-02|2024-11-30; T2|2024-12-01|2025-03-08; "
                                       "T3|2025-03-09|2025-07-04"_s
                                    << ok << QString();
        QTest::newRow("semesters with a gap")
            << u"S1|2024-09-02|2025-01-24; S2|2025-02-03|2025-07-04"_s << ok << QString();
        QTest::newRow("listed out of order")
            << u"T2|2024-12-01|2025-03-08; T1|2024-09-02|2024-11-30"_s << ok << QString();
        QTest::newRow("one-day period") << u"Bac blanc|2025-02-10|2025-02-10"_s << ok << QString();
        QTest::newRow("no period") << QString() << ok << QString();
        QTest::newRow("shared last day") << u"T1|2024-09-02|2024-12-01; T2|2024-12-01|2025-03-08"_s
                                         << ErrorCode::PeriodOverlap << u"T1, T2"_s;
        QTest::newRow("one inside another")
            << u"Année|2024-09-02|2025-07-04; T2|2024-12-01|2025-03-08"_s << ErrorCode::PeriodOverlap << u"Année, T2"_s;
        QTest::newRow("first and third overlap")
            << u"T1|2024-09-02|2024-11-30; T2|2024-12-01|2025-03-08; T3|2024-11-15|2024-11-20"_s
            << ErrorCode::PeriodOverlap << u"T1, T3"_s;
        QTest::newRow("end before start") << u"T1|2024-09-02|2024-11-30; T2|2025-03-08|2024-12-01"_s
                                          << ErrorCode::InvalidField << u"periods[1].end"_s;
        QTest::newRow("invalid start") << u"T1|2024-02-30|2024-11-30"_s << ErrorCode::InvalidField
                                       << u"periods[0].start"_s;
        QTest::newRow("invalid end") << u"T1|2024-09-02|soon"_s << ErrorCode::InvalidField << u"periods[0].end"_s;
        QTest::newRow("blank name") << u"T1|2024-09-02|2024-11-30;  |2024-12-01|2025-03-08"_s << ErrorCode::MissingField
                                    << u"periods[1].name"_s;
    }

    void validatePeriods()
    {
        QFETCH(QString, list);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);
        const Status status = Cartable::Core::validatePeriods(periods(list));
        const bool valid = context.isEmpty();
        QCOMPARE(status.ok(), valid);
        if (!valid) {
            QCOMPARE(status.error().code, code);
            QCOMPARE(status.error().context, context);
        }
    }

    void wireNames()
    {
        QCOMPARE(errorCodeName(ErrorCode::PeriodClosed), u"period_closed"_s);
        QCOMPARE(errorCodeName(ErrorCode::PeriodOverlap), u"period_overlap"_s);
        QCOMPARE(errorCodeName(ErrorCode::InvalidGrade), u"invalid_grade"_s);
        QCOMPARE(errorCodeName(ErrorCode::GradeOutOfRange), u"grade_out_of_range"_s);
    }
};

QTEST_GUILESS_MAIN(TestPeriodLock)
#include "tst_periodlock.moc"
