// Who may change pedagogy: competencies, evaluations and their grades,
// appreciations and report cards, the cahier de textes, homework and its
// submissions.

#include "writerules.h"

#include "core/domain/catalog.h"

namespace Cartable::Core::WriteRules {

using namespace Qt::StringLiterals;

namespace {

QString type(const char16_t *name)
{
    return QString::fromUtf16(name);
}

std::optional<Record> evaluationOf(const Context &context, const Record &row)
{
    return context.lookup.row(type(Entity::Evaluation), row.text(u"evaluation_id"_s));
}

bool ownEvaluation(const Context &context, const std::optional<Record> &evaluation)
{
    return evaluation && !context.selfPerson().isEmpty() && evaluation->text(u"teacher_id"_s) == context.selfPerson();
}

// Lessons, cahier de textes and homework: the teacher of his assignments.
Rule teacherAssignment(const QString &reason)
{
    return [reason](const Context &context) {
        if (context.role != Role::Teacher)
            return notAllowed(context);
        const bool own = context.allRows([&context](const Record &row) { return ownAssignment(context, row); });
        return own ? allow() : forbid(reason);
    };
}

Status evaluation(const Context &context)
{
    if (context.role != Role::Teacher)
        return notAllowed(context);
    if (!context.allRows([&context](const Record &row) { return row.text(u"teacher_id"_s) == context.selfPerson(); }))
        return forbid(u"evaluation.not_own"_s);
    if (!context.allRows([&context](const Record &row) { return ownAssignment(context, row); }))
        return forbid(u"evaluation.not_own_assignment"_s);
    return allow();
}

Status evaluationCompetency(const Context &context)
{
    if (context.role != Role::Teacher)
        return notAllowed(context);
    const bool own = context.allRows(
        [&context](const Record &row) { return ownEvaluation(context, evaluationOf(context, row)); });
    return own ? allow() : forbid(u"evaluation_competency.not_own_evaluation"_s);
}

Status grade(const Context &context)
{
    if (context.role != Role::Teacher)
        return notAllowed(context);
    // The evaluation's teacher grades its students, and nobody else does.
    const bool own = context.allRows(
        [&context](const Record &row) { return ownEvaluation(context, evaluationOf(context, row)); });
    if (!own)
        return forbid(u"grade.not_own_evaluation"_s);
    const bool ofItsStudents = context.allRows([&context](const Record &row) {
        const std::optional<Record> evaluation = evaluationOf(context, row);
        const QString unit = evaluation->isSet(u"class_id"_s) ? evaluation->text(u"class_id"_s)
                                                              : evaluation->text(u"group_id"_s);
        return context.facts.studentsByUnit.value(unit).contains(row.text(u"student_id"_s));
    });
    return ofItsStudents ? allow() : forbid(u"grade.student_not_in_evaluation"_s);
}

Status competencyAssessment(const Context &context)
{
    if (context.role != Role::Teacher)
        return notAllowed(context);
    const bool own = context.allRows([&context](const Record &row) {
        if (row.isSet(u"evaluation_id"_s))
            return ownEvaluation(context, evaluationOf(context, row));
        return row.isSet(u"subject_id"_s)
               && context.facts.teachesStudent(row.text(u"student_id"_s), row.text(u"subject_id"_s));
    });
    if (own)
        return allow();
    return forbid(context.row().isSet(u"evaluation_id"_s) ? u"competency_assessment.not_own_evaluation"_s
                                                          : u"competency_assessment.not_own_student"_s);
}

// Whether the student is in the class, as the teacher knows it.
bool inClass(const Context &context, const Record &row)
{
    return context.facts.studentsByUnit.value(row.text(u"class_id"_s)).contains(row.text(u"student_id"_s));
}

Status periodAppreciation(const Context &context)
{
    const bool general = !context.row().isSet(u"subject_id"_s)
                         || (context.change.before && !context.change.before->isSet(u"subject_id"_s));
    if (!context.allRows([&context](const Record &row) { return row.text(u"author_id"_s) == context.selfAccount(); }))
        return context.role == Role::Teacher || context.role == Role::Head
                   ? forbid(u"period_appreciation.author_not_self"_s)
                   : notAllowed(context);
    if (context.role == Role::Head)
        return general ? allow() : forbid(u"period_appreciation.head_general_only"_s);
    if (context.role != Role::Teacher)
        return notAllowed(context);
    if (general) {
        const bool main = context.allRows([&context](const Record &row) {
            return context.facts.isMainTeacherOf(row.text(u"class_id"_s)) && inClass(context, row);
        });
        return main ? allow() : forbid(u"period_appreciation.general_needs_main_teacher"_s);
    }
    const bool teaches = context.allRows([&context](const Record &row) {
        return context.facts.teaches(row.text(u"class_id"_s), {}, row.text(u"subject_id"_s)) && inClass(context, row);
    });
    return teaches ? allow() : forbid(u"period_appreciation.not_own_subject"_s);
}

Status homeworkSubmission(const Context &context)
{
    const QStringList feedback{u"feedback"_s, u"feedback_by"_s, u"feedback_at"_s};
    const auto homeworkOf = [&context](const Record &row) {
        return context.lookup.row(type(Entity::Homework), row.text(u"homework_id"_s));
    };
    if (context.role == Role::Student) {
        if (context.isDelete())
            return notAllowed(context);
        const Record &row = context.row();
        if (context.selfPerson().isEmpty() || row.text(u"student_id"_s) != context.selfPerson())
            return forbid(u"homework_submission.not_own"_s);
        const std::optional<Record> homework = homeworkOf(row);
        const bool ofHisUnits = homework
                                && (context.facts.ownClassIds.contains(homework->text(u"class_id"_s))
                                    || context.facts.ownGroupIds.contains(homework->text(u"group_id"_s)));
        if (!ofHisUnits)
            return forbid(u"homework_submission.not_own_homework"_s);
        const bool touchesFeedback = context.isCreate() ? std::any_of(feedback.cbegin(), feedback.cend(),
                                                                      [&row](const QString &f) { return row.isSet(f); })
                                                        : context.anyChanged(feedback);
        if (touchesFeedback || row.text(u"status"_s) == u"returned"_s)
            return forbid(u"homework_submission.feedback_reserved"_s);
        return allow();
    }
    if (context.role != Role::Teacher || !context.isUpdate())
        return notAllowed(context);
    const std::optional<Record> homework = homeworkOf(context.row());
    if (!homework || context.selfPerson().isEmpty() || homework->text(u"teacher_id"_s) != context.selfPerson())
        return forbid(u"homework_submission.not_own_homework"_s);
    if (!context.onlyChanged(feedback + QStringList{u"status"_s}))
        return forbid(u"homework_submission.only_feedback_fields"_s);
    const Record &after = *context.change.after;
    if (context.changed.contains(u"status"_s) && after.text(u"status"_s) != u"returned"_s)
        return forbid(u"homework_submission.status_returned_only"_s);
    if (after.isSet(u"feedback_by"_s) && after.text(u"feedback_by"_s) != context.selfAccount())
        return forbid(u"homework_submission.feedback_by_not_self"_s);
    return allow();
}

Status reportCard(const Context &context)
{
    if (!context.isAdministration() || context.isDelete())
        return notAllowed(context);
    return allow();
}

} // namespace

void addPedagogyRules(RuleTable &table)
{
    table.insert(type(Entity::CompetencyFramework), administration(true));
    table.insert(type(Entity::Competency), administration(true));
    table.insert(type(Entity::Evaluation), evaluation);
    table.insert(type(Entity::EvaluationCompetency), evaluationCompetency);
    table.insert(type(Entity::Grade), grade);
    table.insert(type(Entity::CompetencyAssessment), competencyAssessment);
    table.insert(type(Entity::PeriodAppreciation), periodAppreciation);
    table.insert(type(Entity::ReportCard), reportCard);
    table.insert(type(Entity::LessonContent), teacherAssignment(u"lesson_content.not_own_assignment"_s));
    table.insert(type(Entity::Homework), teacherAssignment(u"homework.not_own_assignment"_s));
    table.insert(type(Entity::HomeworkSubmission), homeworkSubmission);
}

} // namespace Cartable::Core::WriteRules
