#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <QFile>

namespace Cartable::Test {

using namespace Qt::StringLiterals;

namespace {

QString postgresHost()
{
    return qEnvironmentVariable("CARTABLE_TEST_PG_HOST");
}

QString postgresUser()
{
    const QString user = qEnvironmentVariable("CARTABLE_TEST_PG_USER");
    return user.isEmpty() ? u"postgres"_s : user;
}

template<typename Function>
bool withAdminConnection(Function &&function)
{
    const QString name = u"cartable-test-admin-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(postgresHost());
        db.setUserName(postgresUser());
        db.setDatabaseName(u"postgres"_s);
        if (db.open()) {
            ok = function(db);
            db.close();
        } else {
            qWarning("cannot reach the test PostgreSQL: %s", qPrintable(db.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

bool ServerProcess::postgresAvailable()
{
    return !postgresHost().isEmpty();
}

ServerProcess::ServerProcess(Backend backend) : m_backend(backend) {}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop();
    if (m_backend == Backend::Postgres)
        dropPostgresDatabase();
}

bool ServerProcess::createPostgresDatabase()
{
    if (!postgresAvailable()) {
        m_error = u"no PostgreSQL for tests (CARTABLE_TEST_PG_HOST is not set)"_s;
        return false;
    }
    m_postgresName = u"cartable_test_"_s + QUuid::createUuid().toString(QUuid::Id128);
    const bool created = withAdminConnection([this](QSqlDatabase &db) {
        QSqlQuery query(db);
        // A database name cannot be bound; this one is made of hex digits only.
        return query.exec(u"CREATE DATABASE "_s + m_postgresName);
    });
    if (!created) {
        m_error = u"cannot create the test database"_s;
        return false;
    }
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(postgresUser());
    url.setPath(u"/"_s + m_postgresName);
    url.setQuery(u"host="_s + postgresHost());
    m_databaseSpec = url.toString();
    return true;
}

void ServerProcess::dropPostgresDatabase()
{
    if (m_postgresName.isEmpty())
        return;
    withAdminConnection([this](QSqlDatabase &db) {
        QSqlQuery query(db);
        return query.exec(u"DROP DATABASE IF EXISTS "_s + m_postgresName + u" WITH (FORCE)"_s);
    });
    m_postgresName.clear();
}

bool ServerProcess::start(const QStringList &extraArguments)
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder"_s;
        return false;
    }
    const QString binary = qEnvironmentVariable("CARTABLE_SERVER_BINARY");
    if (binary.isEmpty()) {
        m_error = u"CARTABLE_SERVER_BINARY is not set"_s;
        return false;
    }
    if (m_databaseSpec.isEmpty()) {
        if (m_backend == Backend::Postgres) {
            if (!createPostgresDatabase())
                return false;
        } else {
            m_databaseSpec = m_dir.filePath(u"server.sqlite"_s);
        }
    }

    // Reuse the port of an earlier run, so that clients find a restarted server.
    const QString port = m_port == 0 ? u"0"_s : QString::number(m_port);
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binary);
    m_process->setArguments(QStringList{u"--address"_s, u"127.0.0.1"_s, u"--port"_s, port, u"--database"_s,
                                        m_databaseSpec, u"--demo"_s}
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
    QDeadlineTimer deadline(60'000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 1000)))) {
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
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(30'000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
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

QByteArray ServerProcess::log() const
{
    QFile file(m_dir.filePath(u"server.log"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace Cartable::Test
