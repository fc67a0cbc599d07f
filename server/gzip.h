#pragma once

#include <QByteArray>

namespace Cartable::Server {

// Whether an Accept-Encoding header accepts gzip (and does not refuse it with
// q=0).
bool acceptsGzip(const QByteArray &acceptEncoding);

// `data` in the gzip format (RFC 1952); empty on failure.
QByteArray gzipCompress(const QByteArray &data);

} // namespace Cartable::Server
