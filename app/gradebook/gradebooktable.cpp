#include "gradebooktable.h"

#include "gradebookview.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>

namespace Cartable::Gui {

using Workspace::GradeBookModel;
using namespace Qt::StringLiterals;

namespace {

const char *const kIndexProperty = "gradeCellIndex";

} // namespace

GradeCellDelegate::GradeCellDelegate(GradeBookView *view, QObject *parent) : QStyledItemDelegate(parent), m_view(view)
{
}

QWidget *GradeCellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    Q_UNUSED(option)
    auto *editor = new QLineEdit(parent);
    editor->setObjectName(u"gradeEditor"_s);
    editor->setAccessibleName(index.data(Qt::AccessibleTextRole).toString());
    editor->setFrame(false);
    editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    editor->setProperty(kIndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
    return editor;
}

void GradeCellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (!line)
        return;
    line->setText(index.data(Qt::EditRole).toString());
    // What is typed replaces the value, as in a spreadsheet.
    line->selectAll();
}

void GradeCellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    Q_UNUSED(model)
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        m_view->commitCell(index, line->text());
}

void GradeCellDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(GradeBookModel::SummaryRole).toBool()) {
        option->font.setBold(true);
        option->font.setItalic(true);
    }
    if (index.data(GradeBookModel::ConflictRole).toBool()) {
        option->text = u"! "_s + option->text;
        option->icon = option->widget ? option->widget->style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon();
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(12, 12);
    }
}

void GradeCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (!index.data(GradeBookModel::ConflictRole).toBool())
        return;
    painter->save();
    QPen pen(option.palette.color(QPalette::Text));
    pen.setStyle(Qt::DashLine);
    pen.setWidth(2);
    painter->setPen(pen);
    painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
    painter->restore();
}

bool GradeCellDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *line = qobject_cast<QLineEdit *>(object);
    if (!line || event->type() != QEvent::KeyPress)
        return QStyledItemDelegate::eventFilter(object, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    int rows = 0;
    int columns = 0;
    if (key == Qt::Key_Return || key == Qt::Key_Enter)
        rows = 1;
    else if (key == Qt::Key_Tab)
        columns = 1;
    else if (key == Qt::Key_Backtab)
        columns = -1;
    else
        return QStyledItemDelegate::eventFilter(object, event);
    const QPersistentModelIndex index = line->property(kIndexProperty).value<QPersistentModelIndex>();
    // A refused value keeps the editor open, with the reason shown.
    if (!index.isValid() || !m_view->commitCell(index, line->text()))
        return true;
    Q_EMIT closeEditor(line, QAbstractItemDelegate::NoHint);
    if (auto *table = qobject_cast<GradeBookTable *>(m_view->table()))
        table->moveBy(rows, columns);
    return true;
}

GradeBookTable::GradeBookTable(GradeBookView *view, QWidget *parent) : QTableView(parent), m_view(view) {}

void GradeBookTable::moveBy(int rows, int columns)
{
    const auto *grid = qobject_cast<const GradeBookModel *>(model());
    const QModelIndex current = currentIndex();
    if (!grid || !current.isValid())
        return;
    const int row = std::clamp(current.row() + rows, 0, std::max(0, grid->studentCount() - 1));
    const int column = std::clamp(current.column() + columns, 0, std::max(0, grid->evaluationCount() - 1));
    setCurrentIndex(grid->index(row, column));
}

void GradeBookTable::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    if (state() != EditingState && current.isValid() && event->modifiers() == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            if (current.flags() & Qt::ItemIsEditable)
                m_view->commitCell(current, QString());
            event->accept();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            moveBy(1, 0);
            event->accept();
            return;
        default:
            break;
        }
    }
    QTableView::keyPressEvent(event);
}

} // namespace Cartable::Gui
