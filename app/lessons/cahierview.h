#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Cartable::Workspace {
class CahierModel;
struct Teaching;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

class TeachingPicker;

// The cahier de textes of one of the teacher's teachings, most recent first.
// Enter (or a double click, or "Open lesson") opens the entry's lesson.
class CahierView : public QWidget
{
    Q_OBJECT

public:
    CahierView(Workspace::Workspace &workspace, QWidget *parent);

    Workspace::CahierModel *model() const { return m_model; }

Q_SIGNALS:
    void lessonOpened(const QString &sessionId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTeachingChosen(const Workspace::Teaching &teaching);
    void openCurrent();
    void updateState();

    Workspace::Workspace &m_workspace;
    Workspace::CahierModel *m_model = nullptr;
    TeachingPicker *m_teachingPicker = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_openButton = nullptr;
    QLabel *m_emptyLabel = nullptr;
};

} // namespace Cartable::Gui
