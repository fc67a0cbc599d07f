#include "gradebookmodel.h"

#include "core/errorcode.h"
#include "core/ids.h"
#include "core/rules/periodlock.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Cartable::Workspace {

using Core::Error;
using Core::ErrorCode;
using Core::GradeMarker;
using Core::GradeValue;
using Core::Record;
using Core::Result;
using Core::Status;
using namespace Qt::StringLiterals;

namespace {

bool isFollowed(const QString &type)
{
    return type == u"grade"_s || type == u"evaluation"_s || type == u"evaluation_competency"_s
           || type == u"sync_conflict"_s || type == u"period"_s;
}

GradeValue parsedOrEmpty(const QString &text)
{
    const Result<GradeValue> value = GradeValue::parse(text, GradeValue::kMaxScale);
    return value ? *value : GradeValue();
}

GradeValue gradeOf(const Record &grade)
{
    if (grade.isSet(u"marker"_s)) {
        const std::optional<GradeMarker> marker = Core::gradeMarkerFromCode(grade.text(u"marker"_s));
        return marker ? GradeValue::fromMarker(*marker) : GradeValue();
    }
    if (!grade.isSet(u"mark"_s))
        return {};
    // A stored mark is shown as it is, even beyond a scale that shrank since;
    // the averages leave it out.
    const Result<GradeValue> value = GradeValue::fromMark(Core::Hundredths::fromRaw(grade.number(u"mark"_s)),
                                                          GradeValue::kMaxScale);
    return value ? *value : GradeValue();
}

// A conflict keeps both sides as wire text: a whole grade as a JSON object,
// one field as its wire value.
GradeValue gradeOfWire(const QString &wire)
{
    const QJsonDocument document = QJsonDocument::fromJson(wire.toUtf8());
    if (!document.isObject())
        return parsedOrEmpty(wire);
    const QJsonObject object = document.object();
    if (object.value(u"marker"_s).isString())
        return parsedOrEmpty(object.value(u"marker"_s).toString());
    return parsedOrEmpty(object.value(u"mark"_s).toString());
}

Core::Period periodOf(const Record &record)
{
    return {record.id(), record.text(u"name"_s), QDate::fromString(record.text(u"starts_on"_s), Qt::ISODate),
            QDate::fromString(record.text(u"ends_on"_s), Qt::ISODate), record.flag(u"closed"_s)};
}

} // namespace

GradeBookModel::GradeBookModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(&workspace)
{
    if (const std::optional<Record> period = workspace.periodOn(workspace.today()))
        m_periodId = period->id();
    connect(&workspace, &Workspace::changed, this, &GradeBookModel::onChanged);
    connect(&workspace, &Workspace::reloaded, this, &GradeBookModel::refresh);
}

GradeBookModel::~GradeBookModel() = default;

void GradeBookModel::setTeaching(const Teaching &teaching)
{
    m_teaching = teaching;
    refresh();
}

void GradeBookModel::setPeriod(const QString &periodId)
{
    m_periodId = periodId;
    refresh();
}

QModelIndex GradeBookModel::indexOf(const QString &studentId, const QString &evaluationId) const
{
    const int row = m_rowOfStudent.value(studentId, -1);
    const int column = m_columnOfEvaluation.value(evaluationId, -1);
    return row < 0 || column < 0 ? QModelIndex() : index(row, column);
}

QString GradeBookModel::evaluationIdAt(int column) const
{
    return column >= 0 && column < evaluationCount() ? m_evaluations.at(column).id : QString();
}

std::optional<EvaluationDraft> GradeBookModel::evaluationDraft(const QString &evaluationId) const
{
    const int column = m_columnOfEvaluation.value(evaluationId, -1);
    if (column < 0)
        return std::nullopt;
    const Evaluation &evaluation = m_evaluations.at(column);
    EvaluationDraft draft;
    draft.title = evaluation.title;
    draft.date = evaluation.date;
    draft.coefficient = evaluation.coefficient;
    draft.scale = evaluation.scale;
    draft.periodId = evaluation.record.text(u"period_id"_s);
    draft.description = evaluation.description;
    draft.published = evaluation.record.flag(u"published"_s);
    for (const Record &link : m_workspace->select(u"evaluation_competency"_s, u"evaluation_id = ?"_s, {evaluationId}))
        draft.competencyIds.append(link.text(u"competency_id"_s));
    return draft;
}

