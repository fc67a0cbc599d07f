#pragma once

#include "core/result.h"

#include <QString>

namespace Cartable::Sync {

// One account's file bytes on this computer, content-addressed: a folder
// beside its replica (ReplicaFiles::blobFolderOf), readable by the user
// alone, never shared with another account's replica. Files go in and come
// out streamed, a chunk at a time: a file is never whole in memory.
class BlobCache
{
public:
    // The cache of the replica at `replicaPath`.
    explicit BlobCache(const QString &replicaPath);

    struct Imported
    {
        QString sha256;
        qint64 size = 0;
        QString mimeType; // detected on the bytes (Core::detectFileType)
        QString fileName; // the source's name, made safe for the catalogue
    };
    // Copies a file of the user's into the cache, hashing it on the way.
    // Errors, with nothing kept: NotFound ("file.unreadable"), MissingField
    // ("file.empty"), PayloadTooLarge ("file.too_large", over `maxBytes`),
    // FileTypeRefused (the detected type, if any), DatabaseError
    // ("file.cache") when the copy cannot be written.
    [[nodiscard]] Core::Result<Imported> import(const QString &filePath, qint64 maxBytes = kDefaultMaxBytes);

    static constexpr qint64 kDefaultMaxBytes = qint64(256) << 20;

    QString folder() const { return m_folder; }
    // The blob's file when its bytes are here, else an empty string.
    QString path(const QString &sha256) const;
    bool contains(const QString &sha256) const { return !path(sha256).isEmpty(); }
    // Where a download of the blob keeps its bytes until they are checked.
    QString partialPath(const QString &sha256) const;
    // Moves a checked download into the cache.
    [[nodiscard]] Core::Status adopt(const QString &sha256, const QString &partialFile);
    // Copies a cached blob to a file the user chose (Save as…).
    [[nodiscard]] Core::Status saveAs(const QString &sha256, const QString &target) const;
    // Removes the blob's bytes (and a partial download of it).
    void remove(const QString &sha256);

private:
    QString m_folder;
};

} // namespace Cartable::Sync
