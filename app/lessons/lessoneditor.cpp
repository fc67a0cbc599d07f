#include "lessoneditor.h"

#include "attachmentmessages.h"
#include "homeworkdialog.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "app/files/filelist.h"
#include "workspace/files/filestates.h"
#include "workspace/lessons/attachmentstore.h"
#include "workspace/lessons/homeworkmodel.h"
#include "workspace/lessons/lessonentry.h"
#include "workspace/workspace.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

QPushButton *makeButton(const QString &text, const QString &name, const QString &accessible, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAccessibleName(accessible);
    return button;
}

} // namespace

LessonEditor::LessonEditor(Workspace::Workspace &workspace, Workspace::FileStates &files, QWidget *parent)
    : QWidget(parent),
      m_workspace(workspace),
      m_files(files),
      m_entry(new Workspace::LessonEntry(workspace, this)),
      m_saveTimer(new QTimer(this))
{
    setObjectName(u"lessonEditor"_s);
    setAccessibleName(tr("Lesson"));
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &LessonEditor::saveNow);
    connect(m_entry, &Workspace::LessonEntry::contentChanged, this, &LessonEditor::showSavedContent);
    buildUi();
    showSession();
}

LessonEditor::~LessonEditor()
{
    saveBeforeLeaving();
}

void LessonEditor::buildUi()
{
    m_header = new QLabel(this);
    m_header->setObjectName(u"lessonHeader"_s);
    m_header->setTextFormat(Qt::PlainText);
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.2);
    m_header->setFont(headerFont);

    m_titleEdit = new QLineEdit(this);
    m_titleEdit->setObjectName(u"lessonTitleEdit"_s);
    m_titleEdit->setAccessibleName(tr("Lesson title"));
    m_titleEdit->setMaxLength(200);
    m_titleEdit->setPlaceholderText(tr("Fractions: definition and first examples"));
    m_contentEdit = new QPlainTextEdit(this);
    m_contentEdit->setObjectName(u"lessonContentEdit"_s);
    m_contentEdit->setAccessibleName(tr("What was done"));
    m_contentEdit->setTabChangesFocus(true);
    m_saveStatus = new QLabel(this);
    m_saveStatus->setObjectName(u"lessonSaveStatus"_s);
    m_saveStatus->setAccessibleName(tr("Save status"));
    m_saveStatus->setTextFormat(Qt::PlainText);
    m_saveStatus->setWordWrap(true);
    connect(m_titleEdit, &QLineEdit::textEdited, this, &LessonEditor::onTextEdited);
    connect(m_contentEdit, &QPlainTextEdit::textChanged, this, &LessonEditor::onTextEdited);
    m_titleEdit->installEventFilter(this);
    m_contentEdit->installEventFilter(this);

    auto *form = new QFormLayout;
    auto *titleLabel = new QLabel(tr("&Title:"), this);
    titleLabel->setBuddy(m_titleEdit);
    auto *contentLabel = new QLabel(tr("What was &done:"), this);
    contentLabel->setBuddy(m_contentEdit);
    form->addRow(titleLabel, m_titleEdit);
    form->addRow(contentLabel, m_contentEdit);
    form->addRow(QString(), m_saveStatus);

    m_lessonAttachments = new FileList(m_files, u"lessonAttachment"_s, this);
    m_lessonAttachments->view()->setAccessibleName(tr("Files of the lesson"));
    m_lessonAttachments->view()->setMaximumHeight(110);
    connect(m_lessonAttachments, &FileList::removeRequested, this, &LessonEditor::removeLessonAttachment);
    m_attachLessonButton = makeButton(tr("Attach &file…"), u"lessonAttachButton"_s, tr("Attach a file to the lesson"),
                                      this);
    m_removeLessonAttachmentButton = makeButton(tr("Remove fi&le"), u"lessonAttachmentRemoveButton"_s,
                                                tr("Remove the selected file of the lesson"), this);
    connect(m_attachLessonButton, &QPushButton::clicked, this, &LessonEditor::chooseLessonFiles);
    connect(m_removeLessonAttachmentButton, &QPushButton::clicked, this, &LessonEditor::removeLessonAttachment);
    auto *filesLabel = new QLabel(tr("F&iles:"), this);
    filesLabel->setBuddy(m_lessonAttachments->view());
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(m_attachLessonButton);
    fileButtons->addWidget(m_removeLessonAttachmentButton);
    fileButtons->addStretch();
    form->addRow(filesLabel, m_lessonAttachments);
    form->addRow(QString(), fileButtons);

    m_homeworkList = new QListView(this);
    m_homeworkList->setObjectName(u"homeworkList"_s);
    m_homeworkList->setAccessibleName(tr("Homework given"));
    m_homeworkList->setModel(m_entry->homework());
    m_homeworkList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_homeworkList->installEventFilter(this);
    connect(m_homeworkList, &QListView::doubleClicked, this, &LessonEditor::editCurrentHomework);
    connect(m_homeworkList->selectionModel(), &QItemSelectionModel::currentChanged, this, &LessonEditor::updateButtons);
    connect(m_entry->homework(), &QAbstractItemModel::modelReset, this, &LessonEditor::updateButtons);
    connect(m_entry->homework(), &QAbstractItemModel::rowsInserted, this, &LessonEditor::updateButtons);
    connect(m_entry->homework(), &QAbstractItemModel::rowsRemoved, this, &LessonEditor::updateButtons);
    m_addHomeworkButton = makeButton(tr("&Add homework…"), u"addHomeworkButton"_s, tr("Add homework"), this);
    m_addHomeworkButton->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_addHomeworkButton->setToolTip(
        tr("Add homework (%1)").arg(m_addHomeworkButton->shortcut().toString(QKeySequence::NativeText)));
    m_editHomeworkButton = makeButton(tr("&Change…"), u"editHomeworkButton"_s, tr("Change the selected homework"),
                                      this);
    m_removeHomeworkButton = makeButton(tr("&Remove"), u"removeHomeworkButton"_s, tr("Remove the selected homework"),
                                        this);
    connect(m_addHomeworkButton, &QPushButton::clicked, this, &LessonEditor::openNewHomework);
    connect(m_editHomeworkButton, &QPushButton::clicked, this, &LessonEditor::editCurrentHomework);
    connect(m_removeHomeworkButton, &QPushButton::clicked, this, &LessonEditor::removeCurrentHomework);

    auto *homeworkBox = new QGroupBox(tr("Homework"), this);
    homeworkBox->setObjectName(u"homeworkBox"_s);
    auto *homeworkButtons = new QHBoxLayout;
    homeworkButtons->addWidget(m_addHomeworkButton);
    homeworkButtons->addWidget(m_editHomeworkButton);
    homeworkButtons->addWidget(m_removeHomeworkButton);
    homeworkButtons->addStretch();
    auto *homeworkLayout = new QVBoxLayout(homeworkBox);
    homeworkLayout->addWidget(m_homeworkList);
    homeworkLayout->addLayout(homeworkButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(form, 2);
    layout->addWidget(homeworkBox, 1);

    setTabOrder(m_titleEdit, m_contentEdit);
    setTabOrder(m_contentEdit, m_lessonAttachments->view());
    setTabOrder(m_lessonAttachments->lastInTabOrder(), m_attachLessonButton);
    setTabOrder(m_attachLessonButton, m_removeLessonAttachmentButton);
    setTabOrder(m_removeLessonAttachmentButton, m_homeworkList);
    setTabOrder(m_homeworkList, m_addHomeworkButton);
    setTabOrder(m_addHomeworkButton, m_editHomeworkButton);
    setTabOrder(m_editHomeworkButton, m_removeHomeworkButton);
}

