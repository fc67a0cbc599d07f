#pragma once

#include <QWidget>

class QLabel;
class QModelIndex;
class QPushButton;
class QTableView;

namespace Cartable::Workspace {
class TimetableModel;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

// The teacher's week: its lessons day by day with what changed (cancelled,
// moved, replaced, another room), opening on today's current or next lesson.
// Enter or a double click opens the lesson for its roll call.
class TimetableView : public QWidget
{
    Q_OBJECT

public:
    TimetableView(Workspace::Workspace &workspace, QWidget *parent = nullptr);
    ~TimetableView() override;

    Workspace::TimetableModel *model() const { return m_model; }
    void showWeek(const QDate &anyDayOfWeek);
    void showPreviousWeek();
    void showNextWeek();
    void showThisWeek();

Q_SIGNALS:
    void lessonOpened(const QString &sessionId);

private:
    void openLesson(const QModelIndex &index);
    void updateWeekLabel();
    void selectFirstLesson();

    Workspace::Workspace &m_workspace;
    Workspace::TimetableModel *m_model = nullptr;
    QLabel *m_weekLabel = nullptr;
    QPushButton *m_previousButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_thisWeekButton = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_errorLabel = nullptr;
};

} // namespace Cartable::Gui
