#include "pushservice.h"

#include "cachedlookup.h"
#include "rowwriter.h"

#include "server/scoperesolver.h"

#include "core/domain/catalog.h"
#include "core/domain/integrity.h"
#include "core/ids.h"
#include "core/policy/buckets.h"
#include "core/policy/readscope.h"
#include "core/policy/writepolicy.h"
#include "core/sqlstatement.h"
#include "core/transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>

#include <algorithm>

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcPush, "cartable.server.push")

using namespace Qt::StringLiterals;
using Core::EntityDef;
using Core::Error;
using Core::ErrorCode;
using Core::HlcTimestamp;
using Core::Mutation;
using Core::MutationOp;
using Core::Record;
using Core::Result;
using Core::Status;

namespace {

const QString kConflictType = u"sync_conflict"_s;

// Fields that only make sense together: at most one of a grade's mark and
// marker is set, so a merge takes or leaves them as one.
QStringList groupOf(const EntityDef &entity, const QString &field)
{
    for (const Core::ConstraintDef &constraint : entity.constraints) {
        const bool exclusive = constraint.kind == Core::ConstraintDef::Kind::ExactlyOneOf
                               || constraint.kind == Core::ConstraintDef::Kind::AtMostOneOf;
        if (exclusive && constraint.fields.contains(field))
            return constraint.fields;
    }
    return {field};
}

QJsonObject valuesJson(const EntityDef &entity, const Record &record, const QStringList &fields)
{
    QJsonObject object;
    for (const QString &name : fields) {
        if (const Core::FieldDef *field = entity.field(name))
            object.insert(name, Core::fieldToJson(*field, record.value(name)));
    }
    return object;
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toString();
}

// What one mutation came to.
struct Outcome
{
    QString status = u"applied"_s; // applied, conflict, rejected
    std::optional<Error> error;
    qint64 version = 0;
    QJsonArray conflicts;
    std::optional<Record> row; // the server's row afterwards
    // The row is what the client made of it: the answer leaves it out.
    bool rowAsSent = false;

    QJsonObject toJson(qint64 number) const
    {
        QJsonObject object{{u"number"_s, number}, {u"status"_s, status}, {u"version"_s, version}};
        if (error) {
            object.insert(u"error"_s,
                          QJsonObject{{u"code"_s, Core::errorCodeName(error->code)}, {u"context"_s, error->context}});
        }
        if (!conflicts.isEmpty())
            object.insert(u"conflicts"_s, conflicts);
        if (rowAsSent)
            return object;
        if (row)
            object.insert(u"row"_s, Core::recordToJson(*Core::findEntity(row->type()), *row));
        else
            object.insert(u"row"_s, QJsonValue::Null);
        return object;
    }
};

struct LostValue
{
    QString field; // empty for the whole row
    QJsonValue lost;
    QJsonValue kept;
    QString loserAccount;
    QString winnerAccount;
    HlcTimestamp loserClock;
    QString rule;
};

// Applies one client's mutations inside the batch's transaction.
class Applier
{
public:
    Applier(Core::StatementCache &statements, FeedStore &feed, const SqlPolicyLookup &sql,
            const Core::ActorFacts &actor, QString clientId, qint64 now)
        : m_statements(statements),
          m_feed(feed),
          m_sql(sql),
          m_lookup(sql),
          m_writer(statements, feed, m_lookup),
          m_actor(actor),
          m_clientId(std::move(clientId)),
          m_now(now)
    {
    }

    // Reads, in a few statements, what the batch will read row by row: the
    // rows it changes, their states, and the rows they refer to.
    Core::Status prefetch(const QList<Mutation> &mutations);
    // What the mutation came to. The answer carries a row only when the
    // actor may read it, and a row he may not read answers as a row that is
    // not there: nothing tells him that it exists.
    Result<Outcome> apply(const Mutation &mutation);

private:
    Result<Outcome> applyReadable(const EntityDef &entity, const Mutation &mutation);
    // Whether the actor reads `row` (in one of its buckets).
    bool mayRead(const Record &row) const;
    // A row that exists (or was deleted) but that the actor may not read,
    // pushed as new: the answer a new id would get if the policy refuses,
    // else the id is taken.
    Outcome createOverUnreadable(const EntityDef &entity, const Mutation &mutation) const;

