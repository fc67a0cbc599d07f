#include "invariants.h"

#include "core/domain/catalog.h"
#include "core/protocol/blobs.h"
#include "core/sqlstatement.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/replicastore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <map>
#include <optional>

namespace Cartable::Chaos {

using namespace Qt::StringLiterals;
using Core::EntityDef;
using Core::MutationOp;
using Core::Record;

namespace {

constexpr int kMaxReported = 8;

QString show(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QJsonValue wire(const QString &type, const QString &field, const QVariant &value)
{
    const EntityDef *entity = Core::findEntity(type);
    const Core::FieldDef *def = entity ? entity->field(field) : nullptr;
    return def ? Core::fieldToJson(*def, value) : QJsonValue::fromVariant(value);
}

std::optional<Record> readRow(const QSqlDatabase &db, const QString &type, const QString &id)
{
    const EntityDef *entity = Core::findEntity(type);
    QSqlQuery query(db);
    if (!entity
        || !Core::execPrepared(query, u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(Core::selectColumns(*entity), type), id)
        || !query.next()) {
        return std::nullopt;
    }
    return Core::recordFromQuery(*entity, query);
}

// What the server answered a change.
struct Receipt
{
    QString status;
    qint64 version = 0;
    QString errorCode;
};

struct Key
{
    QString type;
    QString id;
    friend bool operator<(const Key &a, const Key &b) { return std::tie(a.type, a.id) < std::tie(b.type, b.id); }
};

class Checker
{
public:
    explicit Checker(const InvariantInput &input) : m_in(input), m_db(input.server.database()) {}

    QStringList run();

private:
    void drained();
    void converged();
    // The server's view of an account: "type/id" → version, and the rows.
    void serverView(const QString &accountId, QHash<QString, qint64> &versions, QHash<QString, Record> &rows);
    // Every row of a server table by id, read at most once.
    const QHash<QString, Record> *serverTable(const QString &type);
    void compare(const QString &who, Device &device, const QHash<QString, qint64> &expectedVersions,
                 const QHash<QString, Record> &expectedRows);
    void receipts();
    void writes();
    void filesDrained();
    void filesReadable();
    void filesPrivate();
    void report(const QString &line)
    {
        if (m_violations.size() < 12 * kMaxReported)
            m_violations << line;
    }
    QString accountOf(int device) const { return m_in.devices.at(device)->actor().accountId; }
    std::optional<Receipt> receiptOf(const Written &written) const;
    // Every change of the row the model knows, with the server's answers:
    // what a reader of a violation needs.
    void history(const QList<const Written *> &changes);
    QSet<QString> conflictFields(const Written &written) const;

    const InvariantInput &m_in;
    QSqlDatabase m_db;
    QStringList m_violations;
    QHash<QString, QHash<qint64, Receipt>> m_receipts; // client id → number → answer
    QHash<QString, QHash<QString, Record>> m_serverTables;
};

void Checker::drained()
{
    for (const std::unique_ptr<Device> &device : m_in.devices) {
        if (const qint64 pending = device->pending(); pending != 0)
            report(u"drained: device %1 (%2) still has %3 change(s) waiting"_s.arg(device->index())
                       .arg(device->actor().login)
                       .arg(pending));
    }
}

QHash<QString, qint64> versions(Sync::ReplicaStore &store)
{
    QHash<QString, qint64> found;
    QSqlQuery query(store.database());
    if (query.exec(u"SELECT entity, row_id, version FROM replica_row"_s)) {
        while (query.next())
            found.insert(query.value(0).toString() + u'/' + query.value(1).toString(), query.value(2).toLongLong());
    }
    return found;
}

void Checker::serverView(const QString &accountId, QHash<QString, qint64> &versions, QHash<QString, Record> &rows)
{
    const QStringList buckets = m_in.server.readableBuckets(accountId);
    if (buckets.isEmpty())
        return;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    QStringList marks;
    for (qsizetype n = 0; n < buckets.size(); ++n)
        marks << u"?"_s;
    if (!query.prepare(u"SELECT DISTINCT b.entity, b.row_id, s.version FROM row_bucket b JOIN row_state s ON "
                       "s.entity = b.entity AND s.row_id = b.row_id WHERE b.removed = 0 AND s.deleted = 0 AND "
                       "b.bucket IN (%1)"_s.arg(marks.join(u','))))
        return report(u"converged: cannot read the server's buckets"_s);
    for (const QString &bucket : buckets)
        query.addBindValue(bucket);
    if (!query.exec())
        return report(u"converged: cannot read the server's buckets"_s);
    QHash<QString, QSet<QString>> idsByType;
    while (query.next()) {
        versions.insert(query.value(0).toString() + u'/' + query.value(1).toString(), query.value(2).toLongLong());
        idsByType[query.value(0).toString()].insert(query.value(1).toString());
    }
    for (auto it = idsByType.cbegin(); it != idsByType.cend(); ++it) {
        const QHash<QString, Record> *table = serverTable(it.key());
        if (!table)
            return report(u"converged: cannot read the server's %1 rows"_s.arg(it.key()));
        for (const QString &id : *it) {
            if (const auto row = table->constFind(id); row != table->cend())
                rows.insert(it.key() + u'/' + id, *row);
        }
    }
}

const QHash<QString, Record> *Checker::serverTable(const QString &type)
{
    // Read once for every account that views it.
    if (const auto cached = m_serverTables.constFind(type); cached != m_serverTables.cend())
        return &*cached;
    const EntityDef *entity = Core::findEntity(type);
    QSqlQuery all(m_db);
    all.setForwardOnly(true);
    if (!entity || !all.exec(u"SELECT %1 FROM %2"_s.arg(Core::selectColumns(*entity), entity->type)))
        return nullptr;
    QHash<QString, Record> &table = m_serverTables[type];
    while (all.next()) {
        Record row = Core::recordFromQuery(*entity, all);
        table.insert(row.id(), std::move(row));
    }
    return &table;
}

void Checker::compare(const QString &who, Device &device, const QHash<QString, qint64> &expectedVersions,
                      const QHash<QString, Record> &expectedRows)
{
    int differences = 0;
    QHash<QString, Record> expected = expectedRows;
    for (const EntityDef &entity : Core::entityCatalog()) {
        const Core::Result<QList<Record>> mine = device.store().rows(entity.type);
        if (!mine) {
            report(u"converged: %1 cannot read its %2 rows"_s.arg(who, entity.type));
            continue;
        }
        for (const Record &row : *mine) {
            const QString key = entity.type + u'/' + row.id();
            const auto it = expected.constFind(key);
            if (it == expected.cend()) {
                if (differences++ < kMaxReported)
                    report(u"converged: %1 holds %2, which is not this account's to read"_s.arg(who, key));
                continue;
            }
            if (Core::recordToJson(entity, *it) != Core::recordToJson(entity, row) && differences++ < kMaxReported) {
                QStringList fields;
                for (const Core::FieldDef &field : entity.fields) {
                    const QJsonValue here = wire(entity.type, field.name, row.value(field.name));
                    const QJsonValue there = wire(entity.type, field.name, it->value(field.name));
                    if (here != there)
                        fields << u"%1=%2 (server %3)"_s.arg(field.name, show(here), show(there));
                }
                report(u"converged: %1 has %2 with %3"_s.arg(who, key, fields.join(u", "_s)));
            }
            expected.remove(key);
        }
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (differences++ < kMaxReported)
            report(u"converged: %1 lacks %2"_s.arg(who, it.key()));
    }
    const QHash<QString, qint64> mine = versions(device.store());
    for (auto it = expectedVersions.cbegin(); it != expectedVersions.cend(); ++it) {
        if (mine.value(it.key(), -1) != it.value() && differences++ < kMaxReported)
            report(u"converged: %1 has %2 at version %3, the server at %4"_s.arg(who, it.key())
                       .arg(mine.value(it.key(), -1))
                       .arg(it.value()));
    }
}

void Checker::converged()
{
    QHash<QString, std::pair<QHash<QString, qint64>, QHash<QString, Record>>> views;
    for (const std::unique_ptr<Device> &device : m_in.devices) {
        const QString account = device->actor().accountId;
        if (!views.contains(account))
            serverView(account, views[account].first, views[account].second);
        const auto &[versionsOf, rowsOf] = views.value(account);
        compare(u"device %1 (%2)"_s.arg(device->index()).arg(device->actor().login), *device, versionsOf, rowsOf);
    }
    // The replicas made from nothing hold the same view.
    for (const std::unique_ptr<Device> &fresh : m_in.fresh) {
        const auto &[versionsOf, rowsOf] = views.value(fresh->actor().accountId);
        compare(u"a replica of %1 synced from nothing"_s.arg(fresh->actor().login), *fresh, versionsOf, rowsOf);
    }
}

void Checker::receipts()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT client_id, number, answer FROM sync_receipt"_s)) {
        report(u"receipts: cannot read the server's receipts"_s);
        return;
    }
    while (query.next()) {
        const QJsonObject answer = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
        m_receipts[query.value(0).toString()].insert(query.value(1).toLongLong(),
                                                     {answer.value(u"status"_s).toString(),
                                                      answer.value(u"version"_s).toInteger(),
                                                      answer.value(u"error"_s).toObject().value(u"code"_s).toString()});
    }
    std::map<int, QSet<qint64>> made;
    for (const Written &written : m_in.written)
        made[written.device].insert(written.number);
    for (const std::unique_ptr<Device> &device : m_in.devices) {
        const QSet<qint64> &numbers = made[device->index()];
        const QHash<qint64, Receipt> answers = m_receipts.value(device->clientId());
        const QString who = u"device %1 (%2)"_s.arg(device->index()).arg(device->actor().login);
        for (qint64 number = 1; number <= static_cast<qint64>(numbers.size()); ++number) {
            if (!numbers.contains(number))
                report(u"receipts: the model lost change %1 of %2"_s.arg(number).arg(who));
            else if (!answers.contains(number))
                report(u"receipts: change %1 of %2 has no answer on the server"_s.arg(number).arg(who));
            else if (answers.value(number).status == u"rejected" && answers.value(number).errorCode.isEmpty())
                report(u"receipts: change %1 of %2 was rejected without a reason"_s.arg(number).arg(who));
        }
        for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
            if (!numbers.contains(it.key()))
                report(u"receipts: the server answered a change %1 that %2 never made"_s.arg(it.key()).arg(who));
        }
    }
}

