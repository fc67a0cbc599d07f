#pragma once

#include "blobstorage.h"

#include "core/protocol/blobs.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace Cartable::Server {

// What the server accepts of files, and how long it keeps what nobody names.
struct BlobLimits
{
    qint64 maxBlobBytes = qint64(256) << 20;
    qint64 accountQuotaBytes = qint64(2) << 30;
    qint64 establishmentQuotaBytes = qint64(200) << 30;
    std::chrono::hours grace{168};
    std::chrono::hours uploadExpiry{72};
};

// A blob an account may read, and where it is.
struct ReadableBlob
{
    BlobKey key;
    qint64 size = 0;
};

// What one garbage collection removed.
struct CollectionReport
{
    int blobs = 0;
    qint64 bytes = 0;
    int uploads = 0;
    // Files with no database row (a crash between the storage and the
    // database), and staged uploads with no open upload.
    int strays = 0;
};

// The rules of docs/PROTOCOL.md, "Files": uploads in chunks that resume,
// checked chunk by chunk and whole; who holds a blob (a claim, once he has
// proved he had its bytes); who may read one; and the collection of what no
// row names any more. The bytes live in a BlobStorage, the facts in the
// server database (blob, blob_claim, blob_upload).
class BlobService
{
public:
    // Milliseconds since the epoch.
    using Clock = std::function<qint64()>;
    // The buckets an account reads (SyncEndpoints::readableBuckets).
    using ReadableBuckets = std::function<QStringList(const QString &accountId)>;

    BlobService(QSqlDatabase db, BlobStorage &storage, ReadableBuckets readable, BlobLimits limits = {},
                Clock clock = {});

    const BlobLimits &limits() const { return m_limits; }

    // POST /api/v1/blobs/uploads.
    [[nodiscard]] Core::Result<Core::UploadStatus> openUpload(const QString &accountId,
                                                              const Core::UploadRequest &request);
    // PUT /api/v1/blobs/uploads/<id>?offset=n: `digest` is the
    // Content-Digest header.
    [[nodiscard]] Core::Result<Core::UploadStatus> writeChunk(const QString &accountId, const QString &uploadId,
                                                              qint64 offset, const QByteArray &digest,
                                                              const QByteArray &bytes);
    // DELETE /api/v1/blobs/uploads/<id>.
    [[nodiscard]] Core::Status abandon(const QString &accountId, const QString &uploadId);

    // The blob `sha256` names for the account: NotFound when no row it reads
    // names it, BlobPending when one does but its sender has not sent it.
    [[nodiscard]] Core::Result<ReadableBlob> readable(const QString &accountId, const QString &sha256);
    // Bytes of a blob that readable() gave.
    [[nodiscard]] Core::Result<QByteArray> read(const ReadableBlob &blob, const Core::ByteRange &range);

    // Removes the blobs no row has named for the grace period, with their
    // claims, and the uploads untouched for the expiry time.
    [[nodiscard]] Core::Result<CollectionReport> collectGarbage();

    // Stores `bytes` as a blob that `accountIds` hold (the reference
    // school's files), outside any upload, in the caller's transaction if
    // there is one.
    [[nodiscard]] Core::Status storeHeld(const QStringList &accountIds, const BlobKey &key, const QByteArray &bytes);
    [[nodiscard]] Core::Status storeHeld(const QString &accountId, const BlobKey &key, const QByteArray &bytes)
    {
        return storeHeld(QStringList{accountId}, key, bytes);
    }

private:
    enum class Reading { None, Pending, Granted };
    struct Upload
    {
        QString id;
        QString establishmentId;
        QString sha256;
        qint64 size = 0;
        qint64 received = 0;
    };

    qint64 now() const;
    // Whether the account may read the blob through a row of
    // `establishmentId` (any establishment when empty), and where.
    [[nodiscard]] Core::Result<std::pair<Reading, BlobKey>> reading(const QString &accountId, const QString &sha256,
                                                                    const QString &establishmentId);
    [[nodiscard]] Core::Result<bool> holds(const QString &accountId, const BlobKey &key);
    [[nodiscard]] Core::Result<std::optional<qint64>> storedSize(const BlobKey &key);
    [[nodiscard]] Core::Status checkQuotas(const QString &accountId, const BlobKey &key, qint64 size,
                                           const QString &replacedUpload);
    [[nodiscard]] Core::Result<std::optional<Upload>> findUpload(const QString &accountId, const QString &uploadId);
    [[nodiscard]] Core::Status dropUpload(const QString &uploadId);
    [[nodiscard]] Core::Status claim(const QString &accountId, const BlobKey &key);
    // Commits the staged upload and records the blob and the claim.
    [[nodiscard]] Core::Result<Core::UploadStatus> finish(const QString &accountId, const Upload &upload);
    Core::UploadStatus openStatus(const Upload &upload) const;
    Core::UploadStatus completeStatus(const BlobKey &key, qint64 size) const;

    QSqlDatabase m_db;
    BlobStorage &m_storage;
    ReadableBuckets m_readable;
    BlobLimits m_limits;
    Clock m_clock;
};

} // namespace Cartable::Server
