#include "passwordpolicy.h"

#include "authmessages.h"

#include <QRandomGenerator>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

Status checkNewPassword(const QString &newPassword, const QString &login, const QString &currentPassword)
{
    // Length in characters as people count them, not in UTF-16 units.
    const qsizetype length = newPassword.toUcs4().size();
    if (length < kMinPasswordLength)
        return Error{ErrorCode::WeakPassword, u"too_short"_s};
    if (newPassword.size() > kMaxPasswordLength)
        return Error{ErrorCode::WeakPassword, u"too_long"_s};
    if (!login.isEmpty() && newPassword.contains(login, Qt::CaseInsensitive))
        return Error{ErrorCode::WeakPassword, u"contains_login"_s};
    if (newPassword == currentPassword)
        return Error{ErrorCode::WeakPassword, u"unchanged"_s};
    return {};
}

QString makeTemporaryPassword()
{
    static constexpr char16_t kAlphabet[] = u"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr int kAlphabetSize = int(std::size(kAlphabet)) - 1;
    QString password;
    for (int i = 0; i < 16; ++i) {
        if (i > 0 && i % 4 == 0)
            password += u'-';
        password += QChar(kAlphabet[QRandomGenerator::system()->bounded(kAlphabetSize)]);
    }
    return password;
}

} // namespace Cartable::Core
