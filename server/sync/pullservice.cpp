#include "pullservice.h"

#include "core/domain/catalog.h"
#include "core/domain/record.h"
#include "core/policy/readscope.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

constexpr char16_t kTokenPrefix[] = u"c2.";
constexpr char16_t kFirstTokenPrefix[] = u"c1.";
// Rows are read by id, this many a statement.
constexpr qsizetype kIdsPerRead = 50;
// Bucket sets kept in memory, by hash.
constexpr qsizetype kKeptSets = 4096;

QStringList sortedDifference(const QStringList &from, const QStringList &without)
{
    const QSet<QString> excluded(without.cbegin(), without.cend());
    QStringList result;
    for (const QString &item : from) {
        if (!excluded.contains(item))
            result.append(item);
    }
    result.sort();
    return result;
}

QStringList sortedUnion(const QStringList &a, const QStringList &b)
{
    QStringList result = a + b;
    result.sort();
    result.removeDuplicates();
    return result;
}

Result<int> readLimit(const QJsonObject &body)
{
    const QJsonValue limit = body.value(u"limit"_s);
    if (limit.isUndefined() || limit.isNull())
        return PullService::kDefaultLimit;
    const double number = limit.toDouble();
    if (!limit.isDouble() || number != double(qint64(number)) || number < 1 || number > PullService::kMaxLimit)
        return Error{ErrorCode::InvalidField, u"pull.limit"_s};
    return int(number);
}

// SELECT version, id, fields… of kIdsPerRead rows of an entity by id.
const QString &rowsById(const Core::EntityDef &entity)
{
    static const QHash<QString, QString> made = [] {
        QHash<QString, QString> statements;
        for (const Core::EntityDef &each : Core::entityCatalog()) {
            statements.insert(each.type,
                              u"SELECT s.version, %1 FROM %2 t JOIN row_state s ON s.entity = ? AND s.row_id = t.id "
                              "WHERE t.id IN (%3)"_s.arg(Core::selectColumns(each, u"t"_s), each.type,
                                                         Core::bindMarks(kIdsPerRead)));
        }
        return statements;
    }();
    return *made.constFind(entity.type);
}

} // namespace

QString SyncCursor::toToken() const
{
    QJsonObject object{{u"s"_s, settledThrough}, {u"k"_s, settledSet}};
    if (!catchingUpSet.isEmpty()) {
        object.insert(u"a"_s, catchingUpSet);
        object.insert(u"c"_s, catchUp.seq);
        if (!catchUp.bucket.isEmpty())
            object.insert(u"b"_s, catchUp.bucket);
    }
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return QString::fromUtf16(kTokenPrefix)
           + QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<SyncCursor> SyncCursor::fromToken(const QString &token)
{
    const Error invalid{ErrorCode::InvalidField, u"pull.cursor"_s};
    static const QRegularExpression shape(u"^c[12]\\.[A-Za-z0-9_-]{1,400}$"_s);
    if (!shape.match(token).hasMatch())
        return invalid;
    const bool first = token.startsWith(QString::fromUtf16(kFirstTokenPrefix));
    const QByteArray::FromBase64Result decoded
        = QByteArray::fromBase64Encoding(token.mid(3).toLatin1(),
                                         QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    if (!document.isObject())
        return invalid;
    const QJsonObject object = document.object();
    static const QRegularExpression hash(u"^[0-9a-f]{32}$"_s);
    static const QRegularExpression bucket(u"^[a-z_]{1,32}:[0-9a-f-]{36}$"_s);
    const QStringList keys = first ? QStringList{u"s"_s, u"k"_s, u"a"_s, u"c"_s}
                                   : QStringList{u"s"_s, u"k"_s, u"a"_s, u"c"_s, u"b"_s};
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!keys.contains(it.key()))
            return invalid;
    }
    const auto whole = [](const QJsonValue &value) {
        return value.isDouble() && value.toDouble() >= 0 && value.toDouble() == double(value.toInteger());
    };
    SyncCursor cursor;
    if (!whole(object.value(u"s"_s)) || !hash.match(object.value(u"k"_s).toString()).hasMatch())
        return invalid;
    cursor.settledThrough = object.value(u"s"_s).toInteger();
    cursor.settledSet = object.value(u"k"_s).toString();
    if (object.contains(u"a"_s) || object.contains(u"c"_s) || object.contains(u"b"_s)) {
        if (!hash.match(object.value(u"a"_s).toString()).hasMatch() || !whole(object.value(u"c"_s)))
            return invalid;
        if (object.contains(u"b"_s) && !bucket.match(object.value(u"b"_s).toString()).hasMatch())
            return invalid;
        cursor.catchingUpSet = object.value(u"a"_s).toString();
        // The first form counted the catch-up across buckets: it starts
        // again rather than skip anything.
        if (!first) {
            cursor.catchUp = BucketPosition{object.value(u"b"_s).toString(), object.value(u"c"_s).toInteger()};
            if (cursor.catchUp.seq > cursor.settledThrough)
                return invalid;
        }
    }
    return cursor;
}

