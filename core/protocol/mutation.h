#pragma once

#include "hlc.h"

#include "core/domain/record.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cartable::Core {

enum class MutationOp { Create, Update, Delete };

QString mutationOpCode(MutationOp op);
std::optional<MutationOp> mutationOpFromCode(const QString &code);

// One local change, as the client's outbox keeps it and pushes it.
struct Mutation
{
    // Numbered from 1 by the client that made it, without gaps: the server
    // remembers the last number it applied per client, so a replayed batch
    // applies nothing twice.
    qint64 number = 0;
    MutationOp op = MutationOp::Update;
    // The row's type and id, and, for a create, every field; for an
    // update, the changed fields only (a field listed in `changedFields`
    // but unset in `values` is set to NULL); for a delete, nothing.
    Record values;
    QStringList changedFields;
    // The row's server version the change was made on; 0 for a row the
    // server has not seen yet.
    qint64 baseVersion = 0;
    HlcTimestamp hlc;

    friend bool operator==(const Mutation &, const Mutation &) = default;
};

// A batch of one client's mutations, in order.
struct PushBatch
{
    QString clientId;
    QList<Mutation> mutations;

    static constexpr qsizetype kMaxMutations = 500;

    friend bool operator==(const PushBatch &, const PushBatch &) = default;
};

QJsonObject mutationToJson(const Mutation &mutation);
// Reads and checks one mutation: a known type, a valid id, an operation, a
// number of at least 1, a base version of at least 0, a clock reading, and
// fields as the catalogue wants them (a create is a whole valid row; an
// update changes at least one field, each valid; a delete carries none).
// Errors name the place: "mutations[3].fields".
[[nodiscard]] Result<Mutation> mutationFromJson(const QJsonObject &object, const QString &path);

QJsonObject pushBatchToJson(const PushBatch &batch);
// {"client_id": uuid, "mutations": [...]}: 1 to kMaxMutations mutations with
// strictly increasing numbers.
[[nodiscard]] Result<PushBatch> pushBatchFromJson(const QJsonObject &object);

} // namespace Cartable::Core
