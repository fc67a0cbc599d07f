#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Cartable::Sync {

// Where the replicas of the accounts live on this computer, how they are
// kept from the other users of it, and how they leave it. One SQLite file
// per server and login, with the companions SQLite writes beside it, and the
// account's files (blobs) in a folder of its own beside it: one account's
// replica never reads nor removes another's files. The desktop client and
// cartable-cli share it.
class ReplicaFiles
{
public:
    // "replicas" in the program's data folder (QStandardPaths::AppDataLocation).
    static QString defaultFolder();
    // The file name of an account's replica: the login and a hash of the
    // server and login, so that one account never opens another's.
    static QString fileName(const QUrl &server, const QString &login);
    static QString pathIn(const QString &folder, const QUrl &server, const QString &login);
    // The files SQLite may keep beside a database: its write-ahead log, the
    // log's index and a rollback journal.
    static QStringList companions(const QString &path);
    // Where the account of the replica at `replicaPath` keeps the bytes of
    // its files: "<replica file>.blobs".
    static QString blobFolderOf(const QString &replicaPath);
    // The folder that an older version shared among all the replicas of
    // `folder` for their files. Nothing new goes there: a replica takes the
    // blobs it names from it into its own folder when it is opened.
    static QString blobFolder(const QString &folder);

    // Makes a folder of replicas the user's alone: the folder, the older
    // shared blob folder and each blob in it (an older version made them
    // readable by all). Call it each time the folder is opened.
    [[nodiscard]] static Core::Status prepareFolder(const QString &folder);
    // Makes a replica file the user's alone before SQLite opens it: made
    // empty with the file mode when missing, tightened with its companions
    // when an older version left them readable by all. SQLite gives the
    // companions it creates the mode of the database file. Its blob folder
    // is made (or tightened) too, and the blobs the replica names that an
    // older version kept in the shared folder are brought into it.
    [[nodiscard]] static Core::Status prepareFile(const QString &path);

    // True when the replica or one of its companions is on disk.
    static bool exists(const QString &path);
    // Removes what this computer keeps of a closed replica: the file, its
    // companions, its blob folder, and the blobs of the older shared folder
    // that no other replica of its folder names. A shared blob that another
    // replica names, or may name (one that cannot be read), stays.
    [[nodiscard]] static Core::Status remove(const QString &path);
};

} // namespace Cartable::Sync
