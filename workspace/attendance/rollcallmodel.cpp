#include "rollcallmodel.h"

#include "core/errorcode.h"
#include "core/ids.h"

#include <QHash>

#include <algorithm>

namespace Cartable::Workspace {

using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

namespace {

RollCallModel::Status statusOf(const Record &entry)
{
    const QString status = entry.text(u"status"_s);
    if (entry.id().isEmpty())
        return RollCallModel::Status::NotTaken;
    if (status == u"present"_s)
        return RollCallModel::Status::Present;
    if (status == u"absent"_s)
        return RollCallModel::Status::Absent;
    return RollCallModel::Status::Late;
}

QString statusCode(RollCallModel::Status status)
{
    switch (status) {
    case RollCallModel::Status::Present:
        return u"present"_s;
    case RollCallModel::Status::Absent:
        return u"absent"_s;
    case RollCallModel::Status::Late:
        return u"late"_s;
    case RollCallModel::Status::NotTaken:
        break;
    }
    return {};
}

// Whether an absence covers the half-day of a lesson: half-days compare as
// "2025-04-04" plus 0 for the morning or 1 for the afternoon.
bool covers(const Record &absence, const QString &day, bool morning)
{
    const QString lesson = day + (morning ? u'0' : u'1');
    const QString from = absence.text(u"starts_on"_s)
                         + (absence.text(u"start_half_day"_s) == u"afternoon"_s ? u'1' : u'0');
    const QString to = absence.text(u"ends_on"_s) + (absence.text(u"end_half_day"_s) == u"afternoon"_s ? u'1' : u'0');
    return from <= lesson && lesson <= to;
}

} // namespace

RollCallModel::RollCallModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    connect(&m_workspace, &Workspace::changed, this, [this](const QString &type) {
        if (type == u"roll_call_entry"_s || type == u"lesson_session"_s || type == u"absence"_s)
            reload();
    });
    connect(&m_workspace, &Workspace::reloaded, this, &RollCallModel::reload);
}

bool RollCallModel::isDone() const
{
    return m_session.isSet(u"roll_call_done_at"_s);
}

void RollCallModel::setSession(const QString &sessionId)
{
    beginResetModel();
    m_session = m_workspace.row(u"lesson_session"_s, sessionId).value_or(Record());
    m_lines = loadLines();
    endResetModel();
    Q_EMIT countsChanged();
}

QList<RollCallModel::Line> RollCallModel::loadLines() const
{
    if (m_session.id().isEmpty())
        return {};
    const QString day = m_session.text(u"date"_s);
    const QList<Student> students = m_workspace.studentsOf(m_session.text(u"class_id"_s), m_session.text(u"group_id"_s),
                                                           QDate::fromString(day, Qt::ISODate));
    QHash<QString, Record> entries;
    for (const Record &entry : m_workspace.select(u"roll_call_entry"_s, u"session_id = ?"_s, {m_session.id()}))
        entries.insert(entry.text(u"student_id"_s), entry);
    const bool morning = m_session.number(u"start_minute"_s) < 12 * 60;
    QHash<QString, QString> absences;
    for (const Record &absence :
         m_workspace.select(u"absence"_s, u"starts_on <= ? AND ends_on >= ?"_s, {day, day}, u"recorded_at"_s)) {
        if (covers(absence, day, morning))
            absences.insert(absence.text(u"student_id"_s), absenceText(absence));
    }
    QList<Line> lines;
    lines.reserve(students.size());
    for (const Student &student : students)
        lines.append({student, entries.value(student.id), absences.value(student.id)});
    return lines;
}

QString RollCallModel::absenceText(const Record &absence) const
{
    static const QHash<QString, const char *> reasons{
        {u"illness"_s, QT_TR_NOOP("illness")},
        {u"medical_appointment"_s, QT_TR_NOOP("medical appointment")},
        {u"family"_s, QT_TR_NOOP("family reasons")},
        {u"transport"_s, QT_TR_NOOP("transport")},
        {u"exam"_s, QT_TR_NOOP("exam")},
        {u"school_activity"_s, QT_TR_NOOP("school activity")},
        {u"other"_s, QT_TR_NOOP("other reason")},
    };
    const QString justification = absence.text(u"justification_status"_s);
    const char *reasonSource = reasons.value(absence.text(u"reason"_s), nullptr);
    const QString reason = reasonSource ? tr(reasonSource) : QString();
    if (absence.text(u"kind"_s) == u"lateness"_s)
        return tr("Late by %n minute(s) already recorded", nullptr, int(absence.number(u"minutes_late"_s)));
    if (justification == u"accepted"_s)
        return reason.isEmpty() ? tr("Absence justified") : tr("Absence justified: %1").arg(reason);
    if (justification == u"refused"_s)
        return tr("Absence not justified");
    if (justification == u"submitted"_s)
        return reason.isEmpty() ? tr("Absence, justification sent") : tr("Absence, justification sent: %1").arg(reason);
    return tr("Absence reported, not justified yet");
}

