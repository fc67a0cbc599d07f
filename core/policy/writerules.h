#pragma once

// The per-entity write rules behind authorize(), one file per module. Not
// for use outside core/policy.

#include "actorfacts.h"
#include "policylookup.h"
#include "writepolicy.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace Cartable::Core::WriteRules {

// One role of the actor, in the establishment of the row, facing a change.
struct Context
{
    const ActorFacts &actor;
    const EstablishmentFacts &facts;
    Role role;
    const Change &change;
    const PolicyLookup &lookup;
    // Update: the fields that change.
    const QSet<QString> &changed;

    bool isCreate() const { return change.operation == MutationOp::Create; }
    bool isUpdate() const { return change.operation == MutationOp::Update; }
    bool isDelete() const { return change.operation == MutationOp::Delete; }
    // The row as it will be (create, update) or as it was (delete).
    const Record &row() const { return change.after ? *change.after : *change.before; }
    // Whether `predicate` holds for every row of the change (before and
    // after).
    bool allRows(const std::function<bool(const Record &)> &predicate) const;
    // Update: whether only `fields` change.
    bool onlyChanged(const QStringList &fields) const;
    bool anyChanged(const QStringList &fields) const;
    const QString &selfAccount() const { return actor.accountId; }
    const QString &selfPerson() const { return actor.personId; }
    bool isSchoolWide() const { return isSchoolWideRole(role); }
    bool isAdministration() const { return role == Role::Secretariat || role == Role::Head; }
};

using Rule = std::function<Status(const Context &)>;
using RuleTable = QHash<QString, Rule>;

[[nodiscard]] Status allow();
[[nodiscard]] Status forbid(const QString &reason);
// "<entity>.not_allowed": the role has no right on the entity (or on this
// operation of it).
[[nodiscard]] Status notAllowed(const Context &context);

// Whether the actor is the row's teacher (teacher_id) and teaches its class
// or group in its subject.
bool ownAssignment(const Context &context, const Record &row);

// Secretariat and head; `deletable` says whether they may delete.
Rule administration(bool deletable);

// The staff roles named by an establishment's `broadcast_roles` ("head,
// vie_scolaire"); nullopt unless it is a comma-separated list of one or more
// staff role codes.
std::optional<QList<Role>> broadcastRoles(const QString &codes);

void addOrganisationRules(RuleTable &table);
void addSchoolLifeRules(RuleTable &table);
void addPedagogyRules(RuleTable &table);
void addCommunicationRules(RuleTable &table);

} // namespace Cartable::Core::WriteRules
