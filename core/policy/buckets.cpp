#include "buckets.h"

#include "actorfacts.h"

#include "core/domain/catalog.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace Bucket {

QString establishment(const QString &establishmentId)
{
    return u"establishment:"_s + establishmentId;
}

QString directory(const QString &establishmentId)
{
    return u"directory:"_s + establishmentId;
}

QString staff(const QString &establishmentId)
{
    return u"staff:"_s + establishmentId;
}

QString administration(const QString &establishmentId)
{
    return u"administration:"_s + establishmentId;
}

QString schoolClass(const QString &classId)
{
    return u"class:"_s + classId;
}

QString classStaff(const QString &classId)
{
    return u"class_staff:"_s + classId;
}

QString group(const QString &groupId)
{
    return u"group:"_s + groupId;
}

QString groupStaff(const QString &groupId)
{
    return u"group_staff:"_s + groupId;
}

QString student(const QString &personId)
{
    return u"student:"_s + personId;
}

QString account(const QString &accountId)
{
    return u"account:"_s + accountId;
}

QString workingGroup(const QString &workingGroupId)
{
    return u"working_group:"_s + workingGroupId;
}

} // namespace Bucket

namespace {

using Buckets = QSet<QString>;
using BucketFunction = std::function<Buckets(const Record &, const PolicyLookup &)>;

Buckets bucketsOf(const Record &row, const PolicyLookup &lookup);

QString type(const char16_t *name)
{
    return QString::fromUtf16(name);
}

Buckets establishmentOf(const Record &row)
{
    return {Bucket::establishment(row.text(u"establishment_id"_s))};
}

Buckets staffOf(const Record &row)
{
    return {Bucket::staff(row.text(u"establishment_id"_s))};
}

Buckets studentOf(const Record &row)
{
    return {Bucket::student(row.text(u"student_id"_s))};
}

// A row of a class or of a group.
Buckets classOrGroupOf(const Record &row)
{
    if (row.isSet(u"class_id"_s))
        return {Bucket::schoolClass(row.text(u"class_id"_s))};
    if (row.isSet(u"group_id"_s))
        return {Bucket::group(row.text(u"group_id"_s))};
    return {};
}

// A published evaluation is read by its class or group; an unpublished one,
// and everything graded in it, stays with the staff of that class or group.
bool isPublished(const Record &evaluation)
{
    return !evaluation.isSet(u"published"_s) || evaluation.flag(u"published"_s);
}

Buckets evaluationBuckets(const Record &evaluation)
{
    if (isPublished(evaluation))
        return classOrGroupOf(evaluation);
    if (evaluation.isSet(u"class_id"_s))
        return {Bucket::classStaff(evaluation.text(u"class_id"_s))};
    if (evaluation.isSet(u"group_id"_s))
        return {Bucket::groupStaff(evaluation.text(u"group_id"_s))};
    return {};
}

// A grade or a competency assessment: the student's record once its
// evaluation is published, the evaluation's staff until then. An evaluation
// not there yet (or unreadable) shows the result to nobody.
Buckets resultBuckets(const Record &row, const PolicyLookup &lookup)
{
    if (!row.isSet(u"evaluation_id"_s))
        return studentOf(row);
    const std::optional<Record> evaluation = lookup.row(type(Entity::Evaluation), row.text(u"evaluation_id"_s));
    if (!evaluation)
        return {};
    if (isPublished(*evaluation))
        return studentOf(row);
    return evaluationBuckets(*evaluation);
}

// The buckets of the row that `field` points at.
Buckets parentBuckets(const Record &row, const QString &field, const QString &parentType, const PolicyLookup &lookup)
{
    const std::optional<Record> parent = lookup.row(parentType, row.text(field));
    return parent ? bucketsOf(*parent, lookup) : Buckets{};
}

Buckets personBuckets(const Record &person, const PolicyLookup &lookup)
{
    Buckets buckets;
    const QString id = person.id();
    if (!lookup.rowsWhere(type(Entity::ClassMembership), u"student_id"_s, id).isEmpty())
        buckets.insert(Bucket::student(id));
    for (const Record &link : lookup.rowsWhere(type(Entity::GuardianLink), u"guardian_id"_s, id))
        buckets.insert(Bucket::student(link.text(u"student_id"_s)));
    for (const Record &account : lookup.rowsWhere(type(Entity::Account), u"person_id"_s, id)) {
        buckets.insert(Bucket::account(account.id()));
        for (const Record &role : lookup.rowsWhere(type(Entity::AccountRole), u"account_id"_s, account.id())) {
            // A member of staff's personal data (birth date, address, phone)
            // is for those who manage his account; his name, role and
            // subjects are public through the staff directory.
            const std::optional<Role> parsed = roleFromCode(role.text(u"role"_s));
            if (parsed && isStaffRole(*parsed))
                buckets.insert(Bucket::administration(role.text(u"establishment_id"_s)));
        }
    }
    return buckets;
}

Buckets accountBuckets(const Record &account, const PolicyLookup &lookup)
{
    Buckets buckets{Bucket::account(account.id())};
    for (const Record &role : lookup.rowsWhere(type(Entity::AccountRole), u"account_id"_s, account.id()))
        buckets.insert(Bucket::administration(role.text(u"establishment_id"_s)));
    return buckets;
}

Buckets threadBuckets(const QString &threadId, const PolicyLookup &lookup)
{
    Buckets buckets;
    for (const Record &recipient : lookup.rowsWhere(type(Entity::MessageRecipient), u"thread_id"_s, threadId))
        buckets.insert(Bucket::account(recipient.text(u"account_id"_s)));
    return buckets;
}

Buckets audienceBuckets(const Record &row)
{
    const QString audience = row.text(u"audience"_s);
    if (audience == u"establishment"_s)
        return establishmentOf(row);
    if (audience == u"staff"_s)
        return staffOf(row);
    if (audience == u"class"_s)
        return {Bucket::schoolClass(row.text(u"class_id"_s))};
    if (audience == u"group"_s)
        return {Bucket::group(row.text(u"group_id"_s))};
    return {};
}

Buckets folderBuckets(const Record &folder)
{
    const QString kind = folder.text(u"owner_kind"_s);
    const QString owner = folder.text(u"owner_id"_s);
    if (kind == u"account"_s)
        return {Bucket::account(owner)};
    if (kind == u"working_group"_s)
        return {Bucket::workingGroup(owner)};
    if (kind == u"school_class"_s)
        return {Bucket::schoolClass(owner)};
    return {};
}

Buckets documentBuckets(const QString &documentId, const PolicyLookup &lookup)
{
    const std::optional<Record> document = lookup.row(type(Entity::Document), documentId);
    if (!document)
        return {};
    Buckets buckets = parentBuckets(*document, u"folder_id"_s, type(Entity::DocumentFolder), lookup);
    for (const Record &share : lookup.rowsWhere(type(Entity::DocumentShare), u"document_id"_s, documentId))
        buckets.insert(Bucket::account(share.text(u"account_id"_s)));
    return buckets;
}

const QHash<QString, BucketFunction> &bucketFunctions()
{
    static const QHash<QString, BucketFunction> functions = [] {
        QHash<QString, BucketFunction> table;
        const auto byEstablishment = [](const Record &row, const PolicyLookup &) { return establishmentOf(row); };
        const auto byStudent = [](const Record &row, const PolicyLookup &) { return studentOf(row); };
        const auto byStaff = [](const Record &row, const PolicyLookup &) { return staffOf(row); };
        const auto byClassOrGroup = [](const Record &row, const PolicyLookup &) { return classOrGroupOf(row); };
        const auto byThread = [](const Record &row, const PolicyLookup &lookup) {
            return threadBuckets(row.text(u"thread_id"_s), lookup);
        };
        const auto byWorkingGroup = [](const Record &row, const PolicyLookup &) {
            return Buckets{Bucket::workingGroup(row.text(u"working_group_id"_s))};
        };

        table.insert(type(Entity::Establishment),
                     [](const Record &row, const PolicyLookup &) { return Buckets{Bucket::establishment(row.id())}; });
        for (const char16_t *name :
             {Entity::SchoolYear, Entity::Period, Entity::Subject, Entity::SchoolClass, Entity::TeachingGroup,
              Entity::TeachingAssignment, Entity::CompetencyFramework, Entity::Competency})
            table.insert(type(name), byEstablishment);
        table.insert(type(Entity::Person), personBuckets);
        table.insert(type(Entity::Account), accountBuckets);
        table.insert(type(Entity::AccountRole), [](const Record &row, const PolicyLookup &) {
            return Buckets{Bucket::account(row.text(u"account_id"_s)),
                           Bucket::administration(row.text(u"establishment_id"_s))};
        });
        for (const char16_t *name : {Entity::GuardianLink, Entity::ClassMembership, Entity::GroupMembership,
                                     Entity::Enrolment, Entity::RollCallEntry, Entity::Absence,
                                     Entity::HomeworkSubmission, Entity::CorrespondenceNote, Entity::ConsentSignature})
            table.insert(type(name), byStudent);
        table.insert(type(Entity::Grade), resultBuckets);
        table.insert(type(Entity::CompetencyAssessment), resultBuckets);
        table.insert(type(Entity::StaffMember), [](const Record &row, const PolicyLookup &) {
            return Buckets{Bucket::directory(row.text(u"establishment_id"_s))};
        });
        table.insert(type(Entity::Resource), byStaff);
        table.insert(type(Entity::Booking), byStaff);
        for (const char16_t *name :
             {Entity::TimetableSlot, Entity::LessonSession, Entity::LessonContent, Entity::Homework})
            table.insert(type(name), byClassOrGroup);
        table.insert(type(Entity::Evaluation),
                     [](const Record &row, const PolicyLookup &) { return evaluationBuckets(row); });
        table.insert(type(Entity::TimetableException), [](const Record &row, const PolicyLookup &lookup) {
            return parentBuckets(row, u"slot_id"_s, type(Entity::TimetableSlot), lookup);
        });
        table.insert(type(Entity::EvaluationCompetency), [](const Record &row, const PolicyLookup &lookup) {
            return parentBuckets(row, u"evaluation_id"_s, type(Entity::Evaluation), lookup);
        });
        table.insert(type(Entity::PeriodAppreciation), [](const Record &row, const PolicyLookup &) {
            return Buckets{Bucket::classStaff(row.text(u"class_id"_s))};
        });
        // A draft bulletin is the staff's until it is published to the family.
        table.insert(type(Entity::ReportCard), [](const Record &row, const PolicyLookup &) {
            if (row.text(u"status"_s) == u"published"_s)
                return Buckets{Bucket::student(row.text(u"student_id"_s))};
            return Buckets{Bucket::classStaff(row.text(u"class_id"_s))};
        });
        table.insert(type(Entity::MessageThread),
                     [](const Record &row, const PolicyLookup &lookup) { return threadBuckets(row.id(), lookup); });
        table.insert(type(Entity::Message), byThread);
        table.insert(type(Entity::MessageRecipient), [](const Record &row, const PolicyLookup &lookup) {
            // As for a share: the row's own account, even before it is stored.
            Buckets buckets = threadBuckets(row.text(u"thread_id"_s), lookup);
            buckets.insert(Bucket::account(row.text(u"account_id"_s)));
            return buckets;
        });
        table.insert(type(Entity::NewsPost),
                     [](const Record &row, const PolicyLookup &) { return audienceBuckets(row); });
        table.insert(type(Entity::ConsentForm),
                     [](const Record &row, const PolicyLookup &) { return audienceBuckets(row); });
        table.insert(type(Entity::WorkingGroup),
                     [](const Record &row, const PolicyLookup &) { return Buckets{Bucket::workingGroup(row.id())}; });
        table.insert(type(Entity::WorkingGroupMember), byWorkingGroup);
        table.insert(type(Entity::DocumentFolder),
                     [](const Record &row, const PolicyLookup &) { return folderBuckets(row); });
        table.insert(type(Entity::Document),
                     [](const Record &row, const PolicyLookup &lookup) { return documentBuckets(row.id(), lookup); });
        table.insert(type(Entity::DocumentShare), [](const Record &row, const PolicyLookup &lookup) {
            // The shared account may not be in the stored shares yet (the
            // share is being created): it is added explicitly.
            Buckets buckets = documentBuckets(row.text(u"document_id"_s), lookup);
            buckets.insert(Bucket::account(row.text(u"account_id"_s)));
            return buckets;
        });
        table.insert(type(Entity::Attachment), [](const Record &row, const PolicyLookup &lookup) {
            const QString ownerType = row.text(u"owner_type"_s);
            if (ownerType == type(Entity::Attachment))
                return Buckets{};
            return parentBuckets(row, u"owner_id"_s, ownerType, lookup);
        });
        // The people on both sides of a conflict, and nobody else.
        table.insert(type(Entity::SyncConflict), [](const Record &row, const PolicyLookup &) {
            Buckets buckets{Bucket::account(row.text(u"loser_account_id"_s))};
            if (row.isSet(u"winner_account_id"_s))
                buckets.insert(Bucket::account(row.text(u"winner_account_id"_s)));
            return buckets;
        });
        return table;
    }();
    return functions;
}

Buckets bucketsOf(const Record &row, const PolicyLookup &lookup)
{
    const auto it = bucketFunctions().constFind(row.type());
    if (it == bucketFunctions().cend())
        return {};
    return (*it)(row, lookup);
}

} // namespace

QStringList rowBuckets(const Record &row, const PolicyLookup &lookup)
{
    const Buckets buckets = bucketsOf(row, lookup);
    QStringList sorted(buckets.cbegin(), buckets.cend());
    sorted.sort();
    return sorted;
}

} // namespace Cartable::Core
