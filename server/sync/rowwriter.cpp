#include "rowwriter.h"

#include "server/scoperesolver.h"
#include "server/sessionstore.h"

#include "core/domain/catalog.h"
#include "core/domain/domainschema.h"
#include "core/domain/staffdirectory.h"
#include "core/policy/buckets.h"
#include "core/sqlstatement.h"

#include <QSet>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Record;
using Core::Status;

namespace {

// The entities whose rows can carry attachments.
const QStringList kAttachmentOwners{u"message"_s,        u"homework"_s,  u"homework_submission"_s,
                                    u"lesson_content"_s, u"news_post"_s, u"correspondence_note"_s,
                                    u"consent_form"_s};

QString key(const Record &row)
{
    return row.type() + u'/' + row.id();
}

} // namespace

RowWriter::RowWriter(Core::StatementCache &statements, FeedStore &feed, CachedLookup &lookup)
    : m_statements(statements), m_feed(feed), m_lookup(lookup)
{
}

Status RowWriter::upsert(const Record &row, const std::optional<Record> &before)
{
    const Core::EntityDef *entity = Core::findEntity(row.type());
    if (!entity)
        return Status(Core::ErrorCode::UnknownEntity, row.type());
    if (before)
        return update(*entity, row, *before);
    // An account made through sync has no password until an administrator
    // gives it one (cartable-server --reset-password).
    const bool account = row.type() == QStringView(Core::Entity::Account);
    Core::Result<Core::Statement *> prepared = m_statements.statement(
        account ? Core::upsertStatement(*entity, u"password_hash"_s, u"'!'"_s) : Core::upsertStatement(*entity));
    if (!prepared)
        return prepared.error();
    Core::Statement &query = **prepared;
    query.bindValue(0, row.id());
    int mark = 1;
    for (const Core::FieldDef &field : entity->fields)
        query.bindValue(mark++, Core::fieldToSql(field, row.value(field.name)));
    // A failure fails the whole batch, and its lookups with it.
    if (!query.exec())
        return Core::databaseError(query);
    m_lookup.written(row.type(), row.id(), row);
    return {};
}

Status RowWriter::update(const Core::EntityDef &entity, const Record &row, const Record &before)
{
    // Only the columns that change: an index whose columns stay is not
    // rewritten (a grade's new mark leaves its four indexes alone).
    QStringList columns;
    QVariantList values;
    for (const Core::FieldDef &field : entity.fields) {
        if (row.value(field.name) != before.value(field.name)) {
            columns.append(field.name + u" = ?"_s);
            values.append(Core::fieldToSql(field, row.value(field.name)));
        }
    }
    if (columns.isEmpty()) {
        m_lookup.written(row.type(), row.id(), row);
        return {};
    }
    Core::Result<Core::Statement *> prepared = m_statements.statement(
        u"UPDATE %1 SET %2 WHERE id = ?"_s.arg(entity.type, columns.join(u", "_s)));
    if (!prepared)
        return prepared.error();
    Core::Statement &query = **prepared;
    int mark = 0;
    for (const QVariant &value : std::as_const(values))
        query.bindValue(mark++, value);
    query.bindValue(mark, row.id());
    if (!query.exec())
        return Core::databaseError(query);
    m_lookup.written(row.type(), row.id(), row);
    return {};
}

