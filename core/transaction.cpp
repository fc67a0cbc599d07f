#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Cartable::Core {

bool beginWriteTransaction(QSqlDatabase &db)
{
    if (db.driverName() != QStringLiteral("QSQLITE"))
        return db.transaction();
    QSqlQuery query(db);
    return query.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::Transaction(QSqlDatabase db) : m_db(std::move(db)), m_active(m_db.transaction()) {}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return Error{ErrorCode::DatabaseError, m_db.lastError().text()};
    m_active = false;
    if (!m_db.commit()) {
        const QString reason = m_db.lastError().text();
        m_db.rollback();
        return Error{ErrorCode::DatabaseError, reason};
    }
    return {};
}

} // namespace Cartable::Core
