#pragma once

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace Cartable::Workspace {
class ConflictModel;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

// Every value that lost when two people changed the same thing, with both
// values, who and when; one action puts the lost value back or keeps what
// won.
class ConflictCentre : public QWidget
{
    Q_OBJECT

public:
    explicit ConflictCentre(Workspace::Workspace &workspace, QWidget *parent = nullptr);
    ~ConflictCentre() override;

    Workspace::ConflictModel *model() const { return m_model; }

Q_SIGNALS:
    void openCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateDetail();
    void act(bool restore);

    Workspace::ConflictModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QCheckBox *m_showResolved = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_keep = nullptr;
};

} // namespace Cartable::Gui
