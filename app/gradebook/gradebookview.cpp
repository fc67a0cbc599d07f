#include "gradebookview.h"

#include "evaluationdialog.h"
#include "gradebooktable.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "app/common/teachingpicker.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Cartable::Gui {

using Workspace::GradeBookModel;
using namespace Qt::StringLiterals;

namespace {

// One saved change of one cell. Known by ids, not by position, so that it
// still finds its cell after the grid was read again.
class CellCommand : public QUndoCommand
{
public:
    CellCommand(GradeBookView *view, QString studentId, QString evaluationId, QString before, QString after)
        : m_view(view),
          m_studentId(std::move(studentId)),
          m_evaluationId(std::move(evaluationId)),
          m_before(std::move(before)),
          m_after(std::move(after))
    {
        setText(GradeBookView::tr("grade change"));
    }

    // The first redo happened when the value was typed.
    void redo() override
    {
        if (m_done) {
            m_done = false;
            return;
        }
        m_view->writeCell(m_studentId, m_evaluationId, m_after);
    }
    void undo() override { m_view->writeCell(m_studentId, m_evaluationId, m_before); }

private:
    GradeBookView *m_view;
    QString m_studentId;
    QString m_evaluationId;
    QString m_before;
    QString m_after;
    bool m_done = true;
};

} // namespace

GradeBookView::GradeBookView(Workspace::Workspace &workspace, QWidget *parent) : QWidget(parent), m_workspace(workspace)
{
    setObjectName(u"gradeBookView"_s);
    setAccessibleName(tr("Grade book"));
    m_model = new GradeBookModel(workspace, this);
    m_undo = new QUndoStack(this);

    m_teachingPicker = new TeachingPicker(this);
    m_teachingPicker->setObjectName(u"teachingPicker"_s);
    m_teachingPicker->setAccessibleName(tr("Class and subject"));
    m_periodPicker = new QComboBox(this);
    m_periodPicker->setObjectName(u"periodPicker"_s);
    m_periodPicker->setAccessibleName(tr("Period"));
    auto *teachingLabel = new QLabel(tr("&Class:"), this);
    teachingLabel->setBuddy(m_teachingPicker);
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_periodPicker);

    m_newEvaluation = new QPushButton(tr("&New evaluation…"), this);
    m_newEvaluation->setObjectName(u"newEvaluationButton"_s);
    m_newEvaluation->setAccessibleName(tr("New evaluation"));
    m_newEvaluation->setShortcut(QKeySequence::New);
    m_newEvaluation->setToolTip(
        tr("New evaluation (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));

    m_readOnly = new QLabel(this);
    m_readOnly->setObjectName(u"readOnlyBanner"_s);
    m_readOnly->setAccessibleName(tr("Read-only"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setFrameShape(QFrame::StyledPanel);
    m_readOnly->setMargin(6);
    m_readOnly->hide();
    m_error = createErrorLabel(this, u"gradeBookError"_s);
    m_error->setAccessibleName(tr("Entry error"));

    m_table = new GradeBookTable(this, this);
    m_table->setObjectName(u"gradeBookTable"_s);
    m_table->setAccessibleName(tr("Grades"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new GradeCellDelegate(this, m_table));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::DoubleClicked);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);

    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"undoAction"_s);
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"redoAction"_s);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_editAction = new QAction(tr("&Edit evaluation…"), this);
    m_editAction->setObjectName(u"editEvaluationAction"_s);
    m_editAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_deleteAction = new QAction(tr("&Delete evaluation…"), this);
    m_deleteAction->setObjectName(u"deleteEvaluationAction"_s);
    m_deleteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    for (QAction *action : {undo, redo, m_editAction, m_deleteAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }

    auto *bar = new QHBoxLayout;
    bar->addWidget(teachingLabel);
    bar->addWidget(m_teachingPicker, 1);
    bar->addWidget(periodLabel);
    bar->addWidget(m_periodPicker);
    bar->addWidget(m_newEvaluation);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    setTabOrder(m_teachingPicker, m_periodPicker);
    setTabOrder(m_periodPicker, m_newEvaluation);
    setTabOrder(m_newEvaluation, m_table);

    connect(m_model, &GradeBookModel::saveFailed, this, &GradeBookView::showSaveFailure);
    connect(m_model, &GradeBookModel::readOnlyChanged, this, &GradeBookView::showReadOnly);
    connect(m_model, &QAbstractItemModel::modelReset, this, &GradeBookView::showReadOnly);
    connect(m_newEvaluation, &QPushButton::clicked, this, &GradeBookView::newEvaluation);
    connect(m_editAction, &QAction::triggered, this, [this] { editEvaluation(m_table->currentIndex().column()); });
    connect(m_deleteAction, &QAction::triggered, this, [this] { deleteEvaluation(m_table->currentIndex().column()); });
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &GradeBookView::showHeaderMenu);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionDoubleClicked, this, &GradeBookView::editEvaluation);
    connect(m_teachingPicker, &TeachingPicker::chosen, this, &GradeBookView::showTeaching);
    connect(&workspace, &Workspace::Workspace::reloaded, this, &GradeBookView::fillPickers);
    fillPickers();
}

GradeBookView::~GradeBookView() = default;