int GradeBookModel::gradeCount(const QString &evaluationId) const
{
    const int column = m_columnOfEvaluation.value(evaluationId, -1);
    if (column < 0)
        return 0;
    return static_cast<int>(std::count_if(m_cells.cbegin(), m_cells.cend(), [column](const QList<Cell> &cells) {
        return !cells.at(column).gradeId.isEmpty();
    }));
}

QList<CompetencyChoice> GradeBookModel::competencyChoices() const
{
    QList<CompetencyChoice> choices;
    for (const Record &competency : m_workspace->select(u"competency"_s, u"establishment_id = ?"_s,
                                                        {m_workspace->establishmentId()}, u"code, label"_s)) {
        choices.append({competency.id(), competency.text(u"code"_s), competency.text(u"label"_s)});
    }
    return choices;
}

bool GradeBookModel::isReadOnly() const
{
    return !m_period || m_period->flag(u"closed"_s);
}

QString GradeBookModel::readOnlyReason() const
{
    if (!m_period)
        return m_periodId.isEmpty() ? tr("No period is open today: choose a period.") : QString();
    if (!m_period->flag(u"closed"_s))
        return {};
    const QString name = m_period->text(u"name"_s);
    if (!m_period->isSet(u"closed_at"_s))
        return tr("%1 is closed: its marks can no longer change.").arg(name);
    const QDate since = QDateTime::fromMSecsSinceEpoch(m_period->number(u"closed_at"_s)).date();
    return tr("%1 is closed since %2: its marks can no longer change.")
        .arg(name, QLocale().toString(since, QLocale::LongFormat));
}

int GradeBookModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_teaching.subjectId.isEmpty())
        return 0;
    return studentCount() + kSummaryRows;
}

int GradeBookModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_teaching.subjectId.isEmpty() ? 0 : evaluationCount() + 1;
}

bool GradeBookModel::holds(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.row() < rowCount() && index.column() < columnCount();
}

QVariant GradeBookModel::data(const QModelIndex &index, int role) const
{
    if (!holds(index))
        return {};
    const int row = index.row();
    const int column = index.column();
    if (role == SummaryRole)
        return isSummaryRow(row) || column == averageColumn();
    if (role == EvaluationIdRole)
        return evaluationIdAt(column);
    if (role == StudentIdRole)
        return isSummaryRow(row) ? QString() : m_students.at(row).id;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (isSummaryRow(row) || column == averageColumn())
        return summaryData(row, column, role);
    return gradeData(row, column, role);
}

QVariant GradeBookModel::gradeData(int row, int column, int role) const
{
    const Cell &cell = m_cells.at(row).at(column);
    const Evaluation &evaluation = m_evaluations.at(column);
    const auto conflict = cell.gradeId.isEmpty() ? m_conflicts.constEnd() : m_conflicts.constFind(cell.gradeId);
    const bool inConflict = conflict != m_conflicts.constEnd();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cellText(cell);
    case ConflictRole:
        return inConflict;
    case ConflictTextRole:
        return inConflict ? conflict->text : QString();
    case Qt::ToolTipRole:
        if (inConflict)
            return tr("Conflict: %1").arg(conflict->text);
        return {};
    case Qt::AccessibleTextRole: {
        QString value;
        if (cell.value.isMark()) {
            value = tr("%1 out of %2").arg(cell.value.mark().toString(QLocale()), QLocale().toString(evaluation.scale));
        } else if (cell.value.isMarker()) {
            value = markerName(*cell.value.marker());
        } else {
            value = tr("no grade");
        }
        QString text = tr("%1, %2: %3").arg(m_students.at(row).displayName(), evaluation.title, value);
        if (inConflict)
            text += u' ' + tr("(conflict: %1)").arg(conflict->text);
        return text;
    }
    default:
        return {};
    }
}

QVariant GradeBookModel::summaryData(int row, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return role == ConflictRole ? QVariant(false) : QVariant();
    const QLocale locale;
    QString text;
    if (!isSummaryRow(row)) {
        const std::optional<Core::Hundredths> average = m_studentAverages.at(row);
        text = average ? Core::formatAverage(*average, locale) : QString();
        if (role == Qt::DisplayRole)
            return text;
        return tr("%1, average: %2")
            .arg(m_students.at(row).displayName(), average ? tr("%1 out of 20").arg(text) : tr("none"));
    }
    const std::optional<Core::ClassStatistics> statistics = column == averageColumn()
                                                                ? m_averageStatistics
                                                                : m_evaluationStatistics.at(column);
    const auto which = static_cast<SummaryRow>(row - studentCount());
    if (statistics) {
        if (which == SummaryRow::Average)
            text = Core::formatAverage(statistics->average, locale);
        else
            text = (which == SummaryRow::Minimum ? statistics->minimum : statistics->maximum).toString(locale);
    }
    if (role == Qt::DisplayRole)
        return text;
    const QString rowName = headerData(row, Qt::Vertical).toString();
    const QString columnName = column == averageColumn() ? tr("Average") : m_evaluations.at(column).title;
    return tr("%1, %2: %3").arg(rowName, columnName, text.isEmpty() ? tr("none") : text);
}

