// The conflict centre and the sync status area on real replicas, driven with
// the keyboard: the same teacher changed a grade on two computers; the one
// whose value lost sees both values and puts his back in one action.

#include "widgettesting.h"

#include "app/conflicts/conflictcentre.h"
#include "app/shell/translationloader.h"
#include "app/syncstatus/syncstatuswidget.h"
#include "core/rules/hundredths.h"
#include "tests/support/syncedclient.h"
#include "workspace/conflicts/conflictmodel.h"
#include "workspace/documents/documentspace.h"
#include "workspace/syncedworkspace.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestConflictCentre : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    Gui::TranslationLoader m_translations;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_translations.load(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void restoresTheLostValueWithTheKeyboard()
    {
        SyncedClient laptop(m_server->url(), m_dir.filePath(u"laptop.sqlite"_s));
        SyncedClient desktop(m_server->url(), m_dir.filePath(u"desktop.sqlite"_s));
        for (SyncedClient *client : {&laptop, &desktop}) {
            QVERIFY2(client->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(client->errorString()));
            QVERIFY2(client->sync(), qPrintable(client->errorString()));
        }
        desktop.workspace().setClock([] { return referenceSchoolNow().addSecs(60); });

        Gui::ConflictCentre centre(laptop.workspace());
        centre.show();
        QVERIFY(QTest::qWaitForWindowExposed(&centre));
        auto *table = findChildNamed<QTableView>(&centre, u"conflictTable"_s);
        auto *restore = findChildNamed<QPushButton>(&centre, u"restoreButton"_s);
        auto *keep = findChildNamed<QPushButton>(&centre, u"keepButton"_s);
        auto *detail = findChildNamed<QLabel>(&centre, u"conflictDetail"_s);
        QVERIFY(table && restore && keep && detail);
        QVERIFY(!table->accessibleName().isEmpty());
        QVERIFY(!restore->accessibleName().isEmpty());
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(!restore->isEnabled());
        QCOMPARE(detail->text(), u"No conflict to review."_s);

        const std::optional<Core::Record> grade = openGrade(laptop.workspace());
        QVERIFY(grade);
        const qint64 mine = markFor(laptop.workspace(), *grade, 41);
        const qint64 theirs = markFor(laptop.workspace(), *grade, 83);
        QVERIFY(setMark(laptop.workspace(), grade->id(), mine).ok());
        QVERIFY(setMark(desktop.workspace(), grade->id(), theirs).ok());
        QVERIFY(desktop.sync());
        QSignalSpy counted(&centre, &Gui::ConflictCentre::openCountChanged);
        QVERIFY(laptop.sync());

        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(counted.constFirst().constFirst().toInt(), 1);
        QVERIFY(restore->isEnabled() && keep->isEnabled());
        const QString lost = Core::Hundredths::fromRaw(mine).toString(QLocale());
        QVERIFY2(detail->text().contains(lost), qPrintable(detail->text()));
        QVERIFY(detail->text().contains(Core::Hundredths::fromRaw(theirs).toString(QLocale())));

        // Alt+R is the restore button's mnemonic.
        table->setFocus();
        QTest::keyClick(&centre, Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(table->model()->rowCount(), 0);
        QCOMPARE(laptop.workspace().row(u"grade"_s, grade->id())->number(u"mark"_s), mine);

        // Resolved conflicts can be listed; they cannot be restored twice.
        auto *showResolved = findChildNamed<QCheckBox>(&centre, u"showResolvedCheck"_s);
        QVERIFY(showResolved);
        showResolved->setFocus();
        QTest::keyClick(showResolved, Qt::Key_Space);
        QCOMPARE(table->model()->rowCount(), 1);
        table->setCurrentIndex(table->model()->index(0, 0));
        QVERIFY(!restore->isEnabled());
        QCOMPARE(table->model()->index(0, Workspace::ConflictModel::StatusColumn).data().toString(), u"Restored"_s);

        QVERIFY(laptop.sync());
        QVERIFY(desktop.sync());
        QCOMPARE(desktop.workspace().row(u"grade"_s, grade->id())->number(u"mark"_s), mine);
    }

    void theStatusAreaSaysWhatWaits()
    {
        QNetworkAccessManager network;
        Sync::ApiClient api(&network);
        Sync::MemoryCredentialStore credentials;
        Sync::Session session(&api, &credentials);
        QSignalSpy signedIn(&session, &Sync::Session::signedIn);
        session.signIn(m_server->url(), QString::fromUtf16(kTeacherLogin), QString::fromUtf16(kDemoPassword));
        QVERIFY(signedIn.wait(30'000));
        auto opened = Workspace::SyncedWorkspace::open(session, api, nullptr, m_dir.filePath(u"status"_s));
        QVERIFY(opened.ok());
        std::unique_ptr<Workspace::SyncedWorkspace> synced = std::move(opened).value();
        synced->workspace().setClock(referenceSchoolNow);

        Gui::SyncStatusWidget status;
        status.setSyncedWorkspace(synced.get());
        QCOMPARE(status.stateText(), u"Not synchronised yet"_s);
        QCOMPARE(status.pendingText(), u"All changes sent"_s);
        auto *cancel = findChildNamed<QWidget>(&status, u"cancelSyncButton"_s);
        QVERIFY(cancel);

        synced->start();
        QTRY_VERIFY_WITH_TIMEOUT(status.stateText().startsWith(u"Preparing your data for offline use"_s), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(status.stateText().startsWith(u"Synchronised at"_s), 120'000);
        synced->stop();

        const std::optional<Core::Record> grade = openGrade(synced->workspace());
        QVERIFY(grade);
        QVERIFY(setMark(synced->workspace(), grade->id(), markFor(synced->workspace(), *grade, 17)).ok());
        QCOMPARE(status.pendingText(), u"1 change waiting to be sent"_s);
        synced->start();
        QTRY_COMPARE_WITH_TIMEOUT(status.pendingText(), u"All changes sent"_s, 30'000);
        QVERIFY(status.filesText().isEmpty());

        // A file added offline is counted until the next sync sends it.
        synced->stop();
        Workspace::DocumentSpace space(synced->workspace(), synced->blobs());
        const Core::Result<Core::Record> folder = space.createFolder(space.owners().constFirst(), {}, u"Fiches"_s);
        QVERIFY(folder.ok());
        const QString file = m_dir.filePath(u"fiche.pdf"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("%PDF-1.4\nFiche de révision\n");
        }
        QVERIFY(space.addDocument(folder->id(), file).ok());
        QCOMPARE(status.filesText(), u"1 file waiting to be sent"_s);
        synced->start();
        QTRY_VERIFY_WITH_TIMEOUT(status.filesText().isEmpty(), 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(status.pendingText(), u"All changes sent"_s, 30'000);
    }
};

QTEST_MAIN(TestConflictCentre)
#include "tst_conflictcentre.moc"
