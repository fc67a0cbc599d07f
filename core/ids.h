#pragma once

#include <QString>

#include <functional>

namespace Cartable::Core {

// A new row id: a random UUID in its canonical lower-case form without braces,
// made where the row is born so that rows can be created offline.
QString newId();
// Makes newId() return what `source` gives instead, for a simulation that
// must replay a run exactly (tests/chaos/); an empty function goes back to
// random UUIDs. Not thread-safe: set it before any thread makes ids.
void setIdSource(std::function<QString()> source);
bool isValidId(const QString &id);

} // namespace Cartable::Core