QList<Record> RowWriter::dependents(const Record &row) const
{
    QList<Record> found;
    const auto add = [&found](const std::optional<Record> &record) {
        if (record)
            found.append(*record);
    };
    const auto addAll = [&found](const QList<Record> &records) { found += records; };
    const QString &type = row.type();
    if (type == QStringView(Core::Entity::GuardianLink)) {
        add(m_lookup.row(u"person"_s, row.text(u"guardian_id"_s)));
    } else if (type == QStringView(Core::Entity::ClassMembership)) {
        add(m_lookup.row(u"person"_s, row.text(u"student_id"_s)));
    } else if (type == QStringView(Core::Entity::Account)) {
        add(m_lookup.row(u"person"_s, row.text(u"person_id"_s)));
    } else if (type == QStringView(Core::Entity::AccountRole)) {
        const std::optional<Record> account = m_lookup.row(u"account"_s, row.text(u"account_id"_s));
        add(account);
        if (account)
            add(m_lookup.row(u"person"_s, account->text(u"person_id"_s)));
    } else if (type == QStringView(Core::Entity::MessageRecipient)) {
        const QString thread = row.text(u"thread_id"_s);
        add(m_lookup.row(u"message_thread"_s, thread));
        addAll(m_lookup.rowsWhere(u"message"_s, u"thread_id"_s, thread));
        addAll(m_lookup.rowsWhere(u"message_recipient"_s, u"thread_id"_s, thread));
    } else if (type == QStringView(Core::Entity::DocumentShare)) {
        add(m_lookup.row(u"document"_s, row.text(u"document_id"_s)));
    } else if (type == QStringView(Core::Entity::DocumentFolder)) {
        addAll(m_lookup.rowsWhere(u"document"_s, u"folder_id"_s, row.id()));
    } else if (type == QStringView(Core::Entity::Document)) {
        addAll(m_lookup.rowsWhere(u"document_share"_s, u"document_id"_s, row.id()));
    } else if (type == QStringView(Core::Entity::TimetableSlot)) {
        addAll(m_lookup.rowsWhere(u"timetable_exception"_s, u"slot_id"_s, row.id()));
    } else if (type == QStringView(Core::Entity::Evaluation)) {
        addAll(m_lookup.rowsWhere(u"evaluation_competency"_s, u"evaluation_id"_s, row.id()));
        // Published or not, its results go where the evaluation goes.
        addAll(m_lookup.rowsWhere(u"grade"_s, u"evaluation_id"_s, row.id()));
        addAll(m_lookup.rowsWhere(u"competency_assessment"_s, u"evaluation_id"_s, row.id()));
    }
    if (kAttachmentOwners.contains(type))
        addAll(m_lookup.rowsWhere(u"attachment"_s, u"owner_id"_s, row.id()));
    return found;
}

Status RowWriter::rebucketDependents(const QList<Record> &changed, qint64 seq)
{
    // Breadth first, each row once: a recipient moves its thread's messages,
    // which move their attachments.
    QSet<QString> seen;
    for (const Record &row : changed)
        seen.insert(key(row));
    QList<Record> queue;
    for (const Record &row : changed)
        queue += dependents(row);
    while (!queue.isEmpty()) {
        const Record next = queue.takeFirst();
        if (seen.contains(key(next)))
            continue;
        seen.insert(key(next));
        if (Status status = m_feed.rebucket(next.type(), next.id(), Core::rowBuckets(next, m_lookup), seq); !status)
            return status;
        queue += dependents(next);
    }
    return {};
}

QString RowWriter::directoryPersonOf(const Record &row) const
{
    const QString &type = row.type();
    if (type == QStringView(Core::Entity::Person))
        return row.id();
    if (type == QStringView(Core::Entity::Account))
        return row.text(u"person_id"_s);
    if (type == QStringView(Core::Entity::AccountRole)) {
        const std::optional<Record> account = m_lookup.row(u"account"_s, row.text(u"account_id"_s));
        return account ? account->text(u"person_id"_s) : QString();
    }
    return {};
}

