#pragma once

#include "core/domain/record.h"
#include "workspace/gradebook/gradebookmodel.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace Cartable::Gui {

// Creates or changes an evaluation: its title, date, coefficient, scale,
// period, description, whether families see it, and the competencies it
// assesses. OK stays disabled until the evaluation is valid, and the reason
// is written under the form.
class EvaluationDialog : public QDialog
{
    Q_OBJECT

public:
    // `periods` as Workspace::periods() gives them, in order.
    EvaluationDialog(const QList<Core::Record> &periods, const QList<Workspace::CompetencyChoice> &competencies,
                     QWidget *parent = nullptr);

    // A new evaluation on `date`, in the period containing it.
    void setNewOn(const QDate &date);
    // An existing evaluation to change.
    void setDraft(const Workspace::EvaluationDraft &draft);
    Workspace::EvaluationDraft draft() const;
    // Why OK is disabled; empty when the evaluation is valid.
    QString problem() const;

private:
    void followDate();
    void validate();
    const Core::Record *selectedPeriod() const;

    QList<Core::Record> m_periods;
    QLineEdit *m_title = nullptr;
    QDateEdit *m_date = nullptr;
    QDoubleSpinBox *m_coefficient = nullptr;
    QSpinBox *m_scale = nullptr;
    QComboBox *m_period = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QCheckBox *m_published = nullptr;
    QListWidget *m_competencies = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Cartable::Gui
