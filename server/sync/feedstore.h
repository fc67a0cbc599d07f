#pragma once

#include "core/protocol/hlc.h"
#include "core/result.h"

#include "core/sqlstatement.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Cartable::Server {

// Who last wrote a field, and when: what a merge compares.
struct FieldStamp
{
    qint64 version = 0; // the change's sequence number
    Core::HlcTimestamp hlc;
    QString clientId;  // empty for changes made on the server
    QString accountId; // empty for generated data

    friend bool operator==(const FieldStamp &, const FieldStamp &) = default;
};

// What the change feed knows of one row: its last change, whether it is
// deleted (a tombstone), who made it, and who last wrote each field changed
// since. A field without a stamp of its own carries the creation's.
struct RowState
{
    qint64 version = 0;
    bool deleted = false;
    FieldStamp created;
    QHash<QString, FieldStamp> fields;
    // A deleted row's last content, so that a change made on it meanwhile
    // can be kept and restored.
    QJsonObject tombstone;

    FieldStamp stampOf(const QString &field) const { return fields.value(field, created); }

    friend bool operator==(const RowState &, const RowState &) = default;
};

// One row's membership of one bucket at a point of the feed.
struct FeedEntry
{
    QString bucket;
    QString type;
    QString id;
    qint64 seq = 0;
    bool removed = false;
};

struct FeedPage
{
    QList<FeedEntry> entries;
    // Whether the page reaches the end of the range asked for.
    bool complete = true;
};

// Where a catch-up stands: after change `seq` of `bucket` (an empty bucket
// is before the first).
struct BucketPosition
{
    QString bucket;
    qint64 seq = 0;

    bool atStart() const { return bucket.isEmpty() && seq == 0; }
    friend bool operator==(const BucketPosition &, const BucketPosition &) = default;
};

struct CatchUpPage
{
    QList<FeedEntry> entries;
    // Where the next page starts; none once every bucket has been sent.
    std::optional<BucketPosition> next;
};

// The counter's row: the head, the oldest removal kept, and the last change
// that could alter what an account reads (its roles, classes, children…).
struct FeedCounter
{
    qint64 head = 0;
    qint64 prunedThrough = 0;
    qint64 scopeSeq = 0;
};

// The change feed's tables (server migration 6): the sequence counter, each
// row's state, each row's buckets, and the bucket sets cursors name.
// Prepared statements only.
class FeedStore
{
public:
    // With statements of its own.
    explicit FeedStore(QSqlDatabase db);
    // With the statements of the caller's connection, kept across calls.
    explicit FeedStore(Core::StatementCache &statements);
    FeedStore(const FeedStore &) = delete;
    FeedStore &operator=(const FeedStore &) = delete;
    ~FeedStore();

    // Inside a write transaction: reserves `count` sequence numbers and
    // returns the first. The counter's row stays locked until the
    // transaction ends, so changes commit in the order of their numbers: a
    // reader never sees a number while a smaller one can still commit, with
    // one server process or several on one PostgreSQL.
    [[nodiscard]] Core::Result<qint64> reserve(qint64 count = 1);

    // A batch of changes in one write transaction that already holds the
    // counter's lock (a push): numbers are counted here and the counter
    // written once by endBatch(), before the commit; the row states and
    // bucket entries kept by keepRowStates() and keepMemberships() are
    // answered from memory, as the batch leaves them. abandonBatch() after
    // a rollback.
    [[nodiscard]] Core::Status beginBatch();
    [[nodiscard]] Core::Status endBatch();
    void abandonBatch();
    // The highest committed sequence number: every change up to it is
    // visible.
    [[nodiscard]] Core::Result<qint64> head() const;
    [[nodiscard]] Core::Result<FeedCounter> counter() const;
    // Inside a write transaction, for a change at `seq` to a row that decides
    // what accounts read: cached scopes are stale from then on.
    [[nodiscard]] Core::Status markScopeChanged(qint64 seq);

