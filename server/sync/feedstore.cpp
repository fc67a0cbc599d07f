#include "feedstore.h"

#include "core/sqlstatement.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::databaseError;
using Core::Error;
using Core::ErrorCode;
using Core::execPrepared;
using Core::Result;
using Core::Status;

namespace {

QJsonObject stampToJson(const FieldStamp &stamp)
{
    QJsonObject object{{u"v"_s, stamp.version}, {u"h"_s, stamp.hlc.toWire()}};
    if (!stamp.clientId.isEmpty())
        object.insert(u"c"_s, stamp.clientId);
    if (!stamp.accountId.isEmpty())
        object.insert(u"a"_s, stamp.accountId);
    return object;
}

FieldStamp stampFromJson(const QJsonObject &object)
{
    FieldStamp stamp;
    stamp.version = object.value(u"v"_s).toInteger();
    stamp.hlc = Core::HlcTimestamp::fromWire(object.value(u"h"_s).toString()).value_or(Core::HlcTimestamp());
    stamp.clientId = object.value(u"c"_s).toString();
    stamp.accountId = object.value(u"a"_s).toString();
    return stamp;
}

struct Membership
{
    QString bucket;
    bool removed = false;
};

Result<QList<Membership>> memberships(const QSqlDatabase &db, const QString &type, const QString &id)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!execPrepared(query, u"SELECT bucket, removed FROM row_bucket WHERE entity = ? AND row_id = ?"_s, type, id))
        return databaseError(query);
    QList<Membership> list;
    while (query.next())
        list.append({query.value(0).toString(), query.value(1).toInt() != 0});
    return list;
}

Status upsertEntry(const QSqlDatabase &db, const QString &bucket, const QString &type, const QString &id, qint64 seq,
                   bool removed)
{
    QSqlQuery query(db);
    if (!execPrepared(query,
                      u"INSERT INTO row_bucket (bucket, entity, row_id, seq, removed) VALUES (?, ?, ?, ?, ?) "
                      "ON CONFLICT (bucket, entity, row_id) DO UPDATE SET seq = excluded.seq, "
                      "removed = excluded.removed"_s,
                      bucket, type, id, seq, removed ? 1 : 0)) {
        return databaseError(query);
    }
    return {};
}

} // namespace

QString stampsToJson(const QHash<QString, FieldStamp> &stamps)
{
    QJsonObject object;
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it)
        object.insert(it.key(), stampToJson(it.value()));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QHash<QString, FieldStamp> stampsFromJson(const QString &json)
{
    QHash<QString, FieldStamp> stamps;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        stamps.insert(it.key(), stampFromJson(it.value().toObject()));
    return stamps;
}

Result<qint64> FeedStore::reserve(qint64 count)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"UPDATE sync_counter SET seq = seq + ? WHERE id = 1"_s, count))
        return databaseError(query);
    if (!execPrepared(query, u"SELECT seq FROM sync_counter WHERE id = 1"_s) || !query.next())
        return databaseError(query);
    return query.value(0).toLongLong() - count + 1;
}

Result<qint64> FeedStore::head() const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"SELECT seq FROM sync_counter WHERE id = 1"_s) || !query.next())
        return databaseError(query);
    return query.value(0).toLongLong();
}

Result<std::optional<RowState>> FeedStore::rowState(const QString &type, const QString &id) const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query,
                      u"SELECT version, deleted, created_version, created_hlc, created_client, created_account, "
                      "field_stamps, tombstone FROM row_state WHERE entity = ? AND row_id = ?"_s,
                      type, id)) {
        return databaseError(query);
    }
    if (!query.next())
        return std::optional<RowState>();
    RowState state;
    state.version = query.value(0).toLongLong();
    state.deleted = query.value(1).toInt() != 0;
    state.created.version = query.value(2).toLongLong();
    state.created.hlc = Core::HlcTimestamp::fromWire(query.value(3).toString()).value_or(Core::HlcTimestamp());
    state.created.clientId = query.value(4).toString();
    state.created.accountId = query.value(5).toString();
    state.fields = stampsFromJson(query.value(6).toString());
    if (!query.value(7).isNull())
        state.tombstone = QJsonDocument::fromJson(query.value(7).toString().toUtf8()).object();
    return std::optional<RowState>(state);
}

Status FeedStore::saveRowState(const QString &type, const QString &id, const RowState &state)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query,
                      u"INSERT INTO row_state (entity, row_id, version, deleted, created_version, created_hlc, "
                      "created_client, created_account, field_stamps, tombstone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (entity, row_id) DO UPDATE SET version = excluded.version, "
                      "deleted = excluded.deleted, created_version = excluded.created_version, "
                      "created_hlc = excluded.created_hlc, created_client = excluded.created_client, "
                      "created_account = excluded.created_account, field_stamps = excluded.field_stamps, "
                      "tombstone = excluded.tombstone"_s,
                      type, id, state.version, state.deleted ? 1 : 0, state.created.version, state.created.hlc.toWire(),
                      state.created.clientId, state.created.accountId, stampsToJson(state.fields),
                      state.tombstone.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                : QVariant(QString::fromUtf8(
                                                    QJsonDocument(state.tombstone).toJson(QJsonDocument::Compact))))) {
        return databaseError(query);
    }
    return {};
}

