#pragma once

#include "core/role.h"

#include <QCoreApplication>
#include <QString>

namespace Cartable::Gui {

// The names of the roles as the people of a French school say them.
class RoleNames
{
    Q_DECLARE_TR_FUNCTIONS(Cartable::Gui::RoleNames)

public:
    static QString displayName(Core::Role role);
};

} // namespace Cartable::Gui
