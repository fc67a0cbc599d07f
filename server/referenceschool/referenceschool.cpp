#include "referenceschool.h"

#include "schoolbuilder.h"

#include <algorithm>
#include <cmath>

namespace Cartable::Server {

using namespace Qt::StringLiterals;

namespace {

struct Holiday
{
    QDate from;
    QDate to;
};

// Zone C (Paris), 2024-2025, and the bank holidays on school days.
const QList<Holiday> &holidays()
{
    static const QList<Holiday> list{
        {QDate(2024, 10, 19), QDate(2024, 11, 3)}, {QDate(2024, 11, 11), QDate(2024, 11, 11)},
        {QDate(2024, 12, 21), QDate(2025, 1, 5)},  {QDate(2025, 2, 15), QDate(2025, 3, 2)},
        {QDate(2025, 4, 12), QDate(2025, 4, 27)},  {QDate(2025, 5, 1), QDate(2025, 5, 1)},
        {QDate(2025, 5, 8), QDate(2025, 5, 8)},    {QDate(2025, 5, 29), QDate(2025, 5, 30)},
        {QDate(2025, 6, 9), QDate(2025, 6, 9)},
    };
    return list;
}

bool isSchoolDay(const QDate &date)
{
    if (date.dayOfWeek() > 5)
        return false;
    return std::none_of(holidays().cbegin(), holidays().cend(),
                        [&](const Holiday &holiday) { return date >= holiday.from && date <= holiday.to; });
}

} // namespace

bool isValidReferenceScale(double scale)
{
    return std::isfinite(scale) && scale > 0 && scale <= kMaxReferenceScale;
}

qint64 scaledCount(double base, double scale, qint64 minimum)
{
    return std::max(minimum, qint64(std::llround(base * scale)));
}

SchoolBuilder::SchoolBuilder(const ReferenceSchoolOptions &options, RecordSink &sink)
    : rng(options.seed), m_options(options), m_sink(sink)
{
    yearStart = QDate(2024, 9, 2);
    yearEnd = QDate(2025, 7, 4);
    today = QDate(2025, 4, 4);
    for (QDate day = yearStart; day <= yearEnd; day = day.addDays(1)) {
        if (isSchoolDay(day))
            schoolDays.append(day);
    }
}

Core::Record SchoolBuilder::record(const char16_t *type)
{
    return Core::Record(QString::fromUtf16(type), rng.uuid());
}

void SchoolBuilder::setTaught(Core::Record &record, const AssignmentPlan &assignment) const
{
    if (assignment.group >= 0)
        record.set(u"group_id"_s, groups.at(assignment.group).id);
    else
        record.set(u"class_id"_s, classes.at(assignment.schoolClass).id);
    record.set(u"subject_id"_s, subjectIds.at(assignment.subject));
    record.set(u"teacher_id"_s, persons.at(assignment.teacher).id);
}

bool SchoolBuilder::add(const Core::Record &record)
{
    if (!m_status)
        return false;
    if (record.type() != m_lastType) {
        const QList<Core::EntityDef> &catalog = Core::entityCatalog();
        const auto found = std::find_if(catalog.cbegin(), catalog.cend(),
                                        [&](const Core::EntityDef &entity) { return entity.type == record.type(); });
        const qsizetype index = found - catalog.cbegin();
        if (found == catalog.cend() || index <= m_catalogueIndex) {
            m_status = Core::Error{Core::ErrorCode::Internal,
                                   u"records of %1 out of catalogue order"_s.arg(record.type())};
            return false;
        }
        m_catalogueIndex = index;
        m_entity = &*found;
        m_lastType = record.type();
    }
    if (Core::Status valid = Core::validateRecord(*m_entity, record); !valid) {
        m_status = Core::Error{valid.error().code,
                               u"generated %1 %2 is invalid: %3 %4"_s.arg(record.type(), record.id(),
                                                                          Core::errorCodeName(valid.error().code),
                                                                          valid.error().context)};
        return false;
    }
    if (Core::Status added = m_sink.add(*m_entity, record); !added) {
        m_status = added;
        return false;
    }
    ++m_summary.counts[m_lastType];
    ++m_summary.total;
    return true;
}

qint64 SchoolBuilder::at(const QDate &date, int minute)
{
    static const qint64 epochDay = QDate(1970, 1, 1).toJulianDay();
    return (date.toJulianDay() - epochDay) * 86400000 + qint64(minute) * 60000;
}

QDate SchoolBuilder::schoolDayBetween(const QDate &from, const QDate &to)
{
    const auto first = std::lower_bound(schoolDays.cbegin(), schoolDays.cend(), from);
    const auto last = std::upper_bound(schoolDays.cbegin(), schoolDays.cend(), to);
    if (first >= last)
        return from;
    return *(first + qint64(rng.below(std::uint64_t(last - first))));
}

qint64 SchoolBuilder::timeOn(const QDate &date, int firstMinute, int lastMinute)
{
    return at(date, int(rng.range(firstMinute, lastMinute))) + qint64(rng.below(60)) * 1000;
}

const QList<int> &SchoolBuilder::studentsOf(const AssignmentPlan &assignment) const
{
    return assignment.group >= 0 ? groups.at(assignment.group).students : classes.at(assignment.schoolClass).students;
}

QString SchoolBuilder::accountIdOf(int person) const
{
    return accounts.at(persons.at(person).account).id;
}

int SchoolBuilder::randomAccountOf(const QList<int> &people)
{
    return persons.at(rng.pick(people)).account;
}

Core::Result<ReferenceSchoolSummary> generateReferenceSchool(const ReferenceSchoolOptions &options, RecordSink &sink)
{
    if (!isValidReferenceScale(options.scale))
        return Core::Error{Core::ErrorCode::InvalidField, u"scale"_s};
    SchoolBuilder builder(options, sink);
    planPeople(builder);
    planClasses(builder);
    if (!emitOrganisation(builder) || !emitSchoolLife(builder) || !emitPedagogy(builder)
        || !emitCommunication(builder)) {
        return builder.status().error();
    }
    return builder.summary();
}

} // namespace Cartable::Server
