#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Cartable::Sync {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

Core::Status PrivateFiles::makeFolder(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        // Made with its mode, not tightened after: nothing can be put in it
        // meanwhile.
        if (!QDir().mkpath(info.absolutePath()) || !QDir().mkdir(info.absoluteFilePath(), kFolderMode))
            return Error{ErrorCode::DatabaseError, u"cannot create folder %1"_s.arg(path)};
    } else if (!info.isDir()) {
        return Error{ErrorCode::DatabaseError, u"not a folder: %1"_s.arg(path)};
    }
    if (!QFile::setPermissions(path, kFolderMode))
        return Error{ErrorCode::DatabaseError, u"cannot restrict folder %1"_s.arg(path)};
    return {};
}

Core::Status PrivateFiles::makeFile(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        QFile file(path);
        // NewOnly: a file that another process has just made is not truncated.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kFileMode) && !QFileInfo::exists(path))
            return Error{ErrorCode::DatabaseError, u"cannot create file %1: %2"_s.arg(path, file.errorString())};
    }
    return restrict(path);
}

Core::Status PrivateFiles::restrict(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (info.isDir())
        return Error{ErrorCode::DatabaseError, u"not a file: %1"_s.arg(path)};
    if (!QFile::setPermissions(path, kFileMode))
        return Error{ErrorCode::DatabaseError, u"cannot restrict file %1"_s.arg(path)};
    return {};
}

} // namespace Cartable::Sync
