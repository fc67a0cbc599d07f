// The change feed's store on the backend named by CARTABLE_TEST_BACKEND: the
// two ways it pages (the feed in order of sequence, a catch-up bucket after
// bucket), which never cut a change in two nor skip one, the counter of a
// push batch, and the stamps it writes by hand.

#include "server/serverdatabase.h"
#include "server/sync/feedstore.h"

#include "core/ids.h"
#include "core/transaction.h"
#include "tests/support/testdatabase.h"

#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;

namespace {

// A bucket name of the shape pulls use.
QString bucket(int n)
{
    return u"class:00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
}

QString rowId(int n)
{
    return u"10000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
}

// (bucket, id, seq) of each entry, to compare pages with what was written.
using Key = std::tuple<QString, QString, qint64>;

QList<Key> keys(const QList<FeedEntry> &entries)
{
    QList<Key> list;
    for (const FeedEntry &entry : entries)
        list.append({entry.bucket, entry.id, entry.seq});
    return list;
}

} // namespace

class TestFeedStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_database;
    QSqlDatabase m_db;
    // What was written, in feed order: (bucket, id, seq).
    QList<Key> m_written;

    // Puts `rows` rows, each in `buckets` buckets (from `firstBucket`), as
    // one change at a fresh number.
    void change(int firstRow, int rows, int firstBucket, int buckets)
    {
        QVERIFY(Core::beginWriteTransaction(m_db));
        FeedStore feed(m_db);
        const qint64 seq = feed.reserve().value();
        for (int r = firstRow; r < firstRow + rows; ++r) {
            QStringList names;
            for (int b = firstBucket; b < firstBucket + buckets; ++b) {
                names.append(bucket(b));
                m_written.append({bucket(b), rowId(r), seq});
            }
            QVERIFY(feed.touchBuckets(u"grade"_s, rowId(r), names, seq).ok());
        }
        QVERIFY(m_db.commit());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = std::make_unique<Test::TestDatabase>(Test::backendFromEnvironment());
        QVERIFY2(m_database->create(), qPrintable(m_database->errorString()));
        Core::Result<QSqlDatabase> db = openServerDatabase(m_database->spec(), u"feed"_s);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().context));
        m_db = *db;
        // Changes of every size: single rows, a change of 7 rows in one
        // bucket, one of 3 rows in 4 buckets, and one of 600 rows, larger
        // than any page or chunk the tests ask for.
        for (int i = 0; i < 40; ++i)
            change(i, 1, i % 5, 1);
        change(100, 7, 2, 1);
        change(200, 3, 0, 4);
        change(300, 600, 1, 1);
        for (int i = 0; i < 30; ++i)
            change(1000 + i, 1, (i * 3) % 5, 2);
    }

    void cleanupTestCase()
    {
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"feed"_s);
    }

    void feedPagesNeverCutNorSkip_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("buckets");
        const QStringList all{bucket(0), bucket(1), bucket(2), bucket(3), bucket(4)};
        for (int limit : {1, 2, 5, 64, 10000}) {
            QTest::addRow("all buckets, %d a page", limit) << limit << all;
            QTest::addRow("two buckets, %d a page", limit) << limit << QStringList{bucket(3), bucket(4)};
        }
    }

    void feedPagesNeverCutNorSkip()
    {
        QFETCH(int, limit);
        QFETCH(QStringList, buckets);
        FeedStore feed(m_db);
        const qint64 head = feed.head().value();
        const QSet<QString> set(buckets.cbegin(), buckets.cend());
        QList<Key> read;
        qint64 after = 0;
        int pages = 0;
        for (;;) {
            const Core::Result<FeedPage> page = feed.changes(set, after, head, limit);
            QVERIFY(page.ok());
            ++pages;
            if (!page->complete) {
                QVERIFY(!page->entries.isEmpty());
                // Ends after a whole change.
                const qint64 last = page->entries.constLast().seq;
                QVERIFY(std::none_of(m_written.cbegin(), m_written.cend(), [&](const Key &key) {
                    return std::get<2>(key) == last && set.contains(std::get<0>(key))
                           && !keys(page->entries).contains(key);
                }));
                // Holds about `limit`: more only to finish its last change.
                if (page->entries.size() > limit)
                    QVERIFY(page->entries.at(limit - 1).seq == last || page->entries.constFirst().seq == last);
            }
            read += keys(page->entries);
            if (page->complete)
                break;
            after = page->entries.constLast().seq;
            QVERIFY(pages < 10000);
        }
        QList<Key> expected;
        for (const Key &key : std::as_const(m_written)) {
            if (set.contains(std::get<0>(key)))
                expected.append(key);
        }
        std::sort(read.begin(), read.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(read, expected);
    }

    void catchUpPagesGoBucketByBucket_data()
    {
        QTest::addColumn<int>("limit");
        for (int limit : {1, 3, 7, 100, 10000})
            QTest::addRow("%d a page", limit) << limit;
    }

    void catchUpPagesGoBucketByBucket()
    {
        QFETCH(int, limit);
        FeedStore feed(m_db);
        const qint64 head = feed.head().value();
        const QStringList buckets{bucket(0), bucket(1), bucket(2), bucket(4)};
        QList<Key> read;
        BucketPosition from;
        int pages = 0;
        for (;;) {
            const Core::Result<CatchUpPage> page = feed.bucketEntries(buckets, from, head, limit);
            QVERIFY(page.ok());
            ++pages;
            read += keys(page->entries);
            // Bucket after bucket, each in feed order.
            for (qsizetype i = 1; i < page->entries.size(); ++i) {
                const FeedEntry &a = page->entries.at(i - 1);
                const FeedEntry &b = page->entries.at(i);
                QVERIFY(a.bucket < b.bucket || (a.bucket == b.bucket && a.seq <= b.seq));
            }
            if (!page->next)
                break;
            from = *page->next;
            QVERIFY(pages < 10000);
        }
        QList<Key> expected;
        for (const Key &key : std::as_const(m_written)) {
            if (buckets.contains(std::get<0>(key)))
                expected.append(key);
        }
        std::sort(read.begin(), read.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(read, expected);
    }

    // A position in a bucket the reader has lost since goes on with the
    // next one.
    void catchUpSkipsALostBucket()
    {
        FeedStore feed(m_db);
        const qint64 head = feed.head().value();
        const Core::Result<CatchUpPage> page = feed.bucketEntries({bucket(0), bucket(2)}, BucketPosition{bucket(1), 12},
                                                                  head, 10000);
        QVERIFY(page.ok());
        QVERIFY(!page->entries.isEmpty());
        for (const FeedEntry &entry : page->entries)
            QCOMPARE(entry.bucket, bucket(2));
    }

    // A push batch counts its numbers in memory and writes the counter
    // once; a batch that is rolled back leaves it as it was.
    void batchCountsNumbersOnce()
    {
        FeedStore feed(m_db);
        const qint64 before = feed.head().value();
        QVERIFY(Core::beginWriteTransaction(m_db));
        QVERIFY(feed.beginBatch().ok());
        QCOMPARE(feed.reserve().value(), before + 1);
        QCOMPARE(feed.reserve(3).value(), before + 2);
        QCOMPARE(feed.reserve().value(), before + 5);
        QVERIFY(feed.endBatch().ok());
        QVERIFY(m_db.commit());
        QCOMPARE(feed.head().value(), before + 5);
        // Outside a batch, numbers come from the database again.
        QVERIFY(Core::beginWriteTransaction(m_db));
        QCOMPARE(feed.reserve().value(), before + 6);
        QVERIFY(m_db.rollback());
        QVERIFY(Core::beginWriteTransaction(m_db));
        QVERIFY(feed.beginBatch().ok());
        QCOMPARE(feed.reserve().value(), before + 6);
        feed.abandonBatch();
        QVERIFY(m_db.rollback());
        QCOMPARE(feed.head().value(), before + 5);
    }

    void stampsRoundTrip()
    {
        QHash<QString, FieldStamp> stamps;
        stamps.insert(u"mark"_s, {42, Core::HlcTimestamp{1735000000000, 3}, Core::newId(), Core::newId()});
        stamps.insert(u"comment"_s, {43, Core::HlcTimestamp{1735000000001, 0}, QString(), QString()});
        // Nothing the server writes has quotes or backslashes, but a stamp
        // must survive them.
        stamps.insert(u"odd \"field\"\\\n"_s, {44, Core::HlcTimestamp{7, 1}, u"a\"b"_s, QString()});
        const QString json = stampsToJson(stamps);
        QCOMPARE(stampsFromJson(json), stamps);
        QCOMPARE(stampsToJson({}), u"{}"_s);
        QCOMPARE(stampsFromJson(u"{}"_s), (QHash<QString, FieldStamp>()));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestFeedStore)
#include "tst_feedstore.moc"
