#include "accountstore.h"

#include "server/scoperesolver.h"
#include "server/sessionstore.h"
#include "server/sync/cachedlookup.h"
#include "server/sync/feedstore.h"
#include "server/sync/rowwriter.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/sqlstatement.h"
#include "core/transaction.h"

#include <QSqlError>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::databaseError;
using Core::Error;
using Core::ErrorCode;
using Core::execPrepared;

AccountStore::AccountStore(QSqlDatabase db) : m_db(std::move(db)) {}

Core::Result<std::optional<AccountRecord>> AccountStore::findByLogin(const QString &login) const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query,
                      u"SELECT id, login, display_name, password_hash, must_change_password, disabled "
                      "FROM account WHERE login = ?"_s,
                      login))
        return databaseError(query);
    if (!query.next())
        return std::optional<AccountRecord>();
    return std::optional<AccountRecord>(AccountRecord{
        query.value(0).toString(),
        query.value(1).toString(),
        query.value(2).toString(),
        query.value(3).toString().toLatin1(),
        query.value(4).toInt() != 0,
        query.value(5).toInt() != 0,
    });
}

Core::Result<Core::UserProfile> AccountStore::profile(const QString &accountId) const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"SELECT id, login, display_name FROM account WHERE id = ?"_s, accountId))
        return databaseError(query);
    if (!query.next())
        return Error{ErrorCode::NotFound, u"account"_s};
    Core::UserProfile profile;
    profile.id = query.value(0).toString();
    profile.login = query.value(1).toString();
    profile.displayName = query.value(2).toString();

    if (!execPrepared(query,
                      u"SELECT r.role, e.id, e.uai, e.name FROM account_role r "
                      "JOIN establishment e ON e.id = r.establishment_id "
                      "WHERE r.account_id = ? ORDER BY e.name, r.role"_s,
                      accountId)) {
        return databaseError(query);
    }
    while (query.next()) {
        const std::optional<Core::Role> role = Core::roleFromCode(query.value(0).toString());
        if (!role)
            return Error{ErrorCode::DatabaseError, u"unknown role in account_role"_s};
        profile.assignments.append(Core::RoleAssignment{
            *role,
            Core::Establishment{query.value(1).toString(), query.value(2).toString(), query.value(3).toString()},
        });
    }
    return profile;
}

Core::Result<bool> AccountStore::hasEstablishments() const
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"SELECT 1 FROM establishment LIMIT 1"_s))
        return databaseError(query);
    return query.next();
}

Core::Status AccountStore::createEstablishment(const Core::Establishment &establishment)
{
    if (!Core::isValidUai(establishment.uai))
        return Error{ErrorCode::InvalidField, u"uai"_s};
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"INSERT INTO establishment (id, uai, name) VALUES (?, ?, ?)"_s, establishment.id,
                      establishment.uai, establishment.name)) {
        return databaseError(query);
    }
    return {};
}

Core::Status AccountStore::createAccount(const AccountRecord &account, const QDateTime &createdAt)
{
    QSqlQuery query(m_db);
    if (!execPrepared(
            query, u"INSERT INTO account (id, login, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"_s,
            account.id, account.login, account.displayName, QString::fromLatin1(account.passwordHash),
            createdAt.toMSecsSinceEpoch())) {
        return databaseError(query);
    }
    return {};
}

Core::Status AccountStore::setPassword(const QString &accountId, const QByteArray &hash, bool mustChange)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"UPDATE account SET password_hash = ?, must_change_password = ? WHERE id = ?"_s,
                      QString::fromLatin1(hash), mustChange ? 1 : 0, accountId)) {
        return databaseError(query);
    }
    if (query.numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, u"account"_s};
    return {};
}

Core::Result<bool> AccountStore::setDisabled(const QString &accountId, bool disabled, const QDateTime &now)
{
    const QString type = QString::fromUtf16(Core::Entity::Account);
    const QString field = u"disabled"_s;
    if (!Core::beginWriteTransaction(m_db))
        return Error{ErrorCode::DatabaseError, m_db.lastError().text()};
    Core::StatementCache statements(m_db);
    FeedStore feed(statements);
    const SqlPolicyLookup sql(statements);
    CachedLookup lookup(sql);
    const auto write = [&]() -> Core::Result<bool> {
        const std::optional<Core::Record> before = lookup.row(type, accountId);
        if (!before)
            return Error{ErrorCode::NotFound, u"account"_s};
        if (before->flag(field) == disabled)
            return false;
        Core::Record after = *before;
        after.set(field, disabled);
        const Core::Result<std::optional<RowState>> state = feed.rowState(type, accountId);
        if (!state)
            return state.error();
        if (!state->has_value()) {
            // Not in the feed yet (stored without it, as the --demo accounts
            // are): the server's next start indexes it as it is now.
            if (const Core::Result<Core::Statement *> set
                = statements.run(u"UPDATE account SET disabled = ? WHERE id = ?"_s, disabled ? 1 : 0, accountId);
                !set) {
                return set.error();
            }
            if (const Core::Status ended = SessionStore::endSessionsIfDisabled(statements, after); !ended)
                return ended.error();
            return true;
        }
        const Core::Result<qint64> seq = feed.reserve();
        if (!seq)
            return seq.error();
        // A change of the server's own, stamped with its clock: a change
        // made offline before it loses to it, one made after wins.
        RowState next = **state;
        next.version = *seq;
        next.fields.insert(field, FieldStamp{*seq, Core::HlcTimestamp{now.toMSecsSinceEpoch(), 0}, {}, {}});
        if (const Core::Status put = RowWriter(statements, feed, lookup).put(after, next, *seq); !put)
            return put.error();
        return true;
    };
    const Core::Result<bool> written = write();
    if (!written) {
        m_db.rollback();
        return written;
    }
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text();
        m_db.rollback();
        return Error{ErrorCode::DatabaseError, reason};
    }
    return written;
}

Core::Status AccountStore::addRole(const QString &accountId, const QString &establishmentId, Core::Role role,
                                   const QString &id)
{
    QSqlQuery query(m_db);
    if (!execPrepared(query, u"INSERT INTO account_role (id, account_id, establishment_id, role) VALUES (?, ?, ?, ?)"_s,
                      id.isEmpty() ? Core::newId() : id, accountId, establishmentId, Core::roleCode(role))) {
        return databaseError(query);
    }
    return {};
}

} // namespace Cartable::Server