std::optional<Receipt> Checker::receiptOf(const Written &written) const
{
    const auto client = m_receipts.constFind(written.clientId);
    if (client == m_receipts.cend() || !client->contains(written.number))
        return std::nullopt;
    return client->value(written.number);
}

void Checker::history(const QList<const Written *> &changes)
{
    for (const Written *written : changes) {
        const std::optional<Receipt> receipt = receiptOf(*written);
        QStringList values;
        for (auto it = written->values.cbegin(); it != written->values.cend(); ++it)
            values << it.key() + u'=' + show(wire(written->type, it.key(), it.value()));
        values.sort();
        report(u"    device %1 change %2 at %3 ms, %4 on version %5: %6 -> %7 %8 %9"_s.arg(written->device)
                   .arg(written->number)
                   .arg(written->madeAt)
                   .arg(Core::mutationOpCode(written->op))
                   .arg(written->baseVersion)
                   .arg(values.join(u", "_s).left(160))
                   .arg(receipt ? receipt->status : u"no answer"_s)
                   .arg(receipt ? receipt->version : 0)
                   .arg(receipt ? receipt->errorCode : QString()));
    }
    QSqlQuery query(m_db);
    if (Core::execPrepared(query,
                           u"SELECT field, lost_value, kept_value, loser_account_id, rule, status FROM sync_conflict "
                           "WHERE row_id = ?"_s,
                           changes.constFirst()->id)) {
        while (query.next())
            report(u"    conflict on %1: lost %2, kept %3, loser %4, %5, %6"_s.arg(
                query.value(0).toString(), query.value(1).toString().left(80), query.value(2).toString().left(80),
                query.value(3).toString(), query.value(4).toString(), query.value(5).toString()));
    }
}

