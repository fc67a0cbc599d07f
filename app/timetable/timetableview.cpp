#include "timetableview.h"

#include "app/common/errormessages.h"
#include "workspace/timetable/timetablemodel.h"
#include "workspace/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Cartable::Gui {

using Workspace::TimetableModel;
using namespace Qt::StringLiterals;

namespace {

// Strikes a cancelled lesson through; its status column says "Cancelled" in
// words as well.
class LessonDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto status = TimetableModel::Status(index.data(TimetableModel::StatusRole).toInt());
        if (status == TimetableModel::Status::Cancelled || status == TimetableModel::Status::MovedAway)
            option->font.setStrikeOut(true);
    }
};

} // namespace

TimetableView::TimetableView(Workspace::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new TimetableModel(workspace, this))
{
    m_previousButton = new QPushButton(tr("&Previous week"), this);
    m_previousButton->setObjectName(u"previousWeekButton"_s);
    m_previousButton->setAccessibleName(tr("Previous week"));
    m_previousButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_previousButton->setToolTip(tr("Previous week (Alt+Left)"));
    m_thisWeekButton = new QPushButton(tr("&This week"), this);
    m_thisWeekButton->setObjectName(u"thisWeekButton"_s);
    m_thisWeekButton->setAccessibleName(tr("This week"));
    m_thisWeekButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    m_thisWeekButton->setToolTip(tr("This week (Alt+Home)"));
    m_nextButton = new QPushButton(tr("&Next week"), this);
    m_nextButton->setObjectName(u"nextWeekButton"_s);
    m_nextButton->setAccessibleName(tr("Next week"));
    m_nextButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_nextButton->setToolTip(tr("Next week (Alt+Right)"));

    m_weekLabel = new QLabel(this);
    m_weekLabel->setObjectName(u"weekLabel"_s);
    m_weekLabel->setAccessibleName(tr("Week shown"));
    QFont bold = m_weekLabel->font();
    bold.setBold(true);
    m_weekLabel->setFont(bold);

    m_table = new QTableView(this);
    m_table->setObjectName(u"timetableTable"_s);
    m_table->setAccessibleName(tr("Lessons of the week"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new LessonDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TimetableModel::StatusColumn, QHeaderView::Stretch);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"timetableError"_s);
    m_errorLabel->setAccessibleName(tr("Timetable error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_previousButton);
    navigation->addWidget(m_thisWeekButton);
    navigation->addWidget(m_nextButton);
    navigation->addSpacing(12);
    navigation->addWidget(m_weekLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(navigation);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_errorLabel);

    setTabOrder(m_table, m_previousButton);
    setTabOrder(m_previousButton, m_thisWeekButton);
    setTabOrder(m_thisWeekButton, m_nextButton);
    setFocusProxy(m_table);

    connect(m_previousButton, &QPushButton::clicked, this, &TimetableView::showPreviousWeek);
    connect(m_nextButton, &QPushButton::clicked, this, &TimetableView::showNextWeek);
    connect(m_thisWeekButton, &QPushButton::clicked, this, &TimetableView::showThisWeek);
    connect(m_table, &QTableView::activated, this, &TimetableView::openLesson);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimetableView::selectFirstLesson);

    showThisWeek();
}

TimetableView::~TimetableView() = default;

void TimetableView::showWeek(const QDate &anyDayOfWeek)
{
    m_errorLabel->hide();
    m_model->setWeek(anyDayOfWeek);
    updateWeekLabel();
}

void TimetableView::showPreviousWeek()
{
    showWeek(m_model->week().addDays(-7));
}

void TimetableView::showNextWeek()
{
    showWeek(m_model->week().addDays(7));
}

void TimetableView::showThisWeek()
{
    showWeek(m_workspace.today());
}

void TimetableView::updateWeekLabel()
{
    const QDate monday = m_model->week();
    const QString day = QLocale().toString(monday, u"d MMMM yyyy"_s);
    const QString text = TimetableModel::isWeekA(monday) ? tr("Week of %1 · week A").arg(day)
                                                         : tr("Week of %1 · week B").arg(day);
    m_weekLabel->setText(text);
    m_weekLabel->setAccessibleDescription(text);
    m_table->setAccessibleDescription(m_model->rowCount() == 0 ? tr("No lesson this week.") : text);
}

void TimetableView::selectFirstLesson()
{
    if (m_model->rowCount() == 0)
        return;
    // Today first: the lesson happening now or the next one.
    const int today = m_model->todayRow();
    const int row = today >= 0 ? today : 0;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->scrollTo(m_model->index(row, 0));
}

void TimetableView::openLesson(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const Core::Result<QString> opened = m_model->openSession(index.row());
    if (opened) {
        m_errorLabel->hide();
        Q_EMIT lessonOpened(*opened);
        return;
    }
    const QString context = opened.error().context;
    QString message;
    if (context == u"lesson_session.cancelled"_s)
        message = tr("This lesson is cancelled: there is no roll call to take.");
    else if (context == u"lesson_session.moved"_s)
        message = tr("This lesson was moved: open it on its new day.");
    else if (context == u"lesson_session.replaced"_s)
        message = tr("A colleague gives this lesson in your place.");
    else if (context == u"lesson_session.not_own_assignment"_s)
        message = tr("You give this lesson in a colleague’s place: only the class’s own teacher can open it.");
    else
        message = ErrorMessages::saveFailure(opened.error());
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

} // namespace Cartable::Gui
