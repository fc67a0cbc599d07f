#pragma once

#include "credentialstore.h"

namespace Cartable::Sync {

// The OS keychain through QtKeychain: Secret Service on Linux, Keychain on
// macOS, the Credential Manager on Windows. Never falls back to a plain file.
class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(QString service, QObject *parent = nullptr);

    void write(const QString &key, const QByteArray &secret, Done done) override;
    void read(const QString &key, ReadDone done) override;
    void remove(const QString &key, Done done) override;

private:
    QString m_service;
};

} // namespace Cartable::Sync
