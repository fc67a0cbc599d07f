// The evaluation writes of the grade book: each evaluation with its
// competency links (and, when removed, its grades) stands or falls as a whole.

#include "gradebookmodel.h"

#include "core/errorcode.h"
#include "core/ids.h"

#include <QSet>

namespace Cartable::Workspace {

using Core::Error;
using Core::ErrorCode;
using Core::GradeValue;
using Core::Record;
using Core::Result;
using Core::Status;
using namespace Qt::StringLiterals;

Status GradeBookModel::validateDraft(const EvaluationDraft &draft) const
{
    if (m_teaching.subjectId.isEmpty())
        return Error{ErrorCode::MissingField, u"evaluation.subject_id"_s};
    if (draft.title.trimmed().isEmpty())
        return Error{ErrorCode::MissingField, u"evaluation.title"_s};
    if (!draft.date.isValid())
        return Error{ErrorCode::MissingField, u"evaluation.date"_s};
    if (!GradeValue::isValidScale(draft.scale))
        return Error{ErrorCode::FieldOutOfRange, u"evaluation.scale"_s};
    if (draft.coefficient.isZero())
        return Error{ErrorCode::FieldOutOfRange, u"evaluation.coefficient"_s};
    return checkWritable(draft.periodId, draft.date);
}

Record GradeBookModel::evaluationRecord(const QString &id, const EvaluationDraft &draft) const
{
    Record evaluation(u"evaluation"_s, id);
    evaluation.set(u"establishment_id"_s, m_workspace->establishmentId());
    if (m_teaching.classId.isEmpty())
        evaluation.set(u"group_id"_s, m_teaching.groupId);
    else
        evaluation.set(u"class_id"_s, m_teaching.classId);
    evaluation.set(u"subject_id"_s, m_teaching.subjectId);
    evaluation.set(u"teacher_id"_s, m_workspace->personId());
    evaluation.set(u"period_id"_s, draft.periodId);
    evaluation.set(u"title"_s, draft.title.trimmed());
    if (!draft.description.trimmed().isEmpty())
        evaluation.set(u"description"_s, draft.description.trimmed());
    evaluation.set(u"date"_s, draft.date.toString(Qt::ISODate));
    evaluation.set(u"coefficient"_s, draft.coefficient.hundredths());
    evaluation.set(u"scale"_s, draft.scale);
    evaluation.set(u"published"_s, draft.published);
    return evaluation;
}

Result<QString> GradeBookModel::createEvaluation(const EvaluationDraft &draft)
{
    if (Status valid = validateDraft(draft); !valid)
        return valid.error();
    const Record evaluation = evaluationRecord(Core::newId(), draft);
    QList<Workspace::Write> writes{{Workspace::Write::Kind::Create, evaluation, {}}};
    for (const QString &competencyId : QSet<QString>(draft.competencyIds.cbegin(), draft.competencyIds.cend())) {
        Record link(u"evaluation_competency"_s, Core::newId());
        link.set(u"establishment_id"_s, evaluation.text(u"establishment_id"_s));
        link.set(u"evaluation_id"_s, evaluation.id());
        link.set(u"competency_id"_s, competencyId);
        writes.append({Workspace::Write::Kind::Create, link, {}});
    }
    const Result<QList<qint64>> saved = applyOwn(writes);
    if (!saved)
        return saved.error();
    refresh();
    return evaluation.id();
}

Status GradeBookModel::updateEvaluation(const QString &evaluationId, const EvaluationDraft &draft)
{
    const std::optional<Record> current = m_workspace->row(u"evaluation"_s, evaluationId);
    if (!current)
        return Error{ErrorCode::NotFound, u"evaluation.id"_s};
    if (Status valid = validateDraft(draft); !valid)
        return valid.error();
    // Its grades already count in the period it leaves.
    if (Status writable = checkWritable(current->text(u"period_id"_s),
                                        QDate::fromString(current->text(u"date"_s), Qt::ISODate));
        !writable && writable.error().code == ErrorCode::PeriodClosed) {
        return writable;
    }
    // A smaller scale must still hold every mark already given.
    if (!m_workspace
             ->select(u"grade"_s, u"evaluation_id = ? AND mark > ?"_s,
                      {evaluationId, static_cast<qint64>(draft.scale) * 100})
             .isEmpty()) {
        return Error{ErrorCode::GradeOutOfRange, QString::number(draft.scale)};
    }
    Record changes = evaluationRecord(evaluationId, draft);
    changes.set(u"establishment_id"_s, current->text(u"establishment_id"_s));
    QList<Workspace::Write> writes{
        {Workspace::Write::Kind::Update,
         changes,
         {u"period_id"_s, u"title"_s, u"description"_s, u"date"_s, u"coefficient"_s, u"scale"_s, u"published"_s}}};
    QSet<QString> wanted(draft.competencyIds.cbegin(), draft.competencyIds.cend());
    for (const Record &link : m_workspace->select(u"evaluation_competency"_s, u"evaluation_id = ?"_s, {evaluationId})) {
        if (!wanted.remove(link.text(u"competency_id"_s)))
            writes.append({Workspace::Write::Kind::Remove, link, {}});
    }
    for (const QString &competencyId : std::as_const(wanted)) {
        Record link(u"evaluation_competency"_s, Core::newId());
        link.set(u"establishment_id"_s, current->text(u"establishment_id"_s));
        link.set(u"evaluation_id"_s, evaluationId);
        link.set(u"competency_id"_s, competencyId);
        writes.append({Workspace::Write::Kind::Create, link, {}});
    }
    const Result<QList<qint64>> saved = applyOwn(writes);
    if (!saved)
        return saved.error();
    refresh();
    return {};
}

Status GradeBookModel::removeEvaluation(const QString &evaluationId)
{
    const std::optional<Record> current = m_workspace->row(u"evaluation"_s, evaluationId);
    if (!current)
        return Error{ErrorCode::NotFound, u"evaluation.id"_s};
    if (Status writable = checkWritable(current->text(u"period_id"_s),
                                        QDate::fromString(current->text(u"date"_s), Qt::ISODate));
        !writable) {
        return writable;
    }
    QList<Workspace::Write> writes;
    for (const Record &grade : m_workspace->select(u"grade"_s, u"evaluation_id = ?"_s, {evaluationId}))
        writes.append({Workspace::Write::Kind::Remove, grade, {}});
    for (const Record &link : m_workspace->select(u"evaluation_competency"_s, u"evaluation_id = ?"_s, {evaluationId}))
        writes.append({Workspace::Write::Kind::Remove, link, {}});
    writes.append({Workspace::Write::Kind::Remove, *current, {}});
    const Result<QList<qint64>> saved = applyOwn(writes);
    if (!saved)
        return saved.error();
    refresh();
    return {};
}

} // namespace Cartable::Workspace
