#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Cartable::Workspace {
class CahierModel;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

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
    void fillTeachings();
    void onTeachingChosen(int index);
    void openCurrent();
    void updateState();

    Workspace::Workspace &m_workspace;
    Workspace::CahierModel *m_model = nullptr;
    QComboBox *m_teachingPicker = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_openButton = nullptr;
    QLabel *m_emptyLabel = nullptr;
};

} // namespace Cartable::Gui
