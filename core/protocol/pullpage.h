#pragma once

#include "core/domain/entitydef.h"
#include "core/domain/record.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Cartable::Core {

// One row entering or leaving one bucket at a point of the feed.
struct PageChange
{
    QString bucket;
    QString type;
    QString id;
    qint64 seq = 0; // not sent in the compact encoding: clients do not need it
    bool removed = false;

    friend bool operator==(const PageChange &, const PageChange &) = default;
};

// The rows of one entity in a page, row after row, each as its id, its
// server version and its fields' values in catalogue order, in their
// canonical form (see FieldType: an invalid QVariant is an unset field).
struct PageRows
{
    const EntityDef *entity = nullptr;
    QStringList ids;
    QList<qint64> versions;
    QVariantList cells; // entity->fields.size() a row

    qsizetype count() const { return ids.size(); }
    const QVariant &cell(qsizetype row, qsizetype field) const { return cells.at(row * entity->fields.size() + field); }
    Record record(qsizetype row) const;
    void append(const Record &record, qint64 version);

    friend bool operator==(const PageRows &a, const PageRows &b)
    {
        return a.entity == b.entity && a.ids == b.ids && a.versions == b.versions && a.cells == b.cells;
    }
};

// One answer of POST /api/v1/sync/pull (docs/PROTOCOL.md): a reset, the
// buckets to drop, membership changes, the rows they put (each once, as it
// is now), the cursor to send next, and whether more waits.
struct PullPage
{
    bool reset = false;
    QStringList drop;
    QList<PageChange> changes;
    QList<PageRows> tables;
    QString cursor;
    bool more = false;
    qint64 head = 0;

    qsizetype rowCount() const;
    // The rows of `entity`, added at the end if the page has none yet.
    PageRows &rowsOf(const EntityDef &entity);

    friend bool operator==(const PullPage &, const PullPage &) = default;
};

// The media type of the compact encoding.
inline constexpr char kPullPageCborType[] = "application/cbor";

// {"reset", "drop", "changes": [{bucket, type, id, seq, op}], "rows":
// [{version, row}], "cursor", "more", "head"}: rows as recordToJson() writes
// them.
QJsonObject pullPageToJson(const PullPage &page);
// Reads and checks a page: InvalidServerResponse with the place
// ("pull.rows") for anything malformed, or a row the catalogue refuses.
[[nodiscard]] Result<PullPage> pullPageFromJson(const QJsonObject &object);

// The compact encoding, CBOR, for the sync client: rows by entity, as a
// column list and one array of values a row, changes as runs of ids that
// share a bucket, a type and an operation.
QByteArray pullPageToCbor(const PullPage &page);
[[nodiscard]] Result<PullPage> pullPageFromCbor(const QByteArray &bytes);

} // namespace Cartable::Core
