#include "loginthrottle.h"

#include "core/sqlstatement.h"

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::databaseError;
using Core::execPrepared;

namespace {

const QString kAccountScope = u"account"_s;
const QString kAddressScope = u"address"_s;

} // namespace

LoginThrottle::LoginThrottle(QSqlDatabase db, ThrottlePolicy policy) : m_db(std::move(db)), m_policy(policy) {}

Core::Result<qint64> LoginThrottle::secondsLocked(const QString &login, const QString &address,
                                                  const QDateTime &now) const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query,
                      u"SELECT MAX(locked_until) FROM login_throttle "
                      "WHERE (scope = ? AND subject = ?) OR (scope = ? AND subject = ?)"_s,
                      kAccountScope, login.toLower(), kAddressScope, address)
        || !query.next()) {
        return databaseError(query);
    }
    const qint64 lockedUntil = query.value(0).toLongLong();
    const qint64 remainingMs = lockedUntil - now.toMSecsSinceEpoch();
    return remainingMs > 0 ? (remainingMs + 999) / 1000 : 0;
}

Core::Status LoginThrottle::recordFailure(const QString &login, const QString &address, const QDateTime &now)
{
    if (Core::Status counted = countFailure(kAccountScope, login.toLower(), m_policy.failuresPerAccount, now);
        !counted) {
        return counted;
    }
    return countFailure(kAddressScope, address, m_policy.failuresPerAddress, now);
}

Core::Status LoginThrottle::countFailure(const QString &scope, const QString &subject, int limit, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 windowMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_policy.lockout).count();
    // A count older than the window starts again at one. The parameters are
    // cast so that PostgreSQL knows their types.
    const qint64 lockedUntil = nowMs + windowMs;
    QSqlQuery query(m_db);
    const bool ok = execPrepared(
        query,
        u"INSERT INTO login_throttle (scope, subject, failures, window_start, locked_until) "
        "VALUES (?, ?, 1, CAST(? AS BIGINT), CASE WHEN 1 >= CAST(? AS INTEGER) THEN CAST(? AS BIGINT) ELSE 0 END) "
        "ON CONFLICT (scope, subject) DO UPDATE SET "
        "failures = CASE WHEN login_throttle.window_start + CAST(? AS BIGINT) <= CAST(? AS BIGINT) THEN 1 "
        "  ELSE login_throttle.failures + 1 END, "
        "window_start = CASE WHEN login_throttle.window_start + CAST(? AS BIGINT) <= CAST(? AS BIGINT) "
        "  THEN CAST(? AS BIGINT) ELSE login_throttle.window_start END, "
        "locked_until = CASE WHEN login_throttle.window_start + CAST(? AS BIGINT) > CAST(? AS BIGINT) "
        "  AND login_throttle.failures + 1 >= CAST(? AS INTEGER) THEN CAST(? AS BIGINT) "
        "  ELSE login_throttle.locked_until END"_s,
        scope, subject, nowMs, limit, lockedUntil, windowMs, nowMs, windowMs, nowMs, nowMs, windowMs, nowMs, limit,
        lockedUntil);
    if (!ok)
        return databaseError(query);
    return {};
}

Core::Status LoginThrottle::recordSuccess(const QString &login)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"DELETE FROM login_throttle WHERE scope = ? AND subject = ?"_s, kAccountScope,
                      login.toLower())) {
        return databaseError(query);
    }
    return {};
}

} // namespace Cartable::Server
