// The replica's queue of files to send: a local change that names a blob
// queues it in the same transaction as the change; a pulled row never does;
// the queue outlives the process.

#include "sync/replicastore.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "tests/support/samplerecords.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Sync;
using namespace Qt::StringLiterals;
using Core::ErrorCode;
using Core::MutationOp;
using Core::Record;

namespace {

QString hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Record attachment(int variant, const QString &sha256)
{
    Record row = Test::sampleRecord(*Core::findEntity(u"attachment"_s), variant);
    row.setId(Core::newId());
    row.set(u"sha256"_s, sha256);
    row.set(u"size_bytes"_s, 1000 + variant);
    return row;
}

QJsonObject pulledPage(const Record &row)
{
    return {{u"reset"_s, false},
            {u"drop"_s, QJsonArray()},
            {u"changes"_s, QJsonArray{QJsonObject{{u"bucket"_s, u"class:c1"_s},
                                                  {u"type"_s, row.type()},
                                                  {u"id"_s, row.id()},
                                                  {u"seq"_s, 1},
                                                  {u"op"_s, u"put"_s}}}},
            {u"rows"_s, QJsonArray{QJsonObject{{u"version"_s, 3},
                                               {u"row"_s, Core::recordToJson(*Core::findEntity(row.type()), row)}}}},
            {u"cursor"_s, u"c1.one"_s},
            {u"more"_s, false},
            {u"head"_s, 10}};
}

} // namespace

class TestBlobQueue : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_opened = 0;

    std::unique_ptr<ReplicaStore> open(const QString &name)
    {
        Core::Result<std::unique_ptr<ReplicaStore>> store = ReplicaStore::open(m_dir.filePath(name),
                                                                               u"queue-%1"_s.arg(++m_opened));
        if (!store)
            qFatal("cannot open the replica: %s", qPrintable(store.error().context));
        return std::move(store).value();
    }

    static QStringList queuedHashes(const ReplicaStore &store)
    {
        QStringList hashes;
        const QList<ReplicaStore::BlobUpload> uploads = store.blobUploads().value();
        for (const ReplicaStore::BlobUpload &upload : uploads)
            hashes.append(upload.sha256);
        return hashes;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void localCreateQueuesItsFile()
    {
        auto store = open(u"create.sqlite"_s);
        const QString sha256 = hashOf("one");
        const Record row = attachment(1, sha256);
        QVERIFY(store->change(MutationOp::Create, row, {}, {1, 0}));
        const QList<ReplicaStore::BlobUpload> uploads = store->blobUploads().value();
        QCOMPARE(uploads.size(), 1);
        QCOMPARE(uploads.constFirst().sha256, sha256);
        QCOMPARE(uploads.constFirst().establishmentId, row.text(u"establishment_id"_s));
        QCOMPARE(uploads.constFirst().size, 1001);
        QVERIFY(!uploads.constFirst().failed);
        QCOMPARE(uploads.constFirst().attempts, 0);

        // A second row naming the same file: the entry stays as it was.
        QVERIFY(
            store->failBlobUpload(row.text(u"establishment_id"_s), sha256, {ErrorCode::QuotaExceeded, u"account"_s}));
        Record again = attachment(1, sha256);
        QVERIFY(store->change(MutationOp::Create, again, {}, {2, 0}));
        QCOMPARE(store->blobUploads().value().size(), 1);
        QVERIFY(store->blobUploads().value().constFirst().failed);
        QCOMPARE(store->blobUploads().value().constFirst().error->code, ErrorCode::QuotaExceeded);
    }

    void changingTheFileQueuesTheNewOne()
    {
        auto store = open(u"update.sqlite"_s);
        const Record row = attachment(2, hashOf("first"));
        QVERIFY(store->change(MutationOp::Create, row, {}, {1, 0}));
        Record renamed(row.type(), row.id());
        renamed.set(u"file_name"_s, u"renamed.pdf"_s);
        QVERIFY(store->change(MutationOp::Update, renamed, {u"file_name"_s}, {2, 0}));
        QCOMPARE(queuedHashes(*store), QStringList{hashOf("first")});
        Record replaced(row.type(), row.id());
        replaced.set(u"sha256"_s, hashOf("second"));
        QVERIFY(store->change(MutationOp::Update, replaced, {u"sha256"_s}, {3, 0}));
        QCOMPARE(queuedHashes(*store), (QStringList{hashOf("first"), hashOf("second")}));
        // A report card names its document too.
        Record card = Test::sampleRecord(*Core::findEntity(u"report_card"_s), 3);
        card.setId(Core::newId());
        card.set(u"document_sha256"_s, hashOf("card"));
        QVERIFY(store->change(MutationOp::Create, card, {}, {4, 0}));
        QVERIFY(queuedHashes(*store).contains(hashOf("card")));
        // Rows that name no file queue nothing.
        Record grade = Test::sampleRecord(*Core::findEntity(u"grade"_s), 1);
        grade.setId(Core::newId());
        QVERIFY(store->change(MutationOp::Create, grade, {}, {5, 0}));
        QCOMPARE(queuedHashes(*store).size(), 3);
    }

    void queuedInTheSameTransaction()
    {
        auto store = open(u"atomic.sqlite"_s);
        // The attachment is fine, the change after it is not: neither the
        // row nor its queue entry is kept.
        const Record row = attachment(4, hashOf("atomic"));
        Record bad(u"grade"_s, Core::newId());
        bad.set(u"mark"_s, u"not a mark"_s);
        const Core::Result<QList<qint64>> saved = store->changeAll(
            {{MutationOp::Create, row, {}, {1, 0}}, {MutationOp::Update, bad, {u"mark"_s}, {2, 0}}});
        QVERIFY(!saved);
        QVERIFY(!store->row(row.type(), row.id()).value());
        QCOMPARE(store->pendingCount().value(), 0);
        QCOMPARE(queuedHashes(*store), QStringList());
    }

    void pulledRowsQueueNothing()
    {
        auto store = open(u"pulled.sqlite"_s);
        const Record row = attachment(5, hashOf("pulled"));
        QVERIFY(store->applyPullPage(pulledPage(row)));
        QVERIFY(store->row(row.type(), row.id()).value());
        QCOMPARE(queuedHashes(*store), QStringList());
        QCOMPARE(store->namesBlob(row.text(u"establishment_id"_s), hashOf("pulled")).value(), true);
        QCOMPARE(store->namesBlob(row.text(u"establishment_id"_s), hashOf("other")).value(), false);
    }

    void queueOutlivesTheProcess()
    {
        const QString sha256 = hashOf("kept");
        QString establishment;
        {
            auto store = open(u"kept.sqlite"_s);
            const Record row = attachment(6, sha256);
            establishment = row.text(u"establishment_id"_s);
            QVERIFY(store->change(MutationOp::Create, row, {}, {1, 0}));
            QVERIFY(store->countBlobUploadAttempt(establishment, sha256));
        }
        auto store = open(u"kept.sqlite"_s);
        const QList<ReplicaStore::BlobUpload> uploads = store->blobUploads().value();
        QCOMPARE(uploads.size(), 1);
        QCOMPARE(uploads.constFirst().sha256, sha256);
        QCOMPARE(uploads.constFirst().attempts, 1);
        QVERIFY(store->removeBlobUpload(establishment, sha256));
        QCOMPARE(store->blobUploads().value().size(), 0);
        QCOMPARE(store->retryBlobUpload(sha256).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBlobQueue)
#include "tst_blobqueue.moc"
