#include "authmessages.h"

#include "jsonreader.h"

#include <QRegularExpression>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

QJsonObject LoginRequest::toJson() const
{
    return QJsonObject{{u"login"_s, login}, {u"password"_s, password}};
}

Result<LoginRequest> LoginRequest::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, {});
    reader.rejectUnknownKeys({u"login"_s, u"password"_s});
    LoginRequest request;
    request.login = reader.requiredString(u"login"_s);
    request.password = reader.requiredString(u"password"_s);
    if (!reader.ok())
        return reader.error();
    if (request.login.isEmpty() || request.login.size() > kMaxLoginLength)
        return Error{ErrorCode::InvalidField, u"login"_s};
    if (request.password.isEmpty() || request.password.size() > kMaxPasswordLength)
        return Error{ErrorCode::InvalidField, u"password"_s};
    return request;
}

QJsonObject LoginResponse::toJson() const
{
    return QJsonObject{
        {u"token"_s, token},
        {u"expiresAt"_s, expiresAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"user"_s, user.toJson()},
    };
}

Result<LoginResponse> LoginResponse::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, {});
    LoginResponse response;
    response.token = reader.requiredString(u"token"_s);
    const QString expires = reader.requiredString(u"expiresAt"_s);
    const QJsonObject userObject = reader.requiredObject(u"user"_s);
    if (!reader.ok())
        return reader.error();
    if (response.token.isEmpty())
        return Error{ErrorCode::InvalidField, u"token"_s};
    response.expiresAt = QDateTime::fromString(expires, Qt::ISODateWithMs);
    if (!response.expiresAt.isValid())
        return Error{ErrorCode::InvalidField, u"expiresAt"_s};
    Result<UserProfile> user = UserProfile::fromJson(userObject);
    if (!user)
        return user.error();
    response.user = std::move(user).value();
    return response;
}

bool isValidLogin(const QString &login)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    return pattern.match(login).hasMatch();
}

} // namespace Cartable::Core
