#include "samplerecords.h"

#include "core/sqlstatement.h"

#include <QCryptographicHash>
#include <QDate>
#include <QSqlField>
#include <QSqlRecord>
#include <QUuid>

namespace Cartable::Test {

using namespace Qt::StringLiterals;
using Core::ConstraintDef;
using Core::FieldDef;
using Core::FieldFormat;
using Core::FieldType;

namespace {

QString sampleText(const FieldDef &field, int variant)
{
    QString text;
    switch (field.format) {
    case FieldFormat::Uai: {
        static constexpr char16_t kKeys[] = u"ABCDEFGHJKLMNPRSTUVWXYZ";
        const int number = 751200 + variant % 1000;
        text = u"0%1"_s.arg(number) + QChar(kKeys[number % 23]);
        break;
    }
    case FieldFormat::Ine:
        text = u"12345678%1A"_s.arg(variant % 100, 2, 10, QChar(u'0'));
        break;
    case FieldFormat::PostalCode:
        text = u"75005"_s;
        break;
    case FieldFormat::Email:
        text = u"personne%1@exemple.fr"_s.arg(variant);
        break;
    case FieldFormat::Phone:
        text = u"+33 1 23 45 67 89"_s;
        break;
    case FieldFormat::Login:
        text = u"compte.%1"_s.arg(variant);
        break;
    case FieldFormat::Sha256:
        text = QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::number(variant), QCryptographicHash::Sha256).toHex());
        break;
    case FieldFormat::FileName:
        text = u"séance %1.pdf"_s.arg(variant);
        break;
    case FieldFormat::Colour:
        text = u"#1a2b3c"_s;
        break;
    case FieldFormat::SchoolYear:
        text = u"2024-2025"_s;
        break;
    case FieldFormat::Code:
        text = u"C%1"_s.arg(variant);
        break;
    case FieldFormat::None:
        text = field.multiline ? u"Première ligne\nSeconde ligne, « %1 »"_s.arg(variant)
                               : u"Élément %1 de %2"_s.arg(variant).arg(field.name);
        break;
    }
    return field.maxLength > 0 ? text.left(field.maxLength) : text;
}

QVariant sampleValue(const FieldDef &field, int variant)
{
    switch (field.type) {
    case FieldType::Ref:
        return sampleId(field.refEntity.isEmpty() ? u"any"_s : field.refEntity, variant);
    case FieldType::Text:
        return sampleText(field, variant);
    case FieldType::Enum:
        return field.enumValues.at(variant % field.enumValues.size());
    case FieldType::Date:
        return QDate(2024, 9, 2).addDays(variant).toString(Qt::ISODate);
    case FieldType::Integer:
        return qBound(field.minimum, field.minimum + variant, field.maximum);
    case FieldType::Boolean:
        return variant % 2 == 1;
    case FieldType::Timestamp:
        return qint64(1725260400000) + variant * qint64(60000);
    case FieldType::Hundredths:
        return qBound(field.minimum, qint64(1550), field.maximum);
    }
    return {};
}

bool conditionHolds(const Core::EntityDef &entity, const ConstraintDef &constraint, const Core::Record &record)
{
    if (constraint.whenValues.isEmpty())
        return record.isSet(constraint.whenField);
    const FieldDef *when = entity.field(constraint.whenField);
    QString value = record.text(constraint.whenField);
    if (when && when->type == FieldType::Boolean)
        value = record.flag(constraint.whenField) ? u"true"_s : u"false"_s;
    return constraint.whenValues.contains(value);
}

// Makes the row obey the entity's constraints, keeping as much as it can.
void satisfyConstraints(const Core::EntityDef &entity, Core::Record &record, int variant)
{
    for (int pass = 0; pass < 3; ++pass) {
        for (const ConstraintDef &constraint : entity.constraints) {
            const QString &first = constraint.fields.constFirst();
            switch (constraint.kind) {
            case ConstraintDef::Kind::ExactlyOneOf:
            case ConstraintDef::Kind::AtMostOneOf:
                if (constraint.kind == ConstraintDef::Kind::ExactlyOneOf && !record.isSet(first))
                    record.set(first, sampleValue(*entity.field(first), variant));
                for (qsizetype i = 1; i < constraint.fields.size(); ++i)
                    record.unset(constraint.fields.at(i));
                break;
            case ConstraintDef::Kind::NotBefore:
            case ConstraintDef::Kind::After:
                if (record.isSet(first) && record.isSet(constraint.fields.at(1))) {
                    const FieldDef *def = entity.field(first);
                    if (def->type == FieldType::Date)
                        record.set(first, record.text(constraint.fields.at(1)));
                    else
                        record.set(first, record.number(constraint.fields.at(1)) + 1);
                }
                break;
            case ConstraintDef::Kind::RequiredWhen:
                if (conditionHolds(entity, constraint, record) && !record.isSet(first))
                    record.set(first, sampleValue(*entity.field(first), variant));
                break;
            case ConstraintDef::Kind::ForbiddenWhen:
                if (conditionHolds(entity, constraint, record))
                    record.unset(first);
                break;
            }
        }
    }
}

} // namespace

QString sampleId(const QString &entity, int variant)
{
    const QByteArray seed = entity.toUtf8() + '/' + QByteArray::number(variant);
    return QUuid::createUuidV5(QUuid(u"9a3c2f64-5a55-4a43-9f43-2f6a5b8f0c11"_s), seed).toString(QUuid::WithoutBraces);
}

Core::Record sampleRecord(const Core::EntityDef &entity, int variant, SampleFill fill)
{
    Core::Record record(entity.type, sampleId(entity.type, variant));
    for (const FieldDef &field : entity.fields) {
        if (field.required || fill == SampleFill::Full)
            record.set(field.name, sampleValue(field, variant));
    }
    satisfyConstraints(entity, record, variant);
    return record;
}

bool insertRecord(QSqlDatabase &db, const Core::EntityDef &entity, const Core::Record &record, QString *error)
{
    QStringList columns{u"id"_s};
    QStringList marks{u"?"_s};
    for (const FieldDef &field : entity.fields) {
        columns.append(field.name);
        marks.append(u"?"_s);
    }
    QSqlQuery query(db);
    if (!query.prepare(
            u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(entity.type, columns.join(u", "_s), marks.join(u", "_s)))) {
        *error = query.lastError().text();
        return false;
    }
    query.addBindValue(record.id());
    for (const FieldDef &field : entity.fields)
        query.addBindValue(Core::fieldToSql(field, record.value(field.name)));
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

Core::Record selectRecord(QSqlDatabase &db, const Core::EntityDef &entity, const QString &id, QString *error)
{
    QSqlQuery query(db);
    if (!Core::execPrepared(query,
                            u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(entity.fieldNames().join(u", "_s), entity.type),
                            id)) {
        *error = query.lastError().text();
        return {};
    }
    if (!query.next())
        return {};
    Core::Record record(entity.type, id);
    for (qsizetype i = 0; i < entity.fields.size(); ++i) {
        const FieldDef &field = entity.fields.at(i);
        record.set(field.name, Core::fieldFromSql(field, query.value(int(i))));
    }
    return record;
}

QStringList columnNames(const QSqlDatabase &db, const QString &table)
{
    const QSqlRecord record = db.record(table);
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names.append(record.fieldName(i).toLower());
    names.sort();
    return names;
}

} // namespace Cartable::Test
