#include "blobservice.h"

#include "server/scoperesolver.h"

#include "core/files/filetype.h"
#include "core/ids.h"
#include "core/policy/buckets.h"
#include "core/role.h"
#include "core/sqlstatement.h"
#include "core/transaction.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlQuery>

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcBlobs, "cartable.server.blobs")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::UploadStatus;

namespace {

qint64 hoursInMillis(std::chrono::hours hours)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(hours).count();
}

// "EXISTS (…) OR EXISTS (…)": a row of any entity that names the blob of
// the outer query's `blob` row. Names from the catalogue only.
QString namedCondition()
{
    QStringList parts;
    for (const Core::BlobReference &reference : Core::blobReferences()) {
        parts.append(u"EXISTS (SELECT 1 FROM %1 r WHERE r.%2 = blob.sha256 AND r.establishment_id = "
                     "blob.establishment_id)"_s.arg(reference.entity, reference.hashField));
    }
    return u"("_s + parts.join(u" OR "_s) + u')';
}

Core::Result<qint64> singleNumber(QSqlQuery &query)
{
    if (!query.next())
        return Core::databaseError(query);
    return query.value(0).toLongLong();
}

} // namespace

BlobService::BlobService(QSqlDatabase db, BlobStorage &storage, ReadableBuckets readable, BlobLimits limits,
                         Clock clock)
    : m_db(std::move(db)),
      m_storage(storage),
      m_readable(std::move(readable)),
      m_limits(limits),
      m_clock(std::move(clock))
{
}

qint64 BlobService::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

UploadStatus BlobService::openStatus(const Upload &upload) const
{
    UploadStatus status;
    status.uploadId = upload.id;
    status.sha256 = upload.sha256;
    status.size = upload.size;
    status.received = upload.received;
    return status;
}

UploadStatus BlobService::completeStatus(const BlobKey &key, qint64 size) const
{
    UploadStatus status;
    status.sha256 = key.sha256;
    status.size = size;
    status.received = size;
    status.complete = true;
    return status;
}

Core::Result<bool> BlobService::holds(const QString &accountId, const BlobKey &key)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query,
                            u"SELECT 1 FROM blob_claim c JOIN blob b ON b.establishment_id = c.establishment_id "
                            "AND b.sha256 = c.sha256 WHERE c.establishment_id = ? AND c.sha256 = ? "
                            "AND c.account_id = ?"_s,
                            key.establishmentId, key.sha256, accountId)) {
        return Core::databaseError(query);
    }
    return query.next();
}

Core::Result<std::optional<qint64>> BlobService::storedSize(const BlobKey &key)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query, u"SELECT size_bytes FROM blob WHERE establishment_id = ? AND sha256 = ?"_s,
                            key.establishmentId, key.sha256)) {
        return Core::databaseError(query);
    }
    if (!query.next())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

Core::Result<std::pair<BlobService::Reading, BlobKey>> BlobService::reading(const QString &accountId,
                                                                            const QString &sha256,
                                                                            const QString &establishmentId)
{
    const SqlPolicyLookup lookup(m_db);
    std::optional<QSet<QString>> readable;
    bool seen = false;
    for (const Core::BlobReference &reference : Core::blobReferences()) {
        for (const Core::Record &row : lookup.rowsWhere(reference.entity, reference.hashField, sha256)) {
            const BlobKey key{row.text(u"establishment_id"_s), sha256};
            if (!establishmentId.isEmpty() && key.establishmentId != establishmentId)
                continue;
            if (!readable) {
                const QStringList buckets = m_readable ? m_readable(accountId) : QStringList();
                readable = QSet<QString>(buckets.cbegin(), buckets.cend());
            }
            const QStringList buckets = Core::rowBuckets(row, lookup);
            if (!std::any_of(buckets.cbegin(), buckets.cend(),
                             [&readable](const QString &bucket) { return readable->contains(bucket); })) {
                continue;
            }
            seen = true;
            // The row counts once the account it names as the sender has
            // proved it had the bytes.
            const QString sender = row.text(reference.uploaderField);
            if (sender.isEmpty())
                continue;
            const Core::Result<bool> held = holds(sender, key);
            if (!held)
                return held.error();
            if (*held)
                return std::pair{Reading::Granted, key};
        }
    }
    return std::pair{seen ? Reading::Pending : Reading::None, BlobKey{}};
}

