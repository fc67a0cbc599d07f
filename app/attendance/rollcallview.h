#pragma once

#include "core/result.h"
#include "workspace/attendance/rollcallmodel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Cartable::Gui {

// The roll call (appel) of a lesson, taken with one key a student: P or
// Space present, A absent, R then the minutes and Enter late, Delete to undo;
// the selection then moves to the next student. Every mark is saved at once.
class RollCallView : public QWidget
{
    Q_OBJECT

public:
    RollCallView(Workspace::Workspace &workspace, QWidget *parent = nullptr);
    ~RollCallView() override;

    void setSession(const QString &sessionId);
    Workspace::RollCallModel *model() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleKey(int key, const QString &text);
    void mark(Workspace::RollCallModel::Status status, int minutesLate = 0);
    void startLateEntry();
    void cancelLateEntry();
    void commitLateEntry();
    void moveDown();
    void updateTitle();
    void updateCounts();
    void showError(const Core::Error &error);
    void markEveryoneElsePresent();
    void finishRollCall();

    Workspace::Workspace &m_workspace;
    Workspace::RollCallModel *m_model = nullptr;
    QLabel *m_titleLabel = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_lateLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QPushButton *m_allPresentButton = nullptr;
    QPushButton *m_doneButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    int m_lateRow = -1; // the student whose minutes are being typed
    QString m_lateDigits;
};

} // namespace Cartable::Gui
