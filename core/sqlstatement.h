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

// "?, ?, ?": `count` bind marks for an IN list or a VALUES row. Only the
// number of values goes into the SQL, never a value.
inline QString bindMarks(qsizetype count)
{
    QString marks;
    marks.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        marks += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return marks;
}

inline Error databaseError(const QSqlQuery &query)
{
    return Error{ErrorCode::DatabaseError, query.lastError().text()};
}

} // namespace Cartable::Core
