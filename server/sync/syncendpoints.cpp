#include "syncendpoints.h"

#include "core/policy/readscope.h"

namespace Cartable::Server {

SyncEndpoints::SyncEndpoints(QSqlDatabase db, PushService::Clock clock)
    : m_scope(db), m_pull(db), m_push(db, std::move(clock))
{
}

Core::Result<QJsonObject> SyncEndpoints::pull(const QString &accountId, const QJsonObject &body) const
{
    const Core::Result<Core::ActorFacts> actor = m_scope.resolve(accountId);
    if (!actor)
        return actor.error();
    return m_pull.pull(*actor, body);
}

QStringList SyncEndpoints::readableBuckets(const QString &accountId) const
{
    const Core::Result<Core::ActorFacts> actor = m_scope.resolve(accountId);
    return actor ? Core::readableBuckets(*actor) : QStringList();
}

Core::Result<QJsonObject> SyncEndpoints::push(const QString &accountId, const QJsonObject &body)
{
    const Core::Result<Core::ActorFacts> actor = m_scope.resolve(accountId);
    if (!actor)
        return actor.error();
    Core::Result<QJsonObject> answer = m_push.push(*actor, body);
    if (answer && m_afterPush)
        m_afterPush();
    return answer;
}

} // namespace Cartable::Server
