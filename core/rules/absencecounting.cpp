#include "absencecounting.h"

#include <map>
#include <utility>

namespace Cartable::Core {

namespace {

using namespace Qt::StringLiterals;

constexpr int kMinutesPerDay = 24 * 60;

enum class HalfDay { Morning, Afternoon };

bool inRange(QDate date, QDate from, QDate to)
{
    return (!from.isValid() || date >= from) && (!to.isValid() || date <= to);
}

} // namespace

Status checkAbsenceRecord(const AbsenceRecord &record)
{
    if (!record.date.isValid())
        return Error{ErrorCode::InvalidField, u"date"_s};
    if (record.kind == AbsenceKind::Lateness) {
        if (record.latenessMinutes < 1 || record.latenessMinutes > kMinutesPerDay)
            return Error{ErrorCode::InvalidField, u"latenessMinutes"_s};
        return {};
    }
    if (!record.start.isValid())
        return Error{ErrorCode::InvalidField, u"start"_s};
    if (!record.end.isValid() || record.end <= record.start)
        return Error{ErrorCode::InvalidField, u"end"_s};
    return {};
}

AbsenceTally countAbsences(const QList<AbsenceRecord> &records, QDate from, QDate to, QTime afternoonStart)
{
    const QTime boundary = afternoonStart.isValid() ? afternoonStart : QTime(12, 0);
    AbsenceTally tally;
    // Each half-day touched, and whether any of its absences is unjustified.
    std::map<std::pair<QDate, HalfDay>, bool> halfDays;
    const auto mark = [&halfDays](QDate date, HalfDay half, bool justified) {
        bool &unjustified = halfDays.try_emplace({date, half}, false).first->second;
        unjustified = unjustified || !justified;
    };

    for (const AbsenceRecord &record : records) {
        if (!inRange(record.date, from, to) || !checkAbsenceRecord(record).ok())
            continue;
        if (record.kind == AbsenceKind::Lateness) {
            ++tally.latenessCount;
            tally.latenessMinutes += record.latenessMinutes;
            continue;
        }
        if (record.start < boundary)
            mark(record.date, HalfDay::Morning, record.justified);
        if (record.end > boundary)
            mark(record.date, HalfDay::Afternoon, record.justified);
    }

    for (const auto &entry : halfDays) {
        ++tally.halfDays;
        if (entry.second)
            ++tally.unjustifiedHalfDays;
        else
            ++tally.justifiedHalfDays;
    }
    return tally;
}

} // namespace Cartable::Core
