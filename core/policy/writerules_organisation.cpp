// Who may change the organisation of an establishment: its years and
// periods, people and accounts, classes, groups and assignments, resources
// and bookings.

#include "writerules.h"

#include "core/domain/catalog.h"

namespace Cartable::Core::WriteRules {

using namespace Qt::StringLiterals;

namespace {

QString type(const char16_t *name)
{
    return QString::fromUtf16(name);
}

// The establishments a person is tied to: as a student, a guardian, or
// through a role of one of his accounts.
QStringList personEstablishments(const QString &personId, const PolicyLookup &lookup)
{
    QStringList establishments;
    for (const Record &membership : lookup.rowsWhere(type(Entity::ClassMembership), u"student_id"_s, personId))
        establishments.append(membership.text(u"establishment_id"_s));
    for (const QString &field : {u"guardian_id"_s, u"student_id"_s}) {
        for (const Record &link : lookup.rowsWhere(type(Entity::GuardianLink), field, personId))
            establishments.append(link.text(u"establishment_id"_s));
    }
    for (const Record &account : lookup.rowsWhere(type(Entity::Account), u"person_id"_s, personId)) {
        for (const Record &role : lookup.rowsWhere(type(Entity::AccountRole), u"account_id"_s, account.id()))
            establishments.append(role.text(u"establishment_id"_s));
    }
    return establishments;
}

QStringList accountEstablishments(const Record &account, const PolicyLookup &lookup)
{
    QStringList establishments;
    for (const Record &role : lookup.rowsWhere(type(Entity::AccountRole), u"account_id"_s, account.id()))
        establishments.append(role.text(u"establishment_id"_s));
    if (account.isSet(u"person_id"_s))
        establishments += personEstablishments(account.text(u"person_id"_s), lookup);
    return establishments;
}

Status period(const Context &context)
{
    if (!context.isAdministration() || context.isDelete())
        return notAllowed(context);
    // Closing and reopening are the head's: the class councils have met.
    const QStringList closing{u"closed"_s, u"closed_at"_s, u"closed_by"_s};
    const bool closes = context.isCreate() ? context.row().flag(u"closed"_s) || context.row().isSet(u"closed_at"_s)
                                           : context.anyChanged(closing);
    if (closes && context.role != Role::Head)
        return forbid(u"period.close_reserved_to_head"_s);
    return allow();
}

Status person(const Context &context)
{
    if (!context.isAdministration() || context.isDelete())
        return notAllowed(context);
    if (context.isCreate())
        return allow();
    if (!personEstablishments(context.change.before->id(), context.lookup).contains(context.facts.establishmentId))
        return forbid(u"person.not_in_establishment"_s);
    return allow();
}

Status account(const Context &context)
{
    if (!context.isAdministration() || context.isDelete())
        return notAllowed(context);
    if (context.isCreate())
        return allow();
    const bool ours = context.allRows([&context](const Record &row) {
        return accountEstablishments(row, context.lookup).contains(context.facts.establishmentId);
    });
    return ours ? allow() : forbid(u"account.not_in_establishment"_s);
}

Status accountRole(const Context &context)
{
    if (!context.isAdministration())
        return notAllowed(context);
    // Only the head grants (or takes away) the head's and the local
    // authority's roles.
    const bool reserved = !context.allRows([](const Record &row) {
        const QString role = row.text(u"role"_s);
        return role != roleCode(Role::Head) && role != roleCode(Role::LocalAuthority);
    });
    if (reserved && context.role != Role::Head)
        return forbid(u"account_role.reserved_role"_s);
    return allow();
}

// The establishment row is made by the server's administration commands;
// through sync its head only chooses who may broadcast.
Status establishment(const Context &context)
{
    if (!context.isUpdate() || context.role != Role::Head)
        return notAllowed(context);
    if (!context.onlyChanged({u"broadcast_roles"_s}))
        return forbid(u"establishment.only_broadcast_roles"_s);
    if (!broadcastRoles(context.change.after->text(u"broadcast_roles"_s)))
        return Error{ErrorCode::InvalidField, u"establishment.broadcast_roles"_s};
    return allow();
}

// The vie scolaire names the delegates that its classes elected; the
// memberships themselves are the administration's.
Status classMembership(const Context &context)
{
    if (context.isAdministration())
        return allow();
    if (context.role != Role::VieScolaire || !context.isUpdate())
        return notAllowed(context);
    return context.onlyChanged({u"delegate"_s}) ? allow() : forbid(u"class_membership.delegate_only"_s);
}

Status booking(const Context &context)
{
    if (context.isAdministration())
        return allow();
    if (context.role != Role::Teacher && context.role != Role::VieScolaire)
        return notAllowed(context);
    const bool own = context.allRows(
        [&context](const Record &row) { return row.text(u"booked_by"_s) == context.selfAccount(); });
    return own ? allow() : forbid(u"booking.not_own"_s);
}

} // namespace

std::optional<QList<Role>> broadcastRoles(const QString &codes)
{
    QList<Role> roles;
    for (const QString &code : codes.split(u',')) {
        const std::optional<Role> role = roleFromCode(code);
        if (!role || !isStaffRole(*role))
            return std::nullopt;
        roles.append(*role);
    }
    return roles;
}

void addOrganisationRules(RuleTable &table)
{
    table.insert(type(Entity::Establishment), establishment);
    table.insert(type(Entity::SchoolYear), administration(false));
    table.insert(type(Entity::Period), period);
    table.insert(type(Entity::Person), person);
    table.insert(type(Entity::Account), account);
    table.insert(type(Entity::AccountRole), accountRole);
    for (const char16_t *name :
         {Entity::GuardianLink, Entity::Subject, Entity::SchoolClass, Entity::TeachingGroup, Entity::GroupMembership,
          Entity::TeachingAssignment, Entity::Enrolment, Entity::Resource})
        table.insert(type(name), administration(true));
    table.insert(type(Entity::ClassMembership), classMembership);
    table.insert(type(Entity::Booking), booking);
}

} // namespace Cartable::Core::WriteRules
