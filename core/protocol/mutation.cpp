#include "mutation.h"

#include "core/domain/catalog.h"
#include "core/ids.h"

#include <QJsonArray>

#include <cmath>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

const QStringList kMutationKeys{u"number"_s, u"type"_s, u"id"_s, u"op"_s, u"fields"_s, u"base_version"_s, u"hlc"_s};

// A JSON number that is a whole number a double holds exactly.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (std::trunc(number) != number || std::abs(number) > 9007199254740992.0)
        return std::nullopt;
    return value.toInteger();
}

Status readFields(const EntityDef &entity, const QJsonObject &fields, MutationOp op, Mutation &mutation,
                  const QString &path)
{
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!entity.hasField(it.key()))
            return Status(ErrorCode::UnknownField, entity.type + u'.' + it.key());
    }
    if (op == MutationOp::Delete) {
        if (!fields.isEmpty())
            return Status(ErrorCode::InvalidField, path + u".fields"_s);
        return {};
    }
    if (op == MutationOp::Update) {
        if (fields.isEmpty())
            return Status(ErrorCode::MissingField, path + u".fields"_s);
        for (const FieldDef &field : entity.fields) {
            if (!fields.contains(field.name))
                continue;
            Result<QVariant> value = fieldFromJson(entity, field, fields.value(field.name));
            if (!value)
                return value.error();
            mutation.values.set(field.name, *value);
            mutation.changedFields.append(field.name);
        }
        return {};
    }
    // A create is a whole row: the same reading as any record.
    QJsonObject whole = fields;
    whole.insert(u"type"_s, entity.type);
    whole.insert(u"id"_s, mutation.values.id());
    Result<Record> record = recordFromJson(whole);
    if (!record)
        return record.error();
    mutation.values = std::move(record).value();
    mutation.changedFields = entity.fieldNames();
    return {};
}

} // namespace

QString mutationOpCode(MutationOp op)
{
    switch (op) {
    case MutationOp::Create:
        return u"create"_s;
    case MutationOp::Update:
        return u"update"_s;
    case MutationOp::Delete:
        return u"delete"_s;
    }
    return u"update"_s;
}

std::optional<MutationOp> mutationOpFromCode(const QString &code)
{
    for (MutationOp op : {MutationOp::Create, MutationOp::Update, MutationOp::Delete}) {
        if (mutationOpCode(op) == code)
            return op;
    }
    return std::nullopt;
}

QJsonObject mutationToJson(const Mutation &mutation)
{
    QJsonObject fields;
    if (const EntityDef *entity = findEntity(mutation.values.type())) {
        for (const QString &name : mutation.changedFields) {
            if (const FieldDef *field = entity->field(name))
                fields.insert(name, fieldToJson(*field, mutation.values.value(name)));
        }
    }
    return {
        {u"number"_s, mutation.number},
        {u"type"_s, mutation.values.type()},
        {u"id"_s, mutation.values.id()},
        {u"op"_s, mutationOpCode(mutation.op)},
        {u"fields"_s, fields},
        {u"base_version"_s, mutation.baseVersion},
        {u"hlc"_s, mutation.hlc.toWire()},
    };
}

