#include "loginthrottle.h"

#include "core/sqlstatement.h"

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::databaseError;
using Core::execPrepared;

namespace {

const QString kAccountScope = u"account"_s;
const QString kAddressScope = u"address"_s;

// The scope of the logins that failed from `address`: one row per login, so
// that a login failing again and again counts once.
QString failedLoginsScope(const QString &address)
{
    return u"logins_from:"_s + address;
}

} // namespace

LoginThrottle::LoginThrottle(QSqlDatabase db, ThrottlePolicy policy) : m_db(std::move(db)), m_policy(policy) {}

qint64 LoginThrottle::windowMs() const
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_policy.lockout).count();
}

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
    if (Core::Status swept = forgetStaleRows(now); !swept)
        return swept;
    if (Core::Status counted = countFailure(kAccountScope, login.toLower(), m_policy.failuresPerAccount, now);
        !counted) {
        return counted;
    }
    if (Core::Status counted = countFailure(kAddressScope, address, m_policy.failuresPerAddress, now); !counted)
        return counted;
    return countFailedLogin(login, address, now);
}

Core::Status LoginThrottle::countFailure(const QString &scope, const QString &subject, int limit, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 window = windowMs();
    // A count older than the window starts again at one. The parameters are
    // cast so that PostgreSQL knows their types.
    const qint64 lockedUntil = nowMs + window;
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
        scope, subject, nowMs, limit, lockedUntil, window, nowMs, window, nowMs, nowMs, window, nowMs, limit,
        lockedUntil);
    if (!ok)
        return databaseError(query);
    return {};
}

Core::Status LoginThrottle::countFailedLogin(const QString &login, const QString &address, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const QString scope = failedLoginsScope(address);
    QSqlQuery query(m_db);
    // The login's row, with the time of its last failure: it counts for the
    // address while that is within the window.
    if (!execPrepared(query,
                      u"INSERT INTO login_throttle (scope, subject, failures, window_start, locked_until) "
                      "VALUES (?, ?, 1, CAST(? AS BIGINT), 0) "
                      "ON CONFLICT (scope, subject) DO UPDATE SET "
                      "failures = login_throttle.failures + 1, window_start = CAST(? AS BIGINT)"_s,
                      scope, login.toLower(), nowMs, nowMs)) {
        return databaseError(query);
    }
    // Counted after this process's own upsert: of two processes failing at
    // once, the later count sees both logins.
    if (!execPrepared(query,
                      u"SELECT count(*) FROM login_throttle WHERE scope = ? AND window_start > CAST(? AS BIGINT)"_s,
                      scope, nowMs - windowMs())
        || !query.next()) {
        return databaseError(query);
    }
    const qint64 logins = query.value(0).toLongLong();
    query.finish();
    if (logins < m_policy.loginsPerAddress)
        return {};
    // countFailure() made the address's row a moment ago.
    const qint64 lockedUntil = nowMs + windowMs();
    if (!execPrepared(query,
                      u"UPDATE login_throttle SET locked_until = CAST(? AS BIGINT) "
                      "WHERE scope = ? AND subject = ? AND locked_until < CAST(? AS BIGINT)"_s,
                      lockedUntil, kAddressScope, address, lockedUntil)) {
        return databaseError(query);
    }
    return {};
}

Core::Status LoginThrottle::forgetStaleRows(const QDateTime &now)
{
    // A row whose window has passed and that locks nothing counts nothing:
    // the next failure would start it again. Without this, a spray of made-up
    // logins from many addresses would grow the table for ever.
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QSqlQuery query(m_db);
    if (!execPrepared(query,
                      u"DELETE FROM login_throttle WHERE window_start <= CAST(? AS BIGINT) "
                      "AND locked_until <= CAST(? AS BIGINT)"_s,
                      nowMs - windowMs(), nowMs)) {
        return databaseError(query);
    }
    return {};
}

Core::Status LoginThrottle::recordSuccess(const QString &login, const QString &address)
{
    if (Core::Status cleared = clearLogin(login); !cleared)
        return cleared;
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"DELETE FROM login_throttle WHERE scope = ? AND subject = ?"_s,
                      failedLoginsScope(address), login.toLower())) {
        return databaseError(query);
    }
    return {};
}

Core::Status LoginThrottle::clearLogin(const QString &login)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"DELETE FROM login_throttle WHERE scope = ? AND subject = ?"_s, kAccountScope,
                      login.toLower())) {
        return databaseError(query);
    }
    return {};
}

} // namespace Cartable::Server
