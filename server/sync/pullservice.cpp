#include "pullservice.h"

#include "core/domain/catalog.h"
#include "core/domain/record.h"
#include "core/policy/readscope.h"
#include "core/sqlstatement.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

constexpr char16_t kTokenPrefix[] = u"c1.";

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

struct StoredRow
{
    qint64 version = 0;
    Core::Record row;
};

// The rows of one type with their versions, by id.
Result<QHash<QString, StoredRow>> fetchRows(const QSqlDatabase &db, const Core::EntityDef &entity,
                                            const QStringList &ids)
{
    QHash<QString, StoredRow> rows;
    constexpr qsizetype kChunk = 500;
    QStringList columns{u"t.id"_s, u"s.version"_s};
    for (const Core::FieldDef &field : entity.fields)
        columns.append(u"t."_s + field.name);
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QStringList chunk = ids.mid(start, kChunk);
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(
                u"SELECT %1 FROM %2 t JOIN row_state s ON s.entity = ? AND s.row_id = t.id "
                "WHERE t.id IN (%3)"_s.arg(columns.join(u", "_s), entity.type, Core::bindMarks(chunk.size())))) {
            return Core::databaseError(query);
        }
        query.addBindValue(entity.type);
        for (const QString &id : chunk)
            query.addBindValue(id);
        if (!query.exec())
            return Core::databaseError(query);
        while (query.next()) {
            StoredRow stored;
            stored.row = Core::Record(entity.type, query.value(0).toString());
            stored.version = query.value(1).toLongLong();
            for (qsizetype i = 0; i < entity.fields.size(); ++i) {
                const Core::FieldDef &field = entity.fields.at(i);
                stored.row.set(field.name, Core::fieldFromSql(field, query.value(int(i) + 2)));
            }
            rows.insert(stored.row.id(), stored);
        }
    }
    return rows;
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

} // namespace

QString SyncCursor::toToken() const
{
    QJsonObject object{{u"s"_s, settledThrough}, {u"k"_s, settledSet}};
    if (!catchingUpSet.isEmpty()) {
        object.insert(u"a"_s, catchingUpSet);
        object.insert(u"c"_s, catchUpAfter);
    }
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return QString::fromUtf16(kTokenPrefix)
           + QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<SyncCursor> SyncCursor::fromToken(const QString &token)
{
    const Error invalid{ErrorCode::InvalidField, u"pull.cursor"_s};
    static const QRegularExpression shape(u"^c1\\.[A-Za-z0-9_-]{1,400}$"_s);
    if (!shape.match(token).hasMatch())
        return invalid;
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
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!QStringList{u"s"_s, u"k"_s, u"a"_s, u"c"_s}.contains(it.key()))
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
    if (object.contains(u"a"_s) || object.contains(u"c"_s)) {
        if (!hash.match(object.value(u"a"_s).toString()).hasMatch() || !whole(object.value(u"c"_s)))
            return invalid;
        cursor.catchingUpSet = object.value(u"a"_s).toString();
        cursor.catchUpAfter = object.value(u"c"_s).toInteger();
        if (cursor.catchUpAfter > cursor.settledThrough)
            return invalid;
    }
    return cursor;
}

