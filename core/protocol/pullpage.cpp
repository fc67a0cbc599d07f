#include "pullpage.h"

#include "core/domain/catalog.h"
#include "core/ids.h"

#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QHash>
#include <QJsonArray>

#include <limits>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

Error badPage(const QString &where)
{
    return Error{ErrorCode::InvalidServerResponse, u"pull."_s + where};
}

// A whole row: every field checked on its own already, then the rules
// across fields.
Status checkRow(const EntityDef &entity, const PageRows &rows, qsizetype row)
{
    if (!isValidId(rows.ids.at(row)) || rows.versions.at(row) < 0)
        return Status(ErrorCode::InvalidFormat, entity.type + u".id"_s);
    if (entity.constraints.isEmpty())
        return {};
    return checkConstraints(entity, rows.record(row));
}

// --- CBOR --------------------------------------------------------------------

// Top-level keys and the layout of runs and tables (docs/PROTOCOL.md).
const QString kReset = u"reset"_s;
const QString kDrop = u"drop"_s;
const QString kMembers = u"members"_s;
const QString kTables = u"tables"_s;
const QString kCursor = u"cursor"_s;
const QString kMore = u"more"_s;
const QString kHead = u"head"_s;

void writeCell(QCborStreamWriter &out, const FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull()) {
        out.append(nullptr);
        return;
    }
    switch (field.type) {
    case FieldType::Ref:
    case FieldType::Text:
    case FieldType::Enum:
    case FieldType::Date:
        out.append(value.toString());
        return;
    case FieldType::Integer:
    case FieldType::Timestamp:
    case FieldType::Hundredths:
        out.append(value.toLongLong());
        return;
    case FieldType::Boolean:
        out.append(value.toBool());
        return;
    }
    out.append(nullptr);
}

// QCborStreamReader with a sticky failure: every read after the first
// mismatch returns an empty value, and ok() tells.
class CborIn
{
public:
    explicit CborIn(const QByteArray &bytes) : m_reader(bytes) {}

    bool ok() { return m_ok && m_reader.lastError() == QCborError::NoError; }
    bool fail()
    {
        m_ok = false;
        return false;
    }
    bool atEnd() { return ok() && !m_reader.hasNext(); }

    bool enterArray(qsizetype *length = nullptr)
    {
        if (!ok() || !m_reader.isArray())
            return fail();
        if (length)
            *length = m_reader.isLengthKnown() ? qsizetype(m_reader.length()) : -1;
        return m_reader.enterContainer() || fail();
    }
    bool enterMap()
    {
        if (!ok() || !m_reader.isMap())
            return fail();
        return m_reader.enterContainer() || fail();
    }
    bool hasNext() { return ok() && m_reader.hasNext(); }
    bool leave() { return (ok() && m_reader.leaveContainer()) || fail(); }

    QString text()
    {
        if (!ok() || !m_reader.isString()) {
            fail();
            return {};
        }
        QString text;
        auto chunk = m_reader.readString();
        while (chunk.status == QCborStreamReader::Ok) {
            text += chunk.data;
            chunk = m_reader.readString();
        }
        if (chunk.status == QCborStreamReader::Error)
            fail();
        return text;
    }
    std::optional<qint64> integer()
    {
        if (!ok() || !m_reader.isInteger()) {
            fail();
            return std::nullopt;
        }
        if (m_reader.isUnsignedInteger()
            && m_reader.toUnsignedInteger() > quint64(std::numeric_limits<qint64>::max())) {
            fail();
            return std::nullopt;
        }
        if (m_reader.isNegativeInteger()
            && quint64(m_reader.toNegativeInteger()) > quint64(std::numeric_limits<qint64>::max())) {
            fail();
            return std::nullopt;
        }
        const qint64 value = m_reader.toInteger();
        m_reader.next();
        return value;
    }
    std::optional<bool> boolean()
    {
        if (!ok() || !m_reader.isBool()) {
            fail();
            return std::nullopt;
        }
        const bool value = m_reader.toBool();
        m_reader.next();
        return value;
    }
    // Consumes a null (or undefined) if one is next.
    bool takeNull()
    {
        if (!ok() || !(m_reader.isNull() || m_reader.isUndefined()))
            return false;
        m_reader.next();
        return true;
    }
    bool isString() { return ok() && m_reader.isString(); }
    bool isInteger() { return ok() && m_reader.isInteger(); }
    bool isBool() { return ok() && m_reader.isBool(); }
    void skip()
    {
        if (ok() && !m_reader.next())
            fail();
    }

private:
    QCborStreamReader m_reader;
    bool m_ok = true;
};

