#pragma once

#include "core/result.h"
#include "core/role.h"
#include "core/userprofile.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Cartable::Server {

struct AccountRecord
{
    QString id;
    QString login;
    QString displayName;
    QByteArray passwordHash;
};

// Accounts, their roles in establishments, and their sessions, in the server
// database. Prepared statements only.
class AccountStore
{
public:
    explicit AccountStore(QSqlDatabase db);

    [[nodiscard]] Core::Result<std::optional<AccountRecord>> findByLogin(const QString &login) const;
    [[nodiscard]] Core::Result<Core::UserProfile> profile(const QString &accountId) const;
    [[nodiscard]] Core::Result<bool> hasEstablishments() const;

    [[nodiscard]] Core::Status createEstablishment(const Core::Establishment &establishment);
    [[nodiscard]] Core::Status createAccount(const AccountRecord &account, const QDateTime &createdAt);
    [[nodiscard]] Core::Status addRole(const QString &accountId, const QString &establishmentId, Core::Role role);

    [[nodiscard]] Core::Status createSession(const QString &tokenHash, const QString &accountId,
                                             const QDateTime &createdAt, const QDateTime &expiresAt);
    // The account of an unexpired session, or nothing.
    [[nodiscard]] Core::Result<std::optional<QString>> sessionAccount(const QString &tokenHash,
                                                                      const QDateTime &now) const;
    [[nodiscard]] Core::Status deleteSession(const QString &tokenHash);
    [[nodiscard]] Core::Status deleteExpiredSessions(const QDateTime &now);

    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
};

} // namespace Cartable::Server
