#include "homeworkdialog.h"

#include "attachmentmessages.h"

#include "app/common/dialogparts.h"
#include "app/common/errormessages.h"
#include "app/files/filelist.h"
#include "core/files/filetype.h"
#include "sync/blobtransfer.h"
#include "workspace/files/filestates.h"
#include "workspace/lessons/attachmentstore.h"
#include "workspace/lessons/homeworkmodel.h"
#include "workspace/workspace.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

// Where "Available offline" is kept for homework (Sync::BlobTransfer::pin).
constexpr auto kPinOwner = u"homework";

} // namespace

HomeworkDialog::HomeworkDialog(Workspace::Workspace &workspace, Workspace::FileStates &files,
                               Workspace::HomeworkModel &model, const QString &homeworkId, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_files(files), m_model(model), m_homeworkId(homeworkId)
{
    setObjectName(u"homeworkDialog"_s);
    setWindowTitle(homeworkId.isEmpty() ? tr("New homework") : tr("Change homework"));
    setAccessibleName(windowTitle());

    const QDate assigned = QDate::fromString(model.session().text(u"date"_s), Qt::ISODate);
    m_dueEdit = new QDateEdit(this);
    m_dueEdit->setObjectName(u"homeworkDueEdit"_s);
    m_dueEdit->setAccessibleName(tr("Due date"));
    m_dueEdit->setCalendarPopup(true);
    m_dueEdit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    if (assigned.isValid())
        m_dueEdit->setMinimumDate(assigned);

    m_textEdit = new QPlainTextEdit(this);
    m_textEdit->setObjectName(u"homeworkTextEdit"_s);
    m_textEdit->setAccessibleName(tr("What to do"));
    m_textEdit->setTabChangesFocus(true);

    m_minutesSpin = new QSpinBox(this);
    m_minutesSpin->setObjectName(u"homeworkMinutesSpin"_s);
    m_minutesSpin->setAccessibleName(tr("Estimated time in minutes"));
    m_minutesSpin->setRange(0, 600);
    m_minutesSpin->setSingleStep(5);
    m_minutesSpin->setSpecialValueText(tr("Not estimated"));
    m_minutesSpin->setSuffix(tr(" min"));

    m_submissionCheck = new QCheckBox(tr("Students &hand in their work"), this);
    m_submissionCheck->setObjectName(u"homeworkSubmissionCheck"_s);
    m_submissionCheck->setAccessibleName(tr("Students hand in their work"));

    m_attachmentList = new FileList(files, u"homeworkAttachment"_s, this);
    m_attachmentList->view()->setAccessibleName(tr("Attached files"));
    connect(m_attachmentList, &FileList::removeRequested, this, &HomeworkDialog::removeSelectedAttachment);
    m_offlineCheck = new QCheckBox(tr("&Keep the files available offline"), this);
    m_offlineCheck->setObjectName(u"homeworkOfflineCheck"_s);
    m_offlineCheck->setAccessibleName(tr("Keep the files of this homework available offline"));
    m_offlineCheck->setToolTip(tr("The files are downloaded at each synchronisation, so that they open without a "
                                  "connection."));
    if (!homeworkId.isEmpty()) {
        const Core::Result<bool> pinned = files.transfers().isPinned(QString::fromUtf16(kPinOwner), homeworkId);
        m_offlineCheck->setChecked(pinned && *pinned);
    }
    m_attachButton = new QPushButton(tr("A&ttach file…"), this);
    m_attachButton->setObjectName(u"homeworkAttachButton"_s);
    m_attachButton->setAccessibleName(tr("Attach file"));
    m_removeAttachmentButton = new QPushButton(tr("Re&move file"), this);
    m_removeAttachmentButton->setObjectName(u"homeworkAttachmentRemoveButton"_s);
    m_removeAttachmentButton->setAccessibleName(tr("Remove the selected file"));
    // Enter anywhere in the dialog means OK, never "pick a file".
    m_attachButton->setAutoDefault(false);
    m_removeAttachmentButton->setAutoDefault(false);
    connect(m_attachButton, &QPushButton::clicked, this, &HomeworkDialog::chooseFiles);
    connect(m_removeAttachmentButton, &QPushButton::clicked, this, &HomeworkDialog::removeSelectedAttachment);

    auto *form = new QFormLayout;
    auto addRow = [this, form](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Due on:"), m_dueEdit);
    addRow(tr("&What to do:"), m_textEdit);
    addRow(tr("&Estimated time:"), m_minutesSpin);
    form->addRow(QString(), m_submissionCheck);
    auto *attachmentButtons = new QHBoxLayout;
    attachmentButtons->addWidget(m_attachButton);
    attachmentButtons->addWidget(m_removeAttachmentButton);
    attachmentButtons->addStretch();
    auto *filesLabel = new QLabel(tr("&Files:"), this);
    filesLabel->setBuddy(m_attachmentList->view());
    form->addRow(filesLabel, m_attachmentList);
    form->addRow(QString(), attachmentButtons);
    form->addRow(QString(), m_offlineCheck);

    m_error = createErrorLabel(this, u"homeworkDialogError"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"homeworkDialogButtons"_s);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"homeworkOkButton"_s);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"homeworkCancelButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &HomeworkDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &HomeworkDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    if (const std::optional<Workspace::HomeworkDraft> draft = model.draft(homeworkId)) {
        m_dueEdit->setDate(draft->dueOn);
        m_textEdit->setPlainText(draft->text);
        m_minutesSpin->setValue(draft->estimatedMinutes.value_or(0));
        m_submissionCheck->setChecked(draft->requiresSubmission);
    } else {
        m_dueEdit->setDate(model.defaultDueDate());
    }
    setTabOrder(m_dueEdit, m_textEdit);
    setTabOrder(m_textEdit, m_minutesSpin);
    setTabOrder(m_minutesSpin, m_submissionCheck);
    setTabOrder(m_submissionCheck, m_attachmentList->view());
    setTabOrder(m_attachmentList->lastInTabOrder(), m_attachButton);
    setTabOrder(m_attachButton, m_removeAttachmentButton);
    setTabOrder(m_removeAttachmentButton, m_offlineCheck);
    m_textEdit->setFocus();
    refreshAttachments();
}

