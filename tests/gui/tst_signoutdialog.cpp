// Signing out on a computer that others use: the question about this
// computer's offline copy, driven through the real widgets of a desktop
// client signed in to a real server, and what each answer leaves on disk and
// in the keychain.

#include "clientharness.h"
#include "widgettesting.h"

#include "app/login/logindialog.h"
#include "app/mainwindow/mainwindow.h"
#include "app/mainwindow/signoutdialog.h"
#include "app/shell/translationloader.h"
#include "sync/replicafiles.h"
#include "sync/replicastore.h"
#include "tests/support/syncedclient.h"
#include "workspace/syncedworkspace.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Test::findChildNamed;

namespace {

constexpr int kTimeout = 15'000;
constexpr int kSyncTimeout = 120'000;

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 0777);
}

} // namespace

class TestSignOutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dialogIsNamedAndReachableByKeyboard();
    void removingDeletesTheCopyAndTheKeychainEntry();
    void keepingLeavesTheCopyForTheNextSignIn();
    void unsentChangesAreCountedAndNeedAConfirmation();
    void synchronisingFirstSendsTheChanges();
    void questionIsTranslated();

private:
    Gui::SignOutDialog *question() const { return m_client->controller.signOutDialog(); }
    Gui::LoginDialog *loginDialog() const { return m_client->controller.loginDialog(); }
    Gui::MainWindow *mainWindow() const { return m_client->controller.mainWindow(); }
    Workspace::SyncedWorkspace *synced() const { return m_client->controller.syncedWorkspace(); }
    QRadioButton *keepRadio() const { return findChildNamed<QRadioButton>(question(), u"keepCopyRadio"_s); }
    QRadioButton *removeRadio() const { return findChildNamed<QRadioButton>(question(), u"removeCopyRadio"_s); }
    QCheckBox *discardCheck() const { return findChildNamed<QCheckBox>(question(), u"discardUnsentCheck"_s); }
    QLabel *unsentLabel() const { return findChildNamed<QLabel>(question(), u"unsentLabel"_s); }
    QPushButton *syncButton() const { return findChildNamed<QPushButton>(question(), u"syncFirstButton"_s); }
    QPushButton *signOutButton() const { return findChildNamed<QPushButton>(question(), u"signOutButton"_s); }
    QPushButton *cancelButton() const { return findChildNamed<QPushButton>(question(), u"cancelButton"_s); }
    QString settingsFile() const { return m_dir->filePath(u"cartable.ini"_s); }
    QString tokenKey() const { return Sync::credentialKey(m_server->url(), QString::fromUtf16(Test::kTeacherLogin)); }

    // Signs the teacher in through the sign-in dialog and waits for the
    // replica to be in step with the server.
    void signIn();
    void askToSignOut();
    // Chooses an answer as a keyboard user does.
    static void press(QWidget *widget, Qt::Key key);
    // A mark changed here while nothing is sent: one change waits.
    void changeAMarkOffline();

    std::unique_ptr<Test::ServerProcess> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sync::MemoryCredentialStore> m_store;
    std::unique_ptr<Test::ClientHarness> m_client;
};

void TestSignOutDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_server = Test::startReferenceServer(0.02);
    QVERIFY(m_server);
}

void TestSignOutDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<Sync::MemoryCredentialStore>();
    m_client = std::make_unique<Test::ClientHarness>(settingsFile(), m_store.get());
}

void TestSignOutDialog::cleanup()
{
    if (m_client)
        m_client->controller.finish();
    m_client.reset();
    m_store.reset();
    m_dir.reset();
}