    Result<Outcome> create(const EntityDef &entity, const Mutation &mutation, const std::optional<Record> &before,
                           const std::optional<RowState> &state);
    Result<Outcome> update(const EntityDef &entity, const Mutation &mutation, const Record &before,
                           const RowState &state);
    Result<Outcome> updateDeleted(const EntityDef &entity, const Mutation &mutation, const RowState &state);
    Result<Outcome> remove(const EntityDef &entity, const Mutation &mutation, const Record &before,
                           const RowState &state);

    // Validation, integrity and policy for the change `before` → `after`.
    std::optional<Error> refuse(const EntityDef &entity, const Core::Change &change) const;
    // Another row with the same unique key: the change is refused with a
    // reason, as the database would otherwise fail the whole batch.
    // A key the change leaves as it was (`before` is the stored row) is not
    // looked up again.
    std::optional<Error> duplicateKey(const EntityDef &entity, const Record &row,
                                      const std::optional<Record> &before) const;
    // Whether the pushed values of a field group win over the server's.
    bool clientWins(const EntityDef &entity, const Record &row, const FieldStamp &server, const Mutation &mutation,
                    QString &rule) const;
    QString personOfAccount(const QString &accountId) const;
    // An overlapping booking of the same resource committed before.
    bool bookingTaken(const Record &booking) const;

    // Whether every change to the row since the mutation's base version was
    // this client's own: the client's copy of the row is then the server's.
    bool onlyChangedBy(const RowState &state, const Mutation &mutation) const
    {
        const auto own = [&](const FieldStamp &stamp) {
            return stamp.version <= mutation.baseVersion || stamp.clientId == m_clientId;
        };
        return own(state.created) && std::all_of(state.fields.cbegin(), state.fields.cend(), own);
    }
    // The row as the client changed it: its changed fields over `before`.
    static Record sentOver(const Record &before, const Mutation &mutation)
    {
        Record sent = before;
        for (const QString &field : mutation.changedFields)
            sent.set(field, mutation.values.value(field));
        return sent;
    }

    FieldStamp stamp(qint64 seq, const Mutation &mutation) const
    {
        return {seq, clamp(mutation.hlc), m_clientId, m_actor.accountId};
    }
    HlcTimestamp clamp(const HlcTimestamp &hlc) const
    {
        return Core::clampToServer(hlc, m_now, PushService::kMaxClockAheadMillis);
    }
    Status recordConflict(const EntityDef &entity, const Record &row, const LostValue &value);
    // A mutation that lost as a whole (a deletion, a row made again, a
    // booking): its conflict record, and the answer.
    Result<Outcome> lostWhole(const EntityDef &entity, const Record &row, const LostValue &value, qint64 version,
                              const std::optional<Record> &kept);
    Outcome rejected(const Error &error, const std::optional<Record> &row, qint64 version) const
    {
        Outcome outcome;
        outcome.status = u"rejected"_s;
        outcome.error = error;
        outcome.row = row;
        outcome.version = version;
        return outcome;
    }

