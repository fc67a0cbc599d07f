#pragma once

#include <QStyledItemDelegate>

namespace Cartable::Gui {

// A several-line editor for an appreciation. Ctrl+Enter, Tab and Ctrl+Down
// save and go to the next student, Shift+Tab and Ctrl+Up to the previous
// one; Enter starts a new line; Escape gives up the change. A change the
// model refuses keeps the editor open with the text typed.
class AppreciationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum class Move { Next, Previous };

    explicit AppreciationDelegate(QObject *parent);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

Q_SIGNALS:
    // The length of the text being typed.
    void lengthChanged(int length);
    void committed(const QModelIndex &index, Cartable::Gui::AppreciationDelegate::Move move);
    void commitFailed(const QModelIndex &index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void commit(QWidget *editor, Move move);
};

} // namespace Cartable::Gui
