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

namespace {

Result<QDateTime> readTime(JsonReader &reader, const QString &key)
{
    const QString text = reader.requiredString(key);
    if (!reader.ok())
        return reader.error();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error{ErrorCode::InvalidField, key};
    return time;
}

QString writeTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

void SessionTokens::writeJson(QJsonObject &object) const
{
    object.insert(u"accessToken"_s, accessToken);
    object.insert(u"accessExpiresAt"_s, writeTime(accessExpiresAt));
    object.insert(u"refreshToken"_s, refreshToken);
    object.insert(u"refreshExpiresAt"_s, writeTime(refreshExpiresAt));
    object.insert(u"passwordChangeRequired"_s, passwordChangeRequired);
}

Result<SessionTokens> SessionTokens::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, {});
    SessionTokens tokens;
    tokens.accessToken = reader.requiredString(u"accessToken"_s);
    tokens.refreshToken = reader.requiredString(u"refreshToken"_s);
    tokens.passwordChangeRequired = reader.optionalBool(u"passwordChangeRequired"_s).value_or(false);
    if (!reader.ok())
        return reader.error();
    if (tokens.accessToken.isEmpty() || tokens.accessToken.size() > kMaxTokenLength)
        return Error{ErrorCode::InvalidField, u"accessToken"_s};
    if (tokens.refreshToken.isEmpty() || tokens.refreshToken.size() > kMaxTokenLength)
        return Error{ErrorCode::InvalidField, u"refreshToken"_s};
    Result<QDateTime> access = readTime(reader, u"accessExpiresAt"_s);
    if (!access)
        return access.error();
    Result<QDateTime> refresh = readTime(reader, u"refreshExpiresAt"_s);
    if (!refresh)
        return refresh.error();
    tokens.accessExpiresAt = *access;
    tokens.refreshExpiresAt = *refresh;
    return tokens;
}

QJsonObject LoginResponse::toJson() const
{
    QJsonObject object{{u"user"_s, user.toJson()}};
    tokens.writeJson(object);
    return object;
}

Result<LoginResponse> LoginResponse::fromJson(const QJsonObject &object)
{
    Result<SessionTokens> tokens = SessionTokens::fromJson(object);
    if (!tokens)
        return tokens.error();
    JsonReader reader(object, {});
    const QJsonObject userObject = reader.requiredObject(u"user"_s);
    if (!reader.ok())
        return reader.error();
    Result<UserProfile> user = UserProfile::fromJson(userObject);
    if (!user)
        return user.error();
    return LoginResponse{std::move(tokens).value(), std::move(user).value()};
}

QJsonObject RefreshRequest::toJson() const
{
    return QJsonObject{{u"refreshToken"_s, refreshToken}};
}

Result<RefreshRequest> RefreshRequest::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, {});
    reader.rejectUnknownKeys({u"refreshToken"_s});
    RefreshRequest request;
    request.refreshToken = reader.requiredString(u"refreshToken"_s);
    if (!reader.ok())
        return reader.error();
    if (request.refreshToken.isEmpty() || request.refreshToken.size() > kMaxTokenLength)
        return Error{ErrorCode::InvalidField, u"refreshToken"_s};
    return request;
}

QJsonObject ChangePasswordRequest::toJson() const
{
    return QJsonObject{{u"currentPassword"_s, currentPassword}, {u"newPassword"_s, newPassword}};
}

Result<ChangePasswordRequest> ChangePasswordRequest::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, {});
    reader.rejectUnknownKeys({u"currentPassword"_s, u"newPassword"_s});
    ChangePasswordRequest request;
    request.currentPassword = reader.requiredString(u"currentPassword"_s);
    request.newPassword = reader.requiredString(u"newPassword"_s);
    if (!reader.ok())
        return reader.error();
    if (request.currentPassword.isEmpty() || request.currentPassword.size() > kMaxPasswordLength)
        return Error{ErrorCode::InvalidField, u"currentPassword"_s};
    if (request.newPassword.isEmpty() || request.newPassword.size() > kMaxPasswordLength)
        return Error{ErrorCode::InvalidField, u"newPassword"_s};
    return request;
}

bool isValidLogin(const QString &login)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    return pattern.match(login).hasMatch();
}

} // namespace Cartable::Core
