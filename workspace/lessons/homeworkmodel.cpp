#include "homeworkmodel.h"

#include "workspace/workspace.h"

#include "core/errorcode.h"
#include "core/ids.h"

#include <QLocale>

namespace Cartable::Workspace {

using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

namespace {

// How far ahead the timetable is searched for the next lesson: two weeks
// cover a fortnightly slot, two more the holidays' cancelled lessons.
constexpr int kLookAheadDays = 28;
constexpr int kFallbackDays = 7;

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

QString excerpt(const QString &text, int length = 80)
{
    QString line = text.simplified();
    if (line.size() > length)
        line = line.left(length - 1) + u'…';
    return line;
}

} // namespace

HomeworkModel::HomeworkModel(Workspace &workspace, QObject *parent) : QAbstractListModel(parent), m_workspace(workspace)
{
    connect(&m_workspace, &Workspace::changed, this, &HomeworkModel::onChanged);
    connect(&m_workspace, &Workspace::reloaded, this, &HomeworkModel::reload);
}

void HomeworkModel::setSession(const Record &session)
{
    beginResetModel();
    m_session = session;
    m_rows = fetch();
    endResetModel();
}

QList<Record> HomeworkModel::fetch() const
{
    if (m_session.id().isEmpty())
        return {};
    const bool byClass = m_session.isSet(u"class_id"_s);
    const QString unitColumn = byClass ? u"class_id"_s : u"group_id"_s;
    const QString unit = m_session.text(unitColumn);
    return m_workspace.select(u"homework"_s,
                              u"session_id = ? OR (session_id IS NULL AND assigned_on = ? AND subject_id = ? AND "_s
                                  + unitColumn + u" = ?)"_s,
                              {m_session.id(), m_session.text(u"date"_s), m_session.text(u"subject_id"_s), unit},
                              u"due_on, id"_s);
}

void HomeworkModel::reload()
{
    if (m_session.id().isEmpty())
        return;
    if (const std::optional<Record> session = m_workspace.row(u"lesson_session"_s, m_session.id()))
        m_session = *session;
    const QList<Record> rows = fetch();
    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows.at(i).id() == m_rows.at(i).id();
    if (!sameIds) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void HomeworkModel::onChanged(const QString &type, const QString &)
{
    if (type == u"homework"_s || type == u"lesson_session"_s)
        reload();
}

QDate HomeworkModel::defaultDueDate() const
{
    const QDate day = QDate::fromString(m_session.text(u"date"_s), Qt::ISODate);
    if (!day.isValid())
        return m_workspace.today().addDays(kFallbackDays);
    const bool byClass = m_session.isSet(u"class_id"_s);
    const QString unitColumn = byClass ? u"class_id"_s : u"group_id"_s;
    const QList<Record> slots = m_workspace.select(u"timetable_slot"_s,
                                                   u"subject_id = ? AND "_s + unitColumn + u" = ?"_s,
                                                   {m_session.text(u"subject_id"_s), m_session.text(unitColumn)});
    // A fortnightly slot is placed by the session's own slot: a week_a lesson
    // today makes every other week a week A.
    QString referencePattern;
    for (const Record &slot : slots) {
        if (slot.id() == m_session.text(u"slot_id"_s) && slot.text(u"week_pattern"_s) != u"every"_s)
            referencePattern = slot.text(u"week_pattern"_s);
    }
    QHash<QString, QString> cancelled; // "slot/date" of a lesson that does not take place there
    QList<QDate> movedTo;
    for (const Record &slot : slots) {
        for (const Record &exception : m_workspace.select(u"timetable_exception"_s, u"slot_id = ?"_s, {slot.id()})) {
            const QString kind = exception.text(u"kind"_s);
            if (kind == u"cancelled"_s || kind == u"moved"_s)
                cancelled.insert(slot.id() + u'/' + exception.text(u"date"_s), kind);
            if (kind == u"moved"_s)
                movedTo.append(QDate::fromString(exception.text(u"new_date"_s), Qt::ISODate));
        }
    }
    for (int offset = 1; offset <= kLookAheadDays; ++offset) {
        const QDate candidate = day.addDays(offset);
        if (movedTo.contains(candidate))
            return candidate;
        const QString iso = candidate.toString(Qt::ISODate);
        const bool evenWeeksApart = (mondayOf(day).daysTo(mondayOf(candidate)) / 7) % 2 == 0;
        for (const Record &slot : slots) {
            if (slot.number(u"weekday"_s) != candidate.dayOfWeek() || iso < slot.text(u"valid_from"_s)
                || iso > slot.text(u"valid_until"_s) || cancelled.contains(slot.id() + u'/' + iso))
                continue;
            const QString pattern = slot.text(u"week_pattern"_s);
            if (pattern != u"every"_s
                && (referencePattern.isEmpty() || (pattern == referencePattern) != evenWeeksApart))
                continue;
            return candidate;
        }
    }
    return day.addDays(kFallbackDays);
}

QString HomeworkModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id() : QString();
}

int HomeworkModel::rowOf(const QString &homeworkId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id() == homeworkId)
            return int(i);
    }
    return -1;
}

