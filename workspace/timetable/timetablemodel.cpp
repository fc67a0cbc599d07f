#include "timetablemodel.h"

#include "core/domain/record.h"
#include "core/errorcode.h"
#include "core/ids.h"
#include "workspace/workspace.h"

#include <QLocale>
#include <QTime>

#include <algorithm>

namespace Cartable::Workspace {

using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

namespace {

QString iso(const QDate &day)
{
    return day.toString(Qt::ISODate);
}

TimetableModel::Status statusOf(const QString &kind)
{
    if (kind == u"cancelled"_s)
        return TimetableModel::Status::Cancelled;
    if (kind == u"moved"_s)
        return TimetableModel::Status::MovedAway;
    if (kind == u"replaced"_s)
        return TimetableModel::Status::Replaced;
    if (kind == u"room_changed"_s)
        return TimetableModel::Status::RoomChanged;
    return TimetableModel::Status::Normal;
}

} // namespace

TimetableModel::TimetableModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    connect(&m_workspace, &Workspace::changed, this, [this](const QString &type) { onChanged(type); });
    connect(&m_workspace, &Workspace::reloaded, this, &TimetableModel::reload);
}

bool TimetableModel::isWeekA(const QDate &day)
{
    // No row of the data model says which weeks are A: the reference school
    // treats its "today" (Friday 4 April 2025, ISO week 14) as week A, so
    // even ISO weeks are A and odd ones B.
    return day.weekNumber() % 2 == 0;
}

void TimetableModel::setWeek(const QDate &anyDayOfWeek)
{
    const QDate monday = anyDayOfWeek.addDays(1 - anyDayOfWeek.dayOfWeek());
    beginResetModel();
    m_monday = monday;
    m_lessons = loadWeek();
    endResetModel();
}

void TimetableModel::onChanged(const QString &type)
{
    if (type == u"timetable_slot"_s || type == u"timetable_exception"_s || type == u"lesson_session"_s)
        reload();
}

void TimetableModel::reload()
{
    if (!m_monday.isValid())
        return;
    QList<Lesson> fresh = loadWeek();
    const bool sameRows = std::equal(fresh.cbegin(), fresh.cend(), m_lessons.cbegin(), m_lessons.cend(),
                                     [](const Lesson &a, const Lesson &b) {
                                         return a.slotId == b.slotId && a.date == b.date && a.start == b.start
                                                && a.status == b.status;
                                     });
    if (!sameRows) {
        beginResetModel();
        m_lessons = std::move(fresh);
        endResetModel();
        return;
    }
    m_lessons = std::move(fresh);
    if (!m_lessons.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_lessons.size()) - 1, ColumnCount - 1));
}

