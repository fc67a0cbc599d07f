#include "conflictmodel.h"

#include "workspace/workspace.h"

#include "core/domain/catalog.h"
#include "core/rules/gradevalue.h"
#include "core/rules/hundredths.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace Cartable::Workspace {

using Core::Record;
using namespace Qt::StringLiterals;

namespace {

const QString kConflictType = u"sync_conflict"_s;

} // namespace

ConflictModel::ConflictModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_workspace(&workspace)
{
    connect(&workspace, &Workspace::changed, this, &ConflictModel::onChanged);
    connect(&workspace, &Workspace::reloaded, this, &ConflictModel::reload);
    reload();
}

void ConflictModel::setShowResolved(bool show)
{
    if (show == m_showResolved)
        return;
    m_showResolved = show;
    reload();
}

void ConflictModel::onChanged(const QString &type)
{
    if (type == kConflictType)
        reload();
}

void ConflictModel::reload()
{
    if (!m_workspace)
        return;
    QList<Entry> entries;
    QHash<QString, qsizetype> byChange;
    QHash<qsizetype, std::pair<QJsonObject, QJsonObject>> merged;
    int open = 0;
    const QString condition = m_showResolved ? QString() : u"status = 'open'"_s;
    for (const Record &conflict : m_workspace->select(kConflictType, condition, {}, u"decided_at DESC, id"_s)) {
        const QString key = QStringList{conflict.text(u"row_type"_s), conflict.text(u"row_id"_s),
                                        conflict.text(u"loser_account_id"_s), conflict.text(u"loser_hlc"_s),
                                        conflict.text(u"status"_s)}
                                .join(u'\n');
        const QJsonObject lost = QJsonDocument::fromJson(conflict.text(u"lost_value"_s).toUtf8()).object();
        const QJsonObject kept = QJsonDocument::fromJson(conflict.text(u"kept_value"_s).toUtf8()).object();
        if (auto it = byChange.constFind(key); it != byChange.constEnd() && !lost.contains(u"type"_s)) {
            Entry &entry = entries[*it];
            entry.ids.append(conflict.id());
            auto &[lostAll, keptAll] = merged[*it];
            for (auto field = lost.constBegin(); field != lost.constEnd(); ++field)
                lostAll.insert(field.key(), field.value());
            for (auto field = kept.constBegin(); field != kept.constEnd(); ++field)
                keptAll.insert(field.key(), field.value());
            continue;
        }
        Entry entry;
        entry.conflict = conflict;
        entry.ids = {conflict.id()};
        entry.open = conflict.text(u"status"_s) == u"open"_s;
        const QString loser = m_workspace->accountName(conflict.text(u"loser_account_id"_s));
        const QString winner = m_workspace->accountName(conflict.text(u"winner_account_id"_s));
        entry.people = winner.isEmpty() || winner == loser ? loser : tr("%1, against %2").arg(loser, winner);
        if (entry.open)
            ++open;
        byChange.insert(key, entries.size());
        merged.insert(entries.size(), {lost, kept});
        entries.append(entry);
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        Entry &entry = entries[i];
        const QString type = entry.conflict.text(u"row_type"_s);
        const auto &[lost, kept] = merged.value(i);
        entry.item = describeRow(type, entry.conflict.text(u"row_id"_s));
        entry.lost = describeValue(type, QString::fromUtf8(QJsonDocument(lost).toJson(QJsonDocument::Compact)));
        entry.kept = entry.conflict.text(u"kept_value"_s) == u"deleted"_s
                         ? tr("deleted")
                         : describeValue(type, QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
    }
    // Open ones first; the query already sorted each group by time.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.open && !b.open; });
    beginResetModel();
    m_entries = entries;
    endResetModel();
    if (open != m_openCount) {
        m_openCount = open;
        Q_EMIT openCountChanged(open);
    }
}

int ConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ConflictModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case DecidedColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.conflict.number(u"decided_at"_s)),
                                      QLocale::ShortFormat);
        case ItemColumn:
            return entry.item;
        case LostColumn:
            return entry.lost;
        case KeptColumn:
            return entry.kept;
        case PeopleColumn:
            return entry.people;
        case StatusColumn:
            return statusText(entry);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return detail(entry);
    case ConflictIdRole:
        return entry.conflict.id();
    case IsOpenRole:
        return entry.open;
    case DetailRole:
        return detail(entry);
    default:
        return {};
    }
}

QVariant ConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DecidedColumn:
        return tr("When");
    case ItemColumn:
        return tr("What");
    case LostColumn:
        return tr("Value that lost");
    case KeptColumn:
        return tr("Value kept");
    case PeopleColumn:
        return tr("Who");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

Core::Result<qint64> ConflictModel::restore(int row)
{
    if (row < 0 || row >= m_entries.size() || !m_workspace)
        return Core::Error{Core::ErrorCode::NotFound, kConflictType};
    return m_workspace->restoreConflicts(m_entries.at(row).ids);
}

Core::Result<qint64> ConflictModel::dismiss(int row)
{
    if (row < 0 || row >= m_entries.size() || !m_workspace)
        return Core::Error{Core::ErrorCode::NotFound, kConflictType};
    return m_workspace->dismissConflicts(m_entries.at(row).ids);
}

QString ConflictModel::statusText(const Entry &entry) const
{
    const QString status = entry.conflict.text(u"status"_s);
    if (status == u"restored"_s)
        return tr("Restored");
    if (status == u"dismissed"_s)
        return tr("Kept as it is");
    return tr("To review");
}

