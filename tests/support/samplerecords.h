#pragma once

#include "core/domain/entitydef.h"
#include "core/domain/record.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace Cartable::Test {

enum class SampleFill {
    Required, // only the fields a row must have
    Full,     // every field the entity's rules allow together
};

// A valid row of `entity`, the same for the same arguments. Its id and the
// ids it refers to come from sampleId(), so samples of different entities
// with the same variant refer to each other.
Core::Record sampleRecord(const Core::EntityDef &entity, int variant = 0, SampleFill fill = SampleFill::Required);
QString sampleId(const QString &entity, int variant = 0);

// Inserts a row into the table of its entity with prepared statements.
bool insertRecord(QSqlDatabase &db, const Core::EntityDef &entity, const Core::Record &record, QString *error);
// Reads a row back by id; an empty type when it is not there.
Core::Record selectRecord(QSqlDatabase &db, const Core::EntityDef &entity, const QString &id, QString *error);

// The column names of a table, lower-case and sorted, as the driver reports
// them.
QStringList columnNames(const QSqlDatabase &db, const QString &table);

} // namespace Cartable::Test
