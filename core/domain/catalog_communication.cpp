// Messaging and news, working groups and their documents, and the files
// attached to rows.

#include "catalog.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;
using namespace Fields;

namespace {

FieldDef establishmentRef()
{
    return ref(u"establishment_id"_s, QString::fromUtf16(Entity::Establishment));
}

EntityDef messageThread()
{
    return {
        u"message_thread"_s,
        u"communication"_s,
        u"A conversation with a subject, between its author and its recipients."_s,
        {
            establishmentRef(),
            text(u"subject"_s, 200),
            ref(u"created_by"_s, u"account"_s),
            timestamp(u"created_at"_s),
        },
        {},
        {},
    };
}

EntityDef message()
{
    return {
        u"message"_s,
        u"communication"_s,
        u"One message of a thread."_s,
        {
            establishmentRef(),
            ref(u"thread_id"_s, u"message_thread"_s),
            ref(u"author_id"_s, u"account"_s),
            longText(u"body"_s, 20000),
            timestamp(u"sent_at"_s),
        },
        {},
        {},
    };
}

EntityDef messageRecipient()
{
    return {
        u"message_recipient"_s,
        u"communication"_s,
        u"An account taking part in a thread, with the time it last read it."_s,
        {
            establishmentRef(),
            ref(u"thread_id"_s, u"message_thread"_s),
            ref(u"account_id"_s, u"account"_s),
            enumeration(u"kind"_s, {u"author"_s, u"to"_s, u"cc"_s}),
            optTimestamp(u"read_at"_s),
            boolean(u"archived"_s),
        },
        {},
        {{u"thread_id"_s, u"account_id"_s}},
    };
}

EntityDef newsPost()
{
    const QString audience = u"audience"_s;
    return {
        u"news_post"_s,
        u"communication"_s,
        u"An actualité for the whole establishment, a class, a group or the staff."_s,
        {
            establishmentRef(),
            enumeration(audience, {u"establishment"_s, u"class"_s, u"group"_s, u"staff"_s}),
            optRef(u"class_id"_s, u"school_class"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            text(u"title"_s, 200),
            longText(u"body"_s, 20000),
            ref(u"author_id"_s, u"account"_s),
            timestamp(u"published_at"_s),
            boolean(u"pinned"_s),
        },
        {
            requiredWhen(u"news_post.class_audience_needs_class"_s, u"class_id"_s, audience, {u"class"_s}),
            forbiddenWhen(u"news_post.class_only_for_class_audience"_s, u"class_id"_s, audience,
                          {u"establishment"_s, u"group"_s, u"staff"_s}),
            requiredWhen(u"news_post.group_audience_needs_group"_s, u"group_id"_s, audience, {u"group"_s}),
            forbiddenWhen(u"news_post.group_only_for_group_audience"_s, u"group_id"_s, audience,
                          {u"establishment"_s, u"class"_s, u"staff"_s}),
        },
        {},
    };
}

EntityDef workingGroup()
{
    return {
        u"working_group"_s,
        u"collaboration"_s,
        u"A project space or working group, with its members and documents."_s,
        {
            establishmentRef(),
            text(u"name"_s, 100),
            optLongText(u"description"_s, 2000),
            ref(u"created_by"_s, u"account"_s),
            timestamp(u"created_at"_s),
        },
        {},
        {},
    };
}

EntityDef workingGroupMember()
{
    return {
        u"working_group_member"_s,
        u"collaboration"_s,
        u"An account in a working group, as its owner or a member."_s,
        {
            establishmentRef(),
            ref(u"working_group_id"_s, u"working_group"_s),
            ref(u"account_id"_s, u"account"_s),
            enumeration(u"role"_s, {u"owner"_s, u"member"_s}),
        },
        {},
        {{u"working_group_id"_s, u"account_id"_s}},
    };
}

EntityDef documentFolder()
{
    const QString owner = u"owner_kind"_s;
    return {
        u"document_folder"_s,
        u"collaboration"_s,
        u"A folder of documents belonging to a user, a working group or a class."_s,
        {
            establishmentRef(),
            enumeration(owner, {u"account"_s, u"working_group"_s, u"school_class"_s}),
            ref(u"owner_id"_s, QString()),
            optRef(u"parent_id"_s, u"document_folder"_s),
            text(u"name"_s, 255, FieldFormat::FileName),
        },
        {},
        {},
    };
}

EntityDef document()
{
    return {
        u"document"_s,
        u"collaboration"_s,
        u"A file in a folder, stored as a content-addressed blob."_s,
        {
            establishmentRef(),
            ref(u"folder_id"_s, u"document_folder"_s),
            text(u"name"_s, 255, FieldFormat::FileName),
            text(u"mime_type"_s, 100),
            integer(u"size_bytes"_s, 0, 2147483647),
            text(u"sha256"_s, 64, FieldFormat::Sha256),
            optLongText(u"description"_s, 2000),
            ref(u"uploaded_by"_s, u"account"_s),
            timestamp(u"uploaded_at"_s),
        },
        {},
        {},
    };
}

EntityDef documentShare()
{
    return {
        u"document_share"_s,
        u"collaboration"_s,
        u"A document shared with another account, to read or to change."_s,
        {
            establishmentRef(),
            ref(u"document_id"_s, u"document"_s),
            ref(u"account_id"_s, u"account"_s),
            enumeration(u"permission"_s, {u"read"_s, u"write"_s}),
            ref(u"shared_by"_s, u"account"_s),
            timestamp(u"shared_at"_s),
        },
        {},
        {{u"document_id"_s, u"account_id"_s}},
    };
}

EntityDef attachment()
{
    return {
        u"attachment"_s,
        u"collaboration"_s,
        u"A file attached to a row (a message, homework and its submissions, a cahier de textes entry, a "
        "news post, a note, a form), stored as a content-addressed blob."_s,
        {
            establishmentRef(),
            enumeration(u"owner_type"_s, {u"message"_s, u"homework"_s, u"homework_submission"_s, u"lesson_content"_s,
                                          u"news_post"_s, u"correspondence_note"_s, u"consent_form"_s}),
            ref(u"owner_id"_s, QString()),
            text(u"file_name"_s, 255, FieldFormat::FileName),
            text(u"mime_type"_s, 100),
            integer(u"size_bytes"_s, 0, 2147483647),
            text(u"sha256"_s, 64, FieldFormat::Sha256),
            ref(u"uploaded_by"_s, u"account"_s),
            timestamp(u"uploaded_at"_s),
        },
        {},
        {},
    };
}

} // namespace

QList<EntityDef> communicationEntities()
{
    return {messageThread(),      message(),        messageRecipient(), newsPost(),      workingGroup(),
            workingGroupMember(), documentFolder(), document(),         documentShare(), attachment()};
}

} // namespace Cartable::Core
