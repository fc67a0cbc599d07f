// The sign-in flow of the desktop client, driven through its real widgets
// against a real cartable-server.

#include "clientharness.h"
#include "widgettesting.h"

#include "app/login/logindialog.h"
#include "app/mainwindow/mainwindow.h"
#include "app/mainwindow/roleassignmentmodel.h"
#include "app/mainwindow/signoutdialog.h"
#include "app/mainwindow/workspaceshell.h"
#include "app/shell/translationloader.h"
#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Test::findChildNamed;
using Test::nextTabStop;

namespace {

constexpr int kTimeout = 15'000;

} // namespace

class TestLoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void controlsAreNamedAndReachableByKeyboard();
    void rememberMeIsOffByDefault();
    void signInShowsTheMainWindow();
    void enterKeySignsIn();
    void inputsAreDisabledWhileSigningIn();
    void wrongPasswordStaysOnTheDialog();
    void unreachableServerIsReported();
    void invalidAddressIsRefusedWithoutRequest_data();
    void invalidAddressIsRefusedWithoutRequest();
    void rememberMeKeepsTheTokenAndResumesAtStart();
    void withoutRememberMeQuittingRemovesTheToken();
    void signOutReturnsToTheDialog();
    void sessionEndedByTheServerReturnsToTheDialog();
    void staleTokenIsRemovedAtStart();
    void endedRememberedSessionLeavesNoLoginAtStart();
    void lastServerIsPrefilledButNotTheLogin();
    void loginKeptByAnOlderVersionIsErasedAtStart();
    void escapeQuits();
    void escapeAbandonsARunningSignIn();
    void frenchTranslationIsEmbedded();

private:
    QLineEdit *serverEdit() const { return findChildNamed<QLineEdit>(dialog(), u"serverEdit"_s); }
    QLineEdit *loginEdit() const { return findChildNamed<QLineEdit>(dialog(), u"loginEdit"_s); }
    QLineEdit *passwordEdit() const { return findChildNamed<QLineEdit>(dialog(), u"passwordEdit"_s); }
    QCheckBox *rememberCheck() const { return findChildNamed<QCheckBox>(dialog(), u"rememberCheck"_s); }
    QPushButton *signInButton() const { return findChildNamed<QPushButton>(dialog(), u"signInButton"_s); }
    QLabel *errorLabel() const { return findChildNamed<QLabel>(dialog(), u"errorLabel"_s); }
    Gui::LoginDialog *dialog() const { return m_client ? m_client->controller.loginDialog() : nullptr; }
    Gui::MainWindow *mainWindow() const { return m_client ? m_client->controller.mainWindow() : nullptr; }
    QString settingsFile() const { return m_dir->filePath(u"cartable.ini"_s); }
    QString serverText() const { return m_server.url().toString(); }
    QString tokenKey(const QString &login) const;

    void startClient();
    void fill(const QString &server, const QString &login, const QString &password, bool remember);
    void signInAsTeacher(bool remember);
    // Account › Sign out, keeping this computer's copy.
    void signOutKeepingTheCopy();

    Test::ServerProcess m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sync::MemoryCredentialStore> m_store;
    std::unique_ptr<Test::ClientHarness> m_client;
};

QString TestLoginDialog::tokenKey(const QString &login) const
{
    return Sync::credentialKey(m_server.url(), login);
}

void TestLoginDialog::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestLoginDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<Sync::MemoryCredentialStore>();
}

void TestLoginDialog::cleanup()
{
    if (m_client)
        m_client->controller.finish();
    m_client.reset();
    m_store.reset();
    m_dir.reset();
}

void TestLoginDialog::startClient()
{
    m_client = std::make_unique<Test::ClientHarness>(settingsFile(), m_store.get());
    m_client->controller.start();
    QTRY_VERIFY(dialog()->isVisible() || mainWindow()->isVisible());
}

