#include "pagewriter.h"

#include "core/domain/domainschema.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace Cartable::Sync {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {

// The bytes of a QString stay put until the statement is reset: the page
// outlives every step.
int bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    return sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

// A cell in its canonical form (see Core::FieldType) as its column stores it.
int bindCell(sqlite3_stmt *statement, int index, const Core::FieldDef &field, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (field.type) {
    case Core::FieldType::Ref:
    case Core::FieldType::Text:
    case Core::FieldType::Enum:
    case Core::FieldType::Date:
        if (value.typeId() == QMetaType::QString)
            return bindText(statement, index, *static_cast<const QString *>(value.constData()));
        return sqlite3_bind_text16(statement, index, value.toString().utf16(), -1, SQLITE_TRANSIENT);
    case Core::FieldType::Integer:
    case Core::FieldType::Timestamp:
    case Core::FieldType::Hundredths:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case Core::FieldType::Boolean:
        return sqlite3_bind_int(statement, index, value.toBool() ? 1 : 0);
    }
    return sqlite3_bind_null(statement, index);
}

} // namespace

Result<std::unique_ptr<PageWriter>> PageWriter::open(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Error{ErrorCode::DatabaseError, u"the replica is not an SQLite database"_s};
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
    if (!raw)
        return Error{ErrorCode::DatabaseError, u"the replica is not open"_s};
    return std::unique_ptr<PageWriter>(new PageWriter(raw));
}

PageWriter::~PageWriter()
{
    for (sqlite3_stmt *statement : std::as_const(m_upserts))
        sqlite3_finalize(statement);
    sqlite3_finalize(m_version);
    sqlite3_finalize(m_versionAside);
    sqlite3_finalize(m_addMembership);
    sqlite3_finalize(m_removeMembership);
}

Error PageWriter::error() const
{
    return Error{ErrorCode::DatabaseError, QString::fromUtf8(sqlite3_errmsg(m_db))};
}

Result<sqlite3_stmt *> PageWriter::prepare(const QString &sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare16_v3(m_db, sql.utf16(), int(sql.size() * 2), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return error();
    }
    return statement;
}

Status PageWriter::step(sqlite3_stmt *statement)
{
    const int stepped = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (stepped != SQLITE_DONE && stepped != SQLITE_ROW)
        return error();
    return {};
}

Status PageWriter::putRow(const Core::PageRows &rows, qsizetype row)
{
    const Core::EntityDef &entity = *rows.entity;
    sqlite3_stmt *&upsert = m_upserts[entity.type];
    if (!upsert) {
        Result<sqlite3_stmt *> prepared = prepare(Core::upsertStatement(entity));
        if (!prepared)
            return prepared.error();
        upsert = *prepared;
    }
    // replica_row's key is (entity, row_id): the rows of a page, one
    // bucket's, land all over it, and at the size of a whole school each
    // page rewrote thousands of its pages. Aside, a version is appended.
    sqlite3_stmt *&version = m_versionsAside ? m_versionAside : m_version;
    if (!version) {
        Result<sqlite3_stmt *> prepared = prepare(
            m_versionsAside ? u"INSERT INTO replica_row_pulled (entity, row_id, version) VALUES (?, ?, ?)"_s
                            : u"INSERT INTO replica_row (entity, row_id, version) VALUES (?, ?, ?) "
                              "ON CONFLICT (entity, row_id) DO UPDATE SET version = excluded.version"_s);
        if (!prepared)
            return prepared.error();
        version = *prepared;
    }
    const QString &id = rows.ids.at(row);
    int bound = bindText(upsert, 1, id);
    for (qsizetype i = 0; i < entity.fields.size() && bound == SQLITE_OK; ++i)
        bound = bindCell(upsert, int(i) + 2, entity.fields.at(i), rows.cell(row, i));
    if (bound != SQLITE_OK)
        return error();
    if (Status written = step(upsert); !written)
        return written;
    if (bindText(version, 1, entity.type) != SQLITE_OK || bindText(version, 2, id) != SQLITE_OK
        || sqlite3_bind_int64(version, 3, rows.versions.at(row)) != SQLITE_OK) {
        return error();
    }
    return step(version);
}

Status PageWriter::addMembership(const Core::PageChange &change)
{
    if (!m_addMembership) {
        Result<sqlite3_stmt *> prepared = prepare(
            u"INSERT INTO replica_membership (bucket, entity, row_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s);
        if (!prepared)
            return prepared.error();
        m_addMembership = *prepared;
    }
    if (bindText(m_addMembership, 1, change.bucket) != SQLITE_OK
        || bindText(m_addMembership, 2, change.type) != SQLITE_OK
        || bindText(m_addMembership, 3, change.id) != SQLITE_OK) {
        return error();
    }
    return step(m_addMembership);
}

Status PageWriter::removeMembership(const Core::PageChange &change)
{
    if (!m_removeMembership) {
        Result<sqlite3_stmt *> prepared = prepare(
            u"DELETE FROM replica_membership WHERE bucket = ? AND entity = ? AND row_id = ?"_s);
        if (!prepared)
            return prepared.error();
        m_removeMembership = *prepared;
    }
    if (bindText(m_removeMembership, 1, change.bucket) != SQLITE_OK
        || bindText(m_removeMembership, 2, change.type) != SQLITE_OK
        || bindText(m_removeMembership, 3, change.id) != SQLITE_OK) {
        return error();
    }
    return step(m_removeMembership);
}

} // namespace Cartable::Sync
