// The timetable and its lessons, roll calls, absences and lateness, the
// carnet de correspondance and the forms that families sign.

#include "catalog.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;
using namespace Fields;

namespace {

FieldDef establishmentRef()
{
    return ref(u"establishment_id"_s, QString::fromUtf16(Entity::Establishment));
}

const QStringList kHalfDays{u"morning"_s, u"afternoon"_s};

EntityDef timetableSlot()
{
    return {
        u"timetable_slot"_s,
        u"school_life"_s,
        u"A weekly lesson of a class or a group: day, start, duration, teacher, room and week pattern."_s,
        {
            establishmentRef(),
            optRef(u"class_id"_s, u"school_class"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            ref(u"subject_id"_s, u"subject"_s),
            ref(u"teacher_id"_s, u"person"_s),
            optText(u"room"_s, 40),
            integer(u"weekday"_s, 1, 7),
            integer(u"start_minute"_s, 0, 1439),
            integer(u"duration_minutes"_s, 5, 600),
            enumeration(u"week_pattern"_s, {u"every"_s, u"week_a"_s, u"week_b"_s}),
            date(u"valid_from"_s),
            date(u"valid_until"_s),
        },
        {
            exactlyOneOf(u"timetable_slot.class_or_group"_s, {u"class_id"_s, u"group_id"_s}),
            notBefore(u"timetable_slot.valid_until_after_from"_s, u"valid_until"_s, u"valid_from"_s),
        },
        {},
    };
}

EntityDef timetableException()
{
    const QString kind = u"kind"_s;
    return {
        u"timetable_exception"_s,
        u"school_life"_s,
        u"A change to one occurrence of a slot: cancelled, moved, given by a replacement teacher or in "
        "another room."_s,
        {
            establishmentRef(),
            ref(u"slot_id"_s, u"timetable_slot"_s),
            date(u"date"_s),
            enumeration(kind, {u"cancelled"_s, u"moved"_s, u"replaced"_s, u"room_changed"_s}),
            optDate(u"new_date"_s),
            optInteger(u"new_start_minute"_s, 0, 1439),
            optRef(u"replacement_teacher_id"_s, u"person"_s),
            optText(u"new_room"_s, 40),
            optText(u"note"_s, 300),
        },
        {
            requiredWhen(u"timetable_exception.moved_needs_date"_s, u"new_date"_s, kind, {u"moved"_s}),
            requiredWhen(u"timetable_exception.moved_needs_start"_s, u"new_start_minute"_s, kind, {u"moved"_s}),
            requiredWhen(u"timetable_exception.replaced_needs_teacher"_s, u"replacement_teacher_id"_s, kind,
                         {u"replaced"_s}),
            requiredWhen(u"timetable_exception.room_changed_needs_room"_s, u"new_room"_s, kind, {u"room_changed"_s}),
        },
        {{u"slot_id"_s, u"date"_s}},
    };
}

EntityDef lessonSession()
{
    return {
        u"lesson_session"_s,
        u"school_life"_s,
        u"A lesson that takes place on a day: what a roll call and a cahier de textes entry belong to."_s,
        {
            establishmentRef(),
            optRef(u"slot_id"_s, u"timetable_slot"_s),
            optRef(u"class_id"_s, u"school_class"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            ref(u"subject_id"_s, u"subject"_s),
            ref(u"teacher_id"_s, u"person"_s),
            date(u"date"_s),
            integer(u"start_minute"_s, 0, 1439),
            integer(u"duration_minutes"_s, 5, 600),
            optTimestamp(u"roll_call_done_at"_s),
        },
        {exactlyOneOf(u"lesson_session.class_or_group"_s, {u"class_id"_s, u"group_id"_s})},
        {},
    };
}

EntityDef rollCallEntry()
{
    const QString status = u"status"_s;
    return {
        u"roll_call_entry"_s,
        u"school_life"_s,
        u"One student in the roll call (appel) of a lesson: present, absent, or late by some minutes."_s,
        {
            establishmentRef(),
            ref(u"session_id"_s, u"lesson_session"_s),
            ref(u"student_id"_s, u"person"_s),
            enumeration(status, {u"present"_s, u"absent"_s, u"late"_s}),
            optInteger(u"minutes_late"_s, 1, 240),
            ref(u"recorded_by"_s, u"account"_s),
            timestamp(u"recorded_at"_s),
        },
        {
            requiredWhen(u"roll_call_entry.late_needs_minutes"_s, u"minutes_late"_s, status, {u"late"_s}),
            forbiddenWhen(u"roll_call_entry.minutes_only_when_late"_s, u"minutes_late"_s, status,
                          {u"present"_s, u"absent"_s}),
        },
        {{u"session_id"_s, u"student_id"_s}},
    };
}

EntityDef absence()
{
    const QString kind = u"kind"_s;
    const QString status = u"justification_status"_s;
    FieldDef reason = enumeration(u"reason"_s, {u"unknown"_s, u"illness"_s, u"medical_appointment"_s, u"family"_s,
                                                u"transport"_s, u"exam"_s, u"school_activity"_s, u"other"_s});
    reason.defaultValue = u"unknown"_s;
    FieldDef justification = enumeration(status, {u"pending"_s, u"submitted"_s, u"accepted"_s, u"refused"_s});
    justification.defaultValue = u"pending"_s;
    return {
        u"absence"_s,
        u"school_life"_s,
        u"An absence (from a half-day to another) or a lateness, with its reason, the guardian's "
        "justification and the vie scolaire's regularisation."_s,
        {
            establishmentRef(),
            ref(u"student_id"_s, u"person"_s),
            enumeration(kind, {u"absence"_s, u"lateness"_s}),
            date(u"starts_on"_s),
            enumeration(u"start_half_day"_s, kHalfDays),
            date(u"ends_on"_s),
            enumeration(u"end_half_day"_s, kHalfDays),
            optRef(u"session_id"_s, u"lesson_session"_s),
            optInteger(u"minutes_late"_s, 1, 240),
            reason,
            optLongText(u"comment"_s, 1000),
            ref(u"recorded_by"_s, u"account"_s),
            timestamp(u"recorded_at"_s),
            justification,
            optLongText(u"justification_text"_s, 1000),
            optRef(u"justified_by"_s, u"account"_s),
            optTimestamp(u"justified_at"_s),
            optRef(u"regularised_by"_s, u"account"_s),
            optTimestamp(u"regularised_at"_s),
        },
        {
            notBefore(u"absence.ends_after_start"_s, u"ends_on"_s, u"starts_on"_s),
            requiredWhen(u"absence.lateness_needs_minutes"_s, u"minutes_late"_s, kind, {u"lateness"_s}),
            forbiddenWhen(u"absence.minutes_only_for_lateness"_s, u"minutes_late"_s, kind, {u"absence"_s}),
            requiredWhen(u"absence.submitted_needs_guardian"_s, u"justified_by"_s, status, {u"submitted"_s}),
            requiredWhen(u"absence.decision_needs_vie_scolaire"_s, u"regularised_by"_s, status,
                         {u"accepted"_s, u"refused"_s}),
            requiredWhen(u"absence.decision_needs_time"_s, u"regularised_at"_s, status, {u"accepted"_s, u"refused"_s}),
        },
        {},
    };
}

EntityDef correspondenceNote()
{
    return {
        u"correspondence_note"_s,
        u"school_life"_s,
        u"A note of the carnet de correspondance about a student, which a guardian acknowledges."_s,
        {
            establishmentRef(),
            ref(u"student_id"_s, u"person"_s),
            ref(u"author_id"_s, u"account"_s),
            enumeration(u"category"_s, {u"information"_s, u"behaviour"_s, u"work"_s, u"meeting_request"_s, u"other"_s}),
            text(u"subject"_s, 200),
            longText(u"body"_s, 5000),
            timestamp(u"written_at"_s),
            boolean(u"requires_acknowledgement"_s, true),
            optRef(u"acknowledged_by"_s, u"account"_s),
            optTimestamp(u"acknowledged_at"_s),
        },
        {requiredWhen(u"correspondence_note.acknowledged_needs_time"_s, u"acknowledged_at"_s, u"acknowledged_by"_s,
                      {})},
        {},
    };
}

EntityDef consentForm()
{
    const QString audience = u"audience"_s;
    return {
        u"consent_form"_s,
        u"school_life"_s,
        u"An authorisation or consent form (a school trip, image rights) for the establishment or a class."_s,
        {
            establishmentRef(),
            enumeration(u"kind"_s, {u"authorisation"_s, u"consent"_s}),
            enumeration(audience, {u"establishment"_s, u"class"_s}),
            optRef(u"class_id"_s, u"school_class"_s),
            text(u"title"_s, 200),
            longText(u"body"_s, 10000),
            optDate(u"due_on"_s),
            ref(u"author_id"_s, u"account"_s),
            timestamp(u"created_at"_s),
        },
        {
            requiredWhen(u"consent_form.class_audience_needs_class"_s, u"class_id"_s, audience, {u"class"_s}),
            forbiddenWhen(u"consent_form.class_only_for_class_audience"_s, u"class_id"_s, audience,
                          {u"establishment"_s}),
        },
        {},
    };
}

EntityDef consentSignature()
{
    return {
        u"consent_signature"_s,
        u"school_life"_s,
        u"A guardian's answer to a form, for one of his children."_s,
        {
            establishmentRef(),
            ref(u"form_id"_s, u"consent_form"_s),
            ref(u"student_id"_s, u"person"_s),
            ref(u"guardian_account_id"_s, u"account"_s),
            enumeration(u"answer"_s, {u"granted"_s, u"refused"_s}),
            timestamp(u"signed_at"_s),
            optText(u"comment"_s, 500),
        },
        {},
        {{u"form_id"_s, u"student_id"_s, u"guardian_account_id"_s}},
    };
}

} // namespace

QList<EntityDef> schoolLifeEntities()
{
    return {timetableSlot(), timetableException(), lessonSession(), rollCallEntry(),
            absence(),       correspondenceNote(), consentForm(),   consentSignature()};
}

} // namespace Cartable::Core