    Core::StatementCache &m_statements;
    FeedStore &m_feed;
    const SqlPolicyLookup &m_sql;
    // The rows the batch reads, each once, until the batch writes them.
    CachedLookup m_lookup;
    RowWriter m_writer;
    const Core::ActorFacts &m_actor;
    QString m_clientId;
    qint64 m_now;
    // The buckets the actor reads, worked out when first needed.
    mutable std::optional<QSet<QString>> m_readable;
};

bool Applier::mayRead(const Record &row) const
{
    if (!m_readable) {
        const QStringList buckets = Core::readableBuckets(m_actor);
        m_readable = QSet<QString>(buckets.cbegin(), buckets.cend());
    }
    const QStringList buckets = Core::rowBuckets(row, m_lookup);
    return std::any_of(buckets.cbegin(), buckets.cend(),
                       [this](const QString &bucket) { return m_readable->contains(bucket); });
}

Outcome Applier::createOverUnreadable(const EntityDef &entity, const Mutation &mutation) const
{
    if (std::optional<Error> error = refuse(entity, Core::Change::create(mutation.values)))
        return rejected(*error, std::nullopt, 0);
    return rejected(Error{ErrorCode::DuplicateKey, entity.type + u".id"_s}, std::nullopt, 0);
}

std::optional<Error> Applier::refuse(const EntityDef &entity, const Core::Change &change) const
{
    // Who may do it first: a user learns nothing of rows that are not his
    // to change, not even that his value would be out of range.
    if (Status status = Core::authorize(m_actor, change, m_lookup); !status)
        return status.error();
    if (change.after) {
        if (Status status = Core::validateRecord(entity, *change.after); !status)
            return status.error();
        const Core::RowFetcher fetch = [this](const QString &type, const QString &id) {
            return m_lookup.row(type, id);
        };
        if (Status status = Core::checkReferences(entity, *change.after, fetch); !status)
            return status.error();
        if (Status status = Core::checkRowRules(entity, *change.after, fetch); !status)
            return status.error();
        if (std::optional<Error> duplicate = duplicateKey(entity, *change.after, change.before))
            return duplicate;
    }
    return std::nullopt;
}

std::optional<Error> Applier::duplicateKey(const EntityDef &entity, const Record &row,
                                           const std::optional<Record> &before) const
{
    for (const QStringList &key : entity.uniqueKeys) {
        if (before && before->id() == row.id() && std::all_of(key.cbegin(), key.cend(), [&](const QString &name) {
                return before->value(name) == row.value(name);
            })) {
            continue;
        }
        QStringList conditions;
        QVariantList values;
        for (const QString &name : key) {
            const Core::FieldDef *field = entity.field(name);
            // A unique index lets rows whose key is partly unset coexist.
            if (!field || !row.isSet(name))
                break;
            conditions << name + u" = ?"_s;
            values << Core::fieldToSql(*field, row.value(name));
        }
        if (conditions.size() != key.size())
            continue;
        Result<Core::Statement *> prepared = m_statements.statement(
            u"SELECT 1 FROM %1 WHERE %2 AND id <> ? LIMIT 1"_s.arg(entity.type, conditions.join(u" AND "_s)));
        if (!prepared)
            continue;
        Core::Statement &query = **prepared;
        int mark = 0;
        for (const QVariant &value : std::as_const(values))
            query.bindValue(mark++, value);
        query.bindValue(mark, row.id());
        // A failed read is left to the write, which then fails the batch
        // as a database error to retry.
        const bool taken = query.exec() && query.next();
        query.finish();
        if (taken)
            return Error{ErrorCode::DuplicateKey, entity.type + u'.' + key.join(u',')};
    }
    return std::nullopt;
}

QString Applier::personOfAccount(const QString &accountId) const
{
    if (accountId.isEmpty())
        return {};
    const std::optional<Record> account = m_lookup.row(u"account"_s, accountId);
    return account ? account->text(u"person_id"_s) : QString();
}

bool Applier::clientWins(const EntityDef &entity, const Record &row, const FieldStamp &server, const Mutation &mutation,
                         QString &rule) const
{
    if (entity.type == QStringView(Core::Entity::Grade)) {
        const std::optional<Record> evaluation = m_lookup.row(u"evaluation"_s, row.text(u"evaluation_id"_s));
        const QString teacher = evaluation ? evaluation->text(u"teacher_id"_s) : QString();
        const bool pusherIsTeacher = !teacher.isEmpty() && m_actor.personId == teacher;
        const bool serverIsTeacher = !teacher.isEmpty() && personOfAccount(server.accountId) == teacher;
        if (pusherIsTeacher != serverIsTeacher) {
            rule = u"teacher_wins"_s;
            return pusherIsTeacher;
        }
    }
    rule = u"last_writer_wins"_s;
    const HlcTimestamp mine = clamp(mutation.hlc);
    if (mine != server.hlc)
        return mine > server.hlc;
    return m_clientId > server.clientId;
}

bool Applier::bookingTaken(const Record &booking) const
{
    const QList<Record> sameDay = m_lookup.rowsWhere(u"booking"_s, u"resource_id"_s, booking.text(u"resource_id"_s));
    for (const Record &other : sameDay) {
        if (other.id() == booking.id() || other.text(u"date"_s) != booking.text(u"date"_s))
            continue;
        if (other.number(u"start_minute"_s) < booking.number(u"end_minute"_s)
            && booking.number(u"start_minute"_s) < other.number(u"end_minute"_s)) {
            return true;
        }
    }
    return false;
}

Status Applier::recordConflict(const EntityDef &entity, const Record &row, const LostValue &value)
{
    const EntityDef *conflictEntity = Core::findEntity(kConflictType);
    if (!conflictEntity)
        return {};
    Record conflict(kConflictType, Core::newId());
    conflict.set(u"establishment_id"_s, row.text(u"establishment_id"_s));
    conflict.set(u"row_type"_s, entity.type);
    conflict.set(u"row_id"_s, row.id());
    // Empty optional values stay unset.
    const auto setText = [&conflict](const QString &field, const QString &text) {
        if (!text.isEmpty())
            conflict.set(field, text);
    };
    setText(u"field"_s, value.field);
    conflict.set(u"lost_value"_s, compact(value.lost));
    setText(u"kept_value"_s, compact(value.kept));
    conflict.set(u"loser_account_id"_s, value.loserAccount);
    setText(u"winner_account_id"_s, value.winnerAccount);
    conflict.set(u"loser_hlc"_s, value.loserClock.toWire());
    conflict.set(u"rule"_s, value.rule);
    conflict.set(u"decided_at"_s, m_now);
    conflict.set(u"status"_s, u"open"_s);
    if (Status status = Core::validateRecord(*conflictEntity, conflict); !status)
        return status;
    Result<qint64> seq = m_feed.reserve();
    if (!seq)
        return seq.error();
    RowState state;
    state.version = *seq;
    state.created = {*seq, HlcTimestamp{m_now, 0}, QString(), QString()};
    return m_writer.put(conflict, state, *seq);
}

Result<Outcome> Applier::lostWhole(const EntityDef &entity, const Record &row, const LostValue &value, qint64 version,
                                   const std::optional<Record> &kept)
{
    if (Status status = recordConflict(entity, row, value); !status)
        return status.error();
    Outcome outcome;
    outcome.status = u"conflict"_s;
    outcome.version = version;
    outcome.row = kept;
    outcome.conflicts.append(QJsonObject{{u"field"_s, QString()}, {u"rule"_s, value.rule}});
    return outcome;
}

Core::Status Applier::prefetch(const QList<Mutation> &mutations)
{
    QHash<QString, QStringList> changed;
    for (const Mutation &mutation : mutations)
        changed[mutation.values.type()].append(mutation.values.id());
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        m_lookup.preload(m_sql, it.key(), it.value());
        if (Status kept = m_feed.keepRowStates(it.key(), it.value()); !kept)
            return kept;
        if (Status kept = m_feed.keepMemberships(it.key(), it.value()); !kept)
            return kept;
    }
    QHash<QString, QStringList> referred;
    for (const Mutation &mutation : mutations) {
        const EntityDef *entity = Core::findEntity(mutation.values.type());
        if (!entity)
            continue;
        const std::optional<Record> stored = m_lookup.row(entity->type, mutation.values.id());
        for (const Core::FieldDef &field : entity->fields) {
            if (field.type != Core::FieldType::Ref || field.refEntity.isEmpty())
                continue;
            const QString id = mutation.values.isSet(field.name) ? mutation.values.text(field.name)
                                                                 : (stored ? stored->text(field.name) : QString());
            if (!id.isEmpty())
                referred[field.refEntity].append(id);
        }
    }
    for (auto it = referred.cbegin(); it != referred.cend(); ++it)
        m_lookup.preload(m_sql, it.key(), it.value());
    return {};
}

