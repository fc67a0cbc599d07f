#include "schoolwriter.h"

#include "referencefiles.h"

#include "server/accountstore.h"
#include "server/blobs/blobservice.h"

#include "core/domain/catalog.h"

#include "core/sqlstatement.h"

#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QSqlError>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

Core::Status JsonLinesSink::add(const Core::EntityDef &entity, const Core::Record &record)
{
    QByteArray line = QJsonDocument(Core::recordToJson(entity, record)).toJson(QJsonDocument::Compact);
    line.append('\n');
    if (m_device.write(line) != line.size())
        return Error{ErrorCode::Internal, u"cannot write the export: "_s + m_device.errorString()};
    return {};
}

Core::Status TeeSink::add(const Core::EntityDef &entity, const Core::Record &record)
{
    for (RecordSink *sink : m_sinks) {
        if (Core::Status status = sink->add(entity, record); !status)
            return status;
    }
    return {};
}

SchoolDatabaseWriter::SchoolDatabaseWriter(QSqlDatabase db, QByteArray passwordHash, int batchRows)
    : m_db(std::move(db)), m_passwordHash(QString::fromLatin1(passwordHash)), m_batchRows(std::max(1, batchRows))
{
}

SchoolDatabaseWriter::~SchoolDatabaseWriter() = default;

QString SchoolDatabaseWriter::insertStatement(int rows) const
{
    QString row = u"("_s;
    for (qsizetype c = 0; c < m_columns.size(); ++c)
        row += c == 0 ? u"?"_s : u", ?"_s;
    row += u')';
    QString sql = u"INSERT INTO %1 (%2) VALUES "_s.arg(m_entity->type, m_columns.join(u", "_s));
    sql.reserve(sql.size() + rows * (row.size() + 2));
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            sql += u", "_s;
        sql += row;
    }
    return sql;
}

Core::Status SchoolDatabaseWriter::execute(QSqlQuery &query, int rows)
{
    const qsizetype values = qsizetype(rows) * m_columns.size();
    for (qsizetype v = 0; v < values; ++v)
        query.bindValue(int(v), m_pending.at(v));
    if (!query.exec())
        return Error{ErrorCode::DatabaseError, u"%1: %2"_s.arg(m_entity->type, query.lastError().text())};
    m_pending.clear();
    m_pendingRows -= rows;
    return {};
}

Core::Status SchoolDatabaseWriter::flush()
{
    if (m_pendingRows == 0)
        return {};
    QSqlQuery last(m_db);
    if (!last.prepare(insertStatement(m_pendingRows)))
        return Core::databaseError(last);
    return execute(last, m_pendingRows);
}

Core::Status SchoolDatabaseWriter::add(const Core::EntityDef &entity, const Core::Record &record)
{
    if (m_entity != &entity) {
        if (Core::Status flushed = flush(); !flushed)
            return flushed;
        m_entity = &entity;
        m_columns = QStringList{u"id"_s} + entity.fieldNames();
        // The hash lives only in the server's account table.
        if (entity.type == QStringView(Core::Entity::Account))
            m_columns.append(u"password_hash"_s);
        m_batch = std::make_unique<QSqlQuery>(m_db);
        if (!m_batch->prepare(insertStatement(m_batchRows)))
            return Core::databaseError(*m_batch);
        m_pending.reserve(m_batchRows * m_columns.size());
    }
    m_pending.append(record.id());
    for (const Core::FieldDef &field : entity.fields)
        m_pending.append(Core::fieldToSql(field, record.value(field.name)));
    if (m_columns.size() > entity.fields.size() + 1)
        m_pending.append(m_passwordHash);
    if (++m_pendingRows == m_batchRows)
        return execute(*m_batch, m_batchRows);
    return {};
}

namespace {

// Notes which account sends which file, from the rows that name files.
class FileHolders : public RecordSink
{
public:
    [[nodiscard]] Core::Status add(const Core::EntityDef &entity, const Core::Record &record) override
    {
        const Core::BlobReference *reference = Core::blobReferenceOf(entity.type);
        if (!reference)
            return {};
        const QString sha = record.text(reference->hashField);
        const QString sender = record.text(reference->uploaderField);
        if (!sha.isEmpty() && !sender.isEmpty())
            m_holders.insert({record.text(u"establishment_id"_s), sha, sender});
        return {};
    }

    // Stores the reference files that rows name, with a claim for each
    // sender. Hashes of other contents (report cards) stay without bytes.
    [[nodiscard]] Core::Status store(QSqlDatabase db, BlobStorage &storage) const
    {
        QHash<QString, const ReferenceFile *> files;
        for (const ReferenceFile &file : referenceFiles())
            files.insert(file.sha256, &file);
        // Sorted, so that the files are written in the same order each time.
        QMap<std::pair<QString, QString>, QStringList> senders;
        for (const Holder &holder : m_holders)
            senders[{holder.establishment, holder.sha256}].append(holder.account);
        BlobService blobs(db, storage, {});
        for (auto it = senders.cbegin(); it != senders.cend(); ++it) {
            const ReferenceFile *file = files.value(it.key().second);
            if (!file)
                continue;
            QStringList accounts = it.value();
            accounts.sort();
            if (Core::Status stored = blobs.storeHeld(accounts, {it.key().first, it.key().second}, file->bytes);
                !stored) {
                return stored;
            }
        }
        return {};
    }

private:
    struct Holder
    {
        QString establishment;
        QString sha256;
        QString account;
        friend bool operator==(const Holder &, const Holder &) = default;
        friend size_t qHash(const Holder &h, size_t seed = 0)
        {
            return qHashMulti(seed, h.establishment, h.sha256, h.account);
        }
    };
    QSet<Holder> m_holders;
};

} // namespace

Core::Result<ReferenceSchoolSummary> writeReferenceSchool(QSqlDatabase db, const ReferenceSchoolOptions &options,
                                                          const QByteArray &passwordHash, QIODevice *exportTo,
                                                          BlobStorage *files)
{
    const Core::Result<bool> populated = AccountStore(db).hasEstablishments();
    if (!populated)
        return populated.error();
    if (*populated)
        return Error{ErrorCode::ConfigInvalid, QString::fromUtf16(kDatabaseNotEmpty)};
    if (!db.transaction())
        return Error{ErrorCode::DatabaseError, db.lastError().text()};

    Core::Result<ReferenceSchoolSummary> summary = Error{ErrorCode::Internal, QString()};
    {
        SchoolDatabaseWriter writer(db, passwordHash);
        std::unique_ptr<JsonLinesSink> exporter;
        FileHolders holders;
        QList<RecordSink *> sinks{&writer, &holders};
        if (exportTo) {
            exporter = std::make_unique<JsonLinesSink>(*exportTo);
            sinks.append(exporter.get());
        }
        TeeSink tee(sinks);
        summary = generateReferenceSchool(options, tee);
        if (summary) {
            if (Core::Status flushed = writer.flush(); !flushed)
                summary = flushed.error();
        }
        if (summary && files) {
            if (Core::Status stored = holders.store(db, *files); !stored)
                summary = stored.error();
        }
    }
    if (!summary) {
        db.rollback();
        return summary;
    }
    if (!db.commit()) {
        const QString reason = db.lastError().text();
        db.rollback();
        return Error{ErrorCode::DatabaseError, reason};
    }
    return summary;
}

} // namespace Cartable::Server
