// The files a simulated device moves: attachments it adds to rows its user
// authored, the queue it sends, and the downloads of what its rows name.

#include "simclient.h"

#include "core/protocol/blobs.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/replicastore.h"
#include "sync/syncengine.h"
#include "workspace/lessons/attachmentstore.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <algorithm>

namespace Cartable::Chaos {

using namespace Qt::StringLiterals;

namespace {

// The rows a role attaches files to, as the policy allows: an SQL condition
// on the type's table, "?" bound to the person (else the account) id.
struct Owner
{
    QString type;
    QString mine;
    bool mineIsPerson = false;
};

QList<Owner> ownersOf(const QString &role)
{
    QList<Owner> owners;
    if (role == u"teacher")
        owners << Owner{u"homework"_s, u"teacher_id = ?"_s, true}
               << Owner{u"lesson_content"_s, u"teacher_id = ?"_s, true};
    if (role == u"student")
        owners << Owner{u"homework_submission"_s, u"student_id = ?"_s, true};
    if (role == u"vie_scolaire")
        owners << Owner{u"correspondence_note"_s, u"author_id = ?"_s, false};
    owners << Owner{u"message"_s, u"author_id = ?"_s, false};
    return owners;
}

// A scan (PDF), a photo (PNG) or a text, mostly small: the bytes random
// past the first ones, the text made of words.
std::pair<QByteArray, QString> newFile(Rng &rng)
{
    const qint64 kind = rng.between(0, 2);
    const qint64 size = rng.chance(0.7) ? rng.between(2'000, 40'000) : rng.between(40'000, 300'000);
    QByteArray bytes;
    bytes.reserve(size);
    if (kind == 2) {
        static const char kLetters[] = "abcdefghijklmnopqrstuvwxyz    \n";
        while (bytes.size() < size)
            bytes.append(kLetters[rng.between(0, sizeof(kLetters) - 2)]);
        return {bytes, u"txt"_s};
    }
    bytes = kind == 0 ? QByteArrayLiteral("%PDF-1.5\n%\xE2\xE3\xCF\xD3\n")
                      : QByteArrayLiteral("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR");
    while (bytes.size() < size) {
        const std::uint64_t word = rng.next();
        bytes.append(reinterpret_cast<const char *>(&word), sizeof word);
    }
    bytes.truncate(size);
    return {bytes, kind == 0 ? u"pdf"_s : u"png"_s};
}

} // namespace

void Device::openFiles()
{
    m_cache = std::make_unique<Sync::BlobCache>(m_path);
    m_blobTransport = std::make_unique<SimBlobTransport>(m_network, m_actor.accountId, m_index, m_alive);
    m_transfer = std::make_unique<Sync::BlobTransfer>(*m_blobTransport, *m_store, *m_cache);
    m_attachments = std::make_unique<Workspace::AttachmentStore>(*m_workspace, *m_cache);
    // As the desktop client: each sync sends the queue of files first.
    if (m_files)
        m_engine->setBlobTransfer(m_transfer.get());
    QObject::connect(m_transfer.get(), &Sync::BlobTransfer::uploadsFinished, m_transfer.get(),
                     [this](const Core::Status &status) { m_lastFiles = status; });
    QObject::connect(m_transfer.get(), &Sync::BlobTransfer::downloadFinished, m_transfer.get(),
                     [this](const QString &sha256, const Core::Status &status) { downloaded(sha256, status); });
}

void Device::closeFiles()
{
    if (m_engine)
        m_engine->setBlobTransfer(nullptr);
    m_attachments.reset();
    m_transfer.reset();
    m_blobTransport.reset();
    m_cache.reset();
    m_inFlight.clear();
}

void Device::attachAFile(Rng &rng, QList<Written> &log)
{
    if (!m_files)
        return;
    QList<std::pair<QString, QString>> candidates;
    for (const Owner &owner : ownersOf(m_actor.role)) {
        QSqlQuery query(m_store->database());
        query.setForwardOnly(true);
        if (!query.prepare(u"SELECT id FROM %1 WHERE %2 ORDER BY id"_s.arg(owner.type, owner.mine)))
            continue;
        query.addBindValue(owner.mineIsPerson ? m_workspace->personId() : m_actor.accountId);
        if (!query.exec())
            continue;
        while (query.next())
            candidates.append({owner.type, query.value(0).toString()});
    }
    if (candidates.isEmpty())
        return;
    const auto &[ownerType, ownerId] = rng.pick(candidates);
    std::pair<QByteArray, QString> file;
    if (!m_files->bytes.isEmpty() && rng.chance(0.1)) {
        // A file someone attached before, sent again by this account.
        QStringList known = m_files->bytes.keys();
        std::sort(known.begin(), known.end());
        file = {m_files->bytes.value(rng.pick(known)), u"bin"_s};
    } else {
        file = newFile(rng);
    }
    const QString path
        = QDir(m_files->folder).filePath(u"file-%1-%2.%3"_s.arg(m_index).arg(log.size()).arg(file.second));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(file.first) != file.first.size())
        qFatal("cannot write %s", qPrintable(path));
    out.close();
    const qint64 before = lastLogged(log);
    const Core::Result<Core::Record> added = m_attachments->add(ownerType, ownerId, path);
    QFile::remove(path);
    if (!added) {
        ++stats.refusedLocally;
        return;
    }
    m_files->bytes.insert(added->text(u"sha256"_s), file.first);
    ++m_files->attached;
    logOutboxAfter(before, log);
}

