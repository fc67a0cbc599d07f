#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Cartable::Workspace {
class FileStates;
class HomeworkModel;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

class FileList;

// Gives or changes one piece of homework of a lesson: due date, text,
// estimated time, whether it is handed in, its files, and whether they are
// kept available offline. Nothing is written before OK; a refused change
// keeps the dialog open with the reason.
class HomeworkDialog : public QDialog
{
    Q_OBJECT

public:
    // An empty homeworkId gives new homework.
    HomeworkDialog(Workspace::Workspace &workspace, Workspace::FileStates &files, Workspace::HomeworkModel &model,
                   const QString &homeworkId, QWidget *parent);

    QString homeworkId() const { return m_homeworkId; }
    // Files to attach on OK; a file refused at once (missing, empty, too
    // large, of a type the school does not accept) is not kept and the
    // reason shown.
    void attachFiles(const QStringList &paths);

    void accept() override;

private:
    void chooseFiles();
    void removeSelectedAttachment();
    void refreshAttachments();
    void showError(const QString &sentence);

    Workspace::Workspace &m_workspace;
    Workspace::FileStates &m_files;
    Workspace::HomeworkModel &m_model;
    QString m_homeworkId;
    QStringList m_filesToAttach;
    QStringList m_attachmentsToRemove;

    QDateEdit *m_dueEdit = nullptr;
    QPlainTextEdit *m_textEdit = nullptr;
    QSpinBox *m_minutesSpin = nullptr;
    QCheckBox *m_submissionCheck = nullptr;
    FileList *m_attachmentList = nullptr;
    QCheckBox *m_offlineCheck = nullptr;
    QPushButton *m_attachButton = nullptr;
    QPushButton *m_removeAttachmentButton = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Cartable::Gui
