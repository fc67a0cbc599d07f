#include "logindialog.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "core/authmessages.h"
#include "sync/serverurl.h"
#include "sync/session.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

LoginDialog::LoginDialog(Sync::Session *session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(u"loginDialog"_s);
    setWindowIcon(QIcon(u":/icons/cartable-64.png"_s));
    buildUi();
    retranslateUi();

    connect(m_signInButton, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_quitButton, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_session, &Sync::Session::signedIn, this, &LoginDialog::onSignedIn);
    connect(m_session, &Sync::Session::signInFailed, this, &LoginDialog::onSignInFailed);
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::buildUi()
{
    QHBoxLayout *header = createDialogHeader(this, m_titleLabel, m_introLabel);

    m_serverEdit = new QLineEdit(this);
    m_serverEdit->setObjectName(u"serverEdit"_s);
    m_serverEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_loginEdit = new QLineEdit(this);
    m_loginEdit->setObjectName(u"loginEdit"_s);
    m_loginEdit->setMaxLength(Core::kMaxLoginLength);
    m_loginEdit->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(u"passwordEdit"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setMaxLength(Core::kMaxPasswordLength);
    m_passwordEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);

    m_serverLabel = new QLabel(this);
    m_serverLabel->setBuddy(m_serverEdit);
    m_loginLabel = new QLabel(this);
    m_loginLabel->setBuddy(m_loginEdit);
    m_passwordLabel = new QLabel(this);
    m_passwordLabel->setBuddy(m_passwordEdit);

    m_rememberCheck = new QCheckBox(this);
    m_rememberCheck->setObjectName(u"rememberCheck"_s);
    m_rememberCheck->setChecked(false);
    m_rememberHint = new QLabel(this);
    m_rememberHint->setWordWrap(true);
    m_rememberHint->setForegroundRole(QPalette::PlaceholderText);
    auto *rememberBox = new QVBoxLayout;
    rememberBox->setSpacing(2);
    rememberBox->addWidget(m_rememberCheck);
    rememberBox->addWidget(m_rememberHint);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setVerticalSpacing(10);
    form->addRow(m_serverLabel, m_serverEdit);
    form->addRow(m_loginLabel, m_loginEdit);
    form->addRow(m_passwordLabel, m_passwordEdit);
    form->addRow(QString(), rememberBox);

    const DialogFrame frame = buildDialogFrame(this, header, form, u"errorLabel"_s);
    m_errorLabel = frame.error;
    m_statusLabel = frame.status;
    m_busyBar = frame.busy;
    m_buttons = frame.buttons;
    m_signInButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setDefault(true);
    m_quitButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_quitButton->setObjectName(u"quitButton"_s);
    m_quitButton->setAutoDefault(false);

    setTabOrder(m_serverEdit, m_loginEdit);
    setTabOrder(m_loginEdit, m_passwordEdit);
    setTabOrder(m_passwordEdit, m_rememberCheck);
    setTabOrder(m_rememberCheck, m_signInButton);
    setTabOrder(m_signInButton, m_quitButton);

    setMinimumWidth(460);
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in – Cartable"));
    m_titleLabel->setText(tr("Sign in to Cartable"));
    m_introLabel->setText(tr("Your school gives you the address of its server, your login and your password."));
    m_serverLabel->setText(tr("&Server address:"));
    m_serverEdit->setPlaceholderText(tr("ent.school.example", "an example of server address"));
    m_serverEdit->setAccessibleName(tr("Server address"));
    m_loginLabel->setText(tr("&Login:"));
    m_loginEdit->setPlaceholderText(tr("firstname.lastname"));
    m_loginEdit->setAccessibleName(tr("Login"));
    m_passwordLabel->setText(tr("&Password:"));
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_rememberCheck->setText(tr("&Remember me"));
    m_rememberCheck->setAccessibleName(tr("Remember me"));
    m_rememberHint->setText(tr("Stay signed in after quitting. Leave this off on a computer that others use."));
    m_rememberCheck->setAccessibleDescription(m_rememberHint->text());
    m_errorLabel->setAccessibleName(tr("Sign-in problem"));
    m_busyBar->setAccessibleName(tr("Signing in"));
    m_signInButton->setText(tr("Sign &in"));
    m_signInButton->setAccessibleName(tr("Sign in"));
    m_quitButton->setText(m_waiting ? tr("Cancel") : tr("&Quit"));
    m_quitButton->setAccessibleName(m_waiting ? tr("Cancel the sign-in") : tr("Quit Cartable"));
    if (m_waiting)
        m_statusLabel->setText(m_resuming ? tr("Opening your remembered session…") : tr("Signing in…"));
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::prefill(const QString &server)
{
    m_serverEdit->setText(server);
    m_loginEdit->clear();
    m_passwordEdit->clear();
    m_rememberCheck->setChecked(false);
    focusFirstEmptyField();
}

QString LoginDialog::serverText() const
{
    return m_serverEdit->text();
}

QString LoginDialog::loginText() const
{
    return m_loginEdit->text();
}

bool LoginDialog::rememberMe() const
{
    return m_rememberCheck->isChecked();
}

QString LoginDialog::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void LoginDialog::focusFirstEmptyField()
{
    if (m_serverEdit->text().isEmpty())
        m_serverEdit->setFocus(Qt::OtherFocusReason);
    else if (m_loginEdit->text().isEmpty())
        m_loginEdit->setFocus(Qt::OtherFocusReason);
    else
        m_passwordEdit->setFocus(Qt::OtherFocusReason);
}

void LoginDialog::signIn()
{
    if (m_waiting || !m_session)
        return;
    const Core::Result<QUrl> server = Sync::normalizeServerUrl(m_serverEdit->text());
    if (!server) {
        showError(ErrorMessages::invalidServerAddress());
        m_serverEdit->setFocus(Qt::OtherFocusReason);
        m_serverEdit->selectAll();
        return;
    }
    // Logins are lower-case; people type them as they like.
    const QString login = m_loginEdit->text().trimmed().toLower();
    if (login.isEmpty()) {
        showError(tr("Type your login."));
        m_loginEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!Core::isValidLogin(login)) {
        showError(tr("A login is made of lower-case letters, digits, dots, hyphens and underscores."));
        m_loginEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_passwordEdit->text().isEmpty()) {
        showError(tr("Type your password."));
        m_passwordEdit->setFocus(Qt::OtherFocusReason);
        return;
    }

    m_serverEdit->setText(server->toString());
    m_loginEdit->setText(login);
    m_abandoned = false;
    m_resuming = false;
    clearError();
    setWaiting(true);
    m_session->signIn(*server, login, m_passwordEdit->text());
}

void LoginDialog::resume(const QUrl &server, const QString &login)
{
    if (!m_session)
        return;
    m_serverEdit->setText(server.toString());
    m_loginEdit->setText(login);
    m_passwordEdit->clear();
    m_rememberCheck->setChecked(true);
    m_abandoned = false;
    m_resuming = true;
    clearError();
    setWaiting(true);
    m_session->resume(server, login);
}

void LoginDialog::onSignedIn()
{
    if (!m_waiting) {
        if (m_abandoned && m_session) {
            // The user gave up on this attempt: do not leave it open.
            m_abandoned = false;
            m_session->signOut();
        }
        return;
    }
    m_passwordEdit->clear();
    setWaiting(false);
    accept();
}

void LoginDialog::onSignInFailed(const Core::Error &error)
{
    if (!m_waiting) {
        m_abandoned = false;
        return;
    }
    m_passwordEdit->clear();
    setWaiting(false);
    showError(ErrorMessages::signInFailure(error));
    if (error.code == Core::ErrorCode::ServerUnreachable || error.code == Core::ErrorCode::InvalidServerResponse)
        m_serverEdit->setFocus(Qt::OtherFocusReason);
    else
        m_passwordEdit->setFocus(Qt::OtherFocusReason);
}

void LoginDialog::reject()
{
    if (m_waiting) {
        m_abandoned = true;
        m_passwordEdit->clear();
        setWaiting(false);
        showError(tr("Sign-in cancelled."));
        focusFirstEmptyField();
        return;
    }
    QDialog::reject();
}

void LoginDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    const QList<QWidget *> inputs{m_serverEdit, m_loginEdit, m_passwordEdit, m_rememberCheck, m_signInButton};
    for (QWidget *input : inputs)
        input->setEnabled(!waiting);
    m_statusLabel->setVisible(waiting);
    m_busyBar->setVisible(waiting);
    if (waiting) {
        setCursor(Qt::BusyCursor);
        m_quitButton->setFocus(Qt::OtherFocusReason);
    } else {
        unsetCursor();
    }
    retranslateUi();
}

void LoginDialog::explain(const Core::Error &error)
{
    showError(ErrorMessages::signInFailure(error));
    focusFirstEmptyField();
}

void LoginDialog::showProblem(const QString &sentence)
{
    showError(sentence);
}

void LoginDialog::showError(const QString &sentence)
{
    showAlert(m_errorLabel, sentence);
}

void LoginDialog::clearError()
{
    clearAlert(m_errorLabel);
}

} // namespace Cartable::Gui
