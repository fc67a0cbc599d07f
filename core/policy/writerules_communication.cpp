// Who may change communication and collaboration rows: messages, news,
// working groups, document spaces and attachments. Everyone but the local
// authority has a mailbox and a personal space.

#include "writerules.h"

#include "core/domain/catalog.h"

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

Status messageRecipient(const Context &context)
{
    if (context.isCreate()) {
        // The thread's author chooses its recipients.
        const std::optional<Record> thread = threadOf(context, context.row());
        return thread && thread->text(u"created_by"_s) == context.selfAccount()
                   ? allow()
                   : forbid(u"message_recipient.not_thread_author"_s);
    }
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
