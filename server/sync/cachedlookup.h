#pragma once

#include "core/policy/policylookup.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Cartable::Server {

// Remembers what another lookup answered: one batch of a teacher's grades
// asks for the same evaluation, period and students again and again. A
// caller that writes rows says what it wrote, so that nothing stale is
// answered after its own write.
class SqlPolicyLookup;

class CachedLookup : public Core::PolicyLookup
{
public:
    explicit CachedLookup(const Core::PolicyLookup &inner) : m_inner(inner) {}

    [[nodiscard]] std::optional<Core::Record> row(const QString &type, const QString &id) const override;
    [[nodiscard]] QList<Core::Record> rowsWhere(const QString &type, const QString &field,
                                                const QString &value) const override;

    // Reads the rows of `type` among `ids` that are not known yet, in a few
    // statements, and keeps them (and which ones are not there).
    void preload(const SqlPolicyLookup &sql, const QString &type, const QStringList &ids);
    // The row is now `row` (none: it went): answered from here on, and the
    // lists of its type are asked again.
    void written(const QString &type, const QString &id, const std::optional<Core::Record> &row);

private:
    const Core::PolicyLookup &m_inner;
    // type → id → row
    mutable QHash<QString, QHash<QString, std::optional<Core::Record>>> m_rows;
    // type → field and value → rows
    mutable QHash<QString, QHash<QString, QList<Core::Record>>> m_where;
};

} // namespace Cartable::Server
