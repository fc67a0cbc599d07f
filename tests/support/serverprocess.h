#pragma once

#include "testdatabase.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Cartable::Test {

// The demo accounts the server creates with --demo (see server/demodata.cpp).
inline constexpr char16_t kDemoPassword[] = u"cartable";
inline constexpr char16_t kTeacherLogin[] = u"prof.martin";
inline constexpr char16_t kTeacherName[] = u"Claire Martin";
inline constexpr char16_t kGuardianLogin[] = u"parent.dubois";
inline constexpr char16_t kStudentLogin[] = u"eleve.leo";
inline constexpr char16_t kSecretariatLogin[] = u"secretariat.bernard";

// A real cartable-server process (the binary named by CARTABLE_SERVER_BINARY)
// on a free loopback port, with a fresh database seeded with the demo data.
class ServerProcess
{
public:
    explicit ServerProcess(Backend backend = Backend::Sqlite);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Fills the (new) database with the reference school at `scale` through
    // `cartable-server demo-data`, before the first start.
    bool fillWithReferenceSchool(double scale);
    // Starts the server and waits until it listens. A restart keeps the
    // database and the port. Returns false (with errorString()) on failure.
    bool start(const QStringList &extraArguments = {});
    // Sends SIGTERM and waits; returns the exit code, or -1 if the server
    // crashed or had to be killed.
    int stop();
    // SIGKILL, as a crash would.
    void kill();

    bool isRunning() const;
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    // The server's process id while it runs, 0 otherwise: for reading its
    // CPU time and memory in /proc.
    qint64 pid() const { return isRunning() ? m_process->processId() : 0; }
    QString databaseSpec() const { return m_sharedSpec.isEmpty() ? m_database.spec() : m_sharedSpec; }
    // Runs on the database of `other` (started first): two server processes
    // on one database.
    void useDatabaseOf(const ServerProcess &other)
    {
        m_sharedSpec = other.databaseSpec();
        m_sharedBlobFolder = other.blobFolder();
    }
    // Where the server keeps files (--blob-dir), beside its database.
    QString blobFolder() const
    {
        return m_sharedBlobFolder.isEmpty() ? m_database.folder() + QStringLiteral("/blobs") : m_sharedBlobFolder;
    }
    QString errorString() const { return m_error; }
    // Runs the server program's --reset-password on this server's database
    // and returns the temporary password it printed (empty on failure).
    QString resetPassword(const QString &login);
    // Runs the server program once on this server's database with an
    // administration command (--disable-account LOGIN, …); true when it
    // exits 0. What it printed on standard output goes to `output`.
    bool runAdmin(const QStringList &arguments, QString *output = nullptr);
    // Everything the server has logged so far.
    QByteArray log() const;

private:
    TestDatabase m_database;
    QString m_sharedSpec;
    QString m_sharedBlobFolder;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace Cartable::Test
