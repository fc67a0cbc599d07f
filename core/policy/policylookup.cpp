#include "policylookup.h"

namespace Cartable::Core {

void InMemoryPolicyLookup::insert(const Record &record)
{
    QList<Record> &rows = m_rows[record.type()];
    for (Record &existing : rows) {
        if (existing.id() == record.id()) {
            existing = record;
            return;
        }
    }
    rows.append(record);
}

void InMemoryPolicyLookup::remove(const QString &type, const QString &id)
{
    auto it = m_rows.find(type);
    if (it == m_rows.end())
        return;
    it->removeIf([&id](const Record &record) { return record.id() == id; });
}

std::optional<Record> InMemoryPolicyLookup::row(const QString &type, const QString &id) const
{
    for (const Record &record : m_rows.value(type)) {
        if (record.id() == id)
            return record;
    }
    return std::nullopt;
}

QList<Record> InMemoryPolicyLookup::rowsWhere(const QString &type, const QString &field, const QString &value) const
{
    QList<Record> found;
    for (const Record &record : m_rows.value(type)) {
        if (record.isSet(field) && record.text(field) == value)
            found.append(record);
    }
    return found;
}

} // namespace Cartable::Core
