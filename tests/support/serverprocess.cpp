#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

namespace Cartable::Test {

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess(Backend backend) : m_database(backend) {}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop();
}

bool ServerProcess::fillWithReferenceSchool(double scale)
{
    if (m_database.spec().isEmpty() && !m_database.create()) {
        m_error = m_database.errorString();
        return false;
    }
    QProcess demoData;
    demoData.setProgram(qEnvironmentVariable("CARTABLE_SERVER_BINARY"));
    demoData.setArguments({u"demo-data"_s, u"--database"_s, m_database.spec(), u"--blob-dir"_s, blobFolder(),
                           u"--scale"_s, QString::number(scale)});
    demoData.setStandardOutputFile(QProcess::nullDevice());
    demoData.setStandardErrorFile(m_dir.filePath(u"demo-data.log"_s));
    demoData.start();
    if (!demoData.waitForFinished(120'000) || demoData.exitStatus() != QProcess::NormalExit
        || demoData.exitCode() != 0) {
        m_error = u"cartable-server demo-data failed (see demo-data.log)"_s;
        return false;
    }
    return true;
}

bool ServerProcess::start(const QStringList &extraArguments)
{
    const QString binary = qEnvironmentVariable("CARTABLE_SERVER_BINARY");
    if (binary.isEmpty()) {
        m_error = u"CARTABLE_SERVER_BINARY is not set"_s;
        return false;
    }
    if (m_sharedSpec.isEmpty() && m_database.spec().isEmpty() && !m_database.create()) {
        m_error = m_database.errorString();
        return false;
    }

    // A restart takes the same port, so that clients find the server again.
    const QString port = m_port == 0 ? u"0"_s : QString::number(m_port);
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binary);
    m_process->setArguments(QStringList{u"--address"_s, u"127.0.0.1"_s, u"--port"_s, port, u"--database"_s,
                                        databaseSpec(), u"--blob-dir"_s, blobFolder(), u"--demo"_s}
                            + extraArguments);
    // The log goes to a file: a pipe nobody reads would stall a busy server.
    m_process->setStandardErrorFile(m_dir.filePath(u"server.log"_s), QIODevice::Append);
    m_process->start();
    if (!m_process->waitForStarted(10'000)) {
        m_error = m_process->errorString();
        return false;
    }

    static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:(\\d+))"_s);
    QByteArray output;
    const QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(1000)) {
            if (m_process->state() != QProcess::Running)
                break;
            continue;
        }
        output += m_process->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            m_port = match.captured(2).toUShort();
            return true;
        }
    }
    m_error = u"the server did not start: "_s + QString::fromUtf8(log().right(2000));
    m_process->kill();
    m_process->waitForFinished(5000);
    return false;
}

int ServerProcess::stop()
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(30'000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            return -1;
        }
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::resetPassword(const QString &login)
{
    QProcess admin;
    admin.start(qEnvironmentVariable("CARTABLE_SERVER_BINARY"),
                {u"--database"_s, m_database.spec(), u"--reset-password"_s, login});
    if (!admin.waitForFinished(60'000) || admin.exitCode() != 0) {
        m_error = QString::fromUtf8(admin.readAllStandardError());
        return {};
    }
    static const QRegularExpression printed(u"Temporary password for [^:]+: (\\S+)"_s);
    return printed.match(QString::fromUtf8(admin.readAllStandardOutput())).captured(1);
}

bool ServerProcess::runAdmin(const QStringList &arguments, QString *output)
{
    QProcess admin;
    admin.start(qEnvironmentVariable("CARTABLE_SERVER_BINARY"),
                QStringList{u"--database"_s, databaseSpec(), u"--blob-dir"_s, blobFolder()} + arguments);
    if (!admin.waitForFinished(60'000) || admin.exitStatus() != QProcess::NormalExit || admin.exitCode() != 0) {
        m_error = QString::fromUtf8(admin.readAllStandardError());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(admin.readAllStandardOutput());
    return true;
}

QByteArray ServerProcess::log() const
{
    QFile file(m_dir.filePath(u"server.log"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace Cartable::Test
