// Evaluations, grades and competencies, appreciations and report cards, the
// cahier de textes and homework.

#include "catalog.h"
#include "core/rules/gradevalue.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;
using namespace Fields;

namespace {

FieldDef establishmentRef()
{
    return ref(u"establishment_id"_s, QString::fromUtf16(Entity::Establishment));
}

EntityDef competencyFramework()
{
    return {
        u"competency_framework"_s,
        u"pedagogy"_s,
        u"A set of competencies, such as the socle commun or a subject's own list."_s,
        {
            establishmentRef(),
            text(u"code"_s, 20, FieldFormat::Code),
            text(u"name"_s, 200),
        },
        {},
        {{u"establishment_id"_s, u"code"_s}},
    };
}

EntityDef competency()
{
    return {
        u"competency"_s,
        u"pedagogy"_s,
        u"One competency of a framework (D1.1 « Comprendre, s'exprimer en utilisant la langue française »), "
        "possibly under a parent."_s,
        {
            establishmentRef(),
            ref(u"framework_id"_s, u"competency_framework"_s),
            optRef(u"parent_id"_s, u"competency"_s),
            text(u"code"_s, 20, FieldFormat::Code),
            text(u"label"_s, 300),
        },
        {},
        {{u"framework_id"_s, u"code"_s}},
    };
}

EntityDef evaluation()
{
    return {
        u"evaluation"_s,
        u"pedagogy"_s,
        u"A test or piece of work of a class or group in a subject, with its coefficient, its scale and "
        "its period."_s,
        {
            establishmentRef(),
            optRef(u"class_id"_s, u"school_class"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            ref(u"subject_id"_s, u"subject"_s),
            ref(u"teacher_id"_s, u"person"_s),
            ref(u"period_id"_s, u"period"_s),
            text(u"title"_s, 200),
            optLongText(u"description"_s, 2000),
            date(u"date"_s),
            hundredths(u"coefficient"_s, 1, 10000),
            integer(u"scale"_s, GradeValue::kMinScale, GradeValue::kMaxScale),
            boolean(u"published"_s, true),
        },
        {exactlyOneOf(u"evaluation.class_or_group"_s, {u"class_id"_s, u"group_id"_s})},
        {},
    };
}

EntityDef evaluationCompetency()
{
    return {
        u"evaluation_competency"_s,
        u"pedagogy"_s,
        u"A competency that an evaluation assesses."_s,
        {
            establishmentRef(),
            ref(u"evaluation_id"_s, u"evaluation"_s),
            ref(u"competency_id"_s, u"competency"_s),
        },
        {},
        {{u"evaluation_id"_s, u"competency_id"_s}},
    };
}

EntityDef grade()
{
    return {
        u"grade"_s,
        u"pedagogy"_s,
        u"A student's result in an evaluation: a mark out of the evaluation's scale, or a marker (absent, "
        "dispensé, non noté, non rendu), with a comment."_s,
        {
            establishmentRef(),
            ref(u"evaluation_id"_s, u"evaluation"_s),
            ref(u"student_id"_s, u"person"_s),
            optHundredths(u"mark"_s, 0, qint64(GradeValue::kMaxScale) * 100),
            optEnumeration(u"marker"_s,
                           {gradeMarkerCode(GradeMarker::Absent), gradeMarkerCode(GradeMarker::Dispensed),
                            gradeMarkerCode(GradeMarker::NotGraded), gradeMarkerCode(GradeMarker::NotSubmitted)}),
            optLongText(u"comment"_s, 500),
            ref(u"graded_by"_s, u"account"_s),
            timestamp(u"graded_at"_s),
        },
        {exactlyOneOf(u"grade.mark_or_marker"_s, {u"mark"_s, u"marker"_s})},
        {{u"evaluation_id"_s, u"student_id"_s}},
    };
}

EntityDef competencyAssessment()
{
    return {
        u"competency_assessment"_s,
        u"pedagogy"_s,
        u"A student's level on one competency: maîtrise insuffisante, fragile, satisfaisante or très bonne."_s,
        {
            establishmentRef(),
            ref(u"student_id"_s, u"person"_s),
            ref(u"competency_id"_s, u"competency"_s),
            optRef(u"evaluation_id"_s, u"evaluation"_s),
            optRef(u"subject_id"_s, u"subject"_s),
            ref(u"period_id"_s, u"period"_s),
            enumeration(u"level"_s, {u"insufficient"_s, u"fragile"_s, u"satisfactory"_s, u"very_good"_s}),
            optText(u"comment"_s, 500),
            ref(u"assessed_by"_s, u"account"_s),
            timestamp(u"assessed_at"_s),
        },
        {},
        {},
    };
}

EntityDef periodAppreciation()
{
    return {
        u"period_appreciation"_s,
        u"pedagogy"_s,
        u"A teacher's appreciation of a student in a subject for a period, or the general appreciation "
        "when the subject is empty."_s,
        {
            establishmentRef(),
            ref(u"student_id"_s, u"person"_s),
            ref(u"period_id"_s, u"period"_s),
            ref(u"class_id"_s, u"school_class"_s),
            optRef(u"subject_id"_s, u"subject"_s),
            longText(u"text"_s, 1000),
            ref(u"author_id"_s, u"account"_s),
            timestamp(u"written_at"_s),
        },
        {},
        {{u"student_id"_s, u"period_id"_s, u"subject_id"_s}},
    };
}

EntityDef reportCard()
{
    const QString status = u"status"_s;
    return {
        u"report_card"_s,
        u"pedagogy"_s,
        u"A student's bulletin for a period: a draft for staff, then published to the family with its "
        "averages and appreciations frozen."_s,
        {
            establishmentRef(),
            ref(u"student_id"_s, u"person"_s),
            ref(u"period_id"_s, u"period"_s),
            ref(u"class_id"_s, u"school_class"_s),
            enumeration(status, {u"draft"_s, u"published"_s}),
            optTimestamp(u"published_at"_s),
            optRef(u"published_by"_s, u"account"_s),
            optLongText(u"content"_s, 65536),
            optText(u"document_sha256"_s, 64, FieldFormat::Sha256),
        },
        {
            requiredWhen(u"report_card.published_needs_time"_s, u"published_at"_s, status, {u"published"_s}),
            requiredWhen(u"report_card.published_needs_author"_s, u"published_by"_s, status, {u"published"_s}),
        },
        {{u"student_id"_s, u"period_id"_s}},
    };
}

EntityDef lessonContent()
{
    return {
        u"lesson_content"_s,
        u"pedagogy"_s,
        u"An entry of the cahier de textes: what was done in a lesson."_s,
        {
            establishmentRef(),
            optRef(u"session_id"_s, u"lesson_session"_s),
            optRef(u"class_id"_s, u"school_class"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            ref(u"subject_id"_s, u"subject"_s),
            ref(u"teacher_id"_s, u"person"_s),
            date(u"date"_s),
            text(u"title"_s, 200),
            longText(u"content"_s, 20000),
        },
        {exactlyOneOf(u"lesson_content.class_or_group"_s, {u"class_id"_s, u"group_id"_s})},
        {},
    };
}

EntityDef homework()
{
    return {
        u"homework"_s,
        u"pedagogy"_s,
        u"Travail à faire: what a class or group must do by a day, with or without a submission."_s,
        {
            establishmentRef(),
            optRef(u"class_id"_s, u"school_class"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            ref(u"subject_id"_s, u"subject"_s),
            ref(u"teacher_id"_s, u"person"_s),
            optRef(u"session_id"_s, u"lesson_session"_s),
            date(u"assigned_on"_s),
            date(u"due_on"_s),
            longText(u"text"_s, 5000),
            optInteger(u"estimated_minutes"_s, 1, 600),
            boolean(u"requires_submission"_s),
        },
        {
            exactlyOneOf(u"homework.class_or_group"_s, {u"class_id"_s, u"group_id"_s}),
            notBefore(u"homework.due_after_assigned"_s, u"due_on"_s, u"assigned_on"_s),
        },
        {},
    };
}

EntityDef homeworkSubmission()
{
    const QString status = u"status"_s;
    return {
        u"homework_submission"_s,
        u"pedagogy"_s,
        u"A student's submission of homework (dépôt de devoir), its files as attachments, and the "
        "teacher's feedback."_s,
        {
            establishmentRef(),
            ref(u"homework_id"_s, u"homework"_s),
            ref(u"student_id"_s, u"person"_s),
            enumeration(status, {u"draft"_s, u"submitted"_s, u"returned"_s}),
            optTimestamp(u"submitted_at"_s),
            optLongText(u"comment"_s, 2000),
            optLongText(u"feedback"_s, 2000),
            optRef(u"feedback_by"_s, u"account"_s),
            optTimestamp(u"feedback_at"_s),
        },
        {
            requiredWhen(u"homework_submission.submitted_needs_time"_s, u"submitted_at"_s, status,
                         {u"submitted"_s, u"returned"_s}),
            requiredWhen(u"homework_submission.returned_needs_teacher"_s, u"feedback_by"_s, status, {u"returned"_s}),
        },
        {{u"homework_id"_s, u"student_id"_s}},
    };
}

} // namespace

QList<EntityDef> pedagogyEntities()
{
    return {competencyFramework(),  competency(),         evaluation(), evaluationCompetency(), grade(),
            competencyAssessment(), periodAppreciation(), reportCard(), lessonContent(),        homework(),
            homeworkSubmission()};
}

} // namespace Cartable::Core