void LessonEditor::setSession(const QString &sessionId)
{
    if (sessionId == m_entry->sessionId())
        return;
    saveBeforeLeaving();
    // A session the replica does not hold leaves the editor empty.
    (void)m_entry->setSessionId(sessionId);
    showSession();
}

QString LessonEditor::sessionId() const
{
    return m_entry->sessionId();
}

void LessonEditor::showSession()
{
    const Core::Record &session = m_entry->session();
    const bool present = !session.id().isEmpty();
    if (present) {
        const QLocale locale;
        const QTime start = QTime(0, 0).addSecs(session.number(u"start_minute"_s) * 60);
        const QTime end = start.addSecs(session.number(u"duration_minutes"_s) * 60);
        m_header->setText(tr("%1 · %2 — %3, %4–%5")
                              .arg(m_workspace.subjectName(session.text(u"subject_id"_s)),
                                   m_workspace.audienceName(session.text(u"class_id"_s), session.text(u"group_id"_s)),
                                   locale.toString(m_entry->date(), QLocale::LongFormat),
                                   locale.toString(start, QLocale::ShortFormat),
                                   locale.toString(end, QLocale::ShortFormat)));
    } else {
        m_header->setText(tr("No lesson chosen"));
    }
    m_header->setAccessibleName(m_header->text());
    for (QWidget *widget : QList<QWidget *>{m_titleEdit, m_contentEdit, m_lessonAttachments, m_attachLessonButton,
                                            m_homeworkList, m_addHomeworkButton})
        widget->setEnabled(present);
    fillEdits();
    setStatus(QString(), false);
    updateButtons();
}

