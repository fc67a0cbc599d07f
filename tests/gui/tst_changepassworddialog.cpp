// Choosing a password after a temporary one, and changing it from the main
// window, driven through the real widgets against a real cartable-server.

#include "clientharness.h"
#include "widgettesting.h"

#include "app/login/changepassworddialog.h"
#include "app/login/logindialog.h"
#include "app/mainwindow/mainwindow.h"
#include "app/shell/translationloader.h"
#include "tests/support/serverprocess.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Mode = Gui::ChangePasswordDialog::Mode;
using Test::findChildNamed;
using Test::retype;

namespace {

constexpr int kTimeout = 15'000;
const QString kLogin = u"eleve.emma"_s;
const QString kNewPassword = u"Cerf-volant 2024"_s;
const QString kOtherPassword = u"Haute maree 17"_s;

} // namespace

class TestChangePasswordDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void temporaryPasswordAsksForANewOne();
    void weakPasswordIsRefusedWithoutRequest_data();
    void weakPasswordIsRefusedWithoutRequest();
    void mismatchedConfirmationIsShownAndNotSent();
    void wrongCurrentPasswordIsReported();
    void goodChangeShowsTheMainWindow();
    void resumedSessionStillAsksForANewPassword();
    void cancelSignsOutAndReturnsToTheSignIn();
    void voluntaryChangeFromTheMainWindow();
    void frenchTranslationIsEmbedded();

private:
    Gui::ChangePasswordDialog *dialog() const
    {
        return m_client ? m_client->controller.changePasswordDialog() : nullptr;
    }
    Gui::LoginDialog *loginDialog() const { return m_client ? m_client->controller.loginDialog() : nullptr; }
    Gui::MainWindow *mainWindow() const { return m_client ? m_client->controller.mainWindow() : nullptr; }
    QLineEdit *currentEdit() const { return findChildNamed<QLineEdit>(dialog(), u"currentPasswordEdit"_s); }
    QLineEdit *newEdit() const { return findChildNamed<QLineEdit>(dialog(), u"newPasswordEdit"_s); }
    QLineEdit *confirmEdit() const { return findChildNamed<QLineEdit>(dialog(), u"confirmPasswordEdit"_s); }
    QPushButton *changeButton() const { return findChildNamed<QPushButton>(dialog(), u"changeButton"_s); }
    QPushButton *cancelButton() const { return findChildNamed<QPushButton>(dialog(), u"cancelButton"_s); }
    QLabel *errorLabel() const { return findChildNamed<QLabel>(dialog(), u"passwordErrorLabel"_s); }
    QLabel *dialogLabel(const QString &name) const { return findChildNamed<QLabel>(dialog(), name); }

    // Each says whether it got there, for the test to QVERIFY.
    bool startClient();
    bool signInWithTemporaryPassword(bool remember = false);
    void type(const QString &current, const QString &newPassword, const QString &confirmation);
    bool chooseFirstPassword();
    Core::Result<Core::LoginResponse> loginWith(const QString &password);
    Core::Result<Core::UserProfile> profileWith(const QString &accessToken);

    Test::ServerProcess m_server;
    QString m_temporary;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sync::MemoryCredentialStore> m_store;
    std::unique_ptr<Test::ClientHarness> m_client;
};

void TestChangePasswordDialog::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestChangePasswordDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<Sync::MemoryCredentialStore>();
}

void TestChangePasswordDialog::cleanup()
{
    if (m_client)
        m_client->controller.finish();
    m_client.reset();
    m_store.reset();
    m_dir.reset();
}

bool TestChangePasswordDialog::startClient()
{
    m_client = std::make_unique<Test::ClientHarness>(m_dir->filePath(u"cartable.ini"_s), m_store.get());
    m_client->controller.start();
    return QTest::qWaitFor([this] { return loginDialog()->isVisible() || mainWindow()->isVisible(); });
}

