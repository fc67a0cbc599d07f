// Who teaches what to whom, and the organisation rows: the establishments,
// their year, people, accounts, classes, groups, enrolments and resources.

#include "core/domain/staffdirectory.h"
#include "core/role.h"
#include "frenchnames.h"
#include "schoolbuilder.h"

#include <QHash>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
namespace Names = ReferenceNames;
namespace Entity = Core::Entity;

namespace {

constexpr int kSpanish = 4;
constexpr int kGerman = 5;

QList<int> classSubjects(int level)
{
    QList<int> subjects{0, 1, 2, 3, 6, 7, 8, 9, 10};
    static const QList<QList<int>> extras{{11, 14}, {12, 14}, {13, 12}};
    return subjects + extras.at(level);
}

void setText(Core::Record &record, const QString &field, const QString &text)
{
    if (!text.isEmpty())
        record.set(field, text);
}

void planGroups(SchoolBuilder &b)
{
    for (int level = 0; level < 3; ++level) {
        QList<int> inLevel;
        for (int k = 0; k < b.classes.size(); ++k) {
            if (b.classes.at(k).levelIndex == level)
                inLevel.append(k);
        }
        for (qsizetype i = 0; i < inLevel.size(); i += 2) {
            const QList<int> pair = inLevel.mid(i, 2);
            QStringList numbers;
            for (int k : pair)
                numbers.append(b.classes.at(k).code.section(u'-', 1));
            const QString prefix = b.classes.at(pair.constFirst()).code.section(u'-', 0, 0);
            GroupPlan spanish{b.rng.uuid(),
                              prefix + u'-' + numbers.join(u'-') + u"-ESP"_s,
                              u"Espagnol LVB %1 %2"_s.arg(prefix, numbers.join(u'-')),
                              kSpanish,
                              pair,
                              {}};
            GroupPlan german{b.rng.uuid(),
                             prefix + u'-' + numbers.join(u'-') + u"-ALL"_s,
                             u"Allemand LVB %1 %2"_s.arg(prefix, numbers.join(u'-')),
                             kGerman,
                             pair,
                             {}};
            for (int k : pair) {
                for (int student : b.classes.at(k).students)
                    (b.rng.chance(0.6) ? spanish : german).students.append(student);
            }
            // Neither group is left empty while there are students to share.
            if (german.students.isEmpty() && spanish.students.size() > 1)
                german.students.append(spanish.students.takeLast());
            if (spanish.students.isEmpty() && german.students.size() > 1)
                spanish.students.append(german.students.takeLast());
            b.groups.append(spanish);
            b.groups.append(german);
        }
    }
}

void planAssignments(SchoolBuilder &b)
{
    const QList<Names::SubjectInfo> &subjects = Names::subjects();
    QList<AssignmentPlan> planned;
    for (int k = 0; k < b.classes.size(); ++k) {
        for (int subject : classSubjects(b.classes.at(k).levelIndex))
            planned.append({QString(), -1, k, -1, subject, subjects.at(subject).hoursPerWeek});
    }
    for (int g = 0; g < b.groups.size(); ++g) {
        const int subject = b.groups.at(g).subject;
        planned.append({QString(), -1, -1, g, subject, subjects.at(subject).hoursPerWeek});
    }
    std::stable_sort(planned.begin(), planned.end(),
                     [](const AssignmentPlan &a, const AssignmentPlan &c) { return a.subject < c.subject; });
    // Contiguous shares: most teachers teach one subject to several classes.
    const qsizetype count = planned.size();
    const qsizetype teacherCount = b.teachers.size();
    for (qsizetype i = 0; i < count; ++i) {
        planned[i].id = b.rng.uuid();
        planned[i].teacher = b.teachers.at(std::min(teacherCount - 1, i * teacherCount / count));
        if (planned[i].schoolClass >= 0 && planned[i].subject == 0)
            b.classes[planned[i].schoolClass].mainTeacher = planned[i].teacher;
    }
    b.assignments = planned;
}

void planRooms(SchoolBuilder &b)
{
    const qint64 rooms = b.count(40);
    for (qint64 r = 0; r < rooms; ++r) {
        const QChar building = QChar(char16_t(u'A' + r % 3));
        b.roomNames.append(u"%1%2%3"_s.arg(building).arg(1 + (r / 3) % 3).arg(r / 9 + 1, 2, 10, QChar(u'0')));
    }
}

bool emitEstablishments(SchoolBuilder &b)
{
    struct Info
    {
        QString uai, name, kind, address, postalCode;
    };
    const QList<Info> infos{
        {u"0751234J"_s, u"Lycée Victor-Hugo"_s, u"lycee"_s, u"12 rue des Écoles"_s, u"75005"_s},
        {u"0755678P"_s, u"Collège Jean-Moulin"_s, u"college"_s, u"4 rue Jean-Moulin"_s, u"75014"_s},
    };
    for (qsizetype e = 0; e < infos.size(); ++e) {
        Core::Record r(QString::fromUtf16(Entity::Establishment), b.establishments.at(e));
        r.set(u"uai"_s, infos.at(e).uai);
        r.set(u"name"_s, infos.at(e).name);
        r.set(u"kind"_s, infos.at(e).kind);
        r.set(u"address"_s, infos.at(e).address);
        r.set(u"postal_code"_s, infos.at(e).postalCode);
        r.set(u"city"_s, u"Paris"_s);
        r.set(u"academy"_s, u"Paris"_s);
        r.set(u"broadcast_roles"_s, u"head,vie_scolaire,secretariat"_s);
        if (!b.add(r))
            return false;
    }
    Core::Record year(QString::fromUtf16(Entity::SchoolYear), b.schoolYearId);
    year.set(u"establishment_id"_s, b.establishments.at(0));
    year.set(u"label"_s, u"2024-2025"_s);
    year.set(u"starts_on"_s, b.yearStart.toString(Qt::ISODate));
    year.set(u"ends_on"_s, b.yearEnd.toString(Qt::ISODate));
    if (!b.add(year))
        return false;
    for (qsizetype p = 0; p < b.periods.size(); ++p) {
        const PeriodPlan &plan = b.periods.at(p);
        Core::Record r(QString::fromUtf16(Entity::Period), plan.id);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"school_year_id"_s, b.schoolYearId);
        r.set(u"name"_s, plan.name);
        r.set(u"kind"_s, u"trimester"_s);
        r.set(u"number"_s, qint64(p + 1));
        r.set(u"starts_on"_s, plan.startsOn.toString(Qt::ISODate));
        r.set(u"ends_on"_s, plan.endsOn.toString(Qt::ISODate));
        r.set(u"closed"_s, plan.closed);
        if (plan.closed) {
            r.set(u"closed_at"_s, SchoolBuilder::at(plan.endsOn.addDays(7), 17 * 60));
            r.set(u"closed_by"_s, b.accounts.at(b.headAccount).id);
        }
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitPeopleAndAccounts(SchoolBuilder &b)
{
    // The rows the staff directory is made from, for the staff only.
    QHash<QString, Core::Record> staffPeople;
    QHash<QString, Core::Record> staffAccounts;
    QList<Core::Record> staffRoles;
    for (const PersonPlan &person : b.persons) {
        Core::Record r(QString::fromUtf16(Entity::Person), person.id);
        r.set(u"last_name"_s, person.lastName);
        r.set(u"first_name"_s, person.firstName);
        if (person.birthDate.isValid())
            r.set(u"birth_date"_s, person.birthDate.toString(Qt::ISODate));
        setText(r, u"ine"_s, person.ine);
        r.set(u"sex"_s, person.female ? u"f"_s : u"m"_s);
        setText(r, u"email"_s, person.email);
        setText(r, u"phone"_s, person.phone);
        setText(r, u"address"_s, person.address);
        setText(r, u"postal_code"_s, person.postalCode);
        setText(r, u"city"_s, person.city);
        if (person.kind == PersonKind::Teacher || person.kind == PersonKind::Staff)
            staffPeople.insert(person.id, r);
        if (!b.add(r))
            return false;
    }
    const qint64 createdAt = SchoolBuilder::at(QDate(2024, 8, 26), 8 * 60);
    for (qsizetype a = 0; a < b.accounts.size(); ++a) {
        const AccountPlan &account = b.accounts.at(a);
        Core::Record r(QString::fromUtf16(Entity::Account), account.id);
        r.set(u"login"_s, account.login);
        r.set(u"display_name"_s, account.displayName);
        r.set(u"person_id"_s, b.persons.at(account.person).id);
        r.set(u"must_change_password"_s, false);
        r.set(u"disabled"_s, false);
        r.set(u"created_at"_s, createdAt + a * 1000);
        if (staffPeople.contains(b.persons.at(account.person).id))
            staffAccounts.insert(r.text(u"person_id"_s), r);
        if (!b.add(r))
            return false;
    }
    for (const AccountPlan &account : b.accounts) {
        for (const auto &[role, establishment] : account.roles) {
            Core::Record r = b.record(Entity::AccountRole);
            r.set(u"account_id"_s, account.id);
            r.set(u"establishment_id"_s, b.establishments.at(establishment));
            r.set(u"role"_s, Core::roleCode(role));
            if (Core::isStaffRole(role))
                staffRoles.append(r);
            if (!b.add(r))
                return false;
        }
    }
    // What the server keeps of them for everyone to read.
    for (const PersonPlan &person : b.persons) {
        const auto found = staffPeople.constFind(person.id);
        if (found == staffPeople.cend() || !staffAccounts.contains(person.id))
            continue;
        for (const Core::Record &member :
             Core::staffDirectoryRows(*found, {staffAccounts.value(person.id)}, staffRoles)) {
            if (!b.add(member))
                return false;
        }
    }
    for (int guardian : b.guardians) {
        const PersonPlan &plan = b.persons.at(guardian);
        for (int child : plan.children) {
            Core::Record r = b.record(Entity::GuardianLink);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"guardian_id"_s, plan.id);
            r.set(u"student_id"_s, b.persons.at(child).id);
            r.set(u"relationship"_s, plan.relationship);
            r.set(u"legal_responsibility"_s, plan.relationship != u"guardian"_s || b.rng.chance(0.5));
            r.set(u"contact_order"_s, qint64(b.persons.at(child).guardians.indexOf(guardian) + 1));
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

bool emitClassesAndGroups(SchoolBuilder &b)
{
    const QList<Names::SubjectInfo> &subjects = Names::subjects();
    for (const Names::SubjectInfo &info : subjects) {
        Core::Record r = b.record(Entity::Subject);
        b.subjectIds.append(r.id());
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"code"_s, info.code);
        r.set(u"name"_s, info.name);
        r.set(u"default_coefficient"_s, info.coefficient);
        r.set(u"colour"_s, info.colour);
        if (!b.add(r))
            return false;
    }
    for (const ClassPlan &plan : b.classes) {
        Core::Record r(QString::fromUtf16(Entity::SchoolClass), plan.id);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"school_year_id"_s, b.schoolYearId);
        r.set(u"code"_s, plan.code);
        r.set(u"name"_s, plan.name);
        r.set(u"level"_s, plan.level);
        if (plan.mainTeacher >= 0)
            r.set(u"main_teacher_id"_s, b.persons.at(plan.mainTeacher).id);
        if (!b.add(r))
            return false;
    }
    for (const GroupPlan &plan : b.groups) {
        Core::Record r(QString::fromUtf16(Entity::TeachingGroup), plan.id);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"school_year_id"_s, b.schoolYearId);
        r.set(u"code"_s, plan.code);
        r.set(u"name"_s, plan.name);
        if (!b.add(r))
            return false;
    }
    for (const ClassPlan &plan : b.classes) {
        for (qsizetype s = 0; s < plan.students.size(); ++s) {
            Core::Record r = b.record(Entity::ClassMembership);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"student_id"_s, b.persons.at(plan.students.at(s)).id);
            r.set(u"class_id"_s, plan.id);
            r.set(u"starts_on"_s, b.yearStart.toString(Qt::ISODate));
            // Each class elects two delegates; the first two on its list.
            r.set(u"delegate"_s, s < 2);
            if (!b.add(r))
                return false;
        }
    }
    for (const GroupPlan &plan : b.groups) {
        for (int student : plan.students) {
            Core::Record r = b.record(Entity::GroupMembership);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"student_id"_s, b.persons.at(student).id);
            r.set(u"group_id"_s, plan.id);
            if (!b.add(r))
                return false;
        }
    }
    for (const AssignmentPlan &plan : b.assignments) {
        Core::Record r(QString::fromUtf16(Entity::TeachingAssignment), plan.id);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"teacher_id"_s, b.persons.at(plan.teacher).id);
        if (plan.group >= 0)
            r.set(u"group_id"_s, b.groups.at(plan.group).id);
        else
            r.set(u"class_id"_s, b.classes.at(plan.schoolClass).id);
        r.set(u"subject_id"_s, b.subjectIds.at(plan.subject));
        r.set(u"hours_per_week"_s, plan.hoursPerWeek);
        if (!b.add(r))
            return false;
    }
    return true;
}

