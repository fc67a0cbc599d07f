#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QListWidget;
class QStackedWidget;
class QTabWidget;

namespace Cartable::Workspace {
class FileStates;
class SyncedWorkspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

class CahierView;
class ConflictCentre;
class DocumentsView;
class GradeBookView;
class LessonEditor;
class RollCallView;
class TimetableView;

// The signed-in person's modules, chosen in a list on the left (Ctrl+1…9
// too) and shown on the right: a teacher has his timetable, grade book,
// competencies, cahier de textes, appreciations; everyone but the local
// authority has his documents; everyone has the conflict centre and his
// account. Opening a lesson from the timetable or the cahier
// de textes shows its roll call and its cahier de textes entry.
class WorkspaceShell : public QWidget
{
    Q_OBJECT

public:
    enum class Module {
        Timetable,
        Lesson,
        GradeBook,
        Competencies,
        Cahier,
        Appreciations,
        Documents,
        Conflicts,
        Account
    };
    Q_ENUM(Module)

    // `accountPage` is the page of the person's account, shown last; the
    // shell takes it and gives it back with releaseAccountPage().
    WorkspaceShell(Workspace::SyncedWorkspace &synced, QWidget *accountPage, QWidget *parent = nullptr);
    ~WorkspaceShell() override;

    QWidget *releaseAccountPage();

    void showModule(Module module);
    Module currentModule() const;
    bool hasModule(Module module) const { return m_pages.contains(module); }
    QWidget *page(Module module) const { return m_pages.value(module); }
    // Shows a lesson's roll call and cahier de textes.
    void openLesson(const QString &sessionId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void addModule(Module module, QWidget *page);
    void retranslateUi();
    void updateConflictCount(int count);

    QPointer<Workspace::SyncedWorkspace> m_synced;
    Workspace::FileStates *m_files = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QPointer<QWidget> m_accountPage;
    QHash<Module, QWidget *> m_pages;
    QList<Module> m_order;
    QTabWidget *m_lessonTabs = nullptr;
    RollCallView *m_rollCall = nullptr;
    LessonEditor *m_lessonEditor = nullptr;
    int m_openConflicts = 0;
};

} // namespace Cartable::Gui
