#include "core/rules/averages.h"

#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

namespace {

// Grades written as "mark/scale" or "mark/scale x coefficient", separated by
// ";": "15,5/20 x2; ABS/20; /20; 7/10 x0,5". An empty mark is an empty grade.
QList<ScoredGrade> scoredGrades(const QString &text)
{
    QList<ScoredGrade> grades;
    for (const QString &item : text.split(u';', Qt::SkipEmptyParts)) {
        const QString mark = item.section(u'/', 0, 0);
        const QString rest = item.section(u'/', 1);
        ScoredGrade grade;
        grade.scale = rest.section(u'x', 0, 0).trimmed().toInt();
        if (rest.contains(u'x'))
            grade.coefficient = Coefficient::parse(rest.section(u'x', 1)).value();
        grade.value = GradeValue::parse(mark, grade.scale).value();
        grades.append(grade);
    }
    return grades;
}

// Subject averages written as "average x coefficient"; "-" is a subject
// without an average: "12,5 x2; - x1".
QList<SubjectResult> subjectResults(const QString &text)
{
    QList<SubjectResult> subjects;
    for (const QString &item : text.split(u';', Qt::SkipEmptyParts)) {
        SubjectResult subject;
        const QString average = item.section(u'x', 0, 0).trimmed();
        if (average != u"-")
            subject.average = Hundredths::parse(average).value();
        subject.coefficient = Coefficient::parse(item.section(u'x', 1)).value();
        subjects.append(subject);
    }
    return subjects;
}

// Expected averages are written "13,33"; an empty string is "no average".
std::optional<qint64> expectedRaw(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return Hundredths::parse(text).value().raw();
}

std::optional<qint64> rawOf(const std::optional<Hundredths> &value)
{
    if (!value)
        return std::nullopt;
    return value->raw();
}

} // namespace