Core::Status BlobService::claim(const QString &accountId, const BlobKey &key)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query,
                            u"INSERT INTO blob_claim (establishment_id, sha256, account_id, claimed_at) "
                            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
                            key.establishmentId, key.sha256, accountId, now())) {
        return Core::databaseError(query);
    }
    return {};
}

Core::Status BlobService::checkQuotas(const QString &accountId, const BlobKey &key, qint64 size,
                                      const QString &replacedUpload)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query,
                            u"SELECT COALESCE(SUM(b.size_bytes), 0) FROM blob_claim c JOIN blob b "
                            "ON b.establishment_id = c.establishment_id AND b.sha256 = c.sha256 "
                            "WHERE c.account_id = ? AND c.establishment_id = ?"_s,
                            accountId, key.establishmentId)) {
        return Core::databaseError(query);
    }
    const Core::Result<qint64> held = singleNumber(query);
    if (!held)
        return held.error();
    if (!Core::execPrepared(query,
                            u"SELECT COALESCE(SUM(size_bytes), 0) FROM blob_upload WHERE account_id = ? "
                            "AND establishment_id = ? AND id <> COALESCE(?, '')"_s,
                            accountId, key.establishmentId, replacedUpload)) {
        return Core::databaseError(query);
    }
    const Core::Result<qint64> sending = singleNumber(query);
    if (!sending)
        return sending.error();
    if (*held + *sending + size > m_limits.accountQuotaBytes)
        return Error{ErrorCode::QuotaExceeded, u"account"_s};

    if (!Core::execPrepared(query, u"SELECT COALESCE(SUM(size_bytes), 0) FROM blob WHERE establishment_id = ?"_s,
                            key.establishmentId)) {
        return Core::databaseError(query);
    }
    const Core::Result<qint64> stored = singleNumber(query);
    if (!stored)
        return stored.error();
    if (!Core::execPrepared(query,
                            u"SELECT COALESCE(SUM(size_bytes), 0) FROM blob_upload WHERE establishment_id = ? "
                            "AND id <> COALESCE(?, '')"_s,
                            key.establishmentId, replacedUpload)) {
        return Core::databaseError(query);
    }
    const Core::Result<qint64> open = singleNumber(query);
    if (!open)
        return open.error();
    // A blob already stored takes no more room in the establishment.
    const Core::Result<std::optional<qint64>> already = storedSize(key);
    if (!already)
        return already.error();
    if (*stored + *open + (*already ? 0 : size) > m_limits.establishmentQuotaBytes)
        return Error{ErrorCode::QuotaExceeded, u"establishment"_s};
    return {};
}