void RollCallModel::reload()
{
    if (m_session.id().isEmpty())
        return;
    m_session = m_workspace.row(u"lesson_session"_s, m_session.id()).value_or(m_session);
    QList<Line> fresh = loadLines();
    const bool same = std::equal(fresh.cbegin(), fresh.cend(), m_lines.cbegin(), m_lines.cend(),
                                 [](const Line &a, const Line &b) { return a.student.id == b.student.id; });
    if (!same) {
        beginResetModel();
        m_lines = std::move(fresh);
        endResetModel();
    } else {
        m_lines = std::move(fresh);
        if (!m_lines.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_lines.size()) - 1, ColumnCount - 1));
    }
    Q_EMIT countsChanged();
}

int RollCallModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int RollCallModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

RollCallModel::Status RollCallModel::status(int row) const
{
    return row >= 0 && row < m_lines.size() ? statusOf(m_lines.at(row).entry) : Status::NotTaken;
}

int RollCallModel::count(Status wanted) const
{
    return int(std::count_if(m_lines.cbegin(), m_lines.cend(),
                             [wanted](const Line &line) { return statusOf(line.entry) == wanted; }));
}

QVariant RollCallModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(index.row());
    const Status current = statusOf(line.entry);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case StudentColumn:
            return line.student.displayName();
        case StatusColumn:
            // A symbol with the word: never a colour alone.
            switch (current) {
            case Status::Present:
                return tr("✓ Present");
            case Status::Absent:
                return tr("✗ Absent");
            case Status::Late:
                return tr("◔ Late");
            case Status::NotTaken:
                return tr("… Not taken");
            }
            return {};
        case MinutesLateColumn:
            return current == Status::Late ? tr("%n min", nullptr, int(line.entry.number(u"minutes_late"_s)))
                                           : QString();
        case KnownAbsenceColumn:
            return line.knownAbsence;
        default:
            return {};
        }
    case StatusRole:
        return int(current);
    case StudentIdRole:
        return line.student.id;
    case MinutesLateRole:
        return current == Status::Late ? int(line.entry.number(u"minutes_late"_s)) : 0;
    default:
        return {};
    }
}

QVariant RollCallModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StudentColumn:
        return tr("Student");
    case StatusColumn:
        return tr("Status");
    case MinutesLateColumn:
        return tr("Minutes late");
    case KnownAbsenceColumn:
        return tr("Known absence");
    default:
        return {};
    }
}

Core::Status RollCallModel::failed(const Core::Error &error)
{
    Q_EMIT saveFailed(error);
    return error;
}

Record RollCallModel::newEntry(const Line &line, Status status, int minutesLate) const
{
    Record entry(u"roll_call_entry"_s, line.entry.id().isEmpty() ? Core::newId() : line.entry.id());
    entry.set(u"establishment_id"_s, m_session.text(u"establishment_id"_s));
    entry.set(u"session_id"_s, m_session.id());
    entry.set(u"student_id"_s, line.student.id);
    entry.set(u"status"_s, statusCode(status));
    if (status == Status::Late)
        entry.set(u"minutes_late"_s, qint64(minutesLate));
    entry.set(u"recorded_by"_s, m_workspace.accountId());
    entry.set(u"recorded_at"_s, m_workspace.nowMillis());
    return entry;
}

Core::Status RollCallModel::setStatus(int row, Status status, int minutesLate)
{
    if (row < 0 || row >= m_lines.size())
        return failed({ErrorCode::NotFound, u"roll_call_entry.row"_s});
    if (status == Status::Late && (minutesLate < kMinMinutesLate || minutesLate > kMaxMinutesLate))
        return failed({ErrorCode::FieldOutOfRange, u"roll_call_entry.minutes_late"_s});
    const Line &line = m_lines.at(row);
    Core::Result<qint64> saved = qint64(0);
    if (status == Status::NotTaken) {
        if (line.entry.id().isEmpty())
            return {};
        saved = m_workspace.remove(u"roll_call_entry"_s, line.entry.id());
    } else if (line.entry.id().isEmpty()) {
        saved = m_workspace.create(newEntry(line, status, minutesLate));
    } else {
        saved = m_workspace.update(newEntry(line, status, minutesLate),
                                   {u"status"_s, u"minutes_late"_s, u"recorded_by"_s, u"recorded_at"_s});
    }
    if (!saved)
        return failed(saved.error());
    return {};
}

Core::Status RollCallModel::markAllRemainingPresent()
{
    QList<Workspace::Write> writes;
    for (const Line &line : std::as_const(m_lines)) {
        if (line.entry.id().isEmpty())
            writes.append({Workspace::Write::Kind::Create, newEntry(line, Status::Present, 0), {}});
    }
    const Core::Result<QList<qint64>> saved = m_workspace.apply(writes);
    if (!saved)
        return failed(saved.error());
    return {};
}

Core::Status RollCallModel::finish()
{
    if (m_session.id().isEmpty())
        return failed({ErrorCode::NotFound, u"lesson_session"_s});
    if (count(Status::NotTaken) > 0)
        return failed({ErrorCode::MissingField, u"roll_call_entry.not_taken"_s});
    Record done(u"lesson_session"_s, m_session.id());
    done.set(u"roll_call_done_at"_s, m_workspace.nowMillis());
    const Core::Result<qint64> saved = m_workspace.update(done, {u"roll_call_done_at"_s});
    if (!saved)
        return failed(saved.error());
    return {};
}

} // namespace Cartable::Workspace
