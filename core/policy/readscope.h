#pragma once

#include "actorfacts.h"

#include <QStringList>

namespace Cartable::Core {

// The buckets a user may read, sorted, without duplicates: a pure function of
// his facts. docs/POLICY.md says who reads what.
QStringList readableBuckets(const ActorFacts &actor);

// Whether a row in `rowBuckets` (see rowBuckets()) is readable with
// `readable` (see readableBuckets()): they share a bucket.
bool isReadable(const QStringList &rowBuckets, const QStringList &readable);

} // namespace Cartable::Core
