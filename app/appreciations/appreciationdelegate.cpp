#include "appreciationdelegate.h"

#include <QKeyEvent>
#include <QPersistentModelIndex>
#include <QPlainTextEdit>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

constexpr char kIndexProperty[] = "appreciationIndex";
constexpr int kEditorLines = 5;

QPersistentModelIndex indexOf(const QWidget *editor)
{
    return editor->property(kIndexProperty).value<QPersistentModelIndex>();
}

} // namespace

AppreciationDelegate::AppreciationDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *AppreciationDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                            const QModelIndex &index) const
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setObjectName(u"appreciationEditor"_s);
    editor->setAccessibleName(tr("Appreciation of %1").arg(index.siblingAtColumn(0).data().toString()));
    editor->setTabChangesFocus(false);
    editor->setFrameShape(QFrame::Box);
    // Qt's createEditor() is const; the counter is the delegate's signal all the same.
    auto *self = const_cast<AppreciationDelegate *>(this);
    connect(editor, &QPlainTextEdit::textChanged, self,
            [self, editor] { Q_EMIT self->lengthChanged(int(editor->toPlainText().size())); });
    return editor;
}

void AppreciationDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *edit = qobject_cast<QPlainTextEdit *>(editor);
    if (!edit)
        return;
    edit->setProperty(kIndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
    // The view calls this again when the row changes under the editor;
    // what is being typed stays.
    if (edit->document()->isModified())
        return;
    edit->setPlainText(index.data(Qt::EditRole).toString());
    edit->moveCursor(QTextCursor::End);
    Q_EMIT const_cast<AppreciationDelegate *>(this)->lengthChanged(int(edit->toPlainText().size()));
}

void AppreciationDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *edit = qobject_cast<QPlainTextEdit *>(editor);
    if (!edit || edit->toPlainText() == index.data(Qt::EditRole).toString())
        return;
    if (!model->setData(index, edit->toPlainText(), Qt::EditRole))
        Q_EMIT const_cast<AppreciationDelegate *>(this)->commitFailed(index);
}

void AppreciationDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                const QModelIndex &) const
{
    QRect area = option.rect;
    const int wanted = editor->fontMetrics().lineSpacing() * kEditorLines + 12;
    area.setHeight(std::max(area.height(), wanted));
    editor->setGeometry(area);
}

void AppreciationDelegate::commit(QWidget *editor, Move move)
{
    auto *edit = qobject_cast<QPlainTextEdit *>(editor);
    const QPersistentModelIndex index = indexOf(editor);
    if (!edit || !index.isValid())
        return;
    auto *model = const_cast<QAbstractItemModel *>(index.model());
    if (edit->toPlainText() != index.data(Qt::EditRole).toString()
        && !model->setData(index, edit->toPlainText(), Qt::EditRole)) {
        Q_EMIT commitFailed(index);
        return;
    }
    edit->document()->setModified(false);
    Q_EMIT closeEditor(editor, QAbstractItemDelegate::NoHint);
    Q_EMIT committed(index, move);
}

bool AppreciationDelegate::eventFilter(QObject *watched, QEvent *event)
{
    auto *editor = qobject_cast<QPlainTextEdit *>(watched);
    if (editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool control = key->modifiers() & Qt::ControlModifier;
        switch (key->key()) {
        case Qt::Key_Escape:
            editor->document()->setModified(false);
            Q_EMIT closeEditor(editor, QAbstractItemDelegate::RevertModelCache);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!control)
                return false; // a new line
            commit(editor, Move::Next);
            return true;
        case Qt::Key_Tab:
            commit(editor, Move::Next);
            return true;
        case Qt::Key_Backtab:
            commit(editor, Move::Previous);
            return true;
        case Qt::Key_Down:
        case Qt::Key_Up:
            if (!control)
                return false;
            commit(editor, key->key() == Qt::Key_Down ? Move::Next : Move::Previous);
            return true;
        default:
            return false;
        }
    }
    return QStyledItemDelegate::eventFilter(watched, event);
}

} // namespace Cartable::Gui
