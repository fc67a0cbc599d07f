// The main window: who is signed in, in which establishments, and whether the
// server answers.

#include "app/mainwindow/connectionindicator.h"
#include "app/mainwindow/identitycard.h"
#include "app/mainwindow/mainwindow.h"
#include "app/mainwindow/roleassignmentmodel.h"
#include "app/shell/translationloader.h"
#include "sync/apiclient.h"
#include "sync/connectivitymonitor.h"
#include "tests/support/serverprocess.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Cartable;

namespace {

const Core::Establishment kLycee{u"e1"_s, u"0751234J"_s, u"Lycée Victor-Hugo"_s};
const Core::Establishment kCollege{u"e2"_s, u"0755678P"_s, u"Collège Jean-Moulin"_s};

// A teacher in two establishments who also belongs to the management of one.
Core::UserProfile multiRoleProfile()
{
    Core::UserProfile profile;
    profile.id = u"u1"_s;
    profile.login = u"prof.martin"_s;
    profile.displayName = u"Claire Martin"_s;
    profile.assignments = {
        {Core::Role::Teacher, kLycee},
        {Core::Role::Teacher, kCollege},
        {Core::Role::Head, kCollege},
    };
    return profile;
}

// Where the icon is drawn in white: its glyph, whatever the colours.
QList<bool> glyph(const QImage &icon)
{
    QList<bool> mask;
    const QImage image = icon.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor color = image.pixelColor(x, y);
            mask.append(color.alpha() > 200 && color.red() > 200 && color.green() > 200 && color.blue() > 200);
        }
    }
    return mask;
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void showsEachRoleWithItsEstablishment();
    void roleNamesAreTranslated();
    void modelFollowsAnotherAccount();
    void menuActionsAskTheOwner();
    void connectionIndicatorFollowsTheServer();
};

void TestMainWindow::init()
{
    // Lists and dates follow the locale; the tests name the one they expect.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMainWindow::showsEachRoleWithItsEstablishment()
{
    Gui::MainWindow window(nullptr);
    auto *view = window.findChild<QTableView *>(u"rolesView"_s);
    QVERIFY(view);
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    window.setAccount(multiRoleProfile(), QUrl(u"https://ent.lycee.example"_s));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.findChild<QLabel *>(u"displayNameLabel"_s)->text(), u"Claire Martin"_s);
    QVERIFY(window.findChild<QLabel *>(u"loginLabel"_s)->text().contains(u"prof.martin"_s));
    QCOMPARE(window.findChild<QLabel *>(u"rolesLabel"_s)->text(), u"Teacher and Management"_s);
    QVERIFY(window.windowTitle().contains(u"Claire Martin"_s));

    const QAbstractItemModel *model = view->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->columnCount(), 3);
    using Column = Gui::RoleAssignmentModel::Column;
    QCOMPARE(cell(model, 0, Column::RoleColumn), u"Teacher"_s);
    QCOMPARE(cell(model, 0, Column::EstablishmentColumn), u"Lycée Victor-Hugo"_s);
    QCOMPARE(cell(model, 0, Column::UaiColumn), u"0751234J"_s);
    QCOMPARE(cell(model, 1, Column::EstablishmentColumn), u"Collège Jean-Moulin"_s);
    QCOMPARE(cell(model, 2, Column::RoleColumn), u"Management"_s);
    QCOMPARE(cell(model, 2, Column::UaiColumn), u"0755678P"_s);
    QCOMPARE(model->headerData(Column::UaiColumn, Qt::Horizontal).toString(), u"UAI"_s);

    // Each establishment once, with its UAI.
    const QString establishments = window.findChild<QLabel *>(u"establishmentLabel"_s)->text();
    QCOMPARE(establishments.split(u'\n'),
             QStringList({u"Lycée Victor-Hugo (UAI 0751234J)"_s, u"Collège Jean-Moulin (UAI 0755678P)"_s}));
    QCOMPARE(window.findChild<QLabel *>(u"serverLabel"_s)->text(), u"https://ent.lycee.example"_s);
    QVERIFY(!view->accessibleName().isEmpty());
}

void TestMainWindow::roleNamesAreTranslated()
{
    // As on a French system: the locale is French from the start, the
    // translation is loaded once the window exists.
    const QLocale french(QLocale::French, QLocale::France);
    QLocale::setDefault(french);
    Gui::MainWindow window(nullptr);
    window.setAccount(multiRoleProfile(), QUrl(u"https://ent.lycee.example"_s));
    auto *view = window.findChild<QTableView *>(u"rolesView"_s);
    Gui::TranslationLoader loader;
    QVERIFY(loader.load(french));
    QTRY_COMPARE(window.findChild<QAction *>(u"signOutAction"_s)->text(), u"&Déconnexion"_s);
    QCOMPARE(cell(view->model(), 0, Gui::RoleAssignmentModel::RoleColumn), u"Enseignant"_s);
    QCOMPARE(cell(view->model(), 2, Gui::RoleAssignmentModel::RoleColumn), u"Direction"_s);
    QCOMPARE(view->model()->headerData(Gui::RoleAssignmentModel::EstablishmentColumn, Qt::Horizontal).toString(),
             u"Établissement"_s);
    QCOMPARE(window.findChild<QLabel *>(u"rolesLabel"_s)->text(), u"Enseignant et Direction"_s);
    QVERIFY(window.findChild<QLabel *>(u"hintLabel"_s)->text().contains(u"Compte › Déconnexion"_s));
}

