// A teacher's appreciations of his students for a period, over a replica
// synced from a real server with the reference school: the averages beside
// them, writing, changing and clearing one, and a closed period that refuses.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "core/rules/averages.h"
#include "workspace/appreciations/appreciationmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Core::ErrorCode;
using Core::Record;
using Workspace::AppreciationModel;

class TestAppreciationModel : public QObject
{
    Q_OBJECT

private:
    qint64 pending() const { return m_teacher->store().pendingCount().value(); }
    // The student's subject average computed from the rows, apart from the
    // model.
    std::optional<Core::Hundredths> averageOf(const QString &studentId, const QString &periodId) const
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        const bool byClass = !m_teaching.classId.isEmpty();
        QList<Core::ScoredGrade> grades;
        for (const Record &evaluation :
             workspace.select(u"evaluation"_s,
                              (byClass ? u"class_id"_s : u"group_id"_s)
                                  + u" = ? AND subject_id = ? AND period_id = ?"_s,
                              {byClass ? m_teaching.classId : m_teaching.groupId, m_teaching.subjectId, periodId})) {
            for (const Record &grade : workspace.select(u"grade"_s, u"evaluation_id = ? AND student_id = ?"_s,
                                                        {evaluation.id(), studentId})) {
                Core::ScoredGrade scored;
                scored.scale = int(evaluation.number(u"scale"_s));
                scored.coefficient = *Core::Coefficient::fromHundredths(evaluation.number(u"coefficient"_s));
                if (grade.isSet(u"mark"_s))
                    scored.value = *Core::GradeValue::fromMark(Core::Hundredths::fromRaw(grade.number(u"mark"_s)),
                                                               scored.scale);
                else
                    scored.value = Core::GradeValue::fromMarker(*Core::gradeMarkerFromCode(grade.text(u"marker"_s)));
                grades.append(scored);
            }
        }
        return Core::subjectAverage(grades);
    }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;
    Workspace::Teaching m_teaching;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        for (const Workspace::Teaching &teaching : m_teacher->workspace().teachings()) {
            if (!teaching.classId.isEmpty()) {
                m_teaching = teaching;
                break;
            }
        }
        QVERIFY(!m_teaching.classId.isEmpty());
    }

    void cleanupTestCase()
    {
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void showsTheStudentsWithTheirAverages()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        AppreciationModel model(workspace);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTeaching(m_teaching);
        QCOMPARE(model.periodId(), workspace.periodOn(workspace.today())->id());
        QVERIFY(!model.isReadOnly());
        QCOMPARE(model.rowCount(), int(workspace.studentsOf(m_teaching.classId, {}, workspace.today()).size()));
        QVERIFY(model.rowCount() > 5);
        int withAverage = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString student = model.data(model.index(row, 0), AppreciationModel::StudentIdRole).toString();
            const std::optional<Core::Hundredths> expected = averageOf(student, model.periodId());
            const QString shown = model.data(model.index(row, AppreciationModel::AverageColumn)).toString();
            QCOMPARE(shown, expected ? Core::formatAverage(*expected, QLocale()) : u"—"_s);
            if (expected) {
                ++withAverage;
                QCOMPARE(model.data(model.index(row, 0), AppreciationModel::AverageRole).toLongLong(), expected->raw());
                QVERIFY(model.data(model.index(row, AppreciationModel::GradeCountColumn)).toString().toInt() > 0);
            }
            QCOMPARE(model.data(model.index(row, 0), AppreciationModel::ClassIdRole).toString(), m_teaching.classId);
            QVERIFY(model.flags(model.index(row, AppreciationModel::AppreciationColumn)) & Qt::ItemIsEditable);
            QVERIFY(!(model.flags(model.index(row, AppreciationModel::AverageColumn)) & Qt::ItemIsEditable));
        }
        QVERIFY(withAverage > 0);
    }

    void anAppreciationIsWrittenChangedAndCleared()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        AppreciationModel model(workspace);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTeaching(m_teaching);
        const QModelIndex cell = model.index(1, AppreciationModel::AppreciationColumn);
        const QString student = model.data(cell, AppreciationModel::StudentIdRole).toString();
        QVERIFY(model.data(cell, AppreciationModel::AppreciationIdRole).toString().isEmpty());
        const qint64 before = pending();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QVERIFY(model.setData(cell, u"Bon trimestre.\nDes efforts à l'oral."_s));
        QCOMPARE(pending(), before + 1);
        QCOMPARE(model.data(cell).toString(), u"Bon trimestre.\nDes efforts à l'oral."_s);
        const QString id = model.data(cell, AppreciationModel::AppreciationIdRole).toString();
        QVERIFY(!id.isEmpty());
        const std::optional<Record> written = workspace.row(u"period_appreciation"_s, id);
        QVERIFY(written);
        QCOMPARE(written->text(u"student_id"_s), student);
        QCOMPARE(written->text(u"period_id"_s), model.periodId());
        QCOMPARE(written->text(u"class_id"_s), m_teaching.classId);
        QCOMPARE(written->text(u"subject_id"_s), m_teaching.subjectId);
        QCOMPARE(written->text(u"author_id"_s), workspace.accountId());
        QCOMPARE(written->number(u"written_at"_s), workspace.nowMillis());
        // The rows stayed: the cell the teacher is in is not lost.
        QCOMPARE(reset.count(), 0);

        QVERIFY(model.setData(cell, u"Très bon trimestre."_s));
        QCOMPARE(pending(), before + 2);
        QCOMPARE(model.data(cell, AppreciationModel::AppreciationIdRole).toString(), id);
        QCOMPARE(workspace.row(u"period_appreciation"_s, id)->text(u"text"_s), u"Très bon trimestre."_s);

        // Too long: refused, nothing written.
        QVERIFY(!model.setData(cell, QString(AppreciationModel::kMaxLength + 1, u'a')));
        QCOMPARE(model.lastError()->code, ErrorCode::FieldTooLong);
        QCOMPARE(pending(), before + 2);
        QVERIFY(model.setData(cell, QString(AppreciationModel::kMaxLength, u'a')));
        QCOMPARE(pending(), before + 3);

        QVERIFY(model.setData(cell, u"  "_s));
        QCOMPARE(pending(), before + 4);
        QVERIFY(!workspace.row(u"period_appreciation"_s, id));
        QVERIFY(model.data(cell, AppreciationModel::AppreciationIdRole).toString().isEmpty());
        QCOMPARE(model.data(cell).toString(), QString());

        QVERIFY(model.setData(cell, u"Ensemble satisfaisant."_s));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QCOMPARE(pending(), 0);
        QCOMPARE(model.data(cell).toString(), u"Ensemble satisfaisant."_s);
    }

    void aClosedPeriodIsReadOnly()
    {
        Workspace::Workspace &workspace = m_teacher->workspace();
        QString closedId;
        QString closedName;
        for (const Record &period : workspace.periods()) {
            if (period.flag(u"closed"_s)) {
                closedId = period.id();
                closedName = period.text(u"name"_s);
            }
        }
        QCOMPARE(closedName, u"Trimestre 1"_s);
        AppreciationModel model(workspace);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setTeaching(m_teaching);
        QSignalSpy readOnly(&model, &AppreciationModel::readOnlyChanged);
        model.setPeriod(closedId);
        QCOMPARE(readOnly.count(), 1);
        QVERIFY(model.isReadOnly());
        QVERIFY(model.readOnlyReason().contains(closedName));
        QVERIFY(model.rowCount() > 0);
        const QModelIndex cell = model.index(0, AppreciationModel::AppreciationColumn);
        QVERIFY(!(model.flags(cell) & Qt::ItemIsEditable));
        const QString before = model.data(cell).toString();
        const qint64 outbox = pending();
        QVERIFY(!model.setData(cell, u"Changé"_s));
        QCOMPARE(model.lastError()->code, ErrorCode::PeriodClosed);
        QCOMPARE(model.lastError()->context, closedName);
        QCOMPARE(pending(), outbox);
        QCOMPARE(model.data(cell).toString(), before);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestAppreciationModel)
#include "tst_appreciationmodel.moc"
