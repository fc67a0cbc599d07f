#include "workspaceshell.h"

#include "app/appreciations/appreciationsview.h"
#include "app/attendance/rollcallview.h"
#include "app/competencies/competencyview.h"
#include "app/conflicts/conflictcentre.h"
#include "app/documents/documentsview.h"
#include "app/gradebook/gradebookview.h"
#include "app/lessons/cahierview.h"
#include "app/lessons/lessoneditor.h"
#include "app/timetable/timetableview.h"
#include "core/role.h"
#include "workspace/conflicts/conflictmodel.h"
#include "workspace/documents/documentspace.h"
#include "workspace/files/filestates.h"
#include "workspace/syncedworkspace.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QTabWidget>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

bool teaches(const Core::UserProfile &profile)
{
    return profile.roles().contains(Core::Role::Teacher);
}

} // namespace

WorkspaceShell::WorkspaceShell(Workspace::SyncedWorkspace &synced, QWidget *accountPage, QWidget *parent)
    : QWidget(parent), m_synced(&synced), m_accountPage(accountPage)
{
    setObjectName(u"workspaceShell"_s);
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(u"moduleList"_s);
    m_navigation->setMaximumWidth(220);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"moduleStack"_s);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);

    Workspace::Workspace &workspace = synced.workspace();
    m_files = new Workspace::FileStates(synced.blobs(), synced.transfers(), this);
    if (teaches(workspace.profile())) {
        auto *timetable = new TimetableView(workspace, this);
        addModule(Module::Timetable, timetable);
        connect(timetable, &TimetableView::lessonOpened, this, &WorkspaceShell::openLesson);

        m_lessonTabs = new QTabWidget(this);
        m_lessonTabs->setObjectName(u"lessonTabs"_s);
        m_rollCall = new RollCallView(workspace, m_lessonTabs);
        m_lessonEditor = new LessonEditor(workspace, *m_files, m_lessonTabs);
        m_lessonTabs->addTab(m_rollCall, QString());
        m_lessonTabs->addTab(m_lessonEditor, QString());
        addModule(Module::Lesson, m_lessonTabs);

        addModule(Module::GradeBook, new GradeBookView(workspace, this));
        addModule(Module::Competencies, new CompetencyView(workspace, this));
        auto *cahier = new CahierView(workspace, this);
        addModule(Module::Cahier, cahier);
        connect(cahier, &CahierView::lessonOpened, this, &WorkspaceShell::openLesson);
        addModule(Module::Appreciations, new AppreciationsView(workspace, this));
    }
    if (Workspace::DocumentSpace(workspace, synced.blobs()).isAvailable())
        addModule(Module::Documents, new DocumentsView(workspace, *m_files, this));
    auto *conflicts = new ConflictCentre(workspace, this);
    addModule(Module::Conflicts, conflicts);
    connect(conflicts, &ConflictCentre::openCountChanged, this, &WorkspaceShell::updateConflictCount);
    m_openConflicts = conflicts->model()->openCount();
    if (m_accountPage)
        addModule(Module::Account, m_accountPage);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_order.size())
            m_stack->setCurrentWidget(m_pages.value(m_order.at(row)));
    });
    // Ctrl+1…9 go to the modules in their order.
    for (int i = 0; i < m_order.size() && i < 9; ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        const Module module = m_order.at(i);
        connect(action, &QAction::triggered, this, [this, module] { showModule(module); });
        addAction(action);
    }
    retranslateUi();
    showModule(m_order.constFirst());
}

WorkspaceShell::~WorkspaceShell() = default;

void WorkspaceShell::addModule(Module module, QWidget *page)
{
    m_pages.insert(module, page);
    m_order.append(module);
    m_stack->addWidget(page);
    m_navigation->addItem(QString());
}

QWidget *WorkspaceShell::releaseAccountPage()
{
    QWidget *page = m_accountPage;
    if (page) {
        m_stack->removeWidget(page);
        page->setParent(nullptr);
    }
    m_accountPage = nullptr;
    return page;
}

void WorkspaceShell::showModule(Module module)
{
    const int row = int(m_order.indexOf(module));
    if (row < 0)
        return;
    m_navigation->setCurrentRow(row);
    m_stack->setCurrentWidget(m_pages.value(module));
}

WorkspaceShell::Module WorkspaceShell::currentModule() const
{
    const int row = m_navigation->currentRow();
    return row >= 0 && row < m_order.size() ? m_order.at(row) : Module::Account;
}

void WorkspaceShell::openLesson(const QString &sessionId)
{
    if (!m_lessonTabs)
        return;
    m_rollCall->setSession(sessionId);
    m_lessonEditor->setSession(sessionId);
    m_lessonTabs->setCurrentWidget(m_rollCall);
    showModule(Module::Lesson);
    m_rollCall->setFocus();
}

void WorkspaceShell::updateConflictCount(int count)
{
    m_openConflicts = count;
    retranslateUi();
}

void WorkspaceShell::retranslateUi()
{
    m_navigation->setAccessibleName(tr("Modules"));
    for (int i = 0; i < m_order.size(); ++i) {
        QString name;
        switch (m_order.at(i)) {
        case Module::Timetable:
            name = tr("Timetable");
            break;
        case Module::Lesson:
            name = tr("Lesson and roll call");
            break;
        case Module::GradeBook:
            name = tr("Grade book");
            break;
        case Module::Competencies:
            name = tr("Competencies");
            break;
        case Module::Cahier:
            name = tr("Cahier de textes");
            break;
        case Module::Appreciations:
            name = tr("Appreciations");
            break;
        case Module::Documents:
            name = tr("Documents");
            break;
        case Module::Conflicts:
            name = m_openConflicts > 0 ? tr("Conflicts (%n to review)", nullptr, m_openConflicts) : tr("Conflicts");
            break;
        case Module::Account:
            name = tr("My account");
            break;
        }
        QListWidgetItem *item = m_navigation->item(i);
        item->setText(name);
        item->setToolTip(i < 9 ? tr("%1 (Ctrl+%2)").arg(name).arg(i + 1) : name);
        item->setData(Qt::AccessibleTextRole, name);
        m_pages.value(m_order.at(i))->setAccessibleName(name);
    }
    if (m_lessonTabs) {
        m_lessonTabs->setTabText(0, tr("&Roll call"));
        m_lessonTabs->setTabText(1, tr("Cahier de &textes and homework"));
    }
}

void WorkspaceShell::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Cartable::Gui
