// The server schema upgrades from every earlier version, with data in it, on
// the backend named by CARTABLE_TEST_BACKEND (SQLite or PostgreSQL).

#include "server/accountstore.h"
#include "server/serverdatabase.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/sqlitedatabase.h"
#include "tests/support/samplerecords.h"
#include "tests/support/testdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Cartable;
using namespace Qt::StringLiterals;

class TestServerMigrations : public QObject
{
    Q_OBJECT

private:
    // Opens the database without migrating it.
    static Core::Result<QSqlDatabase> openRaw(const Test::TestDatabase &database, const QString &connection)
    {
        if (database.backend() == Test::Backend::Sqlite)
            return Core::openSqliteDatabase(database.spec(), connection);
        const QUrl url(database.spec());
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(QUrlQuery(url).queryItemValue(u"host"_s));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            return Core::Error{Core::ErrorCode::DatabaseError, db.lastError().text()};
        return db;
    }

    static bool exec(QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void upgradesFromEveryVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 0; version < Server::serverMigrator().latestVersion(); ++version)
            QTest::addRow("from version %d", version) << version;
    }

    void upgradesFromEveryVersion()
    {
        QFETCH(int, from);
        Test::TestDatabase database(Test::backendFromEnvironment());
        QVERIFY2(database.create(), qPrintable(database.errorString()));
        const QString connection = u"migrations-%1"_s.arg(from);
        {
            Core::Result<QSqlDatabase> raw = openRaw(database, connection);
            QVERIFY2(raw.ok(), raw.ok() ? "" : qPrintable(raw.error().context));
            QSqlDatabase db = *raw;
            QCOMPARE(Server::serverMigrator().migrate(db, from).value(), from);
            // Data as a server of that version would have written it.
            if (from >= 1) {
                QVERIFY(exec(db, u"INSERT INTO establishment (id, uai, name) VALUES ('e1', '0751234J', 'Lycée')"_s));
                QVERIFY(exec(db, u"INSERT INTO account (id, login, display_name, password_hash, created_at) "
                                 "VALUES ('a1', 'prof.martin', 'Claire Martin', '$argon2id$x', 1)"_s));
                // Roles have ids from version 5 on.
                QVERIFY(exec(db, from >= 5 ? u"INSERT INTO account_role (id, account_id, establishment_id, role) "
                                             "VALUES ('00000000-0000-4000-8000-0000000000aa', 'a1', 'e1', 'teacher')"_s
                                           : u"INSERT INTO account_role (account_id, establishment_id, role) "
                                             "VALUES ('a1', 'e1', 'teacher')"_s));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);

        {
            Core::Result<QSqlDatabase> upgraded = Server::openServerDatabase(database.spec(), connection);
            QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : qPrintable(upgraded.error().context));
            QSqlDatabase db = *upgraded;
            QCOMPARE(Server::serverMigrator().currentVersion(db).value(), Server::serverMigrator().latestVersion());
            Server::AccountStore accounts(db);
            const auto account = accounts.findByLogin(u"prof.martin"_s).value();
            QCOMPARE(account.has_value(), from >= 1);
            if (account) {
                QVERIFY(!account->mustChangePassword);
                QCOMPARE(accounts.profile(account->id).value().assignments.size(), 1);
                // Roles written before they had ids got one.
                QSqlQuery query(db);
                QVERIFY(query.exec(u"SELECT id FROM account_role"_s) && query.next());
                QVERIFY2(Core::isValidId(query.value(0).toString()), qPrintable(query.value(0).toString()));
            }
            // The files' tables, empty, with their keys.
            QVERIFY(exec(db, u"INSERT INTO blob (establishment_id, sha256, size_bytes, mime_type, stored_at, "
                             "last_referenced_at) VALUES ('e1', 'aa', 1, 'text/plain', 1, 1)"_s));
            QVERIFY(!exec(db, u"INSERT INTO blob (establishment_id, sha256, size_bytes, mime_type, stored_at, "
                              "last_referenced_at) VALUES ('e1', 'aa', 2, 'text/plain', 1, 1)"_s));
            QVERIFY(exec(db, u"INSERT INTO blob_claim (establishment_id, sha256, account_id, claimed_at) "
                             "VALUES ('e1', 'aa', 'a1', 1)"_s));
            QVERIFY(exec(db, u"INSERT INTO blob_upload (id, account_id, establishment_id, sha256, size_bytes, "
                             "received, created_at, touched_at) VALUES ('u1', 'a1', 'e1', 'bb', 10, 0, 1, 1)"_s));
            QVERIFY(!exec(db, u"INSERT INTO blob_upload (id, account_id, establishment_id, sha256, size_bytes, "
                              "received, created_at, touched_at) VALUES ('u2', 'a1', 'e1', 'bb', 10, 0, 1, 1)"_s));
            // Every table of the catalogue is there with its columns, as on a
            // database created at the newest version.
            for (const Core::EntityDef &entity : Core::entityCatalog()) {
                QStringList expected = entity.fieldNames() << u"id"_s;
                if (entity.type == u"account"_s)
                    expected << u"password_hash"_s;
                expected.sort();
                QCOMPARE(Test::columnNames(db, entity.type), expected);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestServerMigrations)
#include "tst_servermigrations.moc"
