#include "writepolicy.h"

#include "writerules.h"

#include "core/domain/catalog.h"
#include "core/rules/periodlock.h"

#include <QDate>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

Change Change::create(const Record &after)
{
    return {MutationOp::Create, after.type(), std::nullopt, after, {}};
}

Change Change::update(const Record &before, const Record &after, const QStringList &changedFields)
{
    return {MutationOp::Update, after.type(), before, after, changedFields};
}

Change Change::remove(const Record &before)
{
    return {MutationOp::Delete, before.type(), before, std::nullopt, {}};
}

Change Change::fromMutation(const Mutation &mutation, const std::optional<Record> &stored)
{
    const Record &values = mutation.values;
    switch (mutation.op) {
    case MutationOp::Create:
        return create(values);
    case MutationOp::Delete:
        return stored ? remove(*stored) : Change{MutationOp::Delete, values.type(), std::nullopt, std::nullopt, {}};
    case MutationOp::Update:
        break;
    }
    if (!stored)
        return {MutationOp::Update, values.type(), std::nullopt, values, mutation.changedFields};
    Record after = *stored;
    for (const QString &field : mutation.changedFields)
        after.set(field, values.value(field));
    return update(*stored, after, mutation.changedFields);
}

namespace WriteRules {

bool Context::allRows(const std::function<bool(const Record &)> &predicate) const
{
    return (!change.before || predicate(*change.before)) && (!change.after || predicate(*change.after));
}

bool Context::onlyChanged(const QStringList &fields) const
{
    for (const QString &field : changed) {
        if (!fields.contains(field))
            return false;
    }
    return true;
}

bool Context::anyChanged(const QStringList &fields) const
{
    for (const QString &field : fields) {
        if (changed.contains(field))
            return true;
    }
    return false;
}

Status allow()
{
    return {};
}

Status forbid(const QString &reason)
{
    return Error{ErrorCode::Forbidden, reason};
}

Status notAllowed(const Context &context)
{
    return forbid(context.change.entity + u".not_allowed"_s);
}

bool ownAssignment(const Context &context, const Record &row)
{
    return !context.selfPerson().isEmpty() && row.text(u"teacher_id"_s) == context.selfPerson()
           && context.facts.teaches(row.text(u"class_id"_s), row.text(u"group_id"_s), row.text(u"subject_id"_s));
}

Rule administration(bool deletable)
{
    return [deletable](const Context &context) {
        if (!context.isAdministration() || (context.isDelete() && !deletable))
            return notAllowed(context);
        return allow();
    };
}

} // namespace WriteRules

