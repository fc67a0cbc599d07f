#pragma once

// The state shared by the parts of the generator: what was planned before any
// record is written, and the ids later records point at.

#include "prng.h"
#include "referenceschool.h"

#include "core/domain/catalog.h"
#include "core/role.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Cartable::Server {

enum class PersonKind { Student, Guardian, Teacher, Staff, LocalAuthority };

struct PersonPlan
{
    QString id;
    PersonKind kind = PersonKind::Student;
    QString firstName;
    QString lastName;
    bool female = false;
    QDate birthDate;
    QString ine;
    QString email;
    QString phone;
    QString address;
    QString postalCode;
    QString city;
    int account = -1;
    int schoolClass = -1; // students
    QList<int> guardians; // students: person indexes, in contact order
    QList<int> children;  // guardians
    QString relationship; // guardians
};

struct AccountPlan
{
    QString id;
    QString login;
    QString displayName;
    int person = -1;
    // (role, index into BuilderPlan::establishments)
    QList<std::pair<Core::Role, int>> roles;
};

struct ClassPlan
{
    QString id;
    QString code;
    QString name;
    QString level;
    int levelIndex = 0; // 0 seconde, 1 première, 2 terminale
    QList<int> students;
    int mainTeacher = -1;
};

struct GroupPlan
{
    QString id;
    QString code;
    QString name;
    int subject = -1;
    QList<int> classes;
    QList<int> students;
};

struct AssignmentPlan
{
    QString id;
    int teacher = -1; // person index
    int schoolClass = -1;
    int group = -1;
    int subject = -1;
    qint64 hoursPerWeek = 0;
};

struct PeriodPlan
{
    QString id;
    QString name;
    QDate startsOn;
    QDate endsOn;
    bool closed = false;
};

struct SessionPlan
{
    QString id;
    int assignment = -1;
    int start = 0;
};

// A row that files may be attached to.
struct Attachable
{
    QString ownerType;
    QString ownerId;
    int account = -1;
    qint64 at = 0;
};

class SchoolBuilder
{
public:
    SchoolBuilder(const ReferenceSchoolOptions &options, RecordSink &sink);

    // round(base × scale), at least `minimum`.
    qint64 count(double base, qint64 minimum = 1) const { return scaledCount(base, m_options.scale, minimum); }

    // A new record of `type` with a fresh id.
    Core::Record record(const char16_t *type);
    // Sets what a row of a lesson, an evaluation or homework takes from its
    // teaching assignment: the class or group, the subject, the teacher.
    void setTaught(Core::Record &record, const AssignmentPlan &assignment) const;
    // Validates the record and hands it to the sink; false (see status()) on
    // the first failure.
    bool add(const Core::Record &record);
    Core::Status status() const { return m_status; }
    const ReferenceSchoolSummary &summary() const { return m_summary; }

    // Milliseconds since the epoch at a minute of a day (UTC).
    static qint64 at(const QDate &date, int minute);
    // A school day (not a weekend, not in the holidays) between two dates,
    // both included; `from` when there is none.
    QDate schoolDayBetween(const QDate &from, const QDate &to);
    qint64 timeOn(const QDate &date, int firstMinute, int lastMinute);

    const QList<int> &studentsOf(const AssignmentPlan &assignment) const;
    QString accountIdOf(int person) const;
    // A random account of a person of one kind.
    int randomAccountOf(const QList<int> &people);

    Prng rng;

    // The plan.
    QList<QString> establishments;
    QString schoolYearId;
    QDate yearStart;
    QDate yearEnd;
    // The day the data describes: evaluations, absences and messages are
    // before it.
    QDate today;
    QList<PeriodPlan> periods;
    QList<PersonPlan> persons;
    QList<AccountPlan> accounts;
    QList<int> students;
    QList<int> guardians;
    QList<int> teachers;
    QList<int> staff;
    int headAccount = -1;
    int cpeAccount = -1;
    int secretariatAccount = -1;
    QList<QString> subjectIds;
    QList<ClassPlan> classes;
    QList<GroupPlan> groups;
    QList<AssignmentPlan> assignments;
    QList<QString> roomNames;
    QList<QDate> schoolDays;
    QList<SessionPlan> sessions;
    QList<Attachable> attachables;

private:
    ReferenceSchoolOptions m_options;
    RecordSink &m_sink;
    Core::Status m_status;
    ReferenceSchoolSummary m_summary;
    QString m_lastType;
    const Core::EntityDef *m_entity = nullptr;
    qsizetype m_catalogueIndex = -1;
};

// The parts, in the order they run.
void planPeople(SchoolBuilder &builder);
void planClasses(SchoolBuilder &builder);
[[nodiscard]] bool emitOrganisation(SchoolBuilder &builder);
[[nodiscard]] bool emitSchoolLife(SchoolBuilder &builder);
[[nodiscard]] bool emitPedagogy(SchoolBuilder &builder);
[[nodiscard]] bool emitCommunication(SchoolBuilder &builder);

} // namespace Cartable::Server
