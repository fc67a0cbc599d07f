#include "competencymodel.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "core/sqlstatement.h"

#include <QCollator>
#include <QLocale>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <algorithm>

namespace Cartable::Workspace {

using Core::ErrorCode;
using Core::Record;
using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcCompetencies, "cartable.workspace.competencies")

QString cellKey(const QString &studentId, const QString &competencyId)
{
    return studentId + u'/' + competencyId;
}

} // namespace

CompetencyModel::CompetencyModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(workspace)
{
    connect(&m_workspace, &Workspace::changed, this, [this](const QString &type) {
        if (type == u"competency_assessment"_s || type == u"evaluation_competency"_s || type == u"evaluation"_s
            || type == u"period"_s || type == u"competency"_s)
            reload();
    });
    connect(&m_workspace, &Workspace::reloaded, this, &CompetencyModel::reload);
}

QList<CompetencyModel::Choice> CompetencyModel::evaluationsWithCompetencies(const Workspace &workspace)
{
    const QString teacher = workspace.personId();
    if (teacher.isEmpty())
        return {};
    struct Found
    {
        Choice choice;
        QString teaching;
        QString date;
    };
    QList<Found> found;
    const QList<Record> evaluations
        = workspace.select(u"evaluation"_s,
                           u"teacher_id = ? AND id IN (SELECT evaluation_id FROM evaluation_competency)"_s, {teacher});
    for (const Record &evaluation : evaluations) {
        const QString teaching = workspace.audienceName(evaluation.text(u"class_id"_s), evaluation.text(u"group_id"_s))
                                 + u" · " + workspace.subjectName(evaluation.text(u"subject_id"_s));
        const QDate date = QDate::fromString(evaluation.text(u"date"_s), Qt::ISODate);
        const QString label = tr("%1 — %2 (%3)")
                                  .arg(teaching, evaluation.text(u"title"_s),
                                       QLocale().toString(date, QLocale::ShortFormat));
        found.append({{evaluation.id(), label}, teaching, evaluation.text(u"date"_s)});
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(found.begin(), found.end(), [&collator](const Found &a, const Found &b) {
        if (const int c = collator.compare(a.teaching, b.teaching); c != 0)
            return c < 0;
        if (a.date != b.date)
            return a.date < b.date;
        return a.choice.evaluationId < b.choice.evaluationId;
    });
    QList<Choice> choices;
    for (const Found &one : std::as_const(found))
        choices.append(one.choice);
    return choices;
}

void CompetencyModel::setEvaluation(const QString &evaluationId)
{
    beginResetModel();
    m_evaluation = m_workspace.row(u"evaluation"_s, evaluationId).value_or(Record());
    load();
    endResetModel();
}

void CompetencyModel::load()
{
    m_students.clear();
    m_competencies.clear();
    m_assessments.clear();
    m_closed = false;
    m_periodName.clear();
    if (m_evaluation.id().isEmpty())
        return;
    if (const std::optional<Record> period = m_workspace.row(u"period"_s, m_evaluation.text(u"period_id"_s))) {
        m_closed = period->flag(u"closed"_s);
        m_periodName = period->text(u"name"_s);
    }
    m_students = m_workspace.studentsOf(m_evaluation.text(u"class_id"_s), m_evaluation.text(u"group_id"_s),
                                        QDate::fromString(m_evaluation.text(u"date"_s), Qt::ISODate));
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!Core::execPrepared(query,
                            u"SELECT c.id, c.code, c.label FROM evaluation_competency ec "
                            "JOIN competency c ON c.id = ec.competency_id WHERE ec.evaluation_id = ? "
                            "ORDER BY c.code, c.id"_s,
                            m_evaluation.id())) {
        qCWarning(lcCompetencies) << "reading competencies failed:" << Core::databaseError(query).context;
    }
    while (query.next())
        m_competencies.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    for (const Record &assessment :
         m_workspace.select(u"competency_assessment"_s, u"evaluation_id = ?"_s, {m_evaluation.id()}))
        m_assessments.insert(cellKey(assessment.text(u"student_id"_s), assessment.text(u"competency_id"_s)),
                             assessment);
}

void CompetencyModel::reload()
{
    if (m_evaluation.id().isEmpty())
        return;
    const QList<Student> students = m_students;
    const QList<Competency> competencies = m_competencies;
    m_evaluation = m_workspace.row(u"evaluation"_s, m_evaluation.id()).value_or(m_evaluation);
    load();
    const bool same = std::equal(students.cbegin(), students.cend(), m_students.cbegin(), m_students.cend(),
                                 [](const Student &a, const Student &b) { return a.id == b.id; })
                      && std::equal(competencies.cbegin(), competencies.cend(), m_competencies.cbegin(),
                                    m_competencies.cend(),
                                    [](const Competency &a, const Competency &b) { return a.id == b.id; });
    if (same) {
        if (!m_students.isEmpty() && !m_competencies.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_students.size()) - 1, int(m_competencies.size()) - 1));
        return;
    }
    // The views still stand on the old rows and columns until the reset is
    // announced.
    m_students = students;
    m_competencies = competencies;
    beginResetModel();
    load();
    endResetModel();
}

int CompetencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

int CompetencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_competencies.size());
}

QString CompetencyModel::levelCode(Level level)
{
    switch (level) {
    case Level::Insufficient:
        return u"insufficient"_s;
    case Level::Fragile:
        return u"fragile"_s;
    case Level::Satisfactory:
        return u"satisfactory"_s;
    case Level::VeryGood:
        return u"very_good"_s;
    case Level::None:
        break;
    }
    return {};
}

