// The sync scheduler against a real server: a sync at start, one sync for a
// burst of local changes, retries after the server went away, and a stop
// that keeps the outbox when the server ends the session.

#include "sync/apiclient.h"
#include "sync/memorycredentialstore.h"
#include "sync/replicastore.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "sync/syncscheduler.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "tests/support/serverprocess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestSyncScheduler : public QObject
{
    Q_OBJECT

private:
    struct Client
    {
        explicit Client(const QString &replicaPath)
            : store(Sync::ReplicaStore::open(replicaPath, Core::newId()).value()),
              engine(session, api, *store),
              scheduler(engine)
        {
            scheduler.setDebounce(std::chrono::milliseconds(200));
            scheduler.setRetryDelays(std::chrono::milliseconds(300), std::chrono::milliseconds(1000));
        }

        QNetworkAccessManager network;
        Sync::ApiClient api{&network};
        Sync::MemoryCredentialStore credentials;
        Sync::Session session{&api, &credentials};
        std::unique_ptr<Sync::ReplicaStore> store;
        Sync::SyncEngine engine;
        Sync::SyncScheduler scheduler;
    };

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;

    bool signIn(Client &client, const QString &login = QString::fromUtf16(kTeacherLogin))
    {
        QSignalSpy ok(&client.session, &Sync::Session::signedIn);
        client.session.signIn(m_server->url(), login, QString::fromUtf16(kDemoPassword));
        return ok.wait(30'000);
    }

    // A folder of the teacher's own, made offline.
    static void makeFolder(Client &client, const QString &name)
    {
        const Core::UserProfile &profile = client.session.profile();
        Core::Record folder(u"document_folder"_s, Core::newId());
        folder.set(u"establishment_id"_s, profile.assignments.constFirst().establishment.id);
        folder.set(u"owner_kind"_s, u"account"_s);
        folder.set(u"owner_id"_s, profile.id);
        folder.set(u"name"_s, name);
        QVERIFY(client.store->change(Core::MutationOp::Create, folder, {}, {1743760800000, 0}).ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(backendFromEnvironment());
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void syncsAtStartAndOnceForABurstOfChanges()
    {
        Client client(m_dir.filePath(u"burst.sqlite"_s));
        QVERIFY(signIn(client));
        QSignalSpy synced(&client.scheduler, &Sync::SyncScheduler::synced);
        client.scheduler.start();
        QVERIFY(synced.wait(30'000));
        QVERIFY(!client.store->cursor().value().isEmpty());

        synced.clear();
        for (int i = 0; i < 5; ++i) {
            makeFolder(client, u"Séquence %1"_s.arg(i + 1));
            client.scheduler.localChange();
            QTest::qWait(20);
        }
        QVERIFY(synced.wait(30'000));
        QTest::qWait(500);
        QCOMPARE(synced.count(), 1);
        QCOMPARE(client.store->pendingCount().value(), 0);
        QCOMPARE(client.store->rows(u"document_folder"_s).value().size(), 5);
    }

    // An access token that expired while the laptop was closed: the sync
    // refreshes it silently and goes on.
    void refreshesAnExpiredTokenSilently()
    {
        Client client(m_dir.filePath(u"expired.sqlite"_s));
        QVERIFY(signIn(client));
        const QString before = client.session.accessToken();
        QString error;
        QVERIFY2(runStatement(m_server->databaseSpec(), u"UPDATE auth_token SET expires_at = 0 WHERE kind = 'access'"_s,
                              &error),
                 qPrintable(error));
        makeFolder(client, u"Après les vacances"_s);
        QSignalSpy synced(&client.scheduler, &Sync::SyncScheduler::synced);
        client.scheduler.start();
        QVERIFY(synced.wait(30'000));
        QCOMPARE(client.store->pendingCount().value(), 0);
        QVERIFY(client.session.accessToken() != before);
    }

    // A cancelled first sync stops after the page in flight and resumes
    // later from there.
    void cancelledSyncResumes()
    {
        Client client(m_dir.filePath(u"cancel.sqlite"_s));
        QVERIFY(signIn(client));
        client.engine.setPageSize(1);
        QSignalSpy finished(&client.engine, &Sync::SyncEngine::finished);
        QSignalSpy progress(&client.engine, &Sync::SyncEngine::progress);
        client.engine.start();
        QVERIFY(progress.wait(30'000));
        client.engine.cancel();
        QVERIFY(finished.wait(30'000));
        const Core::Status cancelled = finished.constFirst().constFirst().value<Core::Status>();
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().context, u"cancelled"_s);
        const QString cut = client.store->cursor().value();
        QVERIFY(!cut.isEmpty());

        client.engine.setPageSize(1000);
        finished.clear();
        client.engine.start();
        QVERIFY(finished.wait(30'000));
        QVERIFY(finished.constFirst().constFirst().value<Core::Status>().ok());
        QVERIFY(client.store->cursor().value() != cut);
    }

    void retriesUntilTheServerIsBack()
    {
        Client client(m_dir.filePath(u"retry.sqlite"_s));
        QVERIFY(signIn(client));
        makeFolder(client, u"Hors ligne"_s);
        QCOMPARE(m_server->stop(), 0);
        QSignalSpy failed(&client.scheduler, &Sync::SyncScheduler::failed);
        QSignalSpy synced(&client.scheduler, &Sync::SyncScheduler::synced);
        client.scheduler.start();
        QVERIFY(failed.wait(30'000));
        QCOMPARE(client.scheduler.state(), Sync::SyncScheduler::State::Waiting);
        QVERIFY(client.scheduler.retryIn() > 0);
        QCOMPARE(client.store->pendingCount().value(), 1);

        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QVERIFY(synced.wait(30'000));
        QCOMPARE(client.store->pendingCount().value(), 0);
        QCOMPARE(client.scheduler.state(), Sync::SyncScheduler::State::Idle);
    }

    void stopsWhenTheSessionEndsAndKeepsTheOutbox()
    {
        Client client(m_dir.filePath(u"ended.sqlite"_s));
        QVERIFY(signIn(client));
        makeFolder(client, u"À garder"_s);
        // An administrator resets the password: every session ends.
        QVERIFY(!m_server->resetPassword(QString::fromUtf16(kTeacherLogin)).isEmpty());
        QSignalSpy needed(&client.scheduler, &Sync::SyncScheduler::signInNeeded);
        client.scheduler.start();
        QVERIFY(needed.wait(30'000));
        QCOMPARE(client.scheduler.state(), Sync::SyncScheduler::State::Stopped);
        QCOMPARE(client.store->pendingCount().value(), 1);
        // Nothing more happens until it is started again.
        client.scheduler.localChange();
        QTest::qWait(400);
        QCOMPARE(client.scheduler.state(), Sync::SyncScheduler::State::Stopped);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestSyncScheduler)
#include "tst_syncscheduler.moc"
