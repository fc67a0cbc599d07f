#include "entitydef.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;

const FieldDef *EntityDef::field(const QString &name) const
{
    for (const FieldDef &candidate : fields) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

QStringList EntityDef::fieldNames() const
{
    QStringList names;
    names.reserve(fields.size());
    for (const FieldDef &candidate : fields)
        names.append(candidate.name);
    return names;
}

namespace Fields {

namespace {

FieldDef make(const QString &name, FieldType type, bool required)
{
    FieldDef def;
    def.name = name;
    def.type = type;
    def.required = required;
    return def;
}

FieldDef makeText(const QString &name, int maxLength, FieldFormat format, bool required, bool multiline)
{
    FieldDef def = make(name, FieldType::Text, required);
    def.maxLength = maxLength;
    def.format = format;
    def.multiline = multiline;
    return def;
}

FieldDef makeRange(const QString &name, FieldType type, qint64 minimum, qint64 maximum, bool required)
{
    FieldDef def = make(name, type, required);
    def.minimum = minimum;
    def.maximum = maximum;
    return def;
}

} // namespace

FieldDef ref(const QString &name, const QString &entity)
{
    FieldDef def = make(name, FieldType::Ref, true);
    def.refEntity = entity;
    return def;
}

FieldDef optRef(const QString &name, const QString &entity)
{
    FieldDef def = ref(name, entity);
    def.required = false;
    return def;
}

FieldDef text(const QString &name, int maxLength, FieldFormat format)
{
    return makeText(name, maxLength, format, true, false);
}

FieldDef optText(const QString &name, int maxLength, FieldFormat format)
{
    return makeText(name, maxLength, format, false, false);
}

FieldDef longText(const QString &name, int maxLength)
{
    return makeText(name, maxLength, FieldFormat::None, true, true);
}

FieldDef optLongText(const QString &name, int maxLength)
{
    return makeText(name, maxLength, FieldFormat::None, false, true);
}

FieldDef enumeration(const QString &name, const QStringList &values)
{
    FieldDef def = make(name, FieldType::Enum, true);
    def.enumValues = values;
    return def;
}

FieldDef optEnumeration(const QString &name, const QStringList &values)
{
    FieldDef def = enumeration(name, values);
    def.required = false;
    return def;
}

FieldDef date(const QString &name)
{
    return make(name, FieldType::Date, true);
}

FieldDef optDate(const QString &name)
{
    return make(name, FieldType::Date, false);
}

FieldDef integer(const QString &name, qint64 minimum, qint64 maximum)
{
    return makeRange(name, FieldType::Integer, minimum, maximum, true);
}

FieldDef optInteger(const QString &name, qint64 minimum, qint64 maximum)
{
    return makeRange(name, FieldType::Integer, minimum, maximum, false);
}

FieldDef boolean(const QString &name, bool defaultValue)
{
    FieldDef def = make(name, FieldType::Boolean, true);
    def.defaultValue = defaultValue;
    return def;
}

FieldDef timestamp(const QString &name)
{
    return make(name, FieldType::Timestamp, true);
}

FieldDef optTimestamp(const QString &name)
{
    return make(name, FieldType::Timestamp, false);
}

FieldDef hundredths(const QString &name, qint64 minimum, qint64 maximum)
{
    return makeRange(name, FieldType::Hundredths, minimum, maximum, true);
}

FieldDef optHundredths(const QString &name, qint64 minimum, qint64 maximum)
{
    return makeRange(name, FieldType::Hundredths, minimum, maximum, false);
}

ConstraintDef exactlyOneOf(const QString &code, const QStringList &fields)
{
    return {code, ConstraintDef::Kind::ExactlyOneOf, fields, {}, {}};
}

ConstraintDef atMostOneOf(const QString &code, const QStringList &fields)
{
    return {code, ConstraintDef::Kind::AtMostOneOf, fields, {}, {}};
}

ConstraintDef notBefore(const QString &code, const QString &later, const QString &earlier)
{
    return {code, ConstraintDef::Kind::NotBefore, {later, earlier}, {}, {}};
}

ConstraintDef after(const QString &code, const QString &later, const QString &earlier)
{
    return {code, ConstraintDef::Kind::After, {later, earlier}, {}, {}};
}

ConstraintDef requiredWhen(const QString &code, const QString &field, const QString &whenField,
                           const QStringList &whenValues)
{
    return {code, ConstraintDef::Kind::RequiredWhen, {field}, whenField, whenValues};
}

ConstraintDef forbiddenWhen(const QString &code, const QString &field, const QString &whenField,
                            const QStringList &whenValues)
{
    return {code, ConstraintDef::Kind::ForbiddenWhen, {field}, whenField, whenValues};
}

} // namespace Fields

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Ref:
        return u"ref"_s;
    case FieldType::Text:
        return u"text"_s;
    case FieldType::Enum:
        return u"enum"_s;
    case FieldType::Date:
        return u"date"_s;
    case FieldType::Integer:
        return u"integer"_s;
    case FieldType::Boolean:
        return u"boolean"_s;
    case FieldType::Timestamp:
        return u"timestamp"_s;
    case FieldType::Hundredths:
        return u"hundredths"_s;
    }
    return u"text"_s;
}

QString fieldFormatName(FieldFormat format)
{
    switch (format) {
    case FieldFormat::None:
        return {};
    case FieldFormat::Uai:
        return u"uai"_s;
    case FieldFormat::Ine:
        return u"ine"_s;
    case FieldFormat::PostalCode:
        return u"postal_code"_s;
    case FieldFormat::Email:
        return u"email"_s;
    case FieldFormat::Phone:
        return u"phone"_s;
    case FieldFormat::Login:
        return u"login"_s;
    case FieldFormat::Sha256:
        return u"sha256"_s;
    case FieldFormat::FileName:
        return u"file_name"_s;
    case FieldFormat::Colour:
        return u"colour"_s;
    case FieldFormat::SchoolYear:
        return u"school_year"_s;
    case FieldFormat::Code:
        return u"code"_s;
    }
    return {};
}

} // namespace Cartable::Core
