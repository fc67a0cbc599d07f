#pragma once

#include "core/result.h"

#include <QUrl>

namespace Cartable::Sync {

// Turns what a user typed ("127.0.0.1:8470", "https://ent.lycee.fr/") into the
// base URL of a Cartable server: http or https, a host, no path beyond "/", no
// query, no fragment, no user info. http is assumed when no scheme is given.
[[nodiscard]] Core::Result<QUrl> normalizeServerUrl(const QString &text);

} // namespace Cartable::Sync