bool TestChangePasswordDialog::signInWithTemporaryPassword(bool remember)
{
    // What an administrator does for a new or locked-out account.
    m_temporary = m_server.resetPassword(kLogin);
    if (m_temporary.isEmpty()) {
        qWarning() << "no temporary password:" << m_server.errorString();
        return false;
    }
    if (!startClient())
        return false;
    QWidget *login = loginDialog();
    retype(findChildNamed<QLineEdit>(login, u"serverEdit"_s), m_server.url().toString());
    retype(findChildNamed<QLineEdit>(login, u"loginEdit"_s), kLogin);
    retype(findChildNamed<QLineEdit>(login, u"passwordEdit"_s), m_temporary);
    findChildNamed<QCheckBox>(login, u"rememberCheck"_s)->setChecked(remember);
    QTest::mouseClick(findChildNamed<QPushButton>(login, u"signInButton"_s), Qt::LeftButton);
    return QTest::qWaitFor([this] { return dialog()->isVisible(); }, kTimeout) && !loginDialog()->isVisible()
           && !mainWindow()->isVisible();
}

void TestChangePasswordDialog::type(const QString &current, const QString &newPassword, const QString &confirmation)
{
    retype(currentEdit(), current);
    retype(newEdit(), newPassword);
    retype(confirmEdit(), confirmation);
}

bool TestChangePasswordDialog::chooseFirstPassword()
{
    if (!signInWithTemporaryPassword())
        return false;
    type(m_temporary, kNewPassword, kNewPassword);
    QTest::mouseClick(changeButton(), Qt::LeftButton);
    return QTest::qWaitFor([this] { return mainWindow()->isVisible(); }, kTimeout) && !dialog()->isVisible();
}

Core::Result<Core::LoginResponse> TestChangePasswordDialog::loginWith(const QString &password)
{
    return Test::answerOf<Core::LoginResponse>(
        [this, password](Sync::ApiClient::Callback<Core::LoginResponse> done) {
            m_client->api.login(m_server.url(), Core::LoginRequest{kLogin, password}, std::move(done));
        },
        kTimeout);
}

Core::Result<Core::UserProfile> TestChangePasswordDialog::profileWith(const QString &accessToken)
{
    return Test::answerOf<Core::UserProfile>(
        [this, accessToken](Sync::ApiClient::Callback<Core::UserProfile> done) {
            m_client->api.fetchProfile(m_server.url(), accessToken, std::move(done));
        },
        kTimeout);
}

void TestChangePasswordDialog::temporaryPasswordAsksForANewOne()
{
    QVERIFY(signInWithTemporaryPassword());
    QVERIFY(m_client->session.passwordChangeRequired());
    QCOMPARE(dialog()->mode(), Mode::Required);
    QCOMPARE(dialogLabel(u"titleLabel"_s)->text(), u"Choose your password"_s);
    QVERIFY(dialog()->windowTitle().startsWith(u"Choose your password"_s));
    QVERIFY(dialogLabel(u"introLabel"_s)->text().contains(u"temporary password"_s));
    // The plural of English comes from cartable_en.qm, which an English system does not load.
    QVERIFY(dialogLabel(u"rulesLabel"_s)->text().startsWith(u"At least 8 character"_s));
    QCOMPARE(cancelButton()->text(), u"Cancel and sign out"_s);
    QCOMPARE(dialog()->focusWidget(), currentEdit());
    QVERIFY(errorLabel()->isHidden());
    // Nothing of the account is shown until the password is replaced.
    QTest::qWait(100);
    QVERIFY(!mainWindow()->isVisible());

    // Every control is named, and reachable and labelled for the keyboard.
    const QList<QWidget *> inputs{currentEdit(), newEdit(), confirmEdit(), changeButton(), cancelButton()};
    for (QWidget *input : inputs) {
        QVERIFY(input);
        QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(input->objectName()));
        QVERIFY(input->focusPolicy() & Qt::TabFocus);
    }
    for (qsizetype i = 0; i + 1 < inputs.size(); ++i)
        QCOMPARE(Test::nextTabStop(inputs.at(i)), inputs.at(i + 1));
    const QList<QLabel *> labels = dialog()->findChildren<QLabel *>();
    for (QLineEdit *edit : {currentEdit(), newEdit(), confirmEdit()}) {
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        bool labelled = false;
        for (const QLabel *label : labels)
            labelled = labelled || (label->buddy() == edit && label->text().contains(u'&'));
        QVERIFY2(labelled, qPrintable(edit->objectName()));
    }
    QVERIFY(changeButton()->isDefault());
    QVERIFY(!newEdit()->accessibleDescription().isEmpty());
}

