#include "blobcache.h"

#include "privatefiles.h"
#include "replicafiles.h"

#include "core/files/filetype.h"
#include "core/ids.h"
#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QSaveFile>

#include <limits>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcBlobCache, "cartable.sync.blobcache")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

// Read and written a piece at a time: a file is never whole in memory.
constexpr qint64 kPieceBytes = qint64(1) << 20;
constexpr qsizetype kMaxFileNameLength = 255;

// A name the catalogue accepts (FieldFormat::FileName): no separators nor
// control characters, no surrounding spaces, at most 255 characters with
// its extension kept.
QString safeFileName(const QString &name)
{
    QString clean;
    clean.reserve(name.size());
    for (const QChar c : name) {
        const bool forbidden = c.unicode() < 0x20 || c.unicode() == 0x7f || QStringView(u"/\\:*?\"<>|").contains(c);
        clean += forbidden ? u'_' : c;
    }
    clean = clean.trimmed();
    if (clean.size() > kMaxFileNameLength) {
        const qsizetype dot = clean.lastIndexOf(u'.');
        const QString suffix = dot > 0 && clean.size() - dot <= 16 ? clean.mid(dot) : QString();
        clean = clean.left(kMaxFileNameLength - suffix.size()).trimmed() + suffix;
    }
    if (clean.isEmpty() || clean == u"."_s || clean == u".."_s)
        clean = u"file"_s;
    return clean;
}

Error cacheError(const QString &why)
{
    qCWarning(lcBlobCache) << "cannot write into the cache:" << why;
    return Error{ErrorCode::DatabaseError, u"file.cache"_s};
}

// Copies `source` into `target` a piece at a time, hashing what passes when
// `hash` is given. False when a read or a write fails.
bool copyPieces(QIODevice &source, QIODevice &target, QCryptographicHash *hash, qint64 limit, qint64 *copied)
{
    QByteArray piece(kPieceBytes, Qt::Uninitialized);
    *copied = 0;
    for (;;) {
        const qint64 read = source.read(piece.data(), piece.size());
        if (read < 0)
            return false;
        if (read == 0)
            return true;
        *copied += read;
        if (*copied > limit)
            return true;
        if (hash)
            hash->addData(QByteArrayView(piece.constData(), read));
        if (target.write(piece.constData(), read) != read)
            return false;
    }
}

} // namespace

BlobCache::BlobCache(const QString &replicaPath) : m_folder(ReplicaFiles::blobFolderOf(replicaPath)) {}

QString BlobCache::path(const QString &sha256) const
{
    if (!Core::isSha256Hex(sha256))
        return {};
    const QString file = QDir(m_folder).filePath(sha256);
    return QFileInfo(file).isFile() ? file : QString();
}

QString BlobCache::partialPath(const QString &sha256) const
{
    if (!Core::isSha256Hex(sha256))
        return {};
    return QDir(m_folder).filePath(sha256 + u".partial"_s);
}

Core::Result<BlobCache::Imported> BlobCache::import(const QString &filePath, qint64 maxBytes)
{
    const QFileInfo info(filePath);
    QFile source(filePath);
    if (!info.isFile() || !source.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, u"file.unreadable"_s};
    if (source.size() > maxBytes)
        return Error{ErrorCode::PayloadTooLarge, u"file.too_large"_s};
    const QByteArray head = source.peek(Core::kFileTypeHeadBytes);
    if (head.isEmpty()) {
        if (source.error() != QFileDevice::NoError)
            return Error{ErrorCode::NotFound, u"file.unreadable"_s};
        return Error{ErrorCode::MissingField, u"file.empty"_s};
    }
    const std::optional<Core::FileType> type = Core::detectFileType(head, info.fileName());
    if (!type) {
        // What it looks like, for the message: never a reason to accept it.
        return Error{ErrorCode::FileTypeRefused, QMimeDatabase().mimeTypeForData(head).name()};
    }

    if (Core::Status made = PrivateFiles::makeFolder(m_folder); !made)
        return cacheError(made.error().context);
    // Named once its hash is known: written under a name of its own first.
    const QString incoming = QDir(m_folder).filePath(u"import-"_s + Core::newId());
    QSaveFile copy(incoming);
    if (!copy.open(QIODevice::WriteOnly))
        return cacheError(copy.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    if (!copyPieces(source, copy, &hash, maxBytes, &size)) {
        copy.cancelWriting();
        if (source.error() != QFileDevice::NoError)
            return Error{ErrorCode::NotFound, u"file.unreadable"_s};
        return cacheError(copy.errorString());
    }
    // It grew while it was read.
    if (size > maxBytes) {
        copy.cancelWriting();
        return Error{ErrorCode::PayloadTooLarge, u"file.too_large"_s};
    }
    if (size == 0) {
        copy.cancelWriting();
        return Error{ErrorCode::MissingField, u"file.empty"_s};
    }
    if (!copy.commit())
        return cacheError(copy.errorString());
    const QString sha256 = QString::fromLatin1(hash.result().toHex());
    const QString target = QDir(m_folder).filePath(sha256);
    if (QFileInfo(target).isFile()) {
        // The same bytes are here already.
        QFile::remove(incoming);
    } else if (!PrivateFiles::restrict(incoming) || !QFile::rename(incoming, target)) {
        QFile::remove(incoming);
        return cacheError(u"cannot name %1"_s.arg(target));
    }
    return Imported{sha256, size, type->mimeType, safeFileName(info.fileName())};
}

Core::Status BlobCache::adopt(const QString &sha256, const QString &partialFile)
{
    if (!Core::isSha256Hex(sha256))
        return Error{ErrorCode::InvalidFormat, u"blob.sha256"_s};
    if (!QFileInfo(partialFile).isFile())
        return Error{ErrorCode::NotFound, u"file.unreadable"_s};
    if (Core::Status made = PrivateFiles::makeFolder(m_folder); !made)
        return cacheError(made.error().context);
    const QString target = QDir(m_folder).filePath(sha256);
    if (QFileInfo(target).isFile()) {
        QFile::remove(partialFile);
        return {};
    }
    if (!PrivateFiles::restrict(partialFile) || !QFile::rename(partialFile, target))
        return cacheError(u"cannot name %1"_s.arg(target));
    return {};
}

Core::Status BlobCache::saveAs(const QString &sha256, const QString &target) const
{
    const QString cached = path(sha256);
    if (cached.isEmpty())
        return Error{ErrorCode::NotFound, u"blob"_s};
    QFile source(cached);
    if (!source.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, u"file.unreadable"_s};
    QSaveFile copy(target);
    if (!copy.open(QIODevice::WriteOnly))
        return Error{ErrorCode::DatabaseError, u"file.save: "_s + copy.errorString()};
    qint64 size = 0;
    if (!copyPieces(source, copy, nullptr, std::numeric_limits<qint64>::max(), &size)) {
        copy.cancelWriting();
        return Error{ErrorCode::DatabaseError, u"file.save: "_s + copy.errorString()};
    }
    if (!copy.commit())
        return Error{ErrorCode::DatabaseError, u"file.save: "_s + copy.errorString()};
    return {};
}

void BlobCache::remove(const QString &sha256)
{
    if (!Core::isSha256Hex(sha256))
        return;
    QFile::remove(QDir(m_folder).filePath(sha256));
    QFile::remove(partialPath(sha256));
}

} // namespace Cartable::Sync