// One cell as the compact encoding carries it, checked against its field.
Result<QVariant> readCell(CborIn &in, const EntityDef &entity, const FieldDef &field)
{
    QVariant value;
    if (in.takeNull()) {
        // Unset.
    } else if (field.type == FieldType::Boolean) {
        const std::optional<bool> flag = in.boolean();
        if (!flag)
            return Error{ErrorCode::InvalidField, entity.type + u'.' + field.name};
        value = *flag;
    } else if (field.type == FieldType::Integer || field.type == FieldType::Timestamp
               || field.type == FieldType::Hundredths) {
        const std::optional<qint64> number = in.integer();
        if (!number)
            return Error{ErrorCode::InvalidField, entity.type + u'.' + field.name};
        value = *number;
    } else {
        if (!in.isString())
            return Error{ErrorCode::InvalidField, entity.type + u'.' + field.name};
        value = in.text();
    }
    if (Status status = validateField(entity, field, value); !status)
        return status.error();
    return value;
}

Status readTable(CborIn &in, PullPage &page)
{
    if (!in.enterArray())
        return Status(badPage(u"tables"_s));
    const EntityDef *entity = findEntity(in.text());
    if (!entity)
        return Status(badPage(u"tables.type"_s));
    // Which field each column is; fields without a column take their
    // default, as in a JSON row.
    QList<qsizetype> fieldOfColumn;
    QList<bool> sent(entity->fields.size(), false);
    if (!in.enterArray())
        return Status(badPage(u"tables.columns"_s));
    while (in.hasNext()) {
        const QString name = in.text();
        qsizetype index = -1;
        for (qsizetype i = 0; i < entity->fields.size(); ++i) {
            if (entity->fields.at(i).name == name)
                index = i;
        }
        if (index < 0 || sent.at(index))
            return Status(badPage(u"tables.columns"_s));
        sent[index] = true;
        fieldOfColumn.append(index);
    }
    if (!in.leave())
        return Status(badPage(u"tables.columns"_s));

    PageRows &rows = page.rowsOf(*entity);
    const qsizetype width = entity->fields.size();
    if (!in.enterArray())
        return Status(badPage(u"tables.rows"_s));
    while (in.hasNext()) {
        qsizetype length = 0;
        if (!in.enterArray(&length) || (length >= 0 && length != fieldOfColumn.size() + 2))
            return Status(badPage(u"tables.rows"_s));
        const std::optional<qint64> version = in.integer();
        const QString id = in.text();
        if (!version || !in.ok())
            return Status(badPage(u"tables.rows"_s));
        const qsizetype first = rows.cells.size();
        rows.cells.resize(first + width);
        for (qsizetype i = 0; i < width; ++i) {
            if (!sent.at(i))
                rows.cells[first + i] = entity->fields.at(i).defaultValue;
        }
        for (const qsizetype index : std::as_const(fieldOfColumn)) {
            Result<QVariant> value = readCell(in, *entity, entity->fields.at(index));
            if (!value)
                return Status(badPage(u"tables.rows"_s));
            rows.cells[first + index] = std::move(value).value();
        }
        if (!in.leave())
            return Status(badPage(u"tables.rows"_s));
        rows.ids.append(id);
        rows.versions.append(*version);
        for (qsizetype i = 0; i < width; ++i) {
            if (!sent.at(i) && entity->fields.at(i).required && !rows.cells.at(first + i).isValid())
                return Status(badPage(u"tables.rows"_s));
        }
        if (Status status = checkRow(*entity, rows, rows.count() - 1); !status)
            return Status(badPage(u"tables.rows"_s));
    }
    if (!in.leave() || !in.leave())
        return Status(badPage(u"tables"_s));
    return {};
}

