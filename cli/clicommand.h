#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Cartable::Core {
struct Error;
}

namespace Cartable::Sync {
class ApiClient;
class ReplicaStore;
class CredentialStore;
class Session;
} // namespace Cartable::Sync

namespace Cartable::Cli {

// Exit codes of cartable-cli.
enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

// One run of cartable-cli: parses the command line, runs one command on the
// sync library (the same Session as the desktop client) and calls `finished`
// with the exit code once the asynchronous work is done.
class CliCommand : public QObject
{
    Q_OBJECT

public:
    CliCommand(Sync::Session &session, Sync::ApiClient &api, Sync::CredentialStore &credentials, QSettings &settings,
               QObject *parent = nullptr);

    // Starts the command; `finished` is called exactly once.
    void run(const QStringList &arguments, std::function<void(int)> finished);

private:
    void login(const QStringList &arguments);
    void whoami(const QStringList &arguments);
    void logout(const QStringList &arguments);
    void passwd(const QStringList &arguments);
    // The replica commands (clicommand_replica.cpp).
    void sync(const QStringList &arguments);
    void status(const QStringList &arguments);
    void get(const QStringList &arguments);
    void set(const QStringList &arguments);
    void exportRows(const QStringList &arguments);
    void conflicts(const QStringList &arguments);
    void restore(const QStringList &arguments);
    // The file commands (clicommand_files.cpp).
    void put(const QStringList &arguments);
    void getFile(const QString &what, const QString &output, bool force, const QString &replicaPath);
    // The replica named by --replica, or the signed-in account's; nullptr
    // after reporting the failure.
    std::unique_ptr<Sync::ReplicaStore> openReplica(const QString &path);
    QString defaultReplicaPath() const;
    // logout --forget: false, after reporting it, while the replica at
    // `path` may hold changes the server has not received (unless
    // `discardUnsent`).
    bool mayForgetReplica(const QString &path, bool discardUnsent);
    // Removes the replica and what is kept beside it; false after reporting
    // a failure.
    bool forgetReplica(const QString &path);
    void resumeThen(std::function<void()> onSignedIn, std::function<void(const Core::Error &)> onFailed);
    void done(int code);
    void fail(const Core::Error &error);
    void usage(const QString &message);

    Sync::Session &m_session;
    Sync::ApiClient &m_api;
    Sync::CredentialStore &m_credentials;
    QSettings &m_settings;
    std::function<void(int)> m_finished;
    QList<QMetaObject::Connection> m_connections;
};

extern const QString kServerKey;
extern const QString kLoginKey;
void out(const QString &text);
void err(const QString &text);
// A sentence for an error, in English: the CLI is for scripts and
// administrators.
QString explain(const Core::Error &error);

// Reads a password from standard input: one line, without echo on a terminal
// (where `prompt` is shown first).
QString readPassword(bool interactive, const char *prompt = "Password: ");

} // namespace Cartable::Cli