QVariant GradeBookModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
            return {};
        if (section < studentCount())
            return m_students.at(section).displayName();
        switch (static_cast<SummaryRow>(section - studentCount())) {
        case SummaryRow::Average:
            return tr("Class average");
        case SummaryRow::Minimum:
            return tr("Minimum");
        case SummaryRow::Maximum:
            return tr("Maximum");
        }
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (section == averageColumn()) {
        if (role == Qt::DisplayRole)
            return tr("Average\n/20");
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr("Subject average over the period, on 20");
        return {};
    }
    const Evaluation &evaluation = m_evaluations.at(section);
    const QLocale locale;
    const QString details
        = tr("/%1 · coef. %2").arg(locale.toString(evaluation.scale), evaluation.coefficient.toString(locale));
    switch (role) {
    case Qt::DisplayRole:
        return QString(evaluation.title + u'\n' + locale.toString(evaluation.date, QLocale::ShortFormat) + u'\n'
                       + details);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        QString text = tr("%1, %2, out of %3, coefficient %4")
                           .arg(evaluation.title, locale.toString(evaluation.date, QLocale::LongFormat),
                                locale.toString(evaluation.scale), evaluation.coefficient.toString(locale));
        if (!evaluation.description.isEmpty())
            text += u'\n' + evaluation.description;
        return text;
    }
    default:
        return {};
    }
}

Qt::ItemFlags GradeBookModel::flags(const QModelIndex &index) const
{
    if (!holds(index))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (!isReadOnly() && !isSummaryRow(index.row()) && index.column() != averageColumn())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool GradeBookModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !holds(index) || isSummaryRow(index.row()) || index.column() == averageColumn()) {
        return false;
    }
    const int row = index.row();
    const int column = index.column();
    const Evaluation &evaluation = m_evaluations.at(column);
    const auto refuse = [this](const Error &error) {
        Q_EMIT saveFailed(error);
        return false;
    };
    if (Status writable = checkWritable(evaluation.record.text(u"period_id"_s), evaluation.date); !writable)
        return refuse(writable.error());
    const Result<GradeValue> parsed = GradeValue::parse(value.toString(), evaluation.scale);
    if (!parsed)
        return refuse(parsed.error());
    Cell &cell = m_cells[row][column];
    if (*parsed == cell.value)
        return true;

    Workspace::Write write;
    if (parsed->isEmpty()) {
        write = {Workspace::Write::Kind::Remove, Record(u"grade"_s, cell.gradeId), {}};
    } else {
        const bool creating = cell.gradeId.isEmpty();
        Record grade(u"grade"_s, creating ? Core::newId() : cell.gradeId);
        if (parsed->isMark())
            grade.set(u"mark"_s, parsed->mark().raw());
        else
            grade.set(u"marker"_s, Core::gradeMarkerCode(*parsed->marker()));
        grade.set(u"graded_by"_s, m_workspace->accountId());
        grade.set(u"graded_at"_s, m_workspace->nowMillis());
        if (creating) {
            grade.set(u"establishment_id"_s, evaluation.record.text(u"establishment_id"_s));
            grade.set(u"evaluation_id"_s, evaluation.id);
            grade.set(u"student_id"_s, m_students.at(row).id);
            write = {Workspace::Write::Kind::Create, grade, {}};
        } else {
            write = {Workspace::Write::Kind::Update, grade, {u"mark"_s, u"marker"_s, u"graded_by"_s, u"graded_at"_s}};
        }
    }
    const Result<QList<qint64>> saved = applyOwn({write});
    if (!saved)
        return refuse(saved.error());
    cell.gradeId = parsed->isEmpty() ? QString() : write.values.id();
    cell.value = *parsed;
    recomputeStudent(row);
    recomputeEvaluation(column);
    recomputeAverageStatistics();
    Q_EMIT dataChanged(index, index);
    Q_EMIT dataChanged(this->index(row, averageColumn()), this->index(row, averageColumn()));
    Q_EMIT dataChanged(this->index(studentCount(), column), this->index(rowCount() - 1, column));
    Q_EMIT dataChanged(this->index(studentCount(), averageColumn()), this->index(rowCount() - 1, averageColumn()));
    return true;
}

