#include "replicafiles.h"

#include "privatefiles.h"

#include "core/ids.h"

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
            if (query.exec(u"SELECT sha256 FROM attachment WHERE sha256 IS NOT NULL "
                           "UNION SELECT sha256 FROM document WHERE sha256 IS NOT NULL"_s)) {
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

// The blobs of the folder that the replica at `path` alone may name.
Core::Status removeOwnBlobs(const QString &path, const std::optional<QSet<QString>> &named)
{
    const QFileInfo replica(path);
    const QDir blobs(ReplicaFiles::blobFolder(replica.absolutePath()));
    if (!blobs.exists())
        return {};
    QStringList others = replica.absoluteDir().entryList({u"*"_s + kReplicaSuffix}, QDir::Files);
    others.removeAll(replica.fileName());

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
    return {};
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
    qCInfo(lcReplicaFiles) << "a replica was removed from this computer";
    return removeOwnBlobs(path, named);
}

} // namespace Cartable::Sync
