#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;

namespace Cartable::Core {
struct Error;
}

namespace Cartable::Sync {
class ApiClient;
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
    CliCommand(Sync::Session &session, Sync::CredentialStore &credentials, QSettings &settings,
               QObject *parent = nullptr);

    // Starts the command; `finished` is called exactly once.
    void run(const QStringList &arguments, std::function<void(int)> finished);

private:
    void login(const QStringList &arguments);
    void whoami(const QStringList &arguments);
    void logout(const QStringList &arguments);
    void passwd(const QStringList &arguments);
    void resumeThen(std::function<void()> onSignedIn, std::function<void(const Core::Error &)> onFailed);
    void done(int code);
    void fail(const Core::Error &error);
    void usage(const QString &message);

    Sync::Session &m_session;
    Sync::CredentialStore &m_credentials;
    QSettings &m_settings;
    std::function<void(int)> m_finished;
    QList<QMetaObject::Connection> m_connections;
};

// Reads a password from standard input: one line, without echo on a terminal
// (where `prompt` is shown first).
QString readPassword(bool interactive, const char *prompt = "Password: ");

} // namespace Cartable::Cli
