// The roll call screen driven with the keyboard alone against a replica
// synced from the reference school: one key a student, R and the minutes for
// a lateness, the rest present and the roll call done with buttons reached by
// Tab.

#include "widgettesting.h"

#include "app/attendance/rollcallview.h"
#include "tests/support/syncedclient.h"
#include "workspace/attendance/rollcallmodel.h"
#include "workspace/timetable/timetablemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Cartable;
using Test::findChildNamed;
using Test::nextTabStop;
using Workspace::RollCallModel;
using Status = Workspace::RollCallModel::Status;

class TestRollCall : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::SyncedClient> m_teacher;
    std::unique_ptr<Gui::RollCallView> m_view;

    QTableView *table() const { return findChildNamed<QTableView>(m_view.get(), u"rollCallTable"_s); }
    QLabel *label(const QString &name) const { return findChildNamed<QLabel>(m_view.get(), name); }
    RollCallModel *model() const { return m_view->model(); }
    int current() const { return table()->currentIndex().row(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = Test::startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<Test::SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(Test::kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));

        Workspace::TimetableModel timetable(m_teacher->workspace());
        timetable.setWeek(QDate(2025, 3, 31));
        QVERIFY(timetable.rowCount() > 0);
        const Core::Result<QString> opened = timetable.openSession(0);
        QVERIFY(opened.ok());

        m_view = std::make_unique<Gui::RollCallView>(m_teacher->workspace());
        m_view->setSession(*opened);
        m_view->resize(900, 700);
        m_view->show();
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        table()->setFocus();
    }

    void cleanupTestCase()
    {
        m_view.reset();
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void showsTheLessonAndItsClass()
    {
        QAbstractItemModelTester tester(table()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        const Core::Record &session = model()->session();
        QVERIFY(label(u"rollCallTitle"_s)
                    ->text()
                    .contains(m_teacher->workspace().subjectName(session.text(u"subject_id"_s))));
        QVERIFY(label(u"rollCallTitle"_s)->text().contains(u"31 March 2025"_s));
        QVERIFY(model()->rowCount() > 5);
        QCOMPARE(current(), 0);
        QVERIFY(label(u"rollCallCounts"_s)->text().contains(u"Not taken: %1"_s.arg(model()->rowCount())));
    }

    void oneKeyAStudent()
    {
        QTest::keyClick(table(), 'p');
        QCOMPARE(model()->status(0), Status::Present);
        QCOMPARE(current(), 1);
        QTest::keyClick(table(), 'a');
        QCOMPARE(model()->status(1), Status::Absent);
        QCOMPARE(current(), 2);
        QTest::keyClick(table(), 'r');
        QVERIFY(label(u"lateMinutesLabel"_s)->isVisible());
        QTest::keyClick(table(), '1');
        QTest::keyClick(table(), '0');
        QTest::keyClick(table(), Qt::Key_Return);
        QCOMPARE(model()->status(2), Status::Late);
        QCOMPARE(model()->index(2, 0).data(RollCallModel::MinutesLateRole).toInt(), 10);
        QVERIFY(label(u"lateMinutesLabel"_s)->isHidden());
        QCOMPARE(current(), 3);
        QTest::keyClick(table(), Qt::Key_Space);
        QCOMPARE(model()->status(3), Status::Present);
        QCOMPARE(current(), 4);
        QVERIFY(label(u"rollCallError"_s)->isHidden());
        // The status is said in words, not by colour.
        QVERIFY(model()->index(2, RollCallModel::StatusColumn).data().toString().contains(u"Late"_s));
    }

    void aLatenessOutOfBoundsIsRefused()
    {
        const qint64 pending = m_teacher->store().pendingCount().value();
        for (const QString &digits : {u"0"_s, u"241"_s}) {
            QTest::keyClick(table(), 'r');
            QTest::keyClicks(table(), digits);
            QTest::keyClick(table(), Qt::Key_Enter);
            QCOMPARE(model()->status(4), Status::NotTaken);
            QCOMPARE(current(), 4);
            QVERIFY(label(u"rollCallError"_s)->isVisible());
            QVERIFY(label(u"rollCallError"_s)->text().contains(u"240"_s));
        }
        QCOMPARE(m_teacher->store().pendingCount().value(), pending);
        // Escape abandons the minutes being typed.
        QTest::keyClick(table(), 'r');
        QTest::keyClick(table(), '5');
        QTest::keyClick(table(), Qt::Key_Escape);
        QCOMPARE(model()->status(4), Status::NotTaken);
        // Delete takes a mark back.
        QTest::keyClick(table(), Qt::Key_Up);
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(model()->status(3), Status::NotTaken);
        QTest::keyClick(table(), Qt::Key_Up);
        QCOMPARE(current(), 3);
        QTest::keyClick(table(), 'p');
        QCOMPARE(model()->status(3), Status::Present);
        QCOMPARE(current(), 4);
        QVERIFY(label(u"rollCallError"_s)->isHidden());
    }

    void theButtonsFinishTheRollCall()
    {
        const int rest = model()->count(Status::NotTaken);
        QCOMPARE(rest, model()->rowCount() - 4);
        auto *allPresent = findChildNamed<QPushButton>(m_view.get(), u"allPresentButton"_s);
        auto *done = findChildNamed<QPushButton>(m_view.get(), u"rollCallDoneButton"_s);
        QVERIFY(allPresent && done);
        QCOMPARE(nextTabStop(table()), allPresent);
        QCOMPARE(nextTabStop(allPresent), done);
        QTest::keyClick(table(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), allPresent);
        QTest::keyClick(allPresent, Qt::Key_Space);
        QCOMPARE(model()->count(Status::NotTaken), 0);
        QCOMPARE(model()->count(Status::Present), rest + 2);
        QVERIFY(label(u"rollCallCounts"_s)->text().contains(u"Not taken: 0"_s));
        // Everyone is taken: Tab skips the disabled button to "Roll call done".
        QCOMPARE(QApplication::focusWidget(), table());
        QVERIFY(!allPresent->isEnabled());
        QTest::keyClick(table(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), done);
        QTest::keyClick(done, Qt::Key_Space);
        QVERIFY(model()->isDone());
        QVERIFY(label(u"rollCallCounts"_s)->text().contains(u"Roll call done"_s));
        QVERIFY(label(u"rollCallError"_s)->isHidden());
    }
};

QTEST_MAIN(TestRollCall)
#include "tst_rollcall.moc"
