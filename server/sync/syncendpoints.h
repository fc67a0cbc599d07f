#pragma once

#include "pullservice.h"
#include "pushservice.h"
#include "scopecache.h"

#include "core/protocol/pullpage.h"
#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>

namespace Cartable::Server {

// The sync routes' work, once the caller is known: his scope (kept until
// the rows that decide it change), then a pull or a push as him.
class SyncEndpoints
{
public:
    explicit SyncEndpoints(QSqlDatabase db, PushService::Clock clock = {});

    [[nodiscard]] Core::Result<Core::PullPage> pull(const QString &accountId, const QJsonObject &body);
    [[nodiscard]] Core::Result<QJsonObject> push(const QString &accountId, const QJsonObject &body);
    // The buckets the account reads now; none when it cannot be told.
    QStringList readableBuckets(const QString &accountId);
    // The feed's scope sequence: when it moves, readable buckets may have.
    [[nodiscard]] Core::Result<qint64> scopeSequence();
    // Called after each push that committed.
    void setAfterPush(std::function<void()> afterPush) { m_afterPush = std::move(afterPush); }

private:
    [[nodiscard]] Core::Result<std::shared_ptr<const AccountScope>> scopeOf(const QString &accountId,
                                                                            std::optional<FeedCounter> *counter);

    ScopeCache m_scopes;
    PullService m_pull;
    PushService m_push;
    std::function<void()> m_afterPush;
};

} // namespace Cartable::Server
