#pragma once

#include "core/domain/record.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace Cartable::Sync {
class BlobCache;
}

namespace Cartable::Workspace {

class Workspace;

// Files attached to homework or a cahier de textes entry. The bytes are kept
// in the account's file cache (Sync::BlobCache, readable by the user alone);
// the attachment rows sync like any other, and writing one queues its file
// for sending (Sync::ReplicaStore).
class AttachmentStore
{
public:
    // The largest file the server takes by default (docs/PROTOCOL.md).
    static constexpr qint64 kMaxBytes = qint64(256) << 20;

    AttachmentStore(Workspace &workspace, Sync::BlobCache &cache);

    // Copies the file into the cache, a chunk at a time, and writes its
    // attachment row for the signed-in account with the type told from its
    // bytes. Errors, with nothing written: those of Sync::BlobCache::import()
    // (NotFound for a missing or unreadable file, MissingField for an empty
    // one, PayloadTooLarge above kMaxBytes, FileTypeRefused for a type the
    // school does not accept, DatabaseError when the copy cannot be kept),
    // else the catalogue's codes.
    [[nodiscard]] Core::Result<Core::Record> add(const QString &ownerType, const QString &ownerId,
                                                 const QString &filePath);
    // The owner's attachments by file name.
    QList<Core::Record> attachmentsOf(const QString &ownerType, const QString &ownerId) const;
    // Removes the row, and the blob when nothing else names it.
    [[nodiscard]] Core::Status remove(const QString &attachmentId);

    QString blobDirectory() const;
    // The blob's file when it is on this computer, else an empty string.
    QString localPath(const QString &sha256) const;

    // A name the catalogue's file_name format accepts, as close to `name`
    // as can be: forbidden characters become "_", at most 255 characters
    // with the extension kept.
    static QString sanitisedFileName(const QString &name);

private:
    bool isNamedElsewhere(const QString &sha256) const;

    Workspace &m_workspace;
    Sync::BlobCache &m_cache;
};

} // namespace Cartable::Workspace
