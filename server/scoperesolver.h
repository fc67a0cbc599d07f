#pragma once

#include "core/policy/actorfacts.h"
#include "core/policy/policylookup.h"
#include "core/result.h"
#include "core/sqlstatement.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

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
    // Whether a change to a row of `type` can change what resolve() finds
    // for some account.
    static bool decidesScope(const QString &type);

private:
    QSqlDatabase m_db;
};

// The policy's lookups, answered by the server database. Table and column
// names come from the catalogue; values are bound. Statements are prepared
// once, in the caller's cache or in one of its own.
class SqlPolicyLookup : public Core::PolicyLookup
{
public:
    explicit SqlPolicyLookup(QSqlDatabase db);
    explicit SqlPolicyLookup(Core::StatementCache &statements) : m_statements(&statements) {}

    [[nodiscard]] std::optional<Core::Record> row(const QString &type, const QString &id) const override;
    [[nodiscard]] QList<Core::Record> rowsWhere(const QString &type, const QString &field,
                                                const QString &value) const override;
    // Several rows of one type by id, a few statements for many rows; the
    // ids not there are not in the answer. Nothing for a failed read.
    [[nodiscard]] std::optional<QHash<QString, Core::Record>> rows(const QString &type, const QStringList &ids) const;

private:
    std::shared_ptr<Core::StatementCache> m_own;
    Core::StatementCache *m_statements;
};

} // namespace Cartable::Server