CompetencyModel::Level CompetencyModel::levelFromCode(const QString &code)
{
    for (Level level : {Level::Insufficient, Level::Fragile, Level::Satisfactory, Level::VeryGood}) {
        if (levelCode(level) == code)
            return level;
    }
    return Level::None;
}

QString CompetencyModel::levelName(Level level)
{
    switch (level) {
    case Level::Insufficient:
        return tr("Insufficient mastery");
    case Level::Fragile:
        return tr("Fragile mastery");
    case Level::Satisfactory:
        return tr("Satisfactory mastery");
    case Level::VeryGood:
        return tr("Very good mastery");
    case Level::None:
        break;
    }
    return tr("Not assessed");
}

QString CompetencyModel::levelShortName(Level level)
{
    switch (level) {
    case Level::Insufficient:
        //: Short form of "Insufficient mastery" (French: MI)
        return tr("MI");
    case Level::Fragile:
        //: Short form of "Fragile mastery" (French: MF)
        return tr("MF");
    case Level::Satisfactory:
        //: Short form of "Satisfactory mastery" (French: MS)
        return tr("MS");
    case Level::VeryGood:
        //: Short form of "Very good mastery" (French: TBM)
        return tr("TBM");
    case Level::None:
        break;
    }
    return {};
}

QString CompetencyModel::levelColour(Level level)
{
    switch (level) {
    case Level::Insufficient:
        return u"#d32f2f"_s;
    case Level::Fragile:
        return u"#f57c00"_s;
    case Level::Satisfactory:
        return u"#9ccc65"_s;
    case Level::VeryGood:
        return u"#2e7d32"_s;
    case Level::None:
        break;
    }
    return {};
}

QString CompetencyModel::levelTextColour(Level level)
{
    return level == Level::Insufficient || level == Level::VeryGood ? u"#ffffff"_s : u"#000000"_s;
}

CompetencyModel::Level CompetencyModel::level(int row, int column) const
{
    if (row < 0 || row >= m_students.size() || column < 0 || column >= m_competencies.size())
        return Level::None;
    const auto it = m_assessments.constFind(cellKey(m_students.at(row).id, m_competencies.at(column).id));
    return it == m_assessments.constEnd() ? Level::None : levelFromCode(it->text(u"level"_s));
}

QVariant CompetencyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Level current = level(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return levelShortName(current);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3")
            .arg(m_students.at(index.row()).displayName(), m_competencies.at(index.column()).code, levelName(current));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case LevelRole:
        return int(current);
    case StudentIdRole:
        return m_students.at(index.row()).id;
    case CompetencyIdRole:
        return m_competencies.at(index.column()).id;
    default:
        return {};
    }
}

QVariant CompetencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_competencies.size()) {
        const Competency &competency = m_competencies.at(section);
        if (role == Qt::DisplayRole)
            return competency.code;
        if (role == Qt::ToolTipRole)
            return tr("%1 — %2").arg(competency.code, competency.label);
    }
    if (orientation == Qt::Vertical && section >= 0 && section < m_students.size() && role == Qt::DisplayRole)
        return m_students.at(section).displayName();
    return QAbstractTableModel::headerData(section, orientation, role);
}

Core::Status CompetencyModel::failed(const Core::Error &error)
{
    Q_EMIT saveFailed(error);
    return error;
}

Core::Status CompetencyModel::setLevel(int row, int column, Level newLevel)
{
    if (row < 0 || row >= m_students.size() || column < 0 || column >= m_competencies.size())
        return failed({ErrorCode::NotFound, u"competency_assessment.cell"_s});
    if (m_closed)
        return failed({ErrorCode::PeriodClosed, m_periodName});
    const QString studentId = m_students.at(row).id;
    const QString competencyId = m_competencies.at(column).id;
    const std::optional<Record> existing = m_assessments.contains(cellKey(studentId, competencyId))
                                               ? std::optional<Record>(
                                                   m_assessments.value(cellKey(studentId, competencyId)))
                                               : std::nullopt;
    Core::Result<qint64> saved = qint64(0);
    if (newLevel == Level::None) {
        if (!existing)
            return {};
        saved = m_workspace.remove(u"competency_assessment"_s, existing->id());
    } else {
        Record assessment(u"competency_assessment"_s, existing ? existing->id() : Core::newId());
        assessment.set(u"establishment_id"_s, m_evaluation.text(u"establishment_id"_s));
        assessment.set(u"student_id"_s, studentId);
        assessment.set(u"competency_id"_s, competencyId);
        assessment.set(u"evaluation_id"_s, m_evaluation.id());
        assessment.set(u"subject_id"_s, m_evaluation.text(u"subject_id"_s));
        assessment.set(u"period_id"_s, m_evaluation.text(u"period_id"_s));
        assessment.set(u"level"_s, levelCode(newLevel));
        assessment.set(u"assessed_by"_s, m_workspace.accountId());
        assessment.set(u"assessed_at"_s, m_workspace.nowMillis());
        saved = existing ? m_workspace.update(assessment, {u"level"_s, u"assessed_by"_s, u"assessed_at"_s})
                         : m_workspace.create(assessment);
    }
    if (!saved)
        return failed(saved.error());
    return {};
}

} // namespace Cartable::Workspace