Result<QJsonObject> PullService::pull(const Core::ActorFacts &actor, const QJsonObject &body) const
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != u"cursor"_s && it.key() != u"limit"_s)
            return Error{ErrorCode::UnknownField, u"pull."_s + it.key()};
    }
    const Result<int> limit = readLimit(body);
    if (!limit)
        return limit.error();
    const QJsonValue token = body.value(u"cursor"_s);
    if (!token.isUndefined() && !token.isNull() && !token.isString())
        return Error{ErrorCode::InvalidField, u"pull.cursor"_s};

    FeedStore feed(m_db);
    const QStringList readable = Core::readableBuckets(actor);
    const Result<qint64> head = feed.head();
    if (!head)
        return head.error();

    bool reset = false;
    SyncCursor cursor;
    QStringList settled;
    QStringList catchingUp;
    if (token.isString()) {
        Result<SyncCursor> parsed = SyncCursor::fromToken(token.toString());
        if (!parsed)
            return parsed.error();
        cursor = *parsed;
        const Result<std::optional<QStringList>> known = feed.bucketSet(cursor.settledSet);
        if (!known)
            return known.error();
        std::optional<QStringList> pending;
        if (!cursor.catchingUpSet.isEmpty()) {
            const Result<std::optional<QStringList>> stored = feed.bucketSet(cursor.catchingUpSet);
            if (!stored)
                return stored.error();
            pending = *stored;
        }
        const Result<qint64> pruned = feed.prunedThrough();
        if (!pruned)
            return pruned.error();
        // A set the server never stored, a cursor from the future, or one
        // older than the kept removals: start again.
        reset = !*known || (!cursor.catchingUpSet.isEmpty() && !pending) || cursor.settledThrough > *head
                || cursor.settledThrough < qMin(*pruned, *head);
        if (!reset) {
            settled = **known;
            catchingUp = pending.value_or(QStringList());
        }
    }
    if (reset || !token.isString())
        cursor = SyncCursor();

    // Buckets lost since the last page: the client deletes what only they held.
    const QStringList dropped = sortedUnion(sortedDifference(settled, readable),
                                            sortedDifference(catchingUp, readable));
    settled = sortedDifference(settled, dropped);
    // Buckets gained: sent whole. A new one restarts the catch-up.
    const QStringList wanted = sortedDifference(readable, settled);
    if (wanted != catchingUp) {
        if (!sortedDifference(wanted, catchingUp).isEmpty())
            cursor.catchUpAfter = 0;
        catchingUp = wanted;
    }
    // Nothing settled yet: take everything as it is now, without tombstones.
    if (settled.isEmpty() && !catchingUp.isEmpty() && cursor.catchUpAfter == 0)
        cursor.settledThrough = *head;

    FeedPage page;
    bool more = false;
    if (!catchingUp.isEmpty()) {
        Result<FeedPage> entries = feed.entries(catchingUp, cursor.catchUpAfter, cursor.settledThrough, *limit, true);
        if (!entries)
            return entries.error();
        page = *entries;
        if (page.complete) {
            settled = sortedUnion(settled, catchingUp);
            catchingUp.clear();
            cursor.catchUpAfter = 0;
        } else {
            cursor.catchUpAfter = page.entries.constLast().seq;
        }
        more = true;
    } else {
        Result<FeedPage> entries = feed.entries(settled, cursor.settledThrough, *head, *limit, false);
        if (!entries)
            return entries.error();
        page = *entries;
        cursor.settledThrough = page.complete ? *head : page.entries.constLast().seq;
        more = !page.complete;
    }

    Result<QString> settledHash = feed.storeBucketSet(settled);
    if (!settledHash)
        return settledHash.error();
    cursor.settledSet = *settledHash;
    cursor.catchingUpSet.clear();
    if (!catchingUp.isEmpty()) {
        Result<QString> pendingHash = feed.storeBucketSet(catchingUp);
        if (!pendingHash)
            return pendingHash.error();
        cursor.catchingUpSet = *pendingHash;
    }

    // The rows the page puts, each once, as they are now.
    QHash<QString, QStringList> idsByType;
    for (const FeedEntry &entry : std::as_const(page.entries)) {
        if (!entry.removed)
            idsByType[entry.type].append(entry.id);
    }
    QHash<QString, QHash<QString, StoredRow>> rows;
    for (auto it = idsByType.begin(); it != idsByType.end(); ++it) {
        const Core::EntityDef *entity = Core::findEntity(it.key());
        if (!entity)
            continue;
        it.value().removeDuplicates();
        Result<QHash<QString, StoredRow>> fetched = fetchRows(m_db, *entity, it.value());
        if (!fetched)
            return fetched.error();
        rows.insert(it.key(), *fetched);
    }

    QJsonArray changes;
    QJsonArray rowList;
    QSet<QString> sent;
    for (const FeedEntry &entry : std::as_const(page.entries)) {
        if (!entry.removed) {
            const auto found = rows.value(entry.type).constFind(entry.id);
            // Deleted since: its removal comes in a later page.
            if (found == rows.value(entry.type).constEnd())
                continue;
            const QString key = entry.type + u'/' + entry.id;
            if (!sent.contains(key)) {
                sent.insert(key);
                rowList.append(QJsonObject{{u"version"_s, found->version},
                                           {u"row"_s, Core::recordToJson(*Core::findEntity(entry.type), found->row)}});
            }
        }
        changes.append(QJsonObject{{u"bucket"_s, entry.bucket},
                                   {u"type"_s, entry.type},
                                   {u"id"_s, entry.id},
                                   {u"seq"_s, entry.seq},
                                   {u"op"_s, entry.removed ? u"remove"_s : u"put"_s}});
    }
    return QJsonObject{{u"reset"_s, reset},
                       {u"drop"_s, QJsonArray::fromStringList(dropped)},
                       {u"changes"_s, changes},
                       {u"rows"_s, rowList},
                       {u"cursor"_s, cursor.toToken()},
                       {u"more"_s, more},
                       {u"head"_s, *head}};
}

} // namespace Cartable::Server