QSet<QString> Checker::conflictFields(const Written &written) const
{
    QSet<QString> fields;
    QSqlQuery query(m_db);
    if (Core::execPrepared(
            query, u"SELECT field FROM sync_conflict WHERE row_type = ? AND row_id = ? AND loser_account_id = ?"_s,
            written.type, written.id, accountOf(written.device))) {
        while (query.next()) {
            // The fields of an exclusive pair lose together, as "mark+marker".
            if (query.value(0).isNull() || query.value(0).toString().isEmpty())
                fields.insert(QString());
            else
                for (const QString &field : query.value(0).toString().split(u'+'))
                    fields.insert(field);
        }
    }
    return fields;
}

// A create writes every field, those it does not name as null.
bool setsField(const Written &written, const QString &field)
{
    return written.op == Core::MutationOp::Create || written.values.contains(field);
}

bool accepted(const std::optional<Receipt> &receipt)
{
    return receipt && (receipt->status == u"applied" || receipt->status == u"conflict");
}

void Checker::writes()
{
    std::map<Key, QList<const Written *>> byRow;
    for (const Written &written : m_in.written)
        byRow[{written.type, written.id}].append(&written);
    QSqlDatabase before = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"chaos-template"_s);
    before.setDatabaseName(m_in.templatePath);
    before.open();
    int lost = 0, invented = 0, stale = 0;
    for (const auto &[key, changes] : byRow) {
        const std::optional<Record> final = readRow(m_db, key.type, key.id);
        const std::optional<Record> first = readRow(before, key.type, key.id);
        const QString row = key.type + u' ' + key.id;
        const qsizetype reportedBefore = m_violations.size();
        bool madeHere = first.has_value();
        for (const Written *written : changes)
            madeHere = madeHere || written->op == MutationOp::Create;
        for (const Written *written : changes) {
            const std::optional<Receipt> receipt = receiptOf(*written);
            if (!accepted(receipt) || written->op == MutationOp::Delete)
                continue;
            const QSet<QString> conflicts = conflictFields(*written);
            if (!final) {
                bool deleted = conflicts.contains(QString());
                for (const Written *other : changes)
                    deleted = deleted || (other->op == MutationOp::Delete && accepted(receiptOf(*other)));
                if (!deleted && lost++ < kMaxReported)
                    report(u"no silent loss: %1 is gone, and no accepted delete or conflict explains change %2 of "
                           "device %3"_s.arg(row)
                               .arg(written->number)
                               .arg(written->device));
                continue;
            }
            for (auto it = written->values.cbegin(); it != written->values.cend(); ++it) {
                const QString &field = it.key();
                if (wire(key.type, field, final->value(field)) == wire(key.type, field, it.value()))
                    continue;
                bool explained = conflicts.contains(field) || conflicts.contains(QString());
                // A value the field already had changes nothing, and the
                // server leaves the field's stamp as it was: a later change
                // made without seeing it takes over without a conflict. The
                // value it had is that of the last change applied to it
                // before (applied whole, or in a conflict its author lost on
                // other fields only), or the school's first one.
                if (!explained) {
                    const Written *previous = nullptr;
                    qint64 previousVersion = 0;
                    for (const Written *other : changes) {
                        const std::optional<Receipt> answer = receiptOf(*other);
                        if (other == written || !other->values.contains(field) || !answer
                            || answer->version > receipt->version || answer->version <= previousVersion) {
                            continue;
                        }
                        const bool appliedHere = answer->status == u"applied"
                                                 || (answer->status == u"conflict"
                                                     && !conflictFields(*other).contains(field)
                                                     && !conflictFields(*other).contains(QString()));
                        if (appliedHere) {
                            previous = other;
                            previousVersion = answer->version;
                        }
                    }
                    const QJsonValue had = previous ? wire(key.type, field, previous->values.value(field))
                                           : first  ? wire(key.type, field, first->value(field))
                                                    : QJsonValue(QJsonValue::Undefined);
                    explained = had == wire(key.type, field, it.value());
                }
                for (const Written *other : changes) {
                    if (explained)
                        break;
                    if (!other->values.contains(field) || other == written)
                        continue;
                    const std::optional<Receipt> answer = receiptOf(*other);
                    if (!accepted(answer))
                        continue;
                    if (other->device == written->device && other->number > written->number)
                        explained = true;
                    else if (answer->version > receipt->version && other->baseVersion >= receipt->version)
                        explained = true;
                }
                if (!explained && lost++ < kMaxReported)
                    report(u"no silent loss: %1: %2 = %3 written by device %4 (change %5, version %6) became %7 "
                           "with no conflict record and no later change that saw it"_s.arg(row, field)
                               .arg(show(wire(key.type, field, it.value())))
                               .arg(written->device)
                               .arg(written->number)
                               .arg(receipt->version)
                               .arg(show(wire(key.type, field, final->value(field)))));
            }
        }
        if (!final) {
            if (m_violations.size() > reportedBefore)
                history(changes);
            continue;
        }
        // Nothing invented, no stale write: per field of the row.
        QSet<QString> fields;
        for (const Written *written : changes)
            for (auto it = written->values.cbegin(); it != written->values.cend(); ++it)
                fields.insert(it.key());
        for (const QString &field : std::as_const(fields)) {
            const QJsonValue now = wire(key.type, field, final->value(field));
            bool known = first && wire(key.type, field, first->value(field)) == now;
            // The newest change applied whole to the field, and whether its
            // value, or that of an accepted change after it, is the final
            // one: otherwise something older (a replayed or late request)
            // wrote over it.
            const Written *newest = nullptr;
            qint64 newestVersion = 0;
            for (const Written *written : changes) {
                const std::optional<Receipt> receipt = receiptOf(*written);
                if (!accepted(receipt) || !setsField(*written, field))
                    continue;
                known = known || wire(key.type, field, written->values.value(field)) == now;
                if (receipt->status == u"applied" && receipt->version > newestVersion) {
                    newest = written;
                    newestVersion = receipt->version;
                }
            }
            // The server made the row (a conflict record): its first values
            // are not the model's to know.
            if (!known && madeHere && invented++ < kMaxReported)
                report(u"nothing invented: %1: %2 = %3, which no accepted change wrote"_s.arg(row, field, show(now)));
            if (!newest)
                continue;
            bool current = false;
            for (const Written *written : changes) {
                const std::optional<Receipt> receipt = receiptOf(*written);
                if (accepted(receipt) && setsField(*written, field) && receipt->version >= newestVersion)
                    current = current || wire(key.type, field, written->values.value(field)) == now;
            }
            if (!current && stale++ < kMaxReported)
                report(u"no stale write: %1: %2 = %3, older than the change applied at version %4 (%5)"_s
                           .arg(row, field, show(now))
                           .arg(newestVersion)
                           .arg(show(wire(key.type, field, newest->values.value(field)))));
        }
        if (m_violations.size() > reportedBefore)
            history(changes);
    }
    before.close();
    before = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"chaos-template"_s);
}