Core::Result<UploadStatus> BlobService::openUpload(const QString &accountId, const Core::UploadRequest &request)
{
    const BlobKey key{request.establishmentId, request.sha256};
    QSqlQuery query(m_db);
    // The local authority reads statistics, it does not exchange files.
    if (!Core::execPrepared(query,
                            u"SELECT 1 FROM account_role WHERE account_id = ? AND establishment_id = ? AND role <> ?"_s,
                            accountId, key.establishmentId, Core::roleCode(Core::Role::LocalAuthority))) {
        return Core::databaseError(query);
    }
    if (!query.next())
        return Error{ErrorCode::Forbidden, u"blob.no_role"_s};
    if (request.size > m_limits.maxBlobBytes)
        return Error{ErrorCode::PayloadTooLarge, u"blob"_s};

    const Core::Result<bool> held = holds(accountId, key);
    if (!held)
        return held.error();
    const Core::Result<std::optional<qint64>> stored = storedSize(key);
    if (!stored)
        return stored.error();
    if (*held && *stored)
        return completeStatus(key, **stored);
    if (*stored) {
        // Forwarding a file received: the account proves nothing more by
        // sending bytes the server gives it.
        const Core::Result<std::pair<Reading, BlobKey>> read = reading(accountId, key.sha256, key.establishmentId);
        if (!read)
            return read.error();
        if (read->first == Reading::Granted) {
            if (Core::Status claimed = claim(accountId, key); !claimed)
                return claimed.error();
            return completeStatus(key, **stored);
        }
    }

    if (!Core::execPrepared(query,
                            u"SELECT id, size_bytes, received FROM blob_upload WHERE account_id = ? "
                            "AND establishment_id = ? AND sha256 = ?"_s,
                            accountId, key.establishmentId, key.sha256)) {
        return Core::databaseError(query);
    }
    std::optional<Upload> existing;
    if (query.next())
        existing = Upload{query.value(0).toString(), key.establishmentId, key.sha256, query.value(1).toLongLong(),
                          query.value(2).toLongLong()};
    query.finish();
    if (existing && existing->size == request.size) {
        // The bytes on disk are the truth: a crash may have lost a chunk
        // the database counted, or kept one it did not.
        const Core::Result<qint64> staged = m_storage.stagedSize(existing->id);
        if (!staged)
            return staged.error();
        existing->received = qMin(existing->received, *staged);
        if (!Core::execPrepared(query, u"UPDATE blob_upload SET received = ?, touched_at = ? WHERE id = ?"_s,
                                existing->received, now(), existing->id)) {
            return Core::databaseError(query);
        }
        // Every byte came, but the server stopped before it stored the file
        // (killed after the last chunk): it is stored now.
        if (existing->received == existing->size)
            return finish(accountId, *existing);
        return openStatus(*existing);
    }
    if (Core::Status fits = checkQuotas(accountId, key, request.size, existing ? existing->id : QString()); !fits)
        return fits.error();
    if (existing) {
        // Another size for the same hash: one of the two is wrong, the
        // newest request wins.
        if (Core::Status dropped = m_storage.discardStaged(existing->id); !dropped)
            return dropped.error();
        if (Core::Status dropped = dropUpload(existing->id); !dropped)
            return dropped.error();
    }
    const Upload upload{Core::newId(), key.establishmentId, key.sha256, request.size, 0};
    const qint64 at = now();
    if (!Core::execPrepared(query,
                            u"INSERT INTO blob_upload (id, account_id, establishment_id, sha256, size_bytes, received, "
                            "created_at, touched_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)"_s,
                            upload.id, accountId, upload.establishmentId, upload.sha256, upload.size, at, at)) {
        return Core::databaseError(query);
    }
    return openStatus(upload);
}

Core::Result<std::optional<BlobService::Upload>> BlobService::findUpload(const QString &accountId,
                                                                         const QString &uploadId)
{
    if (!Core::isValidId(uploadId))
        return std::optional<Upload>();
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query,
                            u"SELECT establishment_id, sha256, size_bytes, received FROM blob_upload "
                            "WHERE id = ? AND account_id = ?"_s,
                            uploadId, accountId)) {
        return Core::databaseError(query);
    }
    if (!query.next())
        return std::optional<Upload>();
    return std::optional<Upload>(Upload{uploadId, query.value(0).toString(), query.value(1).toString(),
                                        query.value(2).toLongLong(), query.value(3).toLongLong()});
}

Core::Status BlobService::dropUpload(const QString &uploadId)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query, u"DELETE FROM blob_upload WHERE id = ?"_s, uploadId))
        return Core::databaseError(query);
    return {};
}

