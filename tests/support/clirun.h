#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Cartable::Test {

// What a run of cartable-cli printed and how it ended.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs cartable-cli (CARTABLE_CLI_BINARY) with `arguments`, `input` on its
// standard input. The exit code is -1 when it did not start, crashed, or
// took longer than `timeoutMs` (it is then killed).
inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 120'000)
{
    QProcess process;
    process.start(qEnvironmentVariable("CARTABLE_CLI_BINARY"), arguments);
    if (!process.waitForStarted(10'000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError())};
}

} // namespace Cartable::Test
