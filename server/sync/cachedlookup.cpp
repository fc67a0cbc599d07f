#include "cachedlookup.h"

#include "server/scoperesolver.h"

#include <QSet>

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

void CachedLookup::preload(const SqlPolicyLookup &sql, const QString &type, const QStringList &ids)
{
    QHash<QString, std::optional<Core::Record>> &rows = m_rows[type];
    QStringList wanted;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!rows.contains(id) && !seen.contains(id)) {
            seen.insert(id);
            wanted.append(id);
        }
    }
    if (wanted.isEmpty())
        return;
    // A failed read keeps nothing: each row is asked for alone later.
    const std::optional<QHash<QString, Core::Record>> found = sql.rows(type, wanted);
    if (!found)
        return;
    for (const QString &id : std::as_const(wanted)) {
        const auto row = found->constFind(id);
        rows.insert(id, row == found->constEnd() ? std::nullopt : std::optional<Core::Record>(*row));
    }
}

void CachedLookup::written(const QString &type, const QString &id, const std::optional<Core::Record> &row)
{
    m_rows[type].insert(id, row);
    // Which lists held the row, before or after, is not known here.
    m_where.remove(type);
}

} // namespace Cartable::Server