Status readMembers(CborIn &in, PullPage &page)
{
    if (!in.enterArray())
        return Status(badPage(u"members"_s));
    while (in.hasNext()) {
        if (!in.enterArray())
            return Status(badPage(u"members"_s));
        const QString bucket = in.text();
        const QString type = in.text();
        const std::optional<bool> removed = in.boolean();
        if (!in.ok() || bucket.isEmpty() || !removed || !findEntity(type) || !in.enterArray())
            return Status(badPage(u"members"_s));
        while (in.hasNext()) {
            const QString id = in.text();
            if (!in.ok() || !isValidId(id))
                return Status(badPage(u"members"_s));
            page.changes.append(PageChange{bucket, type, id, 0, *removed});
        }
        if (!in.leave() || !in.leave())
            return Status(badPage(u"members"_s));
    }
    if (!in.leave())
        return Status(badPage(u"members"_s));
    return {};
}

// --- JSON --------------------------------------------------------------------

Status readJsonRows(const QJsonArray &list, PullPage &page)
{
    for (const QJsonValue &value : list) {
        const QJsonObject entry = value.toObject();
        const QJsonValue version = entry.value(u"version"_s);
        Result<Record> row = recordFromJson(entry.value(u"row"_s).toObject());
        if (!row || !version.isDouble() || version.toDouble() != double(version.toInteger()))
            return Status(badPage(u"rows"_s));
        page.rowsOf(*findEntity(row->type())).append(*row, version.toInteger());
    }
    return {};
}

} // namespace

Record PageRows::record(qsizetype row) const
{
    Record made(entity->type, ids.at(row));
    const qsizetype width = entity->fields.size();
    for (qsizetype i = 0; i < width; ++i)
        made.set(entity->fields.at(i).name, cells.at(row * width + i));
    return made;
}

void PageRows::append(const Record &record, qint64 version)
{
    ids.append(record.id());
    versions.append(version);
    for (const FieldDef &field : entity->fields)
        cells.append(record.value(field.name));
}

qsizetype PullPage::rowCount() const
{
    qsizetype count = 0;
    for (const PageRows &rows : tables)
        count += rows.count();
    return count;
}

PageRows &PullPage::rowsOf(const EntityDef &entity)
{
    for (PageRows &rows : tables) {
        if (rows.entity == &entity)
            return rows;
    }
    tables.append(PageRows{&entity, {}, {}, {}});
    return tables.last();
}

QJsonObject pullPageToJson(const PullPage &page)
{
    QJsonArray changes;
    for (const PageChange &change : page.changes) {
        changes.append(QJsonObject{{u"bucket"_s, change.bucket},
                                   {u"type"_s, change.type},
                                   {u"id"_s, change.id},
                                   {u"seq"_s, change.seq},
                                   {u"op"_s, change.removed ? u"remove"_s : u"put"_s}});
    }
    QJsonArray rows;
    for (const PageRows &table : page.tables) {
        for (qsizetype row = 0; row < table.count(); ++row) {
            rows.append(QJsonObject{{u"version"_s, table.versions.at(row)},
                                    {u"row"_s, recordToJson(*table.entity, table.record(row))}});
        }
    }
    return QJsonObject{{u"reset"_s, page.reset},   {u"drop"_s, QJsonArray::fromStringList(page.drop)},
                       {u"changes"_s, changes},    {u"rows"_s, rows},
                       {u"cursor"_s, page.cursor}, {u"more"_s, page.more},
                       {u"head"_s, page.head}};
}

Result<PullPage> pullPageFromJson(const QJsonObject &object)
{
    for (const QString &key : {u"drop"_s, u"changes"_s, u"rows"_s}) {
        if (!object.value(key).isArray())
            return badPage(key);
    }
    if (!object.value(u"cursor"_s).isString())
        return badPage(u"cursor"_s);
    PullPage page;
    page.reset = object.value(u"reset"_s).toBool();
    page.more = object.value(u"more"_s).toBool();
    page.head = object.value(u"head"_s).toInteger();
    page.cursor = object.value(u"cursor"_s).toString();
    for (const QJsonValue &bucket : object.value(u"drop"_s).toArray()) {
        if (!bucket.isString() || bucket.toString().isEmpty())
            return badPage(u"drop"_s);
        page.drop.append(bucket.toString());
    }
    const QString put = u"put"_s;
    const QString remove = u"remove"_s;
    for (const QJsonValue &value : object.value(u"changes"_s).toArray()) {
        const QJsonObject change = value.toObject();
        PageChange read{change.value(u"bucket"_s).toString(), change.value(u"type"_s).toString(),
                        change.value(u"id"_s).toString(), change.value(u"seq"_s).toInteger(), false};
        const QString op = change.value(u"op"_s).toString();
        if (read.bucket.isEmpty() || !findEntity(read.type) || !isValidId(read.id) || (op != put && op != remove))
            return badPage(u"changes"_s);
        read.removed = op == remove;
        page.changes.append(read);
    }
    if (Status status = readJsonRows(object.value(u"rows"_s).toArray(), page); !status)
        return status.error();
    return page;
}