Result<Outcome> Applier::apply(const Mutation &mutation)
{
    const EntityDef *entity = Core::findEntity(mutation.values.type());
    if (!entity)
        return rejected(Error{ErrorCode::UnknownEntity, mutation.values.type()}, std::nullopt, 0);
    Result<Outcome> outcome = applyReadable(*entity, mutation);
    // The row the answer would carry is the server's row afterwards: one
    // that left the actor's buckets is not his to see.
    if (outcome && outcome->row && !outcome->rowAsSent && !mayRead(*outcome->row)) {
        Outcome hidden = *outcome;
        hidden.row.reset();
        return hidden;
    }
    return outcome;
}

Result<Outcome> Applier::applyReadable(const EntityDef &entity, const Mutation &mutation)
{
    const std::optional<Record> before = m_lookup.row(entity.type, mutation.values.id());
    Result<std::optional<RowState>> state = m_feed.rowState(entity.type, mutation.values.id());
    if (!state)
        return state.error();
    // The last content of a deleted row, to judge who may know of it.
    std::optional<Record> last;
    if (!before && *state && (*state)->deleted) {
        if (Result<Record> parsed = Core::recordFromJson((*state)->tombstone); parsed)
            last = *parsed;
    }
    const bool readable = before ? mayRead(*before) : (last && mayRead(*last));
    const Error notFound{ErrorCode::NotFound, entity.type + u".id"_s};
    switch (mutation.op) {
    case MutationOp::Create:
        if ((before || (*state && (*state)->deleted)) && !readable)
            return createOverUnreadable(entity, mutation);
        return create(entity, mutation, before, *state);
    case MutationOp::Update:
        if (!readable)
            return rejected(notFound, std::nullopt, 0);
        if (!before && *state && (*state)->deleted)
            return updateDeleted(entity, mutation, **state);
        if (!before || !*state)
            return rejected(notFound, std::nullopt, 0);
        return update(entity, mutation, *before, **state);
    case MutationOp::Delete:
        if (!before || !*state || !readable) {
            // Already gone, or never the actor's to know of: deleting
            // changes nothing.
            Outcome outcome;
            outcome.version = *state && readable ? (*state)->version : 0;
            return outcome;
        }
        return remove(entity, mutation, *before, **state);
    }
    return rejected(Error{ErrorCode::InvalidField, u"op"_s}, std::nullopt, 0);
}