AccountScope AccountScope::of(const Core::ActorFacts &facts)
{
    AccountScope scope;
    scope.facts = facts;
    scope.readable = Core::readableBuckets(facts);
    scope.readable.sort();
    scope.readable.removeDuplicates();
    scope.readableHash = FeedStore::bucketSetHash(scope.readable);
    return scope;
}

PullService::PullService(QSqlDatabase db) : m_statements(std::move(db)), m_feed(m_statements) {}

PullService::~PullService() = default;

void PullService::remember(const QString &hash, const QStringList &sorted)
{
    if (m_sets.size() >= kKeptSets)
        m_sets.clear();
    m_sets.insert(hash,
                  std::make_shared<const BucketSet>(BucketSet{sorted, QSet<QString>(sorted.cbegin(), sorted.cend())}));
}

Result<std::shared_ptr<const PullService::BucketSet>> PullService::knownSet(const QString &hash)
{
    if (const auto kept = m_sets.constFind(hash); kept != m_sets.constEnd())
        return *kept;
    const Result<std::optional<QStringList>> stored = m_feed.bucketSet(hash);
    if (!stored)
        return stored.error();
    if (!*stored)
        return std::shared_ptr<const BucketSet>();
    remember(hash, **stored);
    return m_sets.value(hash);
}

Result<QString> PullService::storeSet(const QStringList &sorted)
{
    const QString hash = FeedStore::bucketSetHash(sorted);
    if (m_sets.contains(hash))
        return hash;
    const Result<QString> stored = m_feed.storeBucketSet(sorted);
    if (!stored)
        return stored;
    remember(hash, sorted);
    return hash;
}

Result<QJsonObject> PullService::pull(const Core::ActorFacts &actor, const QJsonObject &body)
{
    const Result<Core::PullPage> answer = page(AccountScope::of(actor), body);
    if (!answer)
        return answer.error();
    return Core::pullPageToJson(*answer);
}

Result<Core::PullPage> PullService::page(const AccountScope &scope, const QJsonObject &body,
                                         std::optional<FeedCounter> counter)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != u"cursor"_s && it.key() != u"limit"_s && it.key() != u"reset"_s)
            return Error{ErrorCode::UnknownField, u"pull."_s + it.key()};
    }
    const QJsonValue resetAsked = body.value(u"reset"_s);
    if (!resetAsked.isUndefined() && !resetAsked.isBool())
        return Error{ErrorCode::InvalidField, u"pull.reset"_s};
    const Result<int> limit = readLimit(body);
    if (!limit)
        return limit.error();
    const QJsonValue token = body.value(u"cursor"_s);
    if (!token.isUndefined() && !token.isNull() && !token.isString())
        return Error{ErrorCode::InvalidField, u"pull.cursor"_s};
    if (!counter) {
        const Result<FeedCounter> read = m_feed.counter();
        if (!read)
            return read.error();
        counter = *read;
    }
    const qint64 head = counter->head;

    Core::PullPage page;
    SyncCursor cursor;
    QStringList settled;
    QStringList catchingUp;
    std::shared_ptr<const BucketSet> settledSet;
    if (token.isString()) {
        Result<SyncCursor> parsed = SyncCursor::fromToken(token.toString());
        if (!parsed)
            return parsed.error();
        cursor = *parsed;
        const Result<std::shared_ptr<const BucketSet>> known = knownSet(cursor.settledSet);
        if (!known)
            return known.error();
        std::shared_ptr<const BucketSet> pending;
        if (!cursor.catchingUpSet.isEmpty()) {
            const Result<std::shared_ptr<const BucketSet>> stored = knownSet(cursor.catchingUpSet);
            if (!stored)
                return stored.error();
            pending = *stored;
        }
        // A set the server never stored, a cursor from the future, or one
        // older than the kept removals: start again.
        page.reset = !*known || (!cursor.catchingUpSet.isEmpty() && !pending) || cursor.settledThrough > head
                     || cursor.settledThrough < qMin(counter->prunedThrough, head);
        if (!page.reset) {
            settledSet = *known;
            settled = settledSet->sorted;
            catchingUp = pending ? pending->sorted : QStringList();
        }
    }
    // The client asks to start again (it saw a row it had go unreadable).
    if (resetAsked.toBool() && token.isString()) {
        page.reset = true;
        settledSet.reset();
        settled.clear();
        catchingUp.clear();
    }
    if (page.reset || !token.isString())
        cursor = SyncCursor();

    // Most pulls: the same buckets as last time, all settled.
    const bool unchanged = settledSet && cursor.settledSet == scope.readableHash && catchingUp.isEmpty();
    if (!unchanged) {
        // Buckets lost since the last page: the client deletes what only
        // they held.
        page.drop = sortedUnion(sortedDifference(settled, scope.readable),
                                sortedDifference(catchingUp, scope.readable));
        settled = sortedDifference(settled, page.drop);
        // Buckets gained: sent whole. A new one restarts the catch-up.
        const QStringList wanted = sortedDifference(scope.readable, settled);
        if (wanted != catchingUp) {
            if (!sortedDifference(wanted, catchingUp).isEmpty())
                cursor.catchUp = BucketPosition();
            catchingUp = wanted;
        }
        // Nothing settled yet: take everything as it is now, without
        // tombstones.
        if (settled.isEmpty() && !catchingUp.isEmpty() && cursor.catchUp.atStart())
            cursor.settledThrough = head;
    }

    QList<FeedEntry> entries;
    if (!catchingUp.isEmpty()) {
        Result<CatchUpPage> caught = m_feed.bucketEntries(catchingUp, cursor.catchUp, cursor.settledThrough, *limit);
        if (!caught)
            return caught.error();
        entries = std::move(caught->entries);
        if (!caught->next) {
            settled = sortedUnion(settled, catchingUp);
            catchingUp.clear();
            cursor.catchUp = BucketPosition();
        } else {
            cursor.catchUp = *caught->next;
        }
        page.more = true;
    } else if (cursor.settledThrough < head) {
        if (!settledSet || !unchanged) {
            const QSet<QString> members(settled.cbegin(), settled.cend());
            settledSet = std::make_shared<const BucketSet>(BucketSet{settled, members});
        }
        Result<FeedPage> found = m_feed.changes(settledSet->members, cursor.settledThrough, head, *limit);
        if (!found)
            return found.error();
        entries = std::move(found->entries);
        cursor.settledThrough = found->complete ? head : entries.constLast().seq;
        page.more = !found->complete;
    }

    Result<QString> settledHash = unchanged ? Result<QString>(scope.readableHash) : storeSet(settled);
    if (!settledHash)
        return settledHash.error();
    cursor.settledSet = *settledHash;
    cursor.catchingUpSet.clear();
    if (!catchingUp.isEmpty()) {
        Result<QString> pendingHash = storeSet(catchingUp);
        if (!pendingHash)
            return pendingHash.error();
        cursor.catchingUpSet = *pendingHash;
    }

    page.changes.reserve(entries.size());
    for (const FeedEntry &entry : std::as_const(entries))
        page.changes.append(Core::PageChange{entry.bucket, entry.type, entry.id, entry.seq, entry.removed});
    if (Status fetched = fetchRows(entries, page); !fetched)
        return fetched.error();
    page.cursor = cursor.toToken();
    page.head = head;
    return page;
}

