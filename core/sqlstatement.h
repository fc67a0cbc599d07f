#pragma once

#include "result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace Cartable::Core {

// Prepares `sql`, binds `values` in order to its `?` placeholders and runs
// it: the one way the store classes run SQL, never with spliced-in data.
template<typename... Values>
bool execPrepared(QSqlQuery &query, const QString &sql, const Values &...values)
{
    if (!query.prepare(sql))
        return false;
    (query.addBindValue(values), ...);
    return query.exec();
}

inline Error databaseError(const QSqlQuery &query)
{
    return Error{ErrorCode::DatabaseError, query.lastError().text()};
}

} // namespace Cartable::Core
