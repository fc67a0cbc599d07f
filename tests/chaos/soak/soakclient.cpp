#include "soakclient.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace Cartable::Test::Soak {

using namespace Qt::StringLiterals;

SoakClient::SoakClient(int index, QString name, QString login, const QString &folder, QObject *parent)
    : QObject(parent), m_index(index), m_name(std::move(name)), m_login(std::move(login))
{
    m_home = folder + u"/home-"_s + m_name;
    QDir().mkpath(m_home + u"/.config"_s);
    QDir().mkpath(m_home + u"/.local/share"_s);
    m_replica = folder + u"/"_s + m_name + u".sqlite"_s;
    m_freshReplica = folder + u"/"_s + m_name + u"-fresh.sqlite"_s;
}

QProcessEnvironment SoakClient::environment() const
{
    // The session bus and keyring of the whole run are kept; only the
    // folders where the CLI saves its settings differ.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_home);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_home + u"/.config"_s);
    environment.insert(u"XDG_DATA_HOME"_s, m_home + u"/.local/share"_s);
    return environment;
}

void SoakClient::start(const QStringList &arguments, const QByteArray &input, int killAfterMs,
                       std::function<void(const CliRun &)> done)
{
    Q_ASSERT(!m_process);
    m_done = std::move(done);
    m_killedOnPurpose = false;
    m_timedOut = false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(environment());
    m_process->setProgram(m_program.isEmpty() ? qEnvironmentVariable("CARTABLE_CLI_BINARY") : m_program);
    m_process->setArguments(arguments);
    QProcess *process = m_process.get();
    connect(process, &QProcess::finished, this, &SoakClient::finish);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart && m_process.get() == process)
            finish();
    });
    m_process->start();
    m_process->write(input);
    m_process->closeWriteChannel();
    const QPointer<QProcess> guarded(process);
    if (killAfterMs >= 0) {
        QTimer::singleShot(killAfterMs, this, [this, guarded] {
            if (guarded && guarded->state() != QProcess::NotRunning) {
                m_killedOnPurpose = true;
                guarded->kill();
            }
        });
    }
    QTimer::singleShot(kCliTimeoutMs, this, [this, guarded] {
        if (guarded && guarded->state() != QProcess::NotRunning) {
            m_timedOut = true;
            guarded->kill();
        }
    });
}

void SoakClient::finish()
{
    std::unique_ptr<QProcess> process = std::move(m_process);
    if (!process)
        return;
    CliRun run;
    run.killed = m_killedOnPurpose || m_timedOut;
    run.timedOut = m_timedOut;
    run.exitCode = process->exitStatus() == QProcess::NormalExit && process->error() != QProcess::FailedToStart
                       ? process->exitCode()
                       : -1;
    run.out = QString::fromUtf8(process->readAllStandardOutput());
    run.err = QString::fromUtf8(process->readAllStandardError());
    if (process->error() == QProcess::FailedToStart)
        run.err += process->errorString();
    // The QProcess is still emitting: delete it later.
    process.release()->deleteLater();
    std::function<void(const CliRun &)> done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(run);
}

CliRun SoakClient::runNow(const QStringList &arguments, const QByteArray &input)
{
    CliRun result;
    QEventLoop loop;
    start(arguments, input, -1, [&](const CliRun &run) {
        result = run;
        loop.quit();
    });
    if (isBusy())
        loop.exec();
    return result;
}

QJsonObject SoakClient::status(const QString &replica)
{
    const CliRun run = runNow({u"status"_s, u"--json"_s, u"--replica"_s, replica.isEmpty() ? m_replica : replica});
    if (run.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace Cartable::Test::Soak
