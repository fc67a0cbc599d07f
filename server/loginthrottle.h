#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <chrono>

namespace Cartable::Server {

// The limits of docs/SECURITY.md, "Sign-in throttling". Every count is over
// the last `lockout`, and reaching a limit locks for `lockout`.
struct ThrottlePolicy
{
    // Failed sign-ins of one login, known or not, that lock that login.
    int failuresPerAccount = 5;
    // Different logins that failed from one address that lock the address:
    // a spray over many accounts. A school behind one NAT address shares
    // it, so one pupil's mistakes, however many, count once.
    int loginsPerAddress = 30;
    // Failed sign-ins from one address, whatever the logins, that lock the
    // address: a ceiling for one machine that keeps trying.
    int failuresPerAddress = 200;
    std::chrono::minutes lockout{15};
};

// Counts failed sign-ins in the server database (so that several server
// processes share the counts) and says when sign-in is locked. Each count is
// one atomic upsert: two processes failing at once cannot lose a failure.
//
// Rows of the login_throttle table, by scope:
//   "account", login: the login's failures since the first of its window;
//   "address", address: the address's failures, the same way, and the lock
//   of the address whichever limit set it;
//   "logins_from:<address>", login: a login that failed from the address,
//   with its failures and the time of its last one; the address's live rows
//   of this scope are its different failed logins.
class LoginThrottle
{
public:
    LoginThrottle(QSqlDatabase db, ThrottlePolicy policy);

    // Seconds until sign-in is possible again for this login or this
    // address; 0 when it is not locked.
    [[nodiscard]] Core::Result<qint64> secondsLocked(const QString &login, const QString &address,
                                                     const QDateTime &now) const;
    [[nodiscard]] Core::Status recordFailure(const QString &login, const QString &address, const QDateTime &now);
    // A success clears the login's count, and takes the login off the
    // address's failed logins (those were its owner's typing). The address's
    // total stays: one good password must not hide a spray over other
    // accounts.
    [[nodiscard]] Core::Status recordSuccess(const QString &login, const QString &address);
    // Clears the login's count (an administrator reset its password).
    [[nodiscard]] Core::Status clearLogin(const QString &login);

    const ThrottlePolicy &policy() const { return m_policy; }

private:
    [[nodiscard]] Core::Status countFailure(const QString &scope, const QString &subject, int limit,
                                            const QDateTime &now);
    [[nodiscard]] Core::Status countFailedLogin(const QString &login, const QString &address, const QDateTime &now);
    [[nodiscard]] Core::Status forgetStaleRows(const QDateTime &now);
    qint64 windowMs() const;

    QSqlDatabase m_db;
    ThrottlePolicy m_policy;
};

} // namespace Cartable::Server