void TestMainWindow::modelFollowsAnotherAccount()
{
    Gui::RoleAssignmentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setAssignments(multiRoleProfile().assignments);
    QCOMPARE(model.rowCount(), 3);
    model.setAssignments({{Core::Role::Guardian, kLycee}});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(&model, 0, Gui::RoleAssignmentModel::RoleColumn), u"Guardian"_s);
    QVERIFY(!model.index(0, 0).flags().testFlag(Qt::ItemIsEditable));
}

void TestMainWindow::menuActionsAskTheOwner()
{
    Gui::MainWindow window(nullptr);
    window.setAccount(multiRoleProfile(), QUrl(u"https://ent.lycee.example"_s));
    window.show();
    QSignalSpy signOut(&window, &Gui::MainWindow::signOutRequested);
    QSignalSpy quit(&window, &Gui::MainWindow::quitRequested);

    QSignalSpy changePassword(&window, &Gui::MainWindow::changePasswordRequested);

    window.findChild<QAction *>(u"signOutAction"_s)->trigger();
    QCOMPARE(signOut.count(), 1);
    auto *changePasswordAction = window.findChild<QAction *>(u"changePasswordAction"_s);
    QVERIFY(window.findChild<QMenu *>(u"accountMenu"_s)->actions().contains(changePasswordAction));
    changePasswordAction->trigger();
    QCOMPARE(changePassword.count(), 1);
    window.confirmPasswordChanged();
    QCOMPARE(window.statusBar()->currentMessage(), u"Password changed. Your other sessions are closed."_s);
    auto *quitAction = window.findChild<QAction *>(u"quitAction"_s);
    QCOMPARE(quitAction->shortcut(), QKeySequence(QKeySequence::Quit));
    quitAction->trigger();
    QCOMPARE(quit.count(), 1);
    window.close();
    QCOMPARE(quit.count(), 2);

    // While signing out, no second sign-out can start.
    window.setSigningOut(true);
    QVERIFY(!window.findChild<QAction *>(u"signOutAction"_s)->isEnabled());
    QVERIFY(!changePasswordAction->isEnabled());
    window.setSigningOut(false);
    QVERIFY(window.findChild<QAction *>(u"signOutAction"_s)->isEnabled());
    QVERIFY(changePasswordAction->isEnabled());
}

void TestMainWindow::connectionIndicatorFollowsTheServer()
{
    Test::ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    QNetworkAccessManager network;
    Sync::ApiClient api(&network);
    api.setTimeout(std::chrono::seconds(2));
    Sync::ConnectivityMonitor monitor(&api);
    monitor.setInterval(std::chrono::milliseconds(200));

    Gui::MainWindow window(&monitor);
    window.setAccount(multiRoleProfile(), server.url());
    window.show();
    auto *indicator = window.findChild<Gui::ConnectionIndicator *>(u"connectionIndicator"_s);
    auto *lastCheck = window.findChild<QLabel *>(u"lastCheckLabel"_s);
    QVERIFY(indicator && lastCheck);
    QCOMPARE(indicator->state(), Gui::ConnectionIndicator::State::Unknown);
    QCOMPARE(indicator->text(), u"Checking the connection…"_s);
    const QString notChecked = lastCheck->text();

    monitor.setServer(server.url());
    monitor.start();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), Gui::ConnectionIndicator::State::Online, 10'000);
    QCOMPARE(indicator->text(), u"Online"_s);
    QCOMPARE(indicator->accessibleName(), u"Connection to the server: Online"_s);
    QVERIFY(indicator->accessibleDescription().startsWith(u"The server answered at "_s));
    QVERIFY(lastCheck->text() != notChecked);
    QVERIFY(lastCheck->text().contains(u"the server answered"_s));
    const QImage onlineIcon = indicator->findChild<QLabel *>(u"connectionIcon"_s)->pixmap().toImage();
    QVERIFY(!onlineIcon.isNull());

    QCOMPARE(server.stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), Gui::ConnectionIndicator::State::Offline, 10'000);
    QCOMPARE(indicator->text(), u"Offline"_s);
    QCOMPARE(indicator->accessibleName(), u"Connection to the server: Offline"_s);
    QVERIFY(lastCheck->text().contains(u"did not answer"_s));
    // Another glyph, not only another colour.
    const QImage offlineIcon = indicator->findChild<QLabel *>(u"connectionIcon"_s)->pixmap().toImage();
    QCOMPARE(offlineIcon.size(), onlineIcon.size());
    QVERIFY(glyph(offlineIcon) != glyph(onlineIcon));

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), Gui::ConnectionIndicator::State::Online, 10'000);
    QCOMPARE(indicator->accessibleName(), u"Connection to the server: Online"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