Status PullService::fetchRows(const QList<FeedEntry> &entries, Core::PullPage &page)
{
    // The ids each type puts, each once, in the order of the feed.
    QList<std::pair<const Core::EntityDef *, QStringList>> wanted;
    QSet<QString> seen;
    for (const FeedEntry &entry : entries) {
        if (entry.removed)
            continue;
        const Core::EntityDef *entity = Core::findEntity(entry.type);
        if (!entity || seen.contains(entry.type + u'/' + entry.id))
            continue;
        seen.insert(entry.type + u'/' + entry.id);
        auto found = std::find_if(wanted.begin(), wanted.end(),
                                  [entity](const auto &each) { return each.first == entity; });
        if (found == wanted.end()) {
            wanted.append(std::pair{entity, QStringList()});
            found = wanted.end() - 1;
        }
        found->second.append(entry.id);
    }
    for (const auto &[entity, ids] : std::as_const(wanted)) {
        Core::PageRows &rows = page.rowsOf(*entity);
        const qsizetype width = entity->fields.size();
        for (qsizetype start = 0; start < ids.size(); start += kIdsPerRead) {
            Result<Core::Statement *> prepared = m_statements.statement(rowsById(*entity));
            if (!prepared)
                return prepared.error();
            Core::Statement &query = **prepared;
            query.bindValue(0, entity->type);
            // The last read repeats its last id: one statement serves all.
            for (qsizetype i = 0; i < kIdsPerRead; ++i)
                query.bindValue(int(i) + 1, ids.at(qMin(start + i, ids.size() - 1)));
            if (!query.exec())
                return Core::databaseError(query);
            // A row deleted since is not there: its removal comes in a
            // later page.
            while (query.next()) {
                rows.versions.append(query.value(0).toLongLong());
                rows.ids.append(query.value(1).toString());
                for (qsizetype i = 0; i < width; ++i)
                    rows.cells.append(Core::fieldFromSql(entity->fields.at(i), query.value(int(i) + 2)));
            }
        }
    }
    // Types with no row left (all deleted since) take no room.
    page.tables.removeIf([](const Core::PageRows &rows) { return rows.count() == 0; });
    return {};
}

} // namespace Cartable::Server
