#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Cartable::Core {

// How a field is held in a Record, stored in SQL and written on the wire.
//
// | type       | in a Record | SQL column | JSON                 |
// |------------|-------------|------------|----------------------|
// | Id, Ref    | QString     | TEXT       | string (UUID)        |
// | Text, Enum | QString     | TEXT       | string               |
// | Date       | QString     | TEXT       | "YYYY-MM-DD"         |
// | Integer    | qint64      | INTEGER    | whole number         |
// | Boolean    | bool        | INTEGER    | true / false         |
// | Timestamp  | qint64      | BIGINT     | ms since the epoch   |
// | Hundredths | qint64      | BIGINT     | "15.5" (exact)       |
enum class FieldType {
    Ref,
    Text,
    Enum,
    Date,
    Integer,
    Boolean,
    Timestamp,
    Hundredths,
};

// Extra shape checks on a text field.
enum class FieldFormat {
    None,
    Uai,        // 0751234J: seven digits and their check letter
    Ine,        // identifiant national élève: 10 digits and a letter, or 9 digits and 2 letters
    PostalCode, // five digits
    Email,
    Phone,      // digits, spaces, dots and a leading +, 6 to 20 characters
    Login,      // lower-case letters, digits, dots, dashes and underscores, 2 to 64
    Sha256,     // 64 lower-case hexadecimal digits
    FileName,   // no path separator, no control character, not "." or ".."
    Colour,     // #rrggbb
    SchoolYear, // 2024-2025: two consecutive years
    Code,       // upper-case letters, digits, dots, dashes and underscores
};

struct FieldDef
{
    QString name; // column and wire name, snake_case
    FieldType type = FieldType::Text;
    bool required = true;
    // Ref: the entity type the id points at; empty when it may point at
    // several (the owner of an attachment, say: the neighbouring *_type
    // field names it).
    QString refEntity;
    QStringList enumValues;
    // Text: the longest accepted value, in UTF-16 code units.
    int maxLength = 0;
    // Text: whether line breaks and tabs are allowed.
    bool multiline = false;
    FieldFormat format = FieldFormat::None;
    // Integer and Hundredths (in hundredths): the accepted range.
    qint64 minimum = 0;
    qint64 maximum = 0;
    // What an older row gets when the column is added to an existing table.
    QVariant defaultValue;
    // The domain schema version that brought the field (see domainschema.h).
    int since = 1;
};

// A rule across the fields of one row. Its code is stable and appears as the
// context of an InconsistentFields error ("grade.mark_or_marker").
struct ConstraintDef
{
    enum class Kind {
        ExactlyOneOf, // exactly one of `fields` is set
        AtMostOneOf,  // at most one of `fields` is set
        NotBefore,    // fields[0] >= fields[1] when both are set (dates, times, numbers)
        After,        // fields[0] > fields[1] when both are set
        // fields[0] is set when `whenField` is one of `whenValues` (booleans
        // as "true" and "false"), or when it is set at all if `whenValues` is
        // empty.
        RequiredWhen,
        // fields[0] is unset under the same condition.
        ForbiddenWhen,
    };
    QString code;
    Kind kind = Kind::ExactlyOneOf;
    QStringList fields;
    QString whenField;
    QStringList whenValues;
};

// One kind of replicated row. Every row has an `id` (a UUID, not listed in
// `fields`), made where the row is born.
struct EntityDef
{
    QString type; // wire type and table name, snake_case
    QString module;
    QString summary;
    QList<FieldDef> fields;
    QList<ConstraintDef> constraints;
    // Column sets that are unique on the server.
    QList<QStringList> uniqueKeys;
    // The domain schema version that brought the entity.
    int since = 1;

    const FieldDef *field(const QString &name) const;
    bool hasField(const QString &name) const { return field(name) != nullptr; }
    QStringList fieldNames() const;
};

// Builders, so that the catalogue reads like a table.
namespace Fields {

FieldDef ref(const QString &name, const QString &entity);
FieldDef optRef(const QString &name, const QString &entity);
FieldDef text(const QString &name, int maxLength, FieldFormat format = FieldFormat::None);
FieldDef optText(const QString &name, int maxLength, FieldFormat format = FieldFormat::None);
FieldDef longText(const QString &name, int maxLength);
FieldDef optLongText(const QString &name, int maxLength);
FieldDef enumeration(const QString &name, const QStringList &values);
FieldDef optEnumeration(const QString &name, const QStringList &values);
FieldDef date(const QString &name);
FieldDef optDate(const QString &name);
FieldDef integer(const QString &name, qint64 minimum, qint64 maximum);
FieldDef optInteger(const QString &name, qint64 minimum, qint64 maximum);
FieldDef boolean(const QString &name, bool defaultValue = false);
FieldDef timestamp(const QString &name);
FieldDef optTimestamp(const QString &name);
// Bounds in hundredths: hundredths(u"coefficient"_s, 1, 10000) is 0,01 to 100.
FieldDef hundredths(const QString &name, qint64 minimum, qint64 maximum);
FieldDef optHundredths(const QString &name, qint64 minimum, qint64 maximum);

ConstraintDef exactlyOneOf(const QString &code, const QStringList &fields);
ConstraintDef atMostOneOf(const QString &code, const QStringList &fields);
ConstraintDef notBefore(const QString &code, const QString &later, const QString &earlier);
ConstraintDef after(const QString &code, const QString &later, const QString &earlier);
ConstraintDef requiredWhen(const QString &code, const QString &field, const QString &whenField,
                           const QStringList &whenValues);
ConstraintDef forbiddenWhen(const QString &code, const QString &field, const QString &whenField,
                            const QStringList &whenValues);

} // namespace Fields

QString fieldTypeName(FieldType type);
QString fieldFormatName(FieldFormat format);

} // namespace Cartable::Core
