#pragma once

#include "pullservice.h"
#include "pushservice.h"

#include "server/scoperesolver.h"

#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

namespace Cartable::Server {

// The sync routes' work, once the caller is known: his facts from the
// database, then a pull or a push as him.
class SyncEndpoints
{
public:
    explicit SyncEndpoints(QSqlDatabase db, PushService::Clock clock = {});

    [[nodiscard]] Core::Result<QJsonObject> pull(const QString &accountId, const QJsonObject &body) const;
    [[nodiscard]] Core::Result<QJsonObject> push(const QString &accountId, const QJsonObject &body);

private:
    ScopeResolver m_scope;
    PullService m_pull;
    PushService m_push;
};

} // namespace Cartable::Server
