#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <map>

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

// The statements a store runs again and again, each prepared once for its
// connection and kept: preparing costs more than running a small statement,
// on SQLite as on PostgreSQL. The caller binds every mark and, after a
// SELECT, reads to the end or calls finish(), so that no statement keeps a
// read open.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db) : m_db(std::move(db)) {}

    QSqlDatabase database() const { return m_db; }

    [[nodiscard]] Result<QSqlQuery *> statement(const QString &sql)
    {
        auto found = m_statements.find(sql);
        if (found == m_statements.end()) {
            QSqlQuery query(m_db);
            query.setForwardOnly(true);
            if (!query.prepare(sql))
                return databaseError(query);
            found = m_statements.emplace(sql, std::move(query)).first;
        }
        return &found->second;
    }

    // Runs a kept statement with `values` bound to its marks in order; a
    // SELECT's result is then read from the returned query.
    template<typename... Values>
    [[nodiscard]] Result<QSqlQuery *> run(const QString &sql, const Values &...values)
    {
        Result<QSqlQuery *> query = statement(sql);
        if (!query)
            return query;
        int mark = 0;
        ((*query)->bindValue(mark++, values), ...);
        if (!(*query)->exec())
            return databaseError(**query);
        return query;
    }

    // Before the connection closes.
    void clear() { m_statements.clear(); }

private:
    QSqlDatabase m_db;
    std::map<QString, QSqlQuery> m_statements;
};

} // namespace Cartable::Core
