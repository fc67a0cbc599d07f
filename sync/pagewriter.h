#pragma once

#include "core/protocol/pullpage.h"
#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Cartable::Sync {

// Writes the rows and memberships of pull pages into a replica, through
// SQLite's own interface on the replica's connection, inside the caller's
// transaction: a first sync writes every row of a school, and these three
// statements are most of its work. Statements are prepared once and kept
// until the writer is destroyed, which must happen before the connection
// closes.
class PageWriter
{
public:
    ~PageWriter();
    PageWriter(const PageWriter &) = delete;
    PageWriter &operator=(const PageWriter &) = delete;

    // DatabaseError when `db` is not an open SQLite connection.
    [[nodiscard]] static Core::Result<std::unique_ptr<PageWriter>> open(const QSqlDatabase &db);

    // The row and its server version.
    [[nodiscard]] Core::Status putRow(const Core::PageRows &rows, qsizetype row);
    // Whether versions go into replica_row_pulled, unkeyed, rather than
    // into replica_row (a first sync; ReplicaStore merges them at its end).
    void setVersionsPulledAside(bool aside) { m_versionsAside = aside; }
    [[nodiscard]] Core::Status addMembership(const Core::PageChange &change);
    [[nodiscard]] Core::Status removeMembership(const Core::PageChange &change);

private:
    explicit PageWriter(sqlite3 *db) : m_db(db) {}

    [[nodiscard]] Core::Result<sqlite3_stmt *> prepare(const QString &sql);
    [[nodiscard]] Core::Status step(sqlite3_stmt *statement);
    Core::Error error() const;

    sqlite3 *m_db;
    QHash<QString, sqlite3_stmt *> m_upserts; // by entity type
    sqlite3_stmt *m_version = nullptr;
    sqlite3_stmt *m_versionAside = nullptr;
    bool m_versionsAside = false;
    sqlite3_stmt *m_addMembership = nullptr;
    sqlite3_stmt *m_removeMembership = nullptr;
};

} // namespace Cartable::Sync
