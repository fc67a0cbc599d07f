#include "readscope.h"

#include "buckets.h"

#include <QSet>

#include <algorithm>

namespace Cartable::Core {

namespace {

void addStudentBuckets(QSet<QString> &buckets, const EstablishmentFacts &facts, const ActorFacts &actor)
{
    if (!actor.personId.isEmpty())
        buckets.insert(Bucket::student(actor.personId));
    for (const QString &classId : facts.ownClassIds)
        buckets.insert(Bucket::schoolClass(classId));
    for (const QString &groupId : facts.ownGroupIds)
        buckets.insert(Bucket::group(groupId));
}

void addGuardianBuckets(QSet<QString> &buckets, const EstablishmentFacts &facts)
{
    for (const ChildFacts &child : facts.children) {
        // A link without legal responsibility gives no access to the child.
        if (!child.legalResponsibility)
            continue;
        buckets.insert(Bucket::student(child.studentId));
        for (const QString &classId : child.classIds)
            buckets.insert(Bucket::schoolClass(classId));
        for (const QString &groupId : child.groupIds)
            buckets.insert(Bucket::group(groupId));
    }
}

void addTeacherBuckets(QSet<QString> &buckets, const EstablishmentFacts &facts)
{
    buckets.insert(Bucket::staff(facts.establishmentId));
    QStringList units;
    for (const TeachingUnit &unit : facts.teaching) {
        if (!unit.classId.isEmpty()) {
            buckets.insert(Bucket::schoolClass(unit.classId));
            buckets.insert(Bucket::classStaff(unit.classId));
            units.append(unit.classId);
        } else if (!unit.groupId.isEmpty()) {
            buckets.insert(Bucket::group(unit.groupId));
            buckets.insert(Bucket::groupStaff(unit.groupId));
            units.append(unit.groupId);
        }
    }
    for (const QString &classId : facts.mainTeacherClassIds) {
        buckets.insert(Bucket::classStaff(classId));
        units.append(classId);
    }
    for (const QString &unit : std::as_const(units)) {
        for (const QString &studentId : facts.studentsByUnit.value(unit))
            buckets.insert(Bucket::student(studentId));
    }
}

void addSchoolWideBuckets(QSet<QString> &buckets, const EstablishmentFacts &facts)
{
    buckets.insert(Bucket::staff(facts.establishmentId));
    for (const QString &classId : facts.allClassIds) {
        buckets.insert(Bucket::schoolClass(classId));
        buckets.insert(Bucket::classStaff(classId));
    }
    for (const QString &groupId : facts.allGroupIds) {
        buckets.insert(Bucket::group(groupId));
        buckets.insert(Bucket::groupStaff(groupId));
    }
    for (const QString &studentId : facts.allStudentIds)
        buckets.insert(Bucket::student(studentId));
}

} // namespace

QStringList readableBuckets(const ActorFacts &actor)
{
    QSet<QString> buckets;
    if (!actor.accountId.isEmpty())
        buckets.insert(Bucket::account(actor.accountId));
    for (const QString &workingGroupId : actor.workingGroupIds)
        buckets.insert(Bucket::workingGroup(workingGroupId));

    for (const EstablishmentFacts &facts : actor.establishments) {
        if (facts.roles.isEmpty())
            continue;
        // Every role, the local authority included, reads the public side;
        // the staff directory names people, so not the local authority.
        buckets.insert(Bucket::establishment(facts.establishmentId));
        if (std::any_of(facts.roles.cbegin(), facts.roles.cend(),
                        [](Role role) { return role != Role::LocalAuthority; }))
            buckets.insert(Bucket::directory(facts.establishmentId));
        for (Role role : facts.roles) {
            switch (role) {
            case Role::Student:
                addStudentBuckets(buckets, facts, actor);
                break;
            case Role::Guardian:
                addGuardianBuckets(buckets, facts);
                break;
            case Role::Teacher:
                addTeacherBuckets(buckets, facts);
                break;
            case Role::Secretariat:
            case Role::Head:
                buckets.insert(Bucket::administration(facts.establishmentId));
                addSchoolWideBuckets(buckets, facts);
                break;
            case Role::VieScolaire:
                addSchoolWideBuckets(buckets, facts);
                break;
            case Role::LocalAuthority:
                break;
            }
        }
    }
    QStringList sorted(buckets.cbegin(), buckets.cend());
    sorted.sort();
    return sorted;
}

bool isReadable(const QStringList &rowBuckets, const QStringList &readable)
{
    for (const QString &bucket : rowBuckets) {
        if (readable.contains(bucket))
            return true;
    }
    return false;
}

} // namespace Cartable::Core
