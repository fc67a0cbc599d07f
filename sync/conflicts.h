#pragma once

#include "core/domain/record.h"
#include "core/protocol/hlc.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

namespace Cartable::Sync {

class ReplicaStore;

// What a conflict record says, read for people: the row and field it is
// about, the value that lost and the one kept, as JSON text from the server.
struct ConflictView
{
    Core::Record conflict;
    QString rowType;
    QString rowId;
    QString field;     // empty when a whole row lost (a delete, a booking)
    QString lostValue; // the losing field's value, or the lost row's
    QString keptValue; // what the row holds now
    bool wholeRow = false;
};

// Reads a sync_conflict row: InvalidField (context
// "sync_conflict.lost_value") when its lost value is not the JSON the
// server writes.
[[nodiscard]] Core::Result<ConflictView> readConflict(const Core::Record &conflict);

// Puts the lost value back as a new local change (a lost row is made again,
// lost fields are set again) and marks the conflict restored by `accountId`.
// Returns the number of the change that restores the value.
[[nodiscard]] Core::Result<qint64> restoreConflict(ReplicaStore &store, const QString &conflictId,
                                                   const QString &accountId, const Core::HlcTimestamp &stamp,
                                                   qint64 nowMillis);
// Keeps what won and marks the conflict dismissed by `accountId`.
[[nodiscard]] Core::Result<qint64> dismissConflict(ReplicaStore &store, const QString &conflictId,
                                                   const QString &accountId, const Core::HlcTimestamp &stamp,
                                                   qint64 nowMillis);

// The same for the conflicts one change made (a grade's mark and the time it
// was given lose together): all are settled, or none.
[[nodiscard]] Core::Result<qint64> restoreConflicts(ReplicaStore &store, const QStringList &conflictIds,
                                                    const QString &accountId, const Core::HlcTimestamp &stamp,
                                                    qint64 nowMillis);
[[nodiscard]] Core::Result<qint64> dismissConflicts(ReplicaStore &store, const QStringList &conflictIds,
                                                    const QString &accountId, const Core::HlcTimestamp &stamp,
                                                    qint64 nowMillis);

} // namespace Cartable::Sync
