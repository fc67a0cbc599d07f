#include "schoolwriter.h"

#include "server/accountstore.h"

#include "core/domain/catalog.h"

#include "core/sqlstatement.h"

#include <QJsonDocument>
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

Core::Result<ReferenceSchoolSummary> writeReferenceSchool(QSqlDatabase db, const ReferenceSchoolOptions &options,
                                                          const QByteArray &passwordHash, QIODevice *exportTo)
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
        QList<RecordSink *> sinks{&writer};
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
