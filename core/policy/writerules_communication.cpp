// Who may change communication and collaboration rows: messages, news,
// working groups, document spaces and attachments. Everyone but the local
// authority has a mailbox and a personal space.

#include "writerules.h"

#include "core/domain/catalog.h"

#include <QSet>

#include <algorithm>

namespace Cartable::Core::WriteRules {

using namespace Qt::StringLiterals;

namespace {

QString type(const char16_t *name)
{
    return QString::fromUtf16(name);
}

std::optional<Record> threadOf(const Context &context, const Record &row)
{
    return context.lookup.row(type(Entity::MessageThread), row.text(u"thread_id"_s));
}

bool isParticipant(const Context &context, const QString &threadId)
{
    for (const Record &recipient : context.lookup.rowsWhere(type(Entity::MessageRecipient), u"thread_id"_s, threadId)) {
        if (recipient.text(u"account_id"_s) == context.selfAccount())
            return true;
    }
    return false;
}

Status messageThread(const Context &context)
{
    if (!context.isCreate())
        return notAllowed(context);
    return context.row().text(u"created_by"_s) == context.selfAccount() ? allow()
                                                                        : forbid(u"message_thread.not_author"_s);
}

Status message(const Context &context)
{
    if (!context.isCreate())
        return notAllowed(context);
    const Record &row = context.row();
    if (row.text(u"author_id"_s) != context.selfAccount())
        return forbid(u"message.not_author"_s);
    const std::optional<Record> thread = threadOf(context, row);
    const bool inThread
        = thread && (thread->text(u"created_by"_s) == context.selfAccount() || isParticipant(context, thread->id()));
    return inThread ? allow() : forbid(u"message.not_participant"_s);
}

// More students and families than this in one thread make it a broadcast:
// a class has up to 35 students in a lycée (30 in the reference school) and
// about twice as many guardians, so this is one class's students or half of
// its families, more than a teacher's follow-up of a group or a project team
// needs.
constexpr qsizetype kBroadcastThreshold = 30;
// A thread that reaches every student of a class, or a family of every
// student of it, addresses the class as a whole, whatever its size, but for
// a class of one, which is a conversation.
constexpr qsizetype kSmallestAddressedClass = 2;

// An account that a thread of the actor's establishment addresses, with what
// the policy knows of it there.
struct Addressee
{
    QString accountId;
    QString personId;
    QList<Role> roles;           // held in the establishment
    QList<Record> memberships;   // his class memberships there, as a student
    QList<Record> guardianLinks; // his links there, as a guardian
    bool hasRole(Role role) const { return roles.contains(role); }
    bool isStaff() const { return std::any_of(roles.cbegin(), roles.cend(), isStaffRole); }
    bool isStudent() const { return hasRole(Role::Student) || !memberships.isEmpty(); }
    bool isGuardian() const { return hasRole(Role::Guardian) || !guardianLinks.isEmpty(); }
    // Whether he is of the establishment at all.
    bool isTied() const { return !roles.isEmpty() || isStudent() || isGuardian(); }
    // A student or a guardian who is not also on the staff.
    bool isFamily() const { return !isStaff() && (isStudent() || isGuardian()); }
};

bool inEstablishment(const Context &context, const Record &row)
{
    return row.text(u"establishment_id"_s) == context.facts.establishmentId;
}

QList<Record> rowsIn(const Context &context, const char16_t *entity, const QString &field, const QString &value)
{
    QList<Record> rows = context.lookup.rowsWhere(type(entity), field, value);
    rows.removeIf([&context](const Record &row) { return !inEstablishment(context, row); });
    return rows;
}

std::optional<Addressee> addressee(const Context &context, const QString &accountId)
{
    const std::optional<Record> account = context.lookup.row(type(Entity::Account), accountId);
    if (!account)
        return std::nullopt;
    Addressee found;
    found.accountId = accountId;
    found.personId = account->text(u"person_id"_s);
    for (const Record &grant : rowsIn(context, Entity::AccountRole, u"account_id"_s, accountId)) {
        if (const std::optional<Role> role = roleFromCode(grant.text(u"role"_s)))
            found.roles.append(*role);
    }
    if (!found.personId.isEmpty()) {
        found.memberships = rowsIn(context, Entity::ClassMembership, u"student_id"_s, found.personId);
        found.guardianLinks = rowsIn(context, Entity::GuardianLink, u"guardian_id"_s, found.personId);
    }
    return found;
}

// Whether the addressee teaches the student actor: an assignment to one of
// his classes or groups, or the main teacher of one of his classes.
bool teachesMe(const Context &context, const Addressee &teacher)
{
    if (teacher.personId.isEmpty())
        return false;
    const EstablishmentFacts &me = context.facts;
    for (const Record &unit : rowsIn(context, Entity::TeachingAssignment, u"teacher_id"_s, teacher.personId)) {
        if ((unit.isSet(u"class_id"_s) && me.ownClassIds.contains(unit.text(u"class_id"_s)))
            || (unit.isSet(u"group_id"_s) && me.ownGroupIds.contains(unit.text(u"group_id"_s))))
            return true;
    }
    for (const QString &classId : me.ownClassIds) {
        const std::optional<Record> schoolClass = context.lookup.row(type(Entity::SchoolClass), classId);
        if (schoolClass && schoolClass->text(u"main_teacher_id"_s) == teacher.personId)
            return true;
    }
    return false;
}

bool isDelegateOfMyClass(const Context &context, const Addressee &student)
{
    return std::any_of(student.memberships.cbegin(), student.memberships.cend(), [&context](const Record &row) {
        return row.flag(u"delegate"_s) && context.facts.ownClassIds.contains(row.text(u"class_id"_s));
    });
}

// Whether the role may address this account at all, the size of the thread
// aside.
Status mayAddress(const Context &context, const Addressee &to)
{
    switch (context.role) {
    case Role::Student:
        if ((to.isStaff() && teachesMe(context, to)) || to.hasRole(Role::VieScolaire)
            || isDelegateOfMyClass(context, to))
            return allow();
        return forbid(u"message_recipient.student_may_not_write"_s);
    case Role::Guardian: {
        const bool responsible = std::any_of(context.facts.children.cbegin(), context.facts.children.cend(),
                                             [](const ChildFacts &child) { return child.legalResponsibility; });
        if (!responsible)
            return forbid(u"message_recipient.guardian_without_responsibility"_s);
        return to.isStaff() ? allow() : forbid(u"message_recipient.guardian_may_not_write"_s);
    }
    case Role::Teacher: {
        if (to.isStaff() || (to.isStudent() && context.facts.teachesStudent(to.personId)))
            return allow();
        const bool parentOfMine = std::any_of(to.guardianLinks.cbegin(), to.guardianLinks.cend(),
                                              [&context](const Record &link) {
                                                  return link.flag(u"legal_responsibility"_s)
                                                         && context.facts.teachesStudent(link.text(u"student_id"_s));
                                              });
        return parentOfMine ? allow() : forbid(u"message_recipient.teacher_may_not_write"_s);
    }
    case Role::VieScolaire:
    case Role::Secretariat:
    case Role::Head:
        return allow();
    case Role::LocalAuthority:
        break;
    }
    return notAllowed(context);
}

// Whether the students of `schoolClass`, or their families, are all among
// the thread's students and guardians.
bool addressesWholeClass(const Context &context, const QString &schoolClass, const QSet<QString> &students,
                         const QSet<QString> &guardians)
{
    const QList<Record> members = rowsIn(context, Entity::ClassMembership, u"class_id"_s, schoolClass);
    if (members.size() < kSmallestAddressedClass)
        return false;
    const bool everyStudent = std::all_of(members.cbegin(), members.cend(), [&students](const Record &member) {
        return students.contains(member.text(u"student_id"_s));
    });
    if (everyStudent)
        return true;
    // Every family: a guardian with legal responsibility of each student who
    // has one.
    qsizetype reached = 0;
    for (const Record &member : members) {
        bool hasGuardian = false;
        bool isReached = false;
        for (const Record &link :
             rowsIn(context, Entity::GuardianLink, u"student_id"_s, member.text(u"student_id"_s))) {
            if (!link.flag(u"legal_responsibility"_s))
                continue;
            hasGuardian = true;
            isReached = isReached || guardians.contains(link.text(u"guardian_id"_s));
        }
        if (hasGuardian && !isReached)
            return false;
        reached += isReached ? 1 : 0;
    }
    return reached >= kSmallestAddressedClass;
}

// Whether the thread, with the row being created, addresses students and
// families at large: more of them than the threshold, or a whole class.
// Staff recipients never count, nor does the author.
//
// The thread's recipients are read through the lookup, which may hold the
// row being judged (a replica stores it before it is sent) or not (the
// server judges it before writing it), and on the server sees the rows that
// its batch wrote before: the row itself is counted once, by its id, and
// each account once.
bool isBroadcast(const Context &context, const Record &thread, const Addressee &added, const QString &rowId)
{
    if (!added.isFamily())
        return false;
    QSet<QString> accounts{added.accountId};
    QList<Addressee> families{added};
    const QString author = thread.text(u"created_by"_s);
    for (const Record &recipient :
         context.lookup.rowsWhere(type(Entity::MessageRecipient), u"thread_id"_s, thread.id())) {
        const QString account = recipient.text(u"account_id"_s);
        if (recipient.id() == rowId || account == author || accounts.contains(account))
            continue;
        accounts.insert(account);
        const std::optional<Addressee> to = addressee(context, account);
        if (to && to->isFamily())
            families.append(*to);
        if (families.size() > kBroadcastThreshold)
            return true;
    }

    QSet<QString> students;
    QSet<QString> guardians;
    QSet<QString> classes;
    for (const Addressee &to : std::as_const(families)) {
        if (to.personId.isEmpty())
            continue;
        if (to.isStudent())
            students.insert(to.personId);
        for (const Record &membership : to.memberships)
            classes.insert(membership.text(u"class_id"_s));
        if (!to.guardianLinks.isEmpty())
            guardians.insert(to.personId);
        for (const Record &link : to.guardianLinks) {
            if (!link.flag(u"legal_responsibility"_s))
                continue;
            for (const Record &membership :
                 rowsIn(context, Entity::ClassMembership, u"student_id"_s, link.text(u"student_id"_s)))
                classes.insert(membership.text(u"class_id"_s));
        }
    }
    return std::any_of(classes.cbegin(), classes.cend(), [&](const QString &schoolClass) {
        return addressesWholeClass(context, schoolClass, students, guardians);
    });
}

// Whether the establishment lets this role broadcast. A missing
// establishment row, or a setting that cannot be read, lets nobody.
bool mayBroadcast(const Context &context)
{
    const std::optional<Record> establishment = context.lookup.row(type(Entity::Establishment),
                                                                   context.facts.establishmentId);
    if (!establishment)
        return false;
    const std::optional<QList<Role>> roles = broadcastRoles(establishment->text(u"broadcast_roles"_s));
    return roles && roles->contains(context.role);
}

// The thread's author chooses its recipients, among those his role may
// write to; a thread that addresses students and families at large is for
// the roles the establishment lets broadcast.
Status createRecipient(const Context &context)
{
    const Record &row = context.row();
    const std::optional<Record> thread = threadOf(context, row);
    if (!thread || thread->text(u"created_by"_s) != context.selfAccount() || !inEstablishment(context, *thread))
        return forbid(u"message_recipient.not_thread_author"_s);
    const QString account = row.text(u"account_id"_s);
    if (account == context.selfAccount())
        return allow();
    if (row.text(u"kind"_s) == u"author"_s)
        return forbid(u"message_recipient.author_not_self"_s);
    const std::optional<Addressee> to = addressee(context, account);
    if (!to || !to->isTied())
        return forbid(u"message_recipient.not_in_establishment"_s);
    if (const Status allowed = mayAddress(context, *to); !allowed)
        return allowed;
    if (!mayBroadcast(context) && isBroadcast(context, *thread, *to, row.id()))
        return forbid(u"message_recipient.broadcast_not_allowed"_s);
    return allow();
}

Status messageRecipient(const Context &context)
{
    if (context.isCreate())
        return createRecipient(context);
    if (!context.isUpdate())
        return notAllowed(context);
    if (context.row().text(u"account_id"_s) != context.selfAccount())
        return forbid(u"message_recipient.not_own"_s);
    return context.onlyChanged({u"read_at"_s, u"archived"_s}) ? allow()
                                                              : forbid(u"message_recipient.only_read_state"_s);
}

Status newsPost(const Context &context)
{
    if (context.isSchoolWide())
        return allow();
    if (context.role != Role::Teacher)
        return notAllowed(context);
    const bool ownAudience = context.allRows([&context](const Record &row) {
        const QString audience = row.text(u"audience"_s);
        if (audience == u"class"_s)
            return context.facts.teaches(row.text(u"class_id"_s), {});
        if (audience == u"group"_s)
            return context.facts.teaches({}, row.text(u"group_id"_s));
        return false;
    });
    if (!ownAudience)
        return forbid(u"news_post.not_own_class"_s);
    const bool author = context.allRows(
        [&context](const Record &row) { return row.text(u"author_id"_s) == context.selfAccount(); });
    return author ? allow() : forbid(u"news_post.author_not_self"_s);
}

bool ownsWorkingGroup(const Context &context, const QString &workingGroupId)
{
    if (context.actor.ownedWorkingGroupIds.contains(workingGroupId))
        return true;
    const std::optional<Record> group = context.lookup.row(type(Entity::WorkingGroup), workingGroupId);
    return group && group->text(u"created_by"_s) == context.selfAccount();
}

Status workingGroup(const Context &context)
{
    if (!isStaffRole(context.role))
        return notAllowed(context);
    if (context.isCreate())
        return context.row().text(u"created_by"_s) == context.selfAccount()
                   ? allow()
                   : forbid(u"working_group.creator_not_self"_s);
    return ownsWorkingGroup(context, context.row().id()) ? allow() : forbid(u"working_group.not_owner"_s);
}

Status workingGroupMember(const Context &context)
{
    const bool owner = context.allRows(
        [&context](const Record &row) { return ownsWorkingGroup(context, row.text(u"working_group_id"_s)); });
    return owner ? allow() : forbid(u"working_group_member.not_owner"_s);
}

// Whether the actor, in this role, manages the folder's content: his own
// folders, his working groups' folders, and for staff the folders of the
// classes they teach (all classes for the school-wide roles).
bool managesFolder(const Context &context, const Record &folder)
{
    const QString kind = folder.text(u"owner_kind"_s);
    const QString owner = folder.text(u"owner_id"_s);
    if (kind == u"account"_s)
        return owner == context.selfAccount();
    if (kind == u"working_group"_s)
        return isStaffRole(context.role) && context.actor.workingGroupIds.contains(owner);
    if (kind == u"school_class"_s) {
        if (context.isSchoolWide())
            return context.facts.allClassIds.contains(owner);
        return context.role == Role::Teacher && context.facts.teaches(owner, {});
    }
    return false;
}

std::optional<Record> folderOf(const Context &context, const Record &document)
{
    return context.lookup.row(type(Entity::DocumentFolder), document.text(u"folder_id"_s));
}

bool managesDocument(const Context &context, const std::optional<Record> &document)
{
    if (!document)
        return false;
    const std::optional<Record> folder = folderOf(context, *document);
    return folder && managesFolder(context, *folder);
}

Status documentFolder(const Context &context)
{
    const bool manages = context.allRows([&context](const Record &row) { return managesFolder(context, row); });
    return manages ? allow() : forbid(u"document_folder.not_own_folder"_s);
}

Status document(const Context &context)
{
    // Whoever names a file as its sender must be the one who sent it: the
    // server gives a file's bytes on the word of the row's sender.
    if ((context.isCreate() || context.anyChanged({u"sha256"_s, u"uploaded_by"_s})) && context.change.after
        && context.change.after->text(u"uploaded_by"_s) != context.selfAccount()) {
        return forbid(u"document.uploader_not_self"_s);
    }
    if (context.allRows([&context](const Record &row) { return managesDocument(context, row); }))
        return allow();
    // A share with write permission lets its account change the file, not
    // move or remove it.
    if (context.isUpdate() && !context.changed.contains(u"folder_id"_s)) {
        const QList<Record> shares = context.lookup.rowsWhere(type(Entity::DocumentShare), u"document_id"_s,
                                                              context.row().id());
        for (const Record &share : shares) {
            if (share.text(u"account_id"_s) == context.selfAccount() && share.text(u"permission"_s) == u"write"_s)
                return allow();
        }
    }
    return forbid(u"document.not_own_folder"_s);
}

Status documentShare(const Context &context)
{
    const bool manages = context.allRows([&context](const Record &row) {
        return managesDocument(context, context.lookup.row(type(Entity::Document), row.text(u"document_id"_s)));
    });
    return manages ? allow() : forbid(u"document_share.not_own_document"_s);
}

// The author of the row a file is attached to: the author of a message, a
// news post, a note or a form, the teacher of homework or a lesson entry,
// the student of a submission.
bool authorOfOwner(const Context &context, const Record &attachment)
{
    const QString ownerType = attachment.text(u"owner_type"_s);
    if (ownerType == type(Entity::Attachment))
        return false;
    const std::optional<Record> owner = context.lookup.row(ownerType, attachment.text(u"owner_id"_s));
    if (!owner)
        return false;
    if (owner->text(u"establishment_id"_s) != context.facts.establishmentId)
        return false;
    if (ownerType == type(Entity::Homework) || ownerType == type(Entity::LessonContent))
        return context.role == Role::Teacher && ownAssignment(context, *owner);
    if (ownerType == type(Entity::HomeworkSubmission))
        return context.role == Role::Student && !context.selfPerson().isEmpty()
               && owner->text(u"student_id"_s) == context.selfPerson();
    return owner->text(u"author_id"_s) == context.selfAccount();
}

Status attachment(const Context &context)
{
    if (!context.allRows([&context](const Record &row) { return row.text(u"uploaded_by"_s) == context.selfAccount(); }))
        return forbid(u"attachment.uploader_not_self"_s);
    const bool author = context.allRows([&context](const Record &row) { return authorOfOwner(context, row); });
    return author ? allow() : forbid(u"attachment.not_own_owner"_s);
}

// Made by the server; the people involved only settle them, as themselves.
Status syncConflict(const Context &context)
{
    if (!context.isUpdate())
        return forbid(u"sync_conflict.made_by_server"_s);
    if (!context.onlyChanged({u"status"_s, u"resolved_by"_s, u"resolved_at"_s}))
        return forbid(u"sync_conflict.only_resolution"_s);
    const bool involved = context.allRows([&context](const Record &row) {
        return row.text(u"loser_account_id"_s) == context.selfAccount()
               || row.text(u"winner_account_id"_s) == context.selfAccount();
    });
    if (!involved)
        return forbid(u"sync_conflict.not_involved"_s);
    if (context.change.after && context.change.after->text(u"resolved_by"_s) != context.selfAccount())
        return forbid(u"sync_conflict.resolver_not_self"_s);
    return allow();
}

} // namespace

void addCommunicationRules(RuleTable &table)
{
    table.insert(type(Entity::MessageThread), messageThread);
    table.insert(type(Entity::Message), message);
    table.insert(type(Entity::MessageRecipient), messageRecipient);
    table.insert(type(Entity::NewsPost), newsPost);
    table.insert(type(Entity::WorkingGroup), workingGroup);
    table.insert(type(Entity::WorkingGroupMember), workingGroupMember);
    table.insert(type(Entity::DocumentFolder), documentFolder);
    table.insert(type(Entity::Document), document);
    table.insert(type(Entity::DocumentShare), documentShare);
    table.insert(type(Entity::Attachment), attachment);
    table.insert(type(Entity::SyncConflict), syncConflict);
}

} // namespace Cartable::Core::WriteRules
