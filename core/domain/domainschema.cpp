#include "domainschema.h"

#include "catalog.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

QString sqlLiteral(const FieldDef &field, const QVariant &value)
{
    switch (field.type) {
    case FieldType::Boolean:
        return value.toBool() ? u"1"_s : u"0"_s;
    case FieldType::Integer:
    case FieldType::Timestamp:
    case FieldType::Hundredths:
        return QString::number(value.toLongLong());
    default:
        return u'\'' + value.toString().replace(u'\'', u"''"_s) + u'\'';
    }
}

bool isIndexed(const EntityDef &entity, const FieldDef &field, SchemaSide side)
{
    if (field.type != FieldType::Ref)
        return false;
    // Each replica is one user's slice, mostly of one establishment.
    if (field.name == u"establishment_id"_s)
        return side == SchemaSide::Server;
    // A unique key starting with the field already serves as its index.
    if (side == SchemaSide::Server) {
        for (const QStringList &key : entity.uniqueKeys) {
            if (key.constFirst() == field.name)
                return false;
        }
    }
    return true;
}

} // namespace

QString sqlColumnType(FieldType type)
{
    switch (type) {
    case FieldType::Ref:
    case FieldType::Text:
    case FieldType::Enum:
    case FieldType::Date:
        return u"TEXT"_s;
    case FieldType::Integer:
    case FieldType::Boolean:
        return u"INTEGER"_s;
    case FieldType::Timestamp:
    case FieldType::Hundredths:
        return u"BIGINT"_s;
    }
    return u"TEXT"_s;
}

QString columnDefinition(const FieldDef &field)
{
    QString definition = field.name + u' ' + sqlColumnType(field.type);
    if (field.required)
        definition += u" NOT NULL"_s;
    if (field.defaultValue.isValid())
        definition += u" DEFAULT "_s + sqlLiteral(field, field.defaultValue);
    return definition;
}

QStringList indexStatements(const EntityDef &entity, SchemaSide side, const QList<FieldDef> &fields)
{
    QStringList statements;
    for (const FieldDef &field : fields) {
        if (isIndexed(entity, field, side)) {
            statements.append(u"CREATE INDEX %1_%2 ON %1 (%2)"_s.arg(entity.type, field.name));
        }
    }
    return statements;
}

QStringList uniqueKeyStatements(const EntityDef &entity)
{
    QStringList statements;
    int number = 0;
    for (const QStringList &key : entity.uniqueKeys) {
        statements.append(
            u"CREATE UNIQUE INDEX %1_key%2 ON %1 (%3)"_s.arg(entity.type).arg(++number).arg(key.join(u", "_s)));
    }
    return statements;
}

QStringList createTableStatements(const EntityDef &entity, SchemaSide side, int version)
{
    QStringList columns{u"id TEXT PRIMARY KEY"_s};
    QList<FieldDef> fields;
    for (const FieldDef &field : entity.fields) {
        if (field.since <= version) {
            columns.append(columnDefinition(field));
            fields.append(field);
        }
    }
    QStringList statements{u"CREATE TABLE %1 (%2)"_s.arg(entity.type, columns.join(u", "_s))};
    statements += indexStatements(entity, side, fields);
    if (side == SchemaSide::Server)
        statements += uniqueKeyStatements(entity);
    return statements;
}

QStringList addedColumnStatements(const EntityDef &entity, SchemaSide side, int version)
{
    QStringList statements;
    QList<FieldDef> added;
    for (const FieldDef &field : entity.fields) {
        if (field.since != version)
            continue;
        Q_ASSERT_X(!field.required || field.defaultValue.isValid(), "addedColumnStatements",
                   "a required field added to an existing table needs a default");
        statements.append(u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(entity.type, columnDefinition(field)));
        added.append(field);
    }
    return statements + indexStatements(entity, side, added);
}

QString upsertStatement(const EntityDef &entity, const QString &extraColumn, const QString &extraLiteral)
{
    QStringList columns{u"id"_s};
    QStringList updates;
    for (const FieldDef &field : entity.fields) {
        columns.append(field.name);
        updates.append(field.name + u" = excluded."_s + field.name);
    }
    QString values = u"?"_s;
    for (qsizetype i = 0; i < entity.fields.size(); ++i)
        values += u", ?"_s;
    if (!extraColumn.isEmpty()) {
        columns.append(extraColumn);
        values += u", "_s + extraLiteral;
    }
    return u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4"_s.arg(entity.type,
                                                                                      columns.join(u", "_s), values,
                                                                                      updates.join(u", "_s));
}

QStringList catalogStatements(SchemaSide side, int version)
{
    QStringList statements;
    for (const EntityDef &entity : entityCatalog()) {
        if (entity.since <= version)
            statements += createTableStatements(entity, side, version);
    }
    return statements;
}

QStringList schemaStepStatements(SchemaSide side, int version)
{
    QStringList statements;
    for (const EntityDef &entity : entityCatalog()) {
        if (entity.since == version)
            statements += createTableStatements(entity, side, version);
        else if (entity.since < version)
            statements += addedColumnStatements(entity, side, version);
    }
    return statements;
}

} // namespace Cartable::Core
