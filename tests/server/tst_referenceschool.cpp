// The reference school generator: deterministic bytes, linear counts, valid
// records whose references resolve, and a database written in full or not at
// all, on the backend named by CARTABLE_TEST_BACKEND.

#include "server/accountstore.h"
#include "server/demodata.h"
#include "server/passwordhasher.h"
#include "server/referenceschool/referenceschool.h"
#include "server/referenceschool/schoolwriter.h"
#include "server/serverdatabase.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "tests/support/testdatabase.h"

#include <QBuffer>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;

namespace {

class CollectingSink : public Server::RecordSink
{
public:
    Core::Status add(const Core::EntityDef &, const Core::Record &record) override
    {
        records.append(record);
        return {};
    }
    QList<Core::Record> records;
};

QByteArray exportBytes(double scale, std::uint64_t seed)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Server::JsonLinesSink sink(buffer);
    const auto summary = Server::generateReferenceSchool({scale, seed}, sink);
    if (!summary)
        qWarning("%s", qPrintable(summary.error().context));
    return summary ? buffer.data() : QByteArray();
}

qint64 scaled(double base, double scale, qint64 minimum = 1)
{
    return std::max(minimum, qint64(std::llround(base * scale)));
}

} // namespace

class TestReferenceSchool : public QObject
{
    Q_OBJECT

private:
    QByteArray m_hash;
    int m_connections = 0;

    Core::Result<QSqlDatabase> openFresh(Test::TestDatabase &database)
    {
        if (!database.create())
            return Core::Error{Core::ErrorCode::DatabaseError, database.errorString()};
        return Server::openServerDatabase(database.spec(), u"reference-%1"_s.arg(++m_connections));
    }

    static qint64 rowCount(QSqlDatabase &db, const QString &table)
    {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT COUNT(*) FROM "_s + table) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    static QString binary() { return qEnvironmentVariable("CARTABLE_SERVER_BINARY"); }

private Q_SLOTS:
    void initTestCase()
    {
        const Core::Result<QByteArray> hash = Server::PasswordHasher().hash(QString::fromUtf16(Server::kDemoPassword));
        QVERIFY(hash.ok());
        m_hash = *hash;
    }

    void sameSeedSameBytes_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<quint64>("seed");
        QTest::addRow("tiny, seed 1") << 0.01 << quint64(1);
        QTest::addRow("0.05, seed 42") << 0.05 << quint64(42);
        QTest::addRow("0.05, largest seed") << 0.05 << quint64(18446744073709551615ULL);
    }

    void sameSeedSameBytes()
    {
        QFETCH(double, scale);
        QFETCH(quint64, seed);
        const QByteArray first = exportBytes(scale, seed);
        QVERIFY(!first.isEmpty());
        QVERIFY(first.endsWith('\n'));
        QVERIFY(!first.contains("\n\n"));
        QCOMPARE(exportBytes(scale, seed), first);
    }

    void differentSeedDifferentBytes()
    {
        const QByteArray one = exportBytes(0.02, 1);
        const QByteArray two = exportBytes(0.02, 2);
        QVERIFY(!one.isEmpty() && !two.isEmpty());
        QVERIFY(one != two);
        // The fixed parts stay: the establishments and the demo logins.
        QVERIFY(two.contains("\"uai\":\"0751234J\""));
        QVERIFY(two.contains("\"login\":\"prof.martin\""));
    }

    void refusesBadScale()
    {
        CollectingSink sink;
        QVERIFY(!Server::generateReferenceSchool({0.0, 1}, sink).ok());
        QVERIFY(!Server::generateReferenceSchool({-1.0, 1}, sink).ok());
        QVERIFY(!Server::generateReferenceSchool({20.5, 1}, sink).ok());
        QVERIFY(sink.records.isEmpty());
    }

