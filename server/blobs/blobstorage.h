#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cartable::Server {

// Where a stored blob is: blobs are kept once per establishment.
struct BlobKey
{
    QString establishmentId;
    QString sha256; // 64 lower-case hexadecimal digits

    friend bool operator==(const BlobKey &, const BlobKey &) = default;
};

// A blob found in the storage, for garbage collection.
struct StoredBlob
{
    BlobKey key;
    qint64 size = 0;
    // When it was stored, in milliseconds since the epoch.
    qint64 storedAt = 0;
};

// The bytes of files (docs/PROTOCOL.md, "Files"), apart from the database
// that says who holds them: on a filesystem, or in an S3-compatible object
// store. An upload is staged under its id, chunk after chunk, then committed
// under its key once its SHA-256 has been checked; a stored blob is never
// written again. Ids and hashes are checked before they name anything
// (InvalidFormat); a failed read or write is Internal with the reason.
class BlobStorage
{
public:
    virtual ~BlobStorage() = default;

    // The bytes staged so far for `uploadId`: 0 when nothing is.
    [[nodiscard]] virtual Core::Result<qint64> stagedSize(const QString &uploadId) = 0;
    // Writes `bytes` at `offset` of the staged upload, after cutting what
    // lies past `offset` (the end of a write torn by a crash), and makes them
    // durable before answering. An offset past the staged size is
    // InvalidField ("offset").
    [[nodiscard]] virtual Core::Status writeStaged(const QString &uploadId, qint64 offset, QByteArrayView bytes) = 0;
    // `length` staged bytes from `offset` (fewer at the end).
    [[nodiscard]] virtual Core::Result<QByteArray> readStaged(const QString &uploadId, qint64 offset, qint64 length)
        = 0;
    // The SHA-256 (32 bytes) of the staged bytes, read in pieces.
    [[nodiscard]] virtual Core::Result<QByteArray> stagedSha256(const QString &uploadId) = 0;
    // Moves the staged bytes into place under `key`, atomically; when a blob
    // is already there (the same bytes, sent by someone else) the staged
    // copy is dropped.
    [[nodiscard]] virtual Core::Status commitStaged(const QString &uploadId, const BlobKey &key) = 0;
    // Drops what is staged for `uploadId`, if anything.
    [[nodiscard]] virtual Core::Status discardStaged(const QString &uploadId) = 0;
    // The ids of every staged upload.
    [[nodiscard]] virtual Core::Result<QStringList> stagedUploads() = 0;

    [[nodiscard]] virtual Core::Result<bool> contains(const BlobKey &key) = 0;
    // NotFound when the blob is not there.
    [[nodiscard]] virtual Core::Result<qint64> size(const BlobKey &key) = 0;
    // `length` bytes of the blob from `offset` (fewer at the end); NotFound
    // when the blob is not there.
    [[nodiscard]] virtual Core::Result<QByteArray> read(const BlobKey &key, qint64 offset, qint64 length) = 0;
    // Removes the blob; nothing to do when it is not there.
    [[nodiscard]] virtual Core::Status remove(const BlobKey &key) = 0;
    // Every stored blob.
    [[nodiscard]] virtual Core::Result<QList<StoredBlob>> list() = 0;
};

} // namespace Cartable::Server
