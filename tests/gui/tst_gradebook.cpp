// The grade book screen on a replica synced from a real server, driven with
// the keyboard as a teacher enters a column of marks.

#include "widgettesting.h"

#include "app/gradebook/evaluationdialog.h"
#include "app/gradebook/gradebookview.h"
#include "tests/support/syncedclient.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Test::findChildNamed;
using Workspace::GradeBookModel;

class TestGradeBook : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::SyncedClient> m_teacher;
    std::unique_ptr<Gui::GradeBookView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_evaluation;

    QTableView *table() const { return findChildNamed<QTableView>(m_view.get(), u"gradeBookTable"_s); }
    GradeBookModel *model() const { return m_view->model(); }
    QLabel *error() const { return findChildNamed<QLabel>(m_view.get(), u"gradeBookError"_s); }
    int column() const
    {
        for (int c = 0; c < model()->evaluationCount(); ++c) {
            if (model()->evaluationIdAt(c) == m_evaluation)
                return c;
        }
        return -1;
    }
    // The dialog on screen; a closed one may linger until deleted.
    Gui::EvaluationDialog *shownDialog() const
    {
        const auto dialogs = m_view->findChildren<Gui::EvaluationDialog *>(u"evaluationDialog"_s);
        for (Gui::EvaluationDialog *dialog : dialogs) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
    QString shown(int row, int c) const { return model()->index(row, c).data().toString(); }

    // Keys go where the focus is, as when a person types: the table, then
    // the editor that the first key opened.
    static void type(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
    }
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), key, modifiers);
    }
    void goTo(int row, int c)
    {
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        table()->setFocus();
        table()->setCurrentIndex(model()->index(row, c));
        QTRY_VERIFY(table()->hasFocus());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        QVERIFY(m_dir.isValid());
        m_server = Test::startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<Test::SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(Test::kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        m_view = std::make_unique<Gui::GradeBookView>(m_teacher->workspace());
        m_tester = std::make_unique<QAbstractItemModelTester>(model(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_view->resize(1100, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        Workspace::EvaluationDraft draft;
        draft.title = u"Dictée"_s;
        draft.date = m_teacher->workspace().today();
        draft.periodId = model()->periodId();
        const Core::Result<QString> id = model()->createEvaluation(draft);
        QVERIFY(id);
        m_evaluation = *id;
        QVERIFY(column() >= 0);
        QVERIFY(model()->studentCount() >= 3);
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_view.reset();
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void cleanup()
    {
        if (Gui::EvaluationDialog *dialog = shownDialog())
            dialog->reject();
    }

    void controlsAreNamed()
    {
        for (const QString &name : {u"teachingPicker"_s, u"periodPicker"_s, u"newEvaluationButton"_s,
                                    u"readOnlyBanner"_s, u"gradeBookError"_s, u"gradeBookTable"_s}) {
            auto *widget = findChildNamed<QWidget>(m_view.get(), name);
            QVERIFY2(widget, qPrintable(name));
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
        }
        auto *teachings = findChildNamed<QComboBox>(m_view.get(), u"teachingPicker"_s);
        QCOMPARE(teachings->count(), m_teacher->workspace().teachings().size());
        QVERIFY(!findChildNamed<QWidget>(m_view.get(), u"readOnlyBanner"_s)->isVisible());
    }

    void typingAColumnOfMarksGoesDown()
    {
        const int c = column();
        goTo(0, c);
        type(u"15,5"_s);
        QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        press(Qt::Key_Return);
        QCOMPARE(shown(0, c), u"15,5"_s);
        QCOMPARE(table()->currentIndex(), model()->index(1, c));
        type(u"abs"_s);
        press(Qt::Key_Enter);
        QCOMPARE(shown(1, c), u"abs"_s);
        QCOMPARE(table()->currentIndex(), model()->index(2, c));
        type(u"9"_s);
        press(Qt::Key_Return);
        QCOMPARE(shown(2, c), u"9"_s);
        // The class figures follow at once: (15,5 + 9) ÷ 2.
        const int first = model()->studentCount();
        QCOMPARE(shown(first, c), u"12,25"_s);
        QCOMPARE(shown(first + 1, c), u"9"_s);
        QCOMPARE(shown(first + 2, c), u"15,5"_s);
        QVERIFY(!shown(0, model()->averageColumn()).isEmpty());

        // Typing replaces what the cell held; Tab goes right, Shift+Tab left.
        goTo(0, c);
        type(u"14"_s);
        press(Qt::Key_Tab);
        QCOMPARE(shown(0, c), u"14"_s);
        if (c + 1 < model()->evaluationCount()) {
            QCOMPARE(table()->currentIndex(), model()->index(0, c + 1));
            press(Qt::Key_Escape);
            goTo(0, c);
        }
        if (c > 0) {
            type(u"14"_s);
            press(Qt::Key_Backtab);
            QCOMPARE(table()->currentIndex(), model()->index(0, c - 1));
        }
    }

    void aRefusedValueKeepsTheEditorOpen()
    {
        const int c = column();
        goTo(2, c);
        const qint64 before = m_teacher->store().pendingCount().value();
        type(u"25"_s);
        press(Qt::Key_Return);
        QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        QCOMPARE(qobject_cast<QLineEdit *>(QApplication::focusWidget())->text(), u"25"_s);
        QVERIFY(error()->isVisible());
        QVERIFY2(error()->text().contains(u"20"_s), qPrintable(error()->text()));
        QCOMPARE(shown(2, c), u"9"_s);
        QCOMPARE(m_teacher->store().pendingCount().value(), before);
        // Escape gives up the edit.
        press(Qt::Key_Escape);
        QTRY_COMPARE(QApplication::focusWidget(), table());
        QCOMPARE(shown(2, c), u"9"_s);
        QCOMPARE(table()->currentIndex(), model()->index(2, c));
    }

    void undoAndRedoAreSavedToo()
    {
        const int c = column();
        goTo(2, c);
        type(u"11"_s);
        press(Qt::Key_Return);
        QCOMPARE(shown(2, c), u"11"_s);
        QVERIFY(!error()->isVisible());
        const qint64 before = m_teacher->store().pendingCount().value();
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(shown(2, c), u"9"_s);
        QCOMPARE(m_teacher->store().pendingCount().value(), before + 1);
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(shown(2, c), u"11"_s);
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(shown(2, c), u"9"_s);
        press(Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(shown(2, c), u"11"_s);
        QCOMPARE(m_teacher->store().pendingCount().value(), before + 4);
    }

    void deleteClearsTheGrade()
    {
        const int c = column();
        goTo(0, c);
        QVERIFY(!shown(0, c).isEmpty());
        press(Qt::Key_Delete);
        QCOMPARE(shown(0, c), QString());
        QVERIFY(m_teacher->workspace()
                    .select(u"grade"_s, u"evaluation_id = ? AND student_id = ?"_s,
                            {m_evaluation, model()->index(0, c).data(GradeBookModel::StudentIdRole)})
                    .isEmpty());
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(shown(0, c), u"14"_s);
        press(Qt::Key_Backspace);
        QCOMPARE(shown(0, c), QString());
        // The class figures never take a value.
        goTo(model()->studentCount(), c);
        press(Qt::Key_5);
        QVERIFY(!qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    }

    void aNewEvaluationByKeyboardOnly()
    {
        const int columns = model()->evaluationCount();
        table()->setFocus();
        press(Qt::Key_N, Qt::ControlModifier);
        Gui::EvaluationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = shownDialog()) != nullptr);
        auto *ok = findChildNamed<QPushButton>(dialog, u"okButton"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(findChildNamed<QLabel>(dialog, u"evaluationError"_s)->isVisible());
        auto *title = findChildNamed<QLineEdit>(dialog, u"titleEdit"_s);
        QTRY_COMPARE(QApplication::focusWidget(), title);
        type(u"Controle 4"_s);
        QVERIFY(ok->isEnabled());
        // The date takes a Tab per part (day, month, year), then the coefficient.
        auto *coefficient = findChildNamed<QDoubleSpinBox>(dialog, u"coefficientSpin"_s);
        for (int i = 0; i < 5 && QApplication::focusWidget() != coefficient; ++i)
            press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), findChildNamed<QDoubleSpinBox>(dialog, u"coefficientSpin"_s));
        press(Qt::Key_A, Qt::ControlModifier);
        type(u"2"_s);
        press(Qt::Key_Tab); // out of
        QCOMPARE(QApplication::focusWidget(), findChildNamed<QSpinBox>(dialog, u"scaleSpin"_s));
        press(Qt::Key_A, Qt::ControlModifier);
        type(u"10"_s);
        press(Qt::Key_Return);
        QTRY_VERIFY(!shownDialog());
        QCOMPARE(model()->evaluationCount(), columns + 1);
        bool found = false;
        for (int c = 0; c < model()->evaluationCount(); ++c) {
            const QString header = model()->headerData(c, Qt::Horizontal).toString();
            if (header.startsWith(u"Controle 4\n"_s)) {
                found = true;
                QVERIFY2(header.contains(u"/10"_s) && header.contains(u"coef. 2"_s), qPrintable(header));
                QCOMPARE(table()->currentIndex(), model()->index(0, c));
            }
        }
        QVERIFY(found);
        // The new column takes marks on its own scale at once. (Offscreen, the
        // closed dialog gives the activation back to nobody.)
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        QTRY_COMPARE(QApplication::focusWidget(), table());
        type(u"8,5"_s);
        press(Qt::Key_Return);
        QCOMPARE(table()->currentIndex().row(), 1);
        QCOMPARE(model()->index(0, table()->currentIndex().column()).data().toString(), u"8,5"_s);
    }

    void anEvaluationIsEditedThenDeletedWithItsGrades()
    {
        const int c = column();
        goTo(1, c);
        press(Qt::Key_E, Qt::ControlModifier);
        Gui::EvaluationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = shownDialog()) != nullptr);
        auto *title = findChildNamed<QLineEdit>(dialog, u"titleEdit"_s);
        QCOMPARE(title->text(), u"Dictée"_s);
        QTRY_COMPARE(QApplication::focusWidget(), title);
        press(Qt::Key_End);
        type(u" 2"_s);
        QCOMPARE(title->text(), u"Dictée 2"_s);
        QVERIFY2(findChildNamed<QPushButton>(dialog, u"okButton"_s)->isEnabled(), qPrintable(dialog->problem()));
        press(Qt::Key_Return);
        QTRY_VERIFY(!shownDialog());
        QVERIFY(model()->headerData(column(), Qt::Horizontal).toString().startsWith(u"Dictée 2\n"_s));

        const int grades = model()->gradeCount(m_evaluation);
        QVERIFY(grades > 0);
        const int columns = model()->evaluationCount();
        goTo(1, column());
        press(Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_view->findChild<QMessageBox *>(u"deleteEvaluationBox"_s)) != nullptr);
        QVERIFY2(box->text().contains(QString::number(grades)), qPrintable(box->text()));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(model()->evaluationCount(), columns - 1);
        QCOMPARE(column(), -1);
        QVERIFY(m_teacher->workspace().select(u"grade"_s, u"evaluation_id = ?"_s, {m_evaluation}).isEmpty());
    }

    void aClosedPeriodIsReadOnly()
    {
        auto *periods = findChildNamed<QComboBox>(m_view.get(), u"periodPicker"_s);
        const int closed = periods->findText(u"Trimestre 1"_s, Qt::MatchStartsWith);
        QVERIFY(closed >= 0);
        periods->setFocus();
        periods->setCurrentIndex(closed);
        auto *banner = findChildNamed<QLabel>(m_view.get(), u"readOnlyBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(u"Trimestre 1 is closed since"_s), qPrintable(banner->text()));
        QVERIFY(model()->evaluationCount() > 0);
        const QString before = shown(0, 0);
        goTo(0, 0);
        press(Qt::Key_7);
        QVERIFY(!qobject_cast<QLineEdit *>(QApplication::focusWidget()));
        press(Qt::Key_Delete);
        QCOMPARE(shown(0, 0), before);
        periods->setCurrentIndex(
            periods->findData(m_teacher->workspace().periodOn(m_teacher->workspace().today())->id()));
        QTRY_VERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(TestGradeBook)
#include "tst_gradebook.moc"
