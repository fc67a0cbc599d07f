#include "filesystemblobstorage.h"

#include "core/ids.h"
#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

const QString kUploads = u"uploads"_s;

Error systemError(const QString &what, const QString &path)
{
    return Error{ErrorCode::Internal, u"%1 %2: %3"_s.arg(what, path, QString::fromLocal8Bit(std::strerror(errno)))};
}

// A file descriptor closed when it goes out of scope.
class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }

private:
    int m_fd;
};

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

// Makes `path` and its missing parents, each 0700.
bool makeFolder(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return true;
    if (!info.dir().exists() && !makeFolder(info.absolutePath()))
        return false;
    return ::mkdir(encoded(path).constData(), 0700) == 0 || errno == EEXIST;
}

// Makes a rename in `folder` durable.
void syncFolder(const QString &folder)
{
    const Descriptor fd(::open(encoded(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.isOpen())
        (void)::fsync(fd.get());
}

Core::Result<QByteArray> readAt(const QString &path, qint64 offset, qint64 length, ErrorCode missing)
{
    if (offset < 0 || length < 0)
        return Error{ErrorCode::InvalidField, u"range"_s};
    const Descriptor fd(::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC));
    if (!fd.isOpen()) {
        if (errno == ENOENT)
            return Error{missing, QString()};
        return systemError(u"cannot open"_s, path);
    }
    struct stat status
    {
    };
    if (::fstat(fd.get(), &status) != 0)
        return systemError(u"cannot read"_s, path);
    const qint64 available = qMax<qint64>(0, qint64(status.st_size) - offset);
    QByteArray bytes(qMin(length, available), Qt::Uninitialized);
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::pread(fd.get(), bytes.data() + done, size_t(bytes.size() - done), off_t(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return systemError(u"cannot read"_s, path);
        if (got == 0)
            break;
        done += got;
    }
    bytes.truncate(done);
    return bytes;
}

} // namespace

FilesystemBlobStorage::FilesystemBlobStorage(QString root)
    : m_root(root.isEmpty() ? QString() : QDir::cleanPath(QDir(root).absolutePath()))
{
}

Core::Status FilesystemBlobStorage::open()
{
    if (m_root.isEmpty())
        return Error{ErrorCode::ConfigInvalid, u"no folder for the blobs"_s};
    if (!makeFolder(m_root) || !makeFolder(m_root + u'/' + kUploads))
        return Error{ErrorCode::ConfigInvalid,
                     u"cannot make the blob folder %1: %2"_s.arg(m_root, QString::fromLocal8Bit(std::strerror(errno)))};
    if (::access(encoded(m_root).constData(), W_OK | X_OK) != 0)
        return Error{ErrorCode::ConfigInvalid, u"cannot write in the blob folder "_s + m_root};
    return {};
}

Core::Result<QString> FilesystemBlobStorage::stagedPath(const QString &uploadId) const
{
    // Ids are canonical UUIDs: no separator, no dot, nothing to climb with.
    if (!Core::isValidId(uploadId))
        return Error{ErrorCode::InvalidFormat, u"upload_id"_s};
    return QString(m_root + u'/' + kUploads + u'/' + uploadId);
}

Core::Result<QString> FilesystemBlobStorage::blobPath(const BlobKey &key) const
{
    if (!Core::isValidId(key.establishmentId))
        return Error{ErrorCode::InvalidFormat, u"establishment_id"_s};
    if (!Core::isSha256Hex(key.sha256))
        return Error{ErrorCode::InvalidFormat, u"sha256"_s};
    return QString(m_root + u'/' + key.establishmentId + u'/' + key.sha256.left(2) + u'/' + key.sha256);
}

Core::Result<qint64> FilesystemBlobStorage::stagedSize(const QString &uploadId)
{
    const Core::Result<QString> path = stagedPath(uploadId);
    if (!path)
        return path.error();
    struct stat status
    {
    };
    if (::stat(encoded(*path).constData(), &status) != 0)
        return errno == ENOENT ? Core::Result<qint64>(0) : systemError(u"cannot read"_s, *path);
    return qint64(status.st_size);
}

Core::Status FilesystemBlobStorage::writeStaged(const QString &uploadId, qint64 offset, QByteArrayView bytes)
{
    const Core::Result<QString> path = stagedPath(uploadId);
    if (!path)
        return path.error();
    if (offset < 0)
        return Error{ErrorCode::InvalidField, u"offset"_s};
    const Descriptor fd(::open(encoded(*path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
    if (!fd.isOpen())
        return systemError(u"cannot open"_s, *path);
    struct stat status
    {
    };
    if (::fstat(fd.get(), &status) != 0)
        return systemError(u"cannot read"_s, *path);
    if (offset > qint64(status.st_size))
        return Error{ErrorCode::InvalidField, u"offset"_s};
    // What a write cut short left past the offset goes first.
    if (::ftruncate(fd.get(), off_t(offset)) != 0)
        return systemError(u"cannot cut"_s, *path);
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t wrote = ::pwrite(fd.get(), bytes.data() + done, size_t(bytes.size() - done),
                                       off_t(offset + done));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return systemError(u"cannot write"_s, *path);
        done += wrote;
    }
    // The database records the new offset next: the bytes must be there.
    if (::fdatasync(fd.get()) != 0)
        return systemError(u"cannot flush"_s, *path);
    return {};
}

Core::Result<QByteArray> FilesystemBlobStorage::readStaged(const QString &uploadId, qint64 offset, qint64 length)
{
    const Core::Result<QString> path = stagedPath(uploadId);
    if (!path)
        return path.error();
    const Core::Result<QByteArray> bytes = readAt(*path, offset, length, ErrorCode::NotFound);
    if (!bytes && bytes.error().code == ErrorCode::NotFound)
        return QByteArray();
    return bytes;
}

Core::Result<QByteArray> FilesystemBlobStorage::stagedSha256(const QString &uploadId)
{
    const Core::Result<QString> path = stagedPath(uploadId);
    if (!path)
        return path.error();
    QFile file(*path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.exists())
        return hash.result();
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Internal, u"cannot open %1: %2"_s.arg(*path, file.errorString())};
    QByteArray piece(kPieceBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(piece.data(), piece.size());
        if (got < 0)
            return Error{ErrorCode::Internal, u"cannot read %1: %2"_s.arg(*path, file.errorString())};
        if (got == 0)
            break;
        hash.addData(QByteArrayView(piece.constData(), got));
    }
    return hash.result();
}

Core::Status FilesystemBlobStorage::commitStaged(const QString &uploadId, const BlobKey &key)
{
    const Core::Result<QString> from = stagedPath(uploadId);
    if (!from)
        return from.error();
    const Core::Result<QString> to = blobPath(key);
    if (!to)
        return to.error();
    if (QFileInfo::exists(*to))
        return discardStaged(uploadId);
    {
        const Descriptor fd(::open(encoded(*from).constData(), O_RDONLY | O_CLOEXEC));
        if (!fd.isOpen())
            return systemError(u"cannot open"_s, *from);
        if (::fsync(fd.get()) != 0)
            return systemError(u"cannot flush"_s, *from);
    }
    const QString folder = QFileInfo(*to).absolutePath();
    if (!makeFolder(folder))
        return systemError(u"cannot make"_s, folder);
    if (::rename(encoded(*from).constData(), encoded(*to).constData()) != 0)
        return systemError(u"cannot move into place"_s, *to);
    syncFolder(folder);
    return {};
}

Core::Status FilesystemBlobStorage::discardStaged(const QString &uploadId)
{
    const Core::Result<QString> path = stagedPath(uploadId);
    if (!path)
        return path.error();
    if (::unlink(encoded(*path).constData()) != 0 && errno != ENOENT)
        return systemError(u"cannot remove"_s, *path);
    return {};
}

Core::Result<QStringList> FilesystemBlobStorage::stagedUploads()
{
    QStringList ids;
    const QDir folder(m_root + u'/' + kUploads);
    for (const QString &name : folder.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (Core::isValidId(name))
            ids.append(name);
    }
    return ids;
}

Core::Result<bool> FilesystemBlobStorage::contains(const BlobKey &key)
{
    const Core::Result<QString> path = blobPath(key);
    if (!path)
        return path.error();
    return QFileInfo(*path).isFile();
}

Core::Result<qint64> FilesystemBlobStorage::size(const BlobKey &key)
{
    const Core::Result<QString> path = blobPath(key);
    if (!path)
        return path.error();
    struct stat status
    {
    };
    if (::stat(encoded(*path).constData(), &status) != 0)
        return errno == ENOENT ? Error{ErrorCode::NotFound, key.sha256} : systemError(u"cannot read"_s, *path);
    return qint64(status.st_size);
}

Core::Result<QByteArray> FilesystemBlobStorage::read(const BlobKey &key, qint64 offset, qint64 length)
{
    const Core::Result<QString> path = blobPath(key);
    if (!path)
        return path.error();
    return readAt(*path, offset, length, ErrorCode::NotFound);
}

Core::Status FilesystemBlobStorage::remove(const BlobKey &key)
{
    const Core::Result<QString> path = blobPath(key);
    if (!path)
        return path.error();
    if (::unlink(encoded(*path).constData()) != 0 && errno != ENOENT)
        return systemError(u"cannot remove"_s, *path);
    return {};
}

Core::Result<QList<StoredBlob>> FilesystemBlobStorage::list()
{
    QList<StoredBlob> blobs;
    const QDir root(m_root);
    for (const QString &establishment : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!Core::isValidId(establishment))
            continue;
        QDirIterator it(m_root + u'/' + establishment, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            const QString sha = info.fileName();
            // Only what blobPath() would name.
            if (!Core::isSha256Hex(sha) || info.dir().dirName() != sha.left(2)
                || info.dir().absolutePath() != m_root + u'/' + establishment + u'/' + sha.left(2)) {
                continue;
            }
            blobs.append(StoredBlob{{establishment, sha}, info.size(), info.lastModified().toMSecsSinceEpoch()});
        }
    }
    return blobs;
}

} // namespace Cartable::Server
