#pragma once

#include "core/rules/coefficient.h"
#include "core/rules/gradevalue.h"
#include "core/rules/hundredths.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <optional>

namespace Cartable::Core {

// Averages as French report cards show them: on /20, rounded to the
// hundredth, halves away from zero (12,345 → 12,35). docs/RULES.md has the
// formulas and worked examples.

// One student's grade in one evaluation, with what the average needs to know
// about the evaluation.
struct ScoredGrade
{
    GradeValue value;
    int scale = 20;
    Coefficient coefficient;
};

// One subject's average in a general average. A subject without an average
// (nothing counted) is left out.
struct SubjectResult
{
    std::optional<Hundredths> average;
    Coefficient coefficient;
};

// Class figures for one evaluation (on its own scale) or one subject (on /20).
struct ClassStatistics
{
    Hundredths average;
    Hundredths minimum;
    Hundredths maximum;
    int count = 0;

    friend bool operator==(const ClassStatistics &, const ClassStatistics &) = default;
};

// Whether a grade enters an average: a mark, on a valid scale, within that
// scale, with a coefficient above 0. Markers and empty grades never count;
// a mark of 0 with a coefficient above 0 does.
bool countsInAverage(const ScoredGrade &grade);

// Σ(mark ÷ scale × 20 × coefficient) ÷ Σ(coefficient) over the grades that
// count, computed exactly and then rounded. No average when nothing counts.
std::optional<Hundredths> subjectAverage(const QList<ScoredGrade> &grades);

// Σ(subject average × subject coefficient) ÷ Σ(subject coefficient) over the
// subjects that have an average between 0 and 20 and a coefficient above 0.
// The subject averages are taken as rounded, as printed on the report card.
std::optional<Hundredths> generalAverage(const QList<SubjectResult> &subjects);

// Average, minimum and maximum of the marks of one evaluation, on its scale.
// Markers, empty grades and marks outside the scale are left out.
std::optional<ClassStatistics> evaluationStatistics(const QList<GradeValue> &grades, int scale);

// Average, minimum and maximum of the students' subject averages (on /20).
// Students without an average, and values outside 0..20, are left out.
std::optional<ClassStatistics> subjectStatistics(const QList<std::optional<Hundredths>> &studentAverages);

// An average as a report card prints it: always two decimals ("12,30").
QString formatAverage(Hundredths average, const QLocale &locale);

} // namespace Cartable::Core
