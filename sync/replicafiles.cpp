#include "replicafiles.h"

#include "privatefiles.h"

#include "core/ids.h"
#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>

#include <algorithm>
#include <optional>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcReplicaFiles, "cartable.sync.replicafiles")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

const QString kReplicaSuffix = u".sqlite"_s;

bool isBlobName(const QString &name)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{64}$"_s);
    return pattern.match(name).hasMatch();
}

// The blobs a replica's attachments and documents name; nothing when the
// replica cannot be read.
std::optional<QSet<QString>> blobsNamedBy(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return std::nullopt;
    const QString connection = u"replica-files-"_s + Core::newId();
    std::optional<QSet<QString>> named;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open()) {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            QStringList selects;
            // Names from the catalogue, not from anyone's input.
            for (const Core::BlobReference &reference : Core::blobReferences()) {
                selects.append(u"SELECT %1 FROM %2 WHERE %1 IS NOT NULL"_s.arg(reference.hashField, reference.entity));
            }
            if (query.exec(selects.join(u" UNION "_s))) {
                named.emplace();
                while (query.next())
                    named->insert(query.value(0).toString());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return named;
}

Core::Status removeFile(const QString &path)
{
    if (QFileInfo(path).isFile() && !QFile::remove(path))
        return Error{ErrorCode::DatabaseError, u"cannot remove %1"_s.arg(path)};
    return {};
}

// The other replica files of the replica's folder.
QStringList otherReplicas(const QFileInfo &replica)
{
    QStringList others = replica.absoluteDir().entryList({u"*"_s + kReplicaSuffix}, QDir::Files);
    others.removeAll(replica.fileName());
    return others;
}

// The blobs of the folder that the replica at `path` alone may name.
Core::Status removeOwnBlobs(const QString &path, const std::optional<QSet<QString>> &named)
{
    const QFileInfo replica(path);
    const QDir blobs(ReplicaFiles::blobFolder(replica.absolutePath()));
    if (!blobs.exists())
        return {};
    const QStringList others = otherReplicas(replica);

    QStringList candidates;
    if (others.isEmpty()) {
        // No other replica to keep them for: blobs no row names any more go too.
        candidates = blobs.entryList(QDir::Files);
    } else if (named) {
        candidates = named->values();
    } else {
        qCInfo(lcReplicaFiles) << "the blobs stay: the removed replica could not be read";
        return {};
    }
    QSet<QString> kept;
    for (const QString &other : std::as_const(others)) {
        const std::optional<QSet<QString>> theirs = blobsNamedBy(replica.absoluteDir().filePath(other));
        if (!theirs) {
            qCInfo(lcReplicaFiles) << "the blobs stay: another replica of the folder could not be read";
            return {};
        }
        kept.unite(*theirs);
    }
    for (const QString &name : std::as_const(candidates)) {
        if (!isBlobName(name) || kept.contains(name))
            continue;
        if (Core::Status removed = removeFile(blobs.filePath(name)); !removed)
            return removed;
    }
    // An empty folder tells nothing, but need not stay either.
    if (blobs.isEmpty())
        QDir().rmdir(blobs.path());
    return {};
}

// Brings the blobs the replica names from the folder an older version shared
// among the replicas into the replica's own: moved when no other replica is
// there to name them, copied otherwise (the shared copy then goes with the
// last replica that may name it).
Core::Status takeSharedBlobs(const QString &path, const QString &own)
{
    const QFileInfo replica(path);
    const QDir shared(ReplicaFiles::blobFolder(replica.absolutePath()));
    if (!shared.exists() || !replica.isFile() || replica.size() == 0)
        return {};
    const std::optional<QSet<QString>> named = blobsNamedBy(path);
    if (!named)
        return {};
    const bool alone = otherReplicas(replica).isEmpty();
    for (const QString &name : *named) {
        const QString from = shared.filePath(name);
        const QString to = QDir(own).filePath(name);
        if (!isBlobName(name) || !QFileInfo(from).isFile() || QFileInfo::exists(to))
            continue;
        const QString part = to + u".shared"_s;
        QFile::remove(part);
        const bool taken = alone ? QFile::rename(from, to) : QFile::copy(from, part) && QFile::rename(part, to);
        if (!taken) {
            QFile::remove(part);
            return Error{ErrorCode::DatabaseError, u"cannot bring %1 into %2"_s.arg(from, own)};
        }
        if (Core::Status restricted = PrivateFiles::restrict(to); !restricted)
            return restricted;
    }
    if (alone && shared.isEmpty())
        QDir().rmdir(shared.path());
    return {};
}

} // namespace

