#include "passwordhasher.h"

#include <QCryptographicHash>

#include <sodium.h>

#include <array>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

PasswordHasher::PasswordHasher()
{
    Core::Result<QByteArray> dummy = hash(u"not a password of anybody"_s);
    if (dummy)
        m_dummyHash = *dummy;
}

Core::Result<QByteArray> PasswordHasher::hash(const QString &password) const
{
    if (!sodiumReady())
        return Error{ErrorCode::Internal, u"libsodium cannot start"_s};
    const QByteArray utf8 = password.toUtf8();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(out.data(), utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return Error{ErrorCode::Internal, u"out of memory while hashing"_s};
    }
    return QByteArray(out.data());
}

bool PasswordHasher::verify(const QByteArray &storedHash, const QString &password) const
{
    if (!sodiumReady() || storedHash.isEmpty() || storedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    // crypto_pwhash_str_verify wants a NUL-terminated string; QByteArray has one.
    return crypto_pwhash_str_verify(storedHash.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size()))
           == 0;
}

void PasswordHasher::verifyAgainstDummy(const QString &password) const
{
    (void)verify(m_dummyHash, password);
}

QString newSessionToken()
{
    sodiumReady();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    const QByteArray raw(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace Cartable::Server