Result<Outcome> Applier::create(const EntityDef &entity, const Mutation &mutation, const std::optional<Record> &before,
                                const std::optional<RowState> &state)
{
    if (before && state) {
        // The same id made twice (the same row pushed from a restored
        // backup, say): merge it as an update of every field.
        Mutation asUpdate = mutation;
        asUpdate.op = MutationOp::Update;
        return update(entity, asUpdate, *before, *state);
    }
    if (state && state->deleted && mutation.baseVersion < state->version) {
        // Made again on a row deleted meanwhile: the deletion stands, the
        // values are kept to be restored.
        const LostValue lost{{},
                             Core::recordToJson(entity, mutation.values),
                             u"deleted"_s,
                             m_actor.accountId,
                             state->created.accountId,
                             mutation.hlc,
                             u"delete_wins"_s};
        return lostWhole(entity, mutation.values, lost, state->version, std::nullopt);
    }
    const Core::Change change = Core::Change::create(mutation.values);
    if (std::optional<Error> error = refuse(entity, change))
        return rejected(*error, std::nullopt, state ? state->version : 0);
    if (entity.type == QStringView(Core::Entity::Booking) && bookingTaken(mutation.values)) {
        const LostValue lost{{},
                             Core::recordToJson(entity, mutation.values),
                             QJsonValue(),
                             m_actor.accountId,
                             {},
                             mutation.hlc,
                             u"first_booking_wins"_s};
        return lostWhole(entity, mutation.values, lost, 0, std::nullopt);
    }
    Result<qint64> seq = m_feed.reserve();
    if (!seq)
        return seq.error();
    RowState created;
    created.version = *seq;
    created.created = stamp(*seq, mutation);
    if (Status status = m_writer.put(mutation.values, created, *seq); !status)
        return status.error();
    Outcome outcome;
    outcome.version = *seq;
    outcome.row = mutation.values;
    outcome.rowAsSent = true;
    return outcome;
}

