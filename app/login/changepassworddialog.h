#pragma once

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Cartable::Core {
struct Error;
}

namespace Cartable::Sync {
class Session;
}

namespace Cartable::Gui {

// Asks for the current password and a new one typed twice, and changes it
// through the Session. Accepts itself once the server has taken the new
// password; stays open with a sentence saying what went wrong otherwise.
//
// In the Required mode (a temporary password given by the school) there is
// no going on without a new password: cancelling asks the owner to sign out,
// and the dialog shows that it does so until the owner hides it.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Required, Voluntary };
    Q_ENUM(Mode)

    explicit ChangePasswordDialog(Sync::Session *session, QWidget *parent = nullptr);
    ~ChangePasswordDialog() override;

    // Empties the fields and the error, and puts the texts of `mode`.
    void start(Mode mode);
    Mode mode() const { return m_mode; }
    // True while a change or a sign-out runs and its answer is awaited.
    bool isWaiting() const { return m_state != State::Idle; }
    QString errorText() const;

public Q_SLOTS:
    // Escape and Cancel: close (Voluntary) or ask to sign out (Required).
    // Ignored while waiting: a change sent cannot be called back.
    void reject() override;

Q_SIGNALS:
    // Cancelled in the Required mode: the owner signs out, then hides the dialog.
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class State { Idle, Changing, SigningOut };

    void buildUi();
    void retranslateUi();
    void change();
    void onPasswordChanged();
    void onPasswordChangeFailed(const Core::Error &error);
    void updateMismatchHint();
    void setState(State state);
    void showError(const QString &sentence);
    void clearError();

    QPointer<Sync::Session> m_session;
    Mode m_mode = Mode::Voluntary;
    State m_state = State::Idle;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QLabel *m_currentLabel = nullptr;
    QLineEdit *m_currentEdit = nullptr;
    QLabel *m_newLabel = nullptr;
    QLineEdit *m_newEdit = nullptr;
    QLabel *m_rulesLabel = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_mismatchHint = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_changeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Cartable::Gui
