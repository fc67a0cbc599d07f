#include "rollcallview.h"

#include "app/common/errormessages.h"
#include "workspace/attendance/rollcallmodel.h"
#include "workspace/workspace.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace Cartable::Gui {

using Workspace::RollCallModel;
using Status = Workspace::RollCallModel::Status;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxLateDigits = 3;

} // namespace

RollCallView::RollCallView(Workspace::Workspace &workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(new RollCallModel(workspace, this))
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(u"rollCallTitle"_s);
    m_titleLabel->setAccessibleName(tr("Lesson"));
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);

    auto *help = new QLabel(tr("P or Space: present · A: absent · R, the minutes, Enter: late · Delete: not taken"),
                            this);
    help->setObjectName(u"rollCallHelp"_s);
    help->setWordWrap(true);

    m_table = new QTableView(this);
    m_table->setObjectName(u"rollCallTable"_s);
    m_table->setAccessibleName(tr("Class list"));
    m_table->setAccessibleDescription(help->text());
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->installEventFilter(this);

    m_lateLabel = new QLabel(this);
    m_lateLabel->setObjectName(u"lateMinutesLabel"_s);
    m_lateLabel->setAccessibleName(tr("Minutes late being typed"));
    m_lateLabel->hide();

    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(u"rollCallCounts"_s);
    m_countsLabel->setAccessibleName(tr("Roll call counts"));

    m_allPresentButton = new QPushButton(tr("Everyone &else present"), this);
    m_allPresentButton->setObjectName(u"allPresentButton"_s);
    m_allPresentButton->setAccessibleName(tr("Everyone else present"));
    m_doneButton = new QPushButton(tr("Roll call &done"), this);
    m_doneButton->setObjectName(u"rollCallDoneButton"_s);
    m_doneButton->setAccessibleName(tr("Roll call done"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(u"rollCallError"_s);
    m_errorLabel->setAccessibleName(tr("Roll call error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_countsLabel, 1);
    buttons->addWidget(m_allPresentButton);
    buttons->addWidget(m_doneButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(help);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_lateLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(buttons);

    setTabOrder(m_table, m_allPresentButton);
    setTabOrder(m_allPresentButton, m_doneButton);
    setFocusProxy(m_table);

    connect(m_model, &RollCallModel::countsChanged, this, &RollCallView::updateCounts);
    connect(m_model, &RollCallModel::saveFailed, this, &RollCallView::showError);
    connect(m_allPresentButton, &QPushButton::clicked, this, &RollCallView::markEveryoneElsePresent);
    connect(m_doneButton, &QPushButton::clicked, this, &RollCallView::finishRollCall);
    updateCounts();
}

RollCallView::~RollCallView() = default;

void RollCallView::setSession(const QString &sessionId)
{
    cancelLateEntry();
    m_errorLabel->hide();
    m_model->setSession(sessionId);
    updateTitle();
    if (m_model->rowCount() > 0) {
        int first = 0;
        while (first < m_model->rowCount() - 1 && m_model->status(first) != Status::NotTaken)
            ++first;
        m_table->setCurrentIndex(m_model->index(m_model->status(first) == Status::NotTaken ? first : 0, 0));
    }
}

void RollCallView::updateTitle()
{
    const Core::Record &session = m_model->session();
    if (session.id().isEmpty()) {
        m_titleLabel->setText(tr("No lesson chosen"));
        return;
    }
    const QLocale locale;
    const QDate date = QDate::fromString(session.text(u"date"_s), Qt::ISODate);
    const QTime start = QTime(0, 0).addSecs(int(session.number(u"start_minute"_s)) * 60);
    const QTime end = start.addSecs(int(session.number(u"duration_minutes"_s)) * 60);
    m_titleLabel->setText(tr("%1 · %2 · %3, %4–%5")
                              .arg(m_workspace.subjectName(session.text(u"subject_id"_s)),
                                   m_workspace.audienceName(session.text(u"class_id"_s), session.text(u"group_id"_s)),
                                   locale.toString(date, QLocale::LongFormat),
                                   locale.toString(start, QLocale::ShortFormat),
                                   locale.toString(end, QLocale::ShortFormat)));
}

void RollCallView::updateCounts()
{
    QString text = tr("Present: %1 · Absent: %2 · Late: %3 · Not taken: %4")
                       .arg(m_model->count(Status::Present))
                       .arg(m_model->count(Status::Absent))
                       .arg(m_model->count(Status::Late))
                       .arg(m_model->count(Status::NotTaken));
    if (m_model->isDone())
        text = tr("%1 · Roll call done").arg(text);
    m_countsLabel->setText(text);
    const bool hasSession = !m_model->sessionId().isEmpty();
    m_allPresentButton->setEnabled(hasSession && m_model->count(Status::NotTaken) > 0);
    m_doneButton->setEnabled(hasSession);
}

void RollCallView::showError(const Core::Error &error)
{
    QString message;
    if (error.context == u"roll_call_entry.minutes_late"_s)
        message = tr("The minutes late must be between %1 and %2.")
                      .arg(RollCallModel::kMinMinutesLate)
                      .arg(RollCallModel::kMaxMinutesLate);
    else if (error.context == u"roll_call_entry.not_taken"_s)
        message = tr("Some students are not taken yet: mark them, or choose “Everyone else present”.");
    else
        message = ErrorMessages::saveFailure(error);
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

bool RollCallView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            && handleKey(key->key(), key->text()))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool RollCallView::handleKey(int key, const QString &text)
{
    if (m_lateRow >= 0) {
        if (text.size() == 1 && text.at(0).isDigit()) {
            if (m_lateDigits.size() < kMaxLateDigits)
                m_lateDigits += text;
            m_lateLabel->setText(tr("Late: %1 min — Enter to save, Escape to cancel").arg(m_lateDigits));
            return true;
        }
        switch (key) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            commitLateEntry();
            return true;
        case Qt::Key_Escape:
            cancelLateEntry();
            return true;
        case Qt::Key_Backspace:
            m_lateDigits.chop(1);
            m_lateLabel->setText(tr("Late: %1 min — Enter to save, Escape to cancel").arg(m_lateDigits));
            return true;
        default:
            cancelLateEntry();
            break;
        }
    }
    switch (key) {
    case Qt::Key_P:
    case Qt::Key_Space:
        mark(Status::Present);
        return true;
    case Qt::Key_A:
        mark(Status::Absent);
        return true;
    case Qt::Key_R:
        startLateEntry();
        return true;
    case Qt::Key_Delete:
        mark(Status::NotTaken);
        return true;
    default:
        return false;
    }
}

void RollCallView::mark(Status status, int minutesLate)
{
    const int row = m_table->currentIndex().row();
    if (row < 0)
        return;
    if (!m_model->setStatus(row, status, minutesLate).ok())
        return; // saveFailed() said why
    m_errorLabel->hide();
    moveDown();
}

void RollCallView::startLateEntry()
{
    m_lateRow = m_table->currentIndex().row();
    if (m_lateRow < 0)
        return;
    m_lateDigits.clear();
    m_lateLabel->setText(tr("Late: type the minutes, then Enter (Escape to cancel)"));
    m_lateLabel->show();
}

void RollCallView::cancelLateEntry()
{
    m_lateRow = -1;
    m_lateDigits.clear();
    m_lateLabel->hide();
}

void RollCallView::commitLateEntry()
{
    const int row = m_lateRow;
    const int minutes = m_lateDigits.toInt();
    cancelLateEntry();
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
    mark(Status::Late, minutes);
}

void RollCallView::moveDown()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && current.row() + 1 < m_model->rowCount())
        m_table->setCurrentIndex(m_model->index(current.row() + 1, current.column()));
}

void RollCallView::markEveryoneElsePresent()
{
    if (m_model->markAllRemainingPresent().ok())
        m_errorLabel->hide();
    m_table->setFocus();
}

void RollCallView::finishRollCall()
{
    if (m_model->finish().ok())
        m_errorLabel->hide();
}

} // namespace Cartable::Gui