void TestChangePasswordDialog::weakPasswordIsRefusedWithoutRequest_data()
{
    QTest::addColumn<QString>("newPassword");
    QTest::addColumn<QString>("sentence");
    const QString tooShort = u"The new password is too short: use at least 8 character"_s;
    const QString withLogin = u"The new password must not contain your login."_s;
    QTest::newRow("too short") << u"court42"_s << tooShort;
    QTest::newRow("empty") << QString() << tooShort;
    QTest::newRow("contains the login") << u"moi-eleve.emma"_s << withLogin;
    QTest::newRow("login in capitals") << u"ELEVE.EMMA.2024"_s << withLogin;
    // "=" stands for the temporary password itself.
    QTest::newRow("unchanged") << u"="_s << u"The new password must differ from the current one."_s;
}

void TestChangePasswordDialog::weakPasswordIsRefusedWithoutRequest()
{
    QFETCH(QString, newPassword);
    QFETCH(QString, sentence);
    QVERIFY(signInWithTemporaryPassword());
    if (newPassword == u"="_s)
        newPassword = m_temporary;
    QSignalSpy replies(&m_client->network, &QNetworkAccessManager::finished);
    type(m_temporary, newPassword, newPassword);
    QTest::mouseClick(changeButton(), Qt::LeftButton);
    // Refused at once: no answer to wait for.
    QVERIFY(!dialog()->isWaiting());
    QVERIFY2(errorLabel()->text().startsWith(sentence), qPrintable(errorLabel()->text()));
    QVERIFY(errorLabel()->isVisible());
    // Only the new password is to type again.
    QCOMPARE(currentEdit()->text(), m_temporary);
    QVERIFY(newEdit()->text().isEmpty());
    QVERIFY(confirmEdit()->text().isEmpty());
    QCOMPARE(dialog()->focusWidget(), newEdit());
    QTest::qWait(200);
    QCOMPARE(replies.count(), 0);
    QVERIFY(m_client->session.passwordChangeRequired());
    QVERIFY(dialog()->isVisible());
}

void TestChangePasswordDialog::mismatchedConfirmationIsShownAndNotSent()
{
    QVERIFY(signInWithTemporaryPassword());
    QLabel *hint = dialogLabel(u"mismatchHint"_s);
    type(m_temporary, kNewPassword, u"Cerf-vol"_s);
    // Still being typed: not a mismatch yet.
    QVERIFY(hint->isHidden());
    QTest::keyClicks(confirmEdit(), u"ant 2025"_s);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"The two new passwords differ."_s);

    QSignalSpy replies(&m_client->network, &QNetworkAccessManager::finished);
    QSignalSpy failures(&m_client->session, &Sync::Session::passwordChangeFailed);
    QTest::mouseClick(changeButton(), Qt::LeftButton);
    QVERIFY(!dialog()->isWaiting());
    QCOMPARE(errorLabel()->text(), u"The two new passwords differ."_s);
    QCOMPARE(dialog()->focusWidget(), confirmEdit());
    QTest::qWait(200);
    QCOMPARE(replies.count(), 0);
    QCOMPARE(failures.count(), 0);

    retype(confirmEdit(), kNewPassword);
    QVERIFY(hint->isHidden());
}