void Device::downloadAFile(Rng &rng)
{
    if (!m_files)
        return;
    QList<std::pair<QString, qint64>> missing;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT sha256, size_bytes FROM attachment ORDER BY id"_s))
        return;
    while (query.next()) {
        const QString sha256 = query.value(0).toString();
        if (!m_cache->contains(sha256) && !m_transfer->isDownloading(sha256))
            missing.append({sha256, query.value(1).toLongLong()});
    }
    if (missing.isEmpty())
        return;
    const auto &[sha256, size] = rng.pick(missing);
    startDownload(sha256, size);
}

int Device::downloadAll(const std::function<bool(const QString &sha256)> &readable)
{
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT sha256, size_bytes FROM attachment UNION SELECT sha256, size_bytes FROM document "
                    "ORDER BY 1"_s))
        return 0;
    int started = 0;
    while (query.next()) {
        const QString sha256 = query.value(0).toString();
        if (m_cache->contains(sha256) || m_transfer->isDownloading(sha256) || !readable(sha256))
            continue;
        startDownload(sha256, query.value(1).toLongLong());
        ++started;
    }
    return started;
}

void Device::sendFiles()
{
    if (m_transfer && !m_transfer->isSending())
        m_transfer->sendUploads();
}

bool Device::sendingFiles() const
{
    return m_transfer && m_transfer->isSending();
}

bool Device::downloadingFiles() const
{
    return !m_inFlight.isEmpty();
}

void Device::startDownload(const QString &sha256, qint64 size)
{
    m_transfer->download(sha256, size);
    if (m_transfer->isDownloading(sha256))
        m_inFlight.insert(sha256);
}

void Device::downloaded(const QString &sha256, const Core::Status &status)
{
    m_inFlight.remove(sha256);
    if (!status) {
        m_failedDownloads.insert(sha256, status.error());
        if (m_files)
            ++m_files->downloadsFailed;
        return;
    }
    m_failedDownloads.remove(sha256);
    if (!m_files)
        return;
    ++m_files->downloaded;
    QFile file(m_cache->path(sha256));
    const QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    const bool same = m_files->bytes.contains(sha256)
                          ? bytes == m_files->bytes.value(sha256)
                          : QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() == sha256.toLatin1();
    if (!same)
        m_files->violations << u"files readable: device %1 (%2) downloaded %3 and holds other bytes"_s.arg(m_index)
                                   .arg(m_actor.login, sha256);
}

} // namespace Cartable::Chaos
