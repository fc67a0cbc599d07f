#include "attachmentstore.h"

#include "workspace/workspace.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "sync/privatefiles.h"
#include "sync/replicafiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QSaveFile>

namespace Cartable::Workspace {

using Core::Error;
using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxFileNameLength = 255;
constexpr qsizetype kMaxMimeTypeLength = 100;

bool isSha256(const QString &text)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{64}$"_s);
    return pattern.match(text).hasMatch();
}

} // namespace

AttachmentStore::AttachmentStore(Workspace &workspace) : m_workspace(workspace) {}

QString AttachmentStore::blobDirectory() const
{
    const QFileInfo replica(m_workspace.database().databaseName());
    return Sync::ReplicaFiles::blobFolder(replica.absolutePath());
}

QString AttachmentStore::localPath(const QString &sha256) const
{
    if (!isSha256(sha256))
        return {};
    const QString path = QDir(blobDirectory()).filePath(sha256);
    return QFileInfo::exists(path) ? path : QString();
}

QString AttachmentStore::sanitisedFileName(const QString &name)
{
    QString clean;
    clean.reserve(name.size());
    for (const QChar c : name) {
        const bool forbidden = c.unicode() < 0x20 || c.unicode() == 0x7f || QStringView(u"/\\:*?\"<>|").contains(c);
        clean += forbidden ? u'_' : c;
    }
    clean = clean.trimmed();
    if (clean.isEmpty() || clean == u"."_s || clean == u".."_s)
        clean = u"file"_s;
    if (clean.size() > kMaxFileNameLength) {
        const qsizetype dot = clean.lastIndexOf(u'.');
        const QString suffix = dot > 0 && clean.size() - dot <= 16 ? clean.mid(dot) : QString();
        clean = clean.left(kMaxFileNameLength - suffix.size()).trimmed() + suffix;
    }
    return clean;
}

Core::Result<Record> AttachmentStore::add(const QString &ownerType, const QString &ownerId, const QString &filePath)
{
    QFile file(filePath);
    const QFileInfo info(filePath);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, u"attachment.unreadable"_s};
    if (file.size() > kMaxBytes)
        return Error{ErrorCode::PayloadTooLarge, u"attachment.too_large"_s};
    const QByteArray bytes = file.read(kMaxBytes + 1);
    if (bytes.size() > kMaxBytes)
        return Error{ErrorCode::PayloadTooLarge, u"attachment.too_large"_s};
    if (bytes.isEmpty())
        return Error{file.error() == QFileDevice::NoError ? ErrorCode::MissingField : ErrorCode::NotFound,
                     file.error() == QFileDevice::NoError ? u"attachment.empty"_s : u"attachment.unreadable"_s};
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QString mime = QMimeDatabase().mimeTypeForFileNameAndData(info.fileName(), bytes).name();
    if (mime.isEmpty() || mime.size() > kMaxMimeTypeLength)
        mime = u"application/octet-stream"_s;

    Record row(u"attachment"_s, Core::newId());
    row.set(u"establishment_id"_s, m_workspace.establishmentId());
    row.set(u"owner_type"_s, ownerType);
    row.set(u"owner_id"_s, ownerId);
    row.set(u"file_name"_s, sanitisedFileName(info.fileName()));
    row.set(u"mime_type"_s, mime);
    row.set(u"size_bytes"_s, qint64(bytes.size()));
    row.set(u"sha256"_s, sha256);
    row.set(u"uploaded_by"_s, m_workspace.accountId());
    row.set(u"uploaded_at"_s, m_workspace.nowMillis());
    if (const std::optional<Record> owner = m_workspace.row(ownerType, ownerId))
        row.set(u"establishment_id"_s, owner->text(u"establishment_id"_s));

    // The blob first: a row whose bytes are missing would be worse than a
    // blob no row names, which the next add of the same file reuses.
    const QString directory = blobDirectory();
    const QString blobPath = QDir(directory).filePath(sha256);
    const bool blobWasThere = QFileInfo::exists(blobPath);
    if (!blobWasThere) {
        if (!Sync::PrivateFiles::makeFolder(directory))
            return Error{ErrorCode::DatabaseError, u"attachment.blob"_s};
        QSaveFile blob(blobPath);
        if (!blob.open(QIODevice::WriteOnly) || blob.write(bytes) != bytes.size() || !blob.commit())
            return Error{ErrorCode::DatabaseError, u"attachment.blob"_s};
        // A copy of the user's file is his alone, as the replica is.
        if (!Sync::PrivateFiles::restrict(blobPath)) {
            QFile::remove(blobPath);
            return Error{ErrorCode::DatabaseError, u"attachment.blob"_s};
        }
    }
    const Core::Result<qint64> written = m_workspace.create(row);
    if (!written) {
        if (!blobWasThere)
            QFile::remove(blobPath);
        return written.error();
    }
    return row;
}

QList<Record> AttachmentStore::attachmentsOf(const QString &ownerType, const QString &ownerId) const
{
    return m_workspace.select(u"attachment"_s, u"owner_type = ? AND owner_id = ?"_s, {ownerType, ownerId},
                              u"file_name, id"_s);
}

Core::Status AttachmentStore::remove(const QString &attachmentId)
{
    const std::optional<Record> attachment = m_workspace.row(u"attachment"_s, attachmentId);
    if (!attachment)
        return Error{ErrorCode::NotFound, u"attachment"_s};
    const Core::Result<qint64> written = m_workspace.remove(u"attachment"_s, attachmentId);
    if (!written)
        return written.error();
    const QString sha256 = attachment->text(u"sha256"_s);
    const bool stillNamed = !m_workspace.select(u"attachment"_s, u"sha256 = ?"_s, {sha256}).isEmpty()
                            || !m_workspace.select(u"document"_s, u"sha256 = ?"_s, {sha256}).isEmpty();
    if (!stillNamed) {
        if (const QString path = localPath(sha256); !path.isEmpty())
            QFile::remove(path);
    }
    return {};
}

} // namespace Cartable::Workspace
