#pragma once

#include "blobstorage.h"

namespace Cartable::Server {

// Blobs as files under a root folder:
//   <root>/<establishment id>/<first two digits of the hash>/<sha256>
//   <root>/uploads/<upload id>          (staged uploads)
// Files are made 0600 and folders 0700. A staged file is flushed to disk
// before it is renamed into place, so that a blob is whole or absent after a
// crash. Nothing is ever read whole into memory: hashing and copying go in
// pieces of kPieceBytes.
class FilesystemBlobStorage : public BlobStorage
{
public:
    static constexpr qint64 kPieceBytes = qint64(1) << 20;

    explicit FilesystemBlobStorage(QString root);

    // Makes the root and staging folders; ConfigInvalid when they cannot be.
    [[nodiscard]] Core::Status open();
    QString root() const { return m_root; }

    [[nodiscard]] Core::Result<qint64> stagedSize(const QString &uploadId) override;
    [[nodiscard]] Core::Status writeStaged(const QString &uploadId, qint64 offset, QByteArrayView bytes) override;
    [[nodiscard]] Core::Result<QByteArray> readStaged(const QString &uploadId, qint64 offset, qint64 length) override;
    [[nodiscard]] Core::Result<QByteArray> stagedSha256(const QString &uploadId) override;
    [[nodiscard]] Core::Status commitStaged(const QString &uploadId, const BlobKey &key) override;
    [[nodiscard]] Core::Status discardStaged(const QString &uploadId) override;
    [[nodiscard]] Core::Result<QStringList> stagedUploads() override;

    [[nodiscard]] Core::Result<bool> contains(const BlobKey &key) override;
    [[nodiscard]] Core::Result<qint64> size(const BlobKey &key) override;
    [[nodiscard]] Core::Result<QByteArray> read(const BlobKey &key, qint64 offset, qint64 length) override;
    [[nodiscard]] Core::Status remove(const BlobKey &key) override;
    [[nodiscard]] Core::Result<QList<StoredBlob>> list() override;

private:
    [[nodiscard]] Core::Result<QString> stagedPath(const QString &uploadId) const;
    [[nodiscard]] Core::Result<QString> blobPath(const BlobKey &key) const;

    QString m_root;
};

} // namespace Cartable::Server
