#pragma once

#include "appreciationdelegate.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace Cartable::Workspace {
class AppreciationModel;
struct Teaching;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

class TeachingPicker;

// The appreciations of a teaching's students for a period, written one
// after the other from the keyboard beside each student's average. A closed
// period is shown read-only with the reason.
class AppreciationsView : public QWidget
{
    Q_OBJECT

public:
    AppreciationsView(Workspace::Workspace &workspace, QWidget *parent);

    Workspace::AppreciationModel *model() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillPeriods();
    void onTeachingChosen(const Workspace::Teaching &teaching);
    void onPeriodChosen(int index);
    void updateReadOnly();
    void showLength(int length);
    void onCommitted(const QModelIndex &index, AppreciationDelegate::Move move);
    void onCommitFailed(const QModelIndex &index);
    void moveTo(int row, bool edit);

    Workspace::Workspace &m_workspace;
    Workspace::AppreciationModel *m_model = nullptr;
    AppreciationDelegate *m_delegate = nullptr;
    TeachingPicker *m_teachingPicker = nullptr;
    QComboBox *m_periodPicker = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_counter = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace Cartable::Gui
