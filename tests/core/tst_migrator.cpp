#include "core/migrator.h"
#include "core/sqlitedatabase.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestMigrator : public QObject
{
    Q_OBJECT

private:
    static QList<Migration> threeSteps()
    {
        return {
            {1, u"notes"_s, {u"CREATE TABLE note (id TEXT PRIMARY KEY, value REAL)"_s}},
            {2, u"coefficient"_s, {u"ALTER TABLE note ADD COLUMN coefficient REAL NOT NULL DEFAULT 1"_s}},
            {3, u"index"_s, {u"CREATE INDEX note_value ON note (value)"_s}},
        };
    }

    QSqlDatabase open(const QString &name)
    {
        Result<QSqlDatabase> db = openSqliteDatabase(m_dir.filePath(name + u".sqlite"_s), name);
        if (!db)
            qFatal("cannot open: %s", qPrintable(db.error().context));
        return *db;
    }

    static bool tableHasColumn(QSqlDatabase &db, const QString &table, const QString &column)
    {
        QSqlQuery query(db);
        query.exec(u"SELECT name FROM pragma_table_info('%1')"_s.arg(table));
        while (query.next()) {
            if (query.value(0).toString() == column)
                return true;
        }
        return false;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void cleanup()
    {
        for (const QString &name : QSqlDatabase::connectionNames())
            QSqlDatabase::removeDatabase(name);
    }

    void freshDatabaseReachesLatest()
    {
        QSqlDatabase db = open(u"fresh"_s);
        const Migrator migrator(threeSteps());
        QCOMPARE(migrator.currentVersion(db).value(), 0);
        QCOMPARE(migrator.migrate(db).value(), 3);
        QCOMPARE(migrator.currentVersion(db).value(), 3);
        QVERIFY(tableHasColumn(db, u"note"_s, u"coefficient"_s));
        // Running again is a no-op.
        QCOMPARE(migrator.migrate(db).value(), 3);
    }

    void upgradesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 0; version < 3; ++version)
            QTest::addRow("from %d", version) << version;
    }

    void upgradesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const QString name = u"from%1"_s.arg(from);
        QSqlDatabase db = open(name);
        const Migrator migrator(threeSteps());
        QCOMPARE(migrator.migrate(db, from).value(), from);
        if (from >= 1) {
            QSqlQuery insert(db);
            QVERIFY(insert.exec(u"INSERT INTO note (id, value) VALUES ('n1', 15.5)"_s));
        }
        QCOMPARE(migrator.migrate(db).value(), 3);
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT count(*) FROM note"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), from >= 1 ? 1 : 0);
    }

    void failedMigrationChangesNothing()
    {
        QSqlDatabase db = open(u"broken"_s);
        QList<Migration> steps = threeSteps();
        steps[1].statements = {u"CREATE TABLE half (id TEXT)"_s, u"THIS IS NOT SQL"_s};
        const Migrator migrator(steps);
        const Result<int> result = migrator.migrate(db);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::MigrationFailed);
        QCOMPARE(migrator.currentVersion(db).value(), 1);
        QSqlQuery query(db);
        QVERIFY(!query.exec(u"SELECT * FROM half"_s));
    }

    void refusesNewerDatabase()
    {
        QSqlDatabase db = open(u"newer"_s);
        QCOMPARE(Migrator(threeSteps()).migrate(db).value(), 3);
        const Migrator older(threeSteps().mid(0, 2));
        const Result<int> result = older.migrate(db);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::SchemaTooNew);
    }

    void refusesAFileThatIsNotADatabase()
    {
        const QString path = m_dir.filePath(u"garbage.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        const Result<QSqlDatabase> db = openSqliteDatabase(path, u"garbage"_s);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::DatabaseError);
        // Nothing is left open, or registered, under the name.
        QVERIFY(!QSqlDatabase::contains(u"garbage"_s));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
