#pragma once

#include "result.h"

#include <QSqlDatabase>

namespace Cartable::Core {

// One database transaction, rolled back unless commit() succeeds: an early
// return on an error leaves nothing half-written.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // False when the transaction could not start.
    bool isActive() const { return m_active; }
    [[nodiscard]] Status commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

// Starts a transaction that will write. On SQLite it takes the write lock at
// once (BEGIN IMMEDIATE), so that two processes on one file wait for each
// other's commit instead of failing half-way with "database is locked"; on
// PostgreSQL it is an ordinary BEGIN. End it with db.commit() or
// db.rollback().
bool beginWriteTransaction(QSqlDatabase &db);

} // namespace Cartable::Core
