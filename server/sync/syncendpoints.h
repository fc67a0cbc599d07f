#pragma once

#include "pullservice.h"
#include "pushservice.h"

#include "server/scoperesolver.h"

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>

namespace Cartable::Server {

// The sync routes' work, once the caller is known: his facts from the
// database, then a pull or a push as him.
class SyncEndpoints
{
public:
    explicit SyncEndpoints(QSqlDatabase db, PushService::Clock clock = {});

    [[nodiscard]] Core::Result<QJsonObject> pull(const QString &accountId, const QJsonObject &body) const;
    [[nodiscard]] Core::Result<QJsonObject> push(const QString &accountId, const QJsonObject &body);
    // The buckets the account reads now; none when it cannot be told.
    QStringList readableBuckets(const QString &accountId) const;
    // Called after each push that committed.
    void setAfterPush(std::function<void()> afterPush) { m_afterPush = std::move(afterPush); }

private:
    ScopeResolver m_scope;
    PullService m_pull;
    PushService m_push;
    std::function<void()> m_afterPush;
};

} // namespace Cartable::Server
