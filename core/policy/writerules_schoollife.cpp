// Who may change school life: the timetable, lessons and roll calls,
// absences and their justification, the carnet de correspondance and the
// consent forms.

#include "writerules.h"

#include "core/domain/catalog.h"

namespace Cartable::Core::WriteRules {

using namespace Qt::StringLiterals;

namespace {

QString type(const char16_t *name)
{
    return QString::fromUtf16(name);
}

Status lessonSession(const Context &context)
{
    if (context.role != Role::Teacher)
        return notAllowed(context);
    const bool own = context.allRows([&context](const Record &row) { return ownAssignment(context, row); });
    return own ? allow() : forbid(u"lesson_session.not_own_assignment"_s);
}

Status rollCallEntry(const Context &context)
{
    if (context.role == Role::VieScolaire)
        return context.isUpdate() ? allow() : forbid(u"roll_call_entry.vie_scolaire_updates_only"_s);
    if (context.role != Role::Teacher)
        return notAllowed(context);
    const bool own = context.allRows([&context](const Record &row) {
        const std::optional<Record> session = context.lookup.row(type(Entity::LessonSession),
                                                                 row.text(u"session_id"_s));
        return session && !context.selfPerson().isEmpty() && session->text(u"teacher_id"_s) == context.selfPerson();
    });
    return own ? allow() : forbid(u"roll_call_entry.not_own_session"_s);
}

Status absence(const Context &context)
{
    if (context.role == Role::VieScolaire)
        return allow();
    // The secretariat records and regularises, and leaves deletions to the
    // vie scolaire.
    if (context.isAdministration())
        return context.isDelete() ? notAllowed(context) : allow();
    if (context.role != Role::Guardian || !context.isUpdate())
        return notAllowed(context);
    if (!context.facts.legalChild(context.row().text(u"student_id"_s)))
        return forbid(u"absence.not_own_child"_s);
    if (!context.onlyChanged(
            {u"justification_status"_s, u"justification_text"_s, u"justified_by"_s, u"justified_at"_s}))
        return forbid(u"absence.only_justification_fields"_s);
    const Record &after = *context.change.after;
    if (after.text(u"justification_status"_s) != u"submitted"_s)
        return forbid(u"absence.justification_status"_s);
    if (after.text(u"justified_by"_s) != context.selfAccount())
        return forbid(u"absence.justified_by_not_self"_s);
    return allow();
}

Status correspondenceNote(const Context &context)
{
    if (context.role == Role::VieScolaire)
        return context.isDelete() ? notAllowed(context) : allow();
    if (context.role == Role::Teacher) {
        if (!context.isCreate())
            return notAllowed(context);
        const Record &row = context.row();
        if (!context.facts.teachesStudent(row.text(u"student_id"_s)))
            return forbid(u"correspondence_note.not_own_student"_s);
        if (row.text(u"author_id"_s) != context.selfAccount())
            return forbid(u"correspondence_note.author_not_self"_s);
        return allow();
    }
    if (context.role != Role::Guardian || !context.isUpdate())
        return notAllowed(context);
    if (!context.facts.legalChild(context.row().text(u"student_id"_s)))
        return forbid(u"correspondence_note.not_own_child"_s);
    if (!context.onlyChanged({u"acknowledged_by"_s, u"acknowledged_at"_s}))
        return forbid(u"correspondence_note.only_acknowledgement"_s);
    if (context.change.after->text(u"acknowledged_by"_s) != context.selfAccount())
        return forbid(u"correspondence_note.acknowledged_by_not_self"_s);
    return allow();
}

Status consentSignature(const Context &context)
{
    if (context.role != Role::Guardian || context.isDelete())
        return notAllowed(context);
    const bool own = context.allRows([&context](const Record &row) {
        return context.facts.legalChild(row.text(u"student_id"_s)) != nullptr
               && row.text(u"guardian_account_id"_s) == context.selfAccount();
    });
    return own ? allow() : forbid(u"consent_signature.not_own"_s);
}

} // namespace

void addSchoolLifeRules(RuleTable &table)
{
    table.insert(type(Entity::TimetableSlot), administration(true));
    table.insert(type(Entity::TimetableException), administration(true));
    table.insert(type(Entity::LessonSession), lessonSession);
    table.insert(type(Entity::RollCallEntry), rollCallEntry);
    table.insert(type(Entity::Absence), absence);
    table.insert(type(Entity::CorrespondenceNote), correspondenceNote);
    table.insert(type(Entity::ConsentForm), administration(true));
    table.insert(type(Entity::ConsentSignature), consentSignature);
}

} // namespace Cartable::Core::WriteRules
