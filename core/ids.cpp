#include "ids.h"

#include <QUuid>

namespace Cartable::Core {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isValidId(const QString &id)
{
    if (id.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

} // namespace Cartable::Core