void Checker::filesDrained()
{
    for (const std::unique_ptr<Device> &device : m_in.devices) {
        const Core::Result<QList<Sync::BlobTransfer::QueuedUpload>> queue = device->transfer().uploads();
        if (!queue) {
            report(u"files drained: the queue of device %1 cannot be read"_s.arg(device->index()));
            continue;
        }
        for (const Sync::BlobTransfer::QueuedUpload &upload : *queue) {
            report(u"files drained: device %1 (%2) still has %3 (%4 bytes) %5%6"_s.arg(device->index())
                       .arg(device->actor().login, upload.sha256)
                       .arg(upload.size)
                       .arg(upload.state == Sync::BlobTransfer::UploadState::Failed ? u"refused"_s : u"queued"_s,
                            upload.error
                                ? u": "_s + Core::errorCodeName(upload.error->code) + u' ' + upload.error->context
                                : QString()));
        }
    }
}

namespace {

struct NamedBlob
{
    QString type;
    QString id;
    QString sha256;
    QString sender;
};

// The rows of a replica that name a file.
QList<NamedBlob> namedBlobs(const QSqlDatabase &db)
{
    QList<NamedBlob> named;
    for (const Core::BlobReference &reference : Core::blobReferences()) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT id, %1, %2 FROM %3 WHERE %1 IS NOT NULL ORDER BY id"_s.arg(reference.hashField,
                                                                                            reference.uploaderField,
                                                                                            reference.entity)))
            continue;
        while (query.next())
            named.append(
                {reference.entity, query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    }
    return named;
}