void TestChangePasswordDialog::wrongCurrentPasswordIsReported()
{
    QVERIFY(signInWithTemporaryPassword());
    type(u"not-the-temporary-one"_s, kNewPassword, kNewPassword);
    QTest::mouseClick(changeButton(), Qt::LeftButton);
    QVERIFY(dialog()->isWaiting());
    for (QWidget *input : QList<QWidget *>{currentEdit(), newEdit(), confirmEdit(), changeButton(), cancelButton()})
        QVERIFY2(!input->isEnabled(), qPrintable(input->objectName()));
    QVERIFY(findChildNamed<QWidget>(dialog(), u"busyIndicator"_s)->isVisible());
    // Escape cannot call back a change already sent.
    QTest::keyClick(dialog(), Qt::Key_Escape);
    QVERIFY(dialog()->isVisible());

    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isWaiting(), kTimeout);
    QCOMPARE(errorLabel()->text(), u"The current password is wrong."_s);
    QVERIFY(currentEdit()->text().isEmpty());
    QVERIFY(newEdit()->text().isEmpty());
    QVERIFY(confirmEdit()->text().isEmpty());
    QVERIFY(currentEdit()->isEnabled());
    QCOMPARE(dialog()->focusWidget(), currentEdit());
    QVERIFY(dialog()->isVisible());
    QVERIFY(!mainWindow()->isVisible());
    QVERIFY(m_client->session.passwordChangeRequired());
}

void TestChangePasswordDialog::goodChangeShowsTheMainWindow()
{
    QVERIFY(signInWithTemporaryPassword());
    type(m_temporary, kNewPassword, kNewPassword);
    // Enter changes the password.
    QTest::keyClick(confirmEdit(), Qt::Key_Return);
    QVERIFY(dialog()->isWaiting());
    QTRY_VERIFY_WITH_TIMEOUT(mainWindow()->isVisible(), kTimeout);
    QVERIFY(!dialog()->isVisible());
    QVERIFY(!dialog()->isWaiting());
    QVERIFY(currentEdit()->text().isEmpty());
    QVERIFY(!m_client->session.passwordChangeRequired());
    QCOMPARE(findChildNamed<QLabel>(mainWindow(), u"displayNameLabel"_s)->text(), u"Emma Dubois"_s);
    // The session goes on with its new tokens, kept in the store.
    const QString key = Sync::credentialKey(m_server.url(), kLogin);
    QCOMPARE(QString::fromUtf8(m_store->secret(key)), m_client->session.refreshToken());

    const Core::Result<Core::LoginResponse> fresh = loginWith(kNewPassword);
    QVERIFY(fresh.ok());
    QVERIFY(!fresh->tokens.passwordChangeRequired);
    const Core::Result<Core::LoginResponse> old = loginWith(m_temporary);
    QVERIFY(!old.ok());
    QCOMPARE(old.error().code, Core::ErrorCode::InvalidCredentials);
}

