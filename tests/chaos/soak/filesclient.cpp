// The soak's file client: one real client process of one account, killed at
// random like cartable-cli. Each run signs in with the demo password (the
// session stays in memory: two runs share nothing but the replica and its
// file cache), does one thing and exits. What the soak checks afterwards is
// printed one line at a time, flushed, so that a killed run leaves its lines:
//
//   open <sha256> <received> <size> <complete>   an answer to POST …/uploads
//   sent <sha256> <offset> <bytes>               a chunk about to go
//   took <sha256> <received> <complete>          the answer to that chunk
//   attached <sha256> <size>
//   downloaded <sha256>  /  failed <sha256> <error code>
//   queue <n>                                    files still to send
//
//   chaos_soak_files whoami   --server URL --login L --replica FILE
//   chaos_soak_files attach   --server URL --login L --replica FILE --file F --for-person P
//   chaos_soak_files send     --server URL --login L --replica FILE
//   chaos_soak_files download --server URL --login L --replica FILE --list HASHES

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "workspace/lessons/attachmentstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace Cartable;
using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

QString errorText(const Core::Error &error)
{
    return Core::errorCodeName(error.code) + u' ' + error.context;
}

// The session's transport, every call written down.
class LoggingTransport final : public Sync::BlobTransport
{
public:
    explicit LoggingTransport(Sync::BlobTransport &inner) : m_inner(inner) {}

    void openUpload(const Core::UploadRequest &request, Sync::ApiClient::Callback<Core::UploadStatus> done) override
    {
        m_inner.openUpload(request, [this, sha256 = request.sha256, done](Core::Result<Core::UploadStatus> answer) {
            if (answer) {
                m_shaOf.insert(answer->uploadId, sha256);
                say(u"open %1 %2 %3 %4"_s.arg(sha256)
                        .arg(answer->received)
                        .arg(answer->size)
                        .arg(answer->complete ? 1 : 0));
            }
            done(answer);
        });
    }

    void sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                   Sync::ApiClient::Callback<Core::UploadStatus> done) override
    {
        const QString sha256 = m_shaOf.value(uploadId);
        say(u"sent %1 %2 %3"_s.arg(sha256).arg(offset).arg(bytes.size()));
        m_inner.sendChunk(uploadId, offset, bytes, [sha256, done](Core::Result<Core::UploadStatus> answer) {
            if (answer)
                say(u"took %1 %2 %3"_s.arg(sha256).arg(answer->received).arg(answer->complete ? 1 : 0));
            done(answer);
        });
    }

    void fetchRange(const QString &sha256, qint64 first, qint64 last, Sync::ApiClient::Callback<Range> done) override
    {
        m_inner.fetchRange(sha256, first, last, std::move(done));
    }

private:
    Sync::BlobTransport &m_inner;
    QHash<QString, QString> m_shaOf;
};

bool runLoop(QEventLoop &loop, int timeoutMs)
{
    QTimer timer;
    timer.setSingleShot(true);
    bool expired = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&expired, &loop] {
        expired = true;
        loop.quit();
    });
    timer.start(timeoutMs);
    loop.exec();
    return !expired;
}

int attach(Test::SyncedClient &client, const QString &replica, const QString &file, const QString &person)
{
    Workspace::Workspace &workspace = client.workspace();
    const QList<Core::Record> homework = workspace.select(
        u"homework"_s, u"teacher_id = ? AND class_id IN (SELECT class_id FROM class_membership WHERE student_id = ?)"_s,
        {workspace.personId(), person}, u"id"_s);
    if (homework.isEmpty()) {
        say(u"error no homework of this teacher for the reader's class"_s);
        return 1;
    }
    Sync::BlobCache cache(replica);
    Workspace::AttachmentStore attachments(workspace, cache);
    const Core::Result<Core::Record> added = attachments.add(u"homework"_s, homework.constFirst().id(), file);
    if (!added) {
        say(u"error "_s + errorText(added.error()));
        return 1;
    }
    say(u"attached %1 %2"_s.arg(added->text(u"sha256"_s)).arg(added->number(u"size_bytes"_s)));
    return 0;
}