void TestLoginDialog::fill(const QString &server, const QString &login, const QString &password, bool remember)
{
    QVERIFY(serverEdit() && loginEdit() && passwordEdit() && rememberCheck());
    serverEdit()->clear();
    QTest::keyClicks(serverEdit(), server);
    loginEdit()->clear();
    QTest::keyClicks(loginEdit(), login);
    passwordEdit()->clear();
    QTest::keyClicks(passwordEdit(), password);
    if (rememberCheck()->isChecked() != remember) {
        rememberCheck()->setFocus();
        QTest::keyClick(rememberCheck(), Qt::Key_Space);
    }
    QCOMPARE(rememberCheck()->isChecked(), remember);
}

void TestLoginDialog::signInAsTeacher(bool remember)
{
    startClient();
    fill(serverText(), QString::fromUtf16(Test::kTeacherLogin), QString::fromUtf16(Test::kDemoPassword), remember);
    QTest::mouseClick(signInButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(mainWindow()->isVisible(), kTimeout);
    QVERIFY(!dialog()->isVisible());
}

void TestLoginDialog::signOutKeepingTheCopy()
{
    mainWindow()->findChild<QAction *>(u"signOutAction"_s)->trigger();
    Gui::SignOutDialog *question = m_client->controller.signOutDialog();
    QTRY_VERIFY(question->isVisible());
    auto *keep = findChildNamed<QRadioButton>(question, u"keepCopyRadio"_s);
    QVERIFY(keep);
    keep->setFocus();
    QTest::keyClick(keep, Qt::Key_Space);
    QVERIFY(keep->isChecked());
    QTest::keyClick(question, Qt::Key_Return);
    QTRY_VERIFY(!question->isVisible());
}

void TestLoginDialog::controlsAreNamedAndReachableByKeyboard()
{
    startClient();
    const QList<QWidget *> inputs{serverEdit(), loginEdit(), passwordEdit(), rememberCheck(), signInButton()};
    for (QWidget *input : inputs) {
        QVERIFY(input);
        QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
        QVERIFY(input->focusPolicy() & Qt::TabFocus);
    }
    QVERIFY(errorLabel());
    // Tab goes through the form in reading order.
    for (qsizetype i = 0; i + 1 < inputs.size(); ++i)
        QCOMPARE(nextTabStop(inputs.at(i)), inputs.at(i + 1));
    // Each field has a label with a mnemonic that leads to it.
    for (QLineEdit *edit : {serverEdit(), loginEdit(), passwordEdit()}) {
        bool labelled = false;
        const QList<QLabel *> labels = dialog()->findChildren<QLabel *>();
        for (const QLabel *label : labels)
            labelled = labelled || (label->buddy() == edit && label->text().contains(u'&'));
        QVERIFY2(labelled, qPrintable(edit->objectName()));
    }
    QCOMPARE(passwordEdit()->echoMode(), QLineEdit::Password);
}

void TestLoginDialog::rememberMeIsOffByDefault()
{
    startClient();
    QVERIFY(!rememberCheck()->isChecked());
    QVERIFY(errorLabel()->isHidden());
}

void TestLoginDialog::signInShowsTheMainWindow()
{
    signInAsTeacher(false);
    // A teacher starts on his timetable; his account is a module of its own.
    Gui::WorkspaceShell *shell = mainWindow()->shell();
    QVERIFY(shell);
    QCOMPARE(shell->currentModule(), Gui::WorkspaceShell::Module::Timetable);
    // Ctrl+9: the ninth module of a teacher, after his documents and the
    // conflicts.
    QTest::keyClick(mainWindow(), Qt::Key_9, Qt::ControlModifier);
    QCOMPARE(shell->currentModule(), Gui::WorkspaceShell::Module::Account);
    auto *name = findChildNamed<QLabel>(mainWindow(), u"displayNameLabel"_s);
    auto *establishments = findChildNamed<QLabel>(mainWindow(), u"establishmentLabel"_s);
    auto *roles = findChildNamed<QTableView>(mainWindow(), u"rolesView"_s);
    QVERIFY(name && establishments && roles);
    QCOMPARE(name->text(), QString::fromUtf16(Test::kTeacherName));
    QVERIFY(name->isVisible());
    QVERIFY(establishments->text().contains(u"Lycée Victor-Hugo"_s));
    QVERIFY(establishments->text().contains(u"0751234J"_s));
    QVERIFY(establishments->text().contains(u"Collège Jean-Moulin"_s));
    QVERIFY(establishments->text().contains(u"0755678P"_s));
    QCOMPARE(roles->model()->rowCount(), 2);
    QCOMPARE(roles->model()->index(0, Gui::RoleAssignmentModel::RoleColumn).data().toString(), u"Teacher"_s);
    QVERIFY(mainWindow()->windowTitle().contains(QString::fromUtf16(Test::kTeacherName)));
    // Nothing secret is written to the settings.
    m_client->settings.sync();
    QFile ini(settingsFile());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray saved = ini.readAll();
    QVERIFY(saved.contains("prof.martin"));
    QVERIFY(!saved.contains(QString::fromUtf16(Test::kDemoPassword).toUtf8()));
    QVERIFY(!saved.contains(m_client->session.accessToken().toUtf8()));
    QVERIFY(!saved.contains(m_client->session.refreshToken().toUtf8()));
    QVERIFY(passwordEdit()->text().isEmpty());
}

void TestLoginDialog::enterKeySignsIn()
{
    startClient();
    fill(serverText(), QString::fromUtf16(Test::kTeacherLogin), QString::fromUtf16(Test::kDemoPassword), false);
    QTest::keyClick(passwordEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(mainWindow()->isVisible(), kTimeout);
}

void TestLoginDialog::inputsAreDisabledWhileSigningIn()
{
    startClient();
    fill(serverText(), QString::fromUtf16(Test::kTeacherLogin), QString::fromUtf16(Test::kDemoPassword), false);
    QTest::mouseClick(signInButton(), Qt::LeftButton);
    // The answer cannot have come yet: no event was processed since the click.
    QVERIFY(dialog()->isWaiting());
    QVERIFY(!serverEdit()->isEnabled());
    QVERIFY(!loginEdit()->isEnabled());
    QVERIFY(!passwordEdit()->isEnabled());
    QVERIFY(!signInButton()->isEnabled());
    QVERIFY(findChildNamed<QWidget>(dialog(), u"busyIndicator"_s)->isVisibleTo(dialog()));
    QTRY_VERIFY_WITH_TIMEOUT(mainWindow()->isVisible(), kTimeout);
    QVERIFY(!dialog()->isWaiting());
}

void TestLoginDialog::wrongPasswordStaysOnTheDialog()
{
    startClient();
    fill(serverText(), QString::fromUtf16(Test::kGuardianLogin), u"not the password"_s, false);
    QTest::mouseClick(signInButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isWaiting(), kTimeout);
    QCOMPARE(errorLabel()->text(), u"The login or the password is wrong."_s);
    QVERIFY(errorLabel()->isVisible());
    QVERIFY(passwordEdit()->text().isEmpty());
    QCOMPARE(loginEdit()->text(), QString::fromUtf16(Test::kGuardianLogin));
    QVERIFY(dialog()->isVisible());
    QVERIFY(!mainWindow()->isVisible());
    QVERIFY(passwordEdit()->isEnabled());
    QCOMPARE(m_store->size(), 0);
}

void TestLoginDialog::unreachableServerIsReported()
{
    const QUrl unreachable = Test::unreachableServerUrl();
    QVERIFY(unreachable.isValid());

    startClient();
    fill(unreachable.toString(), QString::fromUtf16(Test::kTeacherLogin), QString::fromUtf16(Test::kDemoPassword),
         false);
    QTest::mouseClick(signInButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isWaiting(), kTimeout);
    QCOMPARE(errorLabel()->text(), u"The server cannot be reached. Check the address and your connection."_s);
    QVERIFY(passwordEdit()->text().isEmpty());
    QVERIFY(!mainWindow()->isVisible());
}

void TestLoginDialog::invalidAddressIsRefusedWithoutRequest_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("ftp scheme") << u"ftp://ent.lycee.fr"_s;
    QTest::newRow("path") << u"http://ent.lycee.fr/cartable"_s;
    QTest::newRow("spaces") << u"ent lycee fr"_s;
    QTest::newRow("query") << u"https://ent.lycee.fr/?x=1"_s;
}

void TestLoginDialog::invalidAddressIsRefusedWithoutRequest()
{
    QFETCH(QString, address);
    startClient();
    QSignalSpy stateChanges(&m_client->session, &Sync::Session::stateChanged);
    fill(address, QString::fromUtf16(Test::kTeacherLogin), QString::fromUtf16(Test::kDemoPassword), false);
    QTest::mouseClick(signInButton(), Qt::LeftButton);
    QVERIFY(!dialog()->isWaiting());
    QVERIFY(errorLabel()->isVisible());
    QVERIFY(errorLabel()->text().startsWith(u"The server address is not valid."_s));
    QCOMPARE(dialog()->focusWidget(), serverEdit());
    QTest::qWait(50);
    QCOMPARE(stateChanges.count(), 0);
    QCOMPARE(m_client->session.state(), Sync::Session::State::SignedOut);
}

void TestLoginDialog::rememberMeKeepsTheTokenAndResumesAtStart()
{
    signInAsTeacher(true);
    const QString key = tokenKey(QString::fromUtf16(Test::kTeacherLogin));
    QVERIFY(m_store->contains(key));
    QCOMPARE(QString::fromUtf8(m_store->secret(key)), m_client->session.refreshToken());

    // Quitting keeps a remembered session, on this computer and on the server.
    m_client->controller.finish();
    QVERIFY(m_store->contains(key));
    m_client.reset();

    // The next start opens it again without asking anything.
    m_client = std::make_unique<Test::ClientHarness>(settingsFile(), m_store.get());
    m_client->controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(mainWindow()->isVisible(), kTimeout);
    QVERIFY(!dialog()->isVisible());
    QCOMPARE(findChildNamed<QLabel>(mainWindow(), u"displayNameLabel"_s)->text(),
             QString::fromUtf16(Test::kTeacherName));

    // Signing out forgets it.
    signOutKeepingTheCopy();
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->isVisible(), kTimeout);
    QCOMPARE(m_store->size(), 0);
    QVERIFY(!m_client->settings.value(u"account/remember"_s).toBool());
}

