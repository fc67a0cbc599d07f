#pragma once

#include "core/result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace Cartable::Workspace {
class CompetencyModel;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

// Assessing the competencies of one evaluation: pick the evaluation, then a
// key a cell (1 insufficient … 4 very good, Delete clears) and the
// selection moves to the next student. Each level shows its short form,
// its colour and, in the legend and tooltips, its words.
class CompetencyView : public QWidget
{
    Q_OBJECT

public:
    CompetencyView(Workspace::Workspace &workspace, QWidget *parent = nullptr);
    ~CompetencyView() override;

    Workspace::CompetencyModel *model() const { return m_model; }
    // Shows that evaluation when it is one of the picker's.
    void setEvaluation(const QString &evaluationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reloadEvaluations();
    void showChosenEvaluation();
    void setCurrentLevel(int level);
    void showError(const Core::Error &error);

    Workspace::Workspace &m_workspace;
    Workspace::CompetencyModel *m_model = nullptr;
    QComboBox *m_picker = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
};

} // namespace Cartable::Gui