int send(Test::SyncedClient &client, const QString &replica)
{
    Sync::BlobCache cache(replica);
    Sync::SessionBlobTransport session(client.session(), client.api());
    LoggingTransport transport(session);
    Sync::BlobTransfer transfer(transport, client.store(), cache);
    QEventLoop loop;
    std::optional<Core::Status> outcome;
    QObject::connect(&transfer, &Sync::BlobTransfer::uploadsFinished, &loop, [&](const Core::Status &status) {
        outcome = status;
        loop.quit();
    });
    transfer.sendUploads();
    if (!outcome)
        runLoop(loop, 80'000);
    const Core::Result<QList<Sync::BlobTransfer::QueuedUpload>> left = transfer.uploads();
    say(u"queue %1"_s.arg(left ? left->size() : -1));
    if (!outcome || !*outcome) {
        say(u"error "_s + (outcome ? errorText(outcome->error()) : u"timed out"_s));
        return 1;
    }
    // The rows go once their files are there.
    if (!client.sync()) {
        say(u"error "_s + client.errorString());
        return 1;
    }
    return 0;
}

int download(Test::SyncedClient &client, const QString &replica, const QString &listPath)
{
    QFile list(listPath);
    if (!list.open(QIODevice::ReadOnly | QIODevice::Text)) {
        say(u"error cannot read "_s + listPath);
        return 1;
    }
    QSet<QString> wanted;
    for (const QByteArray &line : list.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            wanted.insert(QString::fromLatin1(line.trimmed()));
    }
    QList<std::pair<QString, qint64>> files;
    for (const Core::Record &row : client.workspace().select(u"attachment"_s, {}, {}, u"id"_s)) {
        if (wanted.contains(row.text(u"sha256"_s)))
            files.append({row.text(u"sha256"_s), row.number(u"size_bytes"_s)});
    }
    Sync::BlobCache cache(replica);
    Sync::SessionBlobTransport transport(client.session(), client.api());
    Sync::BlobTransfer transfer(transport, client.store(), cache);
    QEventLoop loop;
    qsizetype next = 0;
    const auto startNext = [&] {
        while (next < files.size() && cache.contains(files.at(next).first)) {
            say(u"downloaded "_s + files.at(next).first);
            ++next;
        }
        if (next == files.size())
            return loop.quit();
        const auto &[sha256, size] = files.at(next++);
        transfer.download(sha256, size);
    };
    QObject::connect(&transfer, &Sync::BlobTransfer::downloadFinished, &loop,
                     [&](const QString &sha256, const Core::Status &status) {
                         say(status ? u"downloaded "_s + sha256
                                    : u"failed %1 %2"_s.arg(sha256, Core::errorCodeName(status.error().code)));
                         startNext();
                     });
    QTimer::singleShot(0, &loop, startNext);
    if (!runLoop(loop, 80'000)) {
        say(u"error timed out"_s);
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The file client of the kill -9 soak."_s);
    const QCommandLineOption serverOption(u"server"_s, u"The server."_s, u"url"_s);
    const QCommandLineOption loginOption(u"login"_s, u"The account."_s, u"login"_s);
    const QCommandLineOption replicaOption(u"replica"_s, u"The replica file."_s, u"file"_s);
    const QCommandLineOption fileOption(u"file"_s, u"The file to attach."_s, u"file"_s);
    const QCommandLineOption personOption(u"for-person"_s, u"A student of the homework's class."_s, u"id"_s);
    const QCommandLineOption listOption(u"list"_s, u"The hashes to download, one a line."_s, u"file"_s);
    parser.addOptions({serverOption, loginOption, replicaOption, fileOption, personOption, listOption});
    parser.addPositionalArgument(u"command"_s, u"whoami, attach, send or download."_s);
    parser.process(app);
    const QString command = parser.positionalArguments().value(0);
    const QString replica = parser.value(replicaOption);
    Test::SyncedClient client(QUrl(parser.value(serverOption)), replica);
    if (!client.signIn(parser.value(loginOption)) || !client.sync()) {
        say(u"error "_s + client.errorString());
        return 1;
    }
    if (command == u"whoami") {
        say(u"person "_s + client.workspace().personId());
        return 0;
    }
    if (command == u"attach")
        return attach(client, replica, parser.value(fileOption), parser.value(personOption));
    if (command == u"send")
        return send(client, replica);
    if (command == u"download")
        return download(client, replica, parser.value(listOption));
    say(u"error unknown command "_s + command);
    return 2;
}
