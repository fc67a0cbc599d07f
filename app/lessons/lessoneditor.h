#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace Cartable::Workspace {
class FileStates;
class LessonEntry;
class Workspace;
} // namespace Cartable::Workspace

namespace Cartable::Gui {

class FileList;
class HomeworkDialog;

// The cahier de textes entry of one lesson: what was done, saved by itself a
// moment after typing stops, when the editor loses the focus and before
// another lesson is shown; the homework given, and the files of both.
class LessonEditor : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSaveDelayMs = 800;

    LessonEditor(Workspace::Workspace &workspace, Workspace::FileStates &files, QWidget *parent);
    ~LessonEditor() override;

    // Saves what was typed for the lesson shown, then shows this one.
    void setSession(const QString &sessionId);
    QString sessionId() const;
    // Saves at once what was typed; false (with the reason shown) when it
    // could not be saved.
    bool saveNow();
    // Whether what is typed differs from what is saved.
    bool hasUnsavedText() const;

    void openNewHomework();
    void editCurrentHomework();
    void removeCurrentHomework();
    // What "Attach file…" does with the files chosen: attaches them to the
    // lesson's entry, saving it first.
    void attachLessonFiles(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void showSession();
    void showSavedContent();
    void fillEdits();
    // Saves, completing a half-typed entry rather than losing it.
    void saveBeforeLeaving();
    void onTextEdited();
    void setStatus(const QString &text, bool failure);
    void refreshLessonAttachments();
    void chooseLessonFiles();
    void removeLessonAttachment();
    void updateButtons();
    void openHomeworkDialog(const QString &homeworkId);

    Workspace::Workspace &m_workspace;
    Workspace::FileStates &m_files;
    Workspace::LessonEntry *m_entry = nullptr;
    QTimer *m_saveTimer = nullptr;
    bool m_showing = false; // the edits are being filled, not typed in
    bool m_dirty = false;   // typed since the last save

    QLabel *m_header = nullptr;
    QLineEdit *m_titleEdit = nullptr;
    QPlainTextEdit *m_contentEdit = nullptr;
    QLabel *m_saveStatus = nullptr;
    FileList *m_lessonAttachments = nullptr;
    QPushButton *m_attachLessonButton = nullptr;
    QPushButton *m_removeLessonAttachmentButton = nullptr;
    QListView *m_homeworkList = nullptr;
    QPushButton *m_addHomeworkButton = nullptr;
    QPushButton *m_editHomeworkButton = nullptr;
    QPushButton *m_removeHomeworkButton = nullptr;
    QPointer<HomeworkDialog> m_dialog;
};

} // namespace Cartable::Gui
