#pragma once

#include "core/domain/record.h"
#include "core/result.h"
#include "workspace/workspace.h"

#include <QAbstractTableModel>

namespace Cartable::Workspace {

// The roll call (appel) of one lesson: its class or group on its day, each
// student present, absent, late or not taken yet, with the absence the vie
// scolaire already knows of. Every mark is saved at once.
class RollCallModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StudentColumn, StatusColumn, MinutesLateColumn, KnownAbsenceColumn, ColumnCount };
    Q_ENUM(Column)

    enum class Status { NotTaken, Present, Absent, Late };
    Q_ENUM(Status)

    enum Role {
        StatusRole = Qt::UserRole + 1, // Status, as an int
        StudentIdRole,
        MinutesLateRole,
    };

    static constexpr int kMinMinutesLate = 1;
    static constexpr int kMaxMinutesLate = 240;

    RollCallModel(Workspace &workspace, QObject *parent = nullptr);

    void setSession(const QString &sessionId);
    QString sessionId() const { return m_session.id(); }
    // The lesson_session row; empty before setSession().
    const Core::Record &session() const { return m_session; }
    bool isDone() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Status status(int row) const;
    int count(Status status) const;

    // Saves one student's mark; NotTaken removes it. A lateness needs 1 to
    // 240 minutes. On error, saveFailed() and nothing changes.
    [[nodiscard]] Core::Status setStatus(int row, Status status, int minutesLate = 0);
    // Every student not taken yet is present, in one write.
    [[nodiscard]] Core::Status markAllRemainingPresent();
    // Says the roll call was taken (lesson_session.roll_call_done_at).
    [[nodiscard]] Core::Status finish();

Q_SIGNALS:
    void saveFailed(const Cartable::Core::Error &error);
    void countsChanged();

private:
    struct Line
    {
        Student student;
        Core::Record entry; // empty id when not taken
        QString knownAbsence;
    };

    QList<Line> loadLines() const;
    QString absenceText(const Core::Record &absence) const;
    void reload();
    Core::Status failed(const Core::Error &error);
    Core::Record newEntry(const Line &line, Status status, int minutesLate) const;

    Workspace &m_workspace;
    Core::Record m_session;
    QList<Line> m_lines;
};

} // namespace Cartable::Workspace
