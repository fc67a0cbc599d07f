#pragma once

#include "workspace/gradebook/gradebookmodel.h"
#include "workspace/workspace.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;

namespace Cartable::Gui {

class EvaluationDialog;
class TeachingPicker;

// The grade book of one teaching and one period, made for typing a column of
// marks without the mouse: type on a cell to replace its value, Enter saves
// and goes to the next student, Tab and Shift+Tab to the next and previous
// evaluation, Delete clears, Ctrl+Z and Ctrl+Shift+Z undo and redo.
class GradeBookView : public QWidget
{
    Q_OBJECT

public:
    explicit GradeBookView(Workspace::Workspace &workspace, QWidget *parent = nullptr);
    ~GradeBookView() override;

    Workspace::GradeBookModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QUndoStack *undoStack() const { return m_undo; }

    // Saves `text` in a grade cell as one undoable change; false (with the
    // reason shown) when the value is refused.
    bool commitCell(const QModelIndex &index, const QString &text);
    // Writes a cell known by its student and evaluation, as undo and redo do.
    bool writeCell(const QString &studentId, const QString &evaluationId, const QString &text);

    void newEvaluation();
    void editEvaluation(int column);
    void deleteEvaluation(int column);

private:
    void fillPickers();
    void showTeaching(const Workspace::Teaching &teaching);
    void showPeriod(int index);
    void showReadOnly();
    void showSaveFailure(const Core::Error &error);
    void showHeaderMenu(const QPoint &position);
    EvaluationDialog *openDialog();

    Workspace::Workspace &m_workspace;
    Workspace::GradeBookModel *m_model = nullptr;
    TeachingPicker *m_teachingPicker = nullptr;
    QComboBox *m_periodPicker = nullptr;
    QPushButton *m_newEvaluation = nullptr;
    QLabel *m_readOnly = nullptr;
    QLabel *m_error = nullptr;
    QTableView *m_table = nullptr;
    QUndoStack *m_undo = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QPointer<EvaluationDialog> m_dialog;
};

} // namespace Cartable::Gui