QList<TimetableModel::Lesson> TimetableModel::loadWeek() const
{
    const QString teacher = m_workspace.personId();
    if (teacher.isEmpty())
        return {};
    const QDate sunday = m_monday.addDays(6);
    const QString pattern = isWeekA(m_monday) ? u"week_a"_s : u"week_b"_s;
    QList<Lesson> lessons;
    QHash<QString, Record> slotById;

    auto lessonOf = [](const Record &slot, const QDate &date) {
        Lesson lesson;
        lesson.date = date;
        lesson.start = int(slot.number(u"start_minute"_s));
        lesson.duration = int(slot.number(u"duration_minutes"_s));
        lesson.slotId = slot.id();
        lesson.classId = slot.text(u"class_id"_s);
        lesson.groupId = slot.text(u"group_id"_s);
        lesson.subjectId = slot.text(u"subject_id"_s);
        lesson.room = slot.text(u"room"_s);
        return lesson;
    };

    const QList<Record> slots = m_workspace.select(
        u"timetable_slot"_s,
        u"teacher_id = ? AND valid_from <= ? AND valid_until >= ? AND week_pattern IN ('every', ?)"_s,
        {teacher, iso(sunday), iso(m_monday), pattern});
    QStringList slotIds;
    for (const Record &slot : slots) {
        slotById.insert(slot.id(), slot);
        const QDate date = m_monday.addDays(slot.number(u"weekday"_s) - 1);
        if (iso(date) < slot.text(u"valid_from"_s) || iso(date) > slot.text(u"valid_until"_s))
            continue;
        Lesson lesson = lessonOf(slot, date);
        const QList<Record> exceptions = m_workspace.select(u"timetable_exception"_s, u"slot_id = ? AND date = ?"_s,
                                                            {slot.id(), iso(date)});
        if (!exceptions.isEmpty()) {
            const Record &exception = exceptions.constFirst();
            lesson.status = statusOf(exception.text(u"kind"_s));
            lesson.note = exception.text(u"note"_s);
            lesson.otherTeacherId = exception.text(u"replacement_teacher_id"_s);
            lesson.otherDate = QDate::fromString(exception.text(u"new_date"_s), Qt::ISODate);
            lesson.otherStart = int(exception.number(u"new_start_minute"_s));
            if (lesson.status == Status::RoomChanged)
                lesson.room = exception.text(u"new_room"_s);
        }
        lessons.append(lesson);
    }

    // Occurrences of his slots moved into this week, and colleagues' lessons
    // he gives this week.
    const QList<Record> movedHere
        = m_workspace.select(u"timetable_exception"_s,
                             u"kind = 'moved' AND new_date >= ? AND new_date <= ? AND slot_id IN "
                             "(SELECT id FROM timetable_slot WHERE teacher_id = ?)"_s,
                             {iso(m_monday), iso(sunday), teacher});
    const QList<Record> replacing
        = m_workspace.select(u"timetable_exception"_s,
                             u"kind = 'replaced' AND replacement_teacher_id = ? AND date >= ? AND date <= ?"_s,
                             {teacher, iso(m_monday), iso(sunday)});
    for (const Record &exception : movedHere + replacing) {
        const QString slotId = exception.text(u"slot_id"_s);
        if (!slotById.contains(slotId)) {
            const std::optional<Record> slot = m_workspace.row(u"timetable_slot"_s, slotId);
            if (!slot)
                continue;
            slotById.insert(slotId, *slot);
        }
        const Record &slot = slotById.value(slotId);
        const QDate original = QDate::fromString(exception.text(u"date"_s), Qt::ISODate);
        Lesson lesson = lessonOf(slot, original);
        lesson.note = exception.text(u"note"_s);
        if (exception.text(u"kind"_s) == u"moved"_s) {
            lesson.status = Status::MovedHere;
            lesson.date = QDate::fromString(exception.text(u"new_date"_s), Qt::ISODate);
            lesson.start = int(exception.number(u"new_start_minute"_s));
            lesson.otherDate = original;
            lesson.otherStart = int(slot.number(u"start_minute"_s));
        } else {
            lesson.status = Status::Replacing;
            lesson.otherTeacherId = slot.text(u"teacher_id"_s);
        }
        lessons.append(lesson);
    }

    for (Lesson &lesson : lessons)
        findSession(lesson);
    std::sort(lessons.begin(), lessons.end(), [](const Lesson &a, const Lesson &b) {
        if (a.date != b.date)
            return a.date < b.date;
        if (a.start != b.start)
            return a.start < b.start;
        return a.slotId < b.slotId;
    });
    return lessons;
}

void TimetableModel::findSession(Lesson &lesson) const
{
    const QList<Record> sessions = m_workspace.select(u"lesson_session"_s, u"slot_id = ? AND date = ?"_s,
                                                      {lesson.slotId, iso(lesson.date)}, u"id"_s);
    lesson.sessionId.clear();
    lesson.rollCallDone = false;
    if (sessions.isEmpty())
        return;
    lesson.sessionId = sessions.constFirst().id();
    lesson.rollCallDone = sessions.constFirst().isSet(u"roll_call_done_at"_s);
}

int TimetableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lessons.size());
}

int TimetableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimetableModel::timeText(int start, int duration) const
{
    const QLocale locale;
    const QTime from = QTime(0, 0).addSecs(start * 60);
    const QTime to = from.addSecs(duration * 60);
    return tr("%1–%2").arg(locale.toString(from, QLocale::ShortFormat), locale.toString(to, QLocale::ShortFormat));
}

