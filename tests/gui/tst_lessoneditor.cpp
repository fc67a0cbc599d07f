// The cahier de textes entry of a lesson driven with the keyboard against a
// replica synced from the reference school: typing is saved after a pause,
// a half-typed entry says why it is not saved, homework is given through its
// dialog, and switching lessons keeps what was typed.

#include "widgettesting.h"

#include "app/files/fileactions.h"
#include "app/files/filelist.h"
#include "app/lessons/cahierview.h"
#include "app/lessons/homeworkdialog.h"
#include "app/lessons/lessoneditor.h"
#include "core/ids.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "tests/support/fakeblobtransport.h"
#include "tests/support/syncedclient.h"
#include "workspace/files/filestates.h"
#include "workspace/lessons/attachmentstore.h"
#include "workspace/lessons/cahiermodel.h"
#include "workspace/lessons/homeworkmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Core::Record;
using Test::findChildNamed;
using Test::nextTabStop;

namespace {

constexpr int kTimeout = 5'000;

} // namespace

class TestLessonEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::SyncedClient> m_teacher;
    Test::FakeBlobTransport m_transport;
    std::unique_ptr<Sync::BlobCache> m_cache;
    std::unique_ptr<Sync::BlobTransfer> m_transfers;
    std::unique_ptr<Workspace::FileStates> m_files;
    std::unique_ptr<Gui::LessonEditor> m_editor;
    Record m_session;
    QString m_todaysSessionId;

    qint64 pending() const { return m_teacher->store().pendingCount().value(); }
    QLineEdit *titleEdit() const { return findChildNamed<QLineEdit>(m_editor.get(), u"lessonTitleEdit"_s); }
    QPlainTextEdit *contentEdit() const
    {
        return findChildNamed<QPlainTextEdit>(m_editor.get(), u"lessonContentEdit"_s);
    }
    QLabel *status() const { return findChildNamed<QLabel>(m_editor.get(), u"lessonSaveStatus"_s); }
    QListView *homeworkList() const { return findChildNamed<QListView>(m_editor.get(), u"homeworkList"_s); }
    Gui::HomeworkDialog *dialog() const { return m_editor->findChild<Gui::HomeworkDialog *>(u"homeworkDialog"_s); }
    std::optional<Record> savedContent(const QString &sessionId) const
    {
        const QList<Record> rows = m_teacher->workspace().select(u"lesson_content"_s, u"session_id = ?"_s, {sessionId});
        return rows.isEmpty() ? std::nullopt : std::optional<Record>(rows.constFirst());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = Test::startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<Test::SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(Test::kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        Workspace::Workspace &workspace = m_teacher->workspace();

        // A lesson of next week, with nothing written yet.
        const QList<Record> slots = workspace.select(u"timetable_slot"_s, u"teacher_id = ?"_s, {workspace.personId()},
                                                     u"weekday, start_minute"_s);
        QVERIFY(!slots.isEmpty());
        const Record &slot = slots.constFirst();
        QDate day = workspace.today().addDays(7);
        while (day.dayOfWeek() != slot.number(u"weekday"_s))
            day = day.addDays(1);
        m_session = Record(u"lesson_session"_s, Core::newId());
        for (const QString &field : {u"establishment_id"_s, u"class_id"_s, u"group_id"_s, u"subject_id"_s,
                                     u"teacher_id"_s, u"start_minute"_s, u"duration_minutes"_s})
            m_session.set(field, slot.value(field));
        m_session.set(u"slot_id"_s, slot.id());
        m_session.set(u"date"_s, day.toString(Qt::ISODate));
        QVERIFY(workspace.create(m_session).ok());
        const QList<Record> todays = workspace.select(u"lesson_session"_s, u"teacher_id = ? AND date = ?"_s,
                                                      {workspace.personId(), workspace.today().toString(Qt::ISODate)});
        QVERIFY(!todays.isEmpty());
        m_todaysSessionId = todays.constFirst().id();

        m_cache = std::make_unique<Sync::BlobCache>(m_dir.filePath(u"teacher.sqlite"_s));
        m_transfers = std::make_unique<Sync::BlobTransfer>(m_transport, m_teacher->store(), *m_cache);
        m_files = std::make_unique<Workspace::FileStates>(*m_cache, *m_transfers);
        m_editor = std::make_unique<Gui::LessonEditor>(workspace, *m_files, nullptr);
        m_editor->setSession(m_session.id());
        m_editor->resize(900, 700);
        m_editor->show();
        m_editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    }

    void cleanupTestCase()
    {
        m_editor.reset();
        m_files.reset();
        m_transfers.reset();
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void controlsAreNamedAndInTabOrder()
    {
        for (const QString &name : {u"lessonTitleEdit"_s, u"lessonContentEdit"_s, u"homeworkList"_s,
                                    u"addHomeworkButton"_s, u"lessonAttachButton"_s}) {
            auto *widget = findChildNamed<QWidget>(m_editor.get(), name);
            QVERIFY2(widget, qPrintable(name));
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
        }
        QVERIFY(status());
        const QString header = findChildNamed<QLabel>(m_editor.get(), u"lessonHeader"_s)->text();
        QVERIFY(header.contains(m_teacher->workspace().subjectName(m_session.text(u"subject_id"_s))));
        QCOMPARE(nextTabStop(titleEdit()), contentEdit());
        QVERIFY(titleEdit()->text().isEmpty());
        QVERIFY(contentEdit()->toPlainText().isEmpty());
    }

    void aHalfEntryIsNotSavedAndSaysWhy()
    {
        const qint64 before = pending();
        titleEdit()->setFocus();
        QTest::keyClicks(titleEdit(), u"Les fractions"_s);
        // Leaving the title for the content saves at once, and there is no
        // content yet.
        QTest::keyClick(titleEdit(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), contentEdit());
        QVERIFY(status()->text().startsWith(u"Not saved"_s));
        QCOMPARE(pending(), before);
        QVERIFY(!savedContent(m_session.id()));
    }

    void typingIsSavedAfterAPause()
    {
        const qint64 before = pending();
        QTest::keyClicks(contentEdit(), u"Definition et exemples."_s);
        QTRY_COMPARE_WITH_TIMEOUT(pending(), before + 1, kTimeout);
        QCOMPARE(status()->text(), u"Saved"_s);
        std::optional<Record> saved = savedContent(m_session.id());
        QVERIFY(saved);
        QCOMPARE(saved->text(u"title"_s), u"Les fractions"_s);
        QCOMPARE(saved->text(u"content"_s), u"Definition et exemples."_s);

        QTest::keyClick(contentEdit(), Qt::Key_Return);
        QTest::keyClicks(contentEdit(), u"Exercices 1 a 4."_s);
        QTRY_COMPARE_WITH_TIMEOUT(pending(), before + 2, kTimeout);
        saved = savedContent(m_session.id());
        QCOMPARE(saved->text(u"content"_s), u"Definition et exemples.\nExercices 1 a 4."_s);
    }

    void homeworkIsGivenThroughTheDialog()
    {
        Workspace::HomeworkModel *model = qobject_cast<Workspace::HomeworkModel *>(homeworkList()->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model->rowCount(), 0);
        const QString file = m_dir.filePath(u"fiche.txt"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("Exercices de la fiche");
        }
        const qint64 before = pending();

        QTest::keyClick(m_editor.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QPointer<Gui::HomeworkDialog> opened = dialog();
        auto *due = findChildNamed<QDateEdit>(opened, u"homeworkDueEdit"_s);
        QCOMPARE(due->date(), model->defaultDueDate());
        QVERIFY(due->date() > QDate::fromString(m_session.text(u"date"_s), Qt::ISODate));
        auto *text = findChildNamed<QPlainTextEdit>(opened, u"homeworkTextEdit"_s);
        QTRY_COMPARE(QApplication::focusWidget(), text);

        // OK without a text says why and writes nothing.
        QTest::keyClick(text, Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *submission = findChildNamed<QCheckBox>(opened, u"homeworkSubmissionCheck"_s);
        QCOMPARE(QApplication::focusWidget(), submission);
        QTest::keyClick(submission, Qt::Key_Return);
        QVERIFY(opened);
        QVERIFY(findChildNamed<QLabel>(opened, u"homeworkDialogError"_s)->isVisible());
        QCOMPARE(pending(), before);

        text->setFocus();
        QTest::keyClicks(text, u"Exercices 5 et 6 page 40"_s);
        QTest::keyClick(text, Qt::Key_Tab);
        auto *minutes = findChildNamed<QSpinBox>(opened, u"homeworkMinutesSpin"_s);
        QCOMPARE(QApplication::focusWidget(), minutes);
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(minutes, Qt::Key_Up);
        QCOMPARE(minutes->value(), 30);
        QTest::keyClick(minutes, Qt::Key_Tab);
        QTest::keyClick(submission, Qt::Key_Space);
        QVERIFY(submission->isChecked());
        const QString script = m_dir.filePath(u"fiche.html"_s);
        {
            QFile out(script);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("<!DOCTYPE html><html><script>alert(1)</script></html>");
        }
        opened->attachFiles({file, m_dir.filePath(u"missing.pdf"_s), script});
        auto *dialogError = findChildNamed<QLabel>(opened, u"homeworkDialogError"_s);
        QVERIFY(dialogError->isVisible());
        QVERIFY2(dialogError->text().contains(u"fiche.html is not of a type"_s), qPrintable(dialogError->text()));
        auto *files = findChildNamed<QTreeWidget>(opened, u"homeworkAttachmentList"_s);
        QCOMPARE(files->topLevelItemCount(), 1);
        QCOMPARE(files->topLevelItem(0)->text(3), u"Attached on OK"_s);
        auto *offline = findChildNamed<QCheckBox>(opened, u"homeworkOfflineCheck"_s);
        QVERIFY(!offline->isChecked());
        offline->setFocus();
        QTest::keyClick(offline, Qt::Key_Space);
        QVERIFY(offline->isChecked());
        submission->setFocus();
        QTest::keyClick(submission, Qt::Key_Return);
        QTRY_VERIFY(!opened);

        QCOMPARE(model->rowCount(), 1);
        const QString id = model->idAt(0);
        const std::optional<Record> homework = m_teacher->workspace().row(u"homework"_s, id);
        QVERIFY(homework);
        QCOMPARE(homework->text(u"text"_s), u"Exercices 5 et 6 page 40"_s);
        QCOMPARE(homework->number(u"estimated_minutes"_s), 30);
        QVERIFY(homework->flag(u"requires_submission"_s));
        QCOMPARE(homework->text(u"due_on"_s), model->defaultDueDate().toString(Qt::ISODate));
        Workspace::AttachmentStore store(m_teacher->workspace(), *m_cache);
        const QList<Record> attachments = store.attachmentsOf(u"homework"_s, id);
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.constFirst().text(u"file_name"_s), u"fiche.txt"_s);
        QCOMPARE(attachments.constFirst().text(u"mime_type"_s), u"text/plain"_s);
        const Core::Result<bool> pinned = m_transfers->isPinned(u"homework"_s, id);
        QVERIFY(pinned.ok());
        QVERIFY(*pinned);
        QCOMPARE(pending(), before + 2);
        // The dialog gave the focus back to the list.
        m_editor->activateWindow();
        QTRY_COMPARE(QApplication::focusWidget(), homeworkList());

        // Enter on the list changes it; Escape leaves it as it was.
        QTest::keyClick(homeworkList(), Qt::Key_Return);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        opened = dialog();
        QCOMPARE(findChildNamed<QPlainTextEdit>(opened, u"homeworkTextEdit"_s)->toPlainText(),
                 u"Exercices 5 et 6 page 40"_s);
        QTRY_COMPARE(QApplication::focusWidget(), findChildNamed<QPlainTextEdit>(opened, u"homeworkTextEdit"_s));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!opened);
        QCOMPARE(pending(), before + 2);
    }

    void lessonFilesShowTheirStateAndARefusedTypeSaysWhy()
    {
        const QString sheet = m_dir.filePath(u"cours.txt"_s);
        const QString program = m_dir.filePath(u"cours.pdf"_s);
        {
            QFile out(sheet);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("Les fractions : le cours");
            QFile bad(program);
            QVERIFY(bad.open(QIODevice::WriteOnly));
            bad.write(QByteArray("\x7F"
                                 "ELF\x02\x01\x01\x00",
                                 8)
                      + QByteArray(64, '\0'));
        }
        const qint64 before = pending();
        m_editor->attachLessonFiles({sheet, program});
        QCOMPARE(pending(), before + 1);
        QVERIFY(status()->text().contains(u"cours.pdf"_s));
        QVERIFY(status()->text().contains(u"not of a type the school accepts"_s));
        const QString contentId = savedContent(m_session.id())->id();
        const QList<Record> rows = m_teacher->workspace().select(u"attachment"_s, u"owner_id = ?"_s, {contentId});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().text(u"file_name"_s), u"cours.txt"_s);

        auto *list = findChildNamed<QTreeWidget>(m_editor.get(), u"lessonAttachmentList"_s);
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem *item = list->topLevelItem(0);
        QCOMPARE(item->text(0), u"cours.txt"_s);
        QCOMPARE(item->text(2), u"Plain text"_s);
        QCOMPARE(item->text(3), u"Waiting to be sent"_s);
        QVERIFY(item->data(0, Qt::AccessibleTextRole).toString().contains(u"Waiting to be sent"_s));

        // Sent, the file is on this computer; Enter opens a copy of it.
        QSignalSpy finished(m_transfers.get(), &Sync::BlobTransfer::uploadsFinished);
        m_transfers->sendUploads();
        QVERIFY(finished.wait(kTimeout));
        QTRY_COMPARE(list->topLevelItem(0)->text(3), u"On this computer"_s);
        QList<QUrl> opened;
        findChildNamed<Gui::FileList>(m_editor.get(), QString())->actions()->setOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE(opened.size(), 1);
        QVERIFY(opened.constFirst().toLocalFile().endsWith(u"/cours.txt"_s));

        // A file that would run as a program is offered Save only.
        QVERIFY(!Gui::FileActions::mayOpen(u"lancer.exe"_s));
        QVERIFY(Gui::FileActions::mayOpen(u"cours.txt"_s));

        // Delete removes it.
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(pending(), before + 2);
        QCOMPARE(list->topLevelItemCount(), 0);
    }

    void switchingLessonsKeepsWhatWasTyped()
    {
        contentEdit()->setFocus();
        const qint64 before = pending();
        QTest::keyClicks(contentEdit(), u" Correction en classe."_s);
        // No pause: the other lesson is opened at once.
        m_editor->setSession(m_todaysSessionId);
        QCOMPARE(pending(), before + 1);
        QVERIFY(savedContent(m_session.id())->text(u"content"_s).endsWith(u"Correction en classe."_s));
        // Today's lesson of the reference school has its entry already.
        QCOMPARE(titleEdit()->text(), savedContent(m_todaysSessionId)->text(u"title"_s));
        m_editor->setSession(m_session.id());
        QCOMPARE(titleEdit()->text(), u"Les fractions"_s);
    }

    void theCahierOpensALessonWithEnter()
    {
        Gui::CahierView view(m_teacher->workspace(), nullptr);
        view.show();
        auto *picker = findChildNamed<QWidget>(&view, u"cahierTeachingPicker"_s);
        auto *table = findChildNamed<QTableView>(&view, u"cahierTable"_s);
        QVERIFY(picker && table);
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        // Choose the lesson's teaching.
        auto *combo = qobject_cast<QComboBox *>(picker);
        const QString audience = m_teacher->workspace().audienceName(m_session.text(u"class_id"_s),
                                                                     m_session.text(u"group_id"_s));
        const QString label = audience + u" · "_s + m_teacher->workspace().subjectName(m_session.text(u"subject_id"_s));
        const int index = combo->findText(label);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        const int row = view.model()->rowOfSession(m_session.id());
        QCOMPARE(row, 0);
        table->setFocus();
        table->setCurrentIndex(view.model()->index(row, Workspace::CahierModel::TitleColumn));
        QSignalSpy opened(&view, &Gui::CahierView::lessonOpened);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.constFirst().constFirst().toString(), m_session.id());
    }
};

QTEST_MAIN(TestLessonEditor)
#include "tst_lessoneditor.moc"
