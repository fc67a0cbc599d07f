#pragma once

#include "core/result.h"
#include "core/role.h"
#include "core/userprofile.h"

#include <QList>
#include <QString>

namespace Cartable::Server {

class AccountStore;
class PasswordHasher;

// The demo establishments and one account for every role, always the same, so
// that the README can name them. Every demo password is kDemoPassword.
struct DemoAccount
{
    QString login;
    QString displayName;
    // (role, index into demoEstablishments())
    QList<std::pair<Core::Role, int>> roles;
    QString description;
};

inline constexpr char16_t kDemoPassword[] = u"cartable";

QList<DemoAccount> demoAccounts();

// The two demo establishments (Lycée Victor-Hugo, Collège Jean-Moulin), with
// fixed ids, and the fixed id of the n-th demo account (from 1).
QList<Core::Establishment> demoEstablishments();
QString demoAccountId(int index);

// Creates the demo data when the database has no establishment yet, in one
// transaction. Returns true when it created them.
[[nodiscard]] Core::Result<bool> seedDemoData(AccountStore &store, const PasswordHasher &hasher);

// A plain-text table of the demo logins, for people.
QString demoLoginsTable();

} // namespace Cartable::Server