Status RowWriter::refreshDirectory(const QString &personId, qint64 seq)
{
    const QString memberType = QString::fromUtf16(Core::Entity::StaffMember);
    QList<Record> wanted;
    if (const std::optional<Record> person = m_lookup.row(u"person"_s, personId)) {
        const QList<Record> accounts = m_lookup.rowsWhere(u"account"_s, u"person_id"_s, personId);
        QList<Record> roles;
        for (const Record &account : accounts)
            roles += m_lookup.rowsWhere(u"account_role"_s, u"account_id"_s, account.id());
        wanted = Core::staffDirectoryRows(*person, accounts, roles);
    }
    QHash<QString, Record> stored;
    for (const Record &member : m_lookup.rowsWhere(memberType, u"person_id"_s, personId))
        stored.insert(member.id(), member);
    for (const Record &member : std::as_const(wanted)) {
        const auto kept = stored.constFind(member.id());
        if (kept != stored.cend() && *kept == member) {
            stored.remove(member.id());
            continue;
        }
        Core::Result<std::optional<RowState>> state = m_feed.rowState(memberType, member.id());
        if (!state)
            return state.error();
        // Made by the server: no client's stamp on any field.
        RowState next = state->value_or(RowState{});
        if (!*state || (*state)->deleted)
            next = RowState{seq, false, {seq, {}, {}, {}}, {}, {}};
        next.version = seq;
        stored.remove(member.id());
        if (Status status = put(member, next, seq); !status)
            return status;
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        Core::Result<std::optional<RowState>> state = m_feed.rowState(memberType, it.key());
        if (!state)
            return state.error();
        if (Status status = remove(memberType, it.key(), state->value_or(RowState{}), seq); !status)
            return status;
    }
    return {};
}

Status RowWriter::refreshDirectoryAfter(const QList<Record> &changed, qint64 seq)
{
    QStringList people;
    for (const Record &row : changed) {
        const QString person = directoryPersonOf(row);
        if (!person.isEmpty() && !people.contains(person))
            people.append(person);
    }
    for (const QString &person : std::as_const(people)) {
        if (Status status = refreshDirectory(person, seq); !status)
            return status;
    }
    return {};
}

Status RowWriter::put(const Record &row, const RowState &state, qint64 seq)
{
    const std::optional<Record> before = m_lookup.row(row.type(), row.id());
    if (Status status = upsert(row, before); !status)
        return status;
    // A disabled account keeps no session, from this commit on.
    if (Status status = SessionStore::endSessionsIfDisabled(m_statements, row); !status)
        return status;
    if (Status status = m_feed.saveRowState(row.type(), row.id(), state); !status)
        return status;
    if (Status status = m_feed.touchBuckets(row.type(), row.id(), Core::rowBuckets(row, m_lookup), seq); !status)
        return status;
    if (ScopeResolver::decidesScope(row.type())) {
        if (Status status = m_feed.markScopeChanged(seq); !status)
            return status;
    }
    QList<Record> changed{row};
    if (before)
        changed.append(*before);
    if (Status status = rebucketDependents(changed, seq); !status)
        return status;
    return refreshDirectoryAfter(changed, seq);
}

Status RowWriter::remove(const QString &type, const QString &id, RowState state, qint64 seq)
{
    const std::optional<Record> before = m_lookup.row(type, id);
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity)
        return Status(Core::ErrorCode::UnknownEntity, type);
    m_lookup.written(type, id, std::nullopt);
    if (Core::Result<Core::Statement *> removed = m_statements.run(u"DELETE FROM %1 WHERE id = ?"_s.arg(entity->type),
                                                                   id);
        !removed) {
        return removed.error();
    }
    state.version = seq;
    state.deleted = true;
    if (before)
        state.tombstone = Core::recordToJson(*entity, *before);
    if (Status status = m_feed.saveRowState(type, id, state); !status)
        return status;
    if (Status status = m_feed.touchBuckets(type, id, {}, seq); !status)
        return status;
    if (ScopeResolver::decidesScope(type)) {
        if (Status status = m_feed.markScopeChanged(seq); !status)
            return status;
    }
    if (!before)
        return {};
    if (Status status = rebucketDependents({*before}, seq); !status)
        return status;
    return refreshDirectoryAfter({*before}, seq);
}

} // namespace Cartable::Server