void TestChangePasswordDialog::resumedSessionStillAsksForANewPassword()
{
    QVERIFY(signInWithTemporaryPassword(true));
    m_client->controller.finish();
    m_client.reset();

    QVERIFY(startClient());
    QTRY_VERIFY_WITH_TIMEOUT(dialog()->isVisible(), kTimeout);
    QCOMPARE(dialog()->mode(), Mode::Required);
    QVERIFY(!mainWindow()->isVisible());
    type(m_temporary, kNewPassword, kNewPassword);
    QTest::mouseClick(changeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(mainWindow()->isVisible(), kTimeout);
}

void TestChangePasswordDialog::cancelSignsOutAndReturnsToTheSignIn()
{
    QVERIFY(signInWithTemporaryPassword());
    QTest::keyClicks(currentEdit(), m_temporary);
    QTest::keyClick(dialog(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(loginDialog()->isVisible(), kTimeout);
    QVERIFY(!dialog()->isVisible());
    QVERIFY(!mainWindow()->isVisible());
    QCOMPARE(m_client->session.state(), Sync::Session::State::SignedOut);
    QCOMPARE(m_store->size(), 0);
    QVERIFY(currentEdit()->text().isEmpty());
    // The next person on this computer does not see who was here.
    QVERIFY(findChildNamed<QLineEdit>(loginDialog(), u"loginEdit"_s)->text().isEmpty());
    // The temporary password still opens the account, and still asks for a new one.
    const Core::Result<Core::LoginResponse> again = loginWith(m_temporary);
    QVERIFY(again.ok());
    QVERIFY(again->tokens.passwordChangeRequired);
}

void TestChangePasswordDialog::voluntaryChangeFromTheMainWindow()
{
    QVERIFY(chooseFirstPassword());
    // Another device signed in to the same account.
    const Core::Result<Core::LoginResponse> elsewhere = loginWith(kNewPassword);
    QVERIFY(elsewhere.ok());

    auto *action = mainWindow()->findChild<QAction *>(u"changePasswordAction"_s);
    QVERIFY(action);
    QCOMPARE(action->text(), u"Change &password…"_s);
    action->trigger();
    QTRY_VERIFY(dialog()->isVisible());
    QCOMPARE(dialog()->mode(), Mode::Voluntary);
    QCOMPARE(dialogLabel(u"titleLabel"_s)->text(), u"Change your password"_s);
    QVERIFY(mainWindow()->isVisible());
    // Cancel only closes the dialog.
    QTest::keyClicks(currentEdit(), kNewPassword);
    QTest::mouseClick(cancelButton(), Qt::LeftButton);
    QVERIFY(!dialog()->isVisible());
    QVERIFY(currentEdit()->text().isEmpty());
    QTest::qWait(100);
    QVERIFY(mainWindow()->isVisible());
    QVERIFY(m_client->session.isSignedIn());

    action->trigger();
    QTRY_VERIFY(dialog()->isVisible());
    type(kNewPassword, kOtherPassword, kOtherPassword);
    QTest::mouseClick(changeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isVisible(), kTimeout);
    QVERIFY(mainWindow()->isVisible());
    QCOMPARE(mainWindow()->statusBar()->currentMessage(), u"Password changed. Your other sessions are closed."_s);
    QVERIFY(m_client->session.isSignedIn());

    // The other device has lost its session; this one has not.
    const Core::Result<Core::UserProfile> other = profileWith(elsewhere->tokens.accessToken);
    QVERIFY(!other.ok());
    QCOMPARE(other.error().code, Core::ErrorCode::SessionExpired);
    QVERIFY(profileWith(m_client->session.accessToken()).ok());
    QVERIFY(loginWith(kOtherPassword).ok());
}

void TestChangePasswordDialog::frenchTranslationIsEmbedded()
{
    // What main() does on a French system.
    Gui::TranslationLoader loader;
    QVERIFY(loader.load(QLocale(QLocale::French, QLocale::France)));
    QVERIFY(signInWithTemporaryPassword());
    QCOMPARE(dialogLabel(u"titleLabel"_s)->text(), u"Choisissez votre mot de passe"_s);
    QVERIFY(dialog()->windowTitle().startsWith(u"Choisissez votre mot de passe"_s));
    QCOMPARE(dialogLabel(u"rulesLabel"_s)->text(), u"Au moins 8 caractères, sans votre identifiant."_s);
    QCOMPARE(mainWindow()->findChild<QAction *>(u"changePasswordAction"_s)->text(), u"Changer le mot de &passe…"_s);
    type(m_temporary, u"court"_s, u"court"_s);
    QTest::mouseClick(changeButton(), Qt::LeftButton);
    QCOMPARE(errorLabel()->text(), u"Le nouveau mot de passe est trop court\u00a0: utilisez au moins 8 caractères."_s);
    loader.unload();
    QTRY_COMPARE(dialogLabel(u"titleLabel"_s)->text(), u"Choose your password"_s);
}

QTEST_MAIN(TestChangePasswordDialog)
#include "tst_changepassworddialog.moc"