void LessonEditor::showSavedContent()
{
    // Text being typed is never replaced by what a sync brought.
    if (m_dirty) {
        refreshLessonAttachments();
        return;
    }
    fillEdits();
}

void LessonEditor::fillEdits()
{
    m_showing = true;
    m_titleEdit->setText(m_entry->title());
    m_contentEdit->setPlainText(m_entry->content());
    m_showing = false;
    m_dirty = false;
    refreshLessonAttachments();
}

bool LessonEditor::hasUnsavedText() const
{
    return m_dirty;
}

void LessonEditor::onTextEdited()
{
    if (m_showing)
        return;
    m_dirty = true;
    setStatus(tr("Editing…"), false);
    m_saveTimer->start();
}

void LessonEditor::saveBeforeLeaving()
{
    if (!m_dirty || saveNow())
        return;
    // Leaving the lesson must not lose what was typed: half an entry is
    // completed from its other half rather than dropped.
    QString title = m_titleEdit->text();
    QString content = m_contentEdit->toPlainText();
    if (title.trimmed().isEmpty())
        title = tr("Lesson of %1").arg(QLocale().toString(m_entry->date(), QLocale::ShortFormat));
    if (content.trimmed().isEmpty())
        content = title;
    m_showing = true;
    m_titleEdit->setText(title);
    m_contentEdit->setPlainText(content);
    m_showing = false;
    saveNow();
}

bool LessonEditor::saveNow()
{
    m_saveTimer->stop();
    if (m_entry->sessionId().isEmpty() || !m_dirty)
        return true;
    const QString title = m_titleEdit->text();
    const QString content = m_contentEdit->toPlainText();
    if (m_entry->contentId().isEmpty() && title.trimmed().isEmpty() && content.trimmed().isEmpty()) {
        m_dirty = false;
        setStatus(QString(), false);
        return true;
    }
    if (title.trimmed().isEmpty()) {
        setStatus(tr("Not saved: give the lesson a title."), true);
        return false;
    }
    if (content.trimmed().isEmpty()) {
        setStatus(tr("Not saved: write what was done."), true);
        return false;
    }
    const Core::Status saved = m_entry->save(title, content);
    if (!saved) {
        setStatus(tr("Not saved: %1").arg(ErrorMessages::saveFailure(saved.error())), true);
        return false;
    }
    m_dirty = false;
    setStatus(tr("Saved"), false);
    refreshLessonAttachments();
    return true;
}

void LessonEditor::setStatus(const QString &text, bool failure)
{
    m_saveStatus->setText(text);
    m_saveStatus->setAccessibleDescription(text);
    QFont font = m_saveStatus->font();
    font.setBold(failure);
    m_saveStatus->setFont(font);
    m_saveStatus->setStyleSheet(failure ? u"color: #a40000;"_s : QString());
}

