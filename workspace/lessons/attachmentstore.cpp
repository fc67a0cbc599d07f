#include "attachmentstore.h"

#include "workspace/files/filestates.h"
#include "workspace/workspace.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "sync/blobcache.h"

#include <QFileInfo>

namespace Cartable::Workspace {

using Core::Error;
using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxFileNameLength = 255;
constexpr qsizetype kMaxMimeTypeLength = 100;

} // namespace

AttachmentStore::AttachmentStore(Workspace &workspace, Sync::BlobCache &cache) : m_workspace(workspace), m_cache(cache)
{
}

QString AttachmentStore::blobDirectory() const
{
    return m_cache.folder();
}

QString AttachmentStore::localPath(const QString &sha256) const
{
    return m_cache.path(sha256);
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
    const QString sourceName = QFileInfo(filePath).fileName();
    const Core::Result<Sync::BlobCache::Imported> imported = m_cache.import(filePath, kMaxBytes);
    if (!imported)
        return imported.error();
    QString mime = imported->mimeType;
    if (mime.isEmpty() || mime.size() > kMaxMimeTypeLength)
        mime = u"application/octet-stream"_s;

    Record row(u"attachment"_s, Core::newId());
    row.set(u"establishment_id"_s, m_workspace.establishmentId());
    row.set(u"owner_type"_s, ownerType);
    row.set(u"owner_id"_s, ownerId);
    row.set(u"file_name"_s, sanitisedFileName(sourceName));
    row.set(u"mime_type"_s, mime);
    row.set(u"size_bytes"_s, imported->size);
    row.set(u"sha256"_s, imported->sha256);
    row.set(u"uploaded_by"_s, m_workspace.accountId());
    row.set(u"uploaded_at"_s, m_workspace.nowMillis());
    if (const std::optional<Record> owner = m_workspace.row(ownerType, ownerId))
        row.set(u"establishment_id"_s, owner->text(u"establishment_id"_s));

    const Core::Result<qint64> written = m_workspace.create(row);
    if (!written) {
        // A blob no row names is only left when another row names it.
        if (!isNamedElsewhere(imported->sha256))
            m_cache.remove(imported->sha256);
        return written.error();
    }
    return row;
}

QList<Record> AttachmentStore::attachmentsOf(const QString &ownerType, const QString &ownerId) const
{
    return m_workspace.select(u"attachment"_s, u"owner_type = ? AND owner_id = ?"_s, {ownerType, ownerId},
                              u"file_name, id"_s);
}

bool AttachmentStore::isNamedElsewhere(const QString &sha256) const
{
    return FileStates::isNamed(m_workspace, sha256);
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
    if (!isNamedElsewhere(sha256))
        m_cache.remove(sha256);
    return {};
}

} // namespace Cartable::Workspace
