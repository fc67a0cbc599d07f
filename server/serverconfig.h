#pragma once

#include "connectionguard.h"
#include "loginthrottle.h"
#include "server/blobs/blobservice.h"

#include "core/result.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Cartable::Server {

// How cartable-server runs. Read from an INI file ([server] section) given
// with --config, then overridden by command-line flags.
struct ServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8470;
    // An SQLite file path, or postgresql://user:password@host:port/dbname
    // (with ?host=/socket/folder for a Unix socket).
    QString database;
    qint64 maxBodyBytes = 1024 * 1024;
    // Where files are kept; empty: a "blobs" folder beside an SQLite
    // database (required with PostgreSQL). See blobFolder().
    QString blobDir;
    // The largest file, the quotas, and how long unnamed blobs and idle
    // uploads are kept.
    BlobLimits blobs;
    // Administration: run one collection of unused files, print what it
    // removed, and exit.
    bool collectBlobs = false;
    // A session lasts this long after sign-in; its access tokens, much less.
    int sessionHours = 24 * 30;
    int accessMinutes = 15;
    ThrottlePolicy throttle;
    // Deadlines of a connection and the per-address cap.
    ConnectionLimits connections;
    // Reverse proxies whose X-Forwarded-For header names the real client.
    QList<QHostAddress> trustedProxies;
    bool seedDemo = false;
    bool printDemoLogins = false;
    // Administration: reset this account's password, print it, and exit.
    QString resetPasswordLogin;
    // Administration: disable (ending its sessions), or enable again, this
    // account, and exit.
    QString disableAccountLogin;
    QString enableAccountLogin;

    static QString defaultDatabasePath();
    // blobDir, or its default for `database`; empty when there is none (a
    // PostgreSQL database).
    QString blobFolder() const;
};

// The outcome of reading the command line: a configuration, or a usage
// message and the exit code to leave with (0 for --help and --version).
struct ConfigOutcome
{
    ServerConfig config;
    bool exitNow = false;
    int exitCode = 0;
    QString message;
};

ConfigOutcome parseServerArguments(const QStringList &arguments);

// Reads the [server] section of an INI file over `config`.
[[nodiscard]] Core::Status loadConfigFile(const QString &path, ServerConfig &config);

} // namespace Cartable::Server
