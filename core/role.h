#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Cartable::Core {

// The roles a person may hold in an establishment. One person may hold several
// roles, in several establishments.
enum class Role {
    Student,
    Guardian,
    Teacher,
    VieScolaire,
    Secretariat,
    Head,
    LocalAuthority,
};

// Stable wire code of a role ("teacher", "guardian", ...).
QString roleCode(Role role);
std::optional<Role> roleFromCode(const QString &code);

// The roles that see the staff side of an establishment.
bool isStaffRole(Role role);
// The roles that see every class and student of an establishment.
bool isSchoolWideRole(Role role);
QList<Role> allRoles();

} // namespace Cartable::Core
