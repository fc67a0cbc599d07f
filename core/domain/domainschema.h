#pragma once

#include "entitydef.h"

#include <QString>
#include <QStringList>

namespace Cartable::Core {

// Where a table lives. The server keeps unique keys and indexes every
// reference; a replica holds a partial graph (a grade may arrive before its
// evaluation, a lost bucket takes rows away), so it has no unique keys
// besides ids and no foreign keys, and indexes the references its views
// follow.
enum class SchemaSide { Server, Replica };

// The version of the catalogue's tables. Every entity and field says which
// version brought it (`since`): a new field gets since = the next version,
// and each schema gains a migration made of addedColumnStatements() for that
// version. Released entities and fields are never edited.
inline constexpr int kDomainSchemaVersion = 3;

// "TEXT", "INTEGER" or "BIGINT": the same SQL on SQLite and PostgreSQL.
QString sqlColumnType(FieldType type);
// "name TYPE [NOT NULL] [DEFAULT …]".
QString columnDefinition(const FieldDef &field);

// CREATE TABLE (id and the fields brought up to `version`) and its indexes.
QStringList createTableStatements(const EntityDef &entity, SchemaSide side, int version = kDomainSchemaVersion);
// ALTER TABLE … ADD COLUMN for the fields that `version` brought, and their
// indexes. A required field added later needs a default.
QStringList addedColumnStatements(const EntityDef &entity, SchemaSide side, int version);
// The indexes of some fields of an entity.
QStringList indexStatements(const EntityDef &entity, SchemaSide side, const QList<FieldDef> &fields);
// The unique keys of an entity, on the server.
QStringList uniqueKeyStatements(const EntityDef &entity);

// INSERT of a whole row (id, then the fields in catalogue order, all bound)
// that replaces the row of the same id. `extraColumn` = `extraLiteral` is
// set on insert only: a server column that the catalogue does not know.
QString upsertStatement(const EntityDef &entity, const QString &extraColumn = {}, const QString &extraLiteral = {});

// Every table of the catalogue at `version`, in catalogue order.
QStringList catalogStatements(SchemaSide side, int version = kDomainSchemaVersion);
// What `version` brought to a schema at `version - 1`: the tables of the
// entities it introduced and the columns it added to the others.
QStringList schemaStepStatements(SchemaSide side, int version);

} // namespace Cartable::Core
