#pragma once

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
// on a free loopback port, with a fresh database in a temporary folder.
class ServerProcess
{
public:
    enum class Backend { Sqlite, Postgres };

    explicit ServerProcess(Backend backend = Backend::Sqlite);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts the server seeded with the demo accounts and waits until it
    // listens. Returns false (with the reason in errorString()) on failure.
    bool start(const QStringList &extraArguments = {});
    // Sends SIGTERM and waits for the exit; returns the exit code, or -1 if
    // the server had to be killed or crashed.
    int stop();
    // SIGKILL, as a crash would.
    void kill();

    bool isRunning() const;
    QUrl url() const { return m_url; }
    quint16 port() const { return m_port; }
    QString databaseSpec() const { return m_databaseSpec; }
    QString errorString() const { return m_error; }
    // Everything the server wrote on stderr so far (its log).
    QByteArray log() const;

    // True when a PostgreSQL server for tests is configured
    // (CARTABLE_TEST_PG_HOST); Postgres tests skip otherwise.
    static bool postgresAvailable();

private:
    bool createPostgresDatabase();
    void dropPostgresDatabase();

    Backend m_backend;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_databaseSpec;
    QString m_postgresName;
    QUrl m_url;
    quint16 m_port = 0;
    QString m_error;
};

// Exit code that ctest reports as "skipped" for this project's tests.
inline constexpr int kSkipExitCode = 77;

} // namespace Cartable::Test
