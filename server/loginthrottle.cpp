#include "loginthrottle.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

const QString kAccountScope = u"account"_s;
const QString kAddressScope = u"address"_s;

} // namespace

LoginThrottle::LoginThrottle(QSqlDatabase db, ThrottlePolicy policy) : m_db(std::move(db)), m_policy(policy) {}

Core::Result<qint64> LoginThrottle::secondsLocked(const QString &login, const QString &address,
                                                  const QDateTime &now) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT MAX(locked_until) FROM login_throttle "
                  "WHERE (scope = ? AND subject = ?) OR (scope = ? AND subject = ?)"_s);
    query.addBindValue(kAccountScope);
    query.addBindValue(login.toLower());
    query.addBindValue(kAddressScope);
    query.addBindValue(address);
    if (!query.exec() || !query.next())
        return Error{ErrorCode::DatabaseError, query.lastError().text()};
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
    QSqlQuery query(m_db);
    query.prepare(
        u"INSERT INTO login_throttle (scope, subject, failures, window_start, locked_until) "
        "VALUES (?, ?, 1, CAST(? AS BIGINT), CASE WHEN 1 >= CAST(? AS INTEGER) THEN CAST(? AS BIGINT) ELSE 0 END) "
        "ON CONFLICT (scope, subject) DO UPDATE SET "
        "failures = CASE WHEN login_throttle.window_start + CAST(? AS BIGINT) <= CAST(? AS BIGINT) THEN 1 "
        "  ELSE login_throttle.failures + 1 END, "
        "window_start = CASE WHEN login_throttle.window_start + CAST(? AS BIGINT) <= CAST(? AS BIGINT) "
        "  THEN CAST(? AS BIGINT) ELSE login_throttle.window_start END, "
        "locked_until = CASE WHEN login_throttle.window_start + CAST(? AS BIGINT) > CAST(? AS BIGINT) "
        "  AND login_throttle.failures + 1 >= CAST(? AS INTEGER) THEN CAST(? AS BIGINT) "
        "  ELSE login_throttle.locked_until END"_s);
    const qint64 lockedUntil = nowMs + windowMs;
    for (const QVariant &value :
         {QVariant(scope), QVariant(subject), QVariant(nowMs), QVariant(limit), QVariant(lockedUntil),
          QVariant(windowMs), QVariant(nowMs), QVariant(windowMs), QVariant(nowMs), QVariant(nowMs), QVariant(windowMs),
          QVariant(nowMs), QVariant(limit), QVariant(lockedUntil)}) {
        query.addBindValue(value);
    }
    if (!query.exec())
        return Error{ErrorCode::DatabaseError, query.lastError().text()};
    return {};
}

Core::Status LoginThrottle::recordSuccess(const QString &login)
{
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM login_throttle WHERE scope = ? AND subject = ?"_s);
    query.addBindValue(kAccountScope);
    query.addBindValue(login.toLower());
    if (!query.exec())
        return Error{ErrorCode::DatabaseError, query.lastError().text()};
    return {};
}

} // namespace Cartable::Server
