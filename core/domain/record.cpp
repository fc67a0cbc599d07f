#include "record.h"

#include "core/sqlstatement.h"

#include "catalog.h"
#include "core/ids.h"
#include "core/rules/hundredths.h"
#include "core/userprofile.h"

#include <QDate>
#include <QRegularExpression>
#include <QSqlQuery>

#include <cmath>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

// 1 January 3000, in milliseconds: later timestamps are typing mistakes.
constexpr qint64 kLatestTimestamp = 32503680000000;
// Whole numbers a double holds exactly, as JSON numbers are read.
constexpr qint64 kLargestJsonInteger = 9007199254740992;

QString contextOf(const EntityDef &entity, const FieldDef &field)
{
    return entity.type + u'.' + field.name;
}

bool isTextual(FieldType type)
{
    return type == FieldType::Ref || type == FieldType::Text || type == FieldType::Enum || type == FieldType::Date;
}

bool isNumeric(FieldType type)
{
    return type == FieldType::Integer || type == FieldType::Timestamp || type == FieldType::Hundredths;
}

bool isIntegral(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return true;
    default:
        return false;
    }
}

bool matches(const QRegularExpression &pattern, const QString &text)
{
    return pattern.match(text).hasMatch();
}

bool isValidFileName(const QString &name)
{
    if (name.trimmed().isEmpty() || name == u"."_s || name == u".."_s || name != name.trimmed())
        return false;
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || QStringView(u"/\\:*?\"<>|").contains(c))
            return false;
    }
    return true;
}

bool isValidSchoolYear(const QString &label)
{
    static const QRegularExpression pattern(u"^([0-9]{4})-([0-9]{4})$"_s);
    const QRegularExpressionMatch match = pattern.match(label);
    return match.hasMatch() && match.captured(2).toInt() == match.captured(1).toInt() + 1;
}

bool hasFormat(FieldFormat format, const QString &text)
{
    static const QRegularExpression ine(u"^([0-9]{10}[A-Z]|[0-9]{9}[A-Z]{2})$"_s);
    static const QRegularExpression postalCode(u"^[0-9]{5}$"_s);
    static const QRegularExpression email(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    static const QRegularExpression phone(u"^\\+?[0-9][0-9 .]{5,19}$"_s);
    static const QRegularExpression login(u"^[a-z0-9][a-z0-9._-]{1,63}$"_s);
    static const QRegularExpression sha256(u"^[0-9a-f]{64}$"_s);
    static const QRegularExpression colour(u"^#[0-9a-f]{6}$"_s);
    static const QRegularExpression code(u"^[A-Z0-9][A-Z0-9._-]*$"_s);
    switch (format) {
    case FieldFormat::None:
        return true;
    case FieldFormat::Uai:
        return isValidUai(text);
    case FieldFormat::Ine:
        return matches(ine, text);
    case FieldFormat::PostalCode:
        return matches(postalCode, text);
    case FieldFormat::Email:
        return matches(email, text);
    case FieldFormat::Phone:
        return matches(phone, text);
    case FieldFormat::Login:
        return matches(login, text);
    case FieldFormat::Sha256:
        return matches(sha256, text);
    case FieldFormat::FileName:
        return isValidFileName(text);
    case FieldFormat::Colour:
        return matches(colour, text);
    case FieldFormat::SchoolYear:
        return isValidSchoolYear(text);
    case FieldFormat::Code:
        return matches(code, text);
    }
    return false;
}

bool hasForbiddenControl(const QString &text, bool multiline)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (multiline && (u == u'\n' || u == u'\t' || u == u'\r'))
            continue;
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return false;
}

