#include "syncstatuswidget.h"

#include "app/common/errormessages.h"
#include "workspace/files/filestates.h"
#include "workspace/syncedworkspace.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

SyncStatusWidget::SyncStatusWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"syncStatus"_s);
    m_state = new QLabel(this);
    m_state->setObjectName(u"syncStateLabel"_s);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"syncProgress"_s);
    // The size of a first sync is not known beforehand: the bar moves, the
    // label counts.
    m_bar->setRange(0, 0);
    m_bar->setMaximumWidth(120);
    m_bar->setTextVisible(false);
    m_bar->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(u"cancelSyncButton"_s);
    m_cancel->hide();
    m_pending = new QLabel(this);
    m_pending->setObjectName(u"pendingLabel"_s);
    m_files = new QLabel(this);
    m_files->setObjectName(u"pendingFilesLabel"_s);
    m_files->setTextFormat(Qt::PlainText);
    m_files->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    layout->addSpacing(12);
    layout->addWidget(m_pending);
    layout->addSpacing(12);
    layout->addWidget(m_files);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_synced)
            m_synced->cancelSync();
    });
    refresh();
}

SyncStatusWidget::~SyncStatusWidget() = default;

void SyncStatusWidget::setSyncedWorkspace(Workspace::SyncedWorkspace *synced)
{
    if (m_synced)
        disconnect(m_synced, nullptr, this, nullptr);
    m_fileStates.reset();
    m_synced = synced;
    m_changes = 0;
    m_pushed = 0;
    if (synced) {
        connect(synced, &Workspace::SyncedWorkspace::statusChanged, this, &SyncStatusWidget::refresh);
        connect(synced, &Workspace::SyncedWorkspace::progress, this, &SyncStatusWidget::onProgress);
        m_fileStates = std::make_unique<Workspace::FileStates>(synced->blobs(), synced->transfers());
        connect(m_fileStates.get(), &Workspace::FileStates::queueChanged, this, &SyncStatusWidget::refreshFiles);
    }
    refresh();
}

void SyncStatusWidget::onProgress(int, qint64 changes, qint64 pushed)
{
    m_changes = changes;
    m_pushed = pushed;
    refresh();
}

QString SyncStatusWidget::stateText() const
{
    return m_state->text();
}

QString SyncStatusWidget::pendingText() const
{
    return m_pending->text();
}

QString SyncStatusWidget::filesText() const
{
    return m_files->text();
}

void SyncStatusWidget::refreshFiles()
{
    // The file states lean on the synced workspace: nothing once it is gone.
    const Workspace::FileStates::QueueCounts counts = m_synced && m_fileStates ? m_fileStates->queueCounts()
                                                                               : Workspace::FileStates::QueueCounts{};
    QStringList parts;
    if (counts.waiting > 0)
        parts.append(tr("%n file(s) waiting to be sent", nullptr, counts.waiting));
    if (counts.failed > 0)
        parts.append(tr("%n file(s) could not be sent", nullptr, counts.failed));
    const QString text = parts.join(u" · "_s);
    m_files->setText(text);
    m_files->setAccessibleName(text);
    m_files->setVisible(!text.isEmpty());
    m_files->setToolTip(counts.lastError ? ErrorMessages::fileFailure(*counts.lastError) : QString());
    m_files->setStyleSheet(counts.failed > 0 ? u"color: #a40000;"_s : QString());
}

void SyncStatusWidget::refresh()
{
    const QLocale locale;
    const bool syncing = m_synced && m_synced->isSyncing();
    QString state;
    if (!m_synced) {
        state = QString();
    } else if (syncing) {
        if (m_synced->isFirstSync())
            state = tr("Preparing your data for offline use: %1 item(s) received…").arg(locale.toString(m_changes));
        else if (m_changes > 0 || m_pushed > 0)
            state
                = tr("Synchronising: %1 sent, %2 received…").arg(locale.toString(m_pushed), locale.toString(m_changes));
        else
            state = tr("Synchronising…");
    } else if (m_synced->lastError()) {
        state = ErrorMessages::syncFailure(*m_synced->lastError());
    } else if (m_synced->lastSuccess().isValid()) {
        state = tr("Synchronised at %1").arg(locale.toString(m_synced->lastSuccess().time(), QLocale::ShortFormat));
    } else {
        state = tr("Not synchronised yet");
    }
    if (!syncing) {
        m_changes = 0;
        m_pushed = 0;
    }
    m_state->setText(state);
    m_state->setAccessibleName(state);
    m_bar->setVisible(syncing);
    m_bar->setAccessibleName(state);
    m_cancel->setVisible(syncing);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop synchronising; it resumes later where it stopped"));
    m_cancel->setAccessibleName(tr("Cancel synchronisation"));

    const qint64 pending = m_synced ? m_synced->pendingCount() : 0;
    const QString waiting = !m_synced      ? QString()
                            : pending == 0 ? tr("All changes sent")
                                           : tr("%n change(s) waiting to be sent", nullptr,
                                                int(qMin<qint64>(pending, 1'000'000'000)));
    m_pending->setText(waiting);
    m_pending->setAccessibleName(waiting);
    refreshFiles();
}

void SyncStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace Cartable::Gui
