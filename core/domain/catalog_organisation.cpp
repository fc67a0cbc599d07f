// The establishment, its year and periods, people, accounts, classes, groups
// and who teaches what to whom.

#include "catalog.h"
#include "core/role.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;
using namespace Fields;

namespace {

QStringList roleCodes()
{
    QStringList codes;
    for (Role role : allRoles())
        codes.append(roleCode(role));
    return codes;
}

// The establishment every scoped row belongs to; servers partition by it.
FieldDef establishmentRef()
{
    return ref(u"establishment_id"_s, QString::fromUtf16(Entity::Establishment));
}

EntityDef establishment()
{
    FieldDef kind = enumeration(u"kind"_s, {u"ecole"_s, u"college"_s, u"lycee"_s, u"lycee_professionnel"_s});
    kind.defaultValue = u"lycee"_s;
    // The staff roles that may address students and families at large
    // (docs/POLICY.md, "Who may write to whom"); the head sets it.
    FieldDef broadcastRoles = text(u"broadcast_roles"_s, 100);
    broadcastRoles.defaultValue = u"head,vie_scolaire,secretariat"_s;
    broadcastRoles.since = 3;
    return {
        u"establishment"_s,
        u"organisation"_s,
        u"A school, known nationally by its UAI (RNE) code."_s,
        {
            text(u"uai"_s, 8, FieldFormat::Uai),
            text(u"name"_s, 200),
            kind,
            optText(u"address"_s, 300),
            optText(u"postal_code"_s, 5, FieldFormat::PostalCode),
            optText(u"city"_s, 100),
            optText(u"academy"_s, 100),
            broadcastRoles,
        },
        {},
        {{u"uai"_s}},
    };
}

EntityDef schoolYear()
{
    return {
        u"school_year"_s,
        u"organisation"_s,
        u"A school year of an establishment, such as 2024-2025."_s,
        {
            establishmentRef(),
            text(u"label"_s, 9, FieldFormat::SchoolYear),
            date(u"starts_on"_s),
            date(u"ends_on"_s),
        },
        {notBefore(u"school_year.ends_after_start"_s, u"ends_on"_s, u"starts_on"_s)},
        {{u"establishment_id"_s, u"label"_s}},
    };
}

EntityDef period()
{
    return {
        u"period"_s,
        u"organisation"_s,
        u"A trimester or semester; a closed period refuses grade changes."_s,
        {
            establishmentRef(),
            ref(u"school_year_id"_s, u"school_year"_s),
            text(u"name"_s, 60),
            enumeration(u"kind"_s, {u"trimester"_s, u"semester"_s}),
            integer(u"number"_s, 1, 3),
            date(u"starts_on"_s),
            date(u"ends_on"_s),
            boolean(u"closed"_s),
            optTimestamp(u"closed_at"_s),
            optRef(u"closed_by"_s, u"account"_s),
        },
        {
            notBefore(u"period.ends_after_start"_s, u"ends_on"_s, u"starts_on"_s),
            forbiddenWhen(u"period.closed_at_when_open"_s, u"closed_at"_s, u"closed"_s, {u"false"_s}),
        },
        {{u"school_year_id"_s, u"kind"_s, u"number"_s}},
    };
}

EntityDef person()
{
    return {
        u"person"_s,
        u"organisation"_s,
        u"A student, a guardian or a member of staff. Not tied to one establishment: a teacher may work in "
        "two."_s,
        {
            text(u"last_name"_s, 100),
            text(u"first_name"_s, 100),
            optDate(u"birth_date"_s),
            optText(u"ine"_s, 11, FieldFormat::Ine),
            optEnumeration(u"sex"_s, {u"f"_s, u"m"_s}),
            optText(u"email"_s, 254, FieldFormat::Email),
            optText(u"phone"_s, 20, FieldFormat::Phone),
            optText(u"address"_s, 300),
            optText(u"postal_code"_s, 5, FieldFormat::PostalCode),
            optText(u"city"_s, 100),
        },
        {},
        {{u"ine"_s}},
    };
}

EntityDef account()
{
    FieldDef mustChange = boolean(u"must_change_password"_s);
    FieldDef disabled = boolean(u"disabled"_s);
    FieldDef createdAt = timestamp(u"created_at"_s);
    createdAt.defaultValue = qint64(0);
    return {
        u"account"_s,
        u"organisation"_s,
        u"A sign-in of a person. Its password hash never leaves the server."_s,
        {
            text(u"login"_s, 64, FieldFormat::Login),
            text(u"display_name"_s, 200),
            optRef(u"person_id"_s, u"person"_s),
            mustChange,
            disabled,
            createdAt,
        },
        {},
        {{u"login"_s}},
    };
}

EntityDef accountRole()
{
    return {
        u"account_role"_s,
        u"organisation"_s,
        u"A role that an account holds in an establishment; one account may hold several."_s,
        {
            ref(u"account_id"_s, u"account"_s),
            establishmentRef(),
            enumeration(u"role"_s, roleCodes()),
        },
        {},
        {{u"account_id"_s, u"establishment_id"_s, u"role"_s}},
    };
}

EntityDef guardianLink()
{
    return {
        u"guardian_link"_s,
        u"organisation"_s,
        u"A guardian of a student; only a link with legal responsibility gives access to the student's "
        "record."_s,
        {
            establishmentRef(),
            ref(u"guardian_id"_s, u"person"_s),
            ref(u"student_id"_s, u"person"_s),
            enumeration(u"relationship"_s, {u"mother"_s, u"father"_s, u"guardian"_s, u"other"_s}),
            boolean(u"legal_responsibility"_s, true),
            integer(u"contact_order"_s, 1, 9),
        },
        {},
        {{u"guardian_id"_s, u"student_id"_s}},
    };
}

EntityDef subject()
{
    return {
        u"subject"_s,
        u"organisation"_s,
        u"A subject taught in the establishment, with its default coefficient in general averages."_s,
        {
            establishmentRef(),
            text(u"code"_s, 12, FieldFormat::Code),
            text(u"name"_s, 100),
            hundredths(u"default_coefficient"_s, 0, 10000),
            optText(u"colour"_s, 7, FieldFormat::Colour),
        },
        {},
        {{u"establishment_id"_s, u"code"_s}},
    };
}

EntityDef schoolClass()
{
    return {
        u"school_class"_s,
        u"organisation"_s,
        u"A class (division) of a school year, such as 2nde 3."_s,
        {
            establishmentRef(),
            ref(u"school_year_id"_s, u"school_year"_s),
            text(u"code"_s, 20, FieldFormat::Code),
            text(u"name"_s, 100),
            enumeration(u"level"_s, {u"sixieme"_s, u"cinquieme"_s, u"quatrieme"_s, u"troisieme"_s, u"seconde"_s,
                                     u"premiere"_s, u"terminale"_s, u"other"_s}),
            optRef(u"main_teacher_id"_s, u"person"_s),
        },
        {},
        {{u"school_year_id"_s, u"code"_s}},
    };
}

EntityDef teachingGroup()
{
    return {
        u"teaching_group"_s,
        u"organisation"_s,
        u"A group of students taught together across or within classes (a language group, an option)."_s,
        {
            establishmentRef(),
            ref(u"school_year_id"_s, u"school_year"_s),
            text(u"code"_s, 20, FieldFormat::Code),
            text(u"name"_s, 100),
        },
        {},
        {{u"school_year_id"_s, u"code"_s}},
    };
}

EntityDef classMembership()
{
    // A class delegate, whom the students of his class may write to.
    FieldDef delegate = boolean(u"delegate"_s);
    delegate.since = 3;
    return {
        u"class_membership"_s,
        u"organisation"_s,
        u"A student in a class, possibly for part of the year."_s,
        {
            establishmentRef(),
            ref(u"student_id"_s, u"person"_s),
            ref(u"class_id"_s, u"school_class"_s),
            optDate(u"starts_on"_s),
            optDate(u"ends_on"_s),
            delegate,
        },
        {notBefore(u"class_membership.ends_after_start"_s, u"ends_on"_s, u"starts_on"_s)},
        {{u"student_id"_s, u"class_id"_s}},
    };
}

EntityDef groupMembership()
{
    return {
        u"group_membership"_s,
        u"organisation"_s,
        u"A student in a teaching group."_s,
        {
            establishmentRef(),
            ref(u"student_id"_s, u"person"_s),
            ref(u"group_id"_s, u"teaching_group"_s),
        },
        {},
        {{u"student_id"_s, u"group_id"_s}},
    };
}

EntityDef teachingAssignment()
{
    return {
        u"teaching_assignment"_s,
        u"organisation"_s,
        u"A teacher teaching a subject to a class or a group: what makes a teacher the author of its "
        "evaluations, roll calls and lessons."_s,
        {
            establishmentRef(),
            ref(u"teacher_id"_s, u"person"_s),
            optRef(u"class_id"_s, u"school_class"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            ref(u"subject_id"_s, u"subject"_s),
            optHundredths(u"hours_per_week"_s, 0, 4000),
        },
        {exactlyOneOf(u"teaching_assignment.class_or_group"_s, {u"class_id"_s, u"group_id"_s})},
        {},
    };
}

EntityDef enrolment()
{
    return {
        u"enrolment"_s,
        u"organisation"_s,
        u"A subject a student follows, with his class or in a group."_s,
        {
            establishmentRef(),
            ref(u"school_year_id"_s, u"school_year"_s),
            ref(u"student_id"_s, u"person"_s),
            ref(u"subject_id"_s, u"subject"_s),
            optRef(u"group_id"_s, u"teaching_group"_s),
            optHundredths(u"coefficient"_s, 0, 10000),
        },
        {},
        {{u"school_year_id"_s, u"student_id"_s, u"subject_id"_s}},
    };
}

EntityDef resource()
{
    return {
        u"resource"_s,
        u"organisation"_s,
        u"A room or a piece of equipment that staff can book (a laptop cart, a projector)."_s,
        {
            establishmentRef(),
            enumeration(u"kind"_s, {u"room"_s, u"equipment"_s}),
            text(u"name"_s, 100),
            optInteger(u"capacity"_s, 1, 10000),
            optText(u"location"_s, 100),
            boolean(u"bookable"_s, true),
        },
        {},
        {{u"establishment_id"_s, u"name"_s}},
    };
}

EntityDef booking()
{
    return {
        u"booking"_s,
        u"organisation"_s,
        u"A resource booked for a time on a day; the first committed booking of a slot wins."_s,
        {
            establishmentRef(),
            ref(u"resource_id"_s, u"resource"_s),
            ref(u"booked_by"_s, u"account"_s),
            date(u"date"_s),
            integer(u"start_minute"_s, 0, 1439),
            integer(u"end_minute"_s, 1, 1440),
            optText(u"purpose"_s, 200),
        },
        {after(u"booking.ends_after_start"_s, u"end_minute"_s, u"start_minute"_s)},
        {},
    };
}

// Made by the server from person, account and account_role rows, never
// pushed: what everyone of the establishment may know of its staff.
EntityDef staffMember()
{
    QStringList staffRoles;
    for (Role role : allRoles()) {
        if (isStaffRole(role))
            staffRoles.append(roleCode(role));
    }
    EntityDef entity{
        u"staff_member"_s,
        u"organisation"_s,
        u"The staff directory: the name and role of a member of staff in an establishment, without his "
        "personal data; kept by the server from his person, account and roles."_s,
        {
            establishmentRef(),
            ref(u"person_id"_s, u"person"_s),
            optRef(u"account_id"_s, u"account"_s),
            text(u"last_name"_s, 100),
            text(u"first_name"_s, 100),
            optEnumeration(u"sex"_s, {u"f"_s, u"m"_s}),
            enumeration(u"role"_s, staffRoles),
        },
        {},
        {{u"establishment_id"_s, u"person_id"_s, u"role"_s}},
        3,
    };
    for (FieldDef &field : entity.fields)
        field.since = 3;
    return entity;
}

} // namespace

QList<EntityDef> organisationEntities()
{
    return {establishment(),   schoolYear(),         period(),    person(),      account(),       accountRole(),
            staffMember(),     guardianLink(),       subject(),   schoolClass(), teachingGroup(), classMembership(),
            groupMembership(), teachingAssignment(), enrolment(), resource(),    booking()};
}

} // namespace Cartable::Core
