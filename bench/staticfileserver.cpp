#include "staticfileserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>

#include <unistd.h>

namespace Cartable::Bench {

using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

StaticFileServer::StaticFileServer() = default;

StaticFileServer::~StaticFileServer()
{
    stop();
}

bool StaticFileServer::start(const QString &folder)
{
    if (startNginx(folder))
        return true;
    const QString nginxError = m_error;
    if (startPython(folder)) {
        m_name += u" (nginx: "_s + nginxError + u')';
        return true;
    }
    m_error = u"nginx: "_s + nginxError + u"; python: "_s + m_error;
    return false;
}

void StaticFileServer::stop()
{
    if (!m_process)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
    m_process.reset();
}

bool StaticFileServer::waitUntilListening()
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (m_process->state() == QProcess::NotRunning) {
            m_error = u"exited: "_s + QString::fromLocal8Bit(m_process->readAll()).trimmed();
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    m_error = u"did not listen on port "_s + QString::number(m_port);
    stop();
    return false;
}

bool StaticFileServer::startNginx(const QString &folder)
{
    QString nginx = QStandardPaths::findExecutable(u"nginx"_s);
    if (nginx.isEmpty())
        nginx = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s});
    if (nginx.isEmpty()) {
        m_error = u"not installed"_s;
        return false;
    }
    m_port = freePort();
    const QString dir = m_dir.path();
    // In the foreground, one worker, no access log, every temporary path
    // here: nothing of the system's nginx is touched.
    QFile config(QDir(dir).filePath(u"nginx.conf"_s));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Text)) {
        m_error = u"cannot write its configuration"_s;
        return false;
    }
    QTextStream out(&config);
    if (geteuid() == 0)
        out << "user root;\n";
    out << "daemon off;\nworker_processes 1;\npid " << dir << "/nginx.pid;\nerror_log " << dir
        << "/error.log warn;\nevents { worker_connections 64; }\nhttp {\n    access_log off;\n"
        << "    default_type application/octet-stream;\n    sendfile on;\n    tcp_nopush on;\n"
        << "    keepalive_requests 100000;\n    client_body_temp_path " << dir << "/body;\n    proxy_temp_path " << dir
        << "/proxy;\n    fastcgi_temp_path " << dir << "/fastcgi;\n    uwsgi_temp_path " << dir
        << "/uwsgi;\n    scgi_temp_path " << dir << "/scgi;\n    server {\n        listen 127.0.0.1:" << m_port
        << ";\n        root " << folder << ";\n    }\n}\n";
    config.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(nginx, {u"-p"_s, dir + u'/', u"-c"_s, config.fileName(), u"-e"_s, dir + u"/error.log"_s});
    if (!m_process->waitForStarted(5000)) {
        m_error = u"did not start"_s;
        m_process.reset();
        return false;
    }
    if (!waitUntilListening())
        return false;
    QProcess version;
    version.setProcessChannelMode(QProcess::MergedChannels);
    version.start(nginx, {u"-v"_s});
    version.waitForFinished(5000);
    const QString said = QString::fromLocal8Bit(version.readAll()).trimmed();
    m_name = said.contains(u'/') ? u"nginx "_s + said.section(u'/', 1).section(u' ', 0, 0) : u"nginx"_s;
    return true;
}

bool StaticFileServer::startPython(const QString &folder)
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty()) {
        m_error = u"not installed"_s;
        return false;
    }
    m_port = freePort();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(python, {u"-m"_s, u"http.server"_s, QString::number(m_port), u"--bind"_s, u"127.0.0.1"_s,
                              u"--directory"_s, folder});
    if (!m_process->waitForStarted(5000)) {
        m_error = u"did not start"_s;
        m_process.reset();
        return false;
    }
    if (!waitUntilListening())
        return false;
    m_name = u"python3 -m http.server"_s;
    return true;
}

StaticFileServer::Fetch StaticFileServer::fetchAll(const Corpus &corpus, const QString &target) const
{
    Fetch fetch;
    QDir().mkpath(target);
    // One configuration file rather than thousands of arguments.
    QFile config(QDir(target).filePath(u".curl-config"_s));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Text)) {
        fetch.error = u"cannot write curl's configuration"_s;
        return fetch;
    }
    QTextStream out(&config);
    for (const CorpusFile &file : corpus.files)
        out << "url = \"http://127.0.0.1:" << m_port << '/' << file.name << "\"\noutput = \"" << target << '/'
            << file.name << "\"\n";
    config.close();
    QProcess curl;
    curl.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    QElapsedTimer timer;
    timer.start();
    curl.start(u"curl"_s, {u"--silent"_s, u"--show-error"_s, u"--fail"_s, u"--config"_s, config.fileName()});
    if (!curl.waitForFinished(-1) || curl.exitStatus() != QProcess::NormalExit || curl.exitCode() != 0) {
        fetch.error = u"curl failed: "_s + QString::fromLocal8Bit(curl.readAllStandardError()).trimmed();
        return fetch;
    }
    fetch.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    for (const CorpusFile &file : corpus.files) {
        const qint64 size = QFileInfo(QDir(target).filePath(file.name)).size();
        fetch.bytes += size;
        if (size != file.size && fetch.error.isEmpty())
            fetch.error = u"%1 came with %2 bytes of %3"_s.arg(file.name).arg(size).arg(file.size);
    }
    QFile::remove(config.fileName());
    return fetch;
}

} // namespace Cartable::Bench
