// Measures files as a user moves them, against a real cartable-server on
// loopback: a teacher attaches a deterministic mix of files to a homework
// (about 1 GB by default: many small scans, some documents, a few videos)
// and sends them through the client engine (Sync::BlobTransfer over
// SessionBlobTransport, the queue filled by the attachment rows written
// through the replica, as the desktop client does); a student of the class
// then downloads them all and every file's SHA-256 is checked. Beside the
// client's figures, `curl` fetches the same files from a static server on
// loopback (nginx, else Python's http.server): the speed of plain HTTP on
// this machine. Each side of the transfer runs in its own child process
// (this program, --child-upload / --child-download) so that its peak memory
// is the transfer's alone; the server's peak memory is read from /proc too.
// Both are printed beside the largest file's size: a file is streamed, never
// whole in memory. MB are 10^6 bytes. Prints a table; --json FILE also
// writes the figures. Never fails on a figure, only on a wrong byte.
//
//   bench_blobs [--megabytes N] [--scale S] [--json FILE]

#include "benchsupport.h"
#include "blobcorpus.h"
#include "staticfileserver.h"

#include "tests/support/syncedclient.h"

#include "core/errorcode.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "sync/replicafiles.h"
#include "workspace/lessons/attachmentstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <chrono>
#include <optional>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Cartable::Bench;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto kChildTimeout = 90min;
const QString kUploadOption = u"child-upload"_s;
const QString kDownloadOption = u"child-download"_s;

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QString errorText(const Core::Error &error)
{
    return Core::errorCodeName(error.code) + u' ' + error.context;
}

double megabytesPerSecond(qint64 bytes, double ms)
{
    return ms > 0 ? static_cast<double>(bytes) / 1e6 / (ms / 1000.0) : 0;
}

qint64 ownKiB(const QByteArray &field)
{
    return statusKiB(QCoreApplication::applicationPid(), field);
}

// Runs `loop` until something quits it or `timeout` passes; false on timeout.
bool runLoop(QEventLoop &loop, std::chrono::milliseconds timeout)
{
    QTimer timer;
    timer.setSingleShot(true);
    bool expired = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&expired, &loop] {
        expired = true;
        loop.quit();
    });
    timer.start(timeout);
    loop.exec();
    return !expired;
}

