#include "scopecache.h"

namespace Cartable::Server {

Core::Result<std::shared_ptr<const AccountScope>> ScopeCache::scope(const QString &accountId, qint64 scopeSeq)
{
    if (scopeSeq != m_seq || m_scopes.size() >= kKept) {
        m_scopes.clear();
        m_seq = scopeSeq;
    }
    if (const auto kept = m_scopes.constFind(accountId); kept != m_scopes.constEnd())
        return *kept;
    const Core::Result<Core::ActorFacts> facts = m_resolver.resolve(accountId);
    if (!facts)
        return facts.error();
    auto made = std::make_shared<const AccountScope>(AccountScope::of(*facts));
    m_scopes.insert(accountId, made);
    return made;
}

} // namespace Cartable::Server
