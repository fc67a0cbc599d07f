// The conflict centre's model on real replicas: the same teacher changes one
// grade on two computers while both are offline; after both sync, the value
// that lost is listed with both values, and restoring it puts it back on the
// server in one action. The synced workspace reports what the status area
// shows meanwhile.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "core/rules/hundredths.h"
#include "sync/syncscheduler.h"
#include "workspace/conflicts/conflictmodel.h"
#include "workspace/syncedworkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestConflictModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void listsTheLostValueAndRestoresIt()
    {
        SyncedClient laptop(m_server->url(), m_dir.filePath(u"laptop.sqlite"_s));
        SyncedClient desktop(m_server->url(), m_dir.filePath(u"desktop.sqlite"_s));
        for (SyncedClient *client : {&laptop, &desktop}) {
            QVERIFY2(client->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(client->errorString()));
            QVERIFY2(client->sync(), qPrintable(client->errorString()));
        }
        // The desktop's change is made a minute later: it wins.
        desktop.workspace().setClock([] { return referenceSchoolNow().addSecs(60); });

        Workspace::ConflictModel model(laptop.workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);

        const std::optional<Core::Record> grade = openGrade(laptop.workspace());
        QVERIFY(grade);
        const qint64 mine = markFor(laptop.workspace(), *grade, 37);
        const qint64 theirs = markFor(laptop.workspace(), *grade, 71);
        QVERIFY(setMark(laptop.workspace(), grade->id(), mine).ok());
        QVERIFY(setMark(desktop.workspace(), grade->id(), theirs).ok());
        QVERIFY2(desktop.sync(), qPrintable(desktop.errorString()));
        QSignalSpy counted(&model, &Workspace::ConflictModel::openCountChanged);
        QVERIFY2(laptop.sync(), qPrintable(laptop.errorString()));

        // The laptop now shows the desktop's mark, and its own as lost.
        QCOMPARE(laptop.workspace().row(u"grade"_s, grade->id())->number(u"mark"_s), theirs);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.openCount(), 1);
        QCOMPARE(counted.count(), 1);
        const QLocale locale;
        const QString lost = model.index(0, Workspace::ConflictModel::LostColumn).data().toString();
        const QString kept = model.index(0, Workspace::ConflictModel::KeptColumn).data().toString();
        QCOMPARE(lost, Core::Hundredths::fromRaw(mine).toString(locale));
        QCOMPARE(kept, Core::Hundredths::fromRaw(theirs).toString(locale));
        const QString item = model.index(0, Workspace::ConflictModel::ItemColumn).data().toString();
        QVERIFY2(item.contains(laptop.workspace().personName(grade->text(u"student_id"_s))), qPrintable(item));
        QVERIFY(model.index(0, 0).data(Workspace::ConflictModel::IsOpenRole).toBool());
        QVERIFY(model.index(0, 0).data(Workspace::ConflictModel::DetailRole).toString().contains(lost));

        // Restoring puts back the mark and the time it was given, and settles
        // their conflicts, all saved together; the entry leaves the list of
        // open ones.
        const qint64 before = laptop.store().pendingCount().value();
        QVERIFY(model.restore(0).ok());
        const qint64 after = laptop.store().pendingCount().value();
        QCOMPARE(after, before + 2 * laptop.workspace().select(u"sync_conflict"_s, u"status = 'restored'"_s).size());
        QCOMPARE(laptop.workspace().row(u"grade"_s, grade->id())->number(u"mark"_s), mine);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.openCount(), 0);
        // A second restore of the same conflict is refused and writes nothing.
        model.setShowResolved(true);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.index(0, 0).data(Workspace::ConflictModel::IsOpenRole).toBool());
        QCOMPARE(model.restore(0).error().code, Core::ErrorCode::InvalidField);
        QCOMPARE(laptop.store().pendingCount().value(), after);

        QVERIFY2(laptop.sync(), qPrintable(laptop.errorString()));
        QVERIFY2(desktop.sync(), qPrintable(desktop.errorString()));
        QCOMPARE(desktop.workspace().row(u"grade"_s, grade->id())->number(u"mark"_s), mine);
    }

    void dismissingKeepsTheWinner()
    {
        SyncedClient laptop(m_server->url(), m_dir.filePath(u"laptop2.sqlite"_s));
        SyncedClient desktop(m_server->url(), m_dir.filePath(u"desktop2.sqlite"_s));
        for (SyncedClient *client : {&laptop, &desktop}) {
            QVERIFY2(client->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(client->errorString()));
            QVERIFY2(client->sync(), qPrintable(client->errorString()));
        }
        desktop.workspace().setClock([] { return referenceSchoolNow().addSecs(120); });
        const std::optional<Core::Record> grade = openGrade(laptop.workspace());
        QVERIFY(grade);
        const qint64 mine = markFor(laptop.workspace(), *grade, 23);
        const qint64 theirs = markFor(laptop.workspace(), *grade, 59);
        QVERIFY(setMark(laptop.workspace(), grade->id(), mine).ok());
        QVERIFY(setMark(desktop.workspace(), grade->id(), theirs).ok());
        QVERIFY(desktop.sync());
        QVERIFY(laptop.sync());
        Workspace::ConflictModel model(laptop.workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.dismiss(0).ok());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(laptop.sync());
        QCOMPARE(laptop.workspace().row(u"grade"_s, grade->id())->number(u"mark"_s), theirs);
        const QList<Core::Record> settled = laptop.workspace().select(u"sync_conflict"_s, u"status = 'dismissed'"_s);
        QVERIFY(!settled.isEmpty());
        for (const Core::Record &conflict : settled)
            QCOMPARE(conflict.text(u"resolved_by"_s), laptop.workspace().accountId());
    }

    // What the status area follows: a first sync, pending changes counted as
    // they are saved, and none once they are sent.
    void theSyncedWorkspaceReportsItsStatus()
    {
        QNetworkAccessManager network;
        Sync::ApiClient api(&network);
        Sync::MemoryCredentialStore credentials;
        Sync::Session session(&api, &credentials);
        QSignalSpy signedIn(&session, &Sync::Session::signedIn);
        session.signIn(m_server->url(), QString::fromUtf16(kTeacherLogin), QString::fromUtf16(kDemoPassword));
        QVERIFY(signedIn.wait(30'000));

        const QString directory = m_dir.filePath(u"replicas"_s);
        auto opened = Workspace::SyncedWorkspace::open(session, api, nullptr, directory);
        QVERIFY(opened.ok());
        std::unique_ptr<Workspace::SyncedWorkspace> synced = std::move(opened).value();
        QVERIFY(synced->replicaPath().startsWith(directory));
        QVERIFY(synced->replicaPath().contains(QString::fromUtf16(kTeacherLogin)));
        QVERIFY(synced->isFirstSync());
        synced->scheduler().setDebounce(std::chrono::milliseconds(100));
        synced->workspace().setClock(referenceSchoolNow);

        QSignalSpy progress(synced.get(), &Workspace::SyncedWorkspace::progress);
        QSignalSpy reloaded(&synced->workspace(), &Workspace::Workspace::reloaded);
        synced->start();
        QTRY_VERIFY_WITH_TIMEOUT(synced->isSyncing(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!synced->isSyncing() && synced->lastSuccess().isValid(), 120'000);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(reloaded.count(), 1);
        QVERIFY(!synced->isFirstSync());
        QVERIFY(!synced->lastError());

        const std::optional<Core::Record> grade = openGrade(synced->workspace());
        QVERIFY(grade);
        QVERIFY(setMark(synced->workspace(), grade->id(), markFor(synced->workspace(), *grade, 13)).ok());
        QCOMPARE(synced->pendingCount(), 1);
        // The change is sent a moment later without being asked.
        QTRY_COMPARE_WITH_TIMEOUT(synced->pendingCount(), 0, 30'000);
        synced->stop();

        // The same account finds its replica again.
        auto again = Workspace::SyncedWorkspace::open(session, api, nullptr, directory);
        QVERIFY(again.ok());
        QCOMPARE(again.value()->replicaPath(), synced->replicaPath());
        QVERIFY(!again.value()->isFirstSync());
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestConflictModel)
#include "tst_conflictmodel.moc"
