#pragma once

#include "core/domain/record.h"
#include "core/result.h"

#include <QAbstractListModel>
#include <QDate>

#include <optional>

namespace Cartable::Workspace {

class Workspace;

// What a teacher types for one piece of homework.
struct HomeworkDraft
{
    QDate dueOn;
    QString text;
    std::optional<int> estimatedMinutes;
    bool requiresSubmission = false;
};

// The homework given in one lesson session (travail à faire): the rows that
// name the session, and those of the same teaching given that day without
// one. Adds, changes and removes them; a refused change writes nothing and
// returns the catalogue's error code.
class HomeworkModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DueOnRole,              // QDate
        TextRole,               // the whole text
        EstimatedMinutesRole,   // int, or an invalid QVariant
        RequiresSubmissionRole, // bool
    };

    explicit HomeworkModel(Workspace &workspace, QObject *parent = nullptr);

    // The lesson_session row the homework belongs to; an empty record clears.
    void setSession(const Core::Record &session);
    const Core::Record &session() const { return m_session; }

    // The next lesson of the same teaching after the session's day, from the
    // timetable; a week later when the timetable does not say.
    QDate defaultDueDate() const;

    QString idAt(int row) const;
    int rowOf(const QString &homeworkId) const;
    std::optional<HomeworkDraft> draft(const QString &homeworkId) const;

    // Given on the session's day; an invalid due date takes defaultDueDate().
    // Returns the new homework's id.
    [[nodiscard]] Core::Result<QString> add(const HomeworkDraft &draft);
    [[nodiscard]] Core::Status update(const QString &homeworkId, const HomeworkDraft &draft);
    // Removes the homework with its attachments.
    [[nodiscard]] Core::Status remove(const QString &homeworkId);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();
    void onChanged(const QString &type, const QString &id);
    QList<Core::Record> fetch() const;
    static void setDraftFields(Core::Record &row, const HomeworkDraft &draft);

    Workspace &m_workspace;
    Core::Record m_session;
    QList<Core::Record> m_rows;
};

} // namespace Cartable::Workspace
