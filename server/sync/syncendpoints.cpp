#include "syncendpoints.h"

namespace Cartable::Server {

SyncEndpoints::SyncEndpoints(QSqlDatabase db, PushService::Clock clock)
    : m_scopes(db), m_pull(db), m_push(db, std::move(clock))
{
}

Core::Result<std::shared_ptr<const AccountScope>> SyncEndpoints::scopeOf(const QString &accountId,
                                                                         std::optional<FeedCounter> *counter)
{
    const Core::Result<FeedCounter> read = m_pull.feed().counter();
    if (!read)
        return read.error();
    if (counter)
        *counter = *read;
    return m_scopes.scope(accountId, read->scopeSeq);
}

Core::Result<Core::PullPage> SyncEndpoints::pull(const QString &accountId, const QJsonObject &body)
{
    std::optional<FeedCounter> counter;
    const Core::Result<std::shared_ptr<const AccountScope>> scope = scopeOf(accountId, &counter);
    if (!scope)
        return scope.error();
    return m_pull.page(**scope, body, counter);
}

QStringList SyncEndpoints::readableBuckets(const QString &accountId)
{
    const Core::Result<std::shared_ptr<const AccountScope>> scope = scopeOf(accountId, nullptr);
    return scope ? (*scope)->readable : QStringList();
}

Core::Result<qint64> SyncEndpoints::scopeSequence()
{
    const Core::Result<FeedCounter> read = m_pull.feed().counter();
    if (!read)
        return read.error();
    return read->scopeSeq;
}

Core::Result<QJsonObject> SyncEndpoints::push(const QString &accountId, const QJsonObject &body)
{
    const Core::Result<std::shared_ptr<const AccountScope>> scope = scopeOf(accountId, nullptr);
    if (!scope)
        return scope.error();
    Core::Result<QJsonObject> answer = m_push.push((*scope)->facts, body);
    if (answer && m_afterPush)
        m_afterPush();
    return answer;
}

} // namespace Cartable::Server
