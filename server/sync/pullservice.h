#pragma once

#include "feedstore.h"

#include "core/policy/actorfacts.h"
#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace Cartable::Server {

// Where a client is in the change feed. Opaque to clients: they send back
// the token of the last page they applied.
//
// `settled` buckets are complete up to `settledThrough`; `catchingUp`
// buckets (new to the client) are being sent whole, up to the same point,
// after `catchUpAfter`. Bucket sets travel as hashes of sets the server
// stores once.
struct SyncCursor
{
    qint64 settledThrough = 0;
    QString settledSet;
    QString catchingUpSet;
    qint64 catchUpAfter = 0;

    QString toToken() const;
    // InvalidField (context "pull.cursor") for anything toToken() does not
    // make.
    [[nodiscard]] static Core::Result<SyncCursor> fromToken(const QString &token);

    friend bool operator==(const SyncCursor &, const SyncCursor &) = default;
};

// Answers pulls: the changes of the buckets a user may read after his
// cursor, a page at a time, with the buckets to drop when he lost some and
// whole buckets when he gained some.
class PullService
{
public:
    static constexpr int kDefaultLimit = 2000;
    static constexpr int kMaxLimit = 10000;

    explicit PullService(QSqlDatabase db) : m_db(std::move(db)) {}

    // Reads {"cursor": token or null, "limit": n} and answers one page:
    // {"reset", "drop", "changes", "rows", "cursor", "more", "head"}
    // (docs/PROTOCOL.md).
    [[nodiscard]] Core::Result<QJsonObject> pull(const Core::ActorFacts &actor, const QJsonObject &body) const;

private:
    QSqlDatabase m_db;
};

} // namespace Cartable::Server
