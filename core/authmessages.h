#pragma once

#include "result.h"
#include "userprofile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Cartable::Core {

// Limits shared by both sides, so the client refuses what the server would.
inline constexpr int kMaxLoginLength = 64;
inline constexpr int kMaxPasswordLength = 1024;

// Body of POST /api/v1/auth/login.
struct LoginRequest
{
    QString login;
    QString password;

    QJsonObject toJson() const;
    // Strict: both fields required, strings, within limits, no unknown keys.
    static Result<LoginRequest> fromJson(const QJsonObject &object);
};

// Answer to a successful login: an opaque session token and who signed in.
struct LoginResponse
{
    QString token;
    QDateTime expiresAt;
    UserProfile user;

    QJsonObject toJson() const;
    static Result<LoginResponse> fromJson(const QJsonObject &object);
};

// True for a login made of lower-case ASCII letters, digits, '.', '-' and '_',
// starting with a letter or digit, at most kMaxLoginLength characters.
bool isValidLogin(const QString &login);

} // namespace Cartable::Core