void TestLoginDialog::withoutRememberMeQuittingRemovesTheToken()
{
    signInAsTeacher(false);
    const QString key = tokenKey(QString::fromUtf16(Test::kTeacherLogin));
    const QString token = m_client->session.accessToken();
    QVERIFY(!token.isEmpty());
    QVERIFY(m_store->contains(key));

    QSignalSpy quit(&m_client->controller, &Gui::AppController::quitRequested);
    mainWindow()->findChild<QAction *>(u"quitAction"_s)->trigger();
    QCOMPARE(quit.count(), 1);
    m_client->controller.finish();
    QCOMPARE(m_store->size(), 0);
    QCOMPARE(m_client->session.state(), Sync::Session::State::SignedOut);

    // The session is closed on the server too.
    bool answered = false;
    Core::ErrorCode code = Core::ErrorCode::Internal;
    m_client->api.fetchProfile(m_server.url(), token, [&](Core::Result<Core::UserProfile> profile) {
        answered = true;
        if (!profile)
            code = profile.error().code;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, kTimeout);
    QVERIFY(code == Core::ErrorCode::Unauthenticated || code == Core::ErrorCode::SessionExpired);
}

void TestLoginDialog::signOutReturnsToTheDialog()
{
    signInAsTeacher(false);
    signOutKeepingTheCopy();
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->isVisible(), kTimeout);
    QVERIFY(!mainWindow()->isVisible());
    QCOMPARE(m_store->size(), 0);
    // The next person on this computer does not see who was here.
    QCOMPARE(serverEdit()->text(), serverText());
    QVERIFY(loginEdit()->text().isEmpty());
    QVERIFY(!m_client->settings.contains(u"account/login"_s));
    QVERIFY(passwordEdit()->text().isEmpty());
    QVERIFY(!rememberCheck()->isChecked());
    QVERIFY(loginEdit()->isEnabled());
}

