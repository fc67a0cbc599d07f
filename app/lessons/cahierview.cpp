#include "cahierview.h"

#include "app/common/teachingpicker.h"

#include "workspace/lessons/cahiermodel.h"
#include "workspace/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

CahierView::CahierView(Workspace::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new Workspace::CahierModel(workspace, this))
{
    setObjectName(u"cahierView"_s);
    setAccessibleName(tr("Cahier de textes"));

    m_teachingPicker = new TeachingPicker(this);
    m_teachingPicker->setObjectName(u"cahierTeachingPicker"_s);
    m_teachingPicker->setAccessibleName(tr("Teaching"));
    auto *pickerLabel = new QLabel(tr("&Teaching:"), this);
    pickerLabel->setBuddy(m_teachingPicker);

    m_table = new QTableView(this);
    m_table->setObjectName(u"cahierTable"_s);
    m_table->setAccessibleName(tr("Entries of the cahier de textes"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Workspace::CahierModel::ContentColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Workspace::CahierModel::HomeworkColumn, QHeaderView::Stretch);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::doubleClicked, this, &CahierView::openCurrent);

    m_openButton = new QPushButton(tr("&Open lesson"), this);
    m_openButton->setObjectName(u"cahierOpenButton"_s);
    m_openButton->setAccessibleName(tr("Open the lesson of the selected entry"));
    connect(m_openButton, &QPushButton::clicked, this, &CahierView::openCurrent);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(u"cahierEmptyLabel"_s);
    m_emptyLabel->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(pickerLabel);
    top->addWidget(m_teachingPicker, 1);
    top->addWidget(m_openButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_table, 1);
    setTabOrder(m_teachingPicker, m_table);
    setTabOrder(m_table, m_openButton);

    connect(m_teachingPicker, &TeachingPicker::chosen, this, &CahierView::onTeachingChosen);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CahierView::updateState);
    connect(&m_workspace, &Workspace::Workspace::reloaded, this,
            [this] { m_teachingPicker->setTeachings(m_workspace.teachings()); });
    m_teachingPicker->setTeachings(m_workspace.teachings());
    updateState();
}

void CahierView::onTeachingChosen(const Workspace::Teaching &teaching)
{
    if (!(teaching == m_model->teaching()))
        m_model->setTeaching(teaching);
    updateState();
}

void CahierView::updateState()
{
    if (m_teachingPicker->count() == 0)
        m_emptyLabel->setText(tr("You teach no class or group in this establishment."));
    else if (m_model->rowCount() == 0)
        m_emptyLabel->setText(tr("Nothing is written in this cahier de textes yet."));
    else
        m_emptyLabel->clear();
    m_emptyLabel->setVisible(!m_emptyLabel->text().isEmpty());
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
    m_openButton->setEnabled(m_model->rowCount() > 0);
}

void CahierView::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString sessionId = current.siblingAtColumn(0).data(Workspace::CahierModel::SessionIdRole).toString();
    if (sessionId.isEmpty()) {
        m_emptyLabel->setText(tr("This entry belongs to no lesson of the timetable: it cannot be opened."));
        m_emptyLabel->show();
        return;
    }
    Q_EMIT lessonOpened(sessionId);
}

bool CahierView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Cartable::Gui
