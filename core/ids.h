#pragma once

#include <QString>

namespace Cartable::Core {

// A new row id: a random UUID in its canonical lower-case form without braces,
// made where the row is born so that rows can be created offline.
QString newId();
bool isValidId(const QString &id);

} // namespace Cartable::Core
