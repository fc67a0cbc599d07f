#include "memorycredentialstore.h"

#include <QTimer>

namespace Cartable::Sync {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

void MemoryCredentialStore::write(const QString &key, const QByteArray &secret, Done done)
{
    QTimer::singleShot(0, this, [this, key, secret, done = std::move(done)] {
        if (m_failing)
            return done(Error{ErrorCode::CredentialStoreError, u"memory store set to fail"_s});
        m_secrets.insert(key, secret);
        done({});
    });
}

void MemoryCredentialStore::read(const QString &key, ReadDone done)
{
    QTimer::singleShot(0, this, [this, key, done = std::move(done)] {
        if (m_failing)
            return done(Error{ErrorCode::CredentialStoreError, u"memory store set to fail"_s});
        const auto it = m_secrets.constFind(key);
        if (it == m_secrets.constEnd())
            return done(Error{ErrorCode::NotFound, key});
        done(*it);
    });
}

void MemoryCredentialStore::remove(const QString &key, Done done)
{
    QTimer::singleShot(0, this, [this, key, done = std::move(done)] {
        if (m_failing)
            return done(Error{ErrorCode::CredentialStoreError, u"memory store set to fail"_s});
        m_secrets.remove(key);
        done({});
    });
}

} // namespace Cartable::Sync
