#include "role.h"

#include <array>
#include <utility>

namespace Cartable::Core {

namespace {

constexpr std::array kCodes{
    std::pair{Role::Student, "student"},
    std::pair{Role::Guardian, "guardian"},
    std::pair{Role::Teacher, "teacher"},
    std::pair{Role::VieScolaire, "vie_scolaire"},
    std::pair{Role::Secretariat, "secretariat"},
    std::pair{Role::Head, "head"},
    std::pair{Role::LocalAuthority, "local_authority"},
};

} // namespace

QString roleCode(Role role)
{
    for (const auto &[value, code] : kCodes) {
        if (value == role)
            return QString::fromLatin1(code);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Role> roleFromCode(const QString &code)
{
    for (const auto &[value, text] : kCodes) {
        if (code == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

QList<Role> allRoles()
{
    QList<Role> roles;
    for (const auto &entry : kCodes)
        roles.append(entry.first);
    return roles;
}

bool isStaffRole(Role role)
{
    return role == Role::Teacher || isSchoolWideRole(role);
}

bool isSchoolWideRole(Role role)
{
    return role == Role::VieScolaire || role == Role::Secretariat || role == Role::Head;
}

} // namespace Cartable::Core
