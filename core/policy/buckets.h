#pragma once

#include "policylookup.h"

#include "core/domain/record.h"

#include <QString>
#include <QStringList>

namespace Cartable::Core {

// A bucket is a named set of rows that is read as a whole: "kind:uuid".
// docs/POLICY.md lists them and says which rows fall in which.
namespace Bucket {
QString establishment(const QString &establishmentId);  // public data of an establishment, no personal data
QString directory(const QString &establishmentId);      // its staff directory: names, roles, subjects
QString staff(const QString &establishmentId);          // its staff-only data
QString administration(const QString &establishmentId); // its accounts, for those who manage them
QString schoolClass(const QString &classId);
QString classStaff(const QString &classId); // staff-only data about a class
QString group(const QString &groupId);      // a teaching group
QString groupStaff(const QString &groupId); // staff-only data about a teaching group
QString student(const QString &personId);   // a student's record
QString account(const QString &accountId);  // a user's mailbox and personal space
QString workingGroup(const QString &workingGroupId);
} // namespace Bucket

// The buckets a row belongs to, sorted, without duplicates. Rows that depend
// on others (a person, an exception of a slot, a message of a thread, a
// shared document, an attachment) read them through `lookup`. A row in no
// bucket (an unknown type, a row whose parent is missing) is read by nobody.
QStringList rowBuckets(const Record &row, const PolicyLookup &lookup);

} // namespace Cartable::Core
