#include "blobs.h"

#include "core/ids.h"
#include "core/jsonreader.h"

#include <QCryptographicHash>

#include <algorithm>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

bool isSha256Hex(const QString &text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

const QList<BlobReference> &blobReferences()
{
    static const QList<BlobReference> references{
        {u"attachment"_s, u"sha256"_s, u"size_bytes"_s, u"uploaded_by"_s},
        {u"document"_s, u"sha256"_s, u"size_bytes"_s, u"uploaded_by"_s},
        {u"report_card"_s, u"document_sha256"_s, QString(), u"published_by"_s},
    };
    return references;
}

const BlobReference *blobReferenceOf(const QString &entity)
{
    for (const BlobReference &reference : blobReferences()) {
        if (reference.entity == entity)
            return &reference;
    }
    return nullptr;
}

QByteArray contentDigest(QByteArrayView bytes)
{
    return "sha-256=:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64() + ':';
}

std::optional<QByteArray> sha256FromContentDigest(const QByteArray &header)
{
    for (const QByteArray &entry : header.split(',')) {
        const QByteArray item = entry.trimmed();
        const qsizetype equals = item.indexOf('=');
        if (equals < 0 || item.left(equals).trimmed().toLower() != "sha-256")
            continue;
        const QByteArray value = item.mid(equals + 1).trimmed();
        if (value.size() < 2 || !value.startsWith(':') || !value.endsWith(':'))
            return std::nullopt;
        const auto decoded = QByteArray::fromBase64Encoding(value.mid(1, value.size() - 2),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != 32)
            return std::nullopt;
        return decoded.decoded;
    }
    return std::nullopt;
}

namespace {

// A decimal number of at most 18 digits, nothing else.
std::optional<qint64> parseCount(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

Result<ByteRange> parseRange(const QByteArray &header, qint64 size, qint64 maxLength)
{
    const Error malformed{ErrorCode::InvalidField, u"range"_s};
    const QByteArray text = header.trimmed();
    if (!text.startsWith("bytes="))
        return malformed;
    const QByteArray spec = text.mid(6).trimmed();
    if (spec.contains(','))
        return malformed;
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return malformed;
    const QByteArrayView from = QByteArrayView(spec).first(dash).trimmed();
    const QByteArrayView to = QByteArrayView(spec).sliced(dash + 1).trimmed();
    ByteRange range;
    if (from.isEmpty()) {
        // The last n bytes.
        const std::optional<qint64> suffix = parseCount(to);
        if (!suffix)
            return malformed;
        if (*suffix == 0 || size == 0)
            return Error{ErrorCode::RangeNotSatisfiable, QString::number(size)};
        range.first = qMax<qint64>(0, size - *suffix);
        range.last = size - 1;
    } else {
        const std::optional<qint64> first = parseCount(from);
        if (!first)
            return malformed;
        // "a-" runs to the end, whatever the size (an empty file included).
        const std::optional<qint64> last = to.isEmpty() ? std::optional<qint64>(*first) : parseCount(to);
        if (!last || *last < *first)
            return malformed;
        if (*first >= size)
            return Error{ErrorCode::RangeNotSatisfiable, QString::number(size)};
        range.first = *first;
        range.last = to.isEmpty() ? size - 1 : qMin(*last, size - 1);
    }
    if (maxLength > 0 && range.length() > maxLength)
        range.last = range.first + maxLength - 1;
    return range;
}

QByteArray contentRange(const ByteRange &range, qint64 size)
{
    return "bytes " + QByteArray::number(range.first) + '-' + QByteArray::number(range.last) + '/'
           + QByteArray::number(size);
}

std::optional<std::pair<ByteRange, qint64>> parseContentRange(const QByteArray &header)
{
    const QByteArray text = header.trimmed();
    if (!text.startsWith("bytes "))
        return std::nullopt;
    const QByteArray spec = text.mid(6);
    const qsizetype dash = spec.indexOf('-');
    const qsizetype slash = spec.indexOf('/');
    if (dash <= 0 || slash <= dash)
        return std::nullopt;
    const std::optional<qint64> first = parseCount(QByteArrayView(spec).first(dash));
    const std::optional<qint64> last = parseCount(QByteArrayView(spec).sliced(dash + 1, slash - dash - 1));
    const std::optional<qint64> size = parseCount(QByteArrayView(spec).sliced(slash + 1));
    if (!first || !last || !size || *last < *first || *last >= *size)
        return std::nullopt;
    return std::pair{ByteRange{*first, *last}, *size};
}

QJsonObject UploadRequest::toJson() const
{
    return {{u"establishment_id"_s, establishmentId}, {u"sha256"_s, sha256}, {u"size"_s, size}};
}

namespace {

// A whole number in a JSON value, without the rounding of toInteger(),
// negative ones included: the caller says whether they are in range.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    constexpr double kMaxExact = 9007199254740992.0; // 2^53
    // The range first: converting a double outside qint64's is undefined.
    if (!(number >= -kMaxExact && number <= kMaxExact))
        return std::nullopt;
    if (number != static_cast<double>(static_cast<qint64>(number)))
        return std::nullopt;
    return static_cast<qint64>(number);
}

} // namespace

Result<UploadRequest> UploadRequest::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, u"upload"_s);
    reader.rejectUnknownKeys({u"establishment_id"_s, u"sha256"_s, u"size"_s});
    UploadRequest request;
    request.establishmentId = reader.requiredString(u"establishment_id"_s);
    request.sha256 = reader.requiredString(u"sha256"_s);
    if (!reader.ok())
        return reader.error();
    if (!object.contains(u"size"_s))
        return Error{ErrorCode::MissingField, u"upload.size"_s};
    const std::optional<qint64> size = wholeNumber(object.value(u"size"_s));
    if (!size)
        return Error{ErrorCode::InvalidField, u"upload.size"_s};
    request.size = *size;
    if (!isValidId(request.establishmentId))
        return Error{ErrorCode::InvalidFormat, u"upload.establishment_id"_s};
    if (!isSha256Hex(request.sha256))
        return Error{ErrorCode::InvalidFormat, u"upload.sha256"_s};
    if (request.size < 1)
        return Error{ErrorCode::FieldOutOfRange, u"upload.size"_s};
    return request;
}