Result<QStringList> FeedStore::bucketsOf(const QString &type, const QString &id) const
{
    Result<QList<Membership>> list = memberships(m_db, type, id);
    if (!list)
        return list.error();
    QStringList buckets;
    for (const Membership &membership : *list) {
        if (!membership.removed)
            buckets.append(membership.bucket);
    }
    buckets.sort();
    return buckets;
}

Status FeedStore::touchBuckets(const QString &type, const QString &id, const QStringList &buckets, qint64 seq)
{
    Result<QList<Membership>> list = memberships(m_db, type, id);
    if (!list)
        return list.error();
    const QSet<QString> wanted(buckets.cbegin(), buckets.cend());
    for (const QString &bucket : wanted) {
        if (Status status = upsertEntry(m_db, bucket, type, id, seq, false); !status)
            return status;
    }
    for (const Membership &membership : *list) {
        if (!membership.removed && !wanted.contains(membership.bucket)) {
            if (Status status = upsertEntry(m_db, membership.bucket, type, id, seq, true); !status)
                return status;
        }
    }
    return {};
}

Status FeedStore::rebucket(const QString &type, const QString &id, const QStringList &buckets, qint64 seq)
{
    Result<QList<Membership>> list = memberships(m_db, type, id);
    if (!list)
        return list.error();
    const QSet<QString> wanted(buckets.cbegin(), buckets.cend());
    QSet<QString> live;
    for (const Membership &membership : *list) {
        if (membership.removed)
            continue;
        live.insert(membership.bucket);
        if (!wanted.contains(membership.bucket)) {
            if (Status status = upsertEntry(m_db, membership.bucket, type, id, seq, true); !status)
                return status;
        }
    }
    for (const QString &bucket : wanted) {
        if (!live.contains(bucket)) {
            if (Status status = upsertEntry(m_db, bucket, type, id, seq, false); !status)
                return status;
        }
    }
    return {};
}

Result<FeedPage> FeedStore::entries(const QStringList &buckets, qint64 after, qint64 upTo, int limit,
                                    bool liveOnly) const
{
    FeedPage page;
    QList<FeedEntry> &found = page.entries;
    if (buckets.isEmpty() || after >= upTo)
        return page;
    limit = qMax(limit, 1);
    const QString filter = u"bucket IN (%1) AND seq > ? AND seq <= ?%2"_s.arg(Core::bindMarks(buckets.size()),
                                                                              liveOnly ? u" AND removed = 0"_s
                                                                                       : QString());
    const auto run = [&](const QString &sql, qint64 from, qint64 to, int rows) -> Status {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return databaseError(query);
        for (const QString &bucket : buckets)
            query.addBindValue(bucket);
        query.addBindValue(from);
        query.addBindValue(to);
        if (rows > 0)
            query.addBindValue(rows);
        if (!query.exec())
            return databaseError(query);
        while (query.next()) {
            found.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toLongLong(), query.value(4).toInt() != 0});
        }
        return {};
    };
    const QString select = u"SELECT bucket, entity, row_id, seq, removed FROM row_bucket WHERE "_s + filter;
    if (Status status = run(select + u" ORDER BY seq, bucket, entity, row_id LIMIT ?"_s, after, upTo, limit + 1);
        !status) {
        return status.error();
    }
    if (found.size() <= limit)
        return page;
    page.complete = false;
    // Never cut a sequence number in two: a page ends after a whole change.
    const qint64 last = found.at(limit - 1).seq;
    if (found.at(limit).seq != last) {
        found.resize(limit);
        return page;
    }
    while (!found.isEmpty() && found.constLast().seq == last)
        found.removeLast();
    if (!found.isEmpty())
        return page;
    // One change larger than a page: send it whole.
    if (Status status = run(select + u" ORDER BY seq, bucket, entity, row_id"_s, last - 1, last, 0); !status)
        return status.error();
    page.complete = last >= upTo;
    return page;
}

QString FeedStore::bucketSetHash(const QStringList &sortedBuckets)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(sortedBuckets.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

Result<QString> FeedStore::storeBucketSet(const QStringList &sortedBuckets)
{
    const QString hash = bucketSetHash(sortedBuckets);
    QSqlQuery query(m_db);
    if (!execPrepared(query,
                      u"INSERT INTO sync_bucket_set (hash, buckets) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING"_s,
                      hash, sortedBuckets.join(u'\n'))) {
        return databaseError(query);
    }
    return hash;
}

Result<std::optional<QStringList>> FeedStore::bucketSet(const QString &hash) const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"SELECT buckets FROM sync_bucket_set WHERE hash = ?"_s, hash))
        return databaseError(query);
    if (!query.next())
        return std::optional<QStringList>();
    const QString text = query.value(0).toString();
    return std::optional<QStringList>(text.isEmpty() ? QStringList() : text.split(u'\n'));
}

Result<qint64> FeedStore::prunedThrough() const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"SELECT pruned_through FROM sync_counter WHERE id = 1"_s) || !query.next())
        return databaseError(query);
    return query.value(0).toLongLong();
}

Status FeedStore::pruneRemovals(qint64 seq)
{
    Result<qint64> top = head();
    if (!top)
        return top.error();
    seq = qMin(seq, *top);
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"DELETE FROM row_bucket WHERE removed = 1 AND seq <= ?"_s, seq))
        return databaseError(query);
    if (!execPrepared(query, u"UPDATE sync_counter SET pruned_through = ? WHERE id = 1 AND pruned_through < ?"_s, seq,
                      seq)) {
        return databaseError(query);
    }
    return {};
}

} // namespace Cartable::Server
