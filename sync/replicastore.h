#pragma once

#include "core/domain/record.h"
#include "core/protocol/hlc.h"
#include "core/protocol/mutation.h"
#include "core/protocol/pullpage.h"
#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <QSqlQuery>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace Cartable::Sync {

class PageWriter;

// One account's replica on this computer: the rows it pulled, the changes
// its user made that the server has not acknowledged (the outbox), and where
// it is in the server's feed. Every change is written with its outbox entry
// in one durable SQLite transaction, so that "saved" on screen means saved
// on disk; pending changes are replayed over pulled rows, so the user keeps
// seeing his own intent until the server answers.
class ReplicaStore
{
public:
    ~ReplicaStore();
    ReplicaStore(const ReplicaStore &) = delete;
    ReplicaStore &operator=(const ReplicaStore &) = delete;

    // Opens (creating if needed) the replica file and its schema. The file
    // and its SQLite companions are the user's alone (ReplicaFiles).
    [[nodiscard]] static Core::Result<std::unique_ptr<ReplicaStore>> open(const QString &path,
                                                                          const QString &connectionName);

    // The id this replica pushes under, made on first use and kept.
    QString clientId() const { return m_clientId; }
    // The cursor of the last page applied; empty before the first sync.
    [[nodiscard]] Core::Result<QString> cursor() const;
    // Whether the next pull should start the scope afresh ("reset"): a push
    // answer said that a row pulled here is no longer readable, and its
    // bucket may be back before a pull sees it go. Cleared by a reset page.
    [[nodiscard]] Core::Result<bool> resyncWanted() const;

    // Applies one page of POST /api/v1/sync/pull in one transaction: a
    // reset, dropped buckets, the changes and rows, pending changes replayed
    // over what it touched, then the page's cursor. A page is checked as it
    // is decoded (Core::pullPageFromCbor, Core::pullPageFromJson).
    [[nodiscard]] Core::Status applyPullPage(const Core::PullPage &page);
    // The same from a page in its JSON form: a malformed one is refused
    // (InvalidServerResponse) and changes nothing.
    [[nodiscard]] Core::Status applyPullPage(const QJsonObject &page);

    // A change made here: checked with the catalogue, applied to the row and
    // queued, in one transaction. For an update, `values` holds the changed
    // fields (unset ones become NULL). Returns the mutation's number.
    [[nodiscard]] Core::Result<qint64> change(Core::MutationOp op, const Core::Record &values,
                                              const QStringList &changedFields, const Core::HlcTimestamp &hlc);

    struct LocalChange
    {
        Core::MutationOp op = Core::MutationOp::Update;
        Core::Record values;
        QStringList changedFields;
        Core::HlcTimestamp hlc;
    };
    // Several changes made as one (a restored value and its settled
    // conflict, a pasted block of marks): all are saved, in order, or none.
    [[nodiscard]] Core::Result<QList<qint64>> changeAll(const QList<LocalChange> &changes);

    // The oldest pending mutations numbered after `after`, at most `max`, as
    // a push batch.
    [[nodiscard]] Core::Result<Core::PushBatch> pendingBatch(int max = Core::PushBatch::kMaxMutations,
                                                             qint64 after = 0) const;
    [[nodiscard]] Core::Result<qint64> pendingCount() const;
    // Takes in the answer of POST /api/v1/sync/push: acknowledged mutations
    // leave the outbox, the server's row (its last answer for the row in the
    // batch) replaces the local one (a refused change is undone), and the
    // changes still pending are replayed over it. A row the server left out
    // of its answer (the client's own) stays as it is, with its new version.
    [[nodiscard]] Core::Status applyPushResults(const QJsonObject &answer);

    [[nodiscard]] Core::Result<std::optional<Core::Record>> row(const QString &type, const QString &id) const;
    // The server version the next change to the row is based on; 0 when the
    // server has not sent it.
    [[nodiscard]] Core::Result<qint64> version(const QString &type, const QString &id) const;
    [[nodiscard]] Core::Result<QList<Core::Record>> rows(const QString &type) const;
    // The rows of `type` that meet an SQL condition over its columns, with
    // `values` bound to its "?" marks in order: what the screens read. The
    // condition and order are the caller's own SQL, never a user's text.
    [[nodiscard]] Core::Result<QList<Core::Record>> select(const QString &type, const QString &condition,
                                                           const QVariantList &values = {},
                                                           const QString &order = {}) const;

    QSqlDatabase database() const { return m_db; }

