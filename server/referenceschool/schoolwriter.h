#pragma once

#include "referenceschool.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace Cartable::Server {

class BlobStorage;

// Writes records as JSON lines: compact, UTF-8, one record a line.
class JsonLinesSink : public RecordSink
{
public:
    explicit JsonLinesSink(QIODevice &device) : m_device(device) {}
    [[nodiscard]] Core::Status add(const Core::EntityDef &entity, const Core::Record &record) override;

private:
    QIODevice &m_device;
};

// Hands every record to several sinks in turn.
class TeeSink : public RecordSink
{
public:
    explicit TeeSink(QList<RecordSink *> sinks) : m_sinks(std::move(sinks)) {}
    [[nodiscard]] Core::Status add(const Core::EntityDef &entity, const Core::Record &record) override;

private:
    QList<RecordSink *> m_sinks;
};

// Inserts records into the server database's catalogue tables with one
// prepared multi-row INSERT per entity, reused for every full batch. Runs
// inside the caller's transaction. Accounts get `passwordHash`.
class SchoolDatabaseWriter : public RecordSink
{
public:
    static constexpr int kBatchRows = 100;

    SchoolDatabaseWriter(QSqlDatabase db, QByteArray passwordHash, int batchRows = kBatchRows);
    ~SchoolDatabaseWriter() override;

    [[nodiscard]] Core::Status add(const Core::EntityDef &entity, const Core::Record &record) override;
    // Writes the rows still pending.
    [[nodiscard]] Core::Status flush();

private:
    [[nodiscard]] Core::Status execute(QSqlQuery &query, int rows);
    QString insertStatement(int rows) const;

    QSqlDatabase m_db;
    QString m_passwordHash;
    int m_batchRows;
    const Core::EntityDef *m_entity = nullptr;
    QStringList m_columns;
    std::unique_ptr<QSqlQuery> m_batch;
    QVariantList m_pending;
    int m_pendingRows = 0;
};

// Generates the reference school into an empty server database, in one
// transaction, and into `exportTo` as JSON lines when it is given. With
// `files`, the files its documents and attachments name are stored there,
// held by the accounts the rows name as their senders, so that they can be
// downloaded. A
// database that already has an establishment is refused (ConfigInvalid with
// kDatabaseNotEmpty) and left as it was.
inline constexpr char16_t kDatabaseNotEmpty[] = u"the database already has an establishment";

[[nodiscard]] Core::Result<ReferenceSchoolSummary> writeReferenceSchool(QSqlDatabase db,
                                                                        const ReferenceSchoolOptions &options,
                                                                        const QByteArray &passwordHash,
                                                                        QIODevice *exportTo = nullptr,
                                                                        BlobStorage *files = nullptr);

} // namespace Cartable::Server
