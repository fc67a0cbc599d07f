#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QTime>

namespace Cartable::Core {

enum class AbsenceKind {
    Absence,  // missed lessons, from start to end
    Lateness, // a retard, of latenessMinutes
};

// One entry of the attendance register: a lesson missed during a roll call,
// a longer absence recorded by the vie scolaire, or a lateness.
struct AbsenceRecord
{
    QDate date;
    QTime start;
    QTime end; // absences only
    bool justified = false;
    AbsenceKind kind = AbsenceKind::Absence;
    int latenessMinutes = 0; // lateness only
};

// The figures of a report card's vie scolaire block for one period.
struct AbsenceTally
{
    int halfDays = 0;
    int justifiedHalfDays = 0;
    int unjustifiedHalfDays = 0;
    int latenessCount = 0;
    int latenessMinutes = 0;

    friend bool operator==(const AbsenceTally &, const AbsenceTally &) = default;
};

// Why a record cannot be counted, as InvalidField with the field's name as
// context ("date", "start", "end", "latenessMinutes"): an absence needs a date
// and a start before its end; a lateness needs a date and 1 to 1440 minutes.
Status checkAbsenceRecord(const AbsenceRecord &record);

// Counts absences in demi-journées, as French schools report them. A day has
// a morning and an afternoon; the afternoon starts at afternoonStart (12:00
// when invalid). An absence covers the morning if it starts before that time
// and the afternoon if it ends after it, so a lesson from 10:00 to 11:00 is
// the morning and an absence from 08:00 to 17:00 is both half-days. Several
// absences in one half-day count once; a half-day with at least one
// unjustified absence counts as unjustified. Lateness is counted apart, in
// occurrences and minutes, and never makes a half-day.
//
// Only records dated from `from` to `to`, both included, count; an invalid
// bound leaves that side open. Records that checkAbsenceRecord() refuses are
// left out.
AbsenceTally countAbsences(const QList<AbsenceRecord> &records, QDate from, QDate to,
                           QTime afternoonStart = QTime(12, 0));

} // namespace Cartable::Core
