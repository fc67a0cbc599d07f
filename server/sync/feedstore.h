#pragma once

#include "core/protocol/hlc.h"
#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

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

// The change feed's tables (server migration 6): the sequence counter, each
// row's state, each row's buckets, and the bucket sets cursors name.
// Prepared statements only.
class FeedStore
{
public:
    explicit FeedStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Inside a write transaction: reserves `count` sequence numbers and
    // returns the first. The counter's row stays locked until the
    // transaction ends, so changes commit in the order of their numbers: a
    // reader never sees a number while a smaller one can still commit, with
    // one server process or several on one PostgreSQL.
    [[nodiscard]] Core::Result<qint64> reserve(qint64 count = 1);
    // The highest committed sequence number: every change up to it is
    // visible.
    [[nodiscard]] Core::Result<qint64> head() const;

    [[nodiscard]] Core::Result<std::optional<RowState>> rowState(const QString &type, const QString &id) const;
    [[nodiscard]] Core::Status saveRowState(const QString &type, const QString &id, const RowState &state);

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
    // a page comes whole). Removed entries are left out when `liveOnly`.
    [[nodiscard]] Core::Result<FeedPage> entries(const QStringList &buckets, qint64 after, qint64 upTo, int limit,
                                                 bool liveOnly) const;

    // A bucket set by its content hash, stored once.
    [[nodiscard]] Core::Result<QString> storeBucketSet(const QStringList &sortedBuckets);
    [[nodiscard]] Core::Result<std::optional<QStringList>> bucketSet(const QString &hash) const;
    static QString bucketSetHash(const QStringList &sortedBuckets);

    // Removals older than this number have been forgotten: a cursor before
    // it must start again.
    [[nodiscard]] Core::Result<qint64> prunedThrough() const;
    // Forgets removals up to `seq` (not beyond the head).
    [[nodiscard]] Core::Status pruneRemovals(qint64 seq);

    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
};

QString stampsToJson(const QHash<QString, FieldStamp> &stamps);
QHash<QString, FieldStamp> stampsFromJson(const QString &json);

} // namespace Cartable::Server
