// A plain static file server on loopback, for a yardstick: what `curl`
// fetches from it is as fast as files go over HTTP on this machine. nginx
// when it is installed (run in the foreground, its configuration and logs in
// a temporary folder), else Python's http.server.
#pragma once

#include "blobcorpus.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Cartable::Bench {

class StaticFileServer
{
public:
    StaticFileServer();
    ~StaticFileServer();
    StaticFileServer(const StaticFileServer &) = delete;
    StaticFileServer &operator=(const StaticFileServer &) = delete;

    // Serves `folder`; false (with errorString()) when neither server starts.
    bool start(const QString &folder);
    void stop();
    // "nginx 1.22.1" or "python3 -m http.server".
    QString name() const { return m_name; }
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    struct Fetch
    {
        qint64 bytes = 0;
        double ms = 0;
        QString error; // empty when every file came whole
    };
    // One `curl` process fetches every file of `corpus`, one after another
    // on one kept-alive connection, into `target`.
    Fetch fetchAll(const Corpus &corpus, const QString &target) const;

private:
    bool startNginx(const QString &folder);
    bool startPython(const QString &folder);
    bool waitUntilListening();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_name;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace Cartable::Bench