bool emitEnrolments(SchoolBuilder &b)
{
    QList<int> groupOf(b.persons.size(), -1);
    for (int g = 0; g < b.groups.size(); ++g) {
        for (int student : b.groups.at(g).students)
            groupOf[student] = g;
    }
    for (int student : b.students) {
        const PersonPlan &plan = b.persons.at(student);
        QList<std::pair<int, int>> followed; // (subject, group)
        for (int subject : classSubjects(b.classes.at(plan.schoolClass).levelIndex))
            followed.append({subject, -1});
        const int group = groupOf.at(student);
        followed.append({group >= 0 ? b.groups.at(group).subject : kSpanish, group});
        for (const auto &[subject, g] : followed) {
            Core::Record r = b.record(Entity::Enrolment);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"school_year_id"_s, b.schoolYearId);
            r.set(u"student_id"_s, plan.id);
            r.set(u"subject_id"_s, b.subjectIds.at(subject));
            if (g >= 0)
                r.set(u"group_id"_s, b.groups.at(g).id);
            if (!b.add(r))
                return false;
        }
    }
    return true;
}

bool emitResources(SchoolBuilder &b)
{
    QList<std::pair<QString, bool>> bookable; // (resource id, equipment)
    for (const QString &room : b.roomNames) {
        Core::Record r = b.record(Entity::Resource);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"kind"_s, u"room"_s);
        r.set(u"name"_s, QString(u"Salle "_s + room));
        r.set(u"capacity"_s, qint64(b.rng.chance(0.2) ? 18 : 35));
        r.set(u"location"_s, u"Bâtiment %1, étage %2"_s.arg(room.at(0)).arg(room.at(1)));
        const bool canBook = b.rng.chance(0.3);
        r.set(u"bookable"_s, canBook);
        if (canBook)
            bookable.append({r.id(), false});
        if (!b.add(r))
            return false;
    }
    const QList<std::pair<QString, qint64>> equipment{{u"Chariot d'ordinateurs portables n° %1"_s, b.count(3)},
                                                      {u"Vidéoprojecteur mobile n° %1"_s, b.count(2)}};
    for (const auto &[name, count] : equipment) {
        for (qint64 n = 1; n <= count; ++n) {
            Core::Record r = b.record(Entity::Resource);
            r.set(u"establishment_id"_s, b.establishments.at(0));
            r.set(u"kind"_s, u"equipment"_s);
            r.set(u"name"_s, name.arg(n));
            r.set(u"location"_s, u"CDI"_s);
            r.set(u"bookable"_s, true);
            bookable.append({r.id(), true});
            if (!b.add(r))
                return false;
        }
    }
    static const QStringList purposes{u"Travaux pratiques"_s, u"Projection d'un film"_s, u"Évaluation en ligne"_s,
                                      u"Réunion de l'équipe pédagogique"_s, u"Atelier d'écriture"_s};
    const qint64 bookings = b.count(200);
    for (qint64 n = 0; n < bookings; ++n) {
        const auto &[resource, isEquipment] = b.rng.pick(bookable);
        Core::Record r = b.record(Entity::Booking);
        r.set(u"establishment_id"_s, b.establishments.at(0));
        r.set(u"resource_id"_s, resource);
        r.set(u"booked_by"_s, b.accountIdOf(b.rng.pick(b.teachers)));
        r.set(u"date"_s, b.schoolDayBetween(b.yearStart, b.yearEnd).toString(Qt::ISODate));
        const qint64 start = 8 * 60 + 60 * b.rng.range(0, 8);
        r.set(u"start_minute"_s, start);
        r.set(u"end_minute"_s, start + (isEquipment || b.rng.chance(0.5) ? 55 : 115));
        r.set(u"purpose"_s, b.rng.pick(purposes));
        if (!b.add(r))
            return false;
    }
    return true;
}

} // namespace

void planClasses(SchoolBuilder &b)
{
    planGroups(b);
    planAssignments(b);
    planRooms(b);
}

bool emitOrganisation(SchoolBuilder &b)
{
    return emitEstablishments(b) && emitPeopleAndAccounts(b) && emitClassesAndGroups(b) && emitEnrolments(b)
           && emitResources(b);
}

} // namespace Cartable::Server
