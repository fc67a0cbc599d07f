#include "feedstore.h"

#include "core/sqlstatement.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <functional>
#include <utility>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::databaseError;
using Core::Error;
using Core::ErrorCode;
using Core::execPrepared;
using Core::Result;
using Core::Status;

namespace {

FieldStamp stampFromJson(const QJsonObject &object)
{
    FieldStamp stamp;
    stamp.version = object.value(u"v"_s).toInteger();
    stamp.hlc = Core::HlcTimestamp::fromWire(object.value(u"h"_s).toString()).value_or(Core::HlcTimestamp());
    stamp.clientId = object.value(u"c"_s).toString();
    stamp.accountId = object.value(u"a"_s).toString();
    return stamp;
}

const QString kMemberships = u"SELECT bucket, removed FROM row_bucket WHERE entity = ? AND row_id = ?"_s;
constexpr qsizetype kMembershipsPerRead = 50;
const QString kMembershipsByIds
    = u"SELECT row_id, bucket, removed FROM row_bucket WHERE entity = ? AND row_id IN (%1)"_s.arg(
        Core::bindMarks(kMembershipsPerRead));
const QString kUpsertEntry = u"INSERT INTO row_bucket (bucket, entity, row_id, seq, removed) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (bucket, entity, row_id) DO UPDATE SET seq = excluded.seq, "
                             "removed = excluded.removed"_s;
const QString kCounter = u"SELECT seq, pruned_through, scope_seq FROM sync_counter WHERE id = 1"_s;
const QString kFeedRange = u"SELECT bucket, entity, row_id, seq, removed FROM row_bucket "
                           "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?"_s;
const QString kFeedAt = u"SELECT bucket, entity, row_id, seq, removed FROM row_bucket WHERE seq = ?"_s;
const QString kBucketRange = u"SELECT bucket, entity, row_id, seq, removed FROM row_bucket "
                             "WHERE bucket = ? AND seq > ? AND seq <= ? AND removed = 0 ORDER BY seq LIMIT ?"_s;
const QString kBucketAt = u"SELECT bucket, entity, row_id, seq, removed FROM row_bucket "
                          "WHERE bucket = ? AND seq = ? AND removed = 0"_s;

// `text` as a JSON string, quotes included.
void appendJsonString(QString &out, QStringView text)
{
    const auto plain = [](QChar c) { return c != u'"' && c != u'\\' && c.unicode() >= 0x20; };
    out += u'"';
    // Ids, field names and clock readings: nothing to escape.
    if (std::all_of(text.cbegin(), text.cend(), plain)) {
        out += text;
    } else {
        for (const QChar c : text) {
            if (plain(c))
                out += c;
            else if (c == u'"' || c == u'\\')
                out += QStringView(u"\\") + c;
            else
                out += u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
        }
    }
    out += u'"';
}

const QString kStateColumns = u"version, deleted, created_version, created_hlc, created_client, created_account, "
                              "field_stamps, tombstone"_s;
const QString kStateById = u"SELECT %1 FROM row_state WHERE entity = ? AND row_id = ?"_s.arg(kStateColumns);
constexpr qsizetype kStatesPerRead = 50;
const QString kStatesByIds
    = u"SELECT row_id, %1 FROM row_state WHERE entity = ? AND row_id IN (%2)"_s.arg(kStateColumns,
                                                                                    Core::bindMarks(kStatesPerRead));

// The state a query selected from column `first` on (kStateColumns).
RowState stateFromQuery(const Core::Statement &query, int first)
{
    RowState state;
    state.version = query.value(first).toLongLong();
    state.deleted = query.value(first + 1).toInt() != 0;
    state.created.version = query.value(first + 2).toLongLong();
    state.created.hlc = Core::HlcTimestamp::fromWire(query.value(first + 3).toString()).value_or(Core::HlcTimestamp());
    state.created.clientId = query.value(first + 4).toString();
    state.created.accountId = query.value(first + 5).toString();
    state.fields = stampsFromJson(query.value(first + 6).toString());
    if (!query.value(first + 7).isNull())
        state.tombstone = QJsonDocument::fromJson(query.value(first + 7).toString().toUtf8()).object();
    return state;
}

// Reads the entries a query selected (bucket, entity, row_id, seq, removed).
QList<FeedEntry> readEntries(Core::Statement &query)
{
    QList<FeedEntry> found;
    while (query.next()) {
        found.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                      query.value(3).toLongLong(), query.value(4).toInt() != 0});
    }
    return found;
}