namespace {

using WriteRules::forbid;

const WriteRules::RuleTable &ruleTable()
{
    static const WriteRules::RuleTable table = [] {
        WriteRules::RuleTable rules;
        WriteRules::addOrganisationRules(rules);
        WriteRules::addSchoolLifeRules(rules);
        WriteRules::addPedagogyRules(rules);
        WriteRules::addCommunicationRules(rules);
        return rules;
    }();
    return table;
}

Status checkShape(const Change &change)
{
    if (!findEntity(change.entity))
        return Error{ErrorCode::UnknownEntity, change.entity};
    const bool needsBefore = change.operation != MutationOp::Create;
    const bool needsAfter = change.operation != MutationOp::Delete;
    if (needsBefore != change.before.has_value() || (change.before && change.before->type() != change.entity))
        return Error{ErrorCode::InvalidField, u"change.before"_s};
    if (needsAfter != change.after.has_value() || (change.after && change.after->type() != change.entity))
        return Error{ErrorCode::InvalidField, u"change.after"_s};
    if (change.before && change.after && change.before->id() != change.after->id())
        return Error{ErrorCode::InvalidField, u"change.id"_s};
    return {};
}

QSet<QString> changedFields(const Change &change)
{
    QSet<QString> changed;
    if (change.operation != MutationOp::Update)
        return changed;
    for (const QString &field : change.changedFields)
        changed.insert(field);
    const Record &before = *change.before;
    const Record &after = *change.after;
    for (auto it = before.values().cbegin(); it != before.values().cend(); ++it) {
        if (!after.isSet(it.key()) || after.value(it.key()) != it.value())
            changed.insert(it.key());
    }
    for (auto it = after.values().cbegin(); it != after.values().cend(); ++it) {
        if (!before.isSet(it.key()))
            changed.insert(it.key());
    }
    return changed;
}

// The establishment a row belongs to; empty for person and account, which
// belong to none.
QString establishmentOf(const Record &row)
{
    if (row.type() == QStringView(Entity::Establishment))
        return row.id();
    return row.text(u"establishment_id"_s);
}

bool belongsToNoEstablishment(const QString &entity)
{
    return entity == QStringView(Entity::Person) || entity == QStringView(Entity::Account);
}

// Tries each role the actor holds in `facts`; the first that allows wins.
Status tryRoles(const ActorFacts &actor, const EstablishmentFacts &facts, const Change &change,
                const PolicyLookup &lookup, const QSet<QString> &changed, std::optional<Error> &firstRefusal)
{
    const auto rule = ruleTable().constFind(change.entity);
    for (Role role : facts.roles) {
        Status status = forbid(u"local_authority.read_only"_s);
        if (role != Role::LocalAuthority) {
            if (rule == ruleTable().cend()) {
                status = forbid(change.entity + u".not_allowed"_s);
            } else {
                const WriteRules::Context context{actor, facts, role, change, lookup, changed};
                status = (*rule)(context);
            }
        }
        if (status)
            return status;
        if (!firstRefusal)
            firstRefusal = status.error();
    }
    return firstRefusal ? Status(*firstRefusal) : forbid(u"establishment.no_role"_s);
}

Status checkRoles(const ActorFacts &actor, const Change &change, const PolicyLookup &lookup,
                  const QSet<QString> &changed)
{
    std::optional<Error> firstRefusal;
    if (belongsToNoEstablishment(change.entity)) {
        for (const EstablishmentFacts &facts : actor.establishments) {
            if (tryRoles(actor, facts, change, lookup, changed, firstRefusal))
                return {};
        }
        return firstRefusal ? Status(*firstRefusal) : forbid(u"establishment.no_role"_s);
    }

    const Record &row = change.after ? *change.after : *change.before;
    const QString establishmentId = establishmentOf(row);
    const EstablishmentFacts *facts = actor.establishment(establishmentId);
    if (!facts || facts->roles.isEmpty())
        return forbid(u"establishment.no_role"_s);
    return tryRoles(actor, *facts, change, lookup, changed, firstRefusal);
}

// An update may not carry a row to another establishment or another student.
Status checkNoMove(const Change &change, const QSet<QString> &changed)
{
    if (change.operation != MutationOp::Update)
        return {};
    if (changed.contains(u"establishment_id"_s))
        return forbid(u"change.moves_establishment"_s);
    if (changed.contains(u"student_id"_s))
        return forbid(u"change.moves_student"_s);
    return {};
}

// The period of a row, checked against the date of its evaluation when it
// has one. A deletion only asks whether the period is closed.
Status checkPeriod(const QString &periodId, std::optional<QDate> evaluationDate, const QString &referenceContext,
                   const PolicyLookup &lookup, MutationOp operation)
{
    const std::optional<Record> row = lookup.row(QString::fromUtf16(Entity::Period), periodId);
    if (!row)
        return Error{ErrorCode::InvalidReference, referenceContext};
    Period period;
    period.id = row->id();
    period.name = row->text(u"name"_s);
    period.start = QDate::fromString(row->text(u"starts_on"_s), Qt::ISODate);
    period.end = QDate::fromString(row->text(u"ends_on"_s), Qt::ISODate);
    period.closed = row->flag(u"closed"_s);
    if (evaluationDate && operation != MutationOp::Delete)
        return checkGradeChange(period, *evaluationDate);
    if (period.closed)
        return Error{ErrorCode::PeriodClosed, period.name};
    return {};
}

Status checkPeriodOfRow(const Record &row, const PolicyLookup &lookup, MutationOp operation)
{
    const QString type = row.type();
    if (type == QStringView(Entity::Evaluation)) {
        return checkPeriod(row.text(u"period_id"_s), QDate::fromString(row.text(u"date"_s), Qt::ISODate),
                           u"evaluation.period_id"_s, lookup, operation);
    }
    if (type == QStringView(Entity::Grade)) {
        const std::optional<Record> evaluation = lookup.row(QString::fromUtf16(Entity::Evaluation),
                                                            row.text(u"evaluation_id"_s));
        if (!evaluation)
            return Error{ErrorCode::InvalidReference, u"grade.evaluation_id"_s};
        return checkPeriod(evaluation->text(u"period_id"_s),
                           QDate::fromString(evaluation->text(u"date"_s), Qt::ISODate), u"evaluation.period_id"_s,
                           lookup, operation);
    }
    if (type == QStringView(Entity::CompetencyAssessment) || type == QStringView(Entity::PeriodAppreciation))
        return checkPeriod(row.text(u"period_id"_s), std::nullopt, type + u".period_id"_s, lookup, operation);
    return {};
}

Status checkClosedPeriods(const Change &change, const PolicyLookup &lookup)
{
    for (const std::optional<Record> *row : {&change.before, &change.after}) {
        if (!row->has_value())
            continue;
        const Status status = checkPeriodOfRow(**row, lookup, change.operation);
        if (!status)
            return status;
    }
    return {};
}

} // namespace

Status authorize(const ActorFacts &actor, const Change &change, const PolicyLookup &lookup)
{
    if (const Status shape = checkShape(change); !shape)
        return shape;
    const QSet<QString> changed = changedFields(change);
    if (const Status moved = checkNoMove(change, changed); !moved)
        return moved;
    if (const Status roles = checkRoles(actor, change, lookup, changed); !roles)
        return roles;
    return checkClosedPeriods(change, lookup);
}

} // namespace Cartable::Core
