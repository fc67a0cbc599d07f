// The timetable screen driven with the keyboard alone against a replica
// synced from the reference school: it opens on this week with today's lesson
// selected, moves from week to week, and Enter opens a lesson.

#include "widgettesting.h"

#include "app/timetable/timetableview.h"
#include "tests/support/syncedclient.h"
#include "workspace/timetable/timetablemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Test::findChildNamed;
using Workspace::TimetableModel;

class TestTimetable : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::SyncedClient> m_teacher;
    std::unique_ptr<Gui::TimetableView> m_view;

    QTableView *table() const { return findChildNamed<QTableView>(m_view.get(), u"timetableTable"_s); }
    QLabel *weekLabel() const { return findChildNamed<QLabel>(m_view.get(), u"weekLabel"_s); }
    QDate shownWeek() const { return m_view->model()->week(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = Test::startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<Test::SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(Test::kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
    }

    void init()
    {
        m_view = std::make_unique<Gui::TimetableView>(m_teacher->workspace());
        m_view->resize(900, 600);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        table()->setFocus();
    }

    void cleanup() { m_view.reset(); }

    void cleanupTestCase()
    {
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void controlsAreNamed()
    {
        for (const QString &name : {u"previousWeekButton"_s, u"thisWeekButton"_s, u"nextWeekButton"_s}) {
            QPushButton *button = findChildNamed<QPushButton>(m_view.get(), name);
            QVERIFY2(button, qPrintable(name));
            QVERIFY(!button->accessibleName().isEmpty());
        }
        QVERIFY(table());
        QVERIFY(!table()->accessibleName().isEmpty());
        QVERIFY(findChildNamed<QLabel>(m_view.get(), u"timetableError"_s));
        QAbstractItemModelTester tester(table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void opensOnThisWeekWithTodaysLessonSelected()
    {
        QCOMPARE(shownWeek(), QDate(2025, 3, 31));
        QCOMPARE(weekLabel()->text(), u"Week of 31 March 2025 · week A"_s);
        QVERIFY(table()->model()->rowCount() > 0);
        const int today = m_view->model()->todayRow();
        QCOMPARE(table()->currentIndex().row(), today >= 0 ? today : 0);
    }

    void theKeyboardMovesFromWeekToWeek()
    {
        // A button's shortcut clicks it after its short press animation.
        QTest::keyClick(table(), Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(shownWeek(), QDate(2025, 4, 7));
        QCOMPARE(weekLabel()->text(), u"Week of 7 April 2025 · week B"_s);
        QTest::keyClick(table(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(shownWeek(), QDate(2025, 3, 31));
        QTest::keyClick(table(), Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(shownWeek(), QDate(2025, 3, 24));
        QCOMPARE(weekLabel()->text(), u"Week of 24 March 2025 · week B"_s);
        QCOMPARE(table()->currentIndex().row(), table()->model()->rowCount() > 0 ? 0 : -1);
        QTest::keyClick(table(), Qt::Key_Home, Qt::AltModifier);
        QTRY_COMPARE(shownWeek(), QDate(2025, 3, 31));
        // Back on this week, today's lesson is selected again.
        const int today = m_view->model()->todayRow();
        QCOMPARE(table()->currentIndex().row(), today >= 0 ? today : 0);
    }

    void enterOpensALesson()
    {
        QAbstractItemModel *model = table()->model();
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r) {
            const QModelIndex index = model->index(r, 0);
            if (TimetableModel::Status(index.data(TimetableModel::StatusRole).toInt()) == TimetableModel::Status::Normal
                && index.data(TimetableModel::SessionIdRole).toString().isEmpty())
                row = r;
        }
        QVERIFY(row >= 0);
        QTest::keyClick(table(), Qt::Key_Home, Qt::ControlModifier);
        for (int r = 0; r < row; ++r)
            QTest::keyClick(table(), Qt::Key_Down);
        QCOMPARE(table()->currentIndex().row(), row);

        QSignalSpy opened(m_view.get(), &Gui::TimetableView::lessonOpened);
        QTest::keyClick(table(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        const QString sessionId = opened.constFirst().at(0).toString();
        QVERIFY(!sessionId.isEmpty());
        QVERIFY(m_teacher->workspace().row(u"lesson_session"_s, sessionId).has_value());
        // Opening it again gives the same lesson, and the row stays current.
        QCOMPARE(table()->currentIndex().row(), row);
        QTest::keyClick(table(), Qt::Key_Enter);
        QCOMPARE(opened.count(), 2);
        QCOMPARE(opened.at(1).at(0).toString(), sessionId);
        QVERIFY(findChildNamed<QLabel>(m_view.get(), u"timetableError"_s)->isHidden());
    }
};

QTEST_MAIN(TestTimetable)
#include "tst_timetable.moc"
