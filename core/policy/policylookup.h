#pragma once

#include "core/domain/record.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Cartable::Core {

// The rows the policy needs besides the one it judges: a grade's evaluation,
// a thread's participants, a person's memberships. The server answers from
// its database, the client from its replica, tests from memory.
//
// A lookup that fails (a database error) answers as if the row were not
// there: the policy then grants less, never more.
class PolicyLookup
{
public:
    virtual ~PolicyLookup() = default;

    // The row of `type` with `id`, if there is one.
    [[nodiscard]] virtual std::optional<Record> row(const QString &type, const QString &id) const = 0;
    // The rows of `type` whose reference or text field `field` equals
    // `value`. The type and field are names from the catalogue.
    [[nodiscard]] virtual QList<Record> rowsWhere(const QString &type, const QString &field,
                                                  const QString &value) const = 0;
};

// Keeps rows in memory: for tests, and for callers that hold the few rows a
// decision needs.
class InMemoryPolicyLookup : public PolicyLookup
{
public:
    // Adds the row, or replaces the row of the same type and id.
    void insert(const Record &record);
    void remove(const QString &type, const QString &id);
    // Every row of `type`, in insertion order.
    QList<Record> rows(const QString &type) const { return m_rows.value(type); }

    [[nodiscard]] std::optional<Record> row(const QString &type, const QString &id) const override;
    [[nodiscard]] QList<Record> rowsWhere(const QString &type, const QString &field,
                                          const QString &value) const override;

private:
    // type → rows in insertion order
    QHash<QString, QList<Record>> m_rows;
};

} // namespace Cartable::Core
