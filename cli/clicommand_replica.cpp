// The replica commands of cartable-cli: sync, status, get, set, export,
// conflicts and restore, on the same ReplicaStore and SyncEngine as the
// desktop client, and the removal of the replica by logout --forget.

#include "clicommand.h"

#include "core/domain/catalog.h"
#include "core/protocol/hlc.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "sync/conflicts.h"
#include "sync/replicafiles.h"
#include "sync/replicastore.h"
#include "sync/session.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <optional>

namespace Cartable::Cli {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Core::Record;

namespace {

QCommandLineOption replicaOption()
{
    return QCommandLineOption(u"replica"_s, u"The replica file."_s, u"file"_s);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// What a person types for a field, as the JSON the catalogue reads: text
// stays text, whole numbers and booleans are read as such, "null" clears.
QJsonValue typedValue(const Core::FieldDef &field, const QString &text)
{
    if (text == u"null"_s)
        return QJsonValue::Null;
    switch (field.type) {
    case Core::FieldType::Integer:
    case Core::FieldType::Timestamp: {
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(text);
    }
    case Core::FieldType::Boolean:
        if (text == u"true"_s || text == u"false"_s)
            return text == u"true"_s;
        return text;
    default:
        return text;
    }
}

Core::HlcTimestamp nowStamp()
{
    return {QDateTime::currentMSecsSinceEpoch(), 0};
}

} // namespace

QString CliCommand::defaultReplicaPath() const
{
    const QUrl server(m_settings.value(kServerKey).toString());
    const QString login = m_settings.value(kLoginKey).toString();
    if (server.isEmpty() || login.isEmpty())
        return {};
    // One file per server and account: nothing of one account is read in
    // another's session.
    return Sync::ReplicaFiles::pathIn(Sync::ReplicaFiles::defaultFolder(), server, login);
}

std::unique_ptr<Sync::ReplicaStore> CliCommand::openReplica(const QString &path)
{
    const QString file = path.isEmpty() ? defaultReplicaPath() : path;
    if (file.isEmpty()) {
        fail(Error{ErrorCode::NotSignedIn, {}});
        return nullptr;
    }
    // The programs' own folder is tightened each time; a file named with
    // --replica is, its folder is the user's business.
    if (path.isEmpty()) {
        if (const Core::Status prepared = Sync::ReplicaFiles::prepareFolder(Sync::ReplicaFiles::defaultFolder());
            !prepared) {
            fail(prepared.error());
            return nullptr;
        }
    }
    Core::Result<std::unique_ptr<Sync::ReplicaStore>> store = Sync::ReplicaStore::open(file, u"cli-replica"_s);
    if (!store) {
        fail(store.error());
        return nullptr;
    }
    return std::move(store).value();
}

bool CliCommand::mayForgetReplica(const QString &path, bool discardUnsent)
{
    if (discardUnsent || !Sync::ReplicaFiles::exists(path))
        return true;
    std::optional<qint64> pending;
    {
        Core::Result<std::unique_ptr<Sync::ReplicaStore>> store = Sync::ReplicaStore::open(path, u"cli-forget"_s);
        if (store) {
            const Core::Result<qint64> count = store.value()->pendingCount();
            if (count)
                pending = *count;
        }
    }
    if (!pending) {
        err(u"error: %1 cannot be read, so it may hold changes the server has not received; "
            "add --discard-unsent to remove it anyway"_s.arg(path));
        done(Failure);
        return false;
    }
    if (*pending > 0) {
        err(u"error: %1 change(s) in %2 have not reached the server; run 'cartable-cli sync' first, "
            "or add --discard-unsent to lose them"_s.arg(*pending)
                .arg(path));
        done(Failure);
        return false;
    }
    return true;
}

bool CliCommand::forgetReplica(const QString &path)
{
    if (const Core::Status removed = Sync::ReplicaFiles::remove(path); !removed) {
        fail(removed.error());
        return false;
    }
    out(u"Removed this computer's copy: %1"_s.arg(path));
    return true;
}

void CliCommand::sync(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    const QCommandLineOption pageOption(u"page"_s, u"Largest page, in changes (1 to 10000)."_s, u"n"_s);
    const QCommandLineOption quietOption(u"quiet"_s, u"No progress lines."_s);
    parser.addOptions({replica, pageOption, quietOption});
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty())
        return usage(parser.errorText().isEmpty() ? u"sync takes no argument"_s : parser.errorText());
    bool pageOk = true;
    const int page = parser.isSet(pageOption) ? parser.value(pageOption).toInt(&pageOk) : 5000;
    if (!pageOk || page < 1 || page > 10000)
        return usage(u"--page takes a number from 1 to 10000"_s);
    const QString path = parser.value(replica);
    const bool quiet = parser.isSet(quietOption);
    resumeThen(
        [this, path, page, quiet] {
            std::shared_ptr<Sync::ReplicaStore> store = openReplica(path);
            if (!store)
                return;
            auto *engine = new Sync::SyncEngine(m_session, m_api, *store, this);
            engine->setPageSize(page);
            // The files local changes name go up first (put queues them).
            auto cache = std::make_shared<Sync::BlobCache>(store->database().databaseName());
            auto transport = std::make_shared<Sync::SessionBlobTransport>(m_session, m_api);
            auto *transfer = new Sync::BlobTransfer(*transport, *store, *cache, this);
            engine->setBlobTransfer(transfer);
            if (!quiet) {
                connect(engine, &Sync::SyncEngine::progress, this, [](int pages, qint64 changes, qint64 pushed) {
                    err(u"pushed %1 change(s), pulled %2 page(s) of %3 change(s)"_s.arg(pushed).arg(pages).arg(
                        changes));
                });
            }
            connect(engine, &Sync::SyncEngine::finished, this,
                    [this, store, cache, transport](const Core::Status &result) {
                        if (!result)
                            return fail(result.error());
                        out(u"in sync; %1 change(s) waiting"_s.arg(store->pendingCount().value()));
                        done(Success);
                    });
            engine->start();
        },
        [this](const Error &error) { fail(error); });
}

void CliCommand::status(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    const QCommandLineOption jsonOption(u"json"_s, u"As JSON."_s);
    parser.addOptions({replica, jsonOption});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const std::unique_ptr<Sync::ReplicaStore> store = openReplica(parser.value(replica));
    if (!store)
        return;
    const Core::Result<qint64> pending = store->pendingCount();
    const Core::Result<QString> cursor = store->cursor();
    const Core::Result<QList<Record>> conflictRows = store->rows(u"sync_conflict"_s);
    if (!pending || !cursor || !conflictRows)
        return fail(!pending ? pending.error() : !cursor ? cursor.error() : conflictRows.error());
    qint64 open = 0;
    for (const Record &conflict : *conflictRows)
        open += conflict.text(u"status"_s) == u"open"_s ? 1 : 0;
    const QString file = store->database().databaseName();
    if (parser.isSet(jsonOption)) {
        out(compact({{u"replica"_s, file},
                     {u"client_id"_s, store->clientId()},
                     {u"cursor"_s, *cursor},
                     {u"pending"_s, *pending},
                     {u"open_conflicts"_s, open}}));
    } else {
        out(u"replica: %1\nclient: %2\ncursor: %3\npending changes: %4\nopen conflicts: %5"_s
                .arg(file, store->clientId(), cursor->isEmpty() ? u"(never synced)"_s : *cursor)
                .arg(*pending)
                .arg(open));
    }
    done(Success);
}

void CliCommand::get(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    const QCommandLineOption outputOption({u"o"_s, u"output"_s}, u"Where a file goes."_s, u"path"_s);
    const QCommandLineOption forceOption(u"force"_s, u"Replace the file at the output path."_s);
    parser.addOptions({replica, outputOption, forceOption});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const QStringList args = parser.positionalArguments();
    // One argument names a file (its hash, or its attachment or document).
    if (args.size() == 1 && !Core::findEntity(args.constFirst()))
        return getFile(args.constFirst(), parser.value(outputOption), parser.isSet(forceOption), parser.value(replica));
    if (parser.isSet(outputOption) || parser.isSet(forceOption))
        return usage(u"-o and --force go with get SHA256|ID"_s);
    if (args.size() < 2 || args.size() > 3)
        return usage(u"get takes TYPE ID [FIELD], or SHA256|ID for a file"_s);
    const Core::EntityDef *entity = Core::findEntity(args.at(0));
    if (!entity)
        return fail(Error{ErrorCode::UnknownEntity, args.at(0)});
    if (args.size() == 3 && !entity->hasField(args.at(2)))
        return fail(Error{ErrorCode::UnknownField, entity->type + u'.' + args.at(2)});
    const std::unique_ptr<Sync::ReplicaStore> store = openReplica(parser.value(replica));
    if (!store)
        return;
    const Core::Result<std::optional<Record>> row = store->row(entity->type, args.at(1));
    if (!row)
        return fail(row.error());
    if (!*row)
        return fail(Error{ErrorCode::NotFound, entity->type + u'/' + args.at(1)});
    const QJsonObject json = Core::recordToJson(*entity, **row);
    if (args.size() == 3) {
        const QJsonValue value = json.value(args.at(2));
        out(value.isString()
                ? value.toString()
                : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    } else {
        out(compact(json));
    }
    done(Success);
}

void CliCommand::set(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    parser.addOption(replica);
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const QStringList args = parser.positionalArguments();
    if (args.size() != 4)
        return usage(u"set takes TYPE ID FIELD VALUE"_s);
    const Core::EntityDef *entity = Core::findEntity(args.at(0));
    if (!entity)
        return fail(Error{ErrorCode::UnknownEntity, args.at(0)});
    const Core::FieldDef *field = entity->field(args.at(2));
    if (!field)
        return fail(Error{ErrorCode::UnknownField, entity->type + u'.' + args.at(2)});
    const Core::Result<QVariant> value = Core::fieldFromJson(*entity, *field, typedValue(*field, args.at(3)));
    if (!value)
        return fail(value.error());
    const std::unique_ptr<Sync::ReplicaStore> store = openReplica(parser.value(replica));
    if (!store)
        return;
    Record change(entity->type, args.at(1));
    change.set(field->name, *value);
    const Core::Result<qint64> number = store->change(Core::MutationOp::Update, change, {field->name}, nowStamp());
    if (!number)
        return fail(number.error());
    out(u"saved as change %1; 'cartable-cli sync' sends it"_s.arg(*number));
    done(Success);
}

void CliCommand::exportRows(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    parser.addOption(replica);
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty())
        return usage(parser.errorText().isEmpty() ? u"export takes no argument"_s : parser.errorText());
    const std::unique_ptr<Sync::ReplicaStore> store = openReplica(parser.value(replica));
    if (!store)
        return;
    for (const Core::EntityDef &entity : Core::entityCatalog()) {
        const Core::Result<QList<Record>> rows = store->rows(entity.type);
        if (!rows)
            return fail(rows.error());
        for (const Record &row : *rows)
            out(compact(Core::recordToJson(entity, row)));
    }
    done(Success);
}

void CliCommand::conflicts(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    const QCommandLineOption allOption(u"all"_s, u"Settled ones too."_s);
    parser.addOptions({replica, allOption});
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const std::unique_ptr<Sync::ReplicaStore> store = openReplica(parser.value(replica));
    if (!store)
        return;
    const Core::Result<QList<Record>> rows = store->rows(u"sync_conflict"_s);
    if (!rows)
        return fail(rows.error());
    const Core::EntityDef &entity = *Core::findEntity(u"sync_conflict"_s);
    for (const Record &row : *rows) {
        if (parser.isSet(allOption) || row.text(u"status"_s) == u"open"_s)
            out(compact(Core::recordToJson(entity, row)));
    }
    done(Success);
}

void CliCommand::restore(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption replica = replicaOption();
    parser.addOption(replica);
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usage(u"restore takes CONFLICT_ID"_s);
    const std::unique_ptr<Sync::ReplicaStore> store = openReplica(parser.value(replica));
    if (!store)
        return;
    const QString id = parser.positionalArguments().constFirst();
    const Core::Result<qint64> number = Sync::restoreConflict(*store, id, m_session.profile().id, nowStamp(),
                                                              QDateTime::currentMSecsSinceEpoch());
    if (!number)
        return fail(number.error());
    out(u"restored as change %1; 'cartable-cli sync' sends it"_s.arg(*number));
    done(Success);
}

} // namespace Cartable::Cli