void TestLoginDialog::sessionEndedByTheServerReturnsToTheDialog()
{
    signInAsTeacher(true);
    // Signed out from another device: every token of the session ends.
    QCOMPARE(Test::postJson(Test::endpoint(m_server.url(), u"/api/v1/auth/logout"_s), {},
                            m_client->session.accessToken())
                 .status,
             204);
    // The next call finds out, tries a refresh, and the session is over.
    bool answered = false;
    m_client->session.authorized<Core::UserProfile>(
        [this](const QString &token, Sync::ApiClient::Callback<Core::UserProfile> reply) {
            m_client->api.fetchProfile(m_server.url(), token, reply);
        },
        [&answered](Core::Result<Core::UserProfile>) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->isVisible(), kTimeout);
    QVERIFY(!mainWindow()->isVisible());
    QCOMPARE(errorLabel()->text(), u"Your session has expired. Sign in again."_s);
    QTRY_COMPARE(m_store->size(), 0);
    QVERIFY(!m_client->settings.value(u"account/remember"_s).toBool());
}

void TestLoginDialog::staleTokenIsRemovedAtStart()
{
    const QString key = tokenKey(QString::fromUtf16(Test::kTeacherLogin));
    {
        QSettings settings(settingsFile(), QSettings::IniFormat);
        settings.setValue(u"account/server"_s, serverText());
        settings.setValue(u"account/login"_s, QString::fromUtf16(Test::kTeacherLogin));
        settings.setValue(u"account/remember"_s, false);
    }
    bool written = false;
    m_store->write(key, "left over by a crash", [&](Core::Status status) { written = status.ok(); });
    QTRY_VERIFY(written);

    startClient();
    QTRY_COMPARE(m_store->size(), 0);
    QVERIFY(dialog()->isVisible());
    QVERIFY(!mainWindow()->isVisible());
}

