// The kept statements the stores run: values go in and come back with their
// types, a statement runs again with new values, errors are reported, and a
// connection closed under kept statements is freed, never left behind.

#include "core/sqlstatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestStatement : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QSqlDatabase open(const QString &name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_dir.filePath(name + u".db"_s));
        if (!db.open())
            return {};
        QSqlQuery(db).exec(u"CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, "
                           "mark REAL, data BLOB)"_s);
        return db;
    }

    static void close(QSqlDatabase &db)
    {
        const QString name = db.connectionName();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void valuesComeBackWithTheirTypes()
    {
        QSqlDatabase db = open(u"types"_s);
        QVERIFY(db.isOpen());
        {
            StatementCache statements(db);
            const QString insert = u"INSERT INTO note (id, label, mark, data) VALUES (?, ?, ?, ?)"_s;
            QVERIFY(statements.run(insert, qlonglong(1), u"Contrôle n°1 — été"_s, 12.5, QByteArray("\0\1\2", 3)));
            QVERIFY(statements.run(insert, qlonglong(2), u"second"_s, QVariant(), QVariant()));

            Result<Statement *> read = statements.run(u"SELECT id, label, mark, data FROM note ORDER BY id"_s);
            QVERIFY(read);
            Statement *rows = *read;
            QVERIFY(rows->next());
            QCOMPARE(rows->value(0).typeId(), QMetaType::LongLong);
            QCOMPARE(rows->value(0).toLongLong(), 1);
            QCOMPARE(rows->value(1).toString(), u"Contrôle n°1 — été"_s);
            QCOMPARE(rows->value(2).typeId(), QMetaType::Double);
            QCOMPARE(rows->value(2).toDouble(), 12.5);
            QCOMPARE(rows->value(3).toByteArray(), QByteArray("\0\1\2", 3));
            QVERIFY(rows->next());
            QCOMPARE(rows->value(0).toLongLong(), 2);
            QVERIFY(rows->value(2).isNull());
            QVERIFY(rows->value(3).isNull());
            QVERIFY(!rows->next());
        }
        close(db);
    }

    void runsAgainWithNewValuesAfterAPartRead()
    {
        QSqlDatabase db = open(u"again"_s);
        QVERIFY(db.isOpen());
        {
            StatementCache statements(db);
            for (int i = 1; i <= 5; ++i)
                QVERIFY(statements.run(u"INSERT INTO note (id, label) VALUES (?, ?)"_s, qlonglong(i), u"n%1"_s.arg(i)));
            const QString above = u"SELECT id FROM note WHERE id > ? ORDER BY id"_s;
            Result<Statement *> first = statements.run(above, qlonglong(1));
            QVERIFY(first);
            QVERIFY((*first)->next());
            QCOMPARE((*first)->value(0).toLongLong(), 2);
            // Left open after one row, then run again: the same statement,
            // from the start, with the new value.
            Result<Statement *> second = statements.run(above, qlonglong(3));
            QVERIFY(second);
            QCOMPARE(*second, *first);
            QList<qlonglong> ids;
            while ((*second)->next())
                ids.append((*second)->value(0).toLongLong());
            QCOMPARE(ids, (QList<qlonglong>{4, 5}));

            // A read left open does not hold the write lock of another
            // connection back once finished.
            Result<Statement *> third = statements.run(above, qlonglong(0));
            QVERIFY(third && (*third)->next());
            (*third)->finish();
            QVERIFY(!(*third)->next());
        }
        close(db);
    }

    void errorsAreReportedAndChangeNothing()
    {
        QSqlDatabase db = open(u"errors"_s);
        QVERIFY(db.isOpen());
        {
            StatementCache statements(db);
            const Result<Statement *> broken = statements.statement(u"SELEC nothing"_s);
            QVERIFY(!broken);
            QCOMPARE(broken.error().code, ErrorCode::DatabaseError);
            QVERIFY(!broken.error().context.isEmpty());

            const QString insert = u"INSERT INTO note (id, label) VALUES (?, ?)"_s;
            QVERIFY(statements.run(insert, qlonglong(1), u"same"_s));
            const Result<Statement *> twice = statements.run(insert, qlonglong(2), u"same"_s);
            QVERIFY(!twice);
            QVERIFY2(twice.error().context.contains(u"UNIQUE"_s), qPrintable(twice.error().context));
            // The statement still runs after its failure.
            QVERIFY(statements.run(insert, qlonglong(2), u"other"_s));
            Result<Statement *> count = statements.run(u"SELECT count(*) FROM note"_s);
            QVERIFY(count && (*count)->next());
            QCOMPARE((*count)->value(0).toLongLong(), 2);
            (*count)->finish();
        }
        close(db);
    }

    void aConnectionClosedUnderKeptStatementsIsFreed()
    {
        // SQLite counts what it has allocated: a connection left open
        // behind Qt's back would keep its memory.
        const sqlite3_int64 before = sqlite3_memory_used();
        QSqlDatabase db = open(u"closed"_s);
        QVERIFY(db.isOpen());
        QVERIFY(sqlite3_memory_used() > before);
        {
            StatementCache statements(db);
            StatementCache others(db);
            StatementCache unused(db);
            QVERIFY(statements.run(u"INSERT INTO note (id, label) VALUES (?, ?)"_s, qlonglong(1), u"a"_s));
            Result<Statement *> reading = statements.run(u"SELECT id FROM note"_s);
            QVERIFY(reading && (*reading)->next());
            QVERIFY(others.run(u"SELECT count(*) FROM note"_s));

            // Closed while both caches keep statements, one with a read open.
            close(db);
            const Result<Statement *> late = unused.statement(u"SELECT 1"_s);
            QVERIFY(!late);
            QCOMPARE(late.error().code, ErrorCode::DatabaseError);
        }
        QCOMPARE(sqlite3_memory_used(), before);

        // The file is free again for a new connection and its writes.
        db = open(u"closed"_s);
        QVERIFY(db.isOpen());
        {
            StatementCache statements(db);
            QVERIFY(statements.run(u"INSERT INTO note (id, label) VALUES (?, ?)"_s, qlonglong(2), u"b"_s));
        }
        close(db);
    }
};

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
