#include "integrity.h"

#include "catalog.h"
#include "core/rules/gradevalue.h"

#include <QDate>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

const QString kEstablishmentField = u"establishment_id"_s;

// owner_kind values name entities, except "account" which is the entity
// "account" too; attachment owner types are entity names.
QString ownerEntity(const EntityDef &entity, const Record &record)
{
    if (entity.hasField(u"owner_type"_s))
        return record.text(u"owner_type"_s);
    if (entity.hasField(u"owner_kind"_s))
        return record.text(u"owner_kind"_s);
    if (entity.hasField(u"row_type"_s))
        return record.text(u"row_type"_s);
    return {};
}

QDate dateOf(const Record &record, const QString &field)
{
    return QDate::fromString(record.text(field), Qt::ISODate);
}

Status checkGrade(const Record &grade, const RowFetcher &fetch)
{
    if (!grade.isSet(u"mark"_s))
        return {};
    const std::optional<Record> evaluation = fetch(u"evaluation"_s, grade.text(u"evaluation_id"_s));
    if (!evaluation)
        return {};
    const int scale = int(evaluation->number(u"scale"_s));
    const Result<GradeValue> value = GradeValue::fromMark(Hundredths::fromRaw(grade.number(u"mark"_s)), scale);
    if (!value)
        return value.error();
    return {};
}

Status checkInside(const Record &inner, const QString &startField, const QString &endField, const Record &outer,
                   const QString &context)
{
    const QDate start = dateOf(inner, startField);
    const QDate end = dateOf(inner, endField);
    if (start < dateOf(outer, u"starts_on"_s))
        return Status(ErrorCode::InvalidField, context + startField);
    if (end > dateOf(outer, u"ends_on"_s))
        return Status(ErrorCode::InvalidField, context + endField);
    return {};
}

Status checkEvaluation(const Record &evaluation, const RowFetcher &fetch)
{
    const std::optional<Record> period = fetch(u"period"_s, evaluation.text(u"period_id"_s));
    if (!period)
        return {};
    return checkInside(evaluation, u"date"_s, u"date"_s, *period, u"evaluation."_s);
}

Status checkPeriod(const Record &period, const RowFetcher &fetch)
{
    const std::optional<Record> year = fetch(u"school_year"_s, period.text(u"school_year_id"_s));
    if (!year)
        return {};
    return checkInside(period, u"starts_on"_s, u"ends_on"_s, *year, u"period."_s);
}

Status checkException(const Record &exception, const RowFetcher &fetch)
{
    const std::optional<Record> slot = fetch(u"timetable_slot"_s, exception.text(u"slot_id"_s));
    if (!slot)
        return {};
    const QDate date = dateOf(exception, u"date"_s);
    if (date.dayOfWeek() != slot->number(u"weekday"_s) || date < dateOf(*slot, u"valid_from"_s)
        || date > dateOf(*slot, u"valid_until"_s)) {
        return Status(ErrorCode::InconsistentFields, u"timetable_exception.not_a_slot_day"_s);
    }
    return {};
}

Status checkSubmission(const Record &submission, const RowFetcher &fetch)
{
    const std::optional<Record> homework = fetch(u"homework"_s, submission.text(u"homework_id"_s));
    if (homework && !homework->flag(u"requires_submission"_s))
        return Status(ErrorCode::InconsistentFields, u"homework_submission.not_requested"_s);
    return {};
}

} // namespace

QString referencedEntity(const EntityDef &entity, const FieldDef &field, const Record &record)
{
    if (field.type != FieldType::Ref)
        return {};
    return field.refEntity.isEmpty() ? ownerEntity(entity, record) : field.refEntity;
}

Status checkReferences(const EntityDef &entity, const Record &record, const RowFetcher &fetch)
{
    const QString establishment = record.text(kEstablishmentField);
    for (const FieldDef &field : entity.fields) {
        if (field.type != FieldType::Ref || !record.isSet(field.name))
            continue;
        const QString target = referencedEntity(entity, field, record);
        const QString context = entity.type + u'.' + field.name;
        // A competency under itself, a folder inside itself.
        if (target.isEmpty() || !findEntity(target))
            return Status(ErrorCode::InvalidReference, context);
        if (target == entity.type && record.text(field.name) == record.id())
            return Status(ErrorCode::InvalidReference, context);
        const std::optional<Record> row = fetch(target, record.text(field.name));
        if (!row || row->type() != target)
            return Status(ErrorCode::InvalidReference, context);
        if (field.name == kEstablishmentField || establishment.isEmpty())
            continue;
        if (row->isSet(kEstablishmentField) && row->text(kEstablishmentField) != establishment)
            return Status(ErrorCode::InconsistentFields, context + u".other_establishment"_s);
    }
    return {};
}

Status checkRowRules(const EntityDef &entity, const Record &record, const RowFetcher &fetch)
{
    if (entity.type == QStringView(Entity::Grade))
        return checkGrade(record, fetch);
    if (entity.type == QStringView(Entity::Evaluation))
        return checkEvaluation(record, fetch);
    if (entity.type == QStringView(Entity::Period))
        return checkPeriod(record, fetch);
    if (entity.type == QStringView(Entity::TimetableException))
        return checkException(record, fetch);
    if (entity.type == QStringView(Entity::HomeworkSubmission))
        return checkSubmission(record, fetch);
    return {};
}

} // namespace Cartable::Core
