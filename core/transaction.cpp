#include "transaction.h"

#include <QSqlError>

namespace Cartable::Core {

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
