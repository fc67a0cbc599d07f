#pragma once

#include "core/result.h"

#include <QAbstractTableModel>
#include <QDate>

namespace Cartable::Workspace {

class Workspace;

// The signed-in teacher's lessons of one week, by day then time: his weekly
// slots that fall in it (week A or B respected), the lessons moved into it,
// and those he gives in place of a colleague, each with what changed.
class TimetableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DayColumn, TimeColumn, SubjectColumn, AudienceColumn, RoomColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)

    enum class Status {
        Normal,
        Cancelled,
        MovedAway, // this occurrence takes place on another day or hour
        MovedHere, // an occurrence moved to this day or hour
        Replaced,  // a colleague gives it
        Replacing, // the teacher gives a colleague's lesson
        RoomChanged,
    };
    Q_ENUM(Status)

    enum Role {
        DateRole = Qt::UserRole + 1, // QDate
        StartMinuteRole,             // int, minutes after midnight
        SlotIdRole,
        SessionIdRole, // the lesson_session of that slot and day, if any
        StatusRole,    // Status, as an int
        RollCallDoneRole,
    };

    TimetableModel(Workspace &workspace, QObject *parent = nullptr);

    // Shows the week (Monday to Sunday) holding `anyDayOfWeek`.
    void setWeek(const QDate &anyDayOfWeek);
    QDate week() const { return m_monday; }
    // Week A or B of the slots' week_pattern.
    static bool isWeekA(const QDate &day);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The id of the lesson_session of that lesson, made now if there is none
    // yet. Lessons that do not take place, or that a colleague gives, have
    // none to open.
    [[nodiscard]] Core::Result<QString> openSession(int row);
    // The lesson happening now, else the next one today; -1 when none.
    int todayRow() const;

private:
    struct Lesson
    {
        QDate date;
        int start = 0;
        int duration = 0;
        QString slotId;
        QString classId;
        QString groupId;
        QString subjectId;
        QString room;
        Status status = Status::Normal;
        QString otherTeacherId; // the replacement, or the teacher replaced
        QDate otherDate;        // where a moved lesson went, or came from
        int otherStart = 0;
        QString note;
        QString sessionId;
        bool rollCallDone = false;
    };

    QList<Lesson> loadWeek() const;
    void findSession(Lesson &lesson) const;
    void reload();
    void onChanged(const QString &type);
    QString statusText(const Lesson &lesson) const;
    QString timeText(int start, int duration) const;

    Workspace &m_workspace;
    QDate m_monday;
    QList<Lesson> m_lessons;
};

} // namespace Cartable::Workspace
