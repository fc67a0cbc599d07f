#pragma once

#include "cachedlookup.h"
#include "feedstore.h"

#include "core/domain/record.h"
#include "core/policy/policylookup.h"
#include "core/result.h"

namespace Cartable::Server {

// Writes catalogue rows with their effect on the change feed, inside the
// caller's transaction: the row itself, its state, its bucket entries, and
// the bucket entries of the rows whose buckets follow from it (a guardian's
// person row follows his guardian links, a thread's messages follow its
// recipients, a document follows its shares, an evaluation's grades follow
// its publication), and the staff directory rows that the server keeps from
// person, account and role rows.
class RowWriter
{
public:
    // Statements are kept in `statements`; `lookup` forgets each row written.
    RowWriter(Core::StatementCache &statements, FeedStore &feed, CachedLookup &lookup);

    // Inserts or replaces `row` as of change `seq`; `state` is its new
    // state (version `seq`).
    [[nodiscard]] Core::Status put(const Core::Record &row, const RowState &state, qint64 seq);
    // Deletes the row and leaves a tombstone at `seq`.
    [[nodiscard]] Core::Status remove(const QString &type, const QString &id, RowState state, qint64 seq);

private:
    // Inserts the row, or updates the columns that differ from `before`,
    // the row as it is stored.
    [[nodiscard]] Core::Status upsert(const Core::Record &row, const std::optional<Core::Record> &before);
    [[nodiscard]] Core::Status update(const Core::EntityDef &entity, const Core::Record &row,
                                      const Core::Record &before);
    // Rows whose buckets may change when `row` (before or after) changes.
    QList<Core::Record> dependents(const Core::Record &row) const;
    [[nodiscard]] Core::Status rebucketDependents(const QList<Core::Record> &changed, qint64 seq);
    // The person whose staff directory rows follow from `row` (a person, an
    // account, a role); empty for other rows.
    QString directoryPersonOf(const Core::Record &row) const;
    // Brings the staff_member rows of the person to what his person,
    // accounts and roles say, at change `seq`.
    [[nodiscard]] Core::Status refreshDirectory(const QString &personId, qint64 seq);
    // After `row` (before and after) was written at `seq`: the directory rows
    // that follow from it.
    [[nodiscard]] Core::Status refreshDirectoryAfter(const QList<Core::Record> &changed, qint64 seq);

    Core::StatementCache &m_statements;
    FeedStore &m_feed;
    CachedLookup &m_lookup;
};

} // namespace Cartable::Server