Result<QList<qint64>> GradeBookModel::applyOwn(const QList<Workspace::Write> &writes)
{
    // The grid already holds what it writes: its own announcements must not
    // reload it.
    m_writing = true;
    Result<QList<qint64>> saved = m_workspace->apply(writes);
    m_writing = false;
    return saved;
}

Status GradeBookModel::checkWritable(const QString &periodId, const QDate &date) const
{
    const std::optional<Record> period = m_period && m_period->id() == periodId
                                             ? m_period
                                             : m_workspace->row(u"period"_s, periodId);
    if (!period)
        return Error{ErrorCode::NotFound, u"period"_s};
    return Core::checkGradeChange(periodOf(*period), date);
}

QString GradeBookModel::evaluationCondition(QVariantList &binds) const
{
    const bool byClass = !m_teaching.classId.isEmpty();
    binds = {byClass ? m_teaching.classId : m_teaching.groupId, m_teaching.subjectId, m_workspace->personId(),
             m_periodId};
    return byClass ? u"class_id = ? AND subject_id = ? AND teacher_id = ? AND period_id = ?"_s
                   : u"group_id = ? AND subject_id = ? AND teacher_id = ? AND period_id = ?"_s;
}

GradeBookModel::Grid GradeBookModel::load() const
{
    Grid grid;
    if (!m_periodId.isEmpty())
        grid.period = m_workspace->row(u"period"_s, m_periodId);
    if (m_teaching.subjectId.isEmpty() || m_periodId.isEmpty())
        return grid;
    grid.students = m_workspace->studentsOf(m_teaching.classId, m_teaching.groupId, m_workspace->today());
    QVariantList binds;
    const QString condition = evaluationCondition(binds);
    for (const Record &record : m_workspace->select(u"evaluation"_s, condition, binds, u"date, title, id"_s)) {
        const std::optional<Core::Coefficient> coefficient = Core::Coefficient::fromHundredths(
            record.number(u"coefficient"_s));
        grid.evaluations.append({record, record.id(), record.text(u"title"_s), record.text(u"description"_s),
                                 QDate::fromString(record.text(u"date"_s), Qt::ISODate),
                                 static_cast<int>(record.number(u"scale"_s)),
                                 coefficient.value_or(Core::Coefficient())});
    }
    QHash<QString, int> rows;
    for (int row = 0; row < grid.students.size(); ++row)
        rows.insert(grid.students.at(row).id, row);
    QHash<QString, int> columns;
    for (int column = 0; column < grid.evaluations.size(); ++column)
        columns.insert(grid.evaluations.at(column).id, column);
    grid.cells = QList<QList<Cell>>(grid.students.size(), QList<Cell>(grid.evaluations.size()));
    if (grid.evaluations.isEmpty())
        return grid;

    const QString gradesOf = u"evaluation_id IN (SELECT id FROM evaluation WHERE "_s + condition + u')';
    for (const Record &grade : m_workspace->select(u"grade"_s, gradesOf, binds)) {
        const int row = rows.value(grade.text(u"student_id"_s), -1);
        const int column = columns.value(grade.text(u"evaluation_id"_s), -1);
        if (row >= 0 && column >= 0)
            grid.cells[row][column] = {grade.id(), gradeOf(grade)};
    }
    const QString conflictsOf = u"row_type = 'grade' AND status = 'open' AND row_id IN (SELECT id FROM grade WHERE "_s
                                + gradesOf + u')';
    for (const Record &conflict : m_workspace->select(u"sync_conflict"_s, conflictsOf, binds, u"decided_at"_s))
        grid.conflicts.insert(conflict.text(u"row_id"_s), {conflictText(conflict)});
    return grid;
}

QString GradeBookModel::conflictText(const Record &conflict) const
{
    const QLocale locale;
    const auto side = [this](const QString &wire) {
        const GradeValue value = gradeOfWire(wire);
        return value.isEmpty() ? tr("no grade") : cellText({QString(), value});
    };
    const QString loser = m_workspace->accountName(conflict.text(u"loser_account_id"_s));
    const QString winner = conflict.isSet(u"winner_account_id"_s)
                               ? m_workspace->accountName(conflict.text(u"winner_account_id"_s))
                               : tr("unknown");
    const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(conflict.number(u"decided_at"_s)),
                                         QLocale::ShortFormat);
    return tr("%1 (by %2) was kept; %3 (by %4) was set aside on %5.")
        .arg(side(conflict.text(u"kept_value"_s)), winner, side(conflict.text(u"lost_value"_s)), loser, when);
}

