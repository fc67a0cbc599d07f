#include "cahiermodel.h"

#include <QLocale>

#include <algorithm>

namespace Cartable::Workspace {

using Core::Record;
using namespace Qt::StringLiterals;

namespace {

QString excerpt(const QString &text, int length = 80)
{
    QString line = text.simplified();
    if (line.size() > length)
        line = line.left(length - 1) + u'…';
    return line;
}

} // namespace

CahierModel::CahierModel(Workspace &workspace, QObject *parent) : QAbstractTableModel(parent), m_workspace(workspace)
{
    connect(&m_workspace, &Workspace::changed, this, &CahierModel::onChanged);
    connect(&m_workspace, &Workspace::reloaded, this, &CahierModel::reload);
}

void CahierModel::setTeaching(const Teaching &teaching)
{
    beginResetModel();
    m_teaching = teaching;
    m_entries = fetch();
    endResetModel();
}

QList<CahierModel::Entry> CahierModel::fetch() const
{
    if (m_teaching.subjectId.isEmpty())
        return {};
    const bool byClass = !m_teaching.classId.isEmpty();
    const QString condition = (byClass ? u"class_id = ?"_s : u"group_id = ?"_s) + u" AND subject_id = ?"_s;
    const QVariantList binds{byClass ? m_teaching.classId : m_teaching.groupId, m_teaching.subjectId};

    QList<Entry> entries;
    QHash<QString, qsizetype> bySession;
    QHash<QString, qsizetype> firstOfDay;
    for (const Record &content : m_workspace.select(u"lesson_content"_s, condition, binds, u"date DESC, id"_s)) {
        Entry entry;
        entry.date = QDate::fromString(content.text(u"date"_s), Qt::ISODate);
        entry.contentId = content.id();
        entry.sessionId = content.text(u"session_id"_s);
        entry.title = content.text(u"title"_s);
        entry.content = content.text(u"content"_s);
        if (!entry.sessionId.isEmpty())
            bySession.insert(entry.sessionId, entries.size());
        if (!firstOfDay.contains(content.text(u"date"_s)))
            firstOfDay.insert(content.text(u"date"_s), entries.size());
        entries.append(entry);
    }
    for (const Record &homework : m_workspace.select(u"homework"_s, condition, binds, u"due_on, id"_s)) {
        qsizetype at = bySession.value(homework.text(u"session_id"_s), -1);
        if (at < 0)
            at = firstOfDay.value(homework.text(u"assigned_on"_s), -1);
        if (at < 0) {
            Entry day;
            day.date = QDate::fromString(homework.text(u"assigned_on"_s), Qt::ISODate);
            day.sessionId = homework.text(u"session_id"_s);
            at = entries.size();
            firstOfDay.insert(homework.text(u"assigned_on"_s), at);
            entries.append(day);
        }
        entries[at].homework.append(homework);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.date != b.date)
            return a.date > b.date;
        return a.contentId.isEmpty() < b.contentId.isEmpty();
    });
    return entries;
}

void CahierModel::reload()
{
    if (m_teaching.subjectId.isEmpty())
        return;
    QList<Entry> entries = fetch();
    bool sameKeys = entries.size() == m_entries.size();
    for (qsizetype i = 0; sameKeys && i < entries.size(); ++i)
        sameKeys = entries.at(i).key() == m_entries.at(i).key();
    if (!sameKeys) {
        beginResetModel();
        m_entries = std::move(entries);
        endResetModel();
        return;
    }
    m_entries = std::move(entries);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));
}

void CahierModel::onChanged(const QString &type, const QString &)
{
    if (type == u"lesson_content"_s || type == u"homework"_s)
        reload();
}

int CahierModel::rowOfSession(const QString &sessionId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (!sessionId.isEmpty() && m_entries.at(i).sessionId == sessionId)
            return int(i);
    }
    return -1;
}

int CahierModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CahierModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CahierModel::homeworkText(const Entry &entry, bool whole) const
{
    QStringList lines;
    const QLocale locale;
    for (const Record &homework : entry.homework) {
        const QDate due = QDate::fromString(homework.text(u"due_on"_s), Qt::ISODate);
        lines.append(tr("For %1: %2")
                         .arg(locale.toString(due, QLocale::ShortFormat),
                              whole ? homework.text(u"text"_s) : excerpt(homework.text(u"text"_s), 60)));
    }
    return lines.join(u'\n');
}

QVariant CahierModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case DateColumn:
            return QLocale().toString(entry.date, QLocale::ShortFormat);
        case TitleColumn:
            return entry.contentId.isEmpty() ? tr("(no entry)") : entry.title;
        case ContentColumn:
            return excerpt(entry.content);
        case HomeworkColumn:
            return entry.homework.isEmpty() ? tr("None") : homeworkText(entry, false);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ContentColumn)
            return entry.content;
        if (index.column() == HomeworkColumn)
            return homeworkText(entry, true);
        return {};
    case SessionIdRole:
        return entry.sessionId;
    case LessonContentIdRole:
        return entry.contentId;
    case HomeworkIdsRole: {
        QStringList ids;
        for (const Record &homework : entry.homework)
            ids.append(homework.id());
        return ids;
    }
    case DateRole:
        return entry.date;
    default:
        return {};
    }
}

QVariant CahierModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Title");
    case ContentColumn:
        return tr("What was done");
    case HomeworkColumn:
        return tr("Homework");
    default:
        return {};
    }
}

} // namespace Cartable::Workspace