void TestSignOutDialog::signIn()
{
    m_client->controller.start();
    QTRY_VERIFY(loginDialog()->isVisible());
    Test::retype(findChildNamed<QLineEdit>(loginDialog(), u"serverEdit"_s), m_server->url().toString());
    Test::retype(findChildNamed<QLineEdit>(loginDialog(), u"loginEdit"_s), QString::fromUtf16(Test::kTeacherLogin));
    Test::retype(findChildNamed<QLineEdit>(loginDialog(), u"passwordEdit"_s), QString::fromUtf16(Test::kDemoPassword));
    QTest::mouseClick(findChildNamed<QPushButton>(loginDialog(), u"signInButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(mainWindow()->isVisible(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(synced() && synced()->lastSuccess().isValid() && !synced()->isSyncing(), kSyncTimeout);
    QCOMPARE(synced()->pendingCount(), 0);
}

void TestSignOutDialog::askToSignOut()
{
    mainWindow()->findChild<QAction *>(u"signOutAction"_s)->trigger();
    QTRY_VERIFY(question()->isVisible());
    QVERIFY(QTest::qWaitForWindowActive(question()));
    QVERIFY(mainWindow()->isVisible());
    QCOMPARE(m_client->session.state(), Sync::Session::State::SignedIn);
}

void TestSignOutDialog::press(QWidget *widget, Qt::Key key)
{
    QVERIFY(widget);
    widget->setFocus();
    QTest::keyClick(widget, key);
}

void TestSignOutDialog::changeAMarkOffline()
{
    // Nothing leaves this computer from now on.
    synced()->stop();
    Workspace::Workspace &workspace = synced()->workspace();
    const std::optional<Core::Record> grade = Test::openGrade(workspace);
    QVERIFY(grade);
    const Core::Result<qint64> changed = Test::setMark(workspace, grade->id(), Test::markFor(workspace, *grade, 37));
    QVERIFY(changed);
    QCOMPARE(synced()->store().pendingCount().value(), 1);
}

void TestSignOutDialog::dialogIsNamedAndReachableByKeyboard()
{
    signIn();
    const QString replica = synced()->replicaPath();
    askToSignOut();
    const QList<QWidget *> controls{keepRadio(),  removeRadio(),   discardCheck(),
                                    syncButton(), signOutButton(), cancelButton()};
    for (QWidget *control : controls) {
        QVERIFY(control);
        QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName()));
        QVERIFY2(control->focusPolicy() & Qt::StrongFocus, qPrintable(control->objectName()));
    }
    QVERIFY(!keepRadio()->accessibleDescription().isEmpty());
    QVERIFY(!removeRadio()->accessibleDescription().isEmpty());
    const QList<QAbstractButton *> mnemonics{keepRadio(), removeRadio(), discardCheck(), syncButton(), signOutButton()};
    for (QAbstractButton *button : mnemonics)
        QVERIFY2(button->text().contains(u'&'), qPrintable(button->objectName()));

    // Nothing is chosen for the user, and nothing is waiting to be sent.
    QVERIFY(!keepRadio()->isChecked());
    QVERIFY(!removeRadio()->isChecked());
    QVERIFY(!signOutButton()->isEnabled());
    QCOMPARE(question()->focusWidget(), keepRadio());
    QVERIFY(!unsentLabel()->isVisible());
    QVERIFY(!discardCheck()->isVisible());
    QVERIFY(!syncButton()->isVisible());
    // Enter does nothing before a choice.
    QTest::keyClick(question(), Qt::Key_Return);
    QVERIFY(question()->isVisible());
    // The two choices are one stop of the Tab chain, then the buttons.
    QCOMPARE(Test::nextTabStop(keepRadio()), signOutButton());
    QCOMPARE(Test::nextTabStop(signOutButton()), cancelButton());
    // Space chooses, the arrows go from one choice to the other.
    QTest::keyClick(keepRadio(), Qt::Key_Space);
    QVERIFY(keepRadio()->isChecked());
    QVERIFY(signOutButton()->isEnabled());
    QTest::keyClick(keepRadio(), Qt::Key_Down);
    QVERIFY(removeRadio()->isChecked());
    QCOMPARE(question()->focusWidget(), removeRadio());
    QTest::keyClick(removeRadio(), Qt::Key_Up);
    QVERIFY(keepRadio()->isChecked());

    // Escape: still signed in, nothing removed.
    QTest::keyClick(question(), Qt::Key_Escape);
    QVERIFY(!question()->isVisible());
    QTest::qWait(100);
    QCOMPARE(m_client->session.state(), Sync::Session::State::SignedIn);
    QVERIFY(mainWindow()->isVisible());
    QVERIFY(QFile::exists(replica));
    QVERIFY(m_store->contains(tokenKey()));

    // Asked again, it starts with no choice.
    askToSignOut();
    press(keepRadio(), Qt::Key_Space);
    QVERIFY(signOutButton()->isEnabled());
    QTest::keyClick(question(), Qt::Key_Escape);
    askToSignOut();
    QVERIFY(!keepRadio()->isChecked());
    QVERIFY(!signOutButton()->isEnabled());
}

