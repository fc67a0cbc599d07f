#pragma once

#include "actorfacts.h"
#include "policylookup.h"

#include "core/domain/record.h"
#include "core/protocol/mutation.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Cartable::Core {

// One mutation to judge: the row before (update, delete) and after (create,
// update). For an update, the changed fields are those that differ between
// the two rows together with the ones the client declares.
struct Change
{
    MutationOp operation = MutationOp::Create;
    QString entity;
    std::optional<Record> before;
    std::optional<Record> after;
    QStringList changedFields;

    static Change create(const Record &after);
    static Change update(const Record &before, const Record &after, const QStringList &changedFields = {});
    static Change remove(const Record &before);
    // A pushed mutation over the stored row (empty for a create): an update's
    // row after is the stored row with the mutation's changed fields applied.
    static Change fromMutation(const Mutation &mutation, const std::optional<Record> &stored);
};

// Whether `actor` may make `change`. OK; or Forbidden with a stable reason
// code as context ("grade.not_own_evaluation"); or PeriodClosed (context: the
// period's name) when a closed period refuses a change that the roles allow;
// or UnknownEntity, InvalidField ("change.before", "change.after",
// "change.id"), InvalidReference for a malformed change. docs/POLICY.md lists
// the rules and the reason codes.
[[nodiscard]] Status authorize(const ActorFacts &actor, const Change &change, const PolicyLookup &lookup);

} // namespace Cartable::Core
