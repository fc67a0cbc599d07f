#pragma once

#include "core/policy/actorfacts.h"
#include "core/policy/policylookup.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace Cartable::Server {

// Computes what the policy knows about a user (Core::ActorFacts) from the
// server database: his roles per establishment and the classes, groups,
// children and students those roles are about. docs/POLICY.md says which.
class ScopeResolver
{
public:
    explicit ScopeResolver(QSqlDatabase db) : m_db(std::move(db)) {}

    // NotFound (context "account") for an unknown account; DatabaseError.
    [[nodiscard]] Core::Result<Core::ActorFacts> resolve(const QString &accountId) const;

private:
    QSqlDatabase m_db;
};

// The policy's lookups, answered by the server database. Table and column
// names come from the catalogue; values are bound.
class SqlPolicyLookup : public Core::PolicyLookup
{
public:
    explicit SqlPolicyLookup(QSqlDatabase db) : m_db(std::move(db)) {}

    [[nodiscard]] std::optional<Core::Record> row(const QString &type, const QString &id) const override;
    [[nodiscard]] QList<Core::Record> rowsWhere(const QString &type, const QString &field,
                                                const QString &value) const override;

private:
    QSqlDatabase m_db;
};

} // namespace Cartable::Server
