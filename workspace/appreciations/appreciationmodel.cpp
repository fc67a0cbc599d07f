#include "appreciationmodel.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "core/rules/averages.h"
#include "core/sqlstatement.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QSqlQuery>

namespace Cartable::Workspace {

using Core::Error;
using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcAppreciations, "cartable.workspace.appreciations")

const QStringList &followedTypes()
{
    static const QStringList types{u"period_appreciation"_s, u"grade"_s,           u"evaluation"_s, u"period"_s,
                                   u"class_membership"_s,    u"group_membership"_s};
    return types;
}

} // namespace

AppreciationModel::AppreciationModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    connect(&m_workspace, &Workspace::changed, this, &AppreciationModel::onChanged);
    connect(&m_workspace, &Workspace::reloaded, this, &AppreciationModel::reload);
}

void AppreciationModel::setTeaching(const Teaching &teaching)
{
    m_teaching = teaching;
    if (m_period.id().isEmpty())
        setPeriod({});
    else
        reset();
}

void AppreciationModel::setPeriod(const QString &periodId)
{
    const bool wasReadOnly = isReadOnly();
    std::optional<Record> period = periodId.isEmpty() ? m_workspace.periodOn(m_workspace.today())
                                                      : m_workspace.row(u"period"_s, periodId);
    if (!period && periodId.isEmpty()) {
        const QList<Record> periods = m_workspace.periods();
        if (!periods.isEmpty())
            period = periods.constLast();
    }
    m_period = period ? *period : Record();
    reset();
    if (wasReadOnly != isReadOnly())
        Q_EMIT readOnlyChanged(isReadOnly());
}

bool AppreciationModel::isReadOnly() const
{
    return m_period.id().isEmpty() || m_period.flag(u"closed"_s);
}

QString AppreciationModel::readOnlyReason() const
{
    if (m_period.id().isEmpty())
        return tr("No period is chosen: appreciations are written for a period.");
    if (m_period.flag(u"closed"_s))
        return tr("%1 is closed: its appreciations can no longer change.").arg(m_period.text(u"name"_s));
    return {};
}

void AppreciationModel::reset()
{
    beginResetModel();
    m_lines = fetch();
    endResetModel();
}

QList<AppreciationModel::Line> AppreciationModel::fetch() const
{
    if (m_teaching.subjectId.isEmpty() || m_period.id().isEmpty())
        return {};
    const QDate start = QDate::fromString(m_period.text(u"starts_on"_s), Qt::ISODate);
    const QDate end = QDate::fromString(m_period.text(u"ends_on"_s), Qt::ISODate);
    const QDate day = std::clamp(m_workspace.today(), start, end);
    const bool byClass = !m_teaching.classId.isEmpty();

    QList<Line> lines;
    QHash<QString, qsizetype> lineOf;
    for (const Student &student : m_workspace.studentsOf(m_teaching.classId, m_teaching.groupId, day)) {
        Line line;
        line.student = student;
        line.classId = m_teaching.classId;
        lineOf.insert(student.id, lines.size());
        lines.append(line);
    }
    if (!byClass) {
        // A group's appreciation goes on each student's class report card.
        const QString iso = day.toString(Qt::ISODate);
        for (Line &line : lines) {
            const QList<Record> memberships = m_workspace.select(
                u"class_membership"_s,
                u"student_id = ? AND (starts_on IS NULL OR starts_on <= ?) AND (ends_on IS NULL OR ends_on >= ?)"_s,
                {line.student.id, iso, iso}, u"starts_on DESC, id"_s);
            if (!memberships.isEmpty())
                line.classId = memberships.constFirst().text(u"class_id"_s);
        }
    }

    QHash<QString, QList<Core::ScoredGrade>> gradesOf;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    const QString sql = u"SELECT g.student_id, g.mark, g.marker, e.scale, e.coefficient FROM grade g "
                        "JOIN evaluation e ON e.id = g.evaluation_id WHERE e."_s
                        + (byClass ? u"class_id"_s : u"group_id"_s)
                        + u" = ? AND e.subject_id = ? AND e.period_id = ?"_s;
    if (!Core::execPrepared(query, sql, byClass ? m_teaching.classId : m_teaching.groupId, m_teaching.subjectId,
                            m_period.id())) {
        qCWarning(lcAppreciations) << "reading grades failed:" << Core::databaseError(query).context;
    }
    while (query.isActive() && query.next()) {
        Core::ScoredGrade grade;
        grade.scale = query.value(3).toInt();
        const std::optional<Core::Coefficient> coefficient = Core::Coefficient::fromHundredths(
            query.value(4).toLongLong());
        if (!coefficient)
            continue;
        grade.coefficient = *coefficient;
        if (!query.value(1).isNull()) {
            const Core::Result<Core::GradeValue> mark
                = Core::GradeValue::fromMark(Core::Hundredths::fromRaw(query.value(1).toLongLong()), grade.scale);
            if (mark)
                grade.value = *mark;
        } else if (const auto marker = Core::gradeMarkerFromCode(query.value(2).toString())) {
            grade.value = Core::GradeValue::fromMarker(*marker);
        }
        gradesOf[query.value(0).toString()].append(grade);
    }
    for (Line &line : lines) {
        const QList<Core::ScoredGrade> grades = gradesOf.value(line.student.id);
        line.average = Core::subjectAverage(grades);
        line.gradeCount = int(std::count_if(grades.cbegin(), grades.cend(), &Core::countsInAverage));
    }

    for (const Record &appreciation :
         m_workspace.select(u"period_appreciation"_s, u"period_id = ? AND subject_id = ?"_s,
                            {m_period.id(), m_teaching.subjectId}, u"written_at, id"_s)) {
        const qsizetype at = lineOf.value(appreciation.text(u"student_id"_s), -1);
        if (at < 0)
            continue;
        Line &line = lines[at];
        // The server keeps one per student, period and subject; until a sync
        // settles a duplicate, the signed-in author's own is shown.
        if (!line.appreciation || appreciation.text(u"author_id"_s) == m_workspace.accountId())
            line.appreciation = appreciation;
    }
    return lines;
}

