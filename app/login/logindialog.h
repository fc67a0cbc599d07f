#pragma once

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QCheckBox;
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

// Asks for the server address, the login and the password, and signs in
// through the Session. Accepts itself once the session is open; stays open
// with a sentence saying what went wrong otherwise. The password is never
// kept once an attempt is over; the login is typed each time.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(Sync::Session *session, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // Fills in the server address the last sign-in used, empties the other
    // fields and puts the focus on the first one still to type. The login is
    // never filled in: the next person on a shared computer must not see it.
    void prefill(const QString &server);
    // Opens the session kept for (server, login), showing that it does so.
    void resume(const QUrl &server, const QString &login);
    // Says why the user has to sign in again (the server ended the session).
    void explain(const Core::Error &error);
    // Shows a problem of the last session (something it could not remove).
    void showProblem(const QString &sentence);

    QString serverText() const;
    QString loginText() const;
    bool rememberMe() const;
    // True while an attempt runs and its answer is awaited.
    bool isWaiting() const { return m_waiting; }
    QString errorText() const;

public Q_SLOTS:
    // Escape: stops waiting for a running attempt, or closes the dialog.
    void reject() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void signIn();
    void onSignedIn();
    void onSignInFailed(const Core::Error &error);
    void setWaiting(bool waiting);
    void showError(const QString &sentence);
    void clearError();
    void focusFirstEmptyField();

    QPointer<Sync::Session> m_session;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_introLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLineEdit *m_loginEdit = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QCheckBox *m_rememberCheck = nullptr;
    QLabel *m_rememberHint = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_quitButton = nullptr;
    bool m_waiting = false;
    bool m_resuming = false;
    // An attempt the user gave up on: if it succeeds after all, close it.
    bool m_abandoned = false;
};

} // namespace Cartable::Gui
