#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

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

// Runs one statement on the maintenance database of the test PostgreSQL.
bool runAdminStatement(const QString &sql, QString *error)
{
    const QString name = u"cartable-test-admin-"_s + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(postgresHost());
        db.setUserName(postgresUser());
        db.setDatabaseName(u"postgres"_s);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok && error)
                *error = query.lastError().text();
            query.finish();
            db.close();
        } else if (error) {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

Backend backendFromEnvironment()
{
    return qEnvironmentVariable("CARTABLE_TEST_BACKEND") == u"postgres"_s ? Backend::Postgres : Backend::Sqlite;
}

QString backendLabel(Backend backend)
{
    return backend == Backend::Postgres ? u"postgres"_s : u"sqlite"_s;
}

bool TestDatabase::postgresAvailable()
{
    return !postgresHost().isEmpty();
}

TestDatabase::TestDatabase(Backend backend) : m_backend(backend) {}

TestDatabase::~TestDatabase()
{
    if (!m_postgresName.isEmpty())
        runAdminStatement(u"DROP DATABASE IF EXISTS "_s + m_postgresName + u" WITH (FORCE)"_s, nullptr);
}

bool TestDatabase::create()
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder"_s;
        return false;
    }
    if (m_backend == Backend::Sqlite) {
        m_spec = m_dir.filePath(u"server.sqlite"_s);
        return true;
    }
    if (!postgresAvailable()) {
        m_error = u"no PostgreSQL for tests (CARTABLE_TEST_PG_HOST is not set)"_s;
        return false;
    }
    // A database name cannot be a bound value; this one is made of hex digits.
    const QString name = u"cartable_test_"_s + QUuid::createUuid().toString(QUuid::Id128);
    if (!runAdminStatement(u"CREATE DATABASE "_s + name, &m_error))
        return false;
    m_postgresName = name;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(postgresUser());
    url.setHost(u"localhost"_s);
    url.setPath(u"/"_s + name);
    url.setQuery(u"host="_s + postgresHost());
    m_spec = url.toString();
    return true;
}

QSqlDatabase openDatabaseSpec(const QString &spec, const QString &connection)
{
    QSqlDatabase db;
    if (spec.startsWith(u"postgresql://"_s)) {
        const QUrl url(spec);
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(QUrlQuery(url).queryItemValue(u"host"_s));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(spec);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    db.open();
    return db;
}

bool runStatement(const QString &spec, const QString &sql, QString *error)
{
    const QString connection = u"cartable-test-statement"_s;
    bool ok = false;
    {
        QSqlDatabase db = openDatabaseSpec(spec, connection);
        QSqlQuery query(db);
        ok = db.isOpen() && query.exec(sql);
        if (!ok && error)
            *error = db.isOpen() ? query.lastError().text() : db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace Cartable::Test
