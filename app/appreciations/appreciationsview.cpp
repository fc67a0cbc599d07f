#include "appreciationsview.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "app/common/teachingpicker.h"
#include "workspace/appreciations/appreciationmodel.h"
#include "workspace/workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace Cartable::Gui {

using Workspace::AppreciationModel;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPeriodIdRole = Qt::UserRole + 1;

} // namespace

AppreciationsView::AppreciationsView(Workspace::Workspace &workspace, QWidget *parent)
    : QWidget(parent),
      m_workspace(workspace),
      m_model(new AppreciationModel(workspace, this)),
      m_delegate(new AppreciationDelegate(this))
{
    setObjectName(u"appreciationsView"_s);
    setAccessibleName(tr("Appreciations"));

    m_teachingPicker = new TeachingPicker(this);
    m_teachingPicker->setObjectName(u"appreciationTeachingPicker"_s);
    m_teachingPicker->setAccessibleName(tr("Teaching"));
    auto *teachingLabel = new QLabel(tr("&Teaching:"), this);
    teachingLabel->setBuddy(m_teachingPicker);
    m_periodPicker = new QComboBox(this);
    m_periodPicker->setObjectName(u"appreciationPeriodPicker"_s);
    m_periodPicker->setAccessibleName(tr("Period"));
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_periodPicker);

    m_banner = new QLabel(this);
    m_banner->setObjectName(u"appreciationReadOnlyBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(u"background: #fff4ce; color: #3b2f00; padding: 6px;"_s);
    m_error = createErrorLabel(this, u"appreciationError"_s);

    m_table = new QTableView(this);
    m_table->setObjectName(u"appreciationTable"_s);
    m_table->setAccessibleName(tr("Appreciations of the students"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(AppreciationModel::AppreciationColumn, m_delegate);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(AppreciationModel::AppreciationColumn, QHeaderView::Stretch);
    m_table->installEventFilter(this);

    m_counter = new QLabel(this);
    m_counter->setObjectName(u"appreciationCounter"_s);
    m_counter->setAccessibleName(tr("Characters typed"));
    auto *hint = new QLabel(tr("Enter or F2 writes the selected student's appreciation; Ctrl+Enter or Tab saves it "
                               "and goes to the next student, Escape gives up the change."),
                            this);
    hint->setObjectName(u"appreciationHint"_s);
    hint->setWordWrap(true);

    auto *pickers = new QHBoxLayout;
    pickers->addWidget(teachingLabel);
    pickers->addWidget(m_teachingPicker, 2);
    pickers->addWidget(periodLabel);
    pickers->addWidget(m_periodPicker, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(m_counter);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pickers);
    layout->addWidget(m_banner);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    setTabOrder(m_teachingPicker, m_periodPicker);
    setTabOrder(m_periodPicker, m_table);

    connect(m_teachingPicker, &TeachingPicker::chosen, this, &AppreciationsView::onTeachingChosen);
    connect(m_periodPicker, &QComboBox::currentIndexChanged, this, &AppreciationsView::onPeriodChosen);
    connect(m_model, &AppreciationModel::readOnlyChanged, this, &AppreciationsView::updateReadOnly);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateReadOnly();
        m_table->resizeRowsToContents();
    });
    connect(m_delegate, &AppreciationDelegate::lengthChanged, this, &AppreciationsView::showLength);
    connect(m_delegate, &AppreciationDelegate::committed, this, &AppreciationsView::onCommitted);
    connect(m_delegate, &AppreciationDelegate::commitFailed, this, &AppreciationsView::onCommitFailed);
    connect(&m_workspace, &Workspace::Workspace::reloaded, this, [this] {
        fillPeriods();
        m_teachingPicker->setTeachings(m_workspace.teachings());
    });
    fillPeriods();
    m_teachingPicker->setTeachings(m_workspace.teachings());
    showLength(-1);
}

void AppreciationsView::fillPeriods()
{
    QString chosen = m_periodPicker->currentData(kPeriodIdRole).toString();
    if (chosen.isEmpty()) {
        if (const std::optional<Core::Record> current = m_workspace.periodOn(m_workspace.today()))
            chosen = current->id();
    }
    const QSignalBlocker blocker(m_periodPicker);
    m_periodPicker->clear();
    int keep = -1;
    for (const Core::Record &period : m_workspace.periods()) {
        if (period.id() == chosen)
            keep = m_periodPicker->count();
        const QString name = period.text(u"name"_s);
        m_periodPicker->addItem(period.flag(u"closed"_s) ? tr("%1 (closed)").arg(name) : name);
        m_periodPicker->setItemData(m_periodPicker->count() - 1, period.id(), kPeriodIdRole);
    }
    if (keep < 0)
        keep = m_periodPicker->count() - 1;
    m_periodPicker->setCurrentIndex(keep);
    m_model->setPeriod(m_periodPicker->currentData(kPeriodIdRole).toString());
}

void AppreciationsView::onTeachingChosen(const Workspace::Teaching &teaching)
{
    clearAlert(m_error);
    m_model->setTeaching(teaching);
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, AppreciationModel::AppreciationColumn));
}

void AppreciationsView::onPeriodChosen(int index)
{
    clearAlert(m_error);
    m_model->setPeriod(m_periodPicker->itemData(index, kPeriodIdRole).toString());
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, AppreciationModel::AppreciationColumn));
}

void AppreciationsView::updateReadOnly()
{
    const bool readOnly = m_model->isReadOnly();
    m_banner->setText(readOnly ? tr("Read only: %1").arg(m_model->readOnlyReason()) : QString());
    m_banner->setAccessibleName(m_banner->text());
    m_banner->setVisible(readOnly);
}

void AppreciationsView::showLength(int length)
{
    if (length < 0) {
        m_counter->clear();
        return;
    }
    const QLocale locale;
    const QString count
        = tr("%1 / %2 characters").arg(locale.toString(length), locale.toString(AppreciationModel::kMaxLength));
    const bool over = length > AppreciationModel::kMaxLength;
    m_counter->setText(over ? tr("%1 — too long").arg(count) : count);
    QFont font = m_counter->font();
    font.setBold(over);
    m_counter->setFont(font);
}

void AppreciationsView::onCommitted(const QModelIndex &index, AppreciationDelegate::Move move)
{
    clearAlert(m_error);
    showLength(-1);
    m_table->resizeRowToContents(index.row());
    const int next = index.row() + (move == AppreciationDelegate::Move::Next ? 1 : -1);
    if (next >= 0 && next < m_model->rowCount())
        moveTo(next, true);
    else
        m_table->setFocus();
}

void AppreciationsView::onCommitFailed(const QModelIndex &)
{
    if (const std::optional<Core::Error> &error = m_model->lastError())
        showAlert(m_error, tr("Not saved: %1").arg(ErrorMessages::saveFailure(*error)));
}

void AppreciationsView::moveTo(int row, bool edit)
{
    const QModelIndex target = m_model->index(row, AppreciationModel::AppreciationColumn);
    m_table->setCurrentIndex(target);
    m_table->scrollTo(target);
    if (edit && (m_model->flags(target) & Qt::ItemIsEditable))
        m_table->edit(target);
}

bool AppreciationsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_table->currentIndex().row();
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (row >= 0)
                moveTo(row, true);
            if (row >= 0 && m_model->isReadOnly())
                showAlert(m_error, m_model->readOnlyReason());
            return true;
        }
        if ((key->modifiers() & Qt::ControlModifier) && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up)) {
            const int next = row + (key->key() == Qt::Key_Down ? 1 : -1);
            if (next >= 0 && next < m_model->rowCount())
                moveTo(next, false);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Cartable::Gui