    // Files to send (replicastore_blobs.cpp). A local change that creates a
    // row naming a blob (Core::blobReferences()), or changes the blob it
    // names, queues the blob in its own transaction; pulled rows never do.
    struct BlobUpload
    {
        QString establishmentId;
        QString sha256;
        qint64 size = 0;
        bool failed = false;
        std::optional<Core::Error> error; // why it failed
        int attempts = 0;
        qint64 queuedAt = 0;
    };
    // The queue, oldest first.
    [[nodiscard]] Core::Result<QList<BlobUpload>> blobUploads() const;
    // The server holds the blob: it leaves the queue.
    [[nodiscard]] Core::Status removeBlobUpload(const QString &establishmentId, const QString &sha256);
    // Refused for good: kept, failed, with the error, until retried.
    [[nodiscard]] Core::Status failBlobUpload(const QString &establishmentId, const QString &sha256,
                                              const Core::Error &error);
    // One more attempt that a cut stopped.
    [[nodiscard]] Core::Status countBlobUploadAttempt(const QString &establishmentId, const QString &sha256);
    // Failed uploads of the blob queued again; how many (0: none failed).
    [[nodiscard]] Core::Result<int> retryBlobUpload(const QString &sha256);
    // Whether a row of the replica names the blob in `establishmentId`.
    [[nodiscard]] Core::Result<bool> namesBlob(const QString &establishmentId, const QString &sha256) const;

    // Owners kept available offline (a homework, a document folder).
    [[nodiscard]] Core::Status setBlobPin(const QString &ownerType, const QString &ownerId, bool pinned);
    [[nodiscard]] Core::Result<bool> isBlobPinned(const QString &ownerType, const QString &ownerId) const;
    [[nodiscard]] Core::Result<QList<std::pair<QString, QString>>> blobPins() const;

    // A first sync writes a whole scope: the replica's indexes (not its keys)
    // are dropped at its first page and built again at its last. This builds
    // them now, if a first sync stopped before its end; open() does it for
    // one that a killed process left.
    [[nodiscard]] Core::Status restoreIndexes();
    bool indexesDeferred() const { return m_indexesDeferred; }

private:
    ReplicaStore(QSqlDatabase db, QString connectionName, QString clientId);

    [[nodiscard]] Core::Status applyPage(const Core::PullPage &page);
    [[nodiscard]] Core::Status applyPageRows(const Core::PullPage &page);
    [[nodiscard]] Core::Status deferIndexes();
    [[nodiscard]] Core::Status buildDeferredIndexes();
    // During a first sync, SQLite copies its write-ahead log into the
    // database less often; at its end, once, and the log is emptied.
    void holdCheckpoints(bool hold);
    [[nodiscard]] Core::Status writeRow(const Core::Record &row);
    [[nodiscard]] Core::Status deleteRow(const QString &type, const QString &id);
    [[nodiscard]] Core::Status setVersion(const QString &type, const QString &id, qint64 version);
    // Applies the outbox entries of one row, oldest first, over what is
    // stored.
    [[nodiscard]] Core::Status replayPending(const QString &type, const QString &id);
    [[nodiscard]] Core::Status applyMutation(const Core::Mutation &mutation);
    [[nodiscard]] Core::Result<Core::Mutation> prepareMutation(const LocalChange &change) const;
    // Queues the blob a local change makes its row name, if any.
    [[nodiscard]] Core::Status queueBlobOf(const Core::Mutation &mutation);
    [[nodiscard]] Core::Result<QList<Core::Mutation>> pendingOf(const QString &type, const QString &id) const;
    // The outbox entry a query stands on (number, entity, row_id, op, fields,
    // base_version, hlc), read from its JSON once and remembered.
    [[nodiscard]] Core::Result<Core::Mutation> decodeEntry(const QSqlQuery &query) const;
    void remember(const Core::Mutation &mutation) const;
    // `current` with `pending` applied over it, in memory, then written (or
    // the row deleted when none is left).
    [[nodiscard]] Core::Status writeReplayed(const QString &type, const QString &id,
                                             std::optional<Core::Record> current, const QList<Core::Mutation> &pending);
    [[nodiscard]] Core::Status inTransaction(const std::function<Core::Status()> &work);
    // `sql` prepared once for this replica and kept: a pull page runs the
    // same few statements for each of its rows, and SQLite's prepare costs
    // more than the write itself. The caller binds every mark and, after a
    // SELECT, reads to the end or calls finish().
    [[nodiscard]] Core::Result<QSqlQuery *> statement(const QString &sql) const;
    // Runs a kept statement with `values` bound to its marks in order; a
    // SELECT's result is then read from the returned query.
    template<typename... Values>
    [[nodiscard]] Core::Result<QSqlQuery *> run(const QString &sql, const Values &...values) const;
    // The rows (type, id) the outbox changes: a page replays pending changes
    // only over them.
    [[nodiscard]] Core::Result<QSet<std::pair<QString, QString>>> pendingRows() const;

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_clientId;
    mutable std::map<QString, QSqlQuery> m_statements;
    std::unique_ptr<PageWriter> m_pages;
    // Also: row versions go to replica_row_pulled meanwhile.
    bool m_indexesDeferred = false;
    bool m_checkpointsHeld = false;
    // Outbox entries already decoded, by number.
    static constexpr qsizetype kDecodedKept = 20000;
    mutable QHash<qint64, Core::Mutation> m_decoded;
};

} // namespace Cartable::Sync