Core::Result<UploadStatus> BlobService::writeChunk(const QString &accountId, const QString &uploadId, qint64 offset,
                                                   const QByteArray &digest, const QByteArray &bytes)
{
    if (digest.trimmed().isEmpty())
        return Error{ErrorCode::MissingField, u"content-digest"_s};
    const std::optional<QByteArray> announced = Core::sha256FromContentDigest(digest);
    if (!announced)
        return Error{ErrorCode::InvalidField, u"content-digest"_s};
    const Core::Result<std::optional<Upload>> found = findUpload(accountId, uploadId);
    if (!found)
        return found.error();
    if (!*found)
        return Error{ErrorCode::NotFound, u"upload"_s};
    Upload upload = **found;
    if (bytes.isEmpty() || bytes.size() > Core::kMaxBlobChunkBytes)
        return Error{ErrorCode::InvalidField, u"chunk"_s};
    if (offset != upload.received)
        return Error{ErrorCode::UploadOffsetMismatch, QString::number(upload.received)};
    if (offset + bytes.size() > upload.size)
        return Error{ErrorCode::InvalidField, u"chunk"_s};
    if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) != *announced)
        return Error{ErrorCode::HashMismatch, u"chunk"_s};

    // The type is told once the head of the file is in, whatever the chunks.
    const qint64 headLength = qMin<qint64>(upload.size, Core::kFileTypeHeadBytes);
    if (offset < headLength && offset + bytes.size() >= headLength) {
        QByteArray head;
        if (offset > 0) {
            const Core::Result<QByteArray> before = m_storage.readStaged(upload.id, 0, offset);
            if (!before)
                return before.error();
            head = *before;
        }
        head += bytes.left(headLength - offset);
        if (!Core::isAcceptedFile(head)) {
            if (Core::Status dropped = m_storage.discardStaged(upload.id); !dropped)
                return dropped.error();
            if (Core::Status dropped = dropUpload(upload.id); !dropped)
                return dropped.error();
            return Error{ErrorCode::FileTypeRefused, QString()};
        }
    }

    if (Core::Status written = m_storage.writeStaged(upload.id, offset, bytes); !written)
        return written.error();
    upload.received = offset + bytes.size();
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query, u"UPDATE blob_upload SET received = ?, touched_at = ? WHERE id = ?"_s,
                            upload.received, now(), upload.id)) {
        return Core::databaseError(query);
    }
    if (upload.received < upload.size)
        return openStatus(upload);
    return finish(accountId, upload);
}

