#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <chrono>

namespace Cartable::Server {

struct ThrottlePolicy
{
    int failuresPerAccount = 5;
    int failuresPerAddress = 5;
    // Failures count within this window from the first one; reaching the
    // limit locks sign-in for as long.
    std::chrono::minutes lockout{15};
};

// Counts failed sign-ins per account and per client address in the server
// database (so that several server processes share the counts) and says when
// sign-in is locked. Each count is one atomic upsert: two processes failing
// at once cannot lose a failure.
class LoginThrottle
{
public:
    LoginThrottle(QSqlDatabase db, ThrottlePolicy policy);

    // Seconds until sign-in is possible again for this login or this
    // address; 0 when it is not locked.
    [[nodiscard]] Core::Result<qint64> secondsLocked(const QString &login, const QString &address,
                                                     const QDateTime &now) const;
    [[nodiscard]] Core::Status recordFailure(const QString &login, const QString &address, const QDateTime &now);
    // A success clears the account's count (not the address's: one good
    // password must not reset a spray across other accounts).
    [[nodiscard]] Core::Status recordSuccess(const QString &login);

    const ThrottlePolicy &policy() const { return m_policy; }

private:
    [[nodiscard]] Core::Status countFailure(const QString &scope, const QString &subject, int limit,
                                            const QDateTime &now);

    QSqlDatabase m_db;
    ThrottlePolicy m_policy;
};

} // namespace Cartable::Server