    void countsScaleLinearly_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addRow("0.1") << 0.1;
        QTest::addRow("0.04") << 0.04;
        QTest::addRow("0.02") << 0.02;
        // One class of 15 instead of half a class of 30: the classes cannot
        // hold the linear number of grades, only the others are checked.
        QTest::addRow("0.01") << 0.01;
    }

    void countsScaleLinearly()
    {
        QFETCH(double, scale);
        CollectingSink sink;
        const auto summary = Server::generateReferenceSchool({scale, 7}, sink);
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().context));
        const QHash<QString, qint64> &counts = summary->counts;
        // Every kind of school data has rows; what the sync engine makes by
        // itself (conflict records) has none.
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            if (entity.module == u"sync"_s)
                QCOMPARE(counts.value(entity.type), 0);
            else
                QVERIFY2(counts.value(entity.type) > 0, qPrintable(entity.type));
        }
        QCOMPARE(summary->total, qint64(sink.records.size()));

        const qint64 students = scaled(1500, scale, 2);
        const qint64 people = students + scaled(2600, scale) + scaled(120, scale) + scaled(10, scale, 3) + 1;
        const QList<std::pair<QString, qint64>> expected{
            {u"establishment"_s, 2},
            {u"school_year"_s, 1},
            {u"period"_s, 3},
            {u"subject"_s, 15},
            {u"competency"_s, 9},
            {u"school_class"_s, scaled(50, scale)},
            {u"person"_s, people},
            {u"account"_s, people},
            {u"account_role"_s, people + 2},
            {u"class_membership"_s, students},
            {u"enrolment"_s, 12 * students},
            {u"timetable_slot"_s, scaled(1800, scale)},
            {u"evaluation"_s, scaled(6000, scale)},
            {u"grade"_s, scaled(150000, scale)},
            {u"absence"_s, scaled(30000, scale)},
            {u"homework"_s, scaled(8000, scale)},
            {u"message"_s, scaled(20000, scale)},
            {u"report_card"_s, students},
            {u"period_appreciation"_s, 3 * students},
        };
        for (const auto &[type, count] : expected) {
            if (type == u"grade"_s && scale < 0.02) {
                QVERIFY(counts.value(type) <= count);
                continue;
            }
            QVERIFY2(counts.value(type) == count,
                     qPrintable(u"%1: %2 instead of %3"_s.arg(type).arg(counts.value(type)).arg(count)));
        }
    }

    void recordsAreValidAndReferencesResolve()
    {
        CollectingSink sink;
        QVERIFY(Server::generateReferenceSchool({0.1, 3}, sink).ok());
        QHash<QString, QString> typeOf; // id → type
        QHash<QString, const Core::Record *> byId;
        for (const Core::Record &record : std::as_const(sink.records)) {
            const Core::EntityDef *entity = Core::findEntity(record.type());
            QVERIFY2(entity, qPrintable(record.type()));
            const Core::Status valid = Core::validateRecord(*entity, record);
            QVERIFY2(valid.ok(), qPrintable(record.type() + u' ' + (valid.ok() ? QString() : valid.error().context)));
            QVERIFY2(Core::isValidId(record.id()), qPrintable(record.id()));
            QVERIFY2(!typeOf.contains(record.id()), qPrintable(u"duplicate id "_s + record.id()));
            typeOf.insert(record.id(), record.type());
            byId.insert(record.id(), &record);
        }
        int checked = 0;
        for (const Core::Record &record : std::as_const(sink.records)) {
            const Core::EntityDef *entity = Core::findEntity(record.type());
            for (const Core::FieldDef &field : entity->fields) {
                if (field.type != Core::FieldType::Ref || !record.isSet(field.name))
                    continue;
                QString target = field.refEntity;
                if (target.isEmpty()) // the owner of a folder or an attachment
                    target = record.text(record.isSet(u"owner_kind"_s) ? u"owner_kind"_s : u"owner_type"_s);
                const QString id = record.text(field.name);
                QVERIFY2(typeOf.value(id) == target,
                         qPrintable(u"%1.%2 = %3 is a %4, not a %5"_s.arg(record.type(), field.name, id,
                                                                          typeOf.value(id, u"missing row"_s), target)));
                ++checked;
            }
            if (record.type() == u"grade"_s && record.isSet(u"mark"_s)) {
                const Core::Record *evaluation = byId.value(record.text(u"evaluation_id"_s));
                QVERIFY(record.number(u"mark"_s) <= evaluation->number(u"scale"_s) * 100);
            }
            if (record.type() == u"evaluation"_s) {
                const Core::Record *period = byId.value(record.text(u"period_id"_s));
                QVERIFY(record.text(u"date"_s) >= period->text(u"starts_on"_s));
                QVERIFY(record.text(u"date"_s) <= period->text(u"ends_on"_s));
            }
        }
        QVERIFY(checked > 100000);

        // Evaluations are set by the teacher who teaches that subject there.
        QSet<QString> taught;
        for (const Core::Record &record : std::as_const(sink.records)) {
            if (record.type() == u"teaching_assignment"_s)
                taught.insert(record.text(u"teacher_id"_s) + record.text(u"class_id"_s) + record.text(u"group_id"_s)
                              + record.text(u"subject_id"_s));
        }
        for (const Core::Record &record : std::as_const(sink.records)) {
            if (record.type() == u"evaluation"_s)
                QVERIFY(taught.contains(record.text(u"teacher_id"_s) + record.text(u"class_id"_s)
                                        + record.text(u"group_id"_s) + record.text(u"subject_id"_s)));
        }

        // Every demo login is there, and each account logs in with a valid,
        // unique login.
        QSet<QString> logins;
        for (const Core::Record &record : std::as_const(sink.records)) {
            if (record.type() == u"account"_s) {
                QVERIFY2(!logins.contains(record.text(u"login"_s)), qPrintable(record.text(u"login"_s)));
                logins.insert(record.text(u"login"_s));
            }
        }
        for (const Server::DemoAccount &demo : Server::demoAccounts())
            QVERIFY2(logins.contains(demo.login), qPrintable(demo.login));
    }

    void writesEveryRow()
    {
        Test::TestDatabase database(Test::backendFromEnvironment());
        Core::Result<QSqlDatabase> opened = openFresh(database);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().context));
        QSqlDatabase db = *opened;
        QBuffer exported;
        exported.open(QIODevice::WriteOnly);
        const auto summary = Server::writeReferenceSchool(db, {0.05, 11}, m_hash, &exported);
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().context));
        for (const Core::EntityDef &entity : Core::entityCatalog())
            QCOMPARE(rowCount(db, entity.type), summary->counts.value(entity.type));
        // Writing does not change what is generated.
        QCOMPARE(exported.data(), exportBytes(0.05, 11));

        // The demo accounts sign in with the demo password.
        Server::AccountStore accounts(db);
        const Server::PasswordHasher hasher;
        for (const Server::DemoAccount &demo : Server::demoAccounts()) {
            const auto found = accounts.findByLogin(demo.login);
            QVERIFY(found.ok());
            QVERIFY2(found->has_value(), qPrintable(demo.login));
            QVERIFY(hasher.verify((*found)->passwordHash, QString::fromUtf16(Server::kDemoPassword)));
            QCOMPARE((*found)->displayName, demo.displayName);
            const auto profile = accounts.profile((*found)->id);
            QVERIFY(profile.ok());
            QCOMPARE(profile->assignments.size(), demo.roles.size());
        }
        // parent.dubois is the guardian of Léo and Emma, who are students.
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT child.login FROM account parent "
                           "JOIN guardian_link link ON link.guardian_id = parent.person_id "
                           "JOIN account child ON child.person_id = link.student_id "
                           "WHERE parent.login = 'parent.dubois' ORDER BY child.login"_s));
        QStringList children;
        while (query.next())
            children.append(query.value(0).toString());
        QCOMPARE(children, (QStringList{u"eleve.emma"_s, u"eleve.leo"_s}));
        db.close();
    }

    void refusesFilledDatabase()
    {
        Test::TestDatabase database(Test::backendFromEnvironment());
        Core::Result<QSqlDatabase> opened = openFresh(database);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().context));
        QSqlDatabase db = *opened;
        QVERIFY(Server::writeReferenceSchool(db, {0.01, 1}, m_hash).ok());
        QHash<QString, qint64> before;
        for (const Core::EntityDef &entity : Core::entityCatalog())
            before.insert(entity.type, rowCount(db, entity.type));

        const auto again = Server::writeReferenceSchool(db, {0.01, 2}, m_hash);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().context, QString::fromUtf16(Server::kDatabaseNotEmpty));
        for (const Core::EntityDef &entity : Core::entityCatalog())
            QCOMPARE(rowCount(db, entity.type), before.value(entity.type));
        db.close();
    }

    void commandExitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("zero scale") << QStringList{u"--scale"_s, u"0"_s} << 2;
        QTest::addRow("negative scale") << QStringList{u"--scale"_s, u"-0.5"_s} << 2;
        QTest::addRow("scale too large") << QStringList{u"--scale"_s, u"21"_s} << 2;
        QTest::addRow("scale not a number") << QStringList{u"--scale"_s, u"big"_s} << 2;
        QTest::addRow("negative seed") << QStringList{u"--seed"_s, u"-1"_s} << 2;
        QTest::addRow("seed not a number") << QStringList{u"--seed"_s, u"one"_s} << 2;
        QTest::addRow("unknown option") << QStringList{u"--colour"_s} << 2;
        QTest::addRow("stray argument") << QStringList{u"school"_s} << 2;
    }

    void commandExitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        if (binary().isEmpty())
            QSKIP("CARTABLE_SERVER_BINARY is not set");
        QTemporaryDir dir;
        const QString file = dir.filePath(u"untouched.sqlite"_s);
        QProcess process;
        process.start(binary(), QStringList{u"demo-data"_s, u"--database"_s, file} + arguments);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), exitCode);
        QVERIFY(!QFile::exists(file));
    }

    void commandFillsOnce()
    {
        if (binary().isEmpty())
            QSKIP("CARTABLE_SERVER_BINARY is not set");
        Test::TestDatabase database(Test::backendFromEnvironment());
        QVERIFY2(database.create(), qPrintable(database.errorString()));
        QTemporaryDir dir;
        const QString exportFile = dir.filePath(u"school.jsonl"_s);
        const QStringList arguments{u"demo-data"_s, u"--database"_s, database.spec(), u"--scale"_s, u"0.02"_s,
                                    u"--seed"_s,    u"5"_s,          u"--export"_s,   exportFile};
        QProcess process;
        process.start(binary(), arguments);
        QVERIFY(process.waitForFinished(120000));
        const QByteArray output = process.readAllStandardOutput();
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(output.contains("prof.martin"));
        QVERIFY(output.contains("grade"));
        QVERIFY(output.contains("Database"));
        QFile exported(exportFile);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), exportBytes(0.02, 5));

        process.start(binary(), arguments);
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("already has an establishment"));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestReferenceSchool)
#include "tst_referenceschool.moc"