void HomeworkDialog::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    if (!paths.isEmpty())
        attachFiles(paths);
}

void HomeworkDialog::attachFiles(const QStringList &paths)
{
    clearAlert(m_error);
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable()) {
            showError(AttachmentMessages::failure({Core::ErrorCode::NotFound, {}}, info.fileName()));
        } else if (info.size() == 0) {
            showError(AttachmentMessages::failure({Core::ErrorCode::MissingField, {}}, info.fileName()));
        } else if (info.size() > Workspace::AttachmentStore::kMaxBytes) {
            showError(AttachmentMessages::failure({Core::ErrorCode::PayloadTooLarge, {}}, info.fileName()));
        } else if (QFile file(path); !file.open(QIODevice::ReadOnly)) {
            showError(AttachmentMessages::failure({Core::ErrorCode::NotFound, {}}, info.fileName()));
        } else if (!Core::isAcceptedFile(file.read(Core::kFileTypeHeadBytes), info.fileName())) {
            showError(AttachmentMessages::failure({Core::ErrorCode::FileTypeRefused, {}}, info.fileName()));
        } else if (!m_filesToAttach.contains(path)) {
            m_filesToAttach.append(path);
        }
    }
    refreshAttachments();
}

void HomeworkDialog::removeSelectedAttachment()
{
    const QString key = m_attachmentList->currentKey();
    if (key.isEmpty())
        return;
    if (m_filesToAttach.contains(key))
        m_filesToAttach.removeAll(key);
    else
        m_attachmentsToRemove.append(key);
    refreshAttachments();
}

void HomeworkDialog::refreshAttachments()
{
    QList<FileList::Entry> entries;
    if (!m_homeworkId.isEmpty()) {
        Workspace::AttachmentStore store(m_workspace, m_files.cache());
        for (const Core::Record &attachment : store.attachmentsOf(u"homework"_s, m_homeworkId)) {
            if (m_attachmentsToRemove.contains(attachment.id()))
                continue;
            entries.append({attachment.id(),
                            attachment.text(u"sha256"_s),
                            attachment.text(u"file_name"_s),
                            attachment.number(u"size_bytes"_s),
                            attachment.text(u"mime_type"_s),
                            {}});
        }
    }
    for (const QString &path : std::as_const(m_filesToAttach)) {
        const QFileInfo info(path);
        entries.append({path, {}, info.fileName(), info.size(), {}, tr("Attached on OK")});
    }
    m_attachmentList->setEntries(entries);
    m_removeAttachmentButton->setEnabled(m_attachmentList->count() > 0);
}

void HomeworkDialog::showError(const QString &sentence)
{
    showAlert(m_error, sentence);
}

void HomeworkDialog::accept()
{
    clearAlert(m_error);
    Workspace::HomeworkDraft draft;
    draft.dueOn = m_dueEdit->date();
    draft.text = m_textEdit->toPlainText();
    if (m_minutesSpin->value() > 0)
        draft.estimatedMinutes = m_minutesSpin->value();
    draft.requiresSubmission = m_submissionCheck->isChecked();
    if (draft.text.trimmed().isEmpty()) {
        showError(tr("Say what the students have to do."));
        m_textEdit->setFocus();
        return;
    }
    if (m_homeworkId.isEmpty()) {
        const Core::Result<QString> added = m_model.add(draft);
        if (!added) {
            showError(ErrorMessages::saveFailure(added.error()));
            return;
        }
        m_homeworkId = *added;
        setWindowTitle(tr("Change homework"));
    } else if (const Core::Status updated = m_model.update(m_homeworkId, draft); !updated) {
        showError(ErrorMessages::saveFailure(updated.error()));
        return;
    }
    Workspace::AttachmentStore store(m_workspace, m_files.cache());
    QStringList failures;
    for (const QString &attachmentId : std::as_const(m_attachmentsToRemove)) {
        if (const Core::Status removed = store.remove(attachmentId); !removed)
            failures.append(ErrorMessages::saveFailure(removed.error()));
    }
    m_attachmentsToRemove.clear();
    QStringList kept;
    for (const QString &path : std::as_const(m_filesToAttach)) {
        const Core::Result<Core::Record> added = store.add(u"homework"_s, m_homeworkId, path);
        if (!added) {
            failures.append(AttachmentMessages::failure(added.error(), QFileInfo(path).fileName()));
            kept.append(path);
        }
    }
    m_filesToAttach = kept;
    if (const Core::Status pinned = m_files.transfers().pin(QString::fromUtf16(kPinOwner), m_homeworkId,
                                                            m_offlineCheck->isChecked());
        !pinned)
        failures.append(ErrorMessages::saveFailure(pinned.error()));
    refreshAttachments();
    if (!failures.isEmpty()) {
        // The homework is saved; the dialog stays for the files that were not.
        showError(failures.join(u'\n'));
        return;
    }
    QDialog::accept();
}

} // namespace Cartable::Gui
