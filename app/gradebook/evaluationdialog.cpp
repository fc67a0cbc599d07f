#include "evaluationdialog.h"

#include "app/common/dialogparts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

constexpr int kCompetencyIdRole = Qt::UserRole + 1;

QDate dateOf(const Core::Record &period, const QString &field)
{
    return QDate::fromString(period.text(field), Qt::ISODate);
}

} // namespace

EvaluationDialog::EvaluationDialog(const QList<Core::Record> &periods,
                                   const QList<Workspace::CompetencyChoice> &competencies, QWidget *parent)
    : QDialog(parent), m_periods(periods)
{
    setObjectName(u"evaluationDialog"_s);
    setWindowTitle(tr("Evaluation"));
    setAccessibleName(tr("Evaluation"));

    m_title = new QLineEdit(this);
    m_title->setObjectName(u"titleEdit"_s);
    m_title->setAccessibleName(tr("Title"));
    m_title->setMaxLength(200);
    m_title->setPlaceholderText(tr("Required, such as \"Contrôle n°3\""));

    m_date = new QDateEdit(this);
    m_date->setObjectName(u"dateEdit"_s);
    m_date->setAccessibleName(tr("Date"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(locale().dateFormat(QLocale::ShortFormat));

    m_coefficient = new QDoubleSpinBox(this);
    m_coefficient->setObjectName(u"coefficientSpin"_s);
    m_coefficient->setAccessibleName(tr("Coefficient"));
    m_coefficient->setRange(0.01, 100.0);
    m_coefficient->setDecimals(2);
    m_coefficient->setSingleStep(0.5);
    m_coefficient->setValue(1.0);

    m_scale = new QSpinBox(this);
    m_scale->setObjectName(u"scaleSpin"_s);
    m_scale->setAccessibleName(tr("Out of"));
    m_scale->setRange(Core::GradeValue::kMinScale, Core::GradeValue::kMaxScale);
    m_scale->setValue(20);

    m_period = new QComboBox(this);
    m_period->setObjectName(u"periodCombo"_s);
    m_period->setAccessibleName(tr("Period"));
    for (const Core::Record &period : std::as_const(m_periods)) {
        const QString name = period.flag(u"closed"_s) ? tr("%1 (closed)").arg(period.text(u"name"_s))
                                                      : period.text(u"name"_s);
        m_period->addItem(name, period.id());
    }

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);

    m_published = new QCheckBox(tr("&Visible to students and families"), this);
    m_published->setObjectName(u"publishedCheck"_s);
    m_published->setAccessibleName(tr("Visible to students and families"));
    m_published->setChecked(true);

    m_competencies = new QListWidget(this);
    m_competencies->setObjectName(u"competencyList"_s);
    m_competencies->setAccessibleName(tr("Competencies assessed"));
    for (const Workspace::CompetencyChoice &choice : competencies) {
        auto *item = new QListWidgetItem(choice.code + u" — " + choice.label, m_competencies);
        item->setData(kCompetencyIdRole, choice.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }

    auto *form = new QFormLayout;
    const auto addRow = [this, form](const QString &label, QWidget *field) {
        auto *buddy = new QLabel(label, this);
        buddy->setBuddy(field);
        form->addRow(buddy, field);
    };
    addRow(tr("&Title:"), m_title);
    addRow(tr("&Date:"), m_date);
    addRow(tr("&Coefficient:"), m_coefficient);
    addRow(tr("&Out of:"), m_scale);
    addRow(tr("&Period:"), m_period);
    addRow(tr("D&escription:"), m_description);
    form->addRow(QString(), m_published);
    addRow(tr("Co&mpetencies:"), m_competencies);

    m_error = createErrorLabel(this, u"evaluationError"_s);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"evaluationButtons"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"okButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &EvaluationDialog::validate);
    connect(m_date, &QDateEdit::dateChanged, this, &EvaluationDialog::followDate);
    connect(m_period, &QComboBox::currentIndexChanged, this, &EvaluationDialog::validate);
    setNewOn(QDate::currentDate());
}

void EvaluationDialog::setNewOn(const QDate &date)
{
    m_date->setDate(date);
    followDate();
}

void EvaluationDialog::setDraft(const Workspace::EvaluationDraft &draft)
{
    setWindowTitle(tr("Edit evaluation"));
    m_title->setText(draft.title);
    m_date->setDate(draft.date);
    m_coefficient->setValue(draft.coefficient.toDouble());
    m_scale->setValue(draft.scale);
    m_period->setCurrentIndex(m_period->findData(draft.periodId));
    m_description->setPlainText(draft.description);
    m_published->setChecked(draft.published);
    for (int i = 0; i < m_competencies->count(); ++i) {
        QListWidgetItem *item = m_competencies->item(i);
        const bool linked = draft.competencyIds.contains(item->data(kCompetencyIdRole).toString());
        item->setCheckState(linked ? Qt::Checked : Qt::Unchecked);
    }
    validate();
}

Workspace::EvaluationDraft EvaluationDialog::draft() const
{
    Workspace::EvaluationDraft draft;
    draft.title = m_title->text().trimmed();
    draft.date = m_date->date();
    const auto hundredths = static_cast<qint64>(std::llround(m_coefficient->value() * 100.0));
    draft.coefficient = Core::Coefficient::fromHundredths(hundredths).value_or(Core::Coefficient());
    draft.scale = m_scale->value();
    draft.periodId = m_period->currentData().toString();
    draft.description = m_description->toPlainText().trimmed();
    draft.published = m_published->isChecked();
    for (int i = 0; i < m_competencies->count(); ++i) {
        const QListWidgetItem *item = m_competencies->item(i);
        if (item->checkState() == Qt::Checked)
            draft.competencyIds.append(item->data(kCompetencyIdRole).toString());
    }
    return draft;
}

const Core::Record *EvaluationDialog::selectedPeriod() const
{
    const int index = m_period->currentIndex();
    return index >= 0 && index < m_periods.size() ? &m_periods.at(index) : nullptr;
}

void EvaluationDialog::followDate()
{
    const QDate date = m_date->date();
    for (int i = 0; i < m_periods.size(); ++i) {
        if (dateOf(m_periods.at(i), u"starts_on"_s) <= date && date <= dateOf(m_periods.at(i), u"ends_on"_s)) {
            m_period->setCurrentIndex(i);
            break;
        }
    }
    validate();
}

QString EvaluationDialog::problem() const
{
    if (m_title->text().trimmed().isEmpty())
        return tr("Give the evaluation a title.");
    const Core::Record *period = selectedPeriod();
    if (!period)
        return tr("Choose a period.");
    const QString name = period->text(u"name"_s);
    if (period->flag(u"closed"_s))
        return tr("%1 is closed: choose another period.").arg(name);
    const QDate date = m_date->date();
    if (date < dateOf(*period, u"starts_on"_s) || date > dateOf(*period, u"ends_on"_s)) {
        return tr("The date must be within %1, from %2 to %3.")
            .arg(name, locale().toString(dateOf(*period, u"starts_on"_s), QLocale::ShortFormat),
                 locale().toString(dateOf(*period, u"ends_on"_s), QLocale::ShortFormat));
    }
    return {};
}

void EvaluationDialog::validate()
{
    const QString sentence = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(sentence.isEmpty());
    if (sentence.isEmpty())
        clearAlert(m_error);
    else
        showAlert(m_error, sentence);
}

} // namespace Cartable::Gui
