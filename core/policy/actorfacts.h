#pragma once

#include "core/role.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cartable::Core {

// A teacher teaching a subject to a class or a group (exactly one of the two
// is set), as in a teaching_assignment row.
struct TeachingUnit
{
    QString classId;
    QString groupId;
    QString subjectId;

    friend bool operator==(const TeachingUnit &, const TeachingUnit &) = default;
};

// A guardian's child, with what the link allows.
struct ChildFacts
{
    QString studentId;
    bool legalResponsibility = false;
    QStringList classIds;
    QStringList groupIds;

    friend bool operator==(const ChildFacts &, const ChildFacts &) = default;
};

// What an account is in one establishment: its roles there and the rows
// those roles are about. Only the parts of its roles are filled in.
struct EstablishmentFacts
{
    QString establishmentId;
    QList<Role> roles;

    // Student: his own classes and groups.
    QStringList ownClassIds;
    QStringList ownGroupIds;

    // Guardian: his children in this establishment, with or without legal
    // responsibility.
    QList<ChildFacts> children;

    // Teacher: his teaching assignments, the classes he is main teacher of,
    // and the students of those classes and groups (class or group id →
    // student ids).
    QList<TeachingUnit> teaching;
    QStringList mainTeacherClassIds;
    QHash<QString, QStringList> studentsByUnit;

    // Vie scolaire, secretariat, head: every class, group and student of the
    // establishment.
    QStringList allClassIds;
    QStringList allGroupIds;
    QStringList allStudentIds;

    bool hasRole(Role role) const { return roles.contains(role); }
    // Whether he teaches the class or group (one of the two ids is empty),
    // in `subjectId` when that is not empty.
    bool teaches(const QString &classId, const QString &groupId, const QString &subjectId = {}) const;
    // Whether the student is in a class or group he teaches (in `subjectId`
    // when not empty) or in a class he is main teacher of (any subject).
    bool teachesStudent(const QString &studentId, const QString &subjectId = {}) const;
    bool isMainTeacherOf(const QString &classId) const { return mainTeacherClassIds.contains(classId); }
    // A child with legal responsibility.
    const ChildFacts *legalChild(const QString &studentId) const;

    friend bool operator==(const EstablishmentFacts &, const EstablishmentFacts &) = default;
};

// Everything the policy knows about the user behind a request: who he is,
// where he holds which roles, and his working groups. The server computes it
// from its database (Server::ScopeResolver); the client receives it.
struct ActorFacts
{
    QString accountId;
    QString personId; // empty for an account without a person
    QList<EstablishmentFacts> establishments;
    QStringList workingGroupIds;      // as owner or member
    QStringList ownedWorkingGroupIds; // as owner

    const EstablishmentFacts *establishment(const QString &establishmentId) const;
    bool holdsRole(const QString &establishmentId, Role role) const;

    friend bool operator==(const ActorFacts &, const ActorFacts &) = default;
};

} // namespace Cartable::Core