Result<Mutation> mutationFromJson(const QJsonObject &object, const QString &path)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!kMutationKeys.contains(it.key()))
            return Error{ErrorCode::UnknownField, path + u'.' + it.key()};
    }
    const auto required = [&](const QString &key) -> Status {
        if (!object.contains(key) || object.value(key).isNull())
            return Status(ErrorCode::MissingField, path + u'.' + key);
        return {};
    };
    for (const QString &key : {u"number"_s, u"type"_s, u"id"_s, u"op"_s, u"base_version"_s, u"hlc"_s}) {
        if (Status status = required(key); !status)
            return status.error();
    }

    Mutation mutation;
    const std::optional<qint64> number = wholeNumber(object.value(u"number"_s));
    if (!number || *number < 1)
        return Error{ErrorCode::InvalidField, path + u".number"_s};
    mutation.number = *number;

    const QJsonValue type = object.value(u"type"_s);
    if (!type.isString())
        return Error{ErrorCode::InvalidField, path + u".type"_s};
    const EntityDef *entity = findEntity(type.toString());
    if (!entity)
        return Error{ErrorCode::UnknownEntity, type.toString()};

    const QJsonValue id = object.value(u"id"_s);
    if (!id.isString() || !isValidId(id.toString()))
        return Error{id.isString() ? ErrorCode::InvalidFormat : ErrorCode::InvalidField, path + u".id"_s};
    mutation.values = Record(entity->type, id.toString());

    const std::optional<MutationOp> op = mutationOpFromCode(object.value(u"op"_s).toString());
    if (!object.value(u"op"_s).isString() || !op)
        return Error{ErrorCode::InvalidField, path + u".op"_s};
    mutation.op = *op;

    const std::optional<qint64> base = wholeNumber(object.value(u"base_version"_s));
    if (!base || *base < 0)
        return Error{ErrorCode::InvalidField, path + u".base_version"_s};
    mutation.baseVersion = *base;

    const std::optional<HlcTimestamp> hlc = HlcTimestamp::fromWire(object.value(u"hlc"_s).toString());
    if (!object.value(u"hlc"_s).isString() || !hlc)
        return Error{ErrorCode::InvalidFormat, path + u".hlc"_s};
    mutation.hlc = *hlc;

    const QJsonValue fields = object.value(u"fields"_s);
    if (!fields.isUndefined() && !fields.isNull() && !fields.isObject())
        return Error{ErrorCode::InvalidField, path + u".fields"_s};
    if (Status status = readFields(*entity, fields.toObject(), mutation.op, mutation, path); !status)
        return status.error();
    return mutation;
}

QJsonObject pushBatchToJson(const PushBatch &batch)
{
    QJsonArray mutations;
    for (const Mutation &mutation : batch.mutations)
        mutations.append(mutationToJson(mutation));
    return {{u"client_id"_s, batch.clientId}, {u"mutations"_s, mutations}};
}

Result<PushBatch> pushBatchFromJson(const QJsonObject &object)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() != u"client_id"_s && it.key() != u"mutations"_s)
            return Error{ErrorCode::UnknownField, u"push."_s + it.key()};
    }
    PushBatch batch;
    const QJsonValue clientId = object.value(u"client_id"_s);
    if (clientId.isUndefined() || clientId.isNull())
        return Error{ErrorCode::MissingField, u"push.client_id"_s};
    if (!clientId.isString() || !isValidId(clientId.toString()))
        return Error{ErrorCode::InvalidField, u"push.client_id"_s};
    batch.clientId = clientId.toString();

    const QJsonValue list = object.value(u"mutations"_s);
    if (list.isUndefined() || list.isNull())
        return Error{ErrorCode::MissingField, u"push.mutations"_s};
    if (!list.isArray())
        return Error{ErrorCode::InvalidField, u"push.mutations"_s};
    const QJsonArray array = list.toArray();
    if (array.isEmpty())
        return Error{ErrorCode::MissingField, u"push.mutations"_s};
    if (array.size() > PushBatch::kMaxMutations)
        return Error{ErrorCode::FieldOutOfRange, u"push.mutations"_s};
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"mutations[%1]"_s.arg(i);
        if (!array.at(i).isObject())
            return Error{ErrorCode::InvalidField, path};
        Result<Mutation> mutation = mutationFromJson(array.at(i).toObject(), path);
        if (!mutation)
            return mutation.error();
        if (!batch.mutations.isEmpty() && mutation->number <= batch.mutations.constLast().number)
            return Error{ErrorCode::InvalidField, path + u".number"_s};
        batch.mutations.append(std::move(mutation).value());
    }
    return batch;
}

} // namespace Cartable::Core
