#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Cartable::Core {

// Files travel as content-addressed blobs: a row (an attachment, a document,
// a report card) names its file by the SHA-256 of its bytes, and the bytes
// go up and down in chunks, apart from the rows (docs/PROTOCOL.md, "Files").

// What a client sends, and asks for, at a time.
constexpr qint64 kBlobChunkBytes = qint64(1) << 20;
// The most a server accepts in one chunk, or answers to one range.
constexpr qint64 kMaxBlobChunkBytes = qint64(4) << 20;

// 64 lower-case hexadecimal digits.
bool isSha256Hex(const QString &text);

// The rows that name a blob: the field with its SHA-256, the one with its
// size (empty when the entity has none), and the account that answers for
// its bytes (the one that uploaded them).
struct BlobReference
{
    QString entity;
    QString hashField;
    QString sizeField;
    QString uploaderField;
};
const QList<BlobReference> &blobReferences();
// The reference of rows of `entity`, if they name blobs.
const BlobReference *blobReferenceOf(const QString &entity);

// An RFC 9530 Content-Digest header for `bytes`: "sha-256=:<base64>:".
QByteArray contentDigest(QByteArrayView bytes);
// The SHA-256 (32 bytes) a Content-Digest header gives; nothing when it has
// no sha-256 entry or a malformed one. Other algorithms are ignored.
std::optional<QByteArray> sha256FromContentDigest(const QByteArray &header);

// A byte range, both ends included.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = -1;

    qint64 length() const { return last - first + 1; }
    friend bool operator==(const ByteRange &, const ByteRange &) = default;
};

// The one range of a Range header ("bytes=a-b", "bytes=a-", "bytes=-n")
// in a file of `size` bytes, cut to at most `maxLength` bytes.
// InvalidField (context "range") for a malformed header or several ranges;
// RangeNotSatisfiable (context the size) for a range outside the file.
[[nodiscard]] Result<ByteRange> parseRange(const QByteArray &header, qint64 size, qint64 maxLength);
// "bytes a-b/size".
QByteArray contentRange(const ByteRange &range, qint64 size);
// The range and the size of a Content-Range header; nothing if malformed.
std::optional<std::pair<ByteRange, qint64>> parseContentRange(const QByteArray &header);

// POST /api/v1/blobs/uploads: the file a client is about to send.
struct UploadRequest
{
    QString establishmentId;
    QString sha256;
    qint64 size = 0;

    QJsonObject toJson() const;
    // InvalidJson, MissingField, InvalidField, InvalidFormat ("upload.sha256"),
    // FieldOutOfRange ("upload.size", below 1).
    [[nodiscard]] static Result<UploadRequest> fromJson(const QJsonObject &object);
};

// Where an upload stands: complete (the server holds the bytes for the
// account), or open with the bytes received so far.
struct UploadStatus
{
    QString uploadId; // empty once complete
    QString sha256;
    qint64 size = 0;
    qint64 received = 0;
    bool complete = false;
    qint64 chunkBytes = kBlobChunkBytes;

    QJsonObject toJson() const;
    // InvalidServerResponse for a malformed answer.
    [[nodiscard]] static Result<UploadStatus> fromJson(const QJsonObject &object);
    friend bool operator==(const UploadStatus &, const UploadStatus &) = default;
};

} // namespace Cartable::Core