Core::Result<UploadStatus> BlobService::finish(const QString &accountId, const Upload &upload)
{
    const BlobKey key{upload.establishmentId, upload.sha256};
    const Core::Result<QByteArray> hash = m_storage.stagedSha256(upload.id);
    if (!hash)
        return hash.error();
    const Core::Result<QByteArray> head = m_storage.readStaged(upload.id, 0,
                                                               qMin<qint64>(upload.size, Core::kFileTypeHeadBytes));
    if (!head)
        return head.error();
    const std::optional<Core::FileType> type = Core::detectFileType(*head);
    if (QString::fromLatin1(hash->toHex()) != upload.sha256 || !type) {
        if (Core::Status dropped = m_storage.discardStaged(upload.id); !dropped)
            return dropped.error();
        if (Core::Status dropped = dropUpload(upload.id); !dropped)
            return dropped.error();
        return type ? Error{ErrorCode::HashMismatch, u"blob"_s} : Error{ErrorCode::FileTypeRefused, QString()};
    }
    // The bytes first: a crash before the rows leaves a stray file that the
    // collection removes, never a row without its file.
    if (Core::Status committed = m_storage.commitStaged(upload.id, key); !committed)
        return committed.error();
    if (!Core::beginWriteTransaction(m_db))
        return Error{ErrorCode::DatabaseError, u"cannot start a transaction"_s};
    const qint64 at = now();
    QSqlQuery query(m_db);
    const bool written
        = Core::execPrepared(query,
                             u"INSERT INTO blob (establishment_id, sha256, size_bytes, mime_type, stored_at, "
                             "last_referenced_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
                             key.establishmentId, key.sha256, upload.size, type->mimeType, at, at)
          && Core::execPrepared(query,
                                u"INSERT INTO blob_claim (establishment_id, sha256, account_id, claimed_at) "
                                "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                key.establishmentId, key.sha256, accountId, at)
          && Core::execPrepared(query, u"DELETE FROM blob_upload WHERE id = ?"_s, upload.id);
    if (!written || !m_db.commit()) {
        const Error error = Core::databaseError(query);
        m_db.rollback();
        return error;
    }
    qCInfo(lcBlobs).noquote() << "stored blob" << key.sha256.left(12) << upload.size << "bytes" << type->mimeType;
    return completeStatus(key, upload.size);
}

Core::Status BlobService::abandon(const QString &accountId, const QString &uploadId)
{
    const Core::Result<std::optional<Upload>> found = findUpload(accountId, uploadId);
    if (!found)
        return found.error();
    if (!*found)
        return Error{ErrorCode::NotFound, u"upload"_s};
    if (Core::Status dropped = m_storage.discardStaged(uploadId); !dropped)
        return dropped;
    return dropUpload(uploadId);
}

Core::Result<ReadableBlob> BlobService::readable(const QString &accountId, const QString &sha256)
{
    if (!Core::isSha256Hex(sha256))
        return Error{ErrorCode::NotFound, u"blob"_s};
    const Core::Result<std::pair<Reading, BlobKey>> read = reading(accountId, sha256, QString());
    if (!read)
        return read.error();
    if (read->first == Reading::None)
        return Error{ErrorCode::NotFound, u"blob"_s};
    if (read->first == Reading::Pending)
        return Error{ErrorCode::BlobPending, QString()};
    const Core::Result<std::optional<qint64>> size = storedSize(read->second);
    if (!size)
        return size.error();
    if (!*size)
        return Error{ErrorCode::BlobPending, QString()};
    return ReadableBlob{read->second, **size};
}

Core::Result<QByteArray> BlobService::read(const ReadableBlob &blob, const Core::ByteRange &range)
{
    const Core::Result<QByteArray> bytes = m_storage.read(blob.key, range.first, range.length());
    if (!bytes) {
        if (bytes.error().code == ErrorCode::NotFound) {
            qCCritical(lcBlobs).noquote() << "blob" << blob.key.sha256 << "of" << blob.key.establishmentId
                                          << "is recorded but missing from the storage";
            return Error{ErrorCode::Internal, u"blob missing from the storage"_s};
        }
        return bytes.error();
    }
    if (bytes->size() != range.length())
        return Error{ErrorCode::Internal, u"blob shorter than recorded"_s};
    return bytes;
}

Core::Status BlobService::storeHeld(const QStringList &accountIds, const BlobKey &key, const QByteArray &bytes)
{
    if (QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) != key.sha256)
        return Error{ErrorCode::HashMismatch, u"blob"_s};
    const std::optional<Core::FileType> type = Core::detectFileType(bytes.left(Core::kFileTypeHeadBytes));
    if (!type)
        return Error{ErrorCode::FileTypeRefused, QString()};
    const Core::Result<bool> present = m_storage.contains(key);
    if (!present)
        return present.error();
    if (!*present) {
        const QString staging = Core::newId();
        Core::Status written = m_storage.writeStaged(staging, 0, bytes);
        if (written)
            written = m_storage.commitStaged(staging, key);
        if (!written) {
            (void)m_storage.discardStaged(staging);
            return written;
        }
    }
    const qint64 at = now();
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query,
                            u"INSERT INTO blob (establishment_id, sha256, size_bytes, mime_type, stored_at, "
                            "last_referenced_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s,
                            key.establishmentId, key.sha256, qint64(bytes.size()), type->mimeType, at, at)) {
        return Core::databaseError(query);
    }
    if (!query.prepare(u"INSERT INTO blob_claim (establishment_id, sha256, account_id, claimed_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"_s)) {
        return Core::databaseError(query);
    }
    for (const QString &account : accountIds) {
        query.bindValue(0, key.establishmentId);
        query.bindValue(1, key.sha256);
        query.bindValue(2, account);
        query.bindValue(3, at);
        if (!query.exec())
            return Core::databaseError(query);
    }
    return {};
}

