#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace Cartable::Core {

// A grading period of a school year (trimestre or semestre), both ends
// included. Once closed (the class council has met, report cards are out),
// its grades no longer change.
struct Period
{
    QString id;
    QString name;
    QDate start;
    QDate end;
    bool closed = false;

    bool contains(QDate date) const { return date.isValid() && date >= start && date <= end; }

    friend bool operator==(const Period &, const Period &) = default;
};

// Whether a grade of an evaluation dated evaluationDate, attached to period,
// may be created, changed or removed. A closed period refuses with
// PeriodClosed (context: the period's name), whatever the date; otherwise a
// date outside the period is InvalidField (context "evaluation.date").
Status checkGradeChange(const Period &period, QDate evaluationDate);

// The same check for an evaluation known only by its date: the period is the
// one of the school year that contains it; no such period is InvalidField
// (context "evaluation.date").
Status checkGradeChange(const QList<Period> &periods, QDate evaluationDate);

// The period a date belongs to, if any. The periods should have passed
// validatePeriods(); with overlaps, the first match wins.
std::optional<Period> findPeriod(const QList<Period> &periods, QDate date);

// A school year's periods must each have a name and valid dates with start <=
// end, and no day may belong to two of them. Errors: MissingField (context
// "periods[i].name"), InvalidField ("periods[i].start" or "periods[i].end"),
// PeriodOverlap (context: both names, "Trimestre 1, Trimestre 2").
Status validatePeriods(const QList<Period> &periods);

} // namespace Cartable::Core
