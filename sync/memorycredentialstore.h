#pragma once

#include "credentialstore.h"

#include <QHash>

namespace Cartable::Sync {

// A credential store that keeps secrets in this process only, for tests that
// do not test the keychain itself.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    using CredentialStore::CredentialStore;

    void write(const QString &key, const QByteArray &secret, Done done) override;
    void read(const QString &key, ReadDone done) override;
    void remove(const QString &key, Done done) override;

    // Synchronous view, for tests.
    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QByteArray secret(const QString &key) const { return m_secrets.value(key); }
    qsizetype size() const { return m_secrets.size(); }
    // Makes every later call fail, to test how callers handle a broken keychain.
    void setFailing(bool failing) { m_failing = failing; }

private:
    QHash<QString, QByteArray> m_secrets;
    bool m_failing = false;
};

} // namespace Cartable::Sync
