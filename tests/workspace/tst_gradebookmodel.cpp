// The grade book of a teacher over a replica synced from a real server with
// the reference school: the grid, typing marks and markers, the averages and
// class figures, closed periods, conflicts and evaluations.

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "workspace/gradebook/gradebookmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Workspace::GradeBookModel;

class TestGradeBookModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<SyncedClient> m_teacher;
    std::unique_ptr<SyncedClient> m_laptop; // the same teacher on a second computer
    std::unique_ptr<GradeBookModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_casesEvaluation;

    Workspace::Workspace &workspace() { return m_teacher->workspace(); }
    qint64 pending() { return m_teacher->store().pendingCount().value(); }

    static std::unique_ptr<QAbstractItemModelTester> testerOf(QAbstractItemModel *model)
    {
        return std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    QString createEvaluation(GradeBookModel &model, const QString &title, int scale, qint64 coefficientHundredths)
    {
        Workspace::EvaluationDraft draft;
        draft.title = title;
        draft.date = workspace().today();
        draft.scale = scale;
        draft.coefficient = Core::Coefficient::fromHundredths(coefficientHundredths).value();
        draft.periodId = model.periodId();
        const Core::Result<QString> id = model.createEvaluation(draft);
        if (!id) {
            qWarning() << "creating" << title << "failed:" << Core::errorCodeName(id.error().code)
                       << id.error().context;
            return {};
        }
        return *id;
    }

    bool put(GradeBookModel &model, int row, const QString &evaluationId, const QString &text)
    {
        const QModelIndex cell
            = model.indexOf(model.data(model.index(row, 0), GradeBookModel::StudentIdRole).toString(), evaluationId);
        return cell.isValid() && model.setData(cell, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        QVERIFY(m_dir.isValid());
        m_server = startReferenceServer();
        QVERIFY(m_server);
        m_teacher = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"teacher.sqlite"_s));
        QVERIFY2(m_teacher->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        m_model = std::make_unique<GradeBookModel>(workspace());
        m_tester = testerOf(m_model.get());
        QVERIFY(!workspace().teachings().isEmpty());
        m_model->setTeaching(workspace().teachings().constFirst());
        m_casesEvaluation = createEvaluation(*m_model, u"Cas de saisie"_s, 20, 100);
        QVERIFY(!m_casesEvaluation.isEmpty());
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_model.reset();
        m_laptop.reset();
        m_teacher.reset();
        if (m_server && m_server->isRunning())
            QCOMPARE(m_server->stop(), 0);
    }

    void showsTheStudentsAndTheEvaluationsOfToday()
    {
        QCOMPARE(m_model->periodId(), workspace().periodOn(workspace().today())->id());
        QVERIFY(m_model->studentCount() > 5);
        QCOMPARE(m_model->rowCount(), m_model->studentCount() + GradeBookModel::kSummaryRows);
        QCOMPARE(m_model->columnCount(), m_model->evaluationCount() + 1);
        QVERIFY(!m_model->isReadOnly());
        const int column = m_model
                               ->indexOf(m_model->data(m_model->index(0, 0), GradeBookModel::StudentIdRole).toString(),
                                         m_casesEvaluation)
                               .column();
        QVERIFY(column >= 0);
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(header.contains(u"Cas de saisie"_s) && header.contains(u"/20"_s) && header.contains(u"coef. 1"_s),
                 qPrintable(header));
        QCOMPARE(m_model->headerData(m_model->studentCount(), Qt::Vertical).toString(), u"Class average"_s);
        QVERIFY(m_model->flags(m_model->index(0, column)) & Qt::ItemIsEditable);
        QVERIFY(!(m_model->flags(m_model->index(m_model->studentCount(), column)) & Qt::ItemIsEditable));
        QVERIFY(!(m_model->flags(m_model->index(0, m_model->averageColumn())) & Qt::ItemIsEditable));
        QVERIFY(m_model->data(m_model->index(0, m_model->averageColumn()), GradeBookModel::SummaryRole).toBool());
    }

    void typedValuesAreSavedOrRefused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<int>("writes");
        QTest::newRow("comma") << u"15,5"_s << true << u"15,5"_s << 1;
        QTest::newRow("dot, unchanged") << u"15.5"_s << true << u"15,5"_s << 0;
        QTest::newRow("abs") << u"abs"_s << true << u"abs"_s << 1;
        QTest::newRow("DISP") << u"DISP"_s << true << u"disp"_s << 1;
        QTest::newRow("nn") << u"nn"_s << true << u"nn"_s << 1;
        QTest::newRow("nr") << u"nr"_s << true << u"nr"_s << 1;
        QTest::newRow("mark again") << u"8"_s << true << u"8"_s << 1;
        QTest::newRow("blank removes") << u"  "_s << true << QString() << 1;
        QTest::newRow("12 again") << u"12"_s << true << u"12"_s << 1;
        QTest::newRow("21 on /20") << u"21"_s << false << u"12"_s << 0;
        QTest::newRow("three decimals") << u"12,345"_s << false << u"12"_s << 0;
        QTest::newRow("garbage") << u"douze"_s << false << u"12"_s << 0;
    }

    void typedValuesAreSavedOrRefused()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        QFETCH(QString, shown);
        QFETCH(int, writes);
        const QString student = m_model->data(m_model->index(0, 0), GradeBookModel::StudentIdRole).toString();
        const QModelIndex cell = m_model->indexOf(student, m_casesEvaluation);
        QVERIFY(cell.isValid());
        QSignalSpy failed(m_model.get(), &GradeBookModel::saveFailed);
        const qint64 before = pending();
        QCOMPARE(m_model->setData(cell, typed), accepted);
        QCOMPARE(failed.count(), accepted ? 0 : 1);
        QCOMPARE(pending(), before + writes);
        QCOMPARE(m_model->data(cell).toString(), shown);
        QCOMPARE(m_model->data(cell, Qt::EditRole).toString(), shown);
        const QList<Core::Record> rows = workspace().select(u"grade"_s, u"evaluation_id = ? AND student_id = ?"_s,
                                                            {m_casesEvaluation, student});
        QCOMPARE(rows.isEmpty(), shown.isEmpty());
        if (!accepted) {
            QCOMPARE(rows.constFirst().number(u"mark"_s), 1200);
            const auto error = failed.constFirst().constFirst().value<Core::Error>();
            QVERIFY(error.code == Core::ErrorCode::GradeOutOfRange || error.code == Core::ErrorCode::InvalidGrade);
        }
    }

    void accessibleTextSaysWhoWhatAndOutOfWhat()
    {
        const QString student = m_model->data(m_model->index(0, 0), GradeBookModel::StudentIdRole).toString();
        const QModelIndex cell = m_model->indexOf(student, m_casesEvaluation);
        QVERIFY(m_model->setData(cell, u"15,5"_s));
        const QString expected = m_model->headerData(0, Qt::Vertical).toString() + u", Cas de saisie: 15,5 out of 20"_s;
        QCOMPARE(m_model->data(cell, Qt::AccessibleTextRole).toString(), expected);
    }

    void averagesAndClassFiguresFollowEachEntry()
    {
        GradeBookModel model(workspace());
        auto tester = testerOf(&model);
        model.setTeaching(workspace().teachings().constLast());
        QVERIFY(model.studentCount() >= 3);
        // The first student's other grades of the period are removed so that
        // his average is the one computed by hand below.
        for (int column = 0; column < model.evaluationCount(); ++column)
            QVERIFY(model.setData(model.index(0, column), QString()));
        const QString onTwenty = createEvaluation(model, u"Contrôle sur 20"_s, 20, 100);
        const QString onTen = createEvaluation(model, u"Interrogation sur 10"_s, 10, 200);
        QVERIFY(!onTwenty.isEmpty() && !onTen.isEmpty());
        const int averageColumn = model.averageColumn();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(put(model, 0, onTwenty, u"12"_s));
        QVERIFY(changed.count() >= 3);
        // 12/20 alone.
        QCOMPARE(model.data(model.index(0, averageColumn)).toString(), u"12,00"_s);
        // (12 × 1 + 7,5 × 2 × 2) ÷ 3 = 14.
        QVERIFY(put(model, 0, onTen, u"7,5"_s));
        QCOMPARE(model.data(model.index(0, averageColumn)).toString(), u"14,00"_s);
        // A marker counts for nothing: 12 alone again.
        QVERIFY(put(model, 0, onTen, u"abs"_s));
        QCOMPARE(model.data(model.index(0, averageColumn)).toString(), u"12,00"_s);
        // A second grade moves nothing but itself: 9,25/10 = 18,5; (12 + 37) ÷ 3 = 16,333… → 16,33.
        QVERIFY(put(model, 0, onTen, u"9,25"_s));
        QCOMPARE(model.data(model.index(0, averageColumn)).toString(), u"16,33"_s);

        // Class figures of the evaluation on 20: 12, 16, abs.
        for (int row = 1; row < model.studentCount(); ++row)
            QVERIFY(put(model, row, onTwenty, row == 1 ? u"16"_s : u"abs"_s));
        const int column
            = model.indexOf(model.data(model.index(0, 0), GradeBookModel::StudentIdRole).toString(), onTwenty).column();
        const int first = model.studentCount();
        QCOMPARE(model.data(model.index(first, column)).toString(), u"14,00"_s);
        QCOMPARE(model.data(model.index(first + 1, column)).toString(), u"12"_s);
        QCOMPARE(model.data(model.index(first + 2, column)).toString(), u"16"_s);
        QVERIFY(model.data(model.index(first, column), GradeBookModel::SummaryRole).toBool());

        // The average column's figures are those of the students' averages.
        QList<std::optional<Core::Hundredths>> averages;
        for (int row = 0; row < model.studentCount(); ++row) {
            const QString text = model.data(model.index(row, averageColumn)).toString();
            averages.append(text.isEmpty() ? std::nullopt : std::optional(Core::Hundredths::parse(text).value()));
        }
        const std::optional<Core::ClassStatistics> expected = Core::subjectStatistics(averages);
        QVERIFY(expected);
        QCOMPARE(model.data(model.index(first, averageColumn)).toString(),
                 Core::formatAverage(expected->average, QLocale()));
        QCOMPARE(model.data(model.index(first + 1, averageColumn)).toString(), expected->minimum.toString(QLocale()));
        QCOMPARE(model.data(model.index(first + 2, averageColumn)).toString(), expected->maximum.toString(QLocale()));

        // Another model of the same grid follows the writes of this one.
        GradeBookModel other(workspace());
        other.setTeaching(model.teaching());
        QCOMPARE(other.data(other.index(0, other.averageColumn())).toString(), u"16,33"_s);
        QVERIFY(put(model, 0, onTen, u"5"_s));
        QCOMPARE(other.data(other.index(0, other.averageColumn())).toString(),
                 model.data(model.index(0, averageColumn)).toString());
    }

    void aClosedPeriodIsReadOnly()
    {
        std::optional<Core::Record> closed;
        for (const Core::Record &period : workspace().periods()) {
            if (period.flag(u"closed"_s))
                closed = period;
        }
        QVERIFY(closed);
        QCOMPARE(closed->text(u"name"_s), u"Trimestre 1"_s);
        GradeBookModel model(workspace());
        auto tester = testerOf(&model);
        model.setTeaching(workspace().teachings().constFirst());
        QSignalSpy readOnly(&model, &GradeBookModel::readOnlyChanged);
        model.setPeriod(closed->id());
        QCOMPARE(readOnly.count(), 1);
        QVERIFY(model.isReadOnly());
        QVERIFY2(model.readOnlyReason().startsWith(u"Trimestre 1 is closed since "_s),
                 qPrintable(model.readOnlyReason()));
        QVERIFY(model.evaluationCount() > 0);
        const QModelIndex cell = model.index(0, 0);
        QVERIFY(!(model.flags(cell) & Qt::ItemIsEditable));
        QSignalSpy failed(&model, &GradeBookModel::saveFailed);
        const qint64 before = pending();
        const QString shown = model.data(cell).toString();
        QVERIFY(!model.setData(cell, shown == u"10"_s ? u"11"_s : u"10"_s));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.constFirst().constFirst().value<Core::Error>().code, Core::ErrorCode::PeriodClosed);
        QCOMPARE(pending(), before);
        QCOMPARE(model.data(cell).toString(), shown);

        Workspace::EvaluationDraft draft;
        draft.title = u"Trop tard"_s;
        draft.date = QDate::fromString(closed->text(u"starts_on"_s), Qt::ISODate).addDays(3);
        draft.periodId = closed->id();
        const Core::Result<QString> created = model.createEvaluation(draft);
        QVERIFY(!created);
        QCOMPARE(created.error().code, Core::ErrorCode::PeriodClosed);
        QCOMPARE(pending(), before);
    }

    void aNewEvaluationWithItsCompetenciesIsOneWrite()
    {
        const QList<Workspace::CompetencyChoice> choices = m_model->competencyChoices();
        QVERIFY(choices.size() >= 2);
        Workspace::EvaluationDraft draft;
        draft.title = u"Devoir maison"_s;
        draft.date = workspace().today();
        draft.periodId = m_model->periodId();
        draft.description = u"Exercices 1 à 4"_s;
        draft.published = false;
        draft.scale = 40;
        draft.coefficient = Core::Coefficient::parse(u"0,5"_s).value();
        draft.competencyIds = {choices.at(0).id, choices.at(1).id};
        const int columns = m_model->columnCount();
        const qint64 before = pending();
        const Core::Result<QString> id = m_model->createEvaluation(draft);
        QVERIFY(id);
        QCOMPARE(pending(), before + 3);
        QCOMPARE(m_model->columnCount(), columns + 1);
        const std::optional<Workspace::EvaluationDraft> read = m_model->evaluationDraft(*id);
        QVERIFY(read);
        QCOMPARE(read->title, draft.title);
        QCOMPARE(read->scale, 40);
        QCOMPARE(read->coefficient.hundredths(), 50);
        QCOMPARE(read->published, false);
        QCOMPARE(QSet<QString>(read->competencyIds.cbegin(), read->competencyIds.cend()),
                 QSet<QString>(draft.competencyIds.cbegin(), draft.competencyIds.cend()));

        // A refused link (an unknown competency) leaves no evaluation behind.
        Workspace::EvaluationDraft wrong = draft;
        wrong.competencyIds = {u"not-an-id"_s};
        QVERIFY(!m_model->createEvaluation(wrong));
        QCOMPARE(pending(), before + 3);
        QCOMPARE(m_model->columnCount(), columns + 1);
        wrong.competencyIds.clear();
        wrong.title = u"   "_s;
        const Core::Result<QString> untitled = m_model->createEvaluation(wrong);
        QVERIFY(!untitled);
        QCOMPARE(untitled.error().code, Core::ErrorCode::MissingField);

        // Edited: one competency less, a new title.
        draft.title = u"Devoir maison n°1"_s;
        draft.competencyIds = {choices.at(1).id};
        QVERIFY(m_model->updateEvaluation(*id, draft));
        QCOMPARE(m_model->evaluationDraft(*id)->competencyIds, QStringList{choices.at(1).id});
        QVERIFY(
            m_model
                ->headerData(
                    m_model->indexOf(m_model->data(m_model->index(0, 0), GradeBookModel::StudentIdRole).toString(), *id)
                        .column(),
                    Qt::Horizontal)
                .toString()
                .contains(u"Devoir maison n°1"_s));

        // Removed with its grades and its link, in one go.
        QVERIFY(put(*m_model, 0, *id, u"30"_s));
        // A scale that would leave the 30 out is refused.
        Workspace::EvaluationDraft smaller = draft;
        smaller.scale = 20;
        const qint64 beforeScale = pending();
        const Core::Status shrunk = m_model->updateEvaluation(*id, smaller);
        QVERIFY(!shrunk);
        QCOMPARE(shrunk.error().code, Core::ErrorCode::GradeOutOfRange);
        QCOMPARE(pending(), beforeScale);
        QCOMPARE(m_model->evaluationDraft(*id)->scale, 40);
        QCOMPARE(m_model->gradeCount(*id), 1);
        const qint64 beforeRemoval = pending();
        QVERIFY(m_model->removeEvaluation(*id));
        QCOMPARE(pending(), beforeRemoval + 3);
        QCOMPARE(m_model->columnCount(), columns);
        QVERIFY(workspace().select(u"evaluation_competency"_s, u"evaluation_id = ?"_s, {*id}).isEmpty());
        QVERIFY(workspace().select(u"grade"_s, u"evaluation_id = ?"_s, {*id}).isEmpty());
    }

    void changesReachTheTeachersOtherComputerAndConflictsShow()
    {
        const QString student = m_model->data(m_model->index(1, 0), GradeBookModel::StudentIdRole).toString();
        const QModelIndex cell = m_model->indexOf(student, m_casesEvaluation);
        QVERIFY(m_model->setData(cell, u"10"_s));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QCOMPARE(pending(), 0);

        m_laptop = std::make_unique<SyncedClient>(m_server->url(), m_dir.filePath(u"laptop.sqlite"_s));
        QVERIFY2(m_laptop->signIn(QString::fromUtf16(kTeacherLogin)), qPrintable(m_laptop->errorString()));
        QVERIFY2(m_laptop->sync(), qPrintable(m_laptop->errorString()));
        GradeBookModel laptop(m_laptop->workspace());
        auto tester = testerOf(&laptop);
        laptop.setTeaching(m_model->teaching());
        const QModelIndex there = laptop.indexOf(student, m_casesEvaluation);
        QVERIFY(there.isValid());
        QCOMPARE(laptop.data(there).toString(), u"10"_s);
        QCOMPARE(laptop.data(there, GradeBookModel::ConflictRole).toBool(), false);

        // Both computers change the same grade offline, then sync.
        QVERIFY(m_model->setData(cell, u"11"_s));
        QVERIFY(laptop.setData(there, u"13"_s));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        QVERIFY2(m_laptop->sync(), qPrintable(m_laptop->errorString()));
        QVERIFY2(m_teacher->sync(), qPrintable(m_teacher->errorString()));
        const QString kept = m_model->data(cell).toString();
        QCOMPARE(laptop.data(there).toString(), kept);
        QVERIFY(kept == u"11"_s || kept == u"13"_s);
        const bool here = m_model->data(cell, GradeBookModel::ConflictRole).toBool();
        const bool away = laptop.data(there, GradeBookModel::ConflictRole).toBool();
        QVERIFY(here || away);
        const GradeBookModel &shown = here ? *m_model : laptop;
        const QModelIndex conflicted = here ? cell : there;
        const QString text = shown.data(conflicted, GradeBookModel::ConflictTextRole).toString();
        QVERIFY2(text.contains(u"11"_s) && text.contains(u"13"_s), qPrintable(text));
        QVERIFY(shown.data(conflicted, Qt::ToolTipRole).toString().contains(text));
        QVERIFY(shown.data(conflicted, Qt::AccessibleTextRole).toString().contains(u"conflict"_s));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestGradeBookModel)
#include "tst_gradebookmodel.moc"