void TestSignOutDialog::removingDeletesTheCopyAndTheKeychainEntry()
{
    signIn();
    const QString replica = synced()->replicaPath();
    const QString folder = QFileInfo(replica).absolutePath();
    // The account's files are its user's alone.
    QCOMPARE(modeOf(folder), 0700);
    QCOMPARE(modeOf(replica), 0600);
    QCOMPARE(modeOf(replica + u"-wal"_s), 0600);
    QCOMPARE(modeOf(settingsFile()), 0600);
    // A file attached here is kept beside the replica.
    const QString blobs = Sync::ReplicaFiles::blobFolder(folder);
    QVERIFY(QDir().mkpath(blobs));
    const QString blob = blobs + u'/' + QString(64, u'a');
    {
        QFile file(blob);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a worksheet");
    }
    QVERIFY(m_store->contains(tokenKey()));

    askToSignOut();
    press(removeRadio(), Qt::Key_Space);
    QVERIFY(removeRadio()->isChecked());
    QVERIFY(signOutButton()->isEnabled());
    QTest::keyClick(question(), Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(loginDialog()->isVisible(), kTimeout);
    QVERIFY(!mainWindow()->isVisible());
    QVERIFY(!synced());
    QVERIFY(!Sync::ReplicaFiles::exists(replica));
    for (const QString &companion : Sync::ReplicaFiles::companions(replica))
        QVERIFY2(!QFile::exists(companion), qPrintable(companion));
    QVERIFY(!QFile::exists(blob));
    QTRY_VERIFY(!m_store->contains(tokenKey()));
    QCOMPARE(m_store->size(), 0);
    QVERIFY(!m_client->settings.contains(u"account/login"_s));
    QVERIFY(findChildNamed<QLineEdit>(loginDialog(), u"loginEdit"_s)->text().isEmpty());
    QVERIFY(loginDialog()->errorText().isEmpty());
}

void TestSignOutDialog::keepingLeavesTheCopyForTheNextSignIn()
{
    signIn();
    const QString replica = synced()->replicaPath();
    askToSignOut();
    press(keepRadio(), Qt::Key_Space);
    QTest::keyClick(question(), Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(loginDialog()->isVisible(), kTimeout);
    QVERIFY(QFile::exists(replica));
    QCOMPARE(modeOf(replica), 0600);
    // The session's token goes whatever the answer.
    QTRY_COMPARE(m_store->size(), 0);
    QVERIFY(!m_client->settings.contains(u"account/login"_s));

    // The next sign-in finds the copy: no first sync.
    m_client->controller.finish();
    m_client = std::make_unique<Test::ClientHarness>(settingsFile(), m_store.get());
    signIn();
    QCOMPARE(synced()->replicaPath(), replica);
}

void TestSignOutDialog::unsentChangesAreCountedAndNeedAConfirmation()
{
    signIn();
    const QString replica = synced()->replicaPath();
    changeAMarkOffline();

    askToSignOut();
    QVERIFY(unsentLabel()->isVisible());
    QVERIFY2(unsentLabel()->text().startsWith(u"1 change"_s), qPrintable(unsentLabel()->text()));
    QVERIFY(unsentLabel()->text().contains(u"not reached the server"_s));
    QCOMPARE(question()->pendingCount(), 1);
    QVERIFY(discardCheck()->isVisible());
    QVERIFY(!discardCheck()->isEnabled());

    // Keeping the copy keeps the change: nothing to confirm.
    press(keepRadio(), Qt::Key_Space);
    QVERIFY(signOutButton()->isEnabled());
    // Removing it waits for an explicit acceptance of the loss.
    press(removeRadio(), Qt::Key_Space);
    QVERIFY(removeRadio()->isChecked());
    QVERIFY(!signOutButton()->isEnabled());
    QTest::keyClick(question(), Qt::Key_Return);
    QVERIFY(question()->isVisible());
    QVERIFY(QFile::exists(replica));
    QVERIFY(discardCheck()->isEnabled());
    press(discardCheck(), Qt::Key_Space);
    QVERIFY(discardCheck()->isChecked());
    QVERIFY(signOutButton()->isEnabled());
    press(discardCheck(), Qt::Key_Space);
    QVERIFY(!signOutButton()->isEnabled());
    press(discardCheck(), Qt::Key_Space);
    QTest::keyClick(question(), Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(loginDialog()->isVisible(), kTimeout);
    QVERIFY(!Sync::ReplicaFiles::exists(replica));
    QTRY_COMPARE(m_store->size(), 0);
}

void TestSignOutDialog::synchronisingFirstSendsTheChanges()
{
    signIn();
    QTRY_VERIFY_WITH_TIMEOUT(m_client->monitor.isOnline(), kTimeout);
    const QString replica = synced()->replicaPath();
    changeAMarkOffline();

    askToSignOut();
    QVERIFY(syncButton()->isVisible());
    QVERIFY(syncButton()->isEnabled());
    QVERIFY(findChildNamed<QLabel>(question(), u"syncFirstHint"_s)->isVisible());
    press(syncButton(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!unsentLabel()->isVisible(), kSyncTimeout);
    QCOMPARE(question()->pendingCount(), 0);
    QCOMPARE(synced()->store().pendingCount().value(), 0);
    QVERIFY(!discardCheck()->isVisible());
    QTRY_COMPARE(findChildNamed<QLabel>(question(), u"statusLabel"_s)->text(),
                 u"Every change has reached the server."_s);
    QVERIFY(question()->isVisible());

    // Nothing is lost any more: removing needs no confirmation.
    press(removeRadio(), Qt::Key_Space);
    QVERIFY(signOutButton()->isEnabled());
    // Still a choice: Cancel keeps everything as it is.
    QTest::mouseClick(cancelButton(), Qt::LeftButton);
    QVERIFY(!question()->isVisible());
    QVERIFY(QFile::exists(replica));
    QCOMPARE(m_client->session.state(), Sync::Session::State::SignedIn);
}

void TestSignOutDialog::questionIsTranslated()
{
    signIn();
    changeAMarkOffline();
    Gui::TranslationLoader loader;
    QVERIFY(loader.load(QLocale(QLocale::English, QLocale::UnitedKingdom)));
    askToSignOut();
    QCOMPARE(unsentLabel()->text(),
             u"1 change made on this computer has not reached the server yet. Removing the copy loses it."_s);
    QTest::keyClick(question(), Qt::Key_Escape);

    QVERIFY(loader.load(QLocale(QLocale::French, QLocale::France)));
    askToSignOut();
    // The dialog follows the change of language once its event arrives.
    QTRY_COMPARE(question()->windowTitle(), u"Déconnexion – Cartable"_s);
    QCOMPARE(keepRadio()->text(), u"&Garder la copie hors ligne sur cet ordinateur"_s);
    QCOMPARE(removeRadio()->text(), u"&Supprimer la copie hors ligne de cet ordinateur"_s);
    QCOMPARE(unsentLabel()->text(), u"1 modification faite sur cet ordinateur n’a pas encore été envoyée au serveur. "
                                    "Supprimer la copie la ferait perdre."_s);
    QCOMPARE(signOutButton()->text(), u"Se &déconnecter"_s);
    QTest::keyClick(question(), Qt::Key_Escape);
    loader.unload();
}

QTEST_MAIN(TestSignOutDialog)
#include "tst_signoutdialog.moc"
