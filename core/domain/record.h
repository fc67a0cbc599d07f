#pragma once

#include "entitydef.h"

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

class QSqlQuery;

namespace Cartable::Core {

class Statement;

// One replicated row: its type, its id and the values of its fields in their
// canonical form (see FieldType). A field that is absent is unset (NULL).
class Record
{
public:
    Record() = default;
    Record(QString type, QString id) : m_type(std::move(type)), m_id(std::move(id)) {}

    const QString &type() const { return m_type; }
    const QString &id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }

    bool isSet(const QString &field) const { return m_values.contains(field); }
    QVariant value(const QString &field) const { return m_values.value(field); }
    // The value of a Ref, Text, Enum or Date field; empty when unset.
    QString text(const QString &field) const { return m_values.value(field).toString(); }
    // The value of an Integer, Timestamp or Hundredths field; 0 when unset.
    qint64 number(const QString &field) const { return m_values.value(field).toLongLong(); }
    bool flag(const QString &field) const { return m_values.value(field).toBool(); }

    // An invalid (null) value unsets the field.
    void set(const QString &field, const QVariant &value);
    void unset(const QString &field) { m_values.remove(field); }
    const QHash<QString, QVariant> &values() const { return m_values; }

    friend bool operator==(const Record &, const Record &) = default;

private:
    QString m_type;
    QString m_id;
    QHash<QString, QVariant> m_values;
};

// Checks one field's value (an unset value is a valid QVariant-less one):
// MissingField, InvalidField (wrong canonical type), FieldTooLong,
// FieldOutOfRange, InvalidFormat. Contexts are "entity.field".
[[nodiscard]] Status validateField(const EntityDef &entity, const FieldDef &field, const QVariant &value);

// Checks a whole row: a valid id, no field the entity lacks (UnknownField),
// every field, then the cross-field constraints (InconsistentFields with the
// constraint's code). Checks that need other rows (a mark within its
// evaluation's scale, a reference that exists) belong to the rules and the
// policy.
[[nodiscard]] Status validateRecord(const EntityDef &entity, const Record &record);
// The cross-field constraints only, for a row whose fields were each checked
// already (InconsistentFields with the constraint's code).
[[nodiscard]] Status checkConstraints(const EntityDef &entity, const Record &record);

// The JSON form of one field, and back. Null is an unset value.
QJsonValue fieldToJson(const FieldDef &field, const QVariant &value);
[[nodiscard]] Result<QVariant> fieldFromJson(const EntityDef &entity, const FieldDef &field, const QJsonValue &value);

// {"type": …, "id": …, every field …}: unset fields are written as null.
QJsonObject recordToJson(const EntityDef &entity, const Record &record);
// Reads and validates a whole record. Unknown keys are refused; a missing
// optional field is unset, a missing field with a default takes it.
[[nodiscard]] Result<Record> recordFromJson(const QJsonObject &object);

// SQL binding: booleans become 0 and 1; an unset value becomes a typed NULL.
QVariant fieldToSql(const FieldDef &field, const QVariant &value);
// From whatever the driver returns (qlonglong, int, QString, NULL) to the
// canonical form.
QVariant fieldFromSql(const FieldDef &field, const QVariant &value);

// "id, field, field…" of an entity in catalogue order, each column prefixed
// with `alias` and a dot when one is given: what recordFromQuery() reads.
QString selectColumns(const EntityDef &entity, const QString &alias = {});
// The row a query that selected selectColumns() stands on, read from column
// `first` on. NULL columns are left unset.
Record recordFromQuery(const EntityDef &entity, const QSqlQuery &query, int first = 0);
Record recordFromQuery(const EntityDef &entity, const Statement &statement, int first = 0);

} // namespace Cartable::Core
