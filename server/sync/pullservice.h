#pragma once

#include "feedstore.h"

#include "core/policy/actorfacts.h"
#include "core/protocol/pullpage.h"
#include "core/result.h"
#include "core/sqlstatement.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

namespace Cartable::Server {

// Where a client is in the change feed. Opaque to clients: they send back
// the token of the last page they applied.
//
// `settled` buckets are complete up to `settledThrough`; `catchingUp`
// buckets (new to the client) are being sent whole, up to the same point,
// bucket after bucket, from `catchUp` on. Bucket sets travel as hashes of
// sets the server stores once.
struct SyncCursor
{
    qint64 settledThrough = 0;
    QString settledSet;
    QString catchingUpSet;
    BucketPosition catchUp;

    QString toToken() const;
    // InvalidField (context "pull.cursor") for anything toToken() does not
    // make. A token of the first form (before catch-ups went bucket by
    // bucket) starts its catch-up again.
    [[nodiscard]] static Core::Result<SyncCursor> fromToken(const QString &token);

    friend bool operator==(const SyncCursor &, const SyncCursor &) = default;
};

// What an account reads: the policy's facts about it, and its buckets,
// sorted, with the hash of their set.
struct AccountScope
{
    Core::ActorFacts facts;
    QStringList readable;
    QString readableHash;

    static AccountScope of(const Core::ActorFacts &facts);
};

// Answers pulls: the changes of the buckets a user may read after his
// cursor, a page at a time, with the buckets to drop when he lost some and
// whole buckets when he gained some. Keeps its statements prepared and the
// bucket sets it has seen (a set never changes under its hash), so an
// account with nothing new costs two small reads.
class PullService
{
public:
    static constexpr int kDefaultLimit = 2000;
    static constexpr int kMaxLimit = 10000;

    explicit PullService(QSqlDatabase db);
    ~PullService();

    // Reads {"cursor": token or null, "limit": n} and answers one page
    // (docs/PROTOCOL.md), as of `counter` when given (the caller read it
    // already), else as of now.
    [[nodiscard]] Core::Result<Core::PullPage> page(const AccountScope &scope, const QJsonObject &body,
                                                    std::optional<FeedCounter> counter = std::nullopt);
    // The same page in its JSON form.
    [[nodiscard]] Core::Result<QJsonObject> pull(const Core::ActorFacts &actor, const QJsonObject &body);

    FeedStore &feed() { return m_feed; }

private:
    struct BucketSet
    {
        QStringList sorted;
        QSet<QString> members;
    };

    // A stored set by its hash; none when the server never stored it.
    [[nodiscard]] Core::Result<std::shared_ptr<const BucketSet>> knownSet(const QString &hash);
    // Stores the set if it is new and returns its hash.
    [[nodiscard]] Core::Result<QString> storeSet(const QStringList &sorted);
    void remember(const QString &hash, const QStringList &sorted);
    // The rows the page's entries put, each once, as they are now.
    [[nodiscard]] Core::Status fetchRows(const QList<FeedEntry> &entries, Core::PullPage &page);

    Core::StatementCache m_statements;
    FeedStore m_feed;
    QHash<QString, std::shared_ptr<const BucketSet>> m_sets;
};

} // namespace Cartable::Server