QByteArray pullPageToCbor(const PullPage &page)
{
    QByteArray bytes;
    bytes.reserve(64 + page.rowCount() * 160);
    QCborStreamWriter out(&bytes);
    out.startMap(7);
    out.append(kReset);
    out.append(page.reset);
    out.append(kDrop);
    out.startArray(quint64(page.drop.size()));
    for (const QString &bucket : page.drop)
        out.append(bucket);
    out.endArray();

    // Runs of changes that share a bucket, a type and an operation.
    out.append(kMembers);
    out.startArray();
    for (qsizetype start = 0; start < page.changes.size();) {
        const PageChange &first = page.changes.at(start);
        qsizetype end = start + 1;
        while (end < page.changes.size() && page.changes.at(end).bucket == first.bucket
               && page.changes.at(end).type == first.type && page.changes.at(end).removed == first.removed) {
            ++end;
        }
        out.startArray(4);
        out.append(first.bucket);
        out.append(first.type);
        out.append(first.removed);
        out.startArray(quint64(end - start));
        for (qsizetype i = start; i < end; ++i)
            out.append(page.changes.at(i).id);
        out.endArray();
        out.endArray();
        start = end;
    }
    out.endArray();

    out.append(kTables);
    out.startArray(quint64(page.tables.size()));
    for (const PageRows &table : page.tables) {
        const EntityDef &entity = *table.entity;
        const qsizetype width = entity.fields.size();
        out.startArray(3);
        out.append(entity.type);
        out.startArray(quint64(width));
        for (const FieldDef &field : entity.fields)
            out.append(field.name);
        out.endArray();
        out.startArray(quint64(table.count()));
        for (qsizetype row = 0; row < table.count(); ++row) {
            out.startArray(quint64(width + 2));
            out.append(table.versions.at(row));
            out.append(table.ids.at(row));
            for (qsizetype i = 0; i < width; ++i)
                writeCell(out, entity.fields.at(i), table.cells.at(row * width + i));
            out.endArray();
        }
        out.endArray();
        out.endArray();
    }
    out.endArray();

    out.append(kCursor);
    out.append(page.cursor);
    out.append(kMore);
    out.append(page.more);
    out.append(kHead);
    out.append(page.head);
    out.endMap();
    return bytes;
}

Result<PullPage> pullPageFromCbor(const QByteArray &bytes)
{
    CborIn in(bytes);
    PullPage page;
    bool sawCursor = false;
    if (!in.enterMap())
        return badPage(u"page"_s);
    while (in.hasNext()) {
        const QString key = in.text();
        if (!in.ok())
            return badPage(u"page"_s);
        if (key == kReset || key == kMore) {
            const std::optional<bool> flag = in.boolean();
            if (!flag)
                return badPage(key);
            (key == kReset ? page.reset : page.more) = *flag;
        } else if (key == kHead) {
            const std::optional<qint64> head = in.integer();
            if (!head)
                return badPage(key);
            page.head = *head;
        } else if (key == kCursor) {
            page.cursor = in.text();
            sawCursor = in.ok();
        } else if (key == kDrop) {
            if (!in.enterArray())
                return badPage(key);
            while (in.hasNext()) {
                const QString bucket = in.text();
                if (!in.ok() || bucket.isEmpty())
                    return badPage(key);
                page.drop.append(bucket);
            }
            if (!in.leave())
                return badPage(key);
        } else if (key == kMembers) {
            if (Status status = readMembers(in, page); !status)
                return status.error();
        } else if (key == kTables) {
            if (!in.enterArray())
                return badPage(key);
            while (in.hasNext()) {
                if (Status status = readTable(in, page); !status)
                    return status.error();
            }
            if (!in.leave())
                return badPage(key);
        } else {
            // Added by a later server: not for this client.
            in.skip();
        }
    }
    if (!in.leave() || !sawCursor)
        return badPage(sawCursor ? u"page"_s : u"cursor"_s);
    return page;
}

} // namespace Cartable::Core
