#include "ids.h"

#include <QUuid>

namespace Cartable::Core {

namespace {

std::function<QString()> &idSource()
{
    static std::function<QString()> source;
    return source;
}

} // namespace

QString newId()
{
    if (const std::function<QString()> &source = idSource())
        return source();
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void setIdSource(std::function<QString()> source)
{
    idSource() = std::move(source);
}

bool isValidId(const QString &id)
{
    if (id.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

} // namespace Cartable::Core
