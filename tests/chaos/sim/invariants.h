#pragma once

#include "simclient.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

namespace Cartable::Chaos {

struct InvariantInput
{
    SimServer &server;
    QString templatePath; // the school before the run
    const std::vector<std::unique_ptr<Device>> &devices;
    // One replica per account made from nothing after the run, when the
    // run made them (else empty): a second view of what the user may read.
    const std::vector<std::unique_ptr<Device>> &fresh;
    const QList<Written> &written;
    // The files of the run, when it moved some.
    const FileModel *files = nullptr;
    // Every range of a blob that reached a device.
    const QList<BlobDelivery> *deliveries = nullptr;
};

// Checks, once every device has settled, and returns one line per
// violation:
//
//  - drained: no device has a change waiting;
//  - converged, and nothing out of scope: every device's replica holds
//    exactly the server's view of its user: the live rows of the buckets he
//    may read now, with their content and version, read from the server's
//    tables; and, when the run made them, the same as a replica of the same
//    account synced from nothing;
//  - one answer each: the server has one receipt for every change a device
//    saved, numbered 1… without a gap, and none for a change it did not
//    make; a rejection carries its reason;
//  - no silent loss: a value a device saved and the server took (applied
//    or conflict) that is not the row's final value was replaced by a later
//    change of the same device, or by a change of someone whose replica had
//    seen it (based on the version it made), or is kept in a conflict record
//    whose loser is its author; a row gone at the end was deleted by an
//    accepted delete, or its loss is a conflict record;
//  - nothing invented: a final value of a field some device wrote is the
//    school's first value or one some accepted change wrote, never a
//    refused one;
//  - no stale write: no field's last stamp is older than a change that was
//    applied to it (a replayed or late request wrote over a newer value);
//  - files drained: no device has a file waiting to be sent, or refused;
//  - files readable: every file a row names that a device reads, once the
//    row's sender holds it, is in the device's cache with the bytes that
//    were attached, and the server gives the account those bytes; a file a
//    device attached in the run is held by the server from its sender (no
//    file lost, none corrupted);
//  - files private: every range of a blob a device received was one its
//    account could read, by the read rule computed on the server's tables
//    (mayReadBlob) when it was answered or at the end.
QStringList checkInvariants(const InvariantInput &input);

} // namespace Cartable::Chaos
