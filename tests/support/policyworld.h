#pragma once

// A small school world for the policy tests: establishment e1 with its
// people and a row of every entity, and its mirror e2 ("x" before every id)
// where none of e1's users holds a role.

#include "core/domain/record.h"
#include "core/policy/actorfacts.h"
#include "core/policy/policylookup.h"

#include <QString>
#include <QVariantMap>

namespace Cartable::Test {

// The users of e1 that the tests act as.
enum class Actor { S1, P1, T1, V, Y, H, L, P3, T2, S2 };

// Fills `lookup` with e1 (prefix "") or its mirror e2 (prefix "x"). A value
// "#name" is the id `prefix + "name"`.
void buildPolicyWorld(Core::InMemoryPolicyLookup &lookup, const QString &prefix);

// The facts of a user of e1, as the server would compute them.
Core::ActorFacts policyActor(Actor actor);

// A row of `type` with the world's id convention ("#c1" → prefix + "c1").
Core::Record worldRecord(const QString &type, const QString &id, const QVariantMap &values, const QString &prefix = {});

} // namespace Cartable::Test