Result<Outcome> Applier::update(const EntityDef &entity, const Mutation &mutation, const Record &before,
                                const RowState &state)
{
    Record after = before;
    QStringList applied;
    QList<LostValue> lostValues;
    QSet<QString> done;
    for (const QString &field : mutation.changedFields) {
        if (done.contains(field))
            continue;
        const QStringList group = groupOf(entity, field);
        for (const QString &member : group)
            done.insert(member);
        // Setting one field of an exclusive group clears the others.
        Record wanted = before;
        bool setsOne = false;
        for (const QString &member : group) {
            if (mutation.changedFields.contains(member)) {
                wanted.set(member, mutation.values.value(member));
                setsOne = setsOne || mutation.values.isSet(member);
            }
        }
        if (group.size() > 1 && setsOne) {
            for (const QString &member : group) {
                if (!mutation.changedFields.contains(member))
                    wanted.unset(member);
            }
        }
        bool differs = false;
        FieldStamp server;
        for (const QString &member : group) {
            differs = differs || wanted.value(member) != before.value(member);
            const FieldStamp memberStamp = state.stampOf(member);
            if (memberStamp.version > server.version)
                server = memberStamp;
        }
        if (!differs)
            continue;
        const bool changedElsewhere = server.version > mutation.baseVersion && server.clientId != m_clientId;
        QString rule;
        if (!changedElsewhere || clientWins(entity, before, server, mutation, rule)) {
            for (const QString &member : group)
                after.set(member, wanted.value(member));
            applied += group;
            if (changedElsewhere) {
                lostValues.append({group.size() > 1 ? group.join(u'+') : field, valuesJson(entity, before, group),
                                   valuesJson(entity, wanted, group), server.accountId, m_actor.accountId, server.hlc,
                                   rule});
            }
        } else {
            lostValues.append({group.size() > 1 ? group.join(u'+') : field, valuesJson(entity, wanted, group),
                               valuesJson(entity, before, group), m_actor.accountId, server.accountId, mutation.hlc,
                               rule});
        }
    }

    Outcome outcome;
    outcome.version = state.version;
    outcome.row = before;
    if (!applied.isEmpty()) {
        const Core::Change change = Core::Change::update(before, after, applied);
        if (std::optional<Error> error = refuse(entity, change))
            return rejected(*error, before, state.version);
        if (entity.type == QStringView(Core::Entity::Booking) && bookingTaken(after)) {
            lostValues = {{QString(), Core::recordToJson(entity, after), Core::recordToJson(entity, before),
                           m_actor.accountId, state.created.accountId, mutation.hlc, u"first_booking_wins"_s}};
            applied.clear();
        }
    } else if (std::optional<Error> error = refuse(entity,
                                                   Core::Change::update(before, before, mutation.changedFields))) {
        // A change that lost everywhere is still refused if it was not the
        // user's to make: a conflict record must not leak a row.
        return rejected(*error, before, state.version);
    }
    if (!applied.isEmpty()) {
        Result<qint64> seq = m_feed.reserve();
        if (!seq)
            return seq.error();
        RowState next = state;
        next.version = *seq;
        for (const QString &field : std::as_const(applied))
            next.fields.insert(field, stamp(*seq, mutation));
        if (Status status = m_writer.put(after, next, *seq); !status)
            return status.error();
        outcome.version = *seq;
        outcome.row = after;
        outcome.rowAsSent = lostValues.isEmpty() && onlyChangedBy(state, mutation)
                            && after == sentOver(before, mutation);
    }
    for (const LostValue &lost : std::as_const(lostValues)) {
        if (Status status = recordConflict(entity, before, lost); !status)
            return status.error();
        outcome.conflicts.append(QJsonObject{{u"field"_s, lost.field},
                                             {u"rule"_s, lost.rule},
                                             {u"lost"_s, lost.lost},
                                             {u"kept"_s, lost.kept}});
    }
    if (!outcome.conflicts.isEmpty())
        outcome.status = u"conflict"_s;
    return outcome;
}

