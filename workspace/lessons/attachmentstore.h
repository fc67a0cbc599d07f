#pragma once

#include "core/domain/record.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace Cartable::Workspace {

class Workspace;

// Files attached to homework or a cahier de textes entry. The bytes are kept
// content-addressed beside the replica (<replica folder>/blobs/<sha256>,
// readable by the user alone); the attachment rows sync like any other, the
// bytes travel separately.
class AttachmentStore
{
public:
    static constexpr qint64 kMaxBytes = 20 * 1024 * 1024;

    explicit AttachmentStore(Workspace &workspace);

    // Reads the file, keeps its blob and writes its attachment row for the
    // signed-in account. Errors, with nothing written: NotFound (context
    // "attachment.unreadable") for a missing or unreadable file,
    // MissingField ("attachment.empty") for an empty one, PayloadTooLarge
    // ("attachment.too_large") above kMaxBytes, DatabaseError
    // ("attachment.blob") when the copy cannot be kept, else the
    // catalogue's codes.
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
    Workspace &m_workspace;
};

} // namespace Cartable::Workspace
