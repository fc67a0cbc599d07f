// The people of the reference school: classes and their students, families
// and guardians, teachers, staff, and everyone's account.

#include "frenchnames.h"
#include "schoolbuilder.h"

#include "server/demodata.h"

#include <QSet>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Role;
namespace Names = ReferenceNames;

namespace {

struct Place
{
    QString city;
    QString postalCode;
};

const QList<Place> &places()
{
    static const QList<Place> list{
        {u"Paris"_s, u"75005"_s},       {u"Paris"_s, u"75005"_s},          {u"Paris"_s, u"75013"_s},
        {u"Paris"_s, u"75014"_s},       {u"Montreuil"_s, u"93100"_s},      {u"Vincennes"_s, u"94300"_s},
        {u"Saint-Mandé"_s, u"94160"_s}, {u"Ivry-sur-Seine"_s, u"94200"_s},
    };
    return list;
}

QString phoneNumber(Prng &rng, bool mobile)
{
    QString number = mobile ? (rng.chance(0.5) ? u"06"_s : u"07"_s) : u"01"_s;
    for (int pair = 0; pair < 4; ++pair)
        number += u' ' + u"%1"_s.arg(rng.below(100), 2, 10, QChar(u'0'));
    return number;
}

QDate birthDate(Prng &rng, int year)
{
    return QDate(year, 1, 1).addDays(qint64(rng.below(365)));
}

int addPerson(SchoolBuilder &b, PersonKind kind, const QString &first, const QString &last, bool female)
{
    PersonPlan person;
    person.id = b.rng.uuid();
    person.kind = kind;
    person.firstName = first;
    person.lastName = last;
    person.female = female;
    b.persons.append(person);
    return int(b.persons.size() - 1);
}

QString randomFirstName(Prng &rng, bool female)
{
    return rng.pick(female ? Names::femaleFirstNames() : Names::maleFirstNames());
}

void planClassSkeletons(SchoolBuilder &b)
{
    static const QStringList codes{u"2DE"_s, u"1RE"_s, u"TLE"_s};
    static const QStringList names{u"Seconde"_s, u"Première"_s, u"Terminale"_s};
    static const QStringList levels{u"seconde"_s, u"premiere"_s, u"terminale"_s};
    const qint64 classCount = b.count(50);
    int numbers[3] = {0, 0, 0};
    for (qint64 k = 0; k < classCount; ++k) {
        ClassPlan plan;
        plan.id = b.rng.uuid();
        plan.levelIndex = int(k * 3 / classCount);
        const int number = ++numbers[plan.levelIndex];
        plan.code = codes.at(plan.levelIndex) + u'-' + QString::number(number);
        plan.name = names.at(plan.levelIndex) + u' ' + QString::number(number);
        plan.level = levels.at(plan.levelIndex);
        b.classes.append(plan);
    }
}

// Families of one or two children with one or two guardians, so that the
// numbers of students and guardians are exactly the scaled ones.
void planFamilies(SchoolBuilder &b)
{
    const qint64 studentCount = b.count(1500, 2);
    const qint64 classCount = b.classes.size();
    QList<int> seats; // the class of each student to come
    for (qint64 k = 0; k < classCount; ++k) {
        const qint64 size = (k + 1) * studentCount / classCount - k * studentCount / classCount;
        for (qint64 i = 0; i < size; ++i)
            seats.append(int(k));
    }
    b.rng.shuffle(seats);

    qint64 guardianCount = b.count(2600);
    qint64 pairs = std::max<qint64>(1, std::min(std::llround(double(studentCount) * 0.07),
                                                studentCount - (guardianCount + 1) / 2));
    pairs = std::min(pairs, studentCount / 2);
    const qint64 familyCount = studentCount - pairs;
    guardianCount = std::clamp(guardianCount, familyCount, 2 * familyCount);
    const qint64 twoGuardians = guardianCount - familyCount;

    // Family 0 is the Dubois family of the demo: two children, two guardians
    // when there are any.
    QList<bool> pairFlags(familyCount - 1, false);
    for (qint64 i = 0; i < pairs - 1; ++i)
        pairFlags[i] = true;
    b.rng.shuffle(pairFlags);
    pairFlags.prepend(true);
    QList<bool> twoFlags(familyCount - 1, false);
    for (qint64 i = 0; i < twoGuardians - 1; ++i)
        twoFlags[i] = true;
    b.rng.shuffle(twoFlags);
    twoFlags.prepend(twoGuardians > 0);

    const std::uint64_t ineBase = 100000000 + b.rng.below(800000000);
    qsizetype seat = 0;
    QList<std::pair<int, bool>> pendingGuardians; // (family's first child, two guardians)
    QList<QList<int>> families;
    for (qint64 f = 0; f < familyCount; ++f) {
        const bool demo = f == 0;
        const QString lastName = demo ? u"Dubois"_s : b.rng.pick(Names::lastNames());
        const Place &place = b.rng.pick(places());
        const QString address = u"%1 %2"_s.arg(b.rng.range(1, 120)).arg(b.rng.pick(Names::streets()));
        QList<int> children;
        for (int c = 0; c < (pairFlags.at(f) ? 2 : 1); ++c) {
            const bool female = demo ? c == 1 : b.rng.chance(0.5);
            const QString first = demo ? (c == 0 ? u"Léo"_s : u"Emma"_s) : randomFirstName(b.rng, female);
            const int index = addPerson(b, PersonKind::Student, first, lastName, female);
            PersonPlan &student = b.persons[index];
            student.schoolClass = seats.at(seat++);
            const int level = b.classes.at(student.schoolClass).levelIndex;
            student.birthDate = birthDate(b.rng, 2009 - level - (b.rng.chance(0.08) ? 1 : 0));
            const std::uint64_t number = 1000000000ULL + ineBase + std::uint64_t(b.students.size());
            student.ine = QString::number(number) + QChar(char16_t(u'A' + number % 26));
            student.address = address;
            student.postalCode = place.postalCode;
            student.city = place.city;
            b.classes[student.schoolClass].students.append(index);
            b.students.append(index);
            children.append(index);
        }
        families.append(children);
        pendingGuardians.append({int(f), twoFlags.at(f)});
    }

    // Guardians after all students, so that person rows read in blocks.
    for (const auto &[family, two] : pendingGuardians) {
        const QList<int> &children = families.at(family);
        const PersonPlan child = b.persons.at(children.constFirst());
        const bool demo = family == 0;
        QList<std::pair<QString, bool>> roles; // (relationship, female)
        if (demo || two) {
            roles = {{u"mother"_s, true}, {u"father"_s, false}};
            if (!two)
                roles.removeLast();
        } else {
            const double draw = b.rng.unit();
            roles = {draw < 0.6   ? std::pair{u"mother"_s, true}
                     : draw < 0.9 ? std::pair{u"father"_s, false}
                                  : std::pair{u"guardian"_s, b.rng.chance(0.5)}};
        }
        for (const auto &[relationship, female] : roles) {
            const QString first = demo && female ? u"Sophie"_s : randomFirstName(b.rng, female);
            const QString last = female && !demo && b.rng.chance(0.3) ? b.rng.pick(Names::lastNames()) : child.lastName;
            const int index = addPerson(b, PersonKind::Guardian, first, last, female);
            PersonPlan &guardian = b.persons[index];
            guardian.relationship = relationship;
            guardian.birthDate = birthDate(b.rng, int(b.rng.range(1968, 1988)));
            guardian.phone = phoneNumber(b.rng, true);
            guardian.address = child.address;
            guardian.postalCode = child.postalCode;
            guardian.city = child.city;
            guardian.children = children;
            for (int c : children)
                b.persons[c].guardians.append(index);
            b.guardians.append(index);
        }
    }
}

void planStaff(SchoolBuilder &b)
{
    const qint64 teacherCount = b.count(120);
    for (qint64 t = 0; t < teacherCount; ++t) {
        const bool female = t == 0 || b.rng.chance(0.6);
        const int index = t == 0 ? addPerson(b, PersonKind::Teacher, u"Claire"_s, u"Martin"_s, true)
                                 : addPerson(b, PersonKind::Teacher, randomFirstName(b.rng, female),
                                             b.rng.pick(Names::lastNames()), female);
        b.persons[index].phone = phoneNumber(b.rng, true);
        b.teachers.append(index);
    }
    const qint64 staffCount = b.count(10, 3);
    const QList<std::pair<QString, QString>> named{{u"Nathalie"_s, u"Bernard"_s},
                                                   {u"Julien"_s, u"Petit"_s},
                                                   {u"Isabelle"_s, u"Leroy"_s}};
    for (qint64 s = 0; s < staffCount; ++s) {
        const bool female = s < 3 ? s != 1 : b.rng.chance(0.6);
        const int index = s < 3 ? addPerson(b, PersonKind::Staff, named.at(s).first, named.at(s).second, female)
                                : addPerson(b, PersonKind::Staff, randomFirstName(b.rng, female),
                                            b.rng.pick(Names::lastNames()), female);
        b.persons[index].phone = phoneNumber(b.rng, false);
        b.staff.append(index);
    }
    addPerson(b, PersonKind::LocalAuthority, u"Marc"_s, u"Moreau"_s, false);
}

Role staffRole(qsizetype index)
{
    static const QList<Role> roles{Role::Secretariat, Role::VieScolaire, Role::Head,        Role::VieScolaire,
                                   Role::Secretariat, Role::Head,        Role::VieScolaire, Role::Secretariat};
    return roles.at(index % roles.size());
}

void planAccounts(SchoolBuilder &b)
{
    const QList<DemoAccount> demos = demoAccounts();
    const int authority = int(b.persons.size() - 1);
    // The person each demo account belongs to, in demoAccounts() order.
    const QList<int> demoPeople{b.teachers.at(0), b.persons.at(b.students.at(0)).guardians.at(0),
                                b.students.at(0), b.students.at(1),
                                b.staff.at(0),    b.staff.at(1),
                                b.staff.at(2),    authority};
    QSet<QString> logins;
    for (const DemoAccount &demo : demos)
        logins.insert(demo.login);

    for (int p = 0; p < b.persons.size(); ++p) {
        PersonPlan &person = b.persons[p];
        AccountPlan account;
        account.person = p;
        const qsizetype demo = demoPeople.indexOf(p);
        if (demo >= 0) {
            account.id = demoAccountId(int(demo) + 1);
            account.login = demos.at(demo).login;
            account.displayName = demos.at(demo).displayName;
            account.roles = demos.at(demo).roles;
        } else {
            account.id = b.rng.uuid();
            const QString base = Names::asciiFold(person.firstName) + u'.' + Names::asciiFold(person.lastName);
            QString login = base;
            for (int n = 2; logins.contains(login); ++n)
                login = base + QString::number(n);
            logins.insert(login);
            account.login = login;
            account.displayName = person.firstName + u' ' + person.lastName;
            switch (person.kind) {
            case PersonKind::Student:
                account.roles = {{Role::Student, 0}};
                break;
            case PersonKind::Guardian:
                account.roles = {{Role::Guardian, 0}};
                break;
            case PersonKind::Teacher:
                account.roles = {{Role::Teacher, 0}};
                break;
            case PersonKind::Staff:
                account.roles = {{staffRole(b.staff.indexOf(p)), 0}};
                break;
            case PersonKind::LocalAuthority:
                account.roles = {{Role::LocalAuthority, 0}};
                break;
            }
        }
        const QString mailbox = Names::asciiFold(person.firstName) + u'.' + Names::asciiFold(person.lastName);
        if (person.kind == PersonKind::Guardian)
            person.email = mailbox + u"@famille.example"_s;
        else if (person.kind == PersonKind::Teacher || person.kind == PersonKind::Staff)
            person.email = mailbox + u"@victor-hugo.example"_s;
        else if (person.kind == PersonKind::LocalAuthority)
            person.email = mailbox + u"@paris.example"_s;
        for (const auto &[role, establishment] : account.roles) {
            if (role == Role::Head && b.headAccount < 0)
                b.headAccount = int(b.accounts.size());
            if (role == Role::VieScolaire && b.cpeAccount < 0)
                b.cpeAccount = int(b.accounts.size());
            if (role == Role::Secretariat && b.secretariatAccount < 0)
                b.secretariatAccount = int(b.accounts.size());
        }
        person.account = int(b.accounts.size());
        b.accounts.append(account);
    }
}

} // namespace

void planPeople(SchoolBuilder &b)
{
    for (const Core::Establishment &establishment : demoEstablishments())
        b.establishments.append(establishment.id);
    b.schoolYearId = b.rng.uuid();
    b.periods = {
        {b.rng.uuid(), u"Trimestre 1"_s, QDate(2024, 9, 2), QDate(2024, 11, 29), true},
        {b.rng.uuid(), u"Trimestre 2"_s, QDate(2024, 12, 2), QDate(2025, 3, 7), false},
        {b.rng.uuid(), u"Trimestre 3"_s, QDate(2025, 3, 10), QDate(2025, 7, 4), false},
    };
    planClassSkeletons(b);
    planFamilies(b);
    planStaff(b);
    planAccounts(b);
}

} // namespace Cartable::Server