void AppreciationModel::reload()
{
    const bool wasReadOnly = isReadOnly();
    if (!m_period.id().isEmpty()) {
        const std::optional<Record> period = m_workspace.row(u"period"_s, m_period.id());
        m_period = period ? *period : Record();
    }
    QList<Line> lines = fetch();
    bool sameStudents = lines.size() == m_lines.size();
    for (qsizetype i = 0; sameStudents && i < lines.size(); ++i)
        sameStudents = lines.at(i).student.id == m_lines.at(i).student.id;
    if (!sameStudents) {
        beginResetModel();
        m_lines = std::move(lines);
        endResetModel();
    } else {
        m_lines = std::move(lines);
        if (!m_lines.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_lines.size()) - 1, ColumnCount - 1));
    }
    if (wasReadOnly != isReadOnly())
        Q_EMIT readOnlyChanged(isReadOnly());
}

void AppreciationModel::onChanged(const QString &type, const QString &)
{
    if (followedTypes().contains(type))
        reload();
}

Core::Status AppreciationModel::setAppreciation(int row, const QString &text)
{
    if (row < 0 || row >= m_lines.size())
        return Error{ErrorCode::NotFound, u"period_appreciation"_s};
    if (m_period.id().isEmpty())
        return Error{ErrorCode::MissingField, u"period_appreciation.period_id"_s};
    if (m_period.flag(u"closed"_s))
        return Error{ErrorCode::PeriodClosed, m_period.text(u"name"_s)};
    if (text.size() > kMaxLength)
        return Error{ErrorCode::FieldTooLong, u"period_appreciation.text"_s};
    const Line line = m_lines.at(row);
    if (line.classId.isEmpty())
        return Error{ErrorCode::MissingField, u"period_appreciation.class_id"_s};
    const bool blank = text.trimmed().isEmpty();
    Core::Result<qint64> written = qint64(0);
    if (line.appreciation && blank) {
        written = m_workspace.remove(u"period_appreciation"_s, line.appreciation->id());
    } else if (line.appreciation) {
        if (line.appreciation->text(u"text"_s) == text)
            return {};
        Record changes(u"period_appreciation"_s, line.appreciation->id());
        changes.set(u"text"_s, text);
        changes.set(u"author_id"_s, m_workspace.accountId());
        changes.set(u"written_at"_s, m_workspace.nowMillis());
        written = m_workspace.update(changes, {u"text"_s, u"author_id"_s, u"written_at"_s});
    } else if (!blank) {
        Record created(u"period_appreciation"_s, Core::newId());
        created.set(u"establishment_id"_s, m_period.text(u"establishment_id"_s));
        created.set(u"student_id"_s, line.student.id);
        created.set(u"period_id"_s, m_period.id());
        created.set(u"class_id"_s, line.classId);
        created.set(u"subject_id"_s, m_teaching.subjectId);
        created.set(u"text"_s, text);
        created.set(u"author_id"_s, m_workspace.accountId());
        created.set(u"written_at"_s, m_workspace.nowMillis());
        written = m_workspace.create(created);
    }
    if (!written)
        return written.error();
    return {};
}

int AppreciationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int AppreciationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppreciationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(index.row());
    const QString text = line.appreciation ? line.appreciation->text(u"text"_s) : QString();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case StudentColumn:
            return line.student.displayName();
        case AverageColumn:
            return line.average ? Core::formatAverage(*line.average, QLocale()) : u"—"_s;
        case GradeCountColumn:
            return QLocale().toString(line.gradeCount);
        case AppreciationColumn:
            return text;
        default:
            return {};
        }
    case Qt::EditRole:
        return index.column() == AppreciationColumn ? QVariant(text) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == AppreciationColumn && line.classId.isEmpty())
            return tr("This student is in no class: his appreciation has no report card to go on.");
        if (index.column() == AppreciationColumn && isReadOnly())
            return readOnlyReason();
        if (index.column() == AppreciationColumn)
            return tr("%1 of %2 characters")
                .arg(QLocale().toString(qsizetype(text.size())), QLocale().toString(kMaxLength));
        if (index.column() == AverageColumn && !line.average)
            return tr("No grade counts in an average in this period.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AverageColumn || index.column() == GradeCountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case StudentIdRole:
        return line.student.id;
    case AppreciationIdRole:
        return line.appreciation ? line.appreciation->id() : QString();
    case AverageRole:
        return line.average ? QVariant(line.average->raw()) : QVariant();
    case ClassIdRole:
        return line.classId;
    default:
        return {};
    }
}

bool AppreciationModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != AppreciationColumn)
        return false;
    const Core::Status written = setAppreciation(index.row(), value.toString());
    if (!written) {
        m_lastError = written.error();
        return false;
    }
    m_lastError.reset();
    Q_EMIT dataChanged(index, index);
    return true;
}

Qt::ItemFlags AppreciationModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == AppreciationColumn && !isReadOnly()
        && !m_lines.at(index.row()).classId.isEmpty())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant AppreciationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StudentColumn:
        return tr("Student");
    case AverageColumn:
        return tr("Average");
    case GradeCountColumn:
        return tr("Grades");
    case AppreciationColumn:
        return tr("Appreciation (at most %1 characters)").arg(QLocale().toString(kMaxLength));
    default:
        return {};
    }
}

} // namespace Cartable::Workspace
