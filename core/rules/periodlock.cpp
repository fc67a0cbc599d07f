#include "periodlock.h"

namespace Cartable::Core {

namespace {

using namespace Qt::StringLiterals;

QString fieldOf(qsizetype index, const QString &field)
{
    return u"periods["_s + QString::number(index) + u"]."_s + field;
}

} // namespace

Status checkGradeChange(const Period &period, QDate evaluationDate)
{
    if (period.closed)
        return Error{ErrorCode::PeriodClosed, period.name};
    if (!period.contains(evaluationDate))
        return Error{ErrorCode::InvalidField, u"evaluation.date"_s};
    return {};
}

Status checkGradeChange(const QList<Period> &periods, QDate evaluationDate)
{
    const std::optional<Period> period = findPeriod(periods, evaluationDate);
    if (!period)
        return Error{ErrorCode::InvalidField, u"evaluation.date"_s};
    return checkGradeChange(*period, evaluationDate);
}

std::optional<Period> findPeriod(const QList<Period> &periods, QDate date)
{
    for (const Period &period : periods) {
        if (period.contains(date))
            return period;
    }
    return std::nullopt;
}

Status validatePeriods(const QList<Period> &periods)
{
    for (qsizetype i = 0; i < periods.size(); ++i) {
        const Period &period = periods.at(i);
        if (period.name.trimmed().isEmpty())
            return Error{ErrorCode::MissingField, fieldOf(i, u"name"_s)};
        if (!period.start.isValid())
            return Error{ErrorCode::InvalidField, fieldOf(i, u"start"_s)};
        if (!period.end.isValid() || period.end < period.start)
            return Error{ErrorCode::InvalidField, fieldOf(i, u"end"_s)};
    }
    // Two closed ranges overlap when each starts before the other ends. A
    // school year has three periods, so comparing every pair costs nothing.
    for (qsizetype i = 0; i < periods.size(); ++i) {
        for (qsizetype j = i + 1; j < periods.size(); ++j) {
            const Period &first = periods.at(i);
            const Period &second = periods.at(j);
            if (first.start <= second.end && second.start <= first.end)
                return Error{ErrorCode::PeriodOverlap, first.name + u", "_s + second.name};
        }
    }
    return {};
}

} // namespace Cartable::Core
