// A sync with files: the queue goes up before the outbox, a refused file
// never holds the rows back, a cut while sending stops the sync with the
// outbox kept, and what is pinned is fetched after the pull.

#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "sync/replicastore.h"
#include "sync/syncengine.h"
#include "sync/synctransport.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "tests/support/samplerecords.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Cartable;
using namespace Cartable::Sync;
using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// What the server was asked, in order, by both transports.
using Log = QStringList;

class Rows final : public SyncTransport
{
public:
    explicit Rows(Log &log) : m_log(log) {}

    void pull(const QJsonObject &, PageCallback done) override
    {
        m_log.append(u"pull"_s);
        const QJsonObject page{{u"reset"_s, false},
                               {u"drop"_s, QJsonArray()},
                               {u"changes"_s, QJsonArray()},
                               {u"rows"_s, QJsonArray()},
                               {u"cursor"_s, u"c1.one"_s},
                               {u"more"_s, false},
                               {u"head"_s, 1}};
        later([done, page] { done(Core::pullPageFromJson(page)); });
    }
    void push(const QJsonObject &batch, Callback done) override
    {
        m_log.append(u"push"_s);
        QJsonArray results;
        for (const QJsonValue &mutation : batch.value(u"mutations"_s).toArray()) {
            results.append(QJsonObject{{u"number"_s, mutation.toObject().value(u"number"_s)},
                                       {u"status"_s, u"applied"_s},
                                       {u"version"_s, 1}});
        }
        later([done, results] { done(QJsonObject{{u"results"_s, results}}); });
    }
    void whenSent(std::function<void()> work) override { later(std::move(work)); }

private:
    void later(std::function<void()> work) { QTimer::singleShot(0, &m_context, std::move(work)); }
    Log &m_log;
    QObject m_context;
};

class Files final : public BlobTransport
{
public:
    explicit Files(Log &log) : m_log(log) {}

    QHash<QString, QByteArray> stored;
    std::optional<Error> openError;
    // Uploads opened but never answered: a slow network.
    bool holdOpen = false;
    QList<ApiClient::Callback<Core::UploadStatus>> held;

    void openUpload(const Core::UploadRequest &request, ApiClient::Callback<Core::UploadStatus> done) override
    {
        m_log.append(u"open"_s);
        if (openError) {
            later([done, error = *openError] { done(error); });
            return;
        }
        if (holdOpen) {
            held.append(std::move(done));
            return;
        }
        Core::UploadStatus status;
        status.uploadId = u"u-"_s + request.sha256;
        status.sha256 = request.sha256;
        status.size = request.size;
        later([done, status] { done(status); });
    }
    void sendChunk(const QString &uploadId, qint64, const QByteArray &bytes,
                   ApiClient::Callback<Core::UploadStatus> done) override
    {
        m_log.append(u"chunk"_s);
        Core::UploadStatus status;
        status.sha256 = uploadId.mid(2);
        status.size = bytes.size();
        status.received = bytes.size();
        status.complete = true;
        stored.insert(status.sha256, bytes);
        later([done, status] { done(status); });
    }
    void fetchRange(const QString &sha256, qint64 first, qint64 last, ApiClient::Callback<Range> done) override
    {
        m_log.append(u"range"_s);
        const QByteArray bytes = stored.value(sha256);
        later([done, bytes, first, last] {
            if (bytes.isEmpty())
                return done(Error{ErrorCode::NotFound, u"blob"_s});
            done(Range{bytes.mid(first, last - first + 1), first, bytes.size()});
        });
    }

private:
    void later(std::function<void()> work) { QTimer::singleShot(0, &m_context, std::move(work)); }
    Log &m_log;
    QObject m_context;
};

} // namespace

