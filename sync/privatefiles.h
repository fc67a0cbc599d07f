#pragma once

#include "core/result.h"

#include <QFileDevice>
#include <QString>

namespace Cartable::Sync {

// What the programs keep of an account on this computer is readable by the
// user alone, whatever the umask: folders 0700, files 0600. Each call also
// tightens what an older version left open to the other users.
class PrivateFiles
{
public:
    static constexpr QFileDevice::Permissions kFolderMode{QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                          | QFileDevice::ExeOwner};
    static constexpr QFileDevice::Permissions kFileMode{QFileDevice::ReadOwner | QFileDevice::WriteOwner};

    // Creates the folder (and its parents) when missing and gives it the
    // folder mode.
    [[nodiscard]] static Core::Status makeFolder(const QString &path);
    // Creates the file empty, already with the file mode, when missing, and
    // gives it the file mode.
    [[nodiscard]] static Core::Status makeFile(const QString &path);
    // Gives an existing file the file mode; a missing one is no error.
    [[nodiscard]] static Core::Status restrict(const QString &path);
};

} // namespace Cartable::Sync
