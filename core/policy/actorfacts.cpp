#include "actorfacts.h"

namespace Cartable::Core {

bool EstablishmentFacts::teaches(const QString &classId, const QString &groupId, const QString &subjectId) const
{
    if (classId.isEmpty() == groupId.isEmpty())
        return false;
    for (const TeachingUnit &unit : teaching) {
        const bool sameUnit = classId.isEmpty() ? unit.groupId == groupId : unit.classId == classId;
        if (sameUnit && (subjectId.isEmpty() || unit.subjectId == subjectId))
            return true;
    }
    return false;
}

bool EstablishmentFacts::teachesStudent(const QString &studentId, const QString &subjectId) const
{
    for (const TeachingUnit &unit : teaching) {
        if (!subjectId.isEmpty() && unit.subjectId != subjectId)
            continue;
        const QString &unitId = unit.classId.isEmpty() ? unit.groupId : unit.classId;
        if (studentsByUnit.value(unitId).contains(studentId))
            return true;
    }
    if (subjectId.isEmpty()) {
        for (const QString &classId : mainTeacherClassIds) {
            if (studentsByUnit.value(classId).contains(studentId))
                return true;
        }
    }
    return false;
}

const ChildFacts *EstablishmentFacts::legalChild(const QString &studentId) const
{
    for (const ChildFacts &child : children) {
        if (child.studentId == studentId && child.legalResponsibility)
            return &child;
    }
    return nullptr;
}

const EstablishmentFacts *ActorFacts::establishment(const QString &establishmentId) const
{
    for (const EstablishmentFacts &facts : establishments) {
        if (facts.establishmentId == establishmentId)
            return &facts;
    }
    return nullptr;
}

bool ActorFacts::holdsRole(const QString &establishmentId, Role role) const
{
    const EstablishmentFacts *facts = establishment(establishmentId);
    return facts && facts->hasRole(role);
}

} // namespace Cartable::Core
