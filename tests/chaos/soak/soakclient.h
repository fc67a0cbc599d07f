#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Cartable::Test::Soak {

// What one cartable-cli run gave.
struct CliRun
{
    int exitCode = -1;
    // Killed on purpose (a chaos kill) or by the watchdog.
    bool killed = false;
    bool timedOut = false;
    QString out;
    QString err;
};

// One cartable-cli user: a login, a replica file and a private config and
// data folder (so that the saved server and login of one do not touch
// another's). All clients share the keyring session they run in; the CLI
// keys a token by login and server, so two clients never share an entry
// unless they are the same login on the same server (which the soak avoids).
class SoakClient : public QObject
{
    Q_OBJECT

public:
    SoakClient(int index, QString name, QString login, const QString &folder, QObject *parent);

    int index() const { return m_index; }
    QString name() const { return m_name; }
    QString login() const { return m_login; }
    void setLogin(QString login) { m_login = std::move(login); }
    // The program it runs: cartable-cli (CARTABLE_CLI_BINARY) unless set.
    void setProgram(QString program) { m_program = std::move(program); }
    QString replicaPath() const { return m_replica; }
    QString freshReplicaPath() const { return m_freshReplica; }
    bool isBusy() const { return m_process != nullptr; }

    // The server this client signs in to, by index in its world.
    int server() const { return m_server; }
    void setServer(int server) { m_server = server; }
    bool needsLogin() const { return m_needsLogin; }
    void setNeedsLogin(bool needs) { m_needsLogin = needs; }

    // Runs the CLI and calls `done` with what it gave; `killAfterMs` >= 0
    // sends SIGKILL that long after the start if it still runs. A run that
    // takes longer than the watchdog is killed too (timedOut).
    void start(const QStringList &arguments, const QByteArray &input, int killAfterMs,
               std::function<void(const CliRun &)> done);
    // The same, waiting for the end.
    CliRun runNow(const QStringList &arguments, const QByteArray &input = {});

    // status --json of a replica (the client's own by default); empty on failure.
    QJsonObject status(const QString &replica = {});

private:
    QProcessEnvironment environment() const;
    void finish();

    int m_index;
    QString m_name;
    QString m_login;
    QString m_home;
    QString m_replica;
    QString m_freshReplica;
    QString m_program;
    int m_server = 0;
    bool m_needsLogin = true;

    std::unique_ptr<QProcess> m_process;
    std::function<void(const CliRun &)> m_done;
    bool m_killedOnPurpose = false;
    bool m_timedOut = false;
};

// The watchdog of one CLI run.
inline constexpr int kCliTimeoutMs = 90'000;

} // namespace Cartable::Test::Soak
