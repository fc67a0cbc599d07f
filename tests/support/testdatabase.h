#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

namespace Cartable::Test {

enum class Backend { Sqlite, Postgres };

// The backend a test binary runs against: CARTABLE_TEST_BACKEND=postgres
// selects PostgreSQL, anything else SQLite. Test names say which.
Backend backendFromEnvironment();
QString backendLabel(Backend backend);

// A fresh, empty server database for one test: an SQLite file in a
// temporary folder, or a new database on the test PostgreSQL (dropped at the
// end).
class TestDatabase
{
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // Creates the database; false with errorString() when it cannot.
    bool create();
    Backend backend() const { return m_backend; }
    // What cartable-server's --database takes.
    QString spec() const { return m_spec; }
    QString errorString() const { return m_error; }
    QString folder() const { return m_dir.path(); }

    // True when a PostgreSQL server for tests is configured
    // (CARTABLE_TEST_PG_HOST, set by scripts/run-tests.sh).
    static bool postgresAvailable();

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_spec;
    QString m_postgresName;
    QString m_error;
};

// Runs one SQL statement on the database named by a spec (an SQLite path or
// a postgresql:// URL), beside the server that uses it: for tests that make
// time pass (expired tokens) or break things on purpose.
bool runStatement(const QString &spec, const QString &sql, QString *error = nullptr);

// Adds the connection `connection` to the database a spec names and opens
// it; the caller closes it and removes the connection.
QSqlDatabase openDatabaseSpec(const QString &spec, const QString &connection);

// Exit code that ctest reports as "skipped" for this project's tests.
inline constexpr int kSkipExitCode = 77;

// A main() for tests that run on the backend of backendFromEnvironment():
// skips (exit 77, with the reason) when that backend is not available here.
#define CARTABLE_BACKEND_TEST_MAIN(TestObject)                                                                         \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        QCoreApplication app(argc, argv);                                                                              \
        if (Cartable::Test::backendFromEnvironment() == Cartable::Test::Backend::Postgres                              \
            && !Cartable::Test::TestDatabase::postgresAvailable()) {                                                   \
            qInfo("SKIP: no PostgreSQL for tests here (CARTABLE_TEST_PG_HOST is not set; scripts/run-tests.sh "        \
                  "starts one)");                                                                                      \
            return Cartable::Test::kSkipExitCode;                                                                      \
        }                                                                                                              \
        TestObject test;                                                                                               \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }

} // namespace Cartable::Test