class TestAverages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subjectAverage_data()
    {
        QTest::addColumn<QString>("grades");
        QTest::addColumn<QString>("expected");
        QTest::newRow("one mark") << u"15/20"_s << u"15"_s;
        QTest::newRow("7/10 is 14/20") << u"7/10"_s << u"14"_s;
        // (12 × 1 + 16 × 3) ÷ 4 = 60 ÷ 4
        QTest::newRow("coefficients") << u"12/20 x1; 16/20 x3"_s << u"15"_s;
        // 2 ÷ 3 × 20 = 13,333…
        QTest::newRow("2/3 of 20") << u"2/3"_s << u"13,33"_s;
        // 1 ÷ 7 × 20 = 2,857…
        QTest::newRow("1/7 of 20") << u"1/7"_s << u"2,86"_s;
        // (10 + 20 × 2) ÷ 3 = 16,666…
        QTest::newRow("thirds round up") << u"10/20 x1; 20/20 x2"_s << u"16,67"_s;
        // (12,34 + 12,35) ÷ 2 = 12,345 exactly; binary floating point gives 12,34499…
        QTest::newRow("12.345 rounds to 12.35") << u"12,34/20; 12,35/20"_s << u"12,35"_s;
        // (10,01 + 10) ÷ 2 = 10,005
        QTest::newRow("half a hundredth") << u"10,01/20; 10/20"_s << u"10,01"_s;
        // (0,01 + 0) ÷ 2 = 0,005
        QTest::newRow("smallest half") << u"0,01/20; 0/20"_s << u"0,01"_s;
        // (14 × 0,5 + 8 × 1,25) ÷ 1,75 = 17 ÷ 1,75 = 9,714…
        QTest::newRow("decimal coefficients") << u"14/20 x0,5; 8/20 x1,25"_s << u"9,71"_s;
        // 7/10 = 14, 30/40 = 15, 4,5/5 = 18: (14 + 15 × 2 + 18) ÷ 4 = 62 ÷ 4
        QTest::newRow("mixed scales") << u"7/10; 30/40 x2; 4,5/5"_s << u"15,5"_s;
        QTest::newRow("out of 100") << u"87,5/100"_s << u"17,5"_s;
        // (13 + 14 + 14) ÷ 3 = 13,666…
        QTest::newRow("three marks") << u"13/20; 14/20; 14/20"_s << u"13,67"_s;
        // 1,72/3 × 20 × 0,5 = 5,7333… and 0,24/9 × 20 × 0,5 = 0,2666… add up to
        // exactly 6; with 2,01: 8,01 ÷ 2 = 4,005, a tie. Summing in binary
        // floating point, even extended, lands just below it and gives 4,00.
        QTest::newRow("thirds adding up to a tie") << u"1,72/3 x0,5; 2,01/20; 0,24/9 x0,5"_s << u"4,01"_s;
        // docs/RULES.md: (12 × 1 + 14 × 2 + 16 × 0,5) ÷ 3,5 = 48 ÷ 3,5 = 13,714…
        QTest::newRow("worked example") << u"12/20; 7/10 x2; ABS/20 x3; 16/20 x0,5"_s << u"13,71"_s;
        QTest::newRow("markers left out") << u"ABS/20; 15/20; DISP/20 x3; NN/20; NR/20"_s << u"15"_s;
        QTest::newRow("empty grade left out") << u"/20; 8/20"_s << u"8"_s;
        QTest::newRow("only markers") << u"ABS/20; DISP/20"_s << QString();
        QTest::newRow("nothing") << QString() << QString();
        QTest::newRow("coefficient 0 counts nowhere") << u"20/20 x0; 10/20"_s << u"10"_s;
        QTest::newRow("only coefficient 0") << u"15/20 x0"_s << QString();
        // (0 + 20) ÷ 2
        QTest::newRow("a zero counts") << u"0/20; 20/20"_s << u"10"_s;
        QTest::newRow("a zero alone is an average") << u"0/20"_s << u"0"_s;
        QTest::newRow("full marks") << u"20/20 x2; 10/10; 1/1"_s << u"20"_s;
        // 1/7, 1/9, 1/11, 1/13 of 20 × coefficient 1: 20 × (1/7 + 1/9 + 1/11 + 1/13) ÷ 4
        // = 5 × 3800/9009 = 2,1090…
        QTest::newRow("co-prime scales") << u"1/7; 1/9; 1/11; 1/13"_s << u"2,11"_s;
        // Scales whose least common multiple exceeds 64 bits. With exact
        // fractions: Σ(mark ÷ scale × 20 × coefficient) = 105,5324 and
        // Σ(coefficient) = 10,5, so 10,0507.
        QTest::newRow("many large prime scales")
            << u"500/997; 123/991 x2; 983/983; 0/977; 700,5/971 x0,5; 321/967; 900/953 x3; 1/947"_s << u"10,05"_s;
    }

    void subjectAverage()
    {
        QFETCH(QString, grades);
        QFETCH(QString, expected);
        QCOMPARE(rawOf(Cartable::Core::subjectAverage(scoredGrades(grades))), expectedRaw(expected));
    }

    void countsInAverage_data()
    {
        QTest::addColumn<QString>("mark");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("coefficient");
        QTest::addColumn<bool>("counts");
        QTest::newRow("mark") << u"15"_s << 20 << u"1"_s << true;
        QTest::newRow("zero mark") << u"0"_s << 20 << u"1"_s << true;
        QTest::newRow("small coefficient") << u"12"_s << 20 << u"0,01"_s << true;
        QTest::newRow("coefficient 0") << u"15"_s << 20 << u"0"_s << false;
        QTest::newRow("absent") << u"ABS"_s << 20 << u"1"_s << false;
        QTest::newRow("dispensed") << u"DISP"_s << 20 << u"1"_s << false;
        QTest::newRow("not graded") << u"NN"_s << 20 << u"1"_s << false;
        QTest::newRow("not submitted") << u"NR"_s << 20 << u"1"_s << false;
        QTest::newRow("empty") << QString() << 20 << u"1"_s << false;
        // The scale changed after the mark was entered: 15 is not a mark /10.
        QTest::newRow("above its scale") << u"15"_s << 10 << u"1"_s << false;
        QTest::newRow("scale 0") << u"0"_s << 0 << u"1"_s << false;
        QTest::newRow("scale above 1000") << u"15"_s << 1001 << u"1"_s << false;
    }

    void countsInAverage()
    {
        QFETCH(QString, mark);
        QFETCH(int, scale);
        QFETCH(QString, coefficient);
        QFETCH(bool, counts);
        const ScoredGrade grade{GradeValue::parse(mark, GradeValue::kMaxScale).value(), scale,
                                Coefficient::parse(coefficient).value()};
        QCOMPARE(Cartable::Core::countsInAverage(grade), counts);
        QCOMPARE(Cartable::Core::subjectAverage({grade}).has_value(), counts);
        if (!counts) {
            // Nor does it move another grade's average.
            const ScoredGrade ten{GradeValue::parse(u"10"_s, 20).value(), 20, Coefficient()};
            QCOMPARE(rawOf(Cartable::Core::subjectAverage({grade, ten})), std::optional<qint64>(1000));
        }
    }

    void generalAverage_data()
    {
        QTest::addColumn<QString>("subjects");
        QTest::addColumn<QString>("expected");
        // (12,5 × 2 + 14 × 1) ÷ 3 = 39 ÷ 3
        QTest::newRow("weighted") << u"12,5 x2; 14 x1"_s << u"13"_s;
        QTest::newRow("subject without average") << u"15 x1; - x4"_s << u"15"_s;
        QTest::newRow("coefficient 0") << u"8 x0; 16 x1"_s << u"16"_s;
        QTest::newRow("no subject") << QString() << QString();
        QTest::newRow("no average anywhere") << u"- x1; - x2"_s << QString();
        // (10 + 10,01) ÷ 2 = 10,005
        QTest::newRow("half a hundredth") << u"10 x1; 10,01 x1"_s << u"10,01"_s;
        // (13 + 14 × 2) ÷ 3 = 13,666…
        QTest::newRow("thirds") << u"13 x1; 14 x2"_s << u"13,67"_s;
        // (12 × 1,5 + 9 × 0,5) ÷ 2 = 22,5 ÷ 2
        QTest::newRow("decimal coefficients") << u"12 x1,5; 9 x0,5"_s << u"11,25"_s;
        // Subject averages are taken as printed: 13,33 and 16,67, not 40/3 and 50/3.
        // (13,33 + 16,67 × 2) ÷ 3 = 46,67 ÷ 3 = 15,5566…
        QTest::newRow("rounded subject averages") << u"13,33 x1; 16,67 x2"_s << u"15,56"_s;
        QTest::newRow("impossible average left out") << u"25 x1; 10 x1"_s << u"10"_s;
    }

    void generalAverage()
    {
        QFETCH(QString, subjects);
        QFETCH(QString, expected);
        QCOMPARE(rawOf(Cartable::Core::generalAverage(subjectResults(subjects))), expectedRaw(expected));
    }

    void evaluationStatistics_data()
    {
        QTest::addColumn<QString>("marks");
        QTest::addColumn<int>("scale");
        QTest::addColumn<QString>("average");
        QTest::addColumn<QString>("minimum");
        QTest::addColumn<QString>("maximum");
        QTest::addColumn<int>("count");
        // (12 + 15,5 + 7) ÷ 3 = 11,5
        QTest::newRow("markers and empty left out")
            << u"12; 15,5; ABS; ; 7; NN"_s << 20 << u"11,5"_s << u"7"_s << u"15,5"_s << 3;
        QTest::newRow("on its own scale") << u"7; 8; 9"_s << 10 << u"8"_s << u"7"_s << u"9"_s << 3;
        // 31 ÷ 3 = 10,333…
        QTest::newRow("thirds") << u"10; 10; 11"_s << 20 << u"10,33"_s << u"10"_s << u"11"_s << 3;
        // 0,01 ÷ 2 = 0,005
        QTest::newRow("half a hundredth") << u"0,01; 0"_s << 20 << u"0,01"_s << u"0"_s << u"0,01"_s << 2;
        QTest::newRow("one mark") << u"13,25"_s << 20 << u"13,25"_s << u"13,25"_s << u"13,25"_s << 1;
        QTest::newRow("above the scale left out") << u"15; 5"_s << 10 << u"5"_s << u"5"_s << u"5"_s << 1;
        QTest::newRow("only markers") << u"ABS; DISP"_s << 20 << QString() << QString() << QString() << 0;
        QTest::newRow("invalid scale") << u"5"_s << 0 << QString() << QString() << QString() << 0;
    }

    void evaluationStatistics()
    {
        QFETCH(QString, marks);
        QFETCH(int, scale);
        QFETCH(QString, average);
        QFETCH(QString, minimum);
        QFETCH(QString, maximum);
        QFETCH(int, count);
        QList<GradeValue> grades;
        for (const QString &mark : marks.split(u';'))
            grades.append(GradeValue::parse(mark, GradeValue::kMaxScale).value());
        const std::optional<ClassStatistics> statistics = Cartable::Core::evaluationStatistics(grades, scale);
        QCOMPARE(statistics.has_value(), count > 0);
        if (!statistics)
            return;
        QCOMPARE(statistics->average.raw(), *expectedRaw(average));
        QCOMPARE(statistics->minimum.raw(), *expectedRaw(minimum));
        QCOMPARE(statistics->maximum.raw(), *expectedRaw(maximum));
        QCOMPARE(statistics->count, count);
    }

    void subjectStatistics_data()
    {
        QTest::addColumn<QString>("averages");
        QTest::addColumn<QString>("average");
        QTest::addColumn<QString>("minimum");
        QTest::addColumn<QString>("maximum");
        QTest::addColumn<int>("count");
        // (12,5 + 14 + 9,75) ÷ 3 = 36,25 ÷ 3 = 12,0833…
        QTest::newRow("students without average left out")
            << u"12,5; -; 14; 9,75"_s << u"12,08"_s << u"9,75"_s << u"14"_s << 3;
        // (13,33 + 13,34) ÷ 2 = 13,335
        QTest::newRow("half a hundredth") << u"13,33; 13,34"_s << u"13,34"_s << u"13,33"_s << u"13,34"_s << 2;
        QTest::newRow("impossible average left out") << u"20,5; 10"_s << u"10"_s << u"10"_s << u"10"_s << 1;
        QTest::newRow("nobody") << u"-; -"_s << QString() << QString() << QString() << 0;
    }

    void subjectStatistics()
    {
        QFETCH(QString, averages);
        QFETCH(QString, average);
        QFETCH(QString, minimum);
        QFETCH(QString, maximum);
        QFETCH(int, count);
        QList<std::optional<Hundredths>> students;
        for (const QString &text : averages.split(u';')) {
            const QString trimmed = text.trimmed();
            students.append(trimmed == u"-" ? std::nullopt : std::optional(Hundredths::parse(trimmed).value()));
        }
        const std::optional<ClassStatistics> statistics = Cartable::Core::subjectStatistics(students);
        QCOMPARE(statistics.has_value(), count > 0);
        if (!statistics)
            return;
        QCOMPARE(statistics->average.raw(), *expectedRaw(average));
        QCOMPARE(statistics->minimum.raw(), *expectedRaw(minimum));
        QCOMPARE(statistics->maximum.raw(), *expectedRaw(maximum));
        QCOMPARE(statistics->count, count);
    }

    void formatAverage_data()
    {
        QTest::addColumn<qint64>("hundredths");
        QTest::addColumn<QString>("french");
        QTest::addColumn<QString>("english");
        QTest::newRow("12,35") << qint64(1235) << u"12,35"_s << u"12.35"_s;
        QTest::newRow("trailing zero kept") << qint64(1230) << u"12,30"_s << u"12.30"_s;
        QTest::newRow("whole") << qint64(1400) << u"14,00"_s << u"14.00"_s;
        QTest::newRow("small") << qint64(5) << u"0,05"_s << u"0.05"_s;
        QTest::newRow("full marks") << qint64(2000) << u"20,00"_s << u"20.00"_s;
    }

    void formatAverage()
    {
        QFETCH(qint64, hundredths);
        QFETCH(QString, french);
        QFETCH(QString, english);
        const Hundredths average = Hundredths::fromRaw(hundredths);
        QCOMPARE(Cartable::Core::formatAverage(average, QLocale(QLocale::French, QLocale::France)), french);
        QCOMPARE(Cartable::Core::formatAverage(average, QLocale(QLocale::English, QLocale::UnitedStates)), english);
    }
};

QTEST_GUILESS_MAIN(TestAverages)
#include "tst_averages.moc"
