#include "mainwindow.h"

#include "connectionindicator.h"
#include "identitycard.h"
#include "workspaceshell.h"

#include "app/syncstatus/syncstatuswidget.h"
#include "sync/connectivitymonitor.h"
#include "workspace/syncedworkspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

// Long enough to be read, even with a screen reader speaking first.
constexpr int kConfirmationTimeout = 15'000;

} // namespace

MainWindow::MainWindow(Sync::ConnectivityMonitor *monitor, QWidget *parent) : QMainWindow(parent), m_monitor(monitor)
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(QIcon(u":/icons/cartable-64.png"_s));

    m_card = new IdentityCard;
    m_card->setMinimumWidth(560);
    m_card->setMaximumWidth(760);
    m_card->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    auto *page = new QWidget;
    page->setObjectName(u"welcomePage"_s);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_card, 100);
    row->addStretch(1);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(24, 24, 24, 24);
    pageLayout->addLayout(row);
    pageLayout->addStretch(1);
    m_scrollArea = new QScrollArea(this);
    m_scrollArea->setObjectName(u"welcomeArea"_s);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setWidget(page);
    setCentralWidget(m_scrollArea);

    m_indicator = new ConnectionIndicator(this);
    m_syncStatus = new SyncStatusWidget(this);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_indicator);

    buildMenus();
    retranslateUi();
    resize(1180, 760);

    if (m_monitor)
        connect(m_monitor, &Sync::ConnectivityMonitor::checked, this, &MainWindow::onChecked);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    m_checkNowAction = new QAction(this);
    m_checkNowAction->setObjectName(u"checkNowAction"_s);
    m_checkNowAction->setShortcut(QKeySequence::Refresh);
    connect(m_checkNowAction, &QAction::triggered, this, [this] {
        if (m_monitor)
            m_monitor->checkNow();
    });
    m_changePasswordAction = new QAction(this);
    m_changePasswordAction->setObjectName(u"changePasswordAction"_s);
    connect(m_changePasswordAction, &QAction::triggered, this, &MainWindow::changePasswordRequested);
    m_signOutAction = new QAction(this);
    m_signOutAction->setObjectName(u"signOutAction"_s);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quitRequested);
    m_syncNowAction = new QAction(this);
    m_syncNowAction->setObjectName(u"syncNowAction"_s);
    m_syncNowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_syncNowAction, &QAction::triggered, this, [this] {
        if (m_synced)
            m_synced->syncNow();
    });
    m_cancelSyncAction = new QAction(this);
    m_cancelSyncAction->setObjectName(u"cancelSyncAction"_s);
    connect(m_cancelSyncAction, &QAction::triggered, this, [this] {
        if (m_synced)
            m_synced->cancelSync();
    });
    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQtAction = new QAction(this);
    m_aboutQtAction->setObjectName(u"aboutQtAction"_s);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, this, [this] { QMessageBox::aboutQt(this); });

    m_accountMenu = menuBar()->addMenu(QString());
    m_accountMenu->setObjectName(u"accountMenu"_s);
    m_accountMenu->addAction(m_checkNowAction);
    m_accountMenu->addSeparator();
    m_accountMenu->addAction(m_changePasswordAction);
    m_accountMenu->addAction(m_signOutAction);
    m_accountMenu->addAction(m_quitAction);
    m_syncMenu = menuBar()->addMenu(QString());
    m_syncMenu->setObjectName(u"syncMenu"_s);
    m_syncMenu->addAction(m_syncNowAction);
    m_syncMenu->addAction(m_cancelSyncAction);
    updateSyncActions();
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"helpMenu"_s);
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(m_profile.displayName.isEmpty() ? tr("Cartable") : tr("%1 – Cartable").arg(m_profile.displayName));
    m_accountMenu->setTitle(tr("&Account"));
    m_helpMenu->setTitle(tr("&Help"));
    m_syncMenu->setTitle(tr("&Synchronisation"));
    m_syncNowAction->setText(tr("&Synchronise now"));
    m_cancelSyncAction->setText(tr("&Cancel the synchronisation"));
    m_checkNowAction->setText(tr("&Check the connection now"));
    m_changePasswordAction->setText(tr("Change &password…"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Cartable"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_scrollArea->setAccessibleName(tr("Your account"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::setAccount(const Core::UserProfile &profile, const QUrl &server)
{
    m_profile = profile;
    m_card->setAccount(profile, server);
    m_indicator->setUnknown();
    setSigningOut(false);
    retranslateUi();
}

void MainWindow::setSyncedWorkspace(Workspace::SyncedWorkspace *synced)
{
    if (m_shell) {
        QWidget *account = m_shell->releaseAccountPage();
        takeCentralWidget();
        delete m_shell;
        m_shell = nullptr;
        if (account == m_scrollArea)
            setCentralWidget(m_scrollArea);
    }
    if (m_synced)
        disconnect(m_synced, nullptr, this, nullptr);
    m_synced = synced;
    m_syncStatus->setSyncedWorkspace(synced);
    if (synced) {
        takeCentralWidget();
        m_shell = new WorkspaceShell(*synced, m_scrollArea, this);
        setCentralWidget(m_shell);
        connect(synced, &Workspace::SyncedWorkspace::statusChanged, this, &MainWindow::updateSyncActions);
    }
    updateSyncActions();
}

void MainWindow::updateSyncActions()
{
    const bool syncing = m_synced && m_synced->isSyncing();
    m_syncNowAction->setEnabled(m_synced && !syncing);
    m_cancelSyncAction->setEnabled(syncing);
}

void MainWindow::setSigningOut(bool signingOut)
{
    m_scrollArea->setEnabled(!signingOut);
    if (m_shell)
        m_shell->setEnabled(!signingOut);
    m_checkNowAction->setEnabled(!signingOut);
    m_changePasswordAction->setEnabled(!signingOut);
    m_signOutAction->setEnabled(!signingOut);
    if (signingOut)
        statusBar()->showMessage(tr("Signing out…"));
    else
        statusBar()->clearMessage();
}

void MainWindow::confirmPasswordChanged()
{
    statusBar()->showMessage(tr("Password changed. Your other sessions are closed."), kConfirmationTimeout);
}

void MainWindow::onChecked(bool online)
{
    const QDateTime now = QDateTime::currentDateTime();
    m_indicator->setChecked(online, now);
    m_card->setLastCheck(now, online);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cartable"),
                       tr("<h3>Cartable %1</h3>"
                          "<p>The school workspace that keeps working without a network.</p>"
                          "<p>Free software for French schools, built with Qt %2.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    event->accept();
    Q_EMIT quitRequested();
}

} // namespace Cartable::Gui
