// The timetable, its exceptions, today's lessons and roll calls, absences,
// the carnet de correspondance and the forms families sign.

#include "frenchnames.h"
#include "schoolbuilder.h"

#include <numeric>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
namespace Names = ReferenceNames;
namespace Entity = Core::Entity;

namespace {

constexpr int kSport = 9;

struct SlotPlan
{
    QString id;
    int assignment = -1;
    int weekday = 1;
    int start = 0;
    QString pattern;
};

// The start of each lesson hour, lunch left out.
const QList<int> &lessonStarts()
{
    static const QList<int> starts{8 * 60, 9 * 60, 10 * 60, 11 * 60, 13 * 60, 14 * 60, 15 * 60, 16 * 60};
    return starts;
}

QDate dayOfWeekBetween(SchoolBuilder &b, int weekday, const QDate &from, const QDate &to)
{
    QDate day = b.schoolDayBetween(from, to);
    for (int attempt = 0; attempt < 30 && day.dayOfWeek() != weekday; ++attempt)
        day = b.schoolDayBetween(from, to);
    return day;
}

bool emitTimetable(SchoolBuilder &b, QList<SlotPlan> &slots)
{
    const qint64 total = b.count(1800);
    const qint64 assignmentCount = b.assignments.size();
    // Each class or group fills its week in its own order.
    QHash<QString, QList<std::pair<int, int>>> grids;
    for (qint64 a = 0; a < assignmentCount; ++a) {
        const AssignmentPlan &assignment = b.assignments.at(a);
        const QString target = assignment.group >= 0 ? b.groups.at(assignment.group).id
                                                     : b.classes.at(assignment.schoolClass).id;
        QList<std::pair<int, int>> &grid = grids[target];
        const qint64 share = (a + 1) * total / assignmentCount - a * total / assignmentCount;
        for (qint64 n = 0; n < share; ++n) {
            if (grid.isEmpty()) {
                for (int day = 1; day <= 5; ++day) {
                    for (int start : lessonStarts())
                        grid.append({day, start});
                }
                b.rng.shuffle(grid);
            }
            const auto [weekday, start] = grid.takeLast();
            const double draw = b.rng.unit();
            SlotPlan slot{QString(), int(a), weekday, start,
                          draw < 0.86 ? u"every"_s : (draw < 0.93 ? u"week_a"_s : u"week_b"_s)};
            Core::Record r = b.record(Entity::TimetableSlot);
            slot.id = r.id();
            r.set(u"establishment_id"_s, b.establishments.at(0));
            if (assignment.group >= 0)
                r.set(u"group_id"_s, target);
            else
                r.set(u"class_id"_s, target);
            r.set(u"subject_id"_s, b.subjectIds.at(assignment.subject));
            r.set(u"teacher_id"_s, b.persons.at(assignment.teacher).id);
            r.set(u"room"_s, assignment.subject == kSport ? u"Gymnase"_s : b.rng.pick(b.roomNames));
            r.set(u"weekday"_s, qint64(weekday));
            r.set(u"start_minute"_s, qint64(start));
            r.set(u"duration_minutes"_s, qint64(55));
            r.set(u"week_pattern"_s, slot.pattern);
            r.set(u"valid_from"_s, b.yearStart.toString(Qt::ISODate));
            r.set(u"valid_until"_s, b.yearEnd.toString(Qt::ISODate));
            if (!b.add(r))
                return false;
            slots.append(slot);
        }
    }

    QList<int> order(slots.size());
    std::iota(order.begin(), order.end(), 0);
    b.rng.shuffle(order);
    const qsizetype exceptions = std::min<qsizetype>(slots.size(), b.count(60));
    for (qsizetype n = 0; n < exceptions; ++n) {
        const SlotPlan &slot = slots.at(order.at(n));
        const AssignmentPlan &assignment = b.assignments.at(slot.assignment);
        Core::Record r = b.record(Entity::TimetableException);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"slot_id"_s, slot.id);
        const QDate date = dayOfWeekBetween(b, slot.weekday, b.yearStart, b.yearEnd);
        r.set(u"date"_s, date.toString(Qt::ISODate));
        const double draw = b.rng.unit();
        if (draw < 0.4) {
            r.set(u"kind"_s, u"cancelled"_s);
            r.set(u"note"_s, u"Professeur absent."_s);
        } else if (draw < 0.6) {
            r.set(u"kind"_s, u"moved"_s);
            r.set(u"new_date"_s, date.addDays(b.rng.range(1, 3)).toString(Qt::ISODate));
            r.set(u"new_start_minute"_s, qint64(b.rng.pick(lessonStarts())));
        } else if (draw < 0.85 && b.teachers.size() > 1) {
            int replacement = b.rng.pick(b.teachers);
            while (replacement == assignment.teacher)
                replacement = b.rng.pick(b.teachers);
            r.set(u"kind"_s, u"replaced"_s);
            r.set(u"replacement_teacher_id"_s, b.persons.at(replacement).id);
        } else {
            r.set(u"kind"_s, u"room_changed"_s);
            r.set(u"new_room"_s, b.rng.pick(b.roomNames));
        }
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitTodaysLessons(SchoolBuilder &b, const QList<SlotPlan> &slots)
{
    struct Session
    {
        QString id;
        int assignment;
        qint64 doneAt;
    };
    QList<Session> sessions;
    // Today is in week A; lessons before 15:00 have had their roll call.
    for (const SlotPlan &slot : slots) {
        if (slot.weekday != b.today.dayOfWeek() || slot.pattern == u"week_b"_s)
            continue;
        const AssignmentPlan &assignment = b.assignments.at(slot.assignment);
        Core::Record r = b.record(Entity::LessonSession);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"slot_id"_s, slot.id);
        b.setTaught(r, assignment);
        r.set(u"date"_s, b.today.toString(Qt::ISODate));
        r.set(u"start_minute"_s, qint64(slot.start));
        r.set(u"duration_minutes"_s, qint64(55));
        const qint64 doneAt = slot.start < 15 * 60 ? SchoolBuilder::at(b.today, slot.start + 6) : 0;
        if (doneAt > 0)
            r.set(u"roll_call_done_at"_s, doneAt);
        if (!b.add(r))
            return false;
        sessions.append({r.id(), slot.assignment, doneAt});
        b.sessions.append({r.id(), slot.assignment, slot.start});
    }
    for (const Session &session : sessions) {
        if (session.doneAt == 0)
            continue;
        const AssignmentPlan &assignment = b.assignments.at(session.assignment);
        for (int student : b.studentsOf(assignment)) {
            Core::Record r = b.record(Entity::RollCallEntry);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"session_id"_s, session.id);
            r.set(u"student_id"_s, b.persons.at(student).id);
            const double draw = b.rng.unit();
            r.set(u"status"_s, draw < 0.93 ? u"present"_s : (draw < 0.97 ? u"absent"_s : u"late"_s));
            if (draw >= 0.97)
                r.set(u"minutes_late"_s, b.rng.range(1, 30));
            r.set(u"recorded_by"_s, b.accountIdOf(assignment.teacher));
            r.set(u"recorded_at"_s, session.doneAt);
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

bool emitAbsences(SchoolBuilder &b)
{
    static const QStringList reasons{u"illness"_s,   u"illness"_s, u"medical_appointment"_s, u"family"_s,
                                     u"transport"_s, u"exam"_s,    u"school_activity"_s,     u"other"_s};
    const qint64 total = b.count(30000);
    const QDate lastDay = b.today;
    for (qint64 n = 0; n < total; ++n) {
        const int student = b.rng.pick(b.students);
        const PersonPlan &plan = b.persons.at(student);
        Core::Record r = b.record(Entity::Absence);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"student_id"_s, plan.id);
        const QDate start = b.schoolDayBetween(b.yearStart, lastDay);
        const bool lateness = b.rng.chance(0.15);
        r.set(u"kind"_s, lateness ? u"lateness"_s : u"absence"_s);
        r.set(u"starts_on"_s, start.toString(Qt::ISODate));
        const double shape = b.rng.unit();
        QDate end = start;
        QString startHalf = b.rng.chance(0.6) ? u"morning"_s : u"afternoon"_s;
        QString endHalf = startHalf;
        if (!lateness && shape >= 0.6) {
            startHalf = u"morning"_s;
            endHalf = u"afternoon"_s;
            if (shape >= 0.9)
                end = start.addDays(b.rng.range(1, 4));
        }
        r.set(u"start_half_day"_s, startHalf);
        r.set(u"ends_on"_s, end.toString(Qt::ISODate));
        r.set(u"end_half_day"_s, endHalf);
        if (lateness)
            r.set(u"minutes_late"_s, b.rng.range(3, 45));
        const bool byTeacher = b.rng.chance(0.7);
        const int recorder = byTeacher ? b.randomAccountOf(b.teachers) : b.cpeAccount;
        const qint64 recordedAt = b.timeOn(start, startHalf == u"morning"_s ? 8 * 60 : 13 * 60,
                                           startHalf == u"morning"_s ? 11 * 60 : 16 * 60);
        r.set(u"recorded_by"_s, b.accounts.at(recorder).id);
        r.set(u"recorded_at"_s, recordedAt);
        if (b.rng.chance(0.2))
            r.set(u"comment"_s, b.rng.pick(Names::absenceComments()));

        const double status = b.rng.unit();
        const QString justification = status < 0.15  ? u"pending"_s
                                      : status < 0.3 ? u"submitted"_s
                                      : status < 0.9 ? u"accepted"_s
                                                     : u"refused"_s;
        r.set(u"justification_status"_s, justification);
        r.set(u"reason"_s, justification == u"pending"_s ? u"unknown"_s : b.rng.pick(reasons));
        const bool byGuardian = justification == u"submitted"_s || (justification != u"pending"_s && b.rng.chance(0.8));
        qint64 justifiedAt = recordedAt + b.rng.range(1, 72) * 3600000;
        if (byGuardian && !plan.guardians.isEmpty()) {
            r.set(u"justified_by"_s, b.accountIdOf(plan.guardians.constFirst()));
            r.set(u"justified_at"_s, justifiedAt);
            r.set(u"justification_text"_s, lateness ? u"Retard du bus, désolés."_s
                                                    : u"Notre enfant était souffrant, merci de votre compréhension."_s);
        }
        if (justification == u"submitted"_s && plan.guardians.isEmpty())
            r.set(u"justification_status"_s, u"pending"_s);
        if (justification == u"accepted"_s || justification == u"refused"_s) {
            r.set(u"regularised_by"_s, b.accounts.at(b.cpeAccount).id);
            r.set(u"regularised_at"_s, justifiedAt + b.rng.range(1, 48) * 3600000);
        }
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitNotes(SchoolBuilder &b)
{
    static const QStringList categories{u"information"_s, u"behaviour"_s, u"work"_s, u"meeting_request"_s, u"other"_s};
    const qint64 total = b.count(300);
    for (qint64 n = 0; n < total; ++n) {
        const PersonPlan &student = b.persons.at(b.rng.pick(b.students));
        Core::Record r = b.record(Entity::CorrespondenceNote);
        const int author = b.rng.chance(0.7) ? b.randomAccountOf(b.teachers) : b.cpeAccount;
        const qint64 writtenAt = b.timeOn(b.schoolDayBetween(b.yearStart, b.today), 8 * 60, 18 * 60);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"student_id"_s, student.id);
        r.set(u"author_id"_s, b.accounts.at(author).id);
        r.set(u"category"_s, b.rng.pick(categories));
        r.set(u"subject"_s, b.rng.pick(Names::noteSubjects()));
        r.set(u"body"_s, QString(b.rng.pick(Names::messageSentences()) + u'\n' + b.rng.pick(Names::messageClosings())));
        r.set(u"written_at"_s, writtenAt);
        const bool needsAck = b.rng.chance(0.8);
        r.set(u"requires_acknowledgement"_s, needsAck);
        if (needsAck && !student.guardians.isEmpty() && b.rng.chance(0.7)) {
            r.set(u"acknowledged_by"_s, b.accountIdOf(student.guardians.constFirst()));
            r.set(u"acknowledged_at"_s, writtenAt + b.rng.range(1, 96) * 3600000);
        }
        if (b.rng.chance(0.1))
            b.attachables.append({r.type(), r.id(), author, writtenAt});
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitForms(SchoolBuilder &b)
{
    struct Form
    {
        QString id;
        int schoolClass;
        qint64 createdAt;
    };
    QList<Form> forms;
    const QList<std::pair<QString, QString>> general{
        {u"Droit à l'image 2024-2025"_s, u"J'autorise le lycée à publier des photos de mon enfant prises lors "
                                         "des activités scolaires."_s},
        {u"Charte informatique"_s, u"J'ai lu la charte d'usage des outils numériques du lycée et je "
                                   "m'engage à la respecter."_s}};
    const qint64 classForms = b.count(10);
    for (qint64 n = 0; n < qint64(general.size()) + classForms; ++n) {
        const bool forClass = n >= general.size();
        Core::Record r = b.record(Entity::ConsentForm);
        const int schoolClass = forClass ? int(b.rng.below(std::uint64_t(b.classes.size()))) : -1;
        const QDate created = forClass ? b.schoolDayBetween(b.yearStart, b.today) : b.yearStart;
        const int author = forClass ? b.persons.at(b.rng.pick(b.teachers)).account : b.headAccount;
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"kind"_s, forClass ? u"authorisation"_s : u"consent"_s);
        r.set(u"audience"_s, forClass ? u"class"_s : u"establishment"_s);
        if (forClass)
            r.set(u"class_id"_s, b.classes.at(schoolClass).id);
        r.set(u"title"_s, forClass ? u"Sortie pédagogique : %1"_s.arg(
                              b.rng.pick(QStringList{u"musée du Louvre"_s, u"Cité des sciences"_s,
                                                     u"Assemblée nationale"_s, u"théâtre de l'Odéon"_s}))
                                   : general.at(n).first);
        r.set(u"body"_s, forClass ? u"J'autorise mon enfant à participer à la sortie. Départ du lycée à 8 h 30, "
                                    "retour prévu à 16 h 30."_s
                                  : general.at(n).second);
        r.set(u"due_on"_s, created.addDays(14).toString(Qt::ISODate));
        r.set(u"author_id"_s, b.accounts.at(author).id);
        const qint64 createdAt = SchoolBuilder::at(created, 10 * 60);
        r.set(u"created_at"_s, createdAt);
        if (b.rng.chance(0.5))
            b.attachables.append({r.type(), r.id(), author, createdAt});
        if (!b.add(r))
            return false;
        forms.append({r.id(), schoolClass, createdAt});
    }
    for (const Form &form : forms) {
        const QList<int> &students = form.schoolClass >= 0 ? b.classes.at(form.schoolClass).students : b.students;
        for (int student : students) {
            const PersonPlan &plan = b.persons.at(student);
            if (plan.guardians.isEmpty() || !b.rng.chance(form.schoolClass >= 0 ? 0.8 : 0.6))
                continue;
            Core::Record r = b.record(Entity::ConsentSignature);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"form_id"_s, form.id);
            r.set(u"student_id"_s, plan.id);
            r.set(u"guardian_account_id"_s, b.accountIdOf(b.rng.pick(plan.guardians)));
            const bool granted = b.rng.chance(0.92);
            r.set(u"answer"_s, granted ? u"granted"_s : u"refused"_s);
            r.set(u"signed_at"_s, form.createdAt + b.rng.range(1, 240) * 3600000);
            if (!granted && b.rng.chance(0.5))
                r.set(u"comment"_s, u"Nous préférons ne pas."_s);
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

} // namespace

bool emitSchoolLife(SchoolBuilder &b)
{
    QList<SlotPlan> slots;
    return emitTimetable(b, slots) && emitTodaysLessons(b, slots) && emitAbsences(b) && emitNotes(b) && emitForms(b);
}

} // namespace Cartable::Server