QString ReplicaFiles::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/replicas"_s;
}

QString ReplicaFiles::fileName(const QUrl &server, const QString &login)
{
    const QByteArray key = (server.toString() + u'\n' + login).toUtf8();
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(12));
    return login + u'-' + hash + kReplicaSuffix;
}

QString ReplicaFiles::pathIn(const QString &folder, const QUrl &server, const QString &login)
{
    return QDir(folder).filePath(fileName(server, login));
}

QStringList ReplicaFiles::companions(const QString &path)
{
    return {path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s};
}

QString ReplicaFiles::blobFolderOf(const QString &replicaPath)
{
    return QFileInfo(replicaPath).absoluteFilePath() + u".blobs"_s;
}

QString ReplicaFiles::blobFolder(const QString &folder)
{
    return QDir(folder).filePath(u"blobs"_s);
}

Core::Status ReplicaFiles::prepareFolder(const QString &folder)
{
    if (Core::Status made = PrivateFiles::makeFolder(folder); !made)
        return made;
    const QString blobs = blobFolder(folder);
    if (!QFileInfo(blobs).isDir())
        return {};
    if (Core::Status made = PrivateFiles::makeFolder(blobs); !made)
        return made;
    const QStringList names = QDir(blobs).entryList(QDir::Files);
    for (const QString &name : names) {
        if (Core::Status restricted = PrivateFiles::restrict(QDir(blobs).filePath(name)); !restricted)
            return restricted;
    }
    return {};
}

Core::Status ReplicaFiles::prepareFile(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{ErrorCode::DatabaseError, u"cannot create folder %1"_s.arg(QFileInfo(path).absolutePath())};
    if (Core::Status made = PrivateFiles::makeFile(path); !made)
        return made;
    for (const QString &companion : companions(path)) {
        if (Core::Status restricted = PrivateFiles::restrict(companion); !restricted)
            return restricted;
    }
    const QString own = blobFolderOf(path);
    if (Core::Status made = PrivateFiles::makeFolder(own); !made)
        return made;
    const QStringList names = QDir(own).entryList(QDir::Files);
    for (const QString &name : names) {
        if (Core::Status restricted = PrivateFiles::restrict(QDir(own).filePath(name)); !restricted)
            return restricted;
    }
    return takeSharedBlobs(path, own);
}

bool ReplicaFiles::exists(const QString &path)
{
    if (QFileInfo::exists(path))
        return true;
    const QStringList others = companions(path);
    return std::any_of(others.cbegin(), others.cend(), [](const QString &file) { return QFileInfo::exists(file); });
}

Core::Status ReplicaFiles::remove(const QString &path)
{
    const std::optional<QSet<QString>> named = blobsNamedBy(path);
    // The companions first: a log left without its database would be read
    // into the next replica made under that name.
    QStringList files = companions(path);
    files.append(path);
    for (const QString &file : std::as_const(files)) {
        if (Core::Status removed = removeFile(file); !removed)
            return removed;
    }
    const QString own = blobFolderOf(path);
    if (QFileInfo(own).isDir() && !QDir(own).removeRecursively())
        return Error{ErrorCode::DatabaseError, u"cannot remove %1"_s.arg(own)};
    qCInfo(lcReplicaFiles) << "a replica was removed from this computer";
    return removeOwnBlobs(path, named);
}

} // namespace Cartable::Sync