void GradeBookView::fillPickers()
{
    m_teachingPicker->setTeachings(m_workspace.teachings());
    const QString period = m_model->periodId();
    {
        const QSignalBlocker blocker(m_periodPicker);
        m_periodPicker->clear();
        for (const Core::Record &record : m_workspace.periods()) {
            const QString name = record.flag(u"closed"_s) ? tr("%1 (closed)").arg(record.text(u"name"_s))
                                                          : record.text(u"name"_s);
            m_periodPicker->addItem(name, record.id());
        }
        m_periodPicker->setCurrentIndex(m_periodPicker->findData(period));
    }
    connect(m_periodPicker, &QComboBox::currentIndexChanged, this, &GradeBookView::showPeriod, Qt::UniqueConnection);
    showReadOnly();
}

void GradeBookView::showTeaching(const Workspace::Teaching &teaching)
{
    if (teaching.subjectId.isEmpty())
        return;
    m_undo->clear();
    clearAlert(m_error);
    m_model->setTeaching(teaching);
}

void GradeBookView::showPeriod(int index)
{
    if (index < 0)
        return;
    m_undo->clear();
    clearAlert(m_error);
    m_model->setPeriod(m_periodPicker->itemData(index).toString());
}

void GradeBookView::showReadOnly()
{
    const QString reason = m_model->readOnlyReason();
    m_readOnly->setText(reason);
    m_readOnly->setVisible(!reason.isEmpty());
    m_newEvaluation->setEnabled(!m_teachingPicker->teachings().isEmpty());
}

void GradeBookView::showSaveFailure(const Core::Error &error)
{
    showAlert(m_error, ErrorMessages::saveFailure(error));
}

bool GradeBookView::commitCell(const QModelIndex &index, const QString &text)
{
    if (!index.isValid() || index.model() != m_model)
        return false;
    const QString before = index.data(Qt::EditRole).toString();
    const QString studentId = index.data(GradeBookModel::StudentIdRole).toString();
    const QString evaluationId = index.data(GradeBookModel::EvaluationIdRole).toString();
    if (!m_model->setData(index, text))
        return false;
    clearAlert(m_error);
    const QString after = m_model->indexOf(studentId, evaluationId).data(Qt::EditRole).toString();
    if (after != before)
        m_undo->push(new CellCommand(this, studentId, evaluationId, before, after));
    return true;
}

bool GradeBookView::writeCell(const QString &studentId, const QString &evaluationId, const QString &text)
{
    const QModelIndex index = m_model->indexOf(studentId, evaluationId);
    if (!index.isValid()) {
        showSaveFailure(Core::Error{Core::ErrorCode::NotFound, u"grade"_s});
        return false;
    }
    if (!m_model->setData(index, text))
        return false;
    clearAlert(m_error);
    m_table->setCurrentIndex(index);
    return true;
}

EvaluationDialog *GradeBookView::openDialog()
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new EvaluationDialog(m_workspace.periods(), m_model->competencyChoices(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    return m_dialog;
}

void GradeBookView::newEvaluation()
{
    if (m_teachingPicker->teachings().isEmpty())
        return;
    EvaluationDialog *dialog = openDialog();
    dialog->setNewOn(m_workspace.today());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Core::Result<QString> created = m_model->createEvaluation(dialog->draft());
        if (!created) {
            showSaveFailure(created.error());
            return;
        }
        clearAlert(m_error);
        m_undo->clear();
        for (int column = 0; column < m_model->evaluationCount(); ++column) {
            if (m_model->evaluationIdAt(column) == *created)
                m_table->setCurrentIndex(m_model->index(0, column));
        }
        m_table->setFocus();
    });
    dialog->open();
}

void GradeBookView::editEvaluation(int column)
{
    const QString id = m_model->evaluationIdAt(column);
    const std::optional<Workspace::EvaluationDraft> draft = m_model->evaluationDraft(id);
    if (!draft)
        return;
    EvaluationDialog *dialog = openDialog();
    dialog->setDraft(*draft);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (Core::Status saved = m_model->updateEvaluation(id, dialog->draft()); !saved) {
            showSaveFailure(saved.error());
            return;
        }
        clearAlert(m_error);
        m_undo->clear();
    });
    dialog->open();
}

void GradeBookView::deleteEvaluation(int column)
{
    const QString id = m_model->evaluationIdAt(column);
    const std::optional<Workspace::EvaluationDraft> draft = m_model->evaluationDraft(id);
    if (!draft)
        return;
    const int grades = m_model->gradeCount(id);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete evaluation"),
                                grades == 0
                                    ? tr("Delete \"%1\"? It has no grade yet.").arg(draft->title)
                                    : tr("Delete \"%1\" and its %n grade(s)?", nullptr, grades).arg(draft->title),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"deleteEvaluationBox"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        if (Core::Status removed = m_model->removeEvaluation(id); !removed) {
            showSaveFailure(removed.error());
            return;
        }
        clearAlert(m_error);
        m_undo->clear();
    });
    box->open();
}

void GradeBookView::showHeaderMenu(const QPoint &position)
{
    const int column = m_table->horizontalHeader()->logicalIndexAt(position);
    if (m_model->evaluationIdAt(column).isEmpty())
        return;
    QMenu menu(this);
    QAction *edit = menu.addAction(m_editAction->text());
    QAction *remove = menu.addAction(m_deleteAction->text());
    const bool readOnly = m_model->isReadOnly();
    edit->setEnabled(!readOnly);
    remove->setEnabled(!readOnly);
    QAction *chosen = menu.exec(m_table->horizontalHeader()->mapToGlobal(position));
    if (chosen == edit)
        editEvaluation(column);
    else if (chosen == remove)
        deleteEvaluation(column);
}

} // namespace Cartable::Gui