std::optional<HomeworkDraft> HomeworkModel::draft(const QString &homeworkId) const
{
    const int row = rowOf(homeworkId);
    if (row < 0)
        return std::nullopt;
    const Record &homework = m_rows.at(row);
    HomeworkDraft draft;
    draft.dueOn = QDate::fromString(homework.text(u"due_on"_s), Qt::ISODate);
    draft.text = homework.text(u"text"_s);
    if (homework.isSet(u"estimated_minutes"_s))
        draft.estimatedMinutes = int(homework.number(u"estimated_minutes"_s));
    draft.requiresSubmission = homework.flag(u"requires_submission"_s);
    return draft;
}

void HomeworkModel::setDraftFields(Record &row, const HomeworkDraft &draft)
{
    row.set(u"due_on"_s, draft.dueOn.toString(Qt::ISODate));
    row.set(u"text"_s, draft.text);
    row.set(u"estimated_minutes"_s, draft.estimatedMinutes ? QVariant(qint64(*draft.estimatedMinutes)) : QVariant());
    row.set(u"requires_submission"_s, draft.requiresSubmission);
}

Core::Result<QString> HomeworkModel::add(const HomeworkDraft &draft)
{
    if (m_session.id().isEmpty())
        return Core::Error{ErrorCode::NotFound, u"lesson_session"_s};
    Record row(u"homework"_s, Core::newId());
    row.set(u"establishment_id"_s, m_session.text(u"establishment_id"_s));
    for (const QString &field : {u"class_id"_s, u"group_id"_s, u"subject_id"_s})
        row.set(field, m_session.value(field));
    row.set(u"teacher_id"_s, m_workspace.personId());
    row.set(u"session_id"_s, m_session.id());
    row.set(u"assigned_on"_s, m_session.text(u"date"_s));
    HomeworkDraft complete = draft;
    if (!complete.dueOn.isValid())
        complete.dueOn = defaultDueDate();
    setDraftFields(row, complete);
    const Core::Result<qint64> written = m_workspace.create(row);
    if (!written)
        return written.error();
    return row.id();
}

Core::Status HomeworkModel::update(const QString &homeworkId, const HomeworkDraft &draft)
{
    if (rowOf(homeworkId) < 0)
        return Core::Error{ErrorCode::NotFound, u"homework"_s};
    if (!draft.dueOn.isValid())
        return Core::Error{ErrorCode::MissingField, u"homework.due_on"_s};
    Record changes(u"homework"_s, homeworkId);
    setDraftFields(changes, draft);
    const Core::Result<qint64> written = m_workspace.update(changes, {u"due_on"_s, u"text"_s, u"estimated_minutes"_s,
                                                                      u"requires_submission"_s});
    if (!written)
        return written.error();
    return {};
}

Core::Status HomeworkModel::remove(const QString &homeworkId)
{
    if (rowOf(homeworkId) < 0)
        return Core::Error{ErrorCode::NotFound, u"homework"_s};
    QList<Workspace::Write> writes;
    for (const Record &attachment :
         m_workspace.select(u"attachment"_s, u"owner_type = ? AND owner_id = ?"_s, {u"homework"_s, homeworkId}))
        writes.append({Workspace::Write::Kind::Remove, Record(attachment.type(), attachment.id()), {}});
    writes.append({Workspace::Write::Kind::Remove, Record(u"homework"_s, homeworkId), {}});
    const Core::Result<QList<qint64>> written = m_workspace.apply(writes);
    if (!written)
        return written.error();
    return {};
}

int HomeworkModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HomeworkModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Record &homework = m_rows.at(index.row());
    const QDate due = QDate::fromString(homework.text(u"due_on"_s), Qt::ISODate);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        QString line
            = tr("Due %1: %2").arg(QLocale().toString(due, QLocale::ShortFormat), excerpt(homework.text(u"text"_s)));
        if (homework.flag(u"requires_submission"_s))
            line += u' ' + tr("(to hand in)");
        return line;
    }
    case Qt::ToolTipRole:
        return homework.text(u"text"_s);
    case IdRole:
        return homework.id();
    case DueOnRole:
        return due;
    case TextRole:
        return homework.text(u"text"_s);
    case EstimatedMinutesRole:
        return homework.isSet(u"estimated_minutes"_s) ? QVariant(int(homework.number(u"estimated_minutes"_s)))
                                                      : QVariant();
    case RequiresSubmissionRole:
        return homework.flag(u"requires_submission"_s);
    default:
        return {};
    }
}

QHash<int, QByteArray> HomeworkModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "homeworkId");
    names.insert(DueOnRole, "dueOn");
    names.insert(TextRole, "text");
    names.insert(EstimatedMinutesRole, "estimatedMinutes");
    names.insert(RequiresSubmissionRole, "requiresSubmission");
    return names;
}

} // namespace Cartable::Workspace
