#pragma once

#include "entitydef.h"
#include "record.h"

#include "core/result.h"

#include <functional>
#include <optional>

namespace Cartable::Core {

// Reads one row by type and id, wherever rows are kept (the server's
// database, a replica, a test's memory); nullopt when there is none.
using RowFetcher = std::function<std::optional<Record>(const QString &type, const QString &id)>;

// The entity a reference points at. Most references name their entity in
// the catalogue; an owner reference is told by its neighbour (owner_type,
// owner_kind). Empty when it cannot be told.
QString referencedEntity(const EntityDef &entity, const FieldDef &field, const Record &record);

// Every reference of `record` points at a row of the right entity, other
// than the row itself (InvalidReference, context "entity.field"), and in the
// same establishment as
// the row when both belong to one (InconsistentFields, context
// "entity.field.other_establishment").
[[nodiscard]] Status checkReferences(const EntityDef &entity, const Record &record, const RowFetcher &fetch);

// The domain's rules across rows, written once for the server and the
// client. Call after validateRecord() and checkReferences():
// - a mark is within its evaluation's scale (GradeOutOfRange, context: the
//   scale);
// - an evaluation is dated inside its period, and a period inside its
//   school year (InvalidField, context "evaluation.date" /
//   "period.starts_on" and "period.ends_on");
// - a timetable exception falls on its slot's weekday and validity
//   (InconsistentFields "timetable_exception.not_a_slot_day");
// - a submission answers homework that asks for one (InconsistentFields
//   "homework_submission.not_requested").
[[nodiscard]] Status checkRowRules(const EntityDef &entity, const Record &record, const RowFetcher &fetch);

} // namespace Cartable::Core
