#pragma once

#include <QStyledItemDelegate>
#include <QTableView>

namespace Cartable::Gui {

class GradeBookView;

// Draws the grade book's cells: class figures and averages in bold italics,
// a cell in conflict with a warning icon, a dashed frame and a "!" beside its
// value. Its editor saves through the view, so that a refused value keeps
// the editor open and every saved change can be undone.
class GradeCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    GradeCellDelegate(GradeBookView *view, QObject *parent);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    GradeBookView *m_view;
};

// The grid: Enter goes down, Delete and Backspace clear the current grade.
class GradeBookTable : public QTableView
{
    Q_OBJECT

public:
    GradeBookTable(GradeBookView *view, QWidget *parent);

    // Moves the current cell by rows and columns, staying on grade cells.
    void moveBy(int rows, int columns);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    GradeBookView *m_view;
};

} // namespace Cartable::Gui