QString TimetableModel::statusText(const Lesson &lesson) const
{
    const QLocale locale;
    QString text;
    switch (lesson.status) {
    case Status::Normal:
        text = tr("As planned");
        break;
    case Status::Cancelled:
        text = tr("Cancelled");
        break;
    case Status::MovedAway:
        text = tr("Moved to %1 at %2")
                   .arg(locale.toString(lesson.otherDate, QLocale::ShortFormat),
                        locale.toString(QTime(0, 0).addSecs(lesson.otherStart * 60), QLocale::ShortFormat));
        break;
    case Status::MovedHere:
        text = tr("Moved from %1 at %2")
                   .arg(locale.toString(lesson.otherDate, QLocale::ShortFormat),
                        locale.toString(QTime(0, 0).addSecs(lesson.otherStart * 60), QLocale::ShortFormat));
        break;
    case Status::Replaced:
        text = tr("Replaced by %1").arg(m_workspace.personName(lesson.otherTeacherId));
        break;
    case Status::Replacing:
        text = tr("Replacing %1").arg(m_workspace.personName(lesson.otherTeacherId));
        break;
    case Status::RoomChanged:
        text = tr("Room changed to %1").arg(lesson.room);
        break;
    }
    if (!lesson.note.isEmpty())
        text = tr("%1 (%2)").arg(text, lesson.note);
    if (lesson.rollCallDone)
        text = tr("%1 · roll call done").arg(text);
    return text;
}

QVariant TimetableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lesson &lesson = m_lessons.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case DayColumn:
            return QLocale().toString(lesson.date, u"dddd d MMMM"_s);
        case TimeColumn:
            return timeText(lesson.start, lesson.duration);
        case SubjectColumn:
            return m_workspace.subjectName(lesson.subjectId);
        case AudienceColumn:
            return m_workspace.audienceName(lesson.classId, lesson.groupId);
        case RoomColumn:
            return lesson.room;
        case StatusColumn:
            return statusText(lesson);
        default:
            return {};
        }
    case DateRole:
        return lesson.date;
    case StartMinuteRole:
        return lesson.start;
    case SlotIdRole:
        return lesson.slotId;
    case SessionIdRole:
        return lesson.sessionId;
    case StatusRole:
        return int(lesson.status);
    case RollCallDoneRole:
        return lesson.rollCallDone;
    default:
        return {};
    }
}

QVariant TimetableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DayColumn:
        return tr("Day");
    case TimeColumn:
        return tr("Time");
    case SubjectColumn:
        return tr("Subject");
    case AudienceColumn:
        return tr("Class or group");
    case RoomColumn:
        return tr("Room");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

Core::Result<QString> TimetableModel::openSession(int row)
{
    if (row < 0 || row >= m_lessons.size())
        return Core::Error{ErrorCode::NotFound, u"timetable.row"_s};
    const Lesson lesson = m_lessons.at(row);
    if (!lesson.sessionId.isEmpty())
        return lesson.sessionId;
    switch (lesson.status) {
    case Status::Cancelled:
        return Core::Error{ErrorCode::Forbidden, u"lesson_session.cancelled"_s};
    case Status::MovedAway:
        return Core::Error{ErrorCode::Forbidden, u"lesson_session.moved"_s};
    case Status::Replaced:
        return Core::Error{ErrorCode::Forbidden, u"lesson_session.replaced"_s};
    case Status::Replacing:
        // The policy lets only the teacher of the class and subject open a
        // lesson: the replacement calls the roll of one made for him.
        return Core::Error{ErrorCode::Forbidden, u"lesson_session.not_own_assignment"_s};
    default:
        break;
    }
    Record session(u"lesson_session"_s, Core::newId());
    session.set(u"establishment_id"_s, m_workspace.establishmentId());
    session.set(u"slot_id"_s, lesson.slotId);
    if (lesson.classId.isEmpty())
        session.set(u"group_id"_s, lesson.groupId);
    else
        session.set(u"class_id"_s, lesson.classId);
    session.set(u"subject_id"_s, lesson.subjectId);
    session.set(u"teacher_id"_s, m_workspace.personId());
    session.set(u"date"_s, iso(lesson.date));
    session.set(u"start_minute"_s, qint64(lesson.start));
    session.set(u"duration_minutes"_s, qint64(lesson.duration));
    const Core::Result<qint64> saved = m_workspace.create(session);
    if (!saved)
        return saved.error();
    return session.id();
}

int TimetableModel::todayRow() const
{
    const QDateTime now = m_workspace.now();
    const int minute = now.time().hour() * 60 + now.time().minute();
    for (qsizetype row = 0; row < m_lessons.size(); ++row) {
        const Lesson &lesson = m_lessons.at(row);
        if (lesson.date == now.date() && lesson.start + lesson.duration > minute && lesson.status != Status::MovedAway)
            return int(row);
    }
    return -1;
}

} // namespace Cartable::Workspace
