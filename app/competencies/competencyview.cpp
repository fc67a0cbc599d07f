#include "competencyview.h"

#include "app/common/errormessages.h"
#include "core/errorcode.h"
#include "workspace/competencies/competencymodel.h"
#include "workspace/workspace.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Cartable::Gui {

using Workspace::CompetencyModel;
using Level = Workspace::CompetencyModel::Level;
using namespace Qt::StringLiterals;

namespace {

const QList<Level> &allLevels()
{
    static const QList<Level> levels{Level::Insufficient, Level::Fragile, Level::Satisfactory, Level::VeryGood};
    return levels;
}

// Paints each level in its colour; the cell keeps its short form and the
// tooltip its words, so the colour is never alone.
class LevelColours : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::BackgroundRole || role == Qt::ForegroundRole) {
            const auto level = Level(QIdentityProxyModel::data(index, CompetencyModel::LevelRole).toInt());
            if (level == Level::None)
                return {};
            return QColor(role == Qt::BackgroundRole ? CompetencyModel::levelColour(level)
                                                     : CompetencyModel::levelTextColour(level));
        }
        return QIdentityProxyModel::data(index, role);
    }
};

QString legendText()
{
    QStringList lines;
    int key = 1;
    for (Level level : allLevels()) {
        lines.append(CompetencyView::tr("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span> "
                                        "%4 (key %5)")
                         .arg(CompetencyModel::levelColour(level), CompetencyModel::levelTextColour(level),
                              CompetencyModel::levelShortName(level).toHtmlEscaped(),
                              CompetencyModel::levelName(level).toHtmlEscaped())
                         .arg(key++));
    }
    return lines.join(u" &nbsp; "_s);
}

} // namespace

CompetencyView::CompetencyView(Workspace::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new CompetencyModel(workspace, this))
{
    m_picker = new QComboBox(this);
    m_picker->setObjectName(u"evaluationPicker"_s);
    m_picker->setAccessibleName(tr("Evaluation"));
    auto *pickerLabel = new QLabel(tr("&Evaluation:"), this);
    pickerLabel->setBuddy(m_picker);

    m_emptyLabel = new QLabel(tr("None of your evaluations assesses competencies yet."), this);
    m_emptyLabel->setObjectName(u"competencyEmpty"_s);
    m_emptyLabel->hide();

    auto *proxy = new LevelColours(this);
    proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(u"competencyTable"_s);
    m_table->setAccessibleName(tr("Competency levels"));
    m_table->setAccessibleDescription(tr("Keys 1 to 4 set the level, Delete clears it."));
    m_table->setModel(proxy);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->installEventFilter(this);

    auto *legend = new QLabel(legendText(), this);
    legend->setObjectName(u"competencyLegend"_s);
    legend->setAccessibleName(tr("Levels"));
    legend->setTextFormat(Qt::RichText);
    legend->setWordWrap(true);

    m_readOnlyLabel = new QLabel(tr("This evaluation’s period is closed: its levels can no longer change."), this);
    m_readOnlyLabel->setObjectName(u"competencyReadOnly"_s);
    m_readOnlyLabel->hide();

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"competencyError"_s);
    m_errorLabel->setAccessibleName(tr("Competency error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(pickerLabel);
    top->addWidget(m_picker, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(legend);
    layout->addWidget(m_readOnlyLabel);
    layout->addWidget(m_errorLabel);
    setTabOrder(m_picker, m_table);

    connect(m_picker, &QComboBox::currentIndexChanged, this, &CompetencyView::showChosenEvaluation);
    connect(m_model, &CompetencyModel::saveFailed, this, &CompetencyView::showError);
    connect(&m_workspace, &Workspace::Workspace::reloaded, this, &CompetencyView::reloadEvaluations);
    connect(&m_workspace, &Workspace::Workspace::changed, this, [this](const QString &type) {
        if (type == u"evaluation"_s || type == u"evaluation_competency"_s)
            reloadEvaluations();
    });
    reloadEvaluations();
}

CompetencyView::~CompetencyView() = default;

void CompetencyView::reloadEvaluations()
{
    const QString current = m_picker->currentData().toString();
    const QList<CompetencyModel::Choice> choices = CompetencyModel::evaluationsWithCompetencies(m_workspace);
    {
        const QSignalBlocker blocker(m_picker);
        m_picker->clear();
        for (const CompetencyModel::Choice &choice : choices)
            m_picker->addItem(choice.label, choice.evaluationId);
        const int index = m_picker->findData(current);
        m_picker->setCurrentIndex(index >= 0 ? index : (choices.isEmpty() ? -1 : 0));
    }
    m_emptyLabel->setVisible(choices.isEmpty());
    if (m_picker->currentData().toString() != m_model->evaluationId())
        showChosenEvaluation();
}

void CompetencyView::setEvaluation(const QString &evaluationId)
{
    const int index = m_picker->findData(evaluationId);
    if (index >= 0)
        m_picker->setCurrentIndex(index);
}

void CompetencyView::showChosenEvaluation()
{
    m_errorLabel->hide();
    m_model->setEvaluation(m_picker->currentData().toString());
    m_readOnlyLabel->setVisible(m_model->isReadOnly());
    if (m_model->rowCount() > 0 && m_model->columnCount() > 0)
        m_table->setCurrentIndex(m_table->model()->index(0, 0));
}

bool CompetencyView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return QWidget::eventFilter(watched, event);
    switch (key->key()) {
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
    case Qt::Key_4:
        setCurrentLevel(key->key() - Qt::Key_0);
        return true;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        setCurrentLevel(0);
        return true;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void CompetencyView::setCurrentLevel(int level)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    // Level's values follow the keys: 0 none, 1 insufficient … 4 very good.
    if (!m_model->setLevel(current.row(), current.column(), Level(level)).ok())
        return; // saveFailed() said why
    m_errorLabel->hide();
    if (level != 0 && current.row() + 1 < m_table->model()->rowCount())
        m_table->setCurrentIndex(m_table->model()->index(current.row() + 1, current.column()));
}

void CompetencyView::showError(const Core::Error &error)
{
    if (error.code == Core::ErrorCode::PeriodClosed)
        m_errorLabel->setText(error.context.isEmpty()
                                  ? tr("This period is closed: its levels can no longer change.")
                                  : tr("%1 is closed: its levels can no longer change.").arg(error.context));
    else
        m_errorLabel->setText(ErrorMessages::saveFailure(error));
    m_errorLabel->show();
}

} // namespace Cartable::Gui
