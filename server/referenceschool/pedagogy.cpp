// Competencies, evaluations and grades, the closed trimester's appreciations
// and report cards, the cahier de textes and homework.

#include "frenchnames.h"
#include "schoolbuilder.h"

#include "core/rules/gradevalue.h"

#include <QCryptographicHash>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
namespace Names = ReferenceNames;
namespace Entity = Core::Entity;

namespace {

struct EvaluationPlan
{
    QString id;
    int assignment;
    int period;
    QDate date;
    qint64 scale;
};

struct PedagogyState
{
    QList<QString> competencyIds;
    QList<EvaluationPlan> evaluations;
    QList<std::pair<int, int>> assessed; // (evaluation, competency)
};

// A share of `total` for the i-th of `parts`, so that the shares add up.
qint64 share(qint64 total, qint64 parts, qint64 i)
{
    return (i + 1) * total / parts - i * total / parts;
}

bool emitCompetencies(SchoolBuilder &b, PedagogyState &state)
{
    Core::Record framework = b.record(Entity::CompetencyFramework);
    framework.set(u"establishment_id"_s, b.establishments.at(0));
    framework.set(u"code"_s, u"SOCLE"_s);
    framework.set(u"name"_s, u"Socle commun de connaissances, de compétences et de culture"_s);
    if (!b.add(framework))
        return false;
    QHash<QString, QString> idOf;
    for (const Names::CompetencyInfo &info : Names::socleCommun()) {
        Core::Record r = b.record(Entity::Competency);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"framework_id"_s, framework.id());
        if (!info.parentCode.isEmpty())
            r.set(u"parent_id"_s, idOf.value(info.parentCode));
        r.set(u"code"_s, info.code);
        r.set(u"label"_s, info.label);
        idOf.insert(info.code, r.id());
        state.competencyIds.append(r.id());
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitEvaluations(SchoolBuilder &b, PedagogyState &state)
{
    const qint64 total = b.count(6000);
    const qint64 assignmentCount = b.assignments.size();
    for (qint64 a = 0; a < assignmentCount; ++a) {
        const AssignmentPlan &assignment = b.assignments.at(a);
        const qint64 count = share(total, assignmentCount, a);
        for (qint64 n = 0; n < count; ++n) {
            const double draw = b.rng.unit();
            const int period = draw < 0.4 ? 0 : (draw < 0.8 ? 1 : 2);
            const PeriodPlan &plan = b.periods.at(period);
            const QDate date = b.schoolDayBetween(plan.startsOn, std::min(plan.endsOn, b.today));
            const double scaleDraw = b.rng.unit();
            const qint64 scale = scaleDraw < 0.85 ? 20 : (scaleDraw < 0.95 ? 10 : 40);
            const QString title = b.rng.pick(Names::evaluationTitles());
            Core::Record r = b.record(Entity::Evaluation);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            b.setTaught(r, assignment);
            r.set(u"period_id"_s, plan.id);
            r.set(u"title"_s, u"%1 n° %2"_s.arg(title).arg(n + 1));
            if (b.rng.chance(0.3))
                r.set(u"description"_s, u"Calculatrice autorisée.\nDurée : 1 heure."_s);
            r.set(u"date"_s, date.toString(Qt::ISODate));
            r.set(u"coefficient"_s, qint64(title.startsWith(u"Devoir surveillé"_s) ? 200
                                           : title.startsWith(u"Quiz"_s)           ? 50
                                                                                   : 100));
            r.set(u"scale"_s, scale);
            r.set(u"published"_s, b.rng.chance(0.95));
            if (!b.add(r))
                return false;
            state.evaluations.append({r.id(), int(a), period, date, scale});
        }
    }
    for (int e = 0; e < state.evaluations.size(); ++e) {
        if (!b.rng.chance(0.1) && e > 0)
            continue;
        const int first = int(b.rng.below(std::uint64_t(state.competencyIds.size())));
        const int count = b.rng.chance(0.5) ? 1 : 2;
        for (int c = 0; c < count; ++c) {
            const int competency = (first + c) % int(state.competencyIds.size());
            Core::Record r = b.record(Entity::EvaluationCompetency);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"evaluation_id"_s, state.evaluations.at(e).id);
            r.set(u"competency_id"_s, state.competencyIds.at(competency));
            if (!b.add(r))
                return false;
            state.assessed.append({e, competency});
        }
    }
    return true;
}

QList<int> sample(SchoolBuilder &b, QList<int> people, qsizetype count)
{
    count = std::min(count, people.size());
    for (qsizetype i = 0; i < count; ++i)
        people.swapItemsAt(i, i + qsizetype(b.rng.below(std::uint64_t(people.size() - i))));
    people.resize(count);
    return people;
}

bool emitGrades(SchoolBuilder &b, const PedagogyState &state)
{
    static const QStringList markers{
        Core::gradeMarkerCode(Core::GradeMarker::Absent),       Core::gradeMarkerCode(Core::GradeMarker::Absent),
        Core::gradeMarkerCode(Core::GradeMarker::Dispensed),    Core::gradeMarkerCode(Core::GradeMarker::NotGraded),
        Core::gradeMarkerCode(Core::GradeMarker::NotSubmitted),
    };
    const qint64 total = b.count(150000);
    const qint64 evaluationCount = state.evaluations.size();
    qint64 carried = 0;
    for (qint64 e = 0; e < evaluationCount; ++e) {
        const EvaluationPlan &evaluation = state.evaluations.at(e);
        const AssignmentPlan &assignment = b.assignments.at(evaluation.assignment);
        const QList<int> &students = b.studentsOf(assignment);
        const qint64 wanted = share(total, evaluationCount, e) + carried;
        const QList<int> graded = sample(b, students, qsizetype(wanted));
        carried = wanted - graded.size();
        const QString teacher = b.accountIdOf(assignment.teacher);
        const qint64 maximum = evaluation.scale * 100;
        const double level = b.rng.normal(0.6, 0.06); // how hard the test was
        for (int student : graded) {
            Core::Record r = b.record(Entity::Grade);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"evaluation_id"_s, evaluation.id);
            r.set(u"student_id"_s, b.persons.at(student).id);
            if (b.rng.chance(0.05)) {
                r.set(u"marker"_s, b.rng.pick(markers));
            } else {
                const double mark = std::clamp(b.rng.normal(level, 0.18), 0.0, 1.0) * double(maximum);
                // Quarter points, as teachers give them.
                r.set(u"mark"_s, std::min(maximum, std::llround(mark / 25.0) * 25));
            }
            if (b.rng.chance(0.08))
                r.set(u"comment"_s, b.rng.pick(Names::gradeComments()));
            r.set(u"graded_by"_s, teacher);
            r.set(u"graded_at"_s,
                  b.timeOn(std::min(b.today, evaluation.date.addDays(b.rng.range(1, 10))), 17 * 60, 22 * 60));
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

bool emitCompetencyAssessments(SchoolBuilder &b, const PedagogyState &state)
{
    static const QStringList levels{u"insufficient"_s, u"fragile"_s, u"satisfactory"_s, u"satisfactory"_s,
                                    u"very_good"_s};
    for (const auto &[e, competency] : state.assessed) {
        const EvaluationPlan &evaluation = state.evaluations.at(e);
        const AssignmentPlan &assignment = b.assignments.at(evaluation.assignment);
        for (int student : sample(b, b.studentsOf(assignment), 5)) {
            Core::Record r = b.record(Entity::CompetencyAssessment);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"student_id"_s, b.persons.at(student).id);
            r.set(u"competency_id"_s, state.competencyIds.at(competency));
            r.set(u"evaluation_id"_s, evaluation.id);
            r.set(u"subject_id"_s, b.subjectIds.at(assignment.subject));
            r.set(u"period_id"_s, b.periods.at(evaluation.period).id);
            r.set(u"level"_s, b.rng.pick(levels));
            r.set(u"assessed_by"_s, b.accountIdOf(assignment.teacher));
            r.set(u"assessed_at"_s, b.timeOn(evaluation.date, 17 * 60, 21 * 60));
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

// The first trimester is closed: appreciations and a published report card
// for every student.
bool emitFirstTrimesterReports(SchoolBuilder &b)
{
    const PeriodPlan &period = b.periods.at(0);
    QHash<qint64, int> teacherOf; // class × subject → teacher person
    for (const AssignmentPlan &assignment : b.assignments) {
        if (assignment.schoolClass >= 0)
            teacherOf.insert(qint64(assignment.schoolClass) * 100 + assignment.subject, assignment.teacher);
    }
    const qint64 writtenAt = SchoolBuilder::at(period.endsOn.addDays(3), 18 * 60);
    for (int student : b.students) {
        const PersonPlan &plan = b.persons.at(student);
        const ClassPlan &schoolClass = b.classes.at(plan.schoolClass);
        for (int subject : {-1, 0, 1}) {
            const int author = subject < 0 ? schoolClass.mainTeacher
                                           : teacherOf.value(qint64(plan.schoolClass) * 100 + subject, -1);
            Core::Record r = b.record(Entity::PeriodAppreciation);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"student_id"_s, plan.id);
            r.set(u"period_id"_s, period.id);
            r.set(u"class_id"_s, schoolClass.id);
            if (subject >= 0)
                r.set(u"subject_id"_s, b.subjectIds.at(subject));
            r.set(u"text"_s, b.rng.pick(Names::appreciations()));
            r.set(u"author_id"_s, author >= 0 ? b.accountIdOf(author) : b.accounts.at(b.headAccount).id);
            r.set(u"written_at"_s, writtenAt + b.rng.range(0, 7200) * 1000);
            if (!b.add(r))
                return false;
        }
    }
    for (int student : b.students) {
        const PersonPlan &plan = b.persons.at(student);
        Core::Record r = b.record(Entity::ReportCard);
        const QString content = u"Bulletin du %1 — %2 %3, %4"_s.arg(period.name, plan.firstName, plan.lastName,
                                                                    b.classes.at(plan.schoolClass).name);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"student_id"_s, plan.id);
        r.set(u"period_id"_s, period.id);
        r.set(u"class_id"_s, b.classes.at(plan.schoolClass).id);
        r.set(u"status"_s, u"published"_s);
        r.set(u"published_at"_s, SchoolBuilder::at(period.endsOn.addDays(14), 12 * 60));
        r.set(u"published_by"_s, b.accounts.at(b.headAccount).id);
        r.set(u"content"_s, content);
        r.set(u"document_sha256"_s,
              QString::fromLatin1(QCryptographicHash::hash(content.toUtf8(), QCryptographicHash::Sha256).toHex()));
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitLessonContents(SchoolBuilder &b)
{
    for (const SessionPlan &session : b.sessions) {
        const AssignmentPlan &assignment = b.assignments.at(session.assignment);
        Core::Record r = b.record(Entity::LessonContent);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"session_id"_s, session.id);
        b.setTaught(r, assignment);
        r.set(u"date"_s, b.today.toString(Qt::ISODate));
        r.set(u"title"_s, b.rng.pick(Names::lessonTitles()));
        r.set(u"content"_s, QString(u"Objectifs de la séance.\n- Rappel du cours précédent\n- "_s
                                    + b.rng.pick(Names::homeworkTexts()) + u"\n- Synthèse"_s));
        if (b.rng.chance(0.1)) {
            b.attachables.append({r.type(), r.id(), b.persons.at(assignment.teacher).account,
                                  SchoolBuilder::at(b.today, session.start)});
        }
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitHomework(SchoolBuilder &b)
{
    struct Submittable
    {
        QString id;
        int assignment;
        QDate dueOn;
    };
    QList<Submittable> submittable;
    const qint64 total = b.count(8000);
    const qint64 assignmentCount = b.assignments.size();
    for (qint64 a = 0; a < assignmentCount; ++a) {
        const AssignmentPlan &assignment = b.assignments.at(a);
        const qint64 count = share(total, assignmentCount, a);
        for (qint64 n = 0; n < count; ++n) {
            const QDate assigned = b.schoolDayBetween(b.yearStart, b.today);
            const QDate due = b.schoolDayBetween(assigned.addDays(1), assigned.addDays(14));
            const bool submission = b.rng.chance(0.1) || (a == 0 && n == 0);
            Core::Record r = b.record(Entity::Homework);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            b.setTaught(r, assignment);
            r.set(u"assigned_on"_s, assigned.toString(Qt::ISODate));
            r.set(u"due_on"_s, due.toString(Qt::ISODate));
            r.set(u"text"_s, b.rng.pick(Names::homeworkTexts()));
            if (b.rng.chance(0.5))
                r.set(u"estimated_minutes"_s, qint64(15 * b.rng.range(1, 8)));
            r.set(u"requires_submission"_s, submission);
            if (submission)
                submittable.append({r.id(), int(a), due});
            if (b.rng.chance(0.05)) {
                b.attachables.append(
                    {r.type(), r.id(), b.persons.at(assignment.teacher).account, SchoolBuilder::at(assigned, 18 * 60)});
            }
            if (!b.add(r))
                return false;
        }
    }
    for (const Submittable &homework : submittable) {
        const AssignmentPlan &assignment = b.assignments.at(homework.assignment);
        for (int student : b.studentsOf(assignment)) {
            if (!b.rng.chance(0.5))
                continue;
            const bool past = homework.dueOn < b.today;
            const double draw = b.rng.unit();
            const QString status = past ? (draw < 0.4 ? u"returned"_s : u"submitted"_s)
                                        : (draw < 0.3 ? u"draft"_s : u"submitted"_s);
            const qint64 submittedAt = SchoolBuilder::at(homework.dueOn.addDays(-1), 19 * 60)
                                       + b.rng.range(0, 4 * 3600) * 1000;
            Core::Record r = b.record(Entity::HomeworkSubmission);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"homework_id"_s, homework.id);
            r.set(u"student_id"_s, b.persons.at(student).id);
            r.set(u"status"_s, status);
            if (status != u"draft"_s)
                r.set(u"submitted_at"_s, submittedAt);
            if (b.rng.chance(0.2))
                r.set(u"comment"_s, u"Voici mon travail."_s);
            if (status == u"returned"_s) {
                r.set(u"feedback"_s, b.rng.pick(Names::gradeComments()));
                r.set(u"feedback_by"_s, b.accountIdOf(assignment.teacher));
                r.set(u"feedback_at"_s, submittedAt + b.rng.range(1, 5) * 86400000);
            }
            if (status != u"draft"_s && b.rng.chance(0.2))
                b.attachables.append({r.type(), r.id(), b.persons.at(student).account, submittedAt});
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

} // namespace

bool emitPedagogy(SchoolBuilder &b)
{
    PedagogyState state;
    return emitCompetencies(b, state) && emitEvaluations(b, state) && emitGrades(b, state)
           && emitCompetencyAssessments(b, state) && emitFirstTrimesterReports(b) && emitLessonContents(b)
           && emitHomework(b);
}

} // namespace Cartable::Server
