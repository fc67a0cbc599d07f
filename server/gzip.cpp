#include "gzip.h"

#include <QList>

#include <zlib.h>

namespace Cartable::Server {

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    for (const QByteArray &part : acceptEncoding.split(',')) {
        const QList<QByteArray> pieces = part.split(';');
        const QByteArray coding = pieces.constFirst().trimmed().toLower();
        if (coding != "gzip" && coding != "x-gzip")
            continue;
        for (qsizetype i = 1; i < pieces.size(); ++i) {
            const QByteArray parameter = pieces.at(i).trimmed().toLower();
            if (parameter.startsWith("q=") && parameter.mid(2).toDouble() <= 0.0)
                return false;
        }
        return true;
    }
    return false;
}

QByteArray gzipCompress(const QByteArray &data)
{
    z_stream stream{};
    // 15 window bits, +16 for the gzip wrapper. Level 6 is zlib's balance of
    // speed and size; a large body (a first sync's pages) takes level 1,
    // three times faster for a tenth more bytes, so that the server sends
    // the page rather than the client waits for it.
    constexpr qsizetype kLargeBody = 64 * 1024;
    const int level = data.size() >= kLargeBody ? 1 : 6;
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(data.size()))));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.resize(written);
    return out;
}

} // namespace Cartable::Server
