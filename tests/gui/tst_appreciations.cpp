// The appreciations screen driven with the keyboard against a replica synced
// from the reference school: Enter opens the editor, Ctrl+Enter saves and
// goes to the next student, Escape gives up, and a closed period is
// read-only with its reason.

#include "widgettesting.h"

#include "app/appreciations/appreciationsview.h"
#include "tests/support/syncedclient.h"
#include "workspace/appreciations/appreciationmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Test::findChildNamed;
using Workspace::AppreciationModel;

class TestAppreciations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::SyncedClient> m_teacher;
    std::unique_ptr<Gui::AppreciationsView> m_view;

    qint64 pending() const { return m_teacher->store().pendingCount().value(); }
    QTableView *table() const { return findChildNamed<QTableView>(m_view.get(), u"appreciationTable"_s); }
    QComboBox *periodPicker() const { return findChildNamed<QComboBox>(m_view.get(), u"appreciationPeriodPicker"_s); }
    QLabel *label(const QString &name) const { return findChildNamed<QLabel>(m_view.get(), name); }
    // The open editor: a closed one is hidden until it is deleted.
    QPlainTextEdit *editor() const
    {
        for (QPlainTextEdit *edit : table()->findChildren<QPlainTextEdit *>(u"appreciationEditor"_s)) {
            if (edit->isVisible())
                return edit;
        }
        return nullptr;
    }
    AppreciationModel *model() const { return m_view->model(); }
    QString cell(int row) const
    {
        return model()->data(model()->index(row, AppreciationModel::AppreciationColumn)).toString();
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
        m_view = std::make_unique<Gui::AppreciationsView>(m_teacher->workspace(), nullptr);
        m_view->resize(1000, 700);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    }

    void cleanupTestCase()
    {
        m_view.reset();
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void opensOnTheCurrentPeriod()
    {
        QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        for (const QString &name :
             {u"appreciationTeachingPicker"_s, u"appreciationPeriodPicker"_s, u"appreciationTable"_s}) {
            auto *widget = findChildNamed<QWidget>(m_view.get(), name);
            QVERIFY2(widget && !widget->accessibleName().isEmpty(), qPrintable(name));
        }
        QCOMPARE(model()->periodId(), m_teacher->workspace().periodOn(m_teacher->workspace().today())->id());
        QVERIFY(model()->rowCount() > 1);
        QVERIFY(label(u"appreciationReadOnlyBanner"_s)->isHidden());
    }

    void anAppreciationIsTypedAndCommittedWithTheKeyboard()
    {
        const qint64 before = pending();
        table()->setFocus();
        table()->setCurrentIndex(model()->index(0, AppreciationModel::AppreciationColumn));
        QTest::keyClick(table(), Qt::Key_Return);
        QTRY_VERIFY(editor() && editor()->hasFocus());
        editor()->selectAll();
        QTest::keyClicks(editor(), u"Bon trimestre."_s);
        QTest::keyClick(editor(), Qt::Key_Return);
        QTest::keyClicks(editor(), u"Continuez ainsi."_s);
        QVERIFY(label(u"appreciationCounter"_s)->text().startsWith(QLocale().toString(31) + u" / "_s));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(cell(0), u"Bon trimestre.\nContinuez ainsi."_s);
        QCOMPARE(pending(), before + 1);

        // The next student's editor is open: Escape gives up what is typed.
        QCOMPARE(table()->currentIndex().row(), 1);
        QTRY_VERIFY(editor() && editor()->hasFocus());
        const QString second = cell(1);
        editor()->selectAll();
        QTest::keyClicks(editor(), u"Abandonne"_s);
        QTest::keyClick(editor(), Qt::Key_Escape);
        QTRY_VERIFY(!editor());
        QCOMPARE(cell(1), second);
        QCOMPARE(pending(), before + 1);

        // Tab saves too; Ctrl+Up comes back to the first student.
        QTest::keyClick(table(), Qt::Key_Return);
        QTRY_VERIFY(editor() && editor()->hasFocus());
        editor()->selectAll();
        QTest::keyClicks(editor(), u"Des progres."_s);
        QTest::keyClick(editor(), Qt::Key_Tab);
        QCOMPARE(cell(1), u"Des progres."_s);
        QCOMPARE(pending(), before + 2);
        QCOMPARE(table()->currentIndex().row(), 2);
        QTRY_VERIFY(editor() && editor()->hasFocus());
        QTest::keyClick(editor(), Qt::Key_Escape);
        QTRY_VERIFY(!editor());
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_Up, Qt::ControlModifier);
        QTest::keyClick(table(), Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(table()->currentIndex().row(), 0);
    }

    void aTooLongAppreciationKeepsTheEditorOpen()
    {
        const qint64 before = pending();
        table()->setFocus();
        table()->setCurrentIndex(model()->index(2, AppreciationModel::AppreciationColumn));
        QTest::keyClick(table(), Qt::Key_Return);
        QTRY_VERIFY(editor() && editor()->hasFocus());
        editor()->setPlainText(QString(AppreciationModel::kMaxLength + 1, u'a'));
        QVERIFY(label(u"appreciationCounter"_s)->text().contains(u"too long"_s));
        QTest::keyClick(editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(editor());
        QVERIFY(label(u"appreciationError"_s)->isVisible());
        QCOMPARE(pending(), before);
        QTest::keyClick(editor(), Qt::Key_Escape);
        QTRY_VERIFY(!editor());
    }

    void aClosedPeriodIsReadOnly()
    {
        int closed = -1;
        for (int i = 0; i < periodPicker()->count(); ++i) {
            if (periodPicker()->itemText(i).startsWith(u"Trimestre 1"_s))
                closed = i;
        }
        QVERIFY(closed >= 0);
        periodPicker()->setCurrentIndex(closed);
        QVERIFY(model()->isReadOnly());
        QLabel *banner = label(u"appreciationReadOnlyBanner"_s);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(u"Trimestre 1"_s));
        const qint64 before = pending();
        table()->setFocus();
        table()->setCurrentIndex(model()->index(0, AppreciationModel::AppreciationColumn));
        QTest::keyClick(table(), Qt::Key_Return);
        QVERIFY(!editor());
        QTest::keyClicks(table(), u"abc"_s);
        QVERIFY(!editor());
        QCOMPARE(pending(), before);
    }
};

QTEST_MAIN(TestAppreciations)
#include "tst_appreciations.moc"