// Characters that change the order in which the text around them is shown:
// the embeddings and overrides (U+202A to U+202E), the isolates (U+2066 to
// U+2069) and the invisible direction marks (U+200E, U+200F, U+061C). In a
// name, a title, a login or a file name they only serve to disguise it:
// "devoir", U+202E, "fdp.exe" shows as "devoirexe.pdf". A one-line field is shown
// in its own box, where the screen sets the direction itself.
bool hasBidiControl(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == 0x061c || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

bool isValidDate(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    if (!matches(pattern, text))
        return false;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return date.isValid() && date.year() >= 1900 && date.year() <= 2200;
}

Status checkText(const EntityDef &entity, const FieldDef &field, const QString &text)
{
    const QString context = contextOf(entity, field);
    // Half a character (a UTF-16 surrogate without its other half) cannot be
    // written as UTF-8, in the database or on the wire: refused everywhere.
    if (!QStringView(text).isValidUtf16())
        return Status(ErrorCode::InvalidField, context);
    switch (field.type) {
    case FieldType::Ref:
        return isValidId(text) ? Status() : Status(ErrorCode::InvalidFormat, context);
    case FieldType::Enum:
        return field.enumValues.contains(text) ? Status() : Status(ErrorCode::InvalidField, context);
    case FieldType::Date:
        return isValidDate(text) ? Status() : Status(ErrorCode::InvalidFormat, context);
    default:
        break;
    }
    if (field.required && text.trimmed().isEmpty())
        return Status(ErrorCode::MissingField, context);
    // Several-line texts (messages, descriptions, comments) keep them: people
    // who write Arabic or Hebrew among French need the marks and isolates to
    // set numbers and Latin words in the right place, and such a text is
    // shown as paragraphs, where an embedding ends with its paragraph.
    if (!field.multiline && hasBidiControl(text))
        return Status(ErrorCode::InvalidField, context);
    if (field.maxLength > 0 && text.size() > field.maxLength)
        return Status(ErrorCode::FieldTooLong, context);
    if (hasForbiddenControl(text, field.multiline))
        return Status(ErrorCode::InvalidFormat, context);
    if (!hasFormat(field.format, text))
        return Status(ErrorCode::InvalidFormat, context);
    return {};
}

Status checkNumber(const EntityDef &entity, const FieldDef &field, qint64 number)
{
    qint64 minimum = field.minimum;
    qint64 maximum = field.maximum;
    if (field.type == FieldType::Timestamp) {
        minimum = 0;
        maximum = kLatestTimestamp;
    }
    if (number < minimum || number > maximum)
        return Status(ErrorCode::FieldOutOfRange, contextOf(entity, field));
    return {};
}

// The value a constraint compares, as text: booleans read "true"/"false".
QString comparable(const FieldDef *field, const Record &record)
{
    if (!field || !record.isSet(field->name))
        return {};
    if (field->type == FieldType::Boolean)
        return record.flag(field->name) ? u"true"_s : u"false"_s;
    return record.value(field->name).toString();
}

bool conditionHolds(const EntityDef &entity, const ConstraintDef &constraint, const Record &record)
{
    const FieldDef *when = entity.field(constraint.whenField);
    if (constraint.whenValues.isEmpty())
        return when && record.isSet(when->name);
    if (when && when->type == FieldType::Boolean && !record.isSet(when->name))
        return constraint.whenValues.contains(u"false"_s);
    return record.isSet(constraint.whenField) && constraint.whenValues.contains(comparable(when, record));
}

bool constraintHolds(const EntityDef &entity, const ConstraintDef &constraint, const Record &record)
{
    switch (constraint.kind) {
    case ConstraintDef::Kind::ExactlyOneOf:
    case ConstraintDef::Kind::AtMostOneOf: {
        int set = 0;
        for (const QString &name : constraint.fields)
            set += record.isSet(name) ? 1 : 0;
        return constraint.kind == ConstraintDef::Kind::ExactlyOneOf ? set == 1 : set <= 1;
    }
    case ConstraintDef::Kind::NotBefore:
    case ConstraintDef::Kind::After: {
        const QString &later = constraint.fields.at(0);
        const QString &earlier = constraint.fields.at(1);
        if (!record.isSet(later) || !record.isSet(earlier))
            return true;
        const FieldDef *def = entity.field(later);
        const bool strict = constraint.kind == ConstraintDef::Kind::After;
        if (def && isNumeric(def->type)) {
            const qint64 a = record.number(later);
            const qint64 b = record.number(earlier);
            return strict ? a > b : a >= b;
        }
        // Dates compare as ISO text.
        const int order = QString::compare(record.text(later), record.text(earlier));
        return strict ? order > 0 : order >= 0;
    }
    case ConstraintDef::Kind::RequiredWhen:
        return !conditionHolds(entity, constraint, record) || record.isSet(constraint.fields.at(0));
    case ConstraintDef::Kind::ForbiddenWhen:
        return !conditionHolds(entity, constraint, record) || !record.isSet(constraint.fields.at(0));
    }
    return false;
}

} // namespace