// Up to `wanted` entries in feed order from a range, without cutting a
// change in two: `range(n)` selects the first n entries of the range in
// order of seq, `whole(seq)` every entry of one change. Sets `exhausted`
// when the range has nothing beyond what is returned.
Result<QList<FeedEntry>> takeWhole(qsizetype wanted, const std::function<Result<QList<FeedEntry>>(qsizetype)> &range,
                                   const std::function<Result<QList<FeedEntry>>(qint64)> &whole, bool &exhausted)
{
    Result<QList<FeedEntry>> read = range(wanted + 1);
    if (!read)
        return read;
    QList<FeedEntry> &found = read.value();
    exhausted = found.size() <= wanted;
    if (exhausted)
        return read;
    const qint64 last = found.at(wanted - 1).seq;
    if (found.at(wanted).seq != last) {
        found.resize(wanted);
        return read;
    }
    while (!found.isEmpty() && found.constLast().seq == last)
        found.removeLast();
    if (!found.isEmpty())
        return read;
    // One change larger than what was wanted: it comes whole.
    return whole(last);
}

} // namespace

QString stampsToJson(const QHash<QString, FieldStamp> &stamps)
{
    // Written by hand: every change writes its row's stamps, and building
    // a QJsonObject costs more than the statement that stores the text.
    // Keys in order, as QJsonDocument would write them.
    QStringList fields = stamps.keys();
    fields.sort();
    QString json;
    json.reserve(16 + fields.size() * 120);
    json += u'{';
    for (const QString &field : std::as_const(fields)) {
        const FieldStamp &stamp = *stamps.constFind(field);
        if (json.size() > 1)
            json += u',';
        appendJsonString(json, field);
        json += u":{"_s;
        if (!stamp.accountId.isEmpty()) {
            json += u"\"a\":"_s;
            appendJsonString(json, stamp.accountId);
            json += u',';
        }
        if (!stamp.clientId.isEmpty()) {
            json += u"\"c\":"_s;
            appendJsonString(json, stamp.clientId);
            json += u',';
        }
        json += u"\"h\":"_s;
        appendJsonString(json, stamp.hlc.toWire());
        json += u",\"v\":"_s + QString::number(stamp.version) + u'}';
    }
    json += u'}';
    return json;
}

namespace {

// Reads the stamps as stampsToJson() writes them, by hand: every change
// reads its row's. Anything else (an older form, a hand edit) is left to
// QJsonDocument.
class StampReader
{
public:
    explicit StampReader(QStringView text) : m_text(text) {}

