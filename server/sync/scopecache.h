#pragma once

#include "pullservice.h"

#include "server/scoperesolver.h"

#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Cartable::Server {

// Each account's scope (its facts and buckets), resolved once and kept until
// a change to the rows that decide scopes commits: the feed counter's scope
// sequence says when, for every server process on the database, so a pull
// reads one small row instead of the six to ten queries of a resolution.
class ScopeCache
{
public:
    explicit ScopeCache(QSqlDatabase db) : m_resolver(std::move(db)) {}

    // The scope of `accountId` as of `scopeSeq` (FeedCounter::scopeSeq);
    // NotFound (context "account") for an unknown account.
    [[nodiscard]] Core::Result<std::shared_ptr<const AccountScope>> scope(const QString &accountId, qint64 scopeSeq);

private:
    static constexpr qsizetype kKept = 20000;

    ScopeResolver m_resolver;
    qint64 m_seq = -1;
    QHash<QString, std::shared_ptr<const AccountScope>> m_scopes;
};

} // namespace Cartable::Server