void Record::set(const QString &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        m_values.remove(field);
    else
        m_values.insert(field, value);
}

Status validateField(const EntityDef &entity, const FieldDef &field, const QVariant &value)
{
    const QString context = contextOf(entity, field);
    if (!value.isValid() || value.isNull())
        return field.required ? Status(ErrorCode::MissingField, context) : Status();
    if (isTextual(field.type)) {
        if (value.typeId() != QMetaType::QString)
            return Status(ErrorCode::InvalidField, context);
        return checkText(entity, field, value.toString());
    }
    if (isNumeric(field.type)) {
        if (!isIntegral(value))
            return Status(ErrorCode::InvalidField, context);
        return checkNumber(entity, field, value.toLongLong());
    }
    if (value.typeId() != QMetaType::Bool)
        return Status(ErrorCode::InvalidField, context);
    return {};
}

Status validateRecord(const EntityDef &entity, const Record &record)
{
    if (record.type() != entity.type)
        return Status(ErrorCode::UnknownEntity, record.type());
    if (!isValidId(record.id()))
        return Status(ErrorCode::InvalidFormat, entity.type + u".id"_s);
    for (auto it = record.values().cbegin(); it != record.values().cend(); ++it) {
        if (!entity.hasField(it.key()))
            return Status(ErrorCode::UnknownField, entity.type + u'.' + it.key());
    }
    for (const FieldDef &field : entity.fields) {
        if (Status status = validateField(entity, field, record.value(field.name)); !status)
            return status;
    }
    return checkConstraints(entity, record);
}

Status checkConstraints(const EntityDef &entity, const Record &record)
{
    for (const ConstraintDef &constraint : entity.constraints) {
        if (!constraintHolds(entity, constraint, record))
            return Status(ErrorCode::InconsistentFields, constraint.code);
    }
    return {};
}

QJsonValue fieldToJson(const FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    switch (field.type) {
    case FieldType::Ref:
    case FieldType::Text:
    case FieldType::Enum:
    case FieldType::Date:
        return value.toString();
    case FieldType::Integer:
    case FieldType::Timestamp:
        return value.toLongLong();
    case FieldType::Hundredths:
        return Hundredths::fromRaw(value.toLongLong()).toWire();
    case FieldType::Boolean:
        return value.toBool();
    }
    return QJsonValue::Null;
}

Result<QVariant> fieldFromJson(const EntityDef &entity, const FieldDef &field, const QJsonValue &json)
{
    const QString context = contextOf(entity, field);
    QVariant value;
    if (json.isNull() || json.isUndefined()) {
        value = QVariant();
    } else if (isTextual(field.type)) {
        if (!json.isString())
            return Error{ErrorCode::InvalidField, context};
        value = json.toString();
    } else if (field.type == FieldType::Hundredths) {
        if (!json.isString())
            return Error{ErrorCode::InvalidField, context};
        const Result<Hundredths> parsed = Hundredths::parse(json.toString());
        if (!parsed)
            return Error{ErrorCode::InvalidFormat, context};
        value = parsed->raw();
    } else if (isNumeric(field.type)) {
        if (!json.isDouble())
            return Error{ErrorCode::InvalidField, context};
        const double number = json.toDouble();
        if (std::trunc(number) != number || std::abs(number) > double(kLargestJsonInteger))
            return Error{ErrorCode::InvalidField, context};
        value = json.toInteger();
    } else {
        if (!json.isBool())
            return Error{ErrorCode::InvalidField, context};
        value = json.toBool();
    }
    if (Status status = validateField(entity, field, value); !status)
        return status.error();
    return value;
}