void printJsonLine(const QJsonObject &object)
{
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

// --- The teacher, in a child process ---------------------------------------

int runUploadChild(const QStringList &arguments)
{
    if (arguments.size() != 4) {
        qWarning("--%s takes <server url> <login> <replica path> <manifest>", qPrintable(kUploadOption));
        return 2;
    }
    const Core::Result<Corpus> corpus = readManifest(arguments.at(3));
    if (!corpus) {
        qWarning("upload: %s", qPrintable(corpus.error().context));
        return 1;
    }
    SyncedClient client(QUrl(arguments.at(0)), arguments.at(2));
    if (!client.signIn(arguments.at(1)) || !client.sync()) {
        qWarning("upload: %s", qPrintable(client.errorString()));
        return 1;
    }
    Workspace::Workspace &workspace = client.workspace();
    const QList<Core::Record> homework = workspace.select(u"homework"_s, u"teacher_id = ? AND class_id IS NOT NULL"_s,
                                                          {workspace.personId()}, u"id"_s);
    if (homework.isEmpty()) {
        qWarning("upload: the teacher has no homework to attach files to");
        return 1;
    }
    Sync::BlobCache cache(arguments.at(2));
    Workspace::AttachmentStore attachments(workspace, cache);
    QElapsedTimer timer;
    timer.start();
    for (const CorpusFile &file : corpus->files) {
        const Core::Result<Core::Record> added = attachments.add(u"homework"_s, homework.constFirst().id(),
                                                                 QDir(corpus->folder).filePath(file.name));
        if (!added) {
            qWarning("upload: attaching %s: %s", qPrintable(file.name), qPrintable(errorText(added.error())));
            return 1;
        }
    }
    const double attachMs = msSince(timer);

    Sync::SessionBlobTransport transport(client.session(), client.api());
    Sync::BlobTransfer transfer(transport, client.store(), cache);
    const qint64 rssBefore = ownKiB("VmRSS");
    resetPeakRss(QCoreApplication::applicationPid());
    QEventLoop loop;
    std::optional<Core::Status> outcome;
    QObject::connect(&transfer, &Sync::BlobTransfer::uploadsFinished, &loop, [&](const Core::Status &status) {
        outcome = status;
        loop.quit();
    });
    timer.restart();
    transfer.sendUploads();
    if (!outcome)
        runLoop(loop, kChildTimeout);
    const double uploadMs = msSince(timer);
    const qint64 peak = ownKiB("VmHWM");
    if (!outcome || !*outcome) {
        qWarning("upload: %s", outcome ? qPrintable(errorText(outcome->error())) : "timed out");
        return 1;
    }
    const Core::Result<QList<Sync::BlobTransfer::QueuedUpload>> left = transfer.uploads();
    if (!left || !left->isEmpty()) {
        qWarning("upload: %lld files still queued after the uploads finished",
                 left ? static_cast<long long>(left->size()) : -1LL);
        return 1;
    }
    // The rows go once their files are there.
    if (!client.sync()) {
        qWarning("upload: pushing the rows: %s", qPrintable(client.errorString()));
        return 1;
    }
    printJsonLine({{u"files"_s, corpus->files.size()},
                   {u"bytes"_s, corpus->totalBytes()},
                   {u"attachMs"_s, attachMs},
                   {u"ms"_s, uploadMs},
                   {u"rssBeforeKiB"_s, rssBefore},
                   {u"hwmKiB"_s, peak}});
    return 0;
}

// --- The student, in a child process ---------------------------------------

int runDownloadChild(const QStringList &arguments)
{
    if (arguments.size() != 4) {
        qWarning("--%s takes <server url> <login> <replica path> <manifest>", qPrintable(kDownloadOption));
        return 2;
    }
    const Core::Result<Corpus> corpus = readManifest(arguments.at(3));
    if (!corpus) {
        qWarning("download: %s", qPrintable(corpus.error().context));
        return 1;
    }
    SyncedClient client(QUrl(arguments.at(0)), arguments.at(2));
    if (!client.signIn(arguments.at(1)) || !client.sync()) {
        qWarning("download: %s", qPrintable(client.errorString()));
        return 1;
    }
    // The rows the student reads that name the teacher's files.
    QHash<QString, qint64> wanted;
    for (const CorpusFile &file : corpus->files)
        wanted.insert(file.sha256, file.size);
    QList<CorpusFile> files;
    for (const Core::Record &row : client.workspace().select(u"attachment"_s, {}, {}, u"file_name"_s)) {
        const QString sha256 = row.text(u"sha256"_s);
        if (wanted.contains(sha256))
            files.append({row.text(u"file_name"_s), row.number(u"size_bytes"_s), sha256});
    }
    if (files.size() != wanted.size()) {
        qWarning("download: the student reads %lld of the %lld attachments", static_cast<long long>(files.size()),
                 static_cast<long long>(wanted.size()));
        return 1;
    }

    Sync::BlobCache cache(arguments.at(2));
    Sync::SessionBlobTransport transport(client.session(), client.api());
    Sync::BlobTransfer transfer(transport, client.store(), cache);
    const qint64 rssBefore = ownKiB("VmRSS");
    resetPeakRss(QCoreApplication::applicationPid());
    // One file after another, as curl fetches them.
    QEventLoop loop;
    qsizetype next = 0;
    QString failure;
    const auto startNext = [&] {
        if (next == files.size()) {
            loop.quit();
            return;
        }
        const CorpusFile &file = files.at(next++);
        transfer.download(file.sha256, file.size);
    };
    QObject::connect(&transfer, &Sync::BlobTransfer::downloadFinished, &loop,
                     [&](const QString &sha256, const Core::Status &status) {
                         if (!status) {
                             failure = sha256 + u": "_s + errorText(status.error());
                             loop.quit();
                             return;
                         }
                         startNext();
                     });
    QElapsedTimer timer;
    timer.start();
    QTimer::singleShot(0, &loop, startNext);
    const bool ended = runLoop(loop, kChildTimeout);
    const double downloadMs = msSince(timer);
    const qint64 peak = ownKiB("VmHWM");
    if (!ended || !failure.isEmpty()) {
        qWarning("download: %s", ended ? qPrintable(failure) : "timed out");
        return 1;
    }
    qint64 bytes = 0;
    int different = 0;
    for (const CorpusFile &file : std::as_const(files)) {
        const QString path = cache.path(file.sha256);
        bytes += QFileInfo(path).size();
        if (sha256OfFile(path) != file.sha256) {
            ++different;
            qWarning("download: %s: its bytes are not those sent", qPrintable(file.name));
        }
    }
    printJsonLine({{u"files"_s, files.size()},
                   {u"bytes"_s, bytes},
                   {u"ms"_s, downloadMs},
                   {u"different"_s, different},
                   {u"rssBeforeKiB"_s, rssBefore},
                   {u"hwmKiB"_s, peak}});
    return 0;
}

// --- The run ----------------------------------------------------------------

std::optional<QJsonObject> runChild(const QString &option, const QStringList &arguments)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // The clients' own progress notes would drown the figures.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(u"QT_LOGGING_RULES"_s))
        environment.insert(u"QT_LOGGING_RULES"_s, u"cartable.*.info=false"_s);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), QStringList{u"--"_s + option} + arguments);
    const bool ended = child.waitForFinished(static_cast<int>(std::chrono::milliseconds(kChildTimeout).count()));
    if (!ended) {
        child.kill();
        child.waitForFinished();
    }
    if (!ended || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return std::nullopt;
    const QByteArray last = child.readAllStandardOutput().trimmed().split('\n').constLast();
    const QJsonDocument document = QJsonDocument::fromJson(last);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

QString mib(qint64 kib)
{
    return QLocale::c().toString(static_cast<double>(kib) / 1024.0, 'f', 1) + u" MiB"_s;
}

QString mbps(double value)
{
    return QLocale::c().toString(value, 'f', 1) + u" MB/s"_s;
}

int runBenchmark(qint64 megabytes, double scale, const QString &jsonPath)
{
    QTextStream out(stdout);
    QTemporaryDir work;
    if (!work.isValid()) {
        qWarning("no temporary folder");
        return 1;
    }
    const QString folder = work.path();
    QElapsedTimer timer;
    timer.start();
    const Core::Result<Corpus> corpus = generateCorpus(QDir(folder).filePath(u"corpus"_s), megabytes * 1'000'000);
    if (!corpus || corpus->files.isEmpty()) {
        qWarning("corpus: %s", corpus ? "empty" : qPrintable(corpus.error().context));
        return 1;
    }
    const QString manifest = QDir(folder).filePath(u"manifest.txt"_s);
    if (const Core::Status written = writeManifest(*corpus, manifest); !written) {
        qWarning("%s", qPrintable(written.error().context));
        return 1;
    }
    const qint64 largestKiB = corpus->largestBytes() / 1024;
    out << "files: " << corpus->files.size() << " files, " << corpus->totalBytes() / 1'000'000 << " MB ("
        << corpus->countBetween(0, 500'000) << " of 10-500 KB, " << corpus->countBetween(1'000'000, 20'000'000)
        << " of 1-20 MB, " << corpus->countBetween(50'000'000, 200'000'000) << " of 50-200 MB; the largest "
        << mib(largestKiB) << "), written in " << QString::number(msSince(timer) / 1000.0, 'f', 1) << " s" << Qt::endl;

    const std::unique_ptr<ServerProcess> server = startReferenceServer(scale);
    if (!server)
        return 1;
    const QString url = server->url().toString();

    out << "== a teacher sends them (" << QString::fromUtf16(kTeacherLogin) << ')' << Qt::endl;
    const qint64 serverIdleKiB = statusKiB(server->pid(), "VmRSS");
    resetPeakRss(server->pid());
    const std::optional<QJsonObject> up = runChild(kUploadOption, {url, QString::fromUtf16(kTeacherLogin),
                                                                   QDir(folder).filePath(u"teacher.db"_s), manifest});
    const qint64 serverUpKiB = statusKiB(server->pid(), "VmHWM");
    if (!up) {
        qWarning("the upload failed; the server said:\n%s", server->log().right(4000).constData());
        return 1;
    }
    out << "== a student receives them (" << QString::fromUtf16(kStudentLogin) << ')' << Qt::endl;
    resetPeakRss(server->pid());
    const std::optional<QJsonObject> down = runChild(kDownloadOption,
                                                     {url, QString::fromUtf16(kStudentLogin),
                                                      QDir(folder).filePath(u"student.db"_s), manifest});
    const qint64 serverDownKiB = statusKiB(server->pid(), "VmHWM");
    if (!down) {
        qWarning("the download failed; the server said:\n%s", server->log().right(4000).constData());
        return 1;
    }
    server->stop();
    // The caches are gone before the yardstick runs: the machine's file
    // cache holds the corpus alone, as it did for the client.
    QDir(Sync::ReplicaFiles::blobFolderOf(QDir(folder).filePath(u"teacher.db"_s))).removeRecursively();
    QDir(Sync::ReplicaFiles::blobFolderOf(QDir(folder).filePath(u"student.db"_s))).removeRecursively();

    out << "== curl fetches them from a static server" << Qt::endl;
    StaticFileServer yardstick;
    std::optional<StaticFileServer::Fetch> fetched;
    if (yardstick.start(corpus->folder)) {
        fetched = yardstick.fetchAll(*corpus, QDir(folder).filePath(u"curl"_s));
        yardstick.stop();
        QDir(QDir(folder).filePath(u"curl"_s)).removeRecursively();
        if (!fetched->error.isEmpty()) {
            qWarning("curl: %s", qPrintable(fetched->error));
            fetched.reset();
        }
    } else {
        qWarning("no static server: %s", qPrintable(yardstick.errorString()));
    }

    const qint64 bytes = corpus->totalBytes();
    const double upMbps = megabytesPerSecond(up->value(u"bytes"_s).toInteger(), up->value(u"ms"_s).toDouble());
    const double downMbps = megabytesPerSecond(down->value(u"bytes"_s).toInteger(), down->value(u"ms"_s).toDouble());
    const double curlMbps = fetched ? megabytesPerSecond(fetched->bytes, fetched->ms) : 0;
    const qint64 upKiB = up->value(u"hwmKiB"_s).toInteger();
    const qint64 downKiB = down->value(u"hwmKiB"_s).toInteger();
    const int different = down->value(u"different"_s).toInt();

    out << Qt::endl
        << "| | throughput | time | client peak RSS (before) | server peak RSS |" << Qt::endl
        << "|---|---|---|---|---|" << Qt::endl
        << "| upload, BlobTransfer over HTTP | " << mbps(upMbps) << " | "
        << QString::number(up->value(u"ms"_s).toDouble() / 1000.0, 'f', 1) << " s | " << mib(upKiB) << " ("
        << mib(up->value(u"rssBeforeKiB"_s).toInteger()) << ") | " << mib(serverUpKiB) << " |" << Qt::endl
        << "| download, BlobTransfer over HTTP | " << mbps(downMbps) << " | "
        << QString::number(down->value(u"ms"_s).toDouble() / 1000.0, 'f', 1) << " s | " << mib(downKiB) << " ("
        << mib(down->value(u"rssBeforeKiB"_s).toInteger()) << ") | " << mib(serverDownKiB) << " |" << Qt::endl;
    if (fetched)
        out << "| curl from " << yardstick.name() << " | " << mbps(curlMbps) << " | "
            << QString::number(fetched->ms / 1000.0, 'f', 1) << " s | | |" << Qt::endl;
    out << Qt::endl
        << "largest file " << mib(largestKiB) << "; the server's RSS before the upload " << mib(serverIdleKiB)
        << "; attaching (copy into the cache and hashing) took "
        << QString::number(up->value(u"attachMs"_s).toDouble() / 1000.0, 'f', 1) << " s" << Qt::endl;
    if (fetched)
        out << "download / curl: " << QString::number(downMbps / curlMbps, 'f', 2)
            << "x, upload / curl: " << QString::number(upMbps / curlMbps, 'f', 2) << 'x' << Qt::endl;
    out << "SHA-256 of every downloaded file: " << down->value(u"files"_s).toInteger() << " checked, " << different
        << " different" << Qt::endl;

    if (!jsonPath.isEmpty()) {
        const qsizetype files = corpus->files.size();
        QJsonArray measurements{
            QJsonObject{{u"measurement"_s, u"files up, teacher to server (BlobTransfer)"_s},
                        {u"n"_s, files},
                        {u"mbPerSecond"_s, upMbps},
                        {u"ms"_s, up->value(u"ms"_s)},
                        {u"bytes"_s, bytes}},
            QJsonObject{{u"measurement"_s, u"files down, server to student (BlobTransfer)"_s},
                        {u"n"_s, files},
                        {u"mbPerSecond"_s, downMbps},
                        {u"ms"_s, down->value(u"ms"_s)},
                        {u"bytes"_s, bytes}},
        };
        if (fetched) {
            measurements.append(QJsonObject{{u"measurement"_s, QString(u"files down, curl from "_s + yardstick.name())},
                                            {u"n"_s, files},
                                            {u"mbPerSecond"_s, curlMbps},
                                            {u"ms"_s, fetched->ms},
                                            {u"bytes"_s, fetched->bytes}});
            measurements.append(QJsonObject{{u"measurement"_s, u"files down, client / curl"_s},
                                            {u"n"_s, files},
                                            {u"ratio"_s, downMbps / curlMbps}});
        }
        // Beside the largest file, to show that none is held whole; no
        // target: the server's own caches set its floor.
        const auto memory = [&](const QString &what, qint64 kib) {
            return QJsonObject{{u"measurement"_s, what},
                               {u"n"_s, 1},
                               {u"hwmKiB"_s, kib},
                               {u"largestFileKiB"_s, largestKiB}};
        };
        measurements.append(memory(u"files, client peak memory, upload"_s, upKiB));
        measurements.append(memory(u"files, client peak memory, download"_s, downKiB));
        measurements.append(memory(u"files, server peak memory, upload"_s, serverUpKiB));
        measurements.append(memory(u"files, server peak memory, download"_s, serverDownKiB));
        measurements.append(QJsonObject{{u"measurement"_s, u"files downloaded with a wrong SHA-256"_s},
                                        {u"n"_s, files},
                                        {u"different"_s, different},
                                        {u"target"_s, u"0"_s},
                                        {u"met"_s, different == 0}});
        const QJsonObject root{{u"bench"_s, u"blobs"_s},
                               {u"scale"_s, scale},
                               {u"megabytes"_s, bytes / 1'000'000},
                               {u"machine"_s, machine()},
                               {u"measurements"_s, measurements}};
        QFile file(jsonPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(root).toJson()) < 0) {
            qWarning("cannot write %s", qPrintable(jsonPath));
            return 1;
        }
    }
    return different == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures file uploads and downloads against a real cartable-server."_s);
    parser.addHelpOption();
    const QCommandLineOption megabytesOption(u"megabytes"_s, u"How much to send, in MB (default 1000)."_s, u"n"_s,
                                             u"1000"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"The reference school's scale (default 0.02)."_s, u"s"_s,
                                         u"0.02"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Also write the figures to <file>."_s, u"file"_s);
    QCommandLineOption uploadOption(kUploadOption, u"(internal) the teacher's side."_s);
    QCommandLineOption downloadOption(kDownloadOption, u"(internal) the student's side."_s);
    uploadOption.setFlags(QCommandLineOption::HiddenFromHelp);
    downloadOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({megabytesOption, scaleOption, jsonOption, uploadOption, downloadOption});
    parser.process(app);
    if (parser.isSet(uploadOption))
        return runUploadChild(parser.positionalArguments());
    if (parser.isSet(downloadOption))
        return runDownloadChild(parser.positionalArguments());
    return runBenchmark(parser.value(megabytesOption).toLongLong(), parser.value(scaleOption).toDouble(),
                        parser.value(jsonOption));
}
