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
    bool mustChangePassword = false;
    // Set by the school (through sync) or an administrator: no sign-in.
    bool disabled = false;
};

// Accounts and their roles in establishments, in the server database.
// Prepared statements only.
class AccountStore
{
public:
    explicit AccountStore(QSqlDatabase db);

    [[nodiscard]] Core::Result<std::optional<AccountRecord>> findByLogin(const QString &login) const;
    [[nodiscard]] Core::Result<Core::UserProfile> profile(const QString &accountId) const;
    [[nodiscard]] Core::Result<bool> hasEstablishments() const;

    [[nodiscard]] Core::Status createEstablishment(const Core::Establishment &establishment);
    [[nodiscard]] Core::Status createAccount(const AccountRecord &account, const QDateTime &createdAt);
    // Replaces the password hash; `mustChange` makes the next sign-in ask for
    // a new password.
    [[nodiscard]] Core::Status setPassword(const QString &accountId, const QByteArray &hash, bool mustChange);
    // Disables or enables the account as a change of the feed made on the
    // server, so that every replica holding the account row learns it; in
    // the same commit, disabling ends every session of the account
    // (RowWriter::put). False when the account already was so: nothing is
    // written. NotFound for an unknown id.
    [[nodiscard]] Core::Result<bool> setDisabled(const QString &accountId, bool disabled, const QDateTime &now);
    // A new id is made when `id` is empty.
    [[nodiscard]] Core::Status addRole(const QString &accountId, const QString &establishmentId, Core::Role role,
                                       const QString &id = {});

    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
};

} // namespace Cartable::Server
