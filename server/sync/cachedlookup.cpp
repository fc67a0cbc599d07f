#include "cachedlookup.h"

namespace Cartable::Server {

std::optional<Core::Record> CachedLookup::row(const QString &type, const QString &id) const
{
    QHash<QString, std::optional<Core::Record>> &rows = m_rows[type];
    const auto kept = rows.constFind(id);
    if (kept != rows.constEnd())
        return *kept;
    const std::optional<Core::Record> found = m_inner.row(type, id);
    rows.insert(id, found);
    return found;
}

QList<Core::Record> CachedLookup::rowsWhere(const QString &type, const QString &field, const QString &value) const
{
    QHash<QString, QList<Core::Record>> &lists = m_where[type];
    const QString key = field + u'=' + value;
    const auto kept = lists.constFind(key);
    if (kept != lists.constEnd())
        return *kept;
    const QList<Core::Record> found = m_inner.rowsWhere(type, field, value);
    lists.insert(key, found);
    return found;
}

void CachedLookup::forget(const QString &type, const QString &id)
{
    if (const auto rows = m_rows.find(type); rows != m_rows.end())
        rows->remove(id);
    // Which lists held the row, before or after, is not known here.
    m_where.remove(type);
}

} // namespace Cartable::Server
