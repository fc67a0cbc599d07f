#pragma once

#include "feedstore.h"

#include "core/result.h"

#include <QSqlDatabase>

#include <functional>

namespace Cartable::Server {

// Puts rows that were stored without the change feed (a bulk load such as
// the reference school, an import) into it: each gets a sequence number, a
// state and its bucket entries, in catalogue order. Rows already in the feed
// are left alone, so it can run again after a partial import.
class FeedIndexer
{
public:
    // Called after each entity with its type and the number of rows indexed.
    using Progress = std::function<void(const QString &type, qint64 rows)>;

    explicit FeedIndexer(QSqlDatabase db) : m_db(std::move(db)) {}

    // Runs in its own transaction; returns the number of rows indexed. The
    // staff directory rows that the loaded people and roles call for and
    // that are not there yet are made first.
    [[nodiscard]] Core::Result<qint64> indexAll(const Progress &progress = {});
    // For rows already in the feed whose buckets follow new rules: every
    // live row of `types` gets its buckets again, as one change: entries of
    // buckets it keeps stay, new ones appear, lost ones become removals.
    // Returns the number of rows looked at.
    [[nodiscard]] Core::Result<qint64> rebucketAll(const QStringList &types);

private:
    QSqlDatabase m_db;
};

} // namespace Cartable::Server
