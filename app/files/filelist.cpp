#include "filelist.h"

#include "filetext.h"

#include "app/common/dialogparts.h"
#include "workspace/files/filestates.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;
using Kind = Workspace::FileState::Kind;

namespace {

enum Column { NameColumn, SizeColumn, TypeColumn, StateColumn, ColumnCount };

QPushButton *makeButton(const QString &text, const QString &name, const QString &accessible, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAccessibleName(accessible);
    // Enter in a dialog means OK, never a file action.
    button->setAutoDefault(false);
    return button;
}

// Progress bars count in ints; files can pass 2 GiB only in theory, so
// kibibytes keep the bar exact enough.
int inKiB(qint64 bytes)
{
    return int(qMin<qint64>(bytes / 1024, std::numeric_limits<int>::max()));
}

} // namespace

FileList::FileList(Workspace::FileStates &files, const QString &prefix, QWidget *parent)
    : QWidget(parent), m_files(files), m_actions(new FileActions(files, this))
{
    m_view = new QTreeWidget(this);
    m_view->setObjectName(prefix + u"List"_s);
    m_view->setRootIsDecorated(false);
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels({tr("Name"), tr("Size"), tr("Type"), tr("State")});
    m_view->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->installEventFilter(this);
    m_view->setMinimumHeight(80);

    m_open = makeButton(tr("&Open"), prefix + u"OpenButton"_s, tr("Open the selected file"), this);
    m_save = makeButton(tr("Sa&ve as…"), prefix + u"SaveButton"_s, tr("Save a copy of the selected file"), this);
    m_download = makeButton(tr("Dow&nload"), prefix + u"DownloadButton"_s, tr("Download the selected file"), this);
    m_cancel = makeButton(tr("Cancel download"), prefix + u"CancelButton"_s, tr("Cancel the download"), this);
    m_retry = makeButton(tr("Send a&gain"), prefix + u"RetryButton"_s, tr("Try sending the selected file again"), this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(prefix + u"Progress"_s);
    m_progress->setAccessibleName(tr("Download progress"));
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(prefix + u"Message"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    connect(m_open, &QPushButton::clicked, this, &FileList::openCurrent);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (const Entry *entry = currentEntry())
            m_actions->chooseSaveTarget(refOf(*entry));
    });
    connect(m_download, &QPushButton::clicked, this, &FileList::downloadCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &FileList::cancelCurrent);
    connect(m_retry, &QPushButton::clicked, this, &FileList::retryCurrent);
    connect(m_view, &QTreeWidget::currentItemChanged, this, [this] {
        updateButtons();
        Q_EMIT currentChanged();
    });
    connect(m_view, &QTreeWidget::itemDoubleClicked, this, &FileList::openCurrent);
    connect(&files, &Workspace::FileStates::fileChanged, this, &FileList::onFileChanged);
    connect(&files, &Workspace::FileStates::queueChanged, this, [this] { onFileChanged({}); });
    connect(m_actions, &FileActions::failed, this, [this](const QString &sentence) { showMessage(sentence, true); });
    connect(m_actions, &FileActions::succeeded, this,
            [this](const QString &sentence) { showMessage(sentence, false); });

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *button : {m_open, m_save, m_download, m_cancel, m_retry})
        buttons->addWidget(button);
    buttons->addWidget(m_progress);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    setFocusProxy(m_view);

    setTabOrder(m_view, m_open);
    setTabOrder(m_open, m_save);
    setTabOrder(m_save, m_download);
    setTabOrder(m_download, m_cancel);
    setTabOrder(m_cancel, m_retry);
    updateButtons();
}

void FileList::setEntries(const QList<Entry> &entries)
{
    const QString current = currentKey();
    m_entries = entries;
    m_view->clear();
    QTreeWidgetItem *select = nullptr;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setData(NameColumn, Qt::UserRole, int(i));
        fillItem(item, m_entries.at(i));
        if (m_entries.at(i).key == current)
            select = item;
    }
    if (!select && m_view->topLevelItemCount() > 0)
        select = m_view->topLevelItem(0);
    if (select)
        m_view->setCurrentItem(select);
    updateButtons();
}

QString FileList::currentKey() const
{
    const Entry *entry = currentEntry();
    return entry ? entry->key : QString();
}

QWidget *FileList::lastInTabOrder() const
{
    return m_retry;
}

