#pragma once

#include "record.h"

#include <QList>
#include <QString>

namespace Cartable::Core {

// The staff directory rows (staff_member) of one person: one for each
// establishment and staff role that an enabled account of his holds, with
// his name and sex and none of his personal data. `accounts` are his
// account rows, `roles` the account_role rows of those accounts. Ids are
// derived from the establishment, the person and the role, so that the
// same facts always give the same rows, on every server.
QList<Record> staffDirectoryRows(const Record &person, const QList<Record> &accounts, const QList<Record> &roles);

// The id of the directory row of `personId` as `roleCode` in an
// establishment.
QString staffMemberId(const QString &establishmentId, const QString &personId, const QString &roleCode);

} // namespace Cartable::Core
