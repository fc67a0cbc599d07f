// The replica's queue of files to send and its pins: what ReplicaStore
// keeps for BlobTransfer.

#include "replicastore.h"

#include "replicafiles.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "core/protocol/blobs.h"
#include "core/sqlstatement.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace Cartable::Sync {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

const QString kQueued = u"queued"_s;
const QString kFailed = u"failed"_s;

bool isPinnableOwner(const QString &ownerType)
{
    return ownerType == u"homework"_s || ownerType == u"document_folder"_s;
}

} // namespace

Status ReplicaStore::queueBlobOf(const Core::Mutation &mutation)
{
    const Core::BlobReference *reference = Core::blobReferenceOf(mutation.values.type());
    if (!reference || mutation.op == Core::MutationOp::Delete)
        return {};
    if (mutation.op == Core::MutationOp::Update && !mutation.changedFields.contains(reference->hashField))
        return {};
    const Result<std::optional<Core::Record>> stored = row(mutation.values.type(), mutation.values.id());
    if (!stored)
        return stored.error();
    if (!*stored)
        return {};
    const Core::Record &named = **stored;
    const QString sha256 = named.text(reference->hashField);
    if (sha256.isEmpty())
        return {};
    qint64 size = 0;
    if (!reference->sizeField.isEmpty())
        size = named.value(reference->sizeField).toLongLong();
    else
        size = QFileInfo(QDir(ReplicaFiles::blobFolderOf(m_db.databaseName())).filePath(sha256)).size();
    QSqlQuery query(m_db);
    // An entry already there stays as it is.
    if (!Core::execPrepared(
            query,
            u"INSERT INTO blob_upload (establishment_id, sha256, size_bytes, state, attempts, queued_at) "
            "VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (establishment_id, sha256) DO NOTHING"_s,
            named.text(u"establishment_id"_s), sha256, size, kQueued, QDateTime::currentMSecsSinceEpoch())) {
        return Core::databaseError(query);
    }
    return {};
}

Result<QList<ReplicaStore::BlobUpload>> ReplicaStore::blobUploads() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT establishment_id, sha256, size_bytes, state, error_code, error_context, attempts, "
                    "queued_at FROM blob_upload ORDER BY queued_at, rowid"_s)) {
        return Core::databaseError(query);
    }
    QList<BlobUpload> uploads;
    while (query.next()) {
        BlobUpload upload;
        upload.establishmentId = query.value(0).toString();
        upload.sha256 = query.value(1).toString();
        upload.size = query.value(2).toLongLong();
        upload.failed = query.value(3).toString() == kFailed;
        if (upload.failed) {
            const std::optional<ErrorCode> code = Core::errorCodeFromName(query.value(4).toString());
            upload.error = Error{code.value_or(ErrorCode::Internal), query.value(5).toString()};
        }
        upload.attempts = query.value(6).toInt();
        upload.queuedAt = query.value(7).toLongLong();
        uploads.append(upload);
    }
    return uploads;
}

Status ReplicaStore::removeBlobUpload(const QString &establishmentId, const QString &sha256)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query, u"DELETE FROM blob_upload WHERE establishment_id = ? AND sha256 = ?"_s,
                            establishmentId, sha256)) {
        return Core::databaseError(query);
    }
    return {};
}

Status ReplicaStore::failBlobUpload(const QString &establishmentId, const QString &sha256, const Error &error)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query,
                            u"UPDATE blob_upload SET state = ?, error_code = ?, error_context = ?, "
                            "attempts = attempts + 1 WHERE establishment_id = ? AND sha256 = ?"_s,
                            kFailed, Core::errorCodeName(error.code), error.context, establishmentId, sha256)) {
        return Core::databaseError(query);
    }
    return {};
}

Status ReplicaStore::countBlobUploadAttempt(const QString &establishmentId, const QString &sha256)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(
            query, u"UPDATE blob_upload SET attempts = attempts + 1 WHERE establishment_id = ? AND sha256 = ?"_s,
            establishmentId, sha256)) {
        return Core::databaseError(query);
    }
    return {};
}

Result<int> ReplicaStore::retryBlobUpload(const QString &sha256)
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query,
                            u"UPDATE blob_upload SET state = ?, error_code = NULL, error_context = NULL "
                            "WHERE sha256 = ? AND state = ?"_s,
                            kQueued, sha256, kFailed)) {
        return Core::databaseError(query);
    }
    return query.numRowsAffected();
}

Result<bool> ReplicaStore::namesBlob(const QString &establishmentId, const QString &sha256) const
{
    for (const Core::BlobReference &reference : Core::blobReferences()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        // Names from the catalogue, values bound.
        if (!Core::execPrepared(query,
                                u"SELECT 1 FROM %1 WHERE %2 = ? AND establishment_id = ? LIMIT 1"_s
                                    .arg(reference.entity, reference.hashField),
                                sha256, establishmentId)) {
            return Core::databaseError(query);
        }
        if (query.next())
            return true;
    }
    return false;
}

Status ReplicaStore::setBlobPin(const QString &ownerType, const QString &ownerId, bool pinned)
{
    if (!isPinnableOwner(ownerType))
        return Status(ErrorCode::InvalidField, u"pin.owner_type"_s);
    if (!Core::isValidId(ownerId))
        return Status(ErrorCode::InvalidFormat, u"pin.owner_id"_s);
    QSqlQuery query(m_db);
    const bool done = pinned
                          ? Core::execPrepared(query,
                                               u"INSERT INTO blob_pin (owner_type, owner_id) VALUES (?, ?) "
                                               "ON CONFLICT (owner_type, owner_id) DO NOTHING"_s,
                                               ownerType, ownerId)
                          : Core::execPrepared(query, u"DELETE FROM blob_pin WHERE owner_type = ? AND owner_id = ?"_s,
                                               ownerType, ownerId);
    if (!done)
        return Core::databaseError(query);
    return {};
}

Result<bool> ReplicaStore::isBlobPinned(const QString &ownerType, const QString &ownerId) const
{
    QSqlQuery query(m_db);
    if (!Core::execPrepared(query, u"SELECT 1 FROM blob_pin WHERE owner_type = ? AND owner_id = ?"_s, ownerType,
                            ownerId)) {
        return Core::databaseError(query);
    }
    return query.next();
}

Result<QList<std::pair<QString, QString>>> ReplicaStore::blobPins() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT owner_type, owner_id FROM blob_pin ORDER BY owner_type, owner_id"_s))
        return Core::databaseError(query);
    QList<std::pair<QString, QString>> pins;
    while (query.next())
        pins.append({query.value(0).toString(), query.value(1).toString()});
    return pins;
}

} // namespace Cartable::Sync