void TestLoginDialog::endedRememberedSessionLeavesNoLoginAtStart()
{
    signInAsTeacher(true);
    const QString accessToken = m_client->session.accessToken();
    m_client->controller.finish();
    m_client.reset();
    // Signed out from another device while this one was closed.
    QCOMPARE(Test::postJson(Test::endpoint(m_server.url(), u"/api/v1/auth/logout"_s), {}, accessToken).status, 204);

    startClient();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isWaiting(), kTimeout);
    QVERIFY(!mainWindow()->isVisible());
    QVERIFY(errorLabel()->isVisible());
    QCOMPARE(serverEdit()->text(), serverText());
    QVERIFY(loginEdit()->text().isEmpty());
    QVERIFY(!rememberCheck()->isChecked());
    QVERIFY(!m_client->settings.contains(u"account/login"_s));
    QVERIFY(!m_client->settings.value(u"account/remember"_s).toBool());
    QTRY_COMPARE(m_store->size(), 0);
}

void TestLoginDialog::lastServerIsPrefilledButNotTheLogin()
{
    signInAsTeacher(false);
    m_client->controller.finish();
    m_client.reset();
    {
        const QSettings settings(settingsFile(), QSettings::IniFormat);
        QVERIFY(!settings.contains(u"account/login"_s));
    }

    startClient();
    QCOMPARE(serverEdit()->text(), serverText());
    QVERIFY(loginEdit()->text().isEmpty());
    QVERIFY(passwordEdit()->text().isEmpty());
    QVERIFY(!rememberCheck()->isChecked());
    QCOMPARE(dialog()->focusWidget(), loginEdit());
}