QJsonObject recordToJson(const EntityDef &entity, const Record &record)
{
    QJsonObject object{{u"type"_s, entity.type}, {u"id"_s, record.id()}};
    for (const FieldDef &field : entity.fields)
        object.insert(field.name, fieldToJson(field, record.value(field.name)));
    return object;
}

Result<Record> recordFromJson(const QJsonObject &object)
{
    const QJsonValue type = object.value(u"type"_s);
    if (!type.isString())
        return Error{type.isUndefined() ? ErrorCode::MissingField : ErrorCode::InvalidField, u"record.type"_s};
    const EntityDef *entity = findEntity(type.toString());
    if (!entity)
        return Error{ErrorCode::UnknownEntity, type.toString()};
    const QJsonValue id = object.value(u"id"_s);
    if (!id.isString())
        return Error{id.isUndefined() ? ErrorCode::MissingField : ErrorCode::InvalidField, entity->type + u".id"_s};

    Record record(entity->type, id.toString());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() != u"type"_s && it.key() != u"id"_s && !entity->hasField(it.key()))
            return Error{ErrorCode::UnknownField, entity->type + u'.' + it.key()};
    }
    for (const FieldDef &field : entity->fields) {
        if (!object.contains(field.name)) {
            record.set(field.name, field.defaultValue);
            continue;
        }
        Result<QVariant> value = fieldFromJson(*entity, field, object.value(field.name));
        if (!value)
            return value.error();
        record.set(field.name, *value);
    }
    if (Status status = validateRecord(*entity, record); !status)
        return status.error();
    return record;
}

QVariant fieldToSql(const FieldDef &field, const QVariant &value)
{
    const bool unset = !value.isValid() || value.isNull();
    switch (field.type) {
    case FieldType::Ref:
    case FieldType::Text:
    case FieldType::Enum:
    case FieldType::Date:
        return unset ? QVariant(QMetaType::fromType<QString>()) : QVariant(value.toString());
    case FieldType::Integer:
    case FieldType::Timestamp:
    case FieldType::Hundredths:
        return unset ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(value.toLongLong());
    case FieldType::Boolean:
        return unset ? QVariant(QMetaType::fromType<int>()) : QVariant(value.toBool() ? 1 : 0);
    }
    return {};
}

QVariant fieldFromSql(const FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (field.type) {
    case FieldType::Ref:
    case FieldType::Text:
    case FieldType::Enum:
    case FieldType::Date:
        return value.toString();
    case FieldType::Integer:
    case FieldType::Timestamp:
    case FieldType::Hundredths:
        return value.toLongLong();
    case FieldType::Boolean:
        return value.toLongLong() != 0;
    }
    return {};
}

QString selectColumns(const EntityDef &entity, const QString &alias)
{
    const QString prefix = alias.isEmpty() ? QString() : alias + u'.';
    QStringList columns{prefix + u"id"_s};
    for (const FieldDef &field : entity.fields)
        columns.append(prefix + field.name);
    return columns.join(u", "_s);
}

Record recordFromQuery(const EntityDef &entity, const QSqlQuery &query, int first)
{
    Record record(entity.type, query.value(first).toString());
    for (qsizetype i = 0; i < entity.fields.size(); ++i) {
        const QVariant value = query.value(first + 1 + int(i));
        if (!value.isNull())
            record.set(entity.fields.at(i).name, fieldFromSql(entity.fields.at(i), value));
    }
    return record;
}

Record recordFromQuery(const EntityDef &entity, const Statement &statement, int first)
{
    Record record(entity.type, statement.value(first).toString());
    for (qsizetype i = 0; i < entity.fields.size(); ++i) {
        const QVariant value = statement.value(first + 1 + int(i));
        if (!value.isNull())
            record.set(entity.fields.at(i).name, fieldFromSql(entity.fields.at(i), value));
    }
    return record;
}

} // namespace Cartable::Core
