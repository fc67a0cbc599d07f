#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Cartable::Server {

// Argon2id password hashes through libsodium, in its self-describing string
// form ($argon2id$v=19$m=…,t=…,p=…$salt$hash), with the interactive limits.
class PasswordHasher
{
public:
    PasswordHasher();

    [[nodiscard]] Core::Result<QByteArray> hash(const QString &password) const;
    bool verify(const QByteArray &storedHash, const QString &password) const;
    // Spends the same time as verify() does for an existing account, so that
    // a login for an unknown user cannot be told apart by its timing.
    void verifyAgainstDummy(const QString &password) const;

private:
    QByteArray m_dummyHash;
};

// A random token of 32 bytes in URL-safe base64, and the hash the server keeps
// of it (SHA-256, hex): a leaked database gives no usable token.
QString newSessionToken();
QString tokenHash(const QString &token);

} // namespace Cartable::Server
