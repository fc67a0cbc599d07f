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

// The two tokens of a session: a short-lived access token for API calls, and
// a refresh token that is exchanged, once, for a new pair. Both are opaque.
struct SessionTokens
{
    QString accessToken;
    QDateTime accessExpiresAt;
    QString refreshToken;
    QDateTime refreshExpiresAt;
    // The account must choose a new password before anything else (a first
    // sign-in, or a password reset by an administrator).
    bool passwordChangeRequired = false;

    // Writes the four fields into `object`.
    void writeJson(QJsonObject &object) const;
    static Result<SessionTokens> fromJson(const QJsonObject &object);
};

// Answer to a successful login: the session's tokens and who signed in.
struct LoginResponse
{
    SessionTokens tokens;
    UserProfile user;

    QJsonObject toJson() const;
    static Result<LoginResponse> fromJson(const QJsonObject &object);
};

// Body of POST /api/v1/auth/refresh.
struct RefreshRequest
{
    QString refreshToken;

    QJsonObject toJson() const;
    static Result<RefreshRequest> fromJson(const QJsonObject &object);
};

// Body of POST /api/v1/auth/password.
struct ChangePasswordRequest
{
    QString currentPassword;
    QString newPassword;

    QJsonObject toJson() const;
    static Result<ChangePasswordRequest> fromJson(const QJsonObject &object);
};

// Longest token either side accepts.
inline constexpr int kMaxTokenLength = 128;

// True for a login made of lower-case ASCII letters, digits, '.', '-' and '_',
// starting with a letter or digit, at most kMaxLoginLength characters.
bool isValidLogin(const QString &login);

} // namespace Cartable::Core
