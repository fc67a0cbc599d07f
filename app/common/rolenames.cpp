#include "rolenames.h"

namespace Cartable::Gui {

using Core::Role;

QString RoleNames::displayName(Role role)
{
    switch (role) {
    case Role::Student:
        return tr("Student");
    case Role::Guardian:
        return tr("Guardian");
    case Role::Teacher:
        return tr("Teacher");
    case Role::VieScolaire:
        return tr("Student life (CPE)");
    case Role::Secretariat:
        return tr("Secretariat");
    case Role::Head:
        return tr("Management");
    case Role::LocalAuthority:
        return tr("Local authority");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace Cartable::Gui