void GradeBookModel::refresh()
{
    // Before the first sync the replica knows no period; the first reload
    // brings today's.
    if (m_periodId.isEmpty()) {
        if (const std::optional<Record> period = m_workspace->periodOn(m_workspace->today()))
            m_periodId = period->id();
    }
    adopt(load());
}

void GradeBookModel::adopt(Grid grid)
{
    const auto sameIds = [](const auto &a, const auto &b) {
        return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                          [](const auto &x, const auto &y) { return x.id == y.id; });
    };
    const bool wasReadOnly = isReadOnly();
    const bool sameShape = sameIds(grid.students, m_students) && sameIds(grid.evaluations, m_evaluations);
    if (!sameShape)
        beginResetModel();
    m_students = std::move(grid.students);
    m_evaluations = std::move(grid.evaluations);
    m_cells = std::move(grid.cells);
    m_conflicts = std::move(grid.conflicts);
    m_period = std::move(grid.period);
    m_rowOfStudent.clear();
    for (int row = 0; row < m_students.size(); ++row)
        m_rowOfStudent.insert(m_students.at(row).id, row);
    m_columnOfEvaluation.clear();
    for (int column = 0; column < m_evaluations.size(); ++column)
        m_columnOfEvaluation.insert(m_evaluations.at(column).id, column);
    recomputeAll();
    if (!sameShape) {
        endResetModel();
    } else if (rowCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    }
    if (wasReadOnly != isReadOnly())
        Q_EMIT readOnlyChanged();
}

void GradeBookModel::recomputeAll()
{
    m_studentAverages = QList<std::optional<Core::Hundredths>>(m_students.size());
    m_evaluationStatistics = QList<std::optional<Core::ClassStatistics>>(m_evaluations.size());
    for (int row = 0; row < m_students.size(); ++row)
        recomputeStudent(row);
    for (int column = 0; column < m_evaluations.size(); ++column)
        recomputeEvaluation(column);
    recomputeAverageStatistics();
}

void GradeBookModel::recomputeStudent(int row)
{
    QList<Core::ScoredGrade> grades;
    grades.reserve(m_evaluations.size());
    for (int column = 0; column < m_evaluations.size(); ++column) {
        const Evaluation &evaluation = m_evaluations.at(column);
        grades.append({m_cells.at(row).at(column).value, evaluation.scale, evaluation.coefficient});
    }
    m_studentAverages[row] = Core::subjectAverage(grades);
}

void GradeBookModel::recomputeEvaluation(int column)
{
    QList<GradeValue> values;
    values.reserve(m_students.size());
    for (const QList<Cell> &cells : std::as_const(m_cells))
        values.append(cells.at(column).value);
    m_evaluationStatistics[column] = Core::evaluationStatistics(values, m_evaluations.at(column).scale);
}

void GradeBookModel::recomputeAverageStatistics()
{
    m_averageStatistics = Core::subjectStatistics(m_studentAverages);
}

QString GradeBookModel::cellText(const Cell &cell) const
{
    if (cell.value.isMarker())
        return markerLabel(*cell.value.marker());
    return cell.value.toDisplayString(QLocale());
}

QString GradeBookModel::markerLabel(GradeMarker marker) const
{
    switch (marker) {
    case GradeMarker::Absent:
        return tr("abs", "short label of an absent student's grade");
    case GradeMarker::Dispensed:
        return tr("disp", "short label of a dispensed student's grade");
    case GradeMarker::NotGraded:
        return tr("nn", "short label of a grade not given (non noté)");
    case GradeMarker::NotSubmitted:
        return tr("nr", "short label of work not handed in (non rendu)");
    }
    return {};
}

QString GradeBookModel::markerName(GradeMarker marker) const
{
    switch (marker) {
    case GradeMarker::Absent:
        return tr("absent");
    case GradeMarker::Dispensed:
        return tr("dispensed");
    case GradeMarker::NotGraded:
        return tr("not graded");
    case GradeMarker::NotSubmitted:
        return tr("not submitted");
    }
    return {};
}

void GradeBookModel::onChanged(const QString &type, const QString &id)
{
    Q_UNUSED(id)
    if (!m_writing && isFollowed(type))
        refresh();
}

} // namespace Cartable::Workspace