Result<Outcome> Applier::updateDeleted(const EntityDef &entity, const Mutation &mutation, const RowState &state)
{
    // The row was deleted while this change was made: the deletion stands;
    // the change, applied to the row's last content, is kept to be restored.
    Result<Record> last = Core::recordFromJson(state.tombstone);
    Record wanted = last ? *last : Record(entity.type, mutation.values.id());
    for (const QString &field : mutation.changedFields)
        wanted.set(field, mutation.values.value(field));
    if (std::optional<Error> error = refuse(entity, Core::Change::create(wanted)))
        return rejected(*error, std::nullopt, state.version);
    const LostValue lost{{},
                         Core::recordToJson(entity, wanted),
                         u"deleted"_s,
                         m_actor.accountId,
                         QString(),
                         mutation.hlc,
                         u"delete_wins"_s};
    return lostWhole(entity, wanted, lost, state.version, std::nullopt);
}

Result<Outcome> Applier::remove(const EntityDef &entity, const Mutation &mutation, const Record &before,
                                const RowState &state)
{
    if (std::optional<Error> error = refuse(entity, Core::Change::remove(before)))
        return rejected(*error, before, state.version);
    // Someone else changed the row after this client saw it: the update
    // wins, the row stays, and the deletion is kept to be made again.
    FieldStamp latest = state.created;
    for (const FieldStamp &fieldStamp : state.fields) {
        if (fieldStamp.version > latest.version)
            latest = fieldStamp;
    }
    if (latest.version > mutation.baseVersion && latest.clientId != m_clientId) {
        const LostValue lost{{},
                             u"deleted"_s,
                             Core::recordToJson(entity, before),
                             m_actor.accountId,
                             latest.accountId,
                             mutation.hlc,
                             u"update_wins_over_delete"_s};
        return lostWhole(entity, before, lost, state.version, before);
    }
    Result<qint64> seq = m_feed.reserve();
    if (!seq)
        return seq.error();
    if (Status status = m_writer.remove(entity.type, before.id(), state, *seq); !status)
        return status.error();
    Outcome outcome;
    outcome.version = *seq;
    return outcome;
}

} // namespace

PushService::PushService(QSqlDatabase db, Clock clock)
    : m_db(db), m_clock(std::move(clock)), m_statements(db), m_feed(m_statements), m_lookup(m_statements)
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

Result<QJsonObject> PushService::push(const Core::ActorFacts &actor, const QJsonObject &body)
{
    Result<Core::PushBatch> batch = Core::pushBatchFromJson(body);
    if (!batch)
        return batch.error();
    if (!Core::beginWriteTransaction(m_db))
        return Error{ErrorCode::DatabaseError, m_db.lastError().text()};
    Result<QJsonObject> answer = pushBatch(actor, *batch);
    if (answer) {
        if (Status counted = m_feed.endBatch(); !counted)
            answer = counted.error();
    }
    if (!answer) {
        // What the batch kept is true of this transaction only.
        m_feed.abandonBatch();
        m_db.rollback();
        return answer;
    }
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text();
        m_db.rollback();
        return Error{ErrorCode::DatabaseError, reason};
    }
    return answer;
}

Status PushService::keepReceipts(const QString &clientId, const QList<std::pair<qint64, QString>> &receipts)
{
    // Several rows a statement: a batch's receipts are written together.
    constexpr qsizetype kPerStatement = 50;
    for (qsizetype start = 0; start < receipts.size(); start += kPerStatement) {
        const qsizetype count = qMin(kPerStatement, receipts.size() - start);
        QStringList rows(count, u"(?, ?, ?)"_s);
        Result<Core::Statement *> prepared = m_statements.statement(
            u"INSERT INTO sync_receipt (client_id, number, answer) VALUES "_s + rows.join(u", "_s));
        if (!prepared)
            return prepared.error();
        Core::Statement &query = **prepared;
        int mark = 0;
        for (qsizetype i = start; i < start + count; ++i) {
            query.bindValue(mark++, clientId);
            query.bindValue(mark++, receipts.at(i).first);
            query.bindValue(mark++, receipts.at(i).second);
        }
        if (!query.exec())
            return Core::databaseError(query);
    }
    return {};
}

