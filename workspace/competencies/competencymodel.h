#pragma once

#include "core/domain/record.h"
#include "core/result.h"
#include "workspace/workspace.h"

#include <QAbstractTableModel>

namespace Cartable::Workspace {

// The competencies one evaluation assesses, for each of its students: a
// student a row, a competency a column, each cell a level of the socle's
// four-level scale (maîtrise insuffisante, fragile, satisfaisante, très
// bonne) or nothing yet.
class CompetencyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Level { None, Insufficient, Fragile, Satisfactory, VeryGood };
    Q_ENUM(Level)

    enum Role {
        LevelRole = Qt::UserRole + 1, // Level, as an int
        StudentIdRole,
        CompetencyIdRole,
    };

    // An evaluation of the teacher that assesses competencies.
    struct Choice
    {
        QString evaluationId;
        QString label; // "3e A · Mathématiques — Contrôle 3 (4 avril 2025)"
    };

    CompetencyModel(Workspace &workspace, QObject *parent = nullptr);

    // The signed-in teacher's evaluations that have competencies, by
    // teaching then date.
    static QList<Choice> evaluationsWithCompetencies(const Workspace &workspace);

    void setEvaluation(const QString &evaluationId);
    QString evaluationId() const { return m_evaluation.id(); }
    // The evaluation's period is closed: nothing can change.
    bool isReadOnly() const { return m_closed; }

    static QString levelCode(Level level); // "satisfactory"
    static Level levelFromCode(const QString &code);
    static QString levelName(Level level);       // "Satisfactory mastery"
    static QString levelShortName(Level level);  // "MS"
    static QString levelColour(Level level);     // "#rrggbb"
    static QString levelTextColour(Level level); // readable over levelColour()

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Level level(int row, int column) const;
    // Saves a level, or removes it with Level::None. On error, saveFailed()
    // and nothing changes.
    [[nodiscard]] Core::Status setLevel(int row, int column, Level level);

Q_SIGNALS:
    void saveFailed(const Cartable::Core::Error &error);

private:
    struct Competency
    {
        QString id;
        QString code;
        QString label;
    };

    void load();
    void reload();
    Core::Status failed(const Core::Error &error);

    Workspace &m_workspace;
    Core::Record m_evaluation;
    bool m_closed = false;
    QString m_periodName;
    QList<Student> m_students;
    QList<Competency> m_competencies;
    QHash<QString, Core::Record> m_assessments; // "student/competency" → row
};

} // namespace Cartable::Workspace
