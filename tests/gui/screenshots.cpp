// cartable-screenshots OUTPUT_FOLDER
//
// Takes the pictures of the user guide: starts a real cartable-server with
// the reference school, signs in through the real sign-in dialog as a
// teacher and saves the sign-in dialog, each screen of the teacher's
// workspace once the first sync is done, the question asked at sign-out,
// and the change of a temporary password. Run by scripts/screenshots.sh
// under Xvfb; the language follows the system locale (LANG).

#include "clientharness.h"

#include "app/documents/documentsview.h"
#include "app/login/changepassworddialog.h"
#include "app/login/logindialog.h"
#include "app/mainwindow/connectionindicator.h"
#include "app/mainwindow/mainwindow.h"
#include "app/mainwindow/signoutdialog.h"
#include "app/mainwindow/workspaceshell.h"
#include "app/shell/translationloader.h"
#include "app/timetable/timetableview.h"
#include "core/errorcode.h"
#include "tests/support/serverprocess.h"
#include "tests/support/syncedclient.h"
#include "workspace/syncedworkspace.h"
#include "workspace/timetable/timetablemodel.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QIcon>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Cartable;

namespace {

bool waitFor(const std::function<bool()> &condition, int milliseconds = 15'000)
{
    const QDeadlineTimer deadline(milliseconds);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

// Lets the window manager map the window and the widgets settle.
void settle()
{
    const QDeadlineTimer deadline(400);
    while (!deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

bool save(QWidget *window, const QDir &folder, const QString &name)
{
    const QString path = folder.filePath(name);
    if (!window->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("wrote %s\n", qPrintable(path));
    return true;
}

int fail(const char *what)
{
    std::fprintf(stderr, "cartable-screenshots: %s\n", what);
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Cartable"_s);
    QApplication::setApplicationVersion(QStringLiteral(CARTABLE_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/cartable-256.png"_s));
    if (argc != 2)
        return fail("usage: cartable-screenshots OUTPUT_FOLDER");
    const QDir folder(QString::fromLocal8Bit(argv[1]));
    if (!folder.exists() && !QDir().mkpath(folder.path()))
        return fail("cannot create the output folder");

    Gui::TranslationLoader translations;
    translations.load(QLocale::system());

    Test::ServerProcess server;
    if (!server.fillWithReferenceSchool(0.1) || !server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return fail("the server did not start (set CARTABLE_SERVER_BINARY)");
    }

    QTemporaryDir settingsDir;
    Sync::MemoryCredentialStore credentials;
    Test::ClientHarness client(settingsDir.filePath(u"cartable.ini"_s), &credentials);
    Gui::AppController &controller = client.controller;
    controller.setServerOverride(server.url().toString());
    controller.setFixedNow(Test::referenceSchoolNow());
    controller.start();

    Gui::LoginDialog *dialog = controller.loginDialog();
    if (!waitFor([dialog] { return dialog->isVisible(); }))
        return fail("the sign-in dialog did not appear");
    dialog->findChild<QLineEdit *>(u"loginEdit"_s)->setText(QString::fromUtf16(Test::kTeacherLogin));
    auto *password = dialog->findChild<QLineEdit *>(u"passwordEdit"_s);
    password->setText(QString::fromUtf16(Test::kDemoPassword));
    dialog->activateWindow();
    password->setFocus();
    settle();
    if (!save(dialog, folder, u"login.png"_s))
        return 1;

    dialog->findChild<QPushButton *>(u"signInButton"_s)->click();
    Gui::MainWindow *window = controller.mainWindow();
    if (!waitFor([window] { return window->isVisible(); }))
        return fail("the sign-in did not open the main window");
    if (!waitFor(
            [window] { return window->connectionIndicator()->state() == Gui::ConnectionIndicator::State::Online; }))
        return fail("the connection indicator did not turn online");
    if (!waitFor(
            [&controller] {
                return controller.syncedWorkspace() && controller.syncedWorkspace()->lastSuccess().isValid();
            },
            120'000))
        return fail("the first sync did not finish");
    settle();
    if (!save(window, folder, u"main-window.png"_s))
        return 1;

    // Each module of the teacher, then the lesson opened from the timetable.
    Gui::WorkspaceShell *shell = window->shell();
    using Module = Gui::WorkspaceShell::Module;
    const QList<std::pair<Module, QString>> pages{{Module::GradeBook, u"gradebook.png"_s},
                                                  {Module::Competencies, u"competencies.png"_s},
                                                  {Module::Cahier, u"cahier.png"_s},
                                                  {Module::Appreciations, u"appreciations.png"_s},
                                                  {Module::Documents, u"documents.png"_s},
                                                  {Module::Conflicts, u"conflicts.png"_s}};
    // The documents screen opens on the teacher's fullest folder.
    if (auto *documents = qobject_cast<Gui::DocumentsView *>(shell->page(Module::Documents))) {
        Workspace::Workspace &workspace = controller.syncedWorkspace()->workspace();
        QString fullest;
        qsizetype most = 0;
        for (const Core::Record &candidate : workspace.select(u"document_folder"_s)) {
            const qsizetype count = workspace.select(u"document"_s, u"folder_id = ?"_s, {candidate.id()}).size();
            if (count > most) {
                most = count;
                fullest = candidate.id();
            }
        }
        if (!fullest.isEmpty())
            documents->showFolder(fullest);
    }
    for (const auto &[module, name] : pages) {
        shell->showModule(module);
        settle();
        if (!save(window, folder, name))
            return 1;
    }
    shell->showModule(Module::Timetable);
    settle();
    if (!save(window, folder, u"timetable.png"_s))
        return 1;
    auto *timetable = qobject_cast<Gui::TimetableView *>(shell->page(Module::Timetable));
    // Today's lesson, or else the first of the week that can be opened.
    Core::Result<QString> session = Core::Error{Core::ErrorCode::NotFound, {}};
    if (timetable) {
        const int today = timetable->model()->todayRow();
        if (today >= 0)
            session = timetable->model()->openSession(today);
        for (int row = 0; !session && row < timetable->model()->rowCount(); ++row)
            session = timetable->model()->openSession(row);
    }
    if (!session)
        return fail("no lesson of the week could be opened");
    shell->openLesson(*session);
    settle();
    if (!save(window, folder, u"rollcall.png"_s))
        return 1;

    // Signing out asks what becomes of this computer's copy.
    window->findChild<QAction *>(u"signOutAction"_s)->trigger();
    Gui::SignOutDialog *question = controller.signOutDialog();
    if (!waitFor([question] { return question->isVisible(); }))
        return fail("the sign-out did not ask about the offline copy");
    question->findChild<QRadioButton *>(u"removeCopyRadio"_s)->setChecked(true);
    settle();
    if (!save(question, folder, u"sign-out.png"_s))
        return 1;
    question->findChild<QRadioButton *>(u"keepCopyRadio"_s)->setChecked(true);
    question->findChild<QPushButton *>(u"signOutButton"_s)->click();

    // A first sign-in with a temporary password asks for a new one.
    if (!waitFor([dialog] { return dialog->isVisible(); }))
        return fail("the sign-out did not return to the sign-in dialog");
    const QString temporary = server.resetPassword(QString::fromUtf16(Test::kTeacherLogin));
    if (temporary.isEmpty())
        return fail("the password reset failed");
    // The login is typed again: the dialog never shows the last one.
    dialog->findChild<QLineEdit *>(u"loginEdit"_s)->setText(QString::fromUtf16(Test::kTeacherLogin));
    password->setText(temporary);
    dialog->findChild<QPushButton *>(u"signInButton"_s)->click();
    if (!waitFor([&controller] {
            return controller.changePasswordDialog() && controller.changePasswordDialog()->isVisible();
        }))
        return fail("the change of password was not asked for");
    Gui::ChangePasswordDialog *change = controller.changePasswordDialog();
    change->findChild<QLineEdit *>(u"currentPasswordEdit"_s)->setText(temporary);
    change->findChild<QLineEdit *>(u"newPasswordEdit"_s)->setText(u"Trousse-bleue-42"_s);
    change->findChild<QLineEdit *>(u"confirmPasswordEdit"_s)->setText(u"Trousse-bleue-42"_s);
    change->activateWindow();
    settle();
    if (!save(change, folder, u"change-password.png"_s))
        return 1;

    controller.finish();
    return 0;
}
