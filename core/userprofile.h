#pragma once

#include "result.h"
#include "role.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cartable::Core {

struct Establishment
{
    QString id;
    QString uai; // national code (RNE): 7 digits and a check letter
    QString name;

    friend bool operator==(const Establishment &, const Establishment &) = default;
};

struct RoleAssignment
{
    Role role = Role::Student;
    Establishment establishment;

    friend bool operator==(const RoleAssignment &, const RoleAssignment &) = default;
};

// Who a signed-in account is: what the main window and `whoami` show.
struct UserProfile
{
    QString id;
    QString login;
    QString displayName;
    QList<RoleAssignment> assignments;

    QList<Role> roles() const;
    QList<Establishment> establishments() const;

    QJsonObject toJson() const;
    static Result<UserProfile> fromJson(const QJsonObject &object);

    friend bool operator==(const UserProfile &, const UserProfile &) = default;
};

// True for a well-formed UAI code: seven digits then their check letter
// (0751234J).
bool isValidUai(const QString &uai);

} // namespace Cartable::Core