QJsonObject UploadStatus::toJson() const
{
    QJsonObject object{{u"sha256"_s, sha256},
                       {u"size"_s, size},
                       {u"received"_s, received},
                       {u"complete"_s, complete},
                       {u"chunk_bytes"_s, chunkBytes}};
    if (!uploadId.isEmpty())
        object.insert(u"upload_id"_s, uploadId);
    return object;
}

Result<UploadStatus> UploadStatus::fromJson(const QJsonObject &object)
{
    const Error malformed{ErrorCode::InvalidServerResponse, u"upload"_s};
    UploadStatus status;
    status.sha256 = object.value(u"sha256"_s).toString();
    status.uploadId = object.value(u"upload_id"_s).toString();
    const std::optional<qint64> size = wholeNumber(object.value(u"size"_s));
    const std::optional<qint64> received = wholeNumber(object.value(u"received"_s));
    const std::optional<qint64> chunk = wholeNumber(object.value(u"chunk_bytes"_s));
    if (!isSha256Hex(status.sha256) || !size || !received || !chunk || !object.value(u"complete"_s).isBool()
        || *size < 0 || *received < 0)
        return malformed;
    status.size = *size;
    status.received = *received;
    status.chunkBytes = *chunk;
    status.complete = object.value(u"complete"_s).toBool();
    if (status.received > status.size || status.chunkBytes < 1 || status.chunkBytes > kMaxBlobChunkBytes
        || (!status.complete && status.uploadId.isEmpty()) || (status.complete && status.received != status.size)
        || status.uploadId.size() > 64)
        return malformed;
    return status;
}

} // namespace Cartable::Core
