// Assessing competencies in an evaluation over a replica synced from the
// reference school: the four levels of the socle, set, changed and cleared,
// found again by a new model, accepted by the server; a closed period is
// read-only.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "workspace/competencies/competencymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Workspace::CompetencyModel;
using Level = Workspace::CompetencyModel::Level;
using Write = Workspace::Workspace::Write;

class TestCompetencyModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;
    QString m_evaluationId;
    QList<Core::Record> m_competencies;

    Workspace::Workspace &workspace() { return m_teacher->workspace(); }

    // An evaluation of the teacher's first teaching in `period`, assessing
    // the two competencies, made in one write.
    Core::Result<QString> createEvaluation(const Core::Record &period, const QString &title, const QString &date)
    {
        const Workspace::Teaching teaching = workspace().teachings().constFirst();
        Core::Record evaluation(u"evaluation"_s, Core::newId());
        evaluation.set(u"establishment_id"_s, workspace().establishmentId());
        if (teaching.classId.isEmpty())
            evaluation.set(u"group_id"_s, teaching.groupId);
        else
            evaluation.set(u"class_id"_s, teaching.classId);
        evaluation.set(u"subject_id"_s, teaching.subjectId);
        evaluation.set(u"teacher_id"_s, workspace().personId());
        evaluation.set(u"period_id"_s, period.id());
        evaluation.set(u"title"_s, title);
        evaluation.set(u"date"_s, date);
        evaluation.set(u"coefficient"_s, qint64(100));
        evaluation.set(u"scale"_s, qint64(20));
        evaluation.set(u"published"_s, true);
        QList<Write> writes{{Write::Kind::Create, evaluation, {}}};
        for (const Core::Record &competency : std::as_const(m_competencies)) {
            Core::Record link(u"evaluation_competency"_s, Core::newId());
            link.set(u"establishment_id"_s, workspace().establishmentId());
            link.set(u"evaluation_id"_s, evaluation.id());
            link.set(u"competency_id"_s, competency.id());
            writes.append({Write::Kind::Create, link, {}});
        }
        const Core::Result<QList<qint64>> saved = workspace().apply(writes);
        if (!saved)
            return saved.error();
        return evaluation.id();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        m_competencies = workspace().select(u"competency"_s, u"establishment_id = ?"_s, {workspace().establishmentId()},
                                            u"code"_s);
        QVERIFY(m_competencies.size() >= 2);
        m_competencies = m_competencies.mid(0, 2);
        const Core::Result<QString> created = createEvaluation(*workspace().periodOn(workspace().today()),
                                                               u"Compétences : fractions"_s, u"2025-04-03"_s);
        QVERIFY(created.ok());
        m_evaluationId = *created;
    }

    void cleanupTestCase()
    {
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void levelsHaveWordsAndColours()
    {
        QCOMPARE(CompetencyModel::levelName(Level::Insufficient), u"Insufficient mastery"_s);
        QCOMPARE(CompetencyModel::levelName(Level::VeryGood), u"Very good mastery"_s);
        QCOMPARE(CompetencyModel::levelShortName(Level::Fragile), u"MF"_s);
        QCOMPARE(CompetencyModel::levelShortName(Level::Satisfactory), u"MS"_s);
        QCOMPARE(CompetencyModel::levelFromCode(u"very_good"_s), Level::VeryGood);
        QCOMPARE(CompetencyModel::levelFromCode(u"excellent"_s), Level::None);
        QSet<QString> colours;
        for (Level level : {Level::Insufficient, Level::Fragile, Level::Satisfactory, Level::VeryGood})
            colours.insert(CompetencyModel::levelColour(level));
        QCOMPARE(colours.size(), 4);
    }

    void listsTheEvaluationsWithCompetencies()
    {
        const QList<CompetencyModel::Choice> choices = CompetencyModel::evaluationsWithCompetencies(workspace());
        const auto found = std::find_if(choices.cbegin(), choices.cend(), [this](const CompetencyModel::Choice &c) {
            return c.evaluationId == m_evaluationId;
        });
        QVERIFY(found != choices.cend());
        QVERIFY(found->label.contains(u"Compétences : fractions"_s));
        for (const CompetencyModel::Choice &choice : choices) {
            const std::optional<Core::Record> evaluation = workspace().row(u"evaluation"_s, choice.evaluationId);
            QVERIFY(evaluation);
            QCOMPARE(evaluation->text(u"teacher_id"_s), workspace().personId());
        }
    }

    void setsChangesAndClearsLevels()
    {
        CompetencyModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEvaluation(m_evaluationId);
        QVERIFY(!model.isReadOnly());
        QCOMPARE(model.columnCount(), 2);
        QVERIFY(model.rowCount() > 5);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), m_competencies.at(0).text(u"code"_s));
        QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(m_competencies.at(1).text(u"label"_s)));
        QCOMPARE(model.level(0, 0), Level::None);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const qint64 before = m_teacher->store().pendingCount().value();
        QVERIFY(model.setLevel(0, 0, Level::Satisfactory).ok());
        QVERIFY(model.setLevel(0, 1, Level::Fragile).ok());
        QVERIFY(model.setLevel(1, 1, Level::Insufficient).ok());
        QVERIFY(model.setLevel(1, 1, Level::VeryGood).ok());
        QVERIFY(model.setLevel(0, 1, Level::None).ok());
        QCOMPARE(m_teacher->store().pendingCount().value(), before + 5);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.level(0, 0), Level::Satisfactory);
        QCOMPARE(model.index(0, 0).data().toString(), u"MS"_s);
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(u"Satisfactory mastery"_s));
        QCOMPARE(model.level(0, 1), Level::None);
        QCOMPARE(model.level(1, 1), Level::VeryGood);
        // Clearing a cell with nothing in it writes nothing.
        QVERIFY(model.setLevel(2, 0, Level::None).ok());
        QCOMPARE(m_teacher->store().pendingCount().value(), before + 5);

        const QList<Core::Record> rows = workspace().select(u"competency_assessment"_s, u"evaluation_id = ?"_s,
                                                            {m_evaluationId});
        QCOMPARE(rows.size(), 2);
        const Core::Record evaluation = *workspace().row(u"evaluation"_s, m_evaluationId);
        for (const Core::Record &row : rows) {
            QCOMPARE(row.text(u"period_id"_s), evaluation.text(u"period_id"_s));
            QCOMPARE(row.text(u"subject_id"_s), evaluation.text(u"subject_id"_s));
            QCOMPARE(row.text(u"assessed_by"_s), workspace().accountId());
        }

        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QCOMPARE(m_teacher->store().pendingCount().value(), 0);
    }

    void aNewModelFindsTheLevels()
    {
        CompetencyModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEvaluation(m_evaluationId);
        QCOMPARE(model.level(0, 0), Level::Satisfactory);
        QCOMPARE(model.level(0, 1), Level::None);
        QCOMPARE(model.level(1, 1), Level::VeryGood);
        QCOMPARE(model.level(1, 0), Level::None);
        QCOMPARE(model.index(1, 1).data(CompetencyModel::LevelRole).toInt(), int(Level::VeryGood));
    }

    void aClosedPeriodIsReadOnly()
    {
        std::optional<Core::Record> closed;
        for (const Core::Record &period : workspace().periods()) {
            if (period.flag(u"closed"_s))
                closed = period;
        }
        QVERIFY(closed);
        const Core::Result<QString> created = createEvaluation(*closed, u"Compétences : trimestre clos"_s,
                                                               closed->text(u"starts_on"_s));
        QVERIFY(created.ok());
        CompetencyModel model(workspace());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEvaluation(*created);
        QVERIFY(model.isReadOnly());
        QSignalSpy failed(&model, &CompetencyModel::saveFailed);
        const qint64 before = m_teacher->store().pendingCount().value();
        const Core::Status refused = model.setLevel(0, 0, Level::Fragile);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Core::ErrorCode::PeriodClosed);
        QCOMPARE(refused.error().context, closed->text(u"name"_s));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(model.level(0, 0), Level::None);
        QCOMPARE(m_teacher->store().pendingCount().value(), before);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestCompetencyModel)
#include "tst_competencymodel.moc"