class TestSyncEngineBlobs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_opened = 0;

    struct Client
    {
        Log log;
        std::unique_ptr<ReplicaStore> store;
        std::unique_ptr<BlobCache> cache;
        std::unique_ptr<Rows> rows;
        std::unique_ptr<Files> files;
        std::unique_ptr<BlobTransfer> transfer;
        std::unique_ptr<SyncEngine> engine;
    };

    std::unique_ptr<Client> client()
    {
        auto c = std::make_unique<Client>();
        const QString path = m_dir.filePath(u"engine-%1.sqlite"_s.arg(++m_opened));
        c->store = ReplicaStore::open(path, u"engine-%1"_s.arg(m_opened)).value();
        c->cache = std::make_unique<BlobCache>(path);
        c->rows = std::make_unique<Rows>(c->log);
        c->files = std::make_unique<Files>(c->log);
        c->transfer = std::make_unique<BlobTransfer>(*c->files, *c->store, *c->cache);
        c->engine = std::make_unique<SyncEngine>(*c->rows, *c->store);
        c->engine->setBlobTransfer(c->transfer.get());
        return c;
    }

    QString attach(Client &c, const QByteArray &bytes)
    {
        const QString file = m_dir.filePath(u"attached-%1.txt"_s.arg(++m_opened));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
            return {};
        out.close();
        const Core::Result<BlobCache::Imported> imported = c.cache->import(file);
        if (!imported)
            return {};
        Core::Record row = Test::sampleRecord(*Core::findEntity(u"attachment"_s), m_opened);
        row.setId(Core::newId());
        row.set(u"sha256"_s, imported->sha256);
        row.set(u"size_bytes"_s, imported->size);
        if (!c.store->change(Core::MutationOp::Create, row, {}, {m_opened, 0}))
            return {};
        return imported->sha256;
    }

    static Core::Status sync(Client &c)
    {
        QSignalSpy finished(c.engine.get(), &SyncEngine::finished);
        c.engine->start();
        if (!finished.wait(20'000))
            return Error{ErrorCode::Internal, u"no end"_s};
        return finished.constFirst().constFirst().value<Core::Status>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<Core::Status>();
    }

    void filesGoUpBeforeTheRows()
    {
        auto c = client();
        const QString sha256 = attach(*c, "Lire le chapitre 3.\n");
        QVERIFY(!sha256.isEmpty());
        QVERIFY(sync(*c));
        QCOMPARE(c->log, (QStringList{u"open"_s, u"chunk"_s, u"push"_s, u"pull"_s}));
        QCOMPARE(c->files->stored.value(sha256), QByteArray("Lire le chapitre 3.\n"));
        QCOMPARE(c->store->pendingCount().value(), 0);
        QCOMPARE(c->transfer->uploads().value().size(), 0);
    }

    void refusedFileDoesNotHoldTheRowsBack()
    {
        auto c = client();
        const QString sha256 = attach(*c, "Un devoir.\n");
        c->files->openError = Error{ErrorCode::QuotaExceeded, u"establishment"_s};
        QVERIFY(sync(*c));
        QCOMPARE(c->log, (QStringList{u"open"_s, u"push"_s, u"pull"_s}));
        QCOMPARE(c->store->pendingCount().value(), 0);
        QCOMPARE(c->transfer->uploadState(sha256), BlobTransfer::UploadState::Failed);
    }

    void cutWhileSendingStopsTheSync()
    {
        auto c = client();
        attach(*c, "Une fiche.\n");
        c->files->openError = Error{ErrorCode::ServerUnreachable, u"offline"_s};
        const Core::Status status = sync(*c);
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::ServerUnreachable);
        QCOMPARE(c->log, QStringList{u"open"_s});
        QCOMPARE(c->store->pendingCount().value(), 1);
        QCOMPARE(c->transfer->uploads().value().size(), 1);
        QVERIFY(!c->engine->isRunning());
    }

    void cancelWhileSendingStopsAtOnce()
    {
        auto c = client();
        const QString sha256 = attach(*c, "Un long fichier.\n");
        c->files->holdOpen = true;
        QSignalSpy finished(c->engine.get(), &SyncEngine::finished);
        c->engine->start();
        QTRY_COMPARE(c->files->held.size(), 1);
        c->engine->cancel();
        QVERIFY(finished.wait(20'000));
        const auto status = finished.constFirst().constFirst().value<Core::Status>();
        QVERIFY(!status);
        QCOMPARE(status.error().context, u"cancelled"_s);
        QCOMPARE(c->log, QStringList{u"open"_s});
        QCOMPARE(c->store->pendingCount().value(), 1);
        QCOMPARE(c->transfer->uploadState(sha256), BlobTransfer::UploadState::Queued);
        // A late answer to the cancelled run moves nothing.
        Core::UploadStatus late;
        late.uploadId = u"u-late"_s;
        late.sha256 = sha256;
        late.size = 17;
        c->files->held.takeFirst()(late);
        QTest::qWait(50);
        QCOMPARE(c->log, QStringList{u"open"_s});
    }

    void pinnedFilesComeAfterThePull()
    {
        auto c = client();
        const QByteArray bytes("Corrigé de l'exercice.\n");
        const QString homework = Core::newId();
        Core::Record homeworkRow = Test::sampleRecord(*Core::findEntity(u"homework"_s), 1);
        homeworkRow.setId(homework);
        Core::Record attachment = Test::sampleRecord(*Core::findEntity(u"attachment"_s), 1);
        attachment.setId(Core::newId());
        attachment.set(u"owner_type"_s, u"homework"_s);
        attachment.set(u"owner_id"_s, homework);
        attachment.set(u"sha256"_s, sha256Of(bytes));
        attachment.set(u"size_bytes"_s, bytes.size());
        QSqlDatabase db = c->store->database();
        QString error;
        QVERIFY2(Test::insertRecord(db, *Core::findEntity(u"homework"_s), homeworkRow, &error), qPrintable(error));
        QVERIFY2(Test::insertRecord(db, *Core::findEntity(u"attachment"_s), attachment, &error), qPrintable(error));
        c->files->stored.insert(sha256Of(bytes), bytes);
        QVERIFY(c->transfer->pin(u"homework"_s, homework, true));
        QSignalSpy fetched(c->transfer.get(), &BlobTransfer::pinnedFetched);
        QVERIFY(sync(*c));
        QVERIFY(fetched.wait(20'000) || !fetched.isEmpty());
        QCOMPARE(c->log.mid(0, 2), (QStringList{u"pull"_s, u"range"_s}));
        QVERIFY(c->cache->contains(sha256Of(bytes)));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngineBlobs)
#include "tst_syncengineblobs.moc"