QString ConflictModel::detail(const Entry &entry) const
{
    const QString rule = entry.conflict.text(u"rule"_s);
    QString why;
    if (rule == u"teacher_wins"_s)
        why = tr("The evaluation’s teacher has the last word on its grades.");
    else if (rule == u"first_booking_wins"_s)
        why = tr("The room was already booked for that time.");
    else if (rule == u"delete_wins"_s)
        why = tr("The item was deleted after your change was made.");
    else if (rule == u"update_wins_over_delete"_s)
        why = tr("The item was changed after it was deleted, so the change was kept.");
    else
        why = tr("The most recent change was kept.");
    return tr("%1. Value that lost: %2. Value kept: %3. %4 Who: %5. Status: %6.")
        .arg(entry.item, entry.lost, entry.kept, why, entry.people, statusText(entry));
}

QString ConflictModel::describeRow(const QString &type, const QString &id) const
{
    if (!m_workspace)
        return {};
    const std::optional<Record> row = m_workspace->row(type, id);
    if (type == u"grade"_s && row) {
        const std::optional<Record> evaluation = m_workspace->row(u"evaluation"_s, row->text(u"evaluation_id"_s));
        return tr("Grade of %1, %2")
            .arg(m_workspace->personName(row->text(u"student_id"_s)),
                 evaluation ? evaluation->text(u"title"_s) : tr("an evaluation"));
    }
    if (type == u"roll_call_entry"_s && row)
        return tr("Roll call of %1").arg(m_workspace->personName(row->text(u"student_id"_s)));
    if (type == u"period_appreciation"_s && row)
        return tr("Appreciation of %1").arg(m_workspace->personName(row->text(u"student_id"_s)));
    if (type == u"competency_assessment"_s && row)
        return tr("Competency of %1").arg(m_workspace->personName(row->text(u"student_id"_s)));
    if (type == u"absence"_s && row)
        return tr("Absence of %1").arg(m_workspace->personName(row->text(u"student_id"_s)));
    if (type == u"evaluation"_s && row)
        return tr("Evaluation “%1”").arg(row->text(u"title"_s));
    if (type == u"homework"_s && row)
        return tr("Homework due %1")
            .arg(QLocale().toString(QDate::fromString(row->text(u"due_on"_s), Qt::ISODate), QLocale::ShortFormat));
    if (type == u"lesson_content"_s && row)
        return tr("Cahier de textes: %1").arg(row->text(u"title"_s));
    if (type == u"booking"_s)
        return tr("Room booking");
    return tr("A row of type %1").arg(type);
}

QString ConflictModel::describeValue(const QString &type, const QString &json) const
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject())
        return json;
    const QJsonObject object = document.object();
    if (object.contains(u"type"_s))
        return describeRow(type, object.value(u"id"_s).toString());
    const QJsonValue marker = object.value(u"marker"_s);
    // A grade's mark and marker go together: one of them is set.
    if (type == u"grade"_s && (object.contains(u"mark"_s) || object.contains(u"marker"_s))) {
        if (marker.isString()) {
            if (const std::optional<Core::GradeMarker> code = Core::gradeMarkerFromCode(marker.toString())) {
                switch (*code) {
                case Core::GradeMarker::Absent:
                    return tr("absent");
                case Core::GradeMarker::Dispensed:
                    return tr("dispensed");
                case Core::GradeMarker::NotGraded:
                    return tr("not graded");
                case Core::GradeMarker::NotSubmitted:
                    return tr("not submitted");
                }
            }
        }
        const QJsonValue mark = object.value(u"mark"_s);
        return mark.isNull() || mark.isUndefined() ? tr("no grade") : fieldValue(type, u"mark"_s, mark);
    }
    QStringList parts;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key() == u"graded_at"_s || it.key() == u"graded_by"_s)
            continue;
        parts.append(fieldValue(type, it.key(), it.value()));
    }
    return parts.join(u"; "_s);
}

QString ConflictModel::fieldValue(const QString &type, const QString &fieldName, const QJsonValue &value) const
{
    const Core::EntityDef *entity = Core::findEntity(type);
    const Core::FieldDef *field = entity ? entity->field(fieldName) : nullptr;
    if (!field)
        return value.toVariant().toString();
    const Core::Result<QVariant> canonical = Core::fieldFromJson(*entity, *field, value);
    if (!canonical)
        return value.toVariant().toString();
    const QVariant v = *canonical;
    if (!v.isValid())
        return tr("empty");
    const QLocale locale;
    switch (field->type) {
    case Core::FieldType::Hundredths:
        return Core::Hundredths::fromRaw(v.toLongLong()).toString(locale);
    case Core::FieldType::Integer:
        return locale.toString(v.toLongLong());
    case Core::FieldType::Boolean:
        return v.toBool() ? tr("yes") : tr("no");
    case Core::FieldType::Date:
        return locale.toString(QDate::fromString(v.toString(), Qt::ISODate), QLocale::ShortFormat);
    case Core::FieldType::Timestamp:
        return locale.toString(QDateTime::fromMSecsSinceEpoch(v.toLongLong()), QLocale::ShortFormat);
    case Core::FieldType::Ref:
        if (field->refEntity == u"person"_s)
            return m_workspace ? m_workspace->personName(v.toString()) : v.toString();
        if (field->refEntity == u"account"_s)
            return m_workspace ? m_workspace->accountName(v.toString()) : v.toString();
        return v.toString();
    case Core::FieldType::Text:
    case Core::FieldType::Enum:
        return v.toString();
    }
    return v.toString();
}

} // namespace Cartable::Workspace