Result<QJsonObject> PushService::pushBatch(const Core::ActorFacts &actor, const Core::PushBatch &batch)
{
    // Batches apply one after another, also from two server processes on
    // one PostgreSQL: the feed counter's row lock, taken before anything is
    // read, is held until this batch commits. Without it, two batches read
    // the same row state and the second overwrote the first's change with
    // no conflict record (found by the kill -9 soak, docs/RELIABILITY.md).
    // SQLite's BEGIN IMMEDIATE already does the same.
    if (Result<Core::Statement *> locked = m_statements.run(u"UPDATE sync_counter SET seq = seq WHERE id = 1"_s);
        !locked)
        return locked.error();
    // With the lock held, numbers are counted in memory until the commit.
    if (Status begun = m_feed.beginBatch(); !begun)
        return begun.error();
    Result<Core::Statement *> client
        = m_statements.run(u"SELECT account_id, last_mutation FROM sync_client WHERE client_id = ?"_s, batch.clientId);
    if (!client)
        return client.error();
    qint64 lastApplied = 0;
    if ((*client)->next()) {
        const QString owner = (*client)->value(0).toString();
        lastApplied = (*client)->value(1).toLongLong();
        (*client)->finish();
        // A client id belongs to the account that first used it.
        if (owner != actor.accountId)
            return Error{ErrorCode::Forbidden, u"push.client_id"_s};
    } else if (Result<Core::Statement *> added
               = m_statements.run(u"INSERT INTO sync_client (client_id, account_id, last_mutation, created_at) "
                                  "VALUES (?, ?, 0, ?)"_s,
                                  batch.clientId, actor.accountId, m_clock());
               !added) {
        return added.error();
    }

    Applier applier(m_statements, m_feed, m_lookup, actor, batch.clientId, m_clock());
    QList<Mutation> fresh;
    for (const Mutation &mutation : batch.mutations) {
        if (mutation.number > lastApplied)
            fresh.append(mutation);
    }
    if (Status fetched = applier.prefetch(fresh); !fetched)
        return fetched.error();
    QJsonArray results;
    QList<std::pair<qint64, QString>> receipts;
    for (const Mutation &mutation : batch.mutations) {
        if (mutation.number <= lastApplied) {
            // A replay: the first answer again, nothing applied twice.
            Result<Core::Statement *> receipt
                = m_statements.run(u"SELECT answer FROM sync_receipt WHERE client_id = ? AND number = ?"_s,
                                   batch.clientId, mutation.number);
            if (!receipt)
                return receipt.error();
            results.append((*receipt)->next()
                               ? QJsonDocument::fromJson((*receipt)->value(0).toString().toUtf8()).object()
                               : QJsonObject{{u"number"_s, mutation.number}, {u"status"_s, u"duplicate"_s}});
            (*receipt)->finish();
            continue;
        }
        Result<Outcome> outcome = applier.apply(mutation);
        if (!outcome)
            return outcome.error();
        const QJsonObject answer = outcome->toJson(mutation.number);
        if (outcome->status == u"rejected"_s) {
            qCInfo(lcPush) << "refused" << mutation.values.type() << "mutation" << mutation.number
                           << "of a client:" << Core::errorCodeName(outcome->error->code) << outcome->error->context;
        }
        receipts.append({mutation.number, QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact))});
        lastApplied = mutation.number;
        results.append(answer);
    }
    if (Status kept = keepReceipts(batch.clientId, receipts); !kept)
        return kept.error();
    if (Result<Core::Statement *> moved
        = m_statements.run(u"UPDATE sync_client SET last_mutation = ? WHERE client_id = ?"_s, lastApplied,
                           batch.clientId);
        !moved) {
        return moved.error();
    }
    return QJsonObject{{u"results"_s, results}};
}

} // namespace Cartable::Server