    std::optional<QHash<QString, FieldStamp>> read()
    {
        QHash<QString, FieldStamp> stamps;
        if (!take(u'{'))
            return std::nullopt;
        if (take(u'}'))
            return atEnd() ? std::optional(stamps) : std::nullopt;
        do {
            const std::optional<QString> field = string();
            if (!field || !take(u':') || !take(u'{'))
                return std::nullopt;
            FieldStamp stamp;
            do {
                const std::optional<QString> key = string();
                if (!key || !take(u':'))
                    return std::nullopt;
                if (*key == u"v"_s) {
                    const std::optional<qint64> version = number();
                    if (!version)
                        return std::nullopt;
                    stamp.version = *version;
                    continue;
                }
                const std::optional<QString> value = string();
                if (!value)
                    return std::nullopt;
                if (*key == u"h"_s)
                    stamp.hlc = Core::HlcTimestamp::fromWire(*value).value_or(Core::HlcTimestamp());
                else if (*key == u"c"_s)
                    stamp.clientId = *value;
                else if (*key == u"a"_s)
                    stamp.accountId = *value;
            } while (take(u','));
            if (!take(u'}'))
                return std::nullopt;
            stamps.insert(*field, stamp);
        } while (take(u','));
        if (!take(u'}') || !atEnd())
            return std::nullopt;
        return stamps;
    }

private:
    bool atEnd() const { return m_at == m_text.size(); }
    bool take(QChar c)
    {
        if (m_at < m_text.size() && m_text.at(m_at) == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    // A string without escapes; one with them is left to QJsonDocument.
    std::optional<QString> string()
    {
        if (!take(u'"'))
            return std::nullopt;
        const qsizetype start = m_at;
        while (m_at < m_text.size() && m_text.at(m_at) != u'"') {
            if (m_text.at(m_at) == u'\\')
                return std::nullopt;
            ++m_at;
        }
        if (m_at >= m_text.size())
            return std::nullopt;
        return m_text.sliced(start, m_at++ - start).toString();
    }
    std::optional<qint64> number()
    {
        const qsizetype start = m_at;
        while (m_at < m_text.size() && m_text.at(m_at).isDigit() && m_text.at(m_at).unicode() < 128)
            ++m_at;
        bool ok = false;
        const qint64 value = m_text.sliced(start, m_at - start).toLongLong(&ok);
        return ok ? std::optional(value) : std::nullopt;
    }

    QStringView m_text;
    qsizetype m_at = 0;
};

} // namespace

QHash<QString, FieldStamp> stampsFromJson(const QString &json)
{
    if (std::optional<QHash<QString, FieldStamp>> read = StampReader(json).read())
        return *read;
    QHash<QString, FieldStamp> stamps;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        stamps.insert(it.key(), stampFromJson(it.value().toObject()));
    return stamps;
}

FeedStore::FeedStore(QSqlDatabase db)
    : m_own(std::make_unique<Core::StatementCache>(std::move(db))), m_statements(m_own.get())
{
}

FeedStore::FeedStore(Core::StatementCache &statements) : m_statements(&statements) {}

FeedStore::~FeedStore() = default;

Result<QList<FeedStore::Membership>> FeedStore::memberships(const QString &type, const QString &id) const
{
    if (const auto kept = m_members.constFind(type + u'/' + id); kept != m_members.constEnd())
        return *kept;
    Result<Core::Statement *> query = m_statements->run(kMemberships, type, id);
    if (!query)
        return query.error();
    QList<Membership> list;
    while ((*query)->next())
        list.append({(*query)->value(0).toString(), (*query)->value(1).toInt() != 0});
    return list;
}

Status FeedStore::upsertEntry(const QString &bucket, const QString &type, const QString &id, qint64 seq, bool removed)
{
    if (Result<Core::Statement *> query = m_statements->run(kUpsertEntry, bucket, type, id, seq, removed ? 1 : 0);
        !query)
        return query.error();
    if (const auto kept = m_members.find(type + u'/' + id); kept != m_members.end()) {
        const auto same = std::find_if(kept->begin(), kept->end(),
                                       [&bucket](const Membership &each) { return each.bucket == bucket; });
        if (same != kept->end())
            same->removed = removed;
        else
            kept->append({bucket, removed});
    }
    return {};
}

Status FeedStore::beginBatch()
{
    Result<FeedCounter> read = counter();
    if (!read)
        return read.error();
    m_batchNext = read->head + 1;
    m_batchFirst = m_batchNext;
    return {};
}

Status FeedStore::endBatch()
{
    const qint64 next = std::exchange(m_batchNext, 0);
    const qint64 first = std::exchange(m_batchFirst, 0);
    m_states.clear();
    m_members.clear();
    if (next == first)
        return {};
    if (Result<Core::Statement *> query = m_statements->run(u"UPDATE sync_counter SET seq = ? WHERE id = 1"_s,
                                                            next - 1);
        !query) {
        return query.error();
    }
    return {};
}

void FeedStore::abandonBatch()
{
    m_batchNext = 0;
    m_batchFirst = 0;
    m_states.clear();
    m_members.clear();
}

Status FeedStore::keepMemberships(const QString &type, const QStringList &ids)
{
    QStringList wanted;
    for (const QString &id : ids) {
        if (!m_members.contains(type + u'/' + id)) {
            m_members.insert(type + u'/' + id, {});
            wanted.append(id);
        }
    }
    for (qsizetype start = 0; start < wanted.size(); start += kMembershipsPerRead) {
        Result<Core::Statement *> prepared = m_statements->statement(kMembershipsByIds);
        if (!prepared)
            return prepared.error();
        Core::Statement &query = **prepared;
        query.bindValue(0, type);
        // The last statement repeats its last id: one statement serves all.
        for (qsizetype i = 0; i < kMembershipsPerRead; ++i)
            query.bindValue(int(i) + 1, wanted.at(qMin(start + i, wanted.size() - 1)));
        if (!query.exec()) {
            m_members.clear();
            return databaseError(query);
        }
        while (query.next()) {
            m_members[type + u'/' + query.value(0).toString()].append(
                {query.value(1).toString(), query.value(2).toInt() != 0});
        }
    }
    return {};
}

Result<qint64> FeedStore::reserve(qint64 count)
{
    if (m_batchNext > 0) {
        const qint64 first = m_batchNext;
        m_batchNext += count;
        return first;
    }
    // One statement: the counter's row is locked by it until the caller's
    // transaction ends.
    Result<Core::Statement *> query
        = m_statements->run(u"UPDATE sync_counter SET seq = seq + ? WHERE id = 1 RETURNING seq"_s, count);
    if (!query)
        return query.error();
    if (!(*query)->next())
        return databaseError(**query);
    const qint64 last = (*query)->value(0).toLongLong();
    (*query)->finish();
    return last - count + 1;
}

Result<qint64> FeedStore::head() const
{
    Result<FeedCounter> read = counter();
    if (!read)
        return read.error();
    return read->head;
}

Result<FeedCounter> FeedStore::counter() const
{
    Result<Core::Statement *> query = m_statements->run(kCounter);
    if (!query)
        return query.error();
    if (!(*query)->next())
        return databaseError(**query);
    const FeedCounter read{(*query)->value(0).toLongLong(), (*query)->value(1).toLongLong(),
                           (*query)->value(2).toLongLong()};
    (*query)->finish();
    return read;
}

Status FeedStore::markScopeChanged(qint64 seq)
{
    if (Result<Core::Statement *> query = m_statements->run(u"UPDATE sync_counter SET scope_seq = ? WHERE id = 1"_s,
                                                            seq);
        !query) {
        return query.error();
    }
    return {};
}

Result<std::optional<RowState>> FeedStore::rowState(const QString &type, const QString &id) const
{
    if (const auto kept = m_states.constFind(type + u'/' + id); kept != m_states.constEnd())
        return *kept;
    Result<Core::Statement *> found = m_statements->run(kStateById, type, id);
    if (!found)
        return found.error();
    Core::Statement &query = **found;
    if (!query.next())
        return std::optional<RowState>();
    const RowState state = stateFromQuery(query, 0);
    query.finish();
    return std::optional<RowState>(state);
}

Status FeedStore::keepRowStates(const QString &type, const QStringList &ids)
{
    QStringList wanted;
    for (const QString &id : ids) {
        if (!m_states.contains(type + u'/' + id)) {
            m_states.insert(type + u'/' + id, std::nullopt);
            wanted.append(id);
        }
    }
    for (qsizetype start = 0; start < wanted.size(); start += kStatesPerRead) {
        Result<Core::Statement *> prepared = m_statements->statement(kStatesByIds);
        if (!prepared)
            return prepared.error();
        Core::Statement &query = **prepared;
        query.bindValue(0, type);
        // The last statement repeats its last id: one statement serves all.
        for (qsizetype i = 0; i < kStatesPerRead; ++i)
            query.bindValue(int(i) + 1, wanted.at(qMin(start + i, wanted.size() - 1)));
        if (!query.exec()) {
            m_states.clear();
            return databaseError(query);
        }
        while (query.next())
            m_states.insert(type + u'/' + query.value(0).toString(), stateFromQuery(query, 1));
    }
    return {};
}

Status FeedStore::saveRowState(const QString &type, const QString &id, const RowState &state)
{
    if (const auto kept = m_states.find(type + u'/' + id); kept != m_states.end())
        *kept = state;
    const QVariant tombstone = state.tombstone.isEmpty()
                                   ? QVariant(QMetaType::fromType<QString>())
                                   : QVariant(QString::fromUtf8(
                                       QJsonDocument(state.tombstone).toJson(QJsonDocument::Compact)));
    Result<Core::Statement *> query = m_statements->run(
        u"INSERT INTO row_state (entity, row_id, version, deleted, created_version, created_hlc, "
        "created_client, created_account, field_stamps, tombstone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, row_id) DO UPDATE SET version = excluded.version, "
        "deleted = excluded.deleted, created_version = excluded.created_version, "
        "created_hlc = excluded.created_hlc, created_client = excluded.created_client, "
        "created_account = excluded.created_account, field_stamps = excluded.field_stamps, "
        "tombstone = excluded.tombstone"_s,
        type, id, state.version, state.deleted ? 1 : 0, state.created.version, state.created.hlc.toWire(),
        state.created.clientId, state.created.accountId, stampsToJson(state.fields), tombstone);
    if (!query)
        return query.error();
    return {};
}

Result<QStringList> FeedStore::bucketsOf(const QString &type, const QString &id) const
{
    Result<QList<Membership>> list = memberships(type, id);
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
    Result<QList<Membership>> list = memberships(type, id);
    if (!list)
        return list.error();
    const QSet<QString> wanted(buckets.cbegin(), buckets.cend());
    for (const QString &bucket : wanted) {
        if (Status status = upsertEntry(bucket, type, id, seq, false); !status)
            return status;
    }
    for (const Membership &membership : *list) {
        if (!membership.removed && !wanted.contains(membership.bucket)) {
            if (Status status = upsertEntry(membership.bucket, type, id, seq, true); !status)
                return status;
        }
    }
    return {};
}

Status FeedStore::rebucket(const QString &type, const QString &id, const QStringList &buckets, qint64 seq)
{
    Result<QList<Membership>> list = memberships(type, id);
    if (!list)
        return list.error();
    const QSet<QString> wanted(buckets.cbegin(), buckets.cend());
    QSet<QString> live;
    for (const Membership &membership : *list) {
        if (membership.removed)
            continue;
        live.insert(membership.bucket);
        if (!wanted.contains(membership.bucket)) {
            if (Status status = upsertEntry(membership.bucket, type, id, seq, true); !status)
                return status;
        }
    }
    for (const QString &bucket : wanted) {
        if (!live.contains(bucket)) {
            if (Status status = upsertEntry(bucket, type, id, seq, false); !status)
                return status;
        }
    }
    return {};
}

Result<FeedPage> FeedStore::changes(const QSet<QString> &buckets, qint64 after, qint64 upTo, int limit) const
{
    FeedPage page;
    if (buckets.isEmpty() || after >= upTo)
        return page;
    limit = qMax(limit, 1);
    // Chunks larger than a page: a reader with few buckets keeps few of the
    // entries it reads.
    const qsizetype chunk = qBound(qsizetype(256), qsizetype(limit) * 4, qsizetype(20000));
    const auto range = [&](qint64 from, qsizetype rows) -> Result<QList<FeedEntry>> {
        Result<Core::Statement *> query = m_statements->run(kFeedRange, from, upTo, rows);
        if (!query)
            return query.error();
        return readEntries(**query);
    };
    const auto whole = [&](qint64 seq) -> Result<QList<FeedEntry>> {
        Result<Core::Statement *> query = m_statements->run(kFeedAt, seq);
        if (!query)
            return query.error();
        return readEntries(**query);
    };
    QList<FeedEntry> &kept = page.entries;
    qint64 from = after;
    for (;;) {
        bool exhausted = false;
        Result<QList<FeedEntry>> read = takeWhole(
            chunk, [&](qsizetype rows) { return range(from, rows); }, whole, exhausted);
        if (!read)
            return read.error();
        for (const FeedEntry &entry : std::as_const(*read)) {
            if (!buckets.contains(entry.bucket))
                continue;
            // Enough, and this entry starts another change: the page ends
            // after a whole one.
            if (kept.size() >= limit && entry.seq != kept.constLast().seq) {
                page.complete = false;
                return page;
            }
            kept.append(entry);
        }
        if (exhausted || read->isEmpty())
            return page;
        from = read->constLast().seq;
    }
}

Result<CatchUpPage> FeedStore::bucketEntries(const QStringList &sortedBuckets, const BucketPosition &from, qint64 upTo,
                                             int limit) const
{
    CatchUpPage page;
    limit = qMax(limit, 1);
    // The first bucket at or after the position; a bucket the reader lost
    // since is skipped.
    qsizetype index = std::lower_bound(sortedBuckets.cbegin(), sortedBuckets.cend(), from.bucket)
                      - sortedBuckets.cbegin();
    qint64 after = index < sortedBuckets.size() && sortedBuckets.at(index) == from.bucket ? from.seq : 0;
    for (; index < sortedBuckets.size(); ++index, after = 0) {
        const QString &bucket = sortedBuckets.at(index);
        const qsizetype wanted = limit - page.entries.size();
        if (wanted <= 0) {
            page.next = BucketPosition{bucket, after};
            return page;
        }
        bool exhausted = false;
        Result<QList<FeedEntry>> read = takeWhole(
            wanted,
            [&](qsizetype rows) -> Result<QList<FeedEntry>> {
                Result<Core::Statement *> query = m_statements->run(kBucketRange, bucket, after, upTo, rows);
                if (!query)
                    return query.error();
                return readEntries(**query);
            },
            [&](qint64 seq) -> Result<QList<FeedEntry>> {
                Result<Core::Statement *> query = m_statements->run(kBucketAt, bucket, seq);
                if (!query)
                    return query.error();
                return readEntries(**query);
            },
            exhausted);
        if (!read)
            return read.error();
        page.entries += *read;
        if (!exhausted) {
            page.next = BucketPosition{bucket, read->constLast().seq};
            return page;
        }
    }
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
    if (Result<Core::Statement *> query = m_statements->run(
            u"INSERT INTO sync_bucket_set (hash, buckets) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING"_s, hash,
            sortedBuckets.join(u'\n'));
        !query) {
        return query.error();
    }
    return hash;
}

Result<std::optional<QStringList>> FeedStore::bucketSet(const QString &hash) const
{
    Result<Core::Statement *> query = m_statements->run(u"SELECT buckets FROM sync_bucket_set WHERE hash = ?"_s, hash);
    if (!query)
        return query.error();
    if (!(*query)->next())
        return std::optional<QStringList>();
    const QString text = (*query)->value(0).toString();
    (*query)->finish();
    return std::optional<QStringList>(text.isEmpty() ? QStringList() : text.split(u'\n'));
}

Result<qint64> FeedStore::prunedThrough() const
{
    Result<FeedCounter> read = counter();
    if (!read)
        return read.error();
    return read->prunedThrough;
}

Status FeedStore::pruneRemovals(qint64 seq)
{
    Result<qint64> top = head();
    if (!top)
        return top.error();
    seq = qMin(seq, *top);
    QSqlQuery query(database());
    if (!execPrepared(query, u"DELETE FROM row_bucket WHERE removed = 1 AND seq <= ?"_s, seq))
        return databaseError(query);
    if (!execPrepared(query, u"UPDATE sync_counter SET pruned_through = ? WHERE id = 1 AND pruned_through < ?"_s, seq,
                      seq)) {
        return databaseError(query);
    }
    return {};
}

} // namespace Cartable::Server
