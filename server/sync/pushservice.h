#pragma once

#include "feedstore.h"

#include "server/scoperesolver.h"

#include "core/domain/record.h"
#include "core/policy/actorfacts.h"
#include "core/protocol/mutation.h"
#include "core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>

#include <functional>

namespace Cartable::Server {

// Applies pushed batches of mutations: idempotently (a replayed mutation
// gets its first answer back and changes nothing), each authorised by the
// policy (a refused one is answered with its reason and the rest go on),
// merged per field with the rows' rules, the losing value of every conflict
// kept as a conflict record for the people involved.
class PushService
{
public:
    using Clock = std::function<qint64()>;

    // How far ahead of the server a client clock may run before it is
    // brought back, for last-writer-wins.
    static constexpr qint64 kMaxClockAheadMillis = 60 * 1000;

    PushService(QSqlDatabase db, Clock clock = {});

    // Reads a push batch and answers {"results": [...]}, one per mutation
    // in order (docs/PROTOCOL.md). The whole batch commits together, or
    // nothing does (DatabaseError): a retry is then safe.
    [[nodiscard]] Core::Result<QJsonObject> push(const Core::ActorFacts &actor, const QJsonObject &body);

private:
    [[nodiscard]] Core::Result<QJsonObject> pushBatch(const Core::ActorFacts &actor, const Core::PushBatch &batch);
    // The first answer to each mutation, kept for replays.
    [[nodiscard]] Core::Status keepReceipts(const QString &clientId, const QList<std::pair<qint64, QString>> &receipts);

    QSqlDatabase m_db;
    Clock m_clock;
    Core::StatementCache m_statements;
    FeedStore m_feed;
    SqlPolicyLookup m_lookup;
};

} // namespace Cartable::Server