    [[nodiscard]] Core::Result<std::optional<RowState>> rowState(const QString &type, const QString &id) const;
    [[nodiscard]] Core::Status saveRowState(const QString &type, const QString &id, const RowState &state);
    // Reads the states of rows of `type` in a few statements, for a batch.
    [[nodiscard]] Core::Status keepRowStates(const QString &type, const QStringList &ids);
    // Reads the bucket entries of rows of `type` in a few statements, for a
    // batch.
    [[nodiscard]] Core::Status keepMemberships(const QString &type, const QStringList &ids);

    // The buckets the row is in now.
    [[nodiscard]] Core::Result<QStringList> bucketsOf(const QString &type, const QString &id) const;
    // For a row whose content changed at `seq`: its entries in `buckets`
    // move to `seq`, its entries in other buckets become removals at `seq`.
    // An empty list removes it from every bucket (a delete).
    [[nodiscard]] Core::Status touchBuckets(const QString &type, const QString &id, const QStringList &buckets,
                                            qint64 seq);
    // For a row whose content stayed but whose buckets changed at `seq`:
    // entries of new buckets appear at `seq`, entries of lost buckets become
    // removals at `seq`, the others keep their place.
    [[nodiscard]] Core::Status rebucket(const QString &type, const QString &id, const QStringList &buckets, qint64 seq);

    // Entries of `buckets` with after < seq <= upTo, in feed order, about
    // `limit` of them (a change is never cut in two, and a change larger than
    // a page comes whole). The feed is read in order of sequence and each
    // entry kept or not here, so a short range costs little however many
    // buckets the reader holds.
    [[nodiscard]] Core::Result<FeedPage> changes(const QSet<QString> &buckets, qint64 after, qint64 upTo,
                                                 int limit) const;
    // The live entries (no removals) of `sortedBuckets` with seq <= upTo,
    // bucket after bucket, each in feed order, from `from` on: about `limit`
    // of them, a change of one bucket never cut in two. Each bucket's entries
    // are one index range, so a page costs what it returns.
    [[nodiscard]] Core::Result<CatchUpPage> bucketEntries(const QStringList &sortedBuckets, const BucketPosition &from,
                                                          qint64 upTo, int limit) const;

    // A bucket set by its content hash, stored once.
    [[nodiscard]] Core::Result<QString> storeBucketSet(const QStringList &sortedBuckets);
    [[nodiscard]] Core::Result<std::optional<QStringList>> bucketSet(const QString &hash) const;
    static QString bucketSetHash(const QStringList &sortedBuckets);

    // Removals older than this number have been forgotten: a cursor before
    // it must start again.
    [[nodiscard]] Core::Result<qint64> prunedThrough() const;
    // Forgets removals up to `seq` (not beyond the head).
    [[nodiscard]] Core::Status pruneRemovals(qint64 seq);

    QSqlDatabase database() const { return m_statements->database(); }

private:
    struct Membership
    {
        QString bucket;
        bool removed = false;
    };

    [[nodiscard]] Core::Result<QList<Membership>> memberships(const QString &type, const QString &id) const;
    [[nodiscard]] Core::Status upsertEntry(const QString &bucket, const QString &type, const QString &id, qint64 seq,
                                           bool removed);

    std::unique_ptr<Core::StatementCache> m_own;
    Core::StatementCache *m_statements;
    // The batch's next number and its first (0 outside a batch).
    qint64 m_batchNext = 0;
    qint64 m_batchFirst = 0;
    // "type/id" → state (none: no such row) kept for the batch.
    QHash<QString, std::optional<RowState>> m_states;
    // "type/id" → bucket entries kept for the batch.
    QHash<QString, QList<Membership>> m_members;
};

QString stampsToJson(const QHash<QString, FieldStamp> &stamps);
QHash<QString, FieldStamp> stampsFromJson(const QString &json);

} // namespace Cartable::Server
