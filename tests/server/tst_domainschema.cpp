// The catalogue's tables in the server database, on the backend named by
// CARTABLE_TEST_BACKEND: the columns the catalogue lists, rows that come back
// exactly, and the unique keys.

#include "server/serverdatabase.h"

#include "core/domain/catalog.h"
#include "tests/support/samplerecords.h"
#include "tests/support/testdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestDomainSchema : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_database;
    QSqlDatabase m_db;

    // Inserts a sample row. account has a NOT NULL password_hash that the
    // catalogue does not list, and account_role references real accounts
    // and establishments.
    bool insert(const EntityDef &entity, const Record &record, QString *error)
    {
        if (entity.type != u"account"_s) {
            if (entity.type == u"account_role"_s) {
                // The rows it points at, made for it (a second attempt
                // finds them there).
                const int variant = 500 + int(qHash(record.id()) % 400);
                Record account = Test::sampleRecord(*findEntity(u"account"_s), variant);
                account.setId(record.text(u"account_id"_s));
                Record establishment = Test::sampleRecord(*findEntity(u"establishment"_s), variant);
                establishment.setId(record.text(u"establishment_id"_s));
                QString ignored;
                insert(*findEntity(u"account"_s), account, &ignored);
                Test::insertRecord(m_db, *findEntity(u"establishment"_s), establishment, &ignored);
            }
            return Test::insertRecord(m_db, entity, record, error);
        }
        QSqlQuery query(m_db);
        query.prepare(u"INSERT INTO account (id, login, display_name, password_hash, created_at, person_id, "
                      "must_change_password, disabled) VALUES (?, ?, ?, 'x', ?, ?, ?, ?)"_s);
        query.addBindValue(record.id());
        for (const QString &field :
             {u"login"_s, u"display_name"_s, u"created_at"_s, u"person_id"_s, u"must_change_password"_s, u"disabled"_s})
            query.addBindValue(fieldToSql(*entity.field(field), record.value(field)));
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    }

    static void addEntityRows()
    {
        QTest::addColumn<QString>("type");
        for (const EntityDef &entity : entityCatalog())
            QTest::newRow(qPrintable(entity.type)) << entity.type;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = std::make_unique<Test::TestDatabase>(Test::backendFromEnvironment());
        QVERIFY2(m_database->create(), qPrintable(m_database->errorString()));
        Result<QSqlDatabase> opened = Server::openServerDatabase(m_database->spec(), u"domain"_s);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().context));
        m_db = opened.value();
    }

    void cleanupTestCase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"domain"_s);
        m_database.reset();
    }

    void hasTheCatalogueColumns_data() { addEntityRows(); }
    void hasTheCatalogueColumns()
    {
        QFETCH(QString, type);
        const EntityDef &entity = *findEntity(type);
        QStringList expected = entity.fieldNames() << u"id"_s;
        // The server keeps what never leaves it beside the replicated fields.
        if (type == u"account"_s)
            expected << u"password_hash"_s;
        expected.sort();
        QCOMPARE(Test::columnNames(m_db, type), expected);
    }

    void keepsRowsExactly_data() { addEntityRows(); }
    void keepsRowsExactly()
    {
        QFETCH(QString, type);
        const EntityDef &entity = *findEntity(type);
        QString error;
        const Record full = Test::sampleRecord(entity, 10, Test::SampleFill::Full);
        const Record minimal = Test::sampleRecord(entity, 11, Test::SampleFill::Required);
        QVERIFY2(insert(entity, full, &error), qPrintable(error));
        QVERIFY2(insert(entity, minimal, &error), qPrintable(error));
        QCOMPARE(Test::selectRecord(m_db, entity, full.id(), &error), full);
        QCOMPARE(Test::selectRecord(m_db, entity, minimal.id(), &error), minimal);
        // The same id twice is refused.
        QVERIFY(!insert(entity, full, &error));
    }

    void enforcesUniqueKeys_data() { addEntityRows(); }
    void enforcesUniqueKeys()
    {
        QFETCH(QString, type);
        const EntityDef &entity = *findEntity(type);
        if (entity.uniqueKeys.isEmpty())
            QSKIP("no unique key besides the id");
        QString error;
        const Record first = Test::sampleRecord(entity, 20, Test::SampleFill::Full);
        QVERIFY2(insert(entity, first, &error), qPrintable(error));
        for (const QStringList &key : entity.uniqueKeys) {
            // Another row: every field differs but those of the key.
            Record twin = Test::sampleRecord(entity, 21, Test::SampleFill::Full);
            for (const QString &field : key)
                twin.set(field, first.value(field));
            if (!validateRecord(entity, twin).ok())
                continue;
            QVERIFY2(!insert(entity, twin, &error), qPrintable(key.join(u", "_s)));
        }
        // A row that differs in its key goes in.
        const Record other = Test::sampleRecord(entity, 22, Test::SampleFill::Full);
        QVERIFY2(insert(entity, other, &error), qPrintable(error));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestDomainSchema)
#include "tst_domainschema.moc"
