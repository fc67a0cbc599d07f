// The file commands of cartable-cli: put sends a file as an attachment or a
// document (the row and its outbox entry, then a sync with the upload), get
// fetches one into a file of the user's, checked against its SHA-256.

#include "clicommand.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/protocol/blobs.h"
#include "core/protocol/hlc.h"
#include "sync/apiclient.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "sync/replicastore.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <unistd.h>

namespace Cartable::Cli {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::Record;

namespace {

QCommandLineOption replicaOption()
{
    return QCommandLineOption(u"replica"_s, u"The replica file."_s, u"file"_s);
}

// What a file command keeps alive while it waits for the network.
struct Files
{
    std::unique_ptr<Sync::ReplicaStore> store;
    std::unique_ptr<Sync::BlobCache> cache;
    std::unique_ptr<Sync::SessionBlobTransport> transport;
    Sync::BlobTransfer *transfer = nullptr;
};

// The file a row names: its hash, size and name.
struct NamedFile
{
    QString sha256;
    qint64 size = 0;
    QString name;
};

std::optional<NamedFile> fileOfRow(const Sync::ReplicaStore &store, const QString &type, const QString &id,
                                   const QString &nameField)
{
    const Core::Result<std::optional<Record>> row = store.row(type, id);
    if (!row || !*row)
        return std::nullopt;
    return NamedFile{(*row)->text(u"sha256"_s), (*row)->number(u"size_bytes"_s), (*row)->text(nameField)};
}

} // namespace

void CliCommand::put(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    const QCommandLineOption attachOption(u"attach"_s, u"Attach it to a row: OWNER_TYPE:OWNER_ID."_s, u"owner"_s);
    const QCommandLineOption folderOption(u"folder"_s, u"Put it in a document folder."_s, u"id"_s);
    const QCommandLineOption quietOption(u"quiet"_s, u"No progress lines."_s);
    parser.addOptions({replica, attachOption, folderOption, quietOption});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usage(u"put takes FILE and --attach OWNER_TYPE:OWNER_ID or --folder ID"_s);
    if (parser.isSet(attachOption) == parser.isSet(folderOption))
        return usage(u"put takes one of --attach OWNER_TYPE:OWNER_ID and --folder ID"_s);
    QString ownerType = u"document_folder"_s;
    QString ownerId = parser.value(folderOption);
    if (parser.isSet(attachOption)) {
        const QStringList owner = parser.value(attachOption).split(u':');
        if (owner.size() != 2 || owner.at(0).isEmpty() || owner.at(1).isEmpty())
            return usage(u"--attach takes OWNER_TYPE:OWNER_ID (homework:…)"_s);
        ownerType = owner.at(0);
        ownerId = owner.at(1);
    }
    const QString file = parser.positionalArguments().constFirst();
    if (!QFileInfo(file).isFile())
        return fail(Error{ErrorCode::NotFound, u"file.unreadable: "_s + file});
    const QString path = parser.value(replica);
    const bool quiet = parser.isSet(quietOption);
    resumeThen(
        [this, path, file, ownerType, ownerId, quiet] {
            auto files = std::make_shared<Files>();
            files->store = openReplica(path);
            if (!files->store)
                return;
            const Core::Result<std::optional<Record>> owner = files->store->row(ownerType, ownerId);
            if (!owner)
                return fail(owner.error());
            if (!*owner)
                return fail(Error{ErrorCode::NotFound, ownerType + u'/' + ownerId});
            files->cache = std::make_unique<Sync::BlobCache>(files->store->database().databaseName());
            const Core::Result<Sync::BlobCache::Imported> imported = files->cache->import(file);
            if (!imported)
                return fail(imported.error());
            const bool attachment = ownerType != u"document_folder"_s;
            Record row(attachment ? u"attachment"_s : u"document"_s, Core::newId());
            row.set(u"establishment_id"_s, (*owner)->text(u"establishment_id"_s));
            if (attachment) {
                row.set(u"owner_type"_s, ownerType);
                row.set(u"owner_id"_s, ownerId);
                row.set(u"file_name"_s, imported->fileName);
            } else {
                row.set(u"folder_id"_s, ownerId);
                row.set(u"name"_s, imported->fileName);
            }
            row.set(u"mime_type"_s, imported->mimeType);
            row.set(u"size_bytes"_s, imported->size);
            row.set(u"sha256"_s, imported->sha256);
            row.set(u"uploaded_by"_s, m_session.profile().id);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            row.set(u"uploaded_at"_s, now);
            // The row and its outbox entry, with the file queued to go up.
            const Core::Result<qint64> saved = files->store->change(Core::MutationOp::Create, row, {}, {now, 0});
            if (!saved)
                return fail(saved.error());
            out(row.id() + u' ' + imported->sha256);

            files->transport = std::make_unique<Sync::SessionBlobTransport>(m_session, m_api);
            files->transfer = new Sync::BlobTransfer(*files->transport, *files->store, *files->cache, this);
            auto *engine = new Sync::SyncEngine(m_session, m_api, *files->store, this);
            engine->setBlobTransfer(files->transfer);
            if (!quiet) {
                connect(files->transfer, &Sync::BlobTransfer::uploadProgress, this,
                        [](const QString &, qint64 sent, qint64 total) {
                            err(u"sent %1 of %2 byte(s)"_s.arg(sent).arg(total));
                        });
            }
            const QString sha256 = imported->sha256;
            connect(engine, &Sync::SyncEngine::finished, this, [this, files, sha256](const Core::Status &result) {
                if (!result) {
                    err(u"the file and its row are saved here and go with the next 'cartable-cli sync'"_s);
                    return fail(result.error());
                }
                const Core::Result<QList<Sync::BlobTransfer::QueuedUpload>> queue = files->transfer->uploads();
                if (!queue)
                    return fail(queue.error());
                for (const Sync::BlobTransfer::QueuedUpload &upload : *queue) {
                    if (upload.sha256 == sha256 && upload.state == Sync::BlobTransfer::UploadState::Failed)
                        return fail(upload.error.value_or(Error{ErrorCode::Internal, u"upload"_s}));
                }
                done(Success);
            });
            engine->start();
        },
        [this](const Error &error) { fail(error); });
}

void CliCommand::getFile(const QString &what, const QString &output, bool force, const QString &replicaPath)
{
    auto files = std::make_shared<Files>();
    files->store = openReplica(replicaPath);
    if (!files->store)
        return;
    std::optional<NamedFile> named;
    if (Core::isSha256Hex(what)) {
        named = NamedFile{what, 0, what};
        // The size its rows give, if any names it.
        for (const Core::BlobReference &reference : Core::blobReferences()) {
            const Core::Result<QList<Record>> rows = files->store->select(reference.entity,
                                                                          reference.hashField + u" = ?"_s, {what});
            if (rows && !rows->isEmpty() && !reference.sizeField.isEmpty()) {
                named->size = rows->constFirst().number(reference.sizeField);
                break;
            }
        }
    } else {
        named = fileOfRow(*files->store, u"attachment"_s, what, u"file_name"_s);
        if (!named)
            named = fileOfRow(*files->store, u"document"_s, what, u"name"_s);
        if (!named)
            return fail(Error{ErrorCode::NotFound, u"no attachment nor document "_s + what + u" in the replica"_s});
        if (!Core::isSha256Hex(named->sha256))
            return fail(Error{ErrorCode::NotFound, u"the row names no file"_s});
    }
    const QString target = output.isEmpty() ? QDir::current().filePath(named->name) : output;
    if (QFileInfo::exists(target) && !force) {
        err(u"error: %1 exists; add --force to replace it"_s.arg(target));
        return done(Failure);
    }
    files->cache = std::make_unique<Sync::BlobCache>(files->store->database().databaseName());
    const QString sha256 = named->sha256;
    auto save = [this, files, sha256, target] {
        if (const Core::Status saved = files->cache->saveAs(sha256, target); !saved)
            return fail(saved.error());
        out(target);
        done(Success);
    };
    // Here already: no network needed.
    if (files->cache->contains(sha256))
        return save();
    const qint64 size = named->size;
    resumeThen(
        [this, files, sha256, size, save] {
            files->transport = std::make_unique<Sync::SessionBlobTransport>(m_session, m_api);
            files->transfer = new Sync::BlobTransfer(*files->transport, *files->store, *files->cache, this);
            if (::isatty(STDERR_FILENO)) {
                connect(files->transfer, &Sync::BlobTransfer::downloadProgress, this,
                        [](const QString &, qint64 received, qint64 total) {
                            err(u"received %1 of %2 byte(s)"_s.arg(received).arg(total));
                        });
            }
            connect(files->transfer, &Sync::BlobTransfer::downloadFinished, this,
                    [this, files, save](const QString &, const Core::Status &status) {
                        if (!status)
                            return fail(status.error());
                        save();
                    });
            files->transfer->download(sha256, size);
        },
        [this](const Error &error) { fail(error); });
}

} // namespace Cartable::Cli
