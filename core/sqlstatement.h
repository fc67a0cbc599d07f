#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <map>
#include <memory>
#include <type_traits>

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

// A prepared statement that a store runs again and again: values bound by
// position, then run, then its rows read one by one. On SQLite it is
// SQLite's own statement on the connection (Qt's driver copies every value
// through its caches and converts every text twice); elsewhere a QSqlQuery.
class Statement
{
public:
    virtual ~Statement() = default;
    virtual void bindValue(int index, const QVariant &value) = 0;
    // Runs it; a SELECT's rows are then read with next().
    [[nodiscard]] virtual bool exec() = 0;
    virtual bool next() = 0;
    // A column of the current row: a qlonglong, a double, a QString, or a
    // null QVariant for NULL.
    virtual QVariant value(int column) const = 0;
    // Done with the rows before the last one: no read stays open.
    virtual void finish() = 0;
    virtual QString lastErrorText() const = 0;
};

inline Error databaseError(const Statement &statement)
{
    return Error{ErrorCode::DatabaseError, statement.lastErrorText()};
}

template<typename T>
QVariant asVariant(const T &value)
{
    if constexpr (std::is_same_v<T, QVariant>)
        return value;
    else
        return QVariant::fromValue(value);
}

// The statements of one connection, each prepared once and kept. The
// caller binds every mark and, after a SELECT, reads to the end or calls
// finish(), so that no statement keeps a read open.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    QSqlDatabase database() const { return m_db; }

    [[nodiscard]] Result<Statement *> statement(const QString &sql);

    // Runs a kept statement with `values` bound to its marks in order; a
    // SELECT's result is then read from the returned statement.
    template<typename... Values>
    [[nodiscard]] Result<Statement *> run(const QString &sql, const Values &...values)
    {
        Result<Statement *> prepared = statement(sql);
        if (!prepared)
            return prepared;
        int mark = 0;
        ((*prepared)->bindValue(mark++, asVariant(values)), ...);
        if (!(*prepared)->exec())
            return databaseError(**prepared);
        return prepared;
    }

    // Finalizes every statement; best before the connection closes. A
    // connection that Qt closed under kept statements is closed here, when
    // its last statement goes.
    void clear();

private:
    QSqlDatabase m_db;
    void *m_sqlite = nullptr; // the sqlite3 handle, when the connection is SQLite
    std::map<QString, std::unique_ptr<Statement>> m_statements;
};

} // namespace Cartable::Core