Core::Result<CollectionReport> BlobService::collectGarbage()
{
    CollectionReport report;
    const qint64 at = now();
    const qint64 cutoff = at - hoursInMillis(m_limits.grace);
    QSqlQuery query(m_db);
    // Every blob a row names now is young again: the grace period runs from
    // the last collection that saw it named.
    if (!Core::execPrepared(query, u"UPDATE blob SET last_referenced_at = ? WHERE "_s + namedCondition(), at))
        return Core::databaseError(query);
    if (!Core::execPrepared(query,
                            u"SELECT establishment_id, sha256, size_bytes FROM blob WHERE stored_at < ? "
                            "AND last_referenced_at < ? AND NOT "_s
                                + namedCondition(),
                            cutoff, cutoff)) {
        return Core::databaseError(query);
    }
    QList<ReadableBlob> unnamed;
    while (query.next())
        unnamed.append(
            ReadableBlob{{query.value(0).toString(), query.value(1).toString()}, query.value(2).toLongLong()});
    query.finish();
    for (const ReadableBlob &blob : unnamed) {
        if (!Core::beginWriteTransaction(m_db))
            return Error{ErrorCode::DatabaseError, u"cannot start a transaction"_s};
        // Checked again as it goes: a row may have come since.
        const bool removed = Core::execPrepared(query,
                                                u"DELETE FROM blob WHERE establishment_id = ? AND sha256 = ? AND NOT "_s
                                                    + namedCondition(),
                                                blob.key.establishmentId, blob.key.sha256);
        const bool gone = removed && query.numRowsAffected() == 1;
        if (!removed
            || (gone
                && !Core::execPrepared(query, u"DELETE FROM blob_claim WHERE establishment_id = ? AND sha256 = ?"_s,
                                       blob.key.establishmentId, blob.key.sha256))
            || !m_db.commit()) {
            const Error error = Core::databaseError(query);
            m_db.rollback();
            return error;
        }
        if (!gone)
            continue;
        if (Core::Status deleted = m_storage.remove(blob.key); !deleted)
            return deleted.error();
        ++report.blobs;
        report.bytes += blob.size;
    }

    if (!Core::execPrepared(query, u"SELECT id FROM blob_upload WHERE touched_at < ?"_s,
                            at - hoursInMillis(m_limits.uploadExpiry))) {
        return Core::databaseError(query);
    }
    QStringList expired;
    while (query.next())
        expired.append(query.value(0).toString());
    query.finish();
    for (const QString &id : expired) {
        if (Core::Status dropped = dropUpload(id); !dropped)
            return dropped.error();
        if (Core::Status dropped = m_storage.discardStaged(id); !dropped)
            return dropped.error();
        ++report.uploads;
    }

    // What a crash left in the storage without its row.
    const Core::Result<QList<StoredBlob>> files = m_storage.list();
    if (!files)
        return files.error();
    for (const StoredBlob &file : *files) {
        if (file.storedAt >= cutoff)
            continue;
        const Core::Result<std::optional<qint64>> recorded = storedSize(file.key);
        if (!recorded)
            return recorded.error();
        if (*recorded)
            continue;
        if (Core::Status deleted = m_storage.remove(file.key); !deleted)
            return deleted.error();
        ++report.strays;
    }
    const Core::Result<QStringList> staged = m_storage.stagedUploads();
    if (!staged)
        return staged.error();
    for (const QString &id : *staged) {
        if (!Core::execPrepared(query, u"SELECT 1 FROM blob_upload WHERE id = ?"_s, id))
            return Core::databaseError(query);
        const bool open = query.next();
        query.finish();
        if (open)
            continue;
        if (Core::Status dropped = m_storage.discardStaged(id); !dropped)
            return dropped.error();
        ++report.strays;
    }
    return report;
}

} // namespace Cartable::Server
