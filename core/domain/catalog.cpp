#include "catalog.h"

#include <QHash>

namespace Cartable::Core {

const QList<EntityDef> &entityCatalog()
{
    static const QList<EntityDef> catalog = [] {
        QList<EntityDef> all = organisationEntities();
        all += schoolLifeEntities();
        all += pedagogyEntities();
        all += communicationEntities();
        all += syncEntities();
        return all;
    }();
    return catalog;
}

const EntityDef *findEntity(const QString &type)
{
    static const QHash<QString, qsizetype> index = [] {
        QHash<QString, qsizetype> byType;
        const QList<EntityDef> &catalog = entityCatalog();
        for (qsizetype i = 0; i < catalog.size(); ++i)
            byType.insert(catalog.at(i).type, i);
        return byType;
    }();
    const auto it = index.constFind(type);
    return it == index.constEnd() ? nullptr : &entityCatalog().at(*it);
}

} // namespace Cartable::Core
