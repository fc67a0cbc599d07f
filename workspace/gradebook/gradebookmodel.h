#pragma once

#include "core/domain/record.h"
#include "core/result.h"
#include "core/rules/averages.h"
#include "core/rules/coefficient.h"
#include "core/rules/gradevalue.h"
#include "workspace/workspace.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QPointer>

#include <optional>

namespace Cartable::Workspace {

// What a teacher fills in to create or change an evaluation.
struct EvaluationDraft
{
    QString title;
    QDate date;
    Core::Coefficient coefficient;
    int scale = 20;
    QString periodId;
    QString description;
    bool published = true;
    QStringList competencyIds;
};

// A competency an evaluation may assess, as a picker lists it.
struct CompetencyChoice
{
    QString id;
    QString code;
    QString label;
};

// The grade book of one teaching over one period: a row per student, then
// the class average, minimum and maximum; a column per evaluation of the
// signed-in teacher, then the student's subject average on /20. The whole
// grid is read once into memory; an edit writes one grade and updates the
// figures it touches, so typing a column of marks never waits on a reload.
class GradeBookModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        ConflictRole = Qt::UserRole + 1, // bool: an open sync conflict on this grade
        ConflictTextRole,                // both values, who and when
        StudentIdRole,
        EvaluationIdRole,
        SummaryRole, // bool: a statistic row or the average column, never editable
    };

    enum class SummaryRow { Average, Minimum, Maximum };
    static constexpr int kSummaryRows = 3;

    explicit GradeBookModel(Workspace &workspace, QObject *parent = nullptr);
    ~GradeBookModel() override;

    void setTeaching(const Teaching &teaching);
    const Teaching &teaching() const { return m_teaching; }
    // By default the period of the workspace's today.
    void setPeriod(const QString &periodId);
    QString periodId() const { return m_periodId; }

    int studentCount() const { return static_cast<int>(m_students.size()); }
    int evaluationCount() const { return static_cast<int>(m_evaluations.size()); }
    int averageColumn() const { return evaluationCount(); }
    bool isSummaryRow(int row) const { return row >= studentCount(); }
    QModelIndex indexOf(const QString &studentId, const QString &evaluationId) const;
    QString evaluationIdAt(int column) const;
    std::optional<EvaluationDraft> evaluationDraft(const QString &evaluationId) const;
    int gradeCount(const QString &evaluationId) const;
    QList<CompetencyChoice> competencyChoices() const;

    // A closed period cannot change; readOnlyReason() says since when.
    bool isReadOnly() const;
    QString readOnlyReason() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Saves what a teacher typed in a grade cell; blank removes the grade.
    // A refusal changes nothing, returns false and emits saveFailed().
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Each stands or falls as a whole (one workspace.apply()).
    [[nodiscard]] Core::Result<QString> createEvaluation(const EvaluationDraft &draft);
    [[nodiscard]] Core::Status updateEvaluation(const QString &evaluationId, const EvaluationDraft &draft);
    // Removes the evaluation with its grades and competency links.
    [[nodiscard]] Core::Status removeEvaluation(const QString &evaluationId);

    // Reads the grid again: dataChanged when the rows and columns stay,
    // a reset otherwise.
    void refresh();

Q_SIGNALS:
    void saveFailed(const Cartable::Core::Error &error);
    void readOnlyChanged();

private:
    struct Evaluation
    {
        Core::Record record;
        QString id;
        QString title;
        QString description;
        QDate date;
        int scale = 20;
        Core::Coefficient coefficient;
    };
    struct Cell
    {
        QString gradeId;
        Core::GradeValue value;
    };
    struct Conflict
    {
        QString text;
    };
    struct Grid
    {
        QList<Student> students;
        QList<Evaluation> evaluations;
        QList<QList<Cell>> cells;           // [student][evaluation]
        QHash<QString, Conflict> conflicts; // by grade id
        std::optional<Core::Record> period;
    };

    bool holds(const QModelIndex &index) const;
    Grid load() const;
    void adopt(Grid grid);
    void recomputeAll();
    void recomputeStudent(int row);
    void recomputeEvaluation(int column);
    void recomputeAverageStatistics();
    std::optional<Core::Record> currentPeriod() const { return m_period; }
    Core::Status checkWritable(const QString &periodId, const QDate &date) const;
    Core::Status validateDraft(const EvaluationDraft &draft) const;
    Core::Record evaluationRecord(const QString &id, const EvaluationDraft &draft) const;
    QString conflictText(const Core::Record &conflict) const;
    QString cellText(const Cell &cell) const;
    QString markerLabel(Core::GradeMarker marker) const;
    QString markerName(Core::GradeMarker marker) const;
    QVariant summaryData(int row, int column, int role) const;
    QVariant gradeData(int row, int column, int role) const;
    QString evaluationCondition(QVariantList &binds) const;
    void onChanged(const QString &type, const QString &id);
    Core::Result<QList<qint64>> applyOwn(const QList<Workspace::Write> &writes);

    QPointer<Workspace> m_workspace;
    Teaching m_teaching;
    QString m_periodId;
    std::optional<Core::Record> m_period;
    QList<Student> m_students;
    QList<Evaluation> m_evaluations;
    QList<QList<Cell>> m_cells;
    QHash<QString, Conflict> m_conflicts;
    QHash<QString, int> m_rowOfStudent;
    QHash<QString, int> m_columnOfEvaluation;
    QList<std::optional<Core::Hundredths>> m_studentAverages;
    QList<std::optional<Core::ClassStatistics>> m_evaluationStatistics;
    std::optional<Core::ClassStatistics> m_averageStatistics;
    bool m_writing = false;
};

} // namespace Cartable::Workspace