void TestLoginDialog::loginKeptByAnOlderVersionIsErasedAtStart()
{
    {
        QSettings settings(settingsFile(), QSettings::IniFormat);
        settings.setValue(u"account/server"_s, serverText());
        settings.setValue(u"account/login"_s, QString::fromUtf16(Test::kTeacherLogin));
        settings.setValue(u"account/remember"_s, false);
    }
    startClient();
    QCOMPARE(serverEdit()->text(), serverText());
    QVERIFY(loginEdit()->text().isEmpty());
    QVERIFY(!m_client->settings.contains(u"account/login"_s));
    QFile ini(settingsFile());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("prof.martin"));
    // The server address is no one's own: it stays.
    QCOMPARE(m_client->settings.value(u"account/server"_s).toString(), serverText());
}

void TestLoginDialog::escapeQuits()
{
    startClient();
    QSignalSpy quit(&m_client->controller, &Gui::AppController::quitRequested);
    QTest::keyClick(dialog(), Qt::Key_Escape);
    QCOMPARE(quit.count(), 1);
    QVERIFY(!dialog()->isVisible());
}

void TestLoginDialog::escapeAbandonsARunningSignIn()
{
    startClient();
    QSignalSpy quit(&m_client->controller, &Gui::AppController::quitRequested);
    fill(serverText(), QString::fromUtf16(Test::kTeacherLogin), QString::fromUtf16(Test::kDemoPassword), false);
    QTest::mouseClick(signInButton(), Qt::LeftButton);
    QVERIFY(dialog()->isWaiting());
    QTest::keyClick(dialog(), Qt::Key_Escape);
    QVERIFY(!dialog()->isWaiting());
    QVERIFY(dialog()->isVisible());
    QVERIFY(loginEdit()->isEnabled());
    QCOMPARE(errorLabel()->text(), u"Sign-in cancelled."_s);
    QCOMPARE(quit.count(), 0);

    // The server opens the session anyway; the client closes it at once.
    QSignalSpy signedOut(&m_client->session, &Sync::Session::signedOut);
    QTRY_COMPARE_WITH_TIMEOUT(signedOut.count(), 1, kTimeout);
    QCOMPARE(m_client->session.state(), Sync::Session::State::SignedOut);
    QCOMPARE(m_store->size(), 0);
    QVERIFY(!mainWindow()->isVisible());
    QVERIFY(dialog()->isVisible());
}

void TestLoginDialog::frenchTranslationIsEmbedded()
{
    QVERIFY(QFile::exists(u":/i18n/cartable_fr.qm"_s));
    startClient();
    QCOMPARE(signInButton()->text(), u"Sign &in"_s);

    {
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_fr.qm"_s));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        // The dialog already on screen follows the change of language.
        QTRY_COMPARE(signInButton()->text(), u"Se &connecter"_s);
        QCOMPARE(rememberCheck()->text(), u"Se &souvenir de moi"_s);
        QCoreApplication::removeTranslator(&translator);
    }
    QTRY_COMPARE(signInButton()->text(), u"Sign &in"_s);

    // What main() does on a French system.
    Gui::TranslationLoader loader;
    QVERIFY(loader.load(QLocale(QLocale::French, QLocale::France)));
    QTRY_COMPARE(signInButton()->text(), u"Se &connecter"_s);
    fill(serverText(), QString::fromUtf16(Test::kGuardianLogin), u"not the password"_s, false);
    QTest::mouseClick(signInButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isWaiting(), kTimeout);
    QCOMPARE(errorLabel()->text(), u"L’identifiant ou le mot de passe est incorrect."_s);
    loader.unload();
    QTRY_COMPARE(signInButton()->text(), u"Sign &in"_s);
    // English keeps its texts and gets its plurals right.
    QVERIFY(loader.load(QLocale(QLocale::English, QLocale::UnitedKingdom)));
    QCOMPARE(signInButton()->text(), u"Sign &in"_s);
    QCOMPARE(QCoreApplication::translate("Cartable::Gui::ErrorMessages",
                                         "Too many failed sign-ins. Try again in %n minute(s).", nullptr, 2),
             u"Too many failed sign-ins. Try again in 2 minutes."_s);
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
