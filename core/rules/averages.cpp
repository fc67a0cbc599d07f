#include "averages.h"

#include <QtNumeric>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Cartable::Core {

namespace {

// Report cards bring every mark back to /20.
constexpr qint64 kReportScale = 20;
constexpr Hundredths kReportMaximum = Hundredths::fromWhole(kReportScale);

// A fraction in lowest terms with a positive denominator.
struct Fraction
{
    qint64 numerator = 0;
    qint64 denominator = 1;
};

// Adds numerator / denominator (denominator > 0) to sum. Returns false, and
// leaves sum unusable, when 64 bits are not enough; that needs many distinct
// scales whose least common multiple is huge (7, 11, 13, 17, 19, 23, …).
bool accumulate(Fraction &sum, qint64 numerator, qint64 denominator)
{
    const qint64 common = std::gcd(sum.denominator, denominator);
    const qint64 sumFactor = denominator / common;
    const qint64 termFactor = sum.denominator / common;
    qint64 left = 0;
    qint64 right = 0;
    qint64 total = 0;
    qint64 below = 0;
    if (qMulOverflow(sum.numerator, sumFactor, &left) || qMulOverflow(numerator, termFactor, &right)
        || qAddOverflow(left, right, &total) || qMulOverflow(sum.denominator, sumFactor, &below)) {
        return false;
    }
    const qint64 reduce = std::gcd(total, below);
    sum = {total / reduce, below / reduce};
    return true;
}

std::optional<ClassStatistics> statisticsOf(const QList<Hundredths> &values)
{
    if (values.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    for (const Hundredths value : values)
        total += value.raw();
    const auto [minimum, maximum] = std::minmax_element(values.cbegin(), values.cend());
    return ClassStatistics{Hundredths::roundedQuotient(total, values.size()), *minimum, *maximum,
                           static_cast<int>(values.size())};
}

bool isReportValue(Hundredths value)
{
    return value >= Hundredths() && value <= kReportMaximum;
}

} // namespace

bool countsInAverage(const ScoredGrade &grade)
{
    return grade.value.isMark() && !grade.coefficient.isZero() && GradeValue::isValidScale(grade.scale)
           && grade.value.mark() >= Hundredths() && grade.value.mark() <= Hundredths::fromWhole(grade.scale);
}

std::optional<Hundredths> subjectAverage(const QList<ScoredGrade> &grades)
{
    // With M the mark and C the coefficient, both in hundredths, the average
    // in hundredths is Σ(M × 20 × C ÷ scale) ÷ ΣC. Each term is at most
    // 100 000 × 20 × 10 000, so the products fit; the sum of the fractions is
    // kept exact and only the final quotient is rounded.
    Fraction sum;
    bool exact = true;
    long double approximate = 0;
    qint64 weights = 0;
    for (const ScoredGrade &grade : grades) {
        if (!countsInAverage(grade))
            continue;
        const qint64 term = grade.value.mark().raw() * kReportScale * grade.coefficient.hundredths();
        weights += grade.coefficient.hundredths();
        approximate += static_cast<long double>(term) / grade.scale;
        exact = exact && accumulate(sum, term, grade.scale);
    }
    if (weights == 0)
        return std::nullopt;

    if (exact) {
        const qint64 common = std::gcd(sum.numerator, weights);
        qint64 denominator = 0;
        if (!qMulOverflow(sum.denominator, weights / common, &denominator))
            return Hundredths::roundedQuotient(sum.numerator / common, denominator);
    }
    // Only for exotic mixes of scales: extended precision, then the same
    // rounding (std::llround rounds halves away from zero).
    return Hundredths::fromRaw(std::llround(approximate / static_cast<long double>(weights)));
}

std::optional<Hundredths> generalAverage(const QList<SubjectResult> &subjects)
{
    // Averages are at most 2 000 hundredths and coefficients 10 000, so the
    // sums stay exact in 64 bits.
    qint64 weighted = 0;
    qint64 weights = 0;
    for (const SubjectResult &subject : subjects) {
        if (!subject.average || !isReportValue(*subject.average) || subject.coefficient.isZero())
            continue;
        weighted += subject.average->raw() * subject.coefficient.hundredths();
        weights += subject.coefficient.hundredths();
    }
    if (weights == 0)
        return std::nullopt;
    return Hundredths::roundedQuotient(weighted, weights);
}

std::optional<ClassStatistics> evaluationStatistics(const QList<GradeValue> &grades, int scale)
{
    if (!GradeValue::isValidScale(scale))
        return std::nullopt;
    QList<Hundredths> marks;
    for (const GradeValue &grade : grades) {
        if (grade.isMark() && grade.mark() >= Hundredths() && grade.mark() <= Hundredths::fromWhole(scale))
            marks.append(grade.mark());
    }
    return statisticsOf(marks);
}

std::optional<ClassStatistics> subjectStatistics(const QList<std::optional<Hundredths>> &studentAverages)
{
    QList<Hundredths> averages;
    for (const std::optional<Hundredths> &average : studentAverages) {
        if (average && isReportValue(*average))
            averages.append(*average);
    }
    return statisticsOf(averages);
}

QString formatAverage(Hundredths average, const QLocale &locale)
{
    return average.toString(locale, Hundredths::Decimals::Fixed);
}

} // namespace Cartable::Core