int FileList::count() const
{
    return int(m_entries.size());
}

const FileList::Entry *FileList::currentEntry() const
{
    const QTreeWidgetItem *item = m_view->currentItem();
    if (!item)
        return nullptr;
    const int index = item->data(NameColumn, Qt::UserRole).toInt();
    return index >= 0 && index < m_entries.size() ? &m_entries.at(index) : nullptr;
}

void FileList::fillItem(QTreeWidgetItem *item, const Entry &entry) const
{
    const QString state = entry.sha256.isEmpty() ? entry.note
                                                 : FileText::state(m_files.state(entry.sha256, entry.size));
    const QString size = FileText::size(entry.size);
    const QString type = entry.mimeType.isEmpty() ? QString() : FileText::typeName(entry.mimeType);
    item->setText(NameColumn, entry.name);
    item->setText(SizeColumn, size);
    item->setText(TypeColumn, type);
    item->setText(StateColumn, state);
    item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
    // Read as one sentence by screen readers.
    const QString spoken = type.isEmpty() ? tr("%1, %2, %3").arg(entry.name, size, state)
                                          : tr("%1, %2, %3, %4").arg(entry.name, size, type, state);
    for (int column = 0; column < ColumnCount; ++column)
        item->setData(column, Qt::AccessibleTextRole, spoken);
}

void FileList::onFileChanged(const QString &sha256)
{
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_view->topLevelItem(i);
        const int index = item->data(NameColumn, Qt::UserRole).toInt();
        if (index < 0 || index >= m_entries.size())
            continue;
        if (sha256.isEmpty() || m_entries.at(index).sha256 == sha256)
            fillItem(item, m_entries.at(index));
    }
    updateButtons();
}

void FileList::updateButtons()
{
    const Entry *entry = currentEntry();
    const bool stored = entry && !entry->sha256.isEmpty();
    const Workspace::FileState state = stored ? m_files.state(entry->sha256, entry->size) : Workspace::FileState{};
    const bool downloading = stored && state.kind == Kind::Downloading;
    const bool mayOpen = stored && FileActions::mayOpen(entry->name);
    m_open->setEnabled(mayOpen);
    m_open->setVisible(!stored || mayOpen);
    m_save->setEnabled(stored);
    m_download->setEnabled(stored && state.kind == Kind::NotDownloaded);
    m_cancel->setVisible(downloading);
    m_retry->setVisible(stored && state.kind == Kind::SendFailed);
    m_progress->setVisible(downloading);
    if (downloading) {
        m_progress->setRange(0, qMax(1, inKiB(state.total)));
        m_progress->setValue(qMin(inKiB(state.done), m_progress->maximum()));
        m_progress->setAccessibleDescription(FileText::state(state));
    }
}

void FileList::showMessage(const QString &sentence, bool failure)
{
    m_message->setStyleSheet(failure ? u"color: #a40000; font-weight: bold;"_s : QString());
    m_message->setAccessibleName(sentence);
    showAlert(m_message, sentence);
}

void FileList::openCurrent()
{
    const Entry *entry = currentEntry();
    if (!entry || entry->sha256.isEmpty())
        return;
    m_message->hide();
    m_actions->open(refOf(*entry));
    updateButtons();
}

void FileList::saveCurrentTo(const QString &target)
{
    if (const Entry *entry = currentEntry(); entry && !entry->sha256.isEmpty()) {
        m_message->hide();
        m_actions->saveTo(refOf(*entry), target);
        updateButtons();
    }
}

void FileList::downloadCurrent()
{
    if (const Entry *entry = currentEntry(); entry && !entry->sha256.isEmpty()) {
        m_message->hide();
        m_actions->download(refOf(*entry));
        updateButtons();
    }
}

void FileList::cancelCurrent()
{
    if (const Entry *entry = currentEntry(); entry && !entry->sha256.isEmpty()) {
        m_actions->cancelDownload(entry->sha256);
        updateButtons();
    }
}

void FileList::retryCurrent()
{
    if (const Entry *entry = currentEntry(); entry && !entry->sha256.isEmpty()) {
        m_actions->retryUpload(entry->sha256);
        onFileChanged(entry->sha256);
    }
}

bool FileList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete) {
            Q_EMIT removeRequested();
            return true;
        }
        // Enter opens the file; in a dialog it must not reach OK.
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Cartable::Gui
