// Pull pages in their two encodings: the same page comes back from each,
// and anything malformed is refused with the place it failed.

#include "core/domain/catalog.h"
#include "core/protocol/pullpage.h"
#include "tests/support/samplerecords.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QJsonArray>
#include <QTest>

#include <limits>

using namespace Cartable;
using namespace Cartable::Core;
using namespace Qt::StringLiterals;

namespace {

// A page with a full row of every entity, in two buckets, a removal and a
// dropped bucket.
PullPage samplePage()
{
    PullPage page;
    page.reset = true;
    page.drop = {u"class:0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"_s};
    page.cursor = u"c2.eyJzIjoxfQ"_s;
    page.more = true;
    page.head = 4242;
    qint64 seq = 1;
    for (const EntityDef &entity : entityCatalog()) {
        for (int variant = 0; variant < 2; ++variant) {
            const Record row = Test::sampleRecord(entity, variant, Test::SampleFill::Full);
            page.rowsOf(entity).append(row, 100 + seq);
            page.changes.append(
                {u"student:%1"_s.arg(Test::sampleId(u"person"_s, variant)), entity.type, row.id(), seq++, false});
        }
    }
    page.changes.append({u"establishment:%1"_s.arg(Test::sampleId(u"establishment"_s)), u"grade"_s,
                         Test::sampleId(u"grade"_s, 9), seq, true});
    return page;
}

// The same page without what the compact encoding leaves out.
PullPage withoutSeqs(PullPage page)
{
    for (PageChange &change : page.changes)
        change.seq = 0;
    return page;
}

// The sample page as a CBOR tree, to break in one place.
QCborMap sampleTree()
{
    return QCborValue::fromCbor(pullPageToCbor(samplePage())).toMap();
}

// Replaces one cell of the first grade row: column `column` (0 is the
// version, 1 the id, then the fields in catalogue order).
QCborMap withGradeCell(qsizetype column, const QCborValue &value)
{
    QCborMap page = sampleTree();
    QCborArray tables = page.value(u"tables"_s).toArray();
    qsizetype index = 0;
    while (tables.at(index).toArray().at(0).toString() != u"grade"_s)
        ++index;
    QCborArray table = tables.at(index).toArray();
    QCborArray rows = table.at(2).toArray();
    QCborArray row = rows.at(0).toArray();
    row[column] = value;
    rows[0] = row;
    table[2] = rows;
    tables[index] = table;
    page[u"tables"_s] = tables;
    return page;
}

qsizetype gradeColumn(const QString &field)
{
    const EntityDef &grade = *findEntity(u"grade"_s);
    for (qsizetype i = 0; i < grade.fields.size(); ++i) {
        if (grade.fields.at(i).name == field)
            return i + 2;
    }
    return -1;
}

} // namespace

class TestPullPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cborRoundTrip()
    {
        const PullPage page = samplePage();
        QVERIFY(page.rowCount() >= 2 * entityCatalog().size());
        const Result<PullPage> read = pullPageFromCbor(pullPageToCbor(page));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().context));
        QCOMPARE(*read, withoutSeqs(page));
    }

    void jsonRoundTrip()
    {
        const PullPage page = samplePage();
        const Result<PullPage> read = pullPageFromJson(pullPageToJson(page));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().context));
        QCOMPARE(*read, page);
    }

    void anEmptyPageIsSmall()
    {
        PullPage page;
        page.cursor = u"c2.e30"_s;
        const QByteArray bytes = pullPageToCbor(page);
        QVERIFY(bytes.size() < 64);
        QCOMPARE(pullPageFromCbor(bytes).value(), page);
    }

    // A later server may add keys: this client reads what it knows.
    void unknownKeysAreSkipped()
    {
        QCborMap tree = sampleTree();
        tree[u"hint"_s] = QCborMap{{u"nested"_s, QCborArray{1, 2, 3}}};
        const Result<PullPage> read = pullPageFromCbor(tree.toCborValue().toCbor());
        QVERIFY(read.ok());
        QCOMPARE(*read, withoutSeqs(samplePage()));
    }

    // A column the server leaves out takes the field's default, as a key
    // left out of a JSON row does.
    void missingColumnsTakeTheirDefault()
    {
        PullPage page;
        page.cursor = u"c2.e30"_s;
        const EntityDef &grade = *findEntity(u"grade"_s);
        page.rowsOf(grade).append(Test::sampleRecord(grade, 1, Test::SampleFill::Full), 3);
        QCborMap tree = QCborValue::fromCbor(pullPageToCbor(page)).toMap();
        QCborArray table = tree.value(u"tables"_s).toArray().at(0).toArray();
        QCborArray columns = table.at(1).toArray();
        QCborArray row = table.at(2).toArray().at(0).toArray();
        const qsizetype comment = gradeColumn(u"comment"_s) - 2;
        QVERIFY(comment >= 0);
        columns.removeAt(comment);
        row.removeAt(comment + 2);
        table[1] = columns;
        table[2] = QCborArray{row};
        tree[u"tables"_s] = QCborArray{table};
        const Result<PullPage> read = pullPageFromCbor(tree.toCborValue().toCbor());
        QVERIFY(read.ok());
        QVERIFY(!read->tables.at(0).record(0).isSet(u"comment"_s));
        QCOMPARE(read->tables.at(0).record(0).text(u"evaluation_id"_s),
                 Test::sampleRecord(grade, 1, Test::SampleFill::Full).text(u"evaluation_id"_s));
    }

    void refusesMalformedPages_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("context");
        const QByteArray good = pullPageToCbor(samplePage());
        QTest::newRow("empty") << QByteArray() << u"pull.page"_s;
        QTest::newRow("not a map") << QCborValue(QCborArray{1, 2}).toCbor() << u"pull.page"_s;
        // Wherever the bytes end, the page is refused.
        QTest::newRow("cut short") << good.left(good.size() / 2) << u"pull."_s;
        QCborMap noCursor = sampleTree();
        noCursor.remove(u"cursor"_s);
        QTest::newRow("no cursor") << noCursor.toCborValue().toCbor() << u"pull.cursor"_s;
        QCborMap badReset = sampleTree();
        badReset[u"reset"_s] = 1;
        QTest::newRow("reset not a boolean") << badReset.toCborValue().toCbor() << u"pull.reset"_s;
        QCborMap badDrop = sampleTree();
        badDrop[u"drop"_s] = QCborArray{u""_s};
        QTest::newRow("empty bucket dropped") << badDrop.toCborValue().toCbor() << u"pull.drop"_s;
        QCborMap badMember = sampleTree();
        badMember[u"members"_s] = QCborArray{QCborArray{u"student:x"_s, u"grade"_s, false, QCborArray{u"not-an-id"_s}}};
        QTest::newRow("member id") << badMember.toCborValue().toCbor() << u"pull.members"_s;
        QCborMap badMemberType = sampleTree();
        badMemberType[u"members"_s] = QCborArray{
            QCborArray{u"student:x"_s, u"nothing"_s, false, QCborArray{Test::sampleId(u"grade"_s)}}};
        QTest::newRow("member type") << badMemberType.toCborValue().toCbor() << u"pull.members"_s;
        QCborMap badType = sampleTree();
        QCborArray tables = badType.value(u"tables"_s).toArray();
        QCborArray first = tables.at(0).toArray();
        first[0] = u"nothing"_s;
        tables[0] = first;
        badType[u"tables"_s] = tables;
        QTest::newRow("unknown entity") << badType.toCborValue().toCbor() << u"pull.tables.type"_s;
        QCborMap badColumn = sampleTree();
        tables = badColumn.value(u"tables"_s).toArray();
        first = tables.at(0).toArray();
        QCborArray columns = first.at(1).toArray();
        columns[0] = u"nothing"_s;
        first[1] = columns;
        tables[0] = first;
        badColumn[u"tables"_s] = tables;
        QTest::newRow("unknown column") << badColumn.toCborValue().toCbor() << u"pull.tables.columns"_s;
        QCborMap twice = sampleTree();
        tables = twice.value(u"tables"_s).toArray();
        first = tables.at(0).toArray();
        columns = first.at(1).toArray();
        columns[1] = columns.at(0);
        first[1] = columns;
        tables[0] = first;
        twice[u"tables"_s] = tables;
        QTest::newRow("column twice") << twice.toCborValue().toCbor() << u"pull.tables.columns"_s;
        QTest::newRow("version not a number")
            << withGradeCell(0, u"12"_s).toCborValue().toCbor() << u"pull.tables.rows"_s;
        QTest::newRow("bad id") << withGradeCell(1, u"12"_s).toCborValue().toCbor() << u"pull.tables.rows"_s;
        QTest::newRow("reference not text")
            << withGradeCell(gradeColumn(u"evaluation_id"_s), 12).toCborValue().toCbor() << u"pull.tables.rows"_s;
        QTest::newRow("required field null")
            << withGradeCell(gradeColumn(u"student_id"_s), QCborValue(nullptr)).toCborValue().toCbor()
            << u"pull.tables.rows"_s;
        QTest::newRow("timestamp as text")
            << withGradeCell(gradeColumn(u"graded_at"_s), u"now"_s).toCborValue().toCbor() << u"pull.tables.rows"_s;
        QTest::newRow("text too long")
            << withGradeCell(gradeColumn(u"comment"_s), QString(5000, u'x')).toCborValue().toCbor()
            << u"pull.tables.rows"_s;
        // A grade has a mark or a marker, never both.
        QTest::newRow("fields that contradict")
            << withGradeCell(gradeColumn(u"marker"_s), u"absent"_s).toCborValue().toCbor() << u"pull.tables.rows"_s;
        QTest::newRow("negative version")
            << withGradeCell(0, qint64(-1)).toCborValue().toCbor() << u"pull.tables.rows"_s;
        // Beyond what a 64-bit integer holds.
        QByteArray huge;
        QCborStreamWriter writer(&huge);
        writer.startMap(2);
        writer.append(u"cursor"_s);
        writer.append(u"c2.e30"_s);
        writer.append(u"head"_s);
        writer.append(std::numeric_limits<quint64>::max());
        writer.endMap();
        QTest::newRow("huge integer") << huge << u"pull.head"_s;
    }

    void refusesMalformedPages()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, context);
        const Result<PullPage> read = pullPageFromCbor(bytes);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::InvalidServerResponse);
        if (context.endsWith(u'.'))
            QVERIFY2(read.error().context.startsWith(context), qPrintable(read.error().context));
        else
            QCOMPARE(read.error().context, context);
    }

    void refusesMalformedJsonPages()
    {
        QJsonObject page = pullPageToJson(samplePage());
        page.insert(u"changes"_s, QJsonArray{QJsonObject{{u"bucket"_s, u"student:x"_s},
                                                         {u"type"_s, u"grade"_s},
                                                         {u"id"_s, Test::sampleId(u"grade"_s)},
                                                         {u"op"_s, u"move"_s}}});
        QCOMPARE(pullPageFromJson(page).error().context, u"pull.changes"_s);
        page = pullPageToJson(samplePage());
        QJsonArray rows = page.value(u"rows"_s).toArray();
        QJsonObject first = rows.at(0).toObject();
        first.insert(u"version"_s, 1.5);
        rows[0] = first;
        page.insert(u"rows"_s, rows);
        QCOMPARE(pullPageFromJson(page).error().context, u"pull.rows"_s);
        page.remove(u"cursor"_s);
        QCOMPARE(pullPageFromJson(page).error().context, u"pull.cursor"_s);
    }
};

QTEST_GUILESS_MAIN(TestPullPage)
#include "tst_pullpage.moc"
