#include "conflictcentre.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "workspace/conflicts/conflictmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Cartable::Gui {

using Workspace::ConflictModel;
using namespace Qt::StringLiterals;

ConflictCentre::ConflictCentre(Workspace::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_model(new ConflictModel(workspace, this))
{
    setObjectName(u"conflictCentre"_s);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    m_showResolved = new QCheckBox(this);
    m_showResolved->setObjectName(u"showResolvedCheck"_s);
    connect(m_showResolved, &QCheckBox::toggled, m_model, &ConflictModel::setShowResolved);

    m_table = new QTableView(this);
    m_table->setObjectName(u"conflictTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ConflictModel::ItemColumn, QHeaderView::Stretch);

    m_detail = new QLabel(this);
    m_detail->setObjectName(u"conflictDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setFocusPolicy(Qt::TabFocus);
    m_error = createErrorLabel(this, u"conflictError"_s);

    m_restore = new QPushButton(this);
    m_restore->setObjectName(u"restoreButton"_s);
    m_keep = new QPushButton(this);
    m_keep->setObjectName(u"keepButton"_s);
    connect(m_restore, &QPushButton::clicked, this, [this] { act(true); });
    connect(m_keep, &QPushButton::clicked, this, [this] { act(false); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_restore);
    buttons->addWidget(m_keep);
    buttons->addStretch(1);
    buttons->addWidget(m_showResolved);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConflictCentre::updateDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, ConflictModel::ItemColumn));
        updateDetail();
    });
    connect(m_model, &ConflictModel::openCountChanged, this, &ConflictCentre::openCountChanged);
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, ConflictModel::ItemColumn));
    retranslateUi();
    updateDetail();
}

ConflictCentre::~ConflictCentre() = default;

void ConflictCentre::retranslateUi()
{
    m_title->setText(tr("Conflicts"));
    m_intro->setText(tr("When you and someone else changed the same thing, one value was kept and the other is "
                        "listed here. Nothing is lost: put your value back, or keep the one that won."));
    m_showResolved->setText(tr("S&how resolved conflicts"));
    m_restore->setText(tr("&Restore the value that lost"));
    m_keep->setText(tr("&Keep the current value"));
    m_table->setAccessibleName(tr("Conflicts"));
    m_detail->setAccessibleName(tr("Conflict details"));
    m_restore->setAccessibleName(m_restore->text().remove(u'&'));
    m_keep->setAccessibleName(m_keep->text().remove(u'&'));
}

void ConflictCentre::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConflictCentre::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    const bool open = current.isValid() && current.data(ConflictModel::IsOpenRole).toBool();
    m_restore->setEnabled(open);
    m_keep->setEnabled(open);
    if (!current.isValid()) {
        m_detail->setText(m_model->rowCount() == 0 ? tr("No conflict to review.") : QString());
        return;
    }
    m_detail->setText(current.data(ConflictModel::DetailRole).toString());
}

void ConflictCentre::act(bool restore)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    clearAlert(m_error);
    const int row = current.row();
    const Core::Result<qint64> done = restore ? m_model->restore(row) : m_model->dismiss(row);
    if (!done) {
        showAlert(m_error, ErrorMessages::saveFailure(done.error()));
        return;
    }
    // The next conflict to review, if any.
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1), ConflictModel::ItemColumn));
    m_table->setFocus();
}

} // namespace Cartable::Gui
