#include "conflicts.h"

#include "replicastore.h"

#include "core/domain/catalog.h"
#include "core/errorcode.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Cartable::Sync {

using Core::Error;
using Core::ErrorCode;
using Core::Record;
using Core::Result;
using namespace Qt::StringLiterals;

namespace {

constexpr char16_t kConflictType[] = u"sync_conflict";

Result<Record> findConflict(const ReplicaStore &store, const QString &conflictId)
{
    Result<std::optional<Record>> found = store.row(QString::fromUtf16(kConflictType), conflictId);
    if (!found)
        return found.error();
    if (!*found)
        return Error{ErrorCode::NotFound, QString::fromUtf16(kConflictType) + u'/' + conflictId};
    if ((*found)->text(u"status"_s) != u"open"_s)
        return Error{ErrorCode::InvalidField, u"sync_conflict.status"_s};
    return **found;
}

ReplicaStore::LocalChange settle(const Record &conflict, const QString &status, const QString &accountId,
                                 const Core::HlcTimestamp &stamp, qint64 nowMillis)
{
    Record settled(conflict.type(), conflict.id());
    settled.set(u"status"_s, status);
    settled.set(u"resolved_by"_s, accountId.isEmpty() ? conflict.text(u"loser_account_id"_s) : accountId);
    settled.set(u"resolved_at"_s, nowMillis);
    return {Core::MutationOp::Update, settled, {u"status"_s, u"resolved_by"_s, u"resolved_at"_s}, stamp};
}

} // namespace

Result<ConflictView> readConflict(const Record &conflict)
{
    const QJsonDocument lost = QJsonDocument::fromJson(conflict.text(u"lost_value"_s).toUtf8());
    const Core::EntityDef *entity = Core::findEntity(conflict.text(u"row_type"_s));
    if (!entity || !lost.isObject())
        return Error{ErrorCode::InvalidField, u"sync_conflict.lost_value"_s};
    ConflictView view;
    view.conflict = conflict;
    view.rowType = entity->type;
    view.rowId = conflict.text(u"row_id"_s);
    view.field = conflict.text(u"field"_s);
    view.wholeRow = lost.object().contains(u"type"_s);
    view.lostValue = conflict.text(u"lost_value"_s);
    view.keptValue = conflict.text(u"kept_value"_s);
    return view;
}

namespace {

// The change that puts back what one conflict lost.
Result<ReplicaStore::LocalChange> restoreChange(const ReplicaStore &store, const Record &conflict,
                                                const Core::HlcTimestamp &stamp)
{
    Result<ConflictView> view = readConflict(conflict);
    if (!view)
        return view.error();
    const Core::EntityDef &entity = *Core::findEntity(view->rowType);
    const QJsonObject values = QJsonDocument::fromJson(view->lostValue.toUtf8()).object();
    Result<std::optional<Record>> current = store.row(entity.type, view->rowId);
    if (!current)
        return current.error();

    // A lost row is made again; lost fields are set again.
    if (view->wholeRow) {
        Result<Record> whole = Core::recordFromJson(values);
        if (!whole)
            return whole.error();
        if (whole->type() != entity.type || whole->id() != view->rowId)
            return Error{ErrorCode::InvalidField, u"sync_conflict.lost_value"_s};
        return ReplicaStore::LocalChange{*current ? Core::MutationOp::Update : Core::MutationOp::Create, *whole,
                                         *current ? entity.fieldNames() : QStringList(), stamp};
    }
    if (!*current)
        return Error{ErrorCode::NotFound, entity.type + u'/' + view->rowId};
    Record change(entity.type, view->rowId);
    QStringList fields;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const Core::FieldDef *field = entity.field(it.key());
        if (!field)
            return Error{ErrorCode::UnknownField, entity.type + u'.' + it.key()};
        Result<QVariant> value = Core::fieldFromJson(entity, *field, it.value());
        if (!value)
            return value.error();
        change.set(field->name, *value);
        fields.append(field->name);
    }
    if (fields.isEmpty())
        return Error{ErrorCode::InvalidField, u"sync_conflict.lost_value"_s};
    return ReplicaStore::LocalChange{Core::MutationOp::Update, change, fields, stamp};
}

} // namespace

Result<qint64> restoreConflicts(ReplicaStore &store, const QStringList &conflictIds, const QString &accountId,
                                const Core::HlcTimestamp &stamp, qint64 nowMillis)
{
    QList<ReplicaStore::LocalChange> changes;
    QList<ReplicaStore::LocalChange> settled;
    for (const QString &id : conflictIds) {
        Result<Record> conflict = findConflict(store, id);
        if (!conflict)
            return conflict.error();
        Result<ReplicaStore::LocalChange> change = restoreChange(store, *conflict, stamp);
        if (!change)
            return change.error();
        changes.append(*change);
        settled.append(settle(*conflict, u"restored"_s, accountId, stamp, nowMillis));
    }
    if (changes.isEmpty())
        return Error{ErrorCode::NotFound, QString::fromUtf16(kConflictType)};
    Result<QList<qint64>> numbers = store.changeAll(changes + settled);
    if (!numbers)
        return numbers.error();
    return numbers->constFirst();
}

Result<qint64> dismissConflicts(ReplicaStore &store, const QStringList &conflictIds, const QString &accountId,
                                const Core::HlcTimestamp &stamp, qint64 nowMillis)
{
    QList<ReplicaStore::LocalChange> settled;
    for (const QString &id : conflictIds) {
        Result<Record> conflict = findConflict(store, id);
        if (!conflict)
            return conflict.error();
        settled.append(settle(*conflict, u"dismissed"_s, accountId, stamp, nowMillis));
    }
    if (settled.isEmpty())
        return Error{ErrorCode::NotFound, QString::fromUtf16(kConflictType)};
    Result<QList<qint64>> numbers = store.changeAll(settled);
    if (!numbers)
        return numbers.error();
    return numbers->constFirst();
}

Result<qint64> restoreConflict(ReplicaStore &store, const QString &conflictId, const QString &accountId,
                               const Core::HlcTimestamp &stamp, qint64 nowMillis)
{
    return restoreConflicts(store, {conflictId}, accountId, stamp, nowMillis);
}

Result<qint64> dismissConflict(ReplicaStore &store, const QString &conflictId, const QString &accountId,
                               const Core::HlcTimestamp &stamp, qint64 nowMillis)
{
    return dismissConflicts(store, {conflictId}, accountId, stamp, nowMillis);
}

} // namespace Cartable::Sync
