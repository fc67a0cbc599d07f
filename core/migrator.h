#pragma once

#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace Cartable::Core {

enum class SqlDialect { Sqlite, Postgres };

SqlDialect dialectOf(const QSqlDatabase &db);

// One numbered step of a schema. Statements run in order inside one
// transaction, together with the version bump, so a crash leaves the database
// at the previous version, never half-way.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

// Brings a database to the newest version of `migrations` (sorted by version,
// numbered 1, 2, 3, … without gaps). A database newer than the code is refused
// with SchemaTooNew and left untouched.
class Migrator
{
public:
    explicit Migrator(QList<Migration> migrations);

    int latestVersion() const;
    [[nodiscard]] Result<int> currentVersion(QSqlDatabase &db) const;
    // Runs the missing migrations up to `target` (the latest by default) and
    // returns the version reached.
    [[nodiscard]] Result<int> migrate(QSqlDatabase &db, int target = -1) const;

private:
    QList<Migration> m_migrations;
};

} // namespace Cartable::Core
