#include "changepassworddialog.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "core/authmessages.h"
#include "core/passwordpolicy.h"
#include "sync/session.h"

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

namespace {

QLineEdit *makePasswordEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMaxLength(Core::kMaxPasswordLength);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}

QLabel *makeNoteLabel(const QString &name, QWidget *parent)
{
    // Not wrapped: under a field of the form, a wrapped label is given the
    // height of one line and loses the rest.
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(Sync::Session *session, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(u"changePasswordDialog"_s);
    setWindowIcon(QIcon(u":/icons/cartable-64.png"_s));
    buildUi();
    retranslateUi();

    connect(m_changeButton, &QPushButton::clicked, this, &ChangePasswordDialog::change);
    connect(m_cancelButton, &QPushButton::clicked, this, &ChangePasswordDialog::reject);
    connect(m_newEdit, &QLineEdit::textChanged, this, &ChangePasswordDialog::updateMismatchHint);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &ChangePasswordDialog::updateMismatchHint);
    connect(m_session, &Sync::Session::passwordChanged, this, &ChangePasswordDialog::onPasswordChanged);
    connect(m_session, &Sync::Session::passwordChangeFailed, this, &ChangePasswordDialog::onPasswordChangeFailed);
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

void ChangePasswordDialog::buildUi()
{
    QHBoxLayout *header = createDialogHeader(this, m_titleLabel, m_introLabel);

    m_currentEdit = makePasswordEdit(u"currentPasswordEdit"_s, this);
    m_newEdit = makePasswordEdit(u"newPasswordEdit"_s, this);
    m_confirmEdit = makePasswordEdit(u"confirmPasswordEdit"_s, this);
    m_currentLabel = new QLabel(this);
    m_currentLabel->setBuddy(m_currentEdit);
    m_newLabel = new QLabel(this);
    m_newLabel->setBuddy(m_newEdit);
    m_confirmLabel = new QLabel(this);
    m_confirmLabel->setBuddy(m_confirmEdit);
    m_rulesLabel = makeNoteLabel(u"rulesLabel"_s, this);
    m_mismatchHint = makeNoteLabel(u"mismatchHint"_s, this);
    m_mismatchHint->hide();

    auto *newBox = new QVBoxLayout;
    newBox->setSpacing(2);
    newBox->addWidget(m_newEdit);
    newBox->addWidget(m_rulesLabel);
    auto *confirmBox = new QVBoxLayout;
    confirmBox->setSpacing(2);
    confirmBox->addWidget(m_confirmEdit);
    confirmBox->addWidget(m_mismatchHint);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setVerticalSpacing(10);
    form->addRow(m_currentLabel, m_currentEdit);
    form->addRow(m_newLabel, newBox);
    form->addRow(m_confirmLabel, confirmBox);

    const DialogFrame frame = buildDialogFrame(this, header, form, u"passwordErrorLabel"_s);
    m_errorLabel = frame.error;
    m_statusLabel = frame.status;
    m_busyBar = frame.busy;
    m_buttons = frame.buttons;
    m_changeButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_changeButton->setObjectName(u"changeButton"_s);
    m_changeButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setAutoDefault(false);

    setTabOrder(m_currentEdit, m_newEdit);
    setTabOrder(m_newEdit, m_confirmEdit);
    setTabOrder(m_confirmEdit, m_changeButton);
    setTabOrder(m_changeButton, m_cancelButton);

    setMinimumWidth(480);
}

void ChangePasswordDialog::retranslateUi()
{
    const bool required = m_mode == Mode::Required;
    if (required) {
        setWindowTitle(tr("Choose your password – Cartable"));
        m_titleLabel->setText(tr("Choose your password"));
        m_introLabel->setText(tr("Your school gave you a temporary password. Choose your own to go on: the "
                                 "temporary one then stops working."));
        m_currentLabel->setText(tr("&Temporary password:"));
        m_currentEdit->setAccessibleName(tr("Temporary password"));
        m_cancelButton->setText(tr("Cancel and sign out"));
        m_cancelButton->setAccessibleName(tr("Cancel and sign out"));
    } else {
        setWindowTitle(tr("Change password – Cartable"));
        m_titleLabel->setText(tr("Change your password"));
        m_introLabel->setText(tr("Changing it closes your other sessions: on your other devices, sign in again with "
                                 "the new password."));
        m_currentLabel->setText(tr("C&urrent password:"));
        m_currentEdit->setAccessibleName(tr("Current password"));
        m_cancelButton->setText(tr("Cancel"));
        m_cancelButton->setAccessibleName(tr("Cancel the password change"));
    }
    m_newLabel->setText(tr("&New password:"));
    m_newEdit->setAccessibleName(tr("New password"));
    m_rulesLabel->setText(tr("At least %n character(s), without your login.", nullptr, Core::kMinPasswordLength));
    m_newEdit->setAccessibleDescription(m_rulesLabel->text());
    m_confirmLabel->setText(tr("C&onfirm new password:"));
    m_confirmEdit->setAccessibleName(tr("Confirm new password"));
    m_mismatchHint->setText(tr("The two new passwords differ."));
    m_confirmEdit->setAccessibleDescription(m_mismatchHint->isHidden() ? QString() : m_mismatchHint->text());
    m_errorLabel->setAccessibleName(tr("Password change problem"));
    m_changeButton->setText(tr("&Change"));
    m_changeButton->setAccessibleName(tr("Change the password"));
    if (m_state == State::Changing) {
        m_statusLabel->setText(tr("Changing the password…"));
        m_busyBar->setAccessibleName(tr("Changing the password"));
    } else if (m_state == State::SigningOut) {
        m_statusLabel->setText(tr("Signing out…"));
        m_busyBar->setAccessibleName(tr("Signing out"));
    }
}

void ChangePasswordDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ChangePasswordDialog::start(Mode mode)
{
    m_mode = mode;
    m_currentEdit->clear();
    m_newEdit->clear();
    m_confirmEdit->clear();
    clearError();
    setState(State::Idle);
    m_currentEdit->setFocus(Qt::OtherFocusReason);
}

QString ChangePasswordDialog::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void ChangePasswordDialog::change()
{
    if (m_state != State::Idle || !m_session)
        return;
    if (m_currentEdit->text().isEmpty()) {
        showError(m_mode == Mode::Required ? tr("Type the temporary password your school gave you.")
                                           : tr("Type your current password."));
        m_currentEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (m_confirmEdit->text() != m_newEdit->text()) {
        showError(tr("The two new passwords differ."));
        m_confirmEdit->setFocus(Qt::OtherFocusReason);
        m_confirmEdit->selectAll();
        return;
    }
    clearError();
    setState(State::Changing);
    // A password the policy refuses is answered at once, before any request.
    m_session->changePassword(m_currentEdit->text(), m_newEdit->text());
}

void ChangePasswordDialog::onPasswordChanged()
{
    if (m_state != State::Changing)
        return;
    m_currentEdit->clear();
    m_newEdit->clear();
    m_confirmEdit->clear();
    setState(State::Idle);
    accept();
}

void ChangePasswordDialog::onPasswordChangeFailed(const Core::Error &error)
{
    if (m_state != State::Changing)
        return;
    setState(State::Idle);
    showError(ErrorMessages::passwordChangeFailure(error));
    m_newEdit->clear();
    m_confirmEdit->clear();
    if (error.code == Core::ErrorCode::WeakPassword) {
        // The current password was not the problem: only the new one is to type again.
        m_newEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_currentEdit->clear();
    m_currentEdit->setFocus(Qt::OtherFocusReason);
}

void ChangePasswordDialog::reject()
{
    if (m_state != State::Idle)
        return;
    m_currentEdit->clear();
    m_newEdit->clear();
    m_confirmEdit->clear();
    clearError();
    if (m_mode == Mode::Required) {
        setState(State::SigningOut);
        Q_EMIT signOutRequested();
        return;
    }
    QDialog::reject();
}

void ChangePasswordDialog::updateMismatchHint()
{
    // A confirmation still being typed is not a mismatch yet.
    const QString confirmation = m_confirmEdit->text();
    const bool differs = !confirmation.isEmpty() && !m_newEdit->text().startsWith(confirmation);
    if (differs == !m_mismatchHint->isHidden())
        return;
    m_mismatchHint->setVisible(differs);
    m_confirmEdit->setAccessibleDescription(differs ? m_mismatchHint->text() : QString());
}

void ChangePasswordDialog::setState(State state)
{
    m_state = state;
    const bool idle = state == State::Idle;
    const QList<QWidget *> inputs{m_currentEdit, m_newEdit, m_confirmEdit, m_changeButton, m_cancelButton};
    for (QWidget *input : inputs)
        input->setEnabled(idle);
    m_statusLabel->setVisible(!idle);
    m_busyBar->setVisible(!idle);
    if (idle)
        unsetCursor();
    else
        setCursor(Qt::BusyCursor);
    retranslateUi();
}

void ChangePasswordDialog::showError(const QString &sentence)
{
    showAlert(m_errorLabel, sentence);
}

void ChangePasswordDialog::clearError()
{
    clearAlert(m_errorLabel);
}

} // namespace Cartable::Gui