bool sameBytes(const QByteArray &bytes, const QString &sha256, const FileModel &files)
{
    if (files.bytes.contains(sha256))
        return bytes == files.bytes.value(sha256);
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() == sha256.toLatin1();
}

} // namespace

void Checker::filesReadable()
{
    const FileModel &files = *m_in.files;
    for (const QString &line : files.violations)
        report(line);
    QHash<QString, QString> loginOf;
    for (const std::unique_ptr<Device> &device : m_in.devices)
        loginOf.insert(device->actor().accountId, device->actor().login);
    for (const std::unique_ptr<Device> &device : m_in.devices) {
        const QString account = device->actor().accountId;
        QSet<QString> seen;
        for (const NamedBlob &row : namedBlobs(device->store().database())) {
            if (seen.contains(row.sha256))
                continue;
            seen.insert(row.sha256);
            if (!mayReadBlob(m_in.server, account, row.sha256)) {
                // Not readable yet: its sender has not sent it. A file
                // attached in the run must have reached the server.
                if (files.bytes.contains(row.sha256))
                    report(u"files readable: %1 %2 names %3, attached by %4, which the server does not hold from "
                           "its sender: the file is lost"_s.arg(row.type, row.id, row.sha256,
                                                                loginOf.value(row.sender, row.sender)));
                continue;
            }
            const QString who = u"device %1 (%2)"_s.arg(device->index()).arg(device->actor().login);
            const QString cached = device->cache().path(row.sha256);
            if (cached.isEmpty()) {
                const auto failed = device->failedDownloads().constFind(row.sha256);
                report(u"files readable: %1 reads %2 %3 but has not its file %4%5"_s
                           .arg(who, row.type, row.id, row.sha256,
                                failed == device->failedDownloads().cend()
                                    ? QString()
                                    : u": "_s + Core::errorCodeName(failed->code) + u' ' + failed->context));
            } else {
                QFile file(cached);
                if (!file.open(QIODevice::ReadOnly) || !sameBytes(file.readAll(), row.sha256, files))
                    report(u"files readable: %1 holds other bytes for %2 (named by %3 %4)"_s.arg(who, row.sha256,
                                                                                                 row.type, row.id));
            }
            // What the server would give the account now.
            const Core::Result<Server::ReadableBlob> blob = m_in.server.blobs().readable(account, row.sha256);
            if (!blob) {
                report(u"files readable: the server refuses %1 to %2 (%3 %4): %5"_s
                           .arg(row.sha256, who, row.type, row.id, Core::errorCodeName(blob.error().code)));
                continue;
            }
            const Core::Result<QByteArray> bytes = m_in.server.blobs().read(*blob, {0, blob->size - 1});
            if (!bytes || !sameBytes(*bytes, row.sha256, files))
                report(u"files readable: the server's copy of %1 (%2 %3) is not the file that was sent"_s
                           .arg(row.sha256, row.type, row.id));
        }
    }
}

void Checker::filesPrivate()
{
    if (!m_in.deliveries)
        return;
    for (const BlobDelivery &delivery : *m_in.deliveries) {
        if (delivery.grantedThen || mayReadBlob(m_in.server, delivery.accountId, delivery.sha256))
            continue;
        report(u"files private: device %1 received %2 bytes of %3 (from byte %4, at %5 ms) that its account may not "
               "read"_s.arg(delivery.device)
                   .arg(delivery.length)
                   .arg(delivery.sha256)
                   .arg(delivery.first)
                   .arg(delivery.at));
    }
}

QStringList Checker::run()
{
    drained();
    converged();
    receipts();
    writes();
    if (m_in.files) {
        filesDrained();
        filesReadable();
        filesPrivate();
    }
    return m_violations;
}

} // namespace

QStringList checkInvariants(const InvariantInput &input)
{
    return Checker(input).run();
}

} // namespace Cartable::Chaos