bool LessonEditor::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_titleEdit || watched == m_contentEdit) && event->type() == QEvent::FocusOut)
        saveNow();
    if (watched == m_homeworkList && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            editCurrentHomework();
            return true;
        }
        if (key->key() == Qt::Key_Delete) {
            removeCurrentHomework();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LessonEditor::hideEvent(QHideEvent *event)
{
    saveNow();
    QWidget::hideEvent(event);
}

void LessonEditor::updateButtons()
{
    const bool present = !m_entry->sessionId().isEmpty();
    const bool current = present && m_homeworkList->currentIndex().isValid();
    m_editHomeworkButton->setEnabled(current);
    m_removeHomeworkButton->setEnabled(current);
    m_removeLessonAttachmentButton->setEnabled(present && m_lessonAttachments->count() > 0);
}

void LessonEditor::openNewHomework()
{
    if (!m_entry->sessionId().isEmpty())
        openHomeworkDialog({});
}

void LessonEditor::editCurrentHomework()
{
    const QString id = m_entry->homework()->idAt(m_homeworkList->currentIndex().row());
    if (!id.isEmpty())
        openHomeworkDialog(id);
}

void LessonEditor::openHomeworkDialog(const QString &homeworkId)
{
    if (m_dialog)
        return;
    m_dialog = new HomeworkDialog(m_workspace, m_files, *m_entry->homework(), homeworkId, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this] {
        if (m_dialog) {
            const int row = m_entry->homework()->rowOf(m_dialog->homeworkId());
            if (row >= 0)
                m_homeworkList->setCurrentIndex(m_entry->homework()->index(row));
        }
        m_homeworkList->setFocus();
        updateButtons();
    });
    m_dialog->open();
}

void LessonEditor::removeCurrentHomework()
{
    const QModelIndex current = m_homeworkList->currentIndex();
    const QString id = m_entry->homework()->idAt(current.row());
    if (id.isEmpty())
        return;
    const QMessageBox::StandardButton answer = QMessageBox::question(
        this, tr("Remove homework"),
        tr("Remove this homework and its files?\n\n%1").arg(current.data(Qt::DisplayRole).toString()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    if (const Core::Status removed = m_entry->homework()->remove(id); !removed)
        QMessageBox::warning(this, tr("Remove homework"), ErrorMessages::saveFailure(removed.error()));
    updateButtons();
}

void LessonEditor::refreshLessonAttachments()
{
    QList<FileList::Entry> entries;
    const QString contentId = m_entry->contentId();
    if (!contentId.isEmpty()) {
        Workspace::AttachmentStore store(m_workspace, m_files.cache());
        for (const Core::Record &attachment : store.attachmentsOf(u"lesson_content"_s, contentId))
            entries.append({attachment.id(),
                            attachment.text(u"sha256"_s),
                            attachment.text(u"file_name"_s),
                            attachment.number(u"size_bytes"_s),
                            attachment.text(u"mime_type"_s),
                            {}});
    }
    m_lessonAttachments->setEntries(entries);
    updateButtons();
}

void LessonEditor::chooseLessonFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    if (!paths.isEmpty())
        attachLessonFiles(paths);
}

void LessonEditor::attachLessonFiles(const QStringList &paths)
{
    if (!saveNow())
        return;
    if (m_entry->contentId().isEmpty()) {
        setStatus(tr("Write the lesson's title and what was done before attaching files."), true);
        return;
    }
    Workspace::AttachmentStore store(m_workspace, m_files.cache());
    QStringList failures;
    for (const QString &path : paths) {
        const Core::Result<Core::Record> added = store.add(u"lesson_content"_s, m_entry->contentId(), path);
        if (!added)
            failures.append(AttachmentMessages::failure(added.error(), QFileInfo(path).fileName()));
    }
    refreshLessonAttachments();
    if (!failures.isEmpty())
        setStatus(failures.join(u'\n'), true);
}

void LessonEditor::removeLessonAttachment()
{
    const QString attachmentId = m_lessonAttachments->currentKey();
    if (attachmentId.isEmpty())
        return;
    Workspace::AttachmentStore store(m_workspace, m_files.cache());
    if (const Core::Status removed = store.remove(attachmentId); !removed)
        setStatus(ErrorMessages::saveFailure(removed.error()), true);
    refreshLessonAttachments();
}

} // namespace Cartable::Gui
