// The client replica: one table per catalogue entity with the catalogue's
// columns, rows that come back as they went in, and upgrades from every
// earlier version.

#include "core/domain/catalog.h"
#include "core/domain/domainschema.h"
#include "core/replica/replicaschema.h"
#include "core/sqlitedatabase.h"
#include "tests/support/samplerecords.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestReplicaSchema : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_connections = 0;

    QString nextConnection() { return u"replica-%1"_s.arg(++m_connections); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void hasEveryEntityWithItsColumns()
    {
        const QString connection = nextConnection();
        {
            Result<QSqlDatabase> opened = openReplica(m_dir.filePath(u"columns.sqlite"_s), connection);
            QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().context));
            QSqlDatabase db = opened.value();
            QCOMPARE(replicaMigrator().currentVersion(db).value(), replicaMigrator().latestVersion());
            for (const EntityDef &entity : entityCatalog()) {
                QStringList expected = entity.fieldNames() << u"id"_s;
                expected.sort();
                QCOMPARE(Test::columnNames(db, entity.type), expected);
            }
            QCOMPARE(Test::columnNames(db, u"replica_info"_s), (QStringList{u"key"_s, u"value"_s}));
            QCOMPARE(Test::columnNames(db, u"blob_upload"_s),
                     (QStringList{u"attempts"_s, u"error_code"_s, u"error_context"_s, u"establishment_id"_s,
                                  u"queued_at"_s, u"sha256"_s, u"size_bytes"_s, u"state"_s}));
            QCOMPARE(Test::columnNames(db, u"blob_pin"_s), (QStringList{u"owner_id"_s, u"owner_type"_s}));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void keepsRowsExactly_data()
    {
        QTest::addColumn<QString>("type");
        for (const EntityDef &entity : entityCatalog())
            QTest::newRow(qPrintable(entity.type)) << entity.type;
    }

    void keepsRowsExactly()
    {
        QFETCH(QString, type);
        const EntityDef &entity = *findEntity(type);
        const QString connection = nextConnection();
        {
            Result<QSqlDatabase> opened = openReplica(m_dir.filePath(u"rows-%1.sqlite"_s.arg(type)), connection);
            QVERIFY(opened.ok());
            QSqlDatabase db = opened.value();
            QString error;
            const Record full = Test::sampleRecord(entity, 1, Test::SampleFill::Full);
            const Record minimal = Test::sampleRecord(entity, 2, Test::SampleFill::Required);
            QVERIFY2(Test::insertRecord(db, entity, full, &error), qPrintable(error));
            QVERIFY2(Test::insertRecord(db, entity, minimal, &error), qPrintable(error));
            QCOMPARE(Test::selectRecord(db, entity, full.id(), &error), full);
            QCOMPARE(Test::selectRecord(db, entity, minimal.id(), &error), minimal);
            // A replica holds partial graphs: no unique key beyond the id.
            Record twin = full;
            twin.setId(Test::sampleId(type, 99));
            QVERIFY2(Test::insertRecord(db, entity, twin, &error), qPrintable(error));
            QVERIFY(!Test::insertRecord(db, entity, twin, &error));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void upgradesFromEveryVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 0; version < replicaMigrator().latestVersion(); ++version)
            QTest::addRow("from version %d", version) << version;
    }

    void upgradesFromEveryVersion()
    {
        QFETCH(int, from);
        const QString path = m_dir.filePath(u"upgrade-%1.sqlite"_s.arg(from));
        const QString connection = nextConnection();
        {
            Result<QSqlDatabase> openedRaw = openSqliteDatabase(path, connection);
            QVERIFY(openedRaw.ok());
            QSqlDatabase raw = openedRaw.value();
            QCOMPARE(replicaMigrator().migrate(raw, from).value(), from);
            if (from >= 1) {
                QSqlQuery query(raw);
                QVERIFY(query.exec(u"INSERT INTO replica_info (key, value) VALUES ('account', 'a1')"_s));
            }
            raw.close();
        }
        QSqlDatabase::removeDatabase(connection);
        {
            Result<QSqlDatabase> opened = openReplica(path, connection);
            QVERIFY(opened.ok());
            QSqlDatabase db = opened.value();
            QCOMPARE(replicaMigrator().currentVersion(db).value(), replicaMigrator().latestVersion());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SELECT COUNT(*) FROM replica_info"_s) && query.next());
            QCOMPARE(query.value(0).toInt(), from >= 1 ? 1 : 0);
            for (const EntityDef &entity : entityCatalog())
                QVERIFY2(!Test::columnNames(db, entity.type).isEmpty(), qPrintable(entity.type));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void refusesANewerReplica()
    {
        const QString path = m_dir.filePath(u"newer.sqlite"_s);
        const QString connection = nextConnection();
        {
            Result<QSqlDatabase> opened = openReplica(path, connection);
            QVERIFY(opened.ok());
            QSqlDatabase db = opened.value();
            QSqlQuery query(db);
            QVERIFY(query.exec(u"INSERT INTO schema_version (version, description, applied_at) "
                               "VALUES (999, 'from the future', '2030-01-01')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        {
            Result<QSqlDatabase> opened = openReplica(path, connection);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().code, ErrorCode::SchemaTooNew);
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void createStatementsSpeakPortableSql()
    {
        const EntityDef &grade = *findEntity(u"grade"_s);
        const QStringList server = createTableStatements(grade, SchemaSide::Server);
        const QStringList replica = createTableStatements(grade, SchemaSide::Replica);
        QVERIFY(server.constFirst().startsWith(u"CREATE TABLE grade (id TEXT PRIMARY KEY, "_s));
        QVERIFY(server.constFirst().contains(u"mark BIGINT"_s));
        QVERIFY(server.constFirst().contains(u"evaluation_id TEXT NOT NULL"_s));
        QVERIFY(server.contains(u"CREATE UNIQUE INDEX grade_key1 ON grade (evaluation_id, student_id)"_s));
        QVERIFY(server.contains(u"CREATE INDEX grade_establishment_id ON grade (establishment_id)"_s));
        QVERIFY(!replica.join(u'\n').contains(u"UNIQUE"_s));
        QVERIFY(replica.contains(u"CREATE INDEX grade_evaluation_id ON grade (evaluation_id)"_s));
        QVERIFY(!replica.contains(u"CREATE INDEX grade_establishment_id ON grade (establishment_id)"_s));
        QCOMPARE(columnDefinition(*findEntity(u"account"_s)->field(u"disabled"_s)),
                 u"disabled INTEGER NOT NULL DEFAULT 0"_s);
        QCOMPARE(columnDefinition(*findEntity(u"establishment"_s)->field(u"kind"_s)),
                 u"kind TEXT NOT NULL DEFAULT 'lycee'"_s);
    }
};

QTEST_GUILESS_MAIN(TestReplicaSchema)
#include "tst_replicaschema.moc"
