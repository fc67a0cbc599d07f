#pragma once

#include "entitydef.h"

#include <QList>
#include <QString>

namespace Cartable::Core {

// Every kind of replicated row, in an order where a row's references come
// before it (establishment before class, evaluation before grade), which is
// also the order a bulk load inserts them in. docs/DATA.md describes them.
const QList<EntityDef> &entityCatalog();

// nullptr for an unknown type.
const EntityDef *findEntity(const QString &type);

// The stable entity type names, as constants, for the code that names them.
namespace Entity {
inline constexpr char16_t Establishment[] = u"establishment";
inline constexpr char16_t SchoolYear[] = u"school_year";
inline constexpr char16_t Period[] = u"period";
inline constexpr char16_t Person[] = u"person";
inline constexpr char16_t Account[] = u"account";
inline constexpr char16_t AccountRole[] = u"account_role";
inline constexpr char16_t GuardianLink[] = u"guardian_link";
inline constexpr char16_t Subject[] = u"subject";
inline constexpr char16_t SchoolClass[] = u"school_class";
inline constexpr char16_t TeachingGroup[] = u"teaching_group";
inline constexpr char16_t ClassMembership[] = u"class_membership";
inline constexpr char16_t GroupMembership[] = u"group_membership";
inline constexpr char16_t TeachingAssignment[] = u"teaching_assignment";
inline constexpr char16_t Enrolment[] = u"enrolment";
inline constexpr char16_t TimetableSlot[] = u"timetable_slot";
inline constexpr char16_t TimetableException[] = u"timetable_exception";
inline constexpr char16_t LessonSession[] = u"lesson_session";
inline constexpr char16_t RollCallEntry[] = u"roll_call_entry";
inline constexpr char16_t Absence[] = u"absence";
inline constexpr char16_t CompetencyFramework[] = u"competency_framework";
inline constexpr char16_t Competency[] = u"competency";
inline constexpr char16_t Evaluation[] = u"evaluation";
inline constexpr char16_t EvaluationCompetency[] = u"evaluation_competency";
inline constexpr char16_t Grade[] = u"grade";
inline constexpr char16_t CompetencyAssessment[] = u"competency_assessment";
inline constexpr char16_t PeriodAppreciation[] = u"period_appreciation";
inline constexpr char16_t ReportCard[] = u"report_card";
inline constexpr char16_t LessonContent[] = u"lesson_content";
inline constexpr char16_t Homework[] = u"homework";
inline constexpr char16_t HomeworkSubmission[] = u"homework_submission";
inline constexpr char16_t MessageThread[] = u"message_thread";
inline constexpr char16_t Message[] = u"message";
inline constexpr char16_t MessageRecipient[] = u"message_recipient";
inline constexpr char16_t NewsPost[] = u"news_post";
inline constexpr char16_t CorrespondenceNote[] = u"correspondence_note";
inline constexpr char16_t ConsentForm[] = u"consent_form";
inline constexpr char16_t ConsentSignature[] = u"consent_signature";
inline constexpr char16_t Resource[] = u"resource";
inline constexpr char16_t Booking[] = u"booking";
inline constexpr char16_t WorkingGroup[] = u"working_group";
inline constexpr char16_t WorkingGroupMember[] = u"working_group_member";
inline constexpr char16_t DocumentFolder[] = u"document_folder";
inline constexpr char16_t Document[] = u"document";
inline constexpr char16_t DocumentShare[] = u"document_share";
inline constexpr char16_t Attachment[] = u"attachment";
inline constexpr char16_t SyncConflict[] = u"sync_conflict";
inline constexpr char16_t StaffMember[] = u"staff_member";
} // namespace Entity

// The parts of the catalogue, one per module; entityCatalog() joins them.
QList<EntityDef> organisationEntities();
QList<EntityDef> schoolLifeEntities();
QList<EntityDef> pedagogyEntities();
QList<EntityDef> communicationEntities();
QList<EntityDef> syncEntities();

} // namespace Cartable::Core
