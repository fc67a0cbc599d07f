#pragma once

#include "result.h"

#include <QString>

namespace Cartable::Core {

inline constexpr int kMinPasswordLength = 8;

// Checks a password a user chooses, the same way on both sides: at least
// kMinPasswordLength characters (and at most kMaxPasswordLength), not
// containing the login, different from the current one. Refusals are
// WeakPassword with the reason as context ("too_short", "too_long",
// "contains_login", "unchanged").
[[nodiscard]] Status checkNewPassword(const QString &newPassword, const QString &login, const QString &currentPassword);

// A temporary password for an administrator to hand over: 16 characters from
// an alphabet without look-alikes (no 0/O, 1/l/I), in groups of four.
QString makeTemporaryPassword();

} // namespace Cartable::Core
