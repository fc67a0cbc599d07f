// Measures sync as a user feels it, against a real cartable-server on the
// reference school: the first sync of the whole school (as the secretariat,
// the widest scope) beside the raw SQLite insert rate of the same rows, a
// teacher's and a guardian's first sync, the time a mark takes from one
// replica to another through the nudge channel, a sync with nothing or one
// change to fetch, and a week of offline edits pushed in one sync. Each
// first sync runs in a child process (this program, --child-first-sync) so
// that its peak memory is the sync's alone, and the teacher who changes the
// mark runs in another (--child-writer), as on a second computer. Pages are
// SyncEngine's default size. Prints a table; --json FILE also writes the
// figures. Never fails on a figure.
//
//   bench_sync [--scale S] [--runs N] [--backlog N] [--json FILE]

#include "benchsupport.h"
#include "rawinsert.h"
#include "syncfigures.h"

#include "tests/support/syncedclient.h"

#include "core/domain/catalog.h"
#include "core/errorcode.h"
#include "core/ids.h"
#include "core/replica/replicaschema.h"
#include "sync/nudgelistener.h"
#include "sync/syncscheduler.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iostream>
#include <string>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Cartable::Bench;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Core::ErrorCode;

namespace {

constexpr auto kFirstSyncTimeout = 30min;
constexpr auto kSyncTimeout = 10min;
constexpr auto kRunTimeout = 10s;
const QString kChildOption = u"child-first-sync"_s;
const QString kWriterOption = u"child-writer"_s;

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The replica as it lies on disk: the file and its write-ahead log.
qint64 replicaBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
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

Core::Status signIn(Sync::Session &session, const QUrl &server, const QString &login)
{
    Core::Status outcome(ErrorCode::Internal, u"sign-in timed out"_s);
    QEventLoop loop;
    bool done = false;
    QObject::connect(&session, &Sync::Session::signedIn, &loop, [&] {
        outcome = Core::Status();
        done = true;
        loop.quit();
    });
    QObject::connect(&session, &Sync::Session::signInFailed, &loop, [&](const Core::Error &error) {
        outcome = error;
        done = true;
        loop.quit();
    });
    session.signIn(server, login, QString::fromUtf16(kDemoPassword));
    if (!done)
        runLoop(loop, 30s);
    return outcome;
}

// One sync as the engine reports it.
SyncRun runSync(Sync::SyncEngine &engine, std::chrono::milliseconds timeout = kSyncTimeout)
{
    SyncRun run;
    QEventLoop loop;
    QElapsedTimer timer;
    bool done = false;
    qint64 pushed = 0;
    double pageStart = 0;
    QObject::connect(&engine, &Sync::SyncEngine::progress, &loop,
                     [&](int pages, qint64 changes, qint64 mutationsPushed) {
                         if (mutationsPushed > pushed) {
                             ++run.pushRequests;
                             run.pushMs = msSince(timer);
                             pageStart = run.pushMs;
                             pushed = mutationsPushed;
                         }
                         if (pages > run.pages) {
                             const double now = msSince(timer);
                             run.pageMs.append(now - pageStart);
                             pageStart = now;
                         }
                         run.pages = pages;
                         run.changes = changes;
                     });
    QObject::connect(&engine, &Sync::SyncEngine::finished, &loop, [&](const Core::Status &status) {
        run.ms = msSince(timer);
        run.status = status;
        done = true;
        loop.quit();
    });
    timer.start();
    engine.start();
    if (!done)
        runLoop(loop, timeout);
    return run;
}

// Waits for the sync in progress, if any, to end.
Core::Status settle(Sync::SyncEngine &engine)
{
    if (!engine.isRunning())
        return {};
    Core::Status outcome(ErrorCode::Internal, u"sync did not end"_s);
    QEventLoop loop;
    QObject::connect(&engine, &Sync::SyncEngine::finished, &loop, [&](const Core::Status &status) {
        outcome = status;
        loop.quit();
    });
    runLoop(loop, kSyncTimeout);
    return outcome;
}

// Signs a client in and syncs it, as SyncedClient::sync() does but without
// its two-minute limit, which a whole school's first sync can pass.
Core::Status firstSync(SyncedClient &client, const QString &login)
{
    if (!client.signIn(login))
        return Core::Error{ErrorCode::Internal, client.errorString()};
    const SyncRun run = runSync(client.engine(), kFirstSyncTimeout);
    if (run.status)
        client.workspace().notifyReloaded();
    return run.status;
}

// --- First sync, in a child process ---------------------------------------

Core::Result<qint64> countRecords(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    qint64 records = 0;
    for (const Core::EntityDef &entity : Core::entityCatalog()) {
        if (!query.exec(u"SELECT count(*) FROM "_s + entity.type) || !query.next())
            return Core::Error{ErrorCode::DatabaseError, entity.type};
        records += query.value(0).toLongLong();
    }
    return records;
}

// What the child does: signs in, syncs an empty replica, and prints its
// figures as one JSON line.
int runFirstSyncChild(const QStringList &arguments)
{
    if (arguments.size() != 3) {
        qWarning("--%s takes <server url> <login> <replica path>", qPrintable(kChildOption));
        return 2;
    }
    const QUrl server(arguments.at(0));
    const QString login = arguments.at(1);
    const QString path = arguments.at(2);
    QNetworkAccessManager network;
    Sync::ApiClient api(&network);
    Sync::MemoryCredentialStore credentials;
    Sync::Session session(&api, &credentials);
    Core::Result<std::unique_ptr<Sync::ReplicaStore>> opened = Sync::ReplicaStore::open(path, Core::newId());
    if (!opened) {
        qWarning("replica: %s", qPrintable(errorText(opened.error())));
        return 1;
    }
    const std::unique_ptr<Sync::ReplicaStore> store = std::move(opened).value();
    Sync::SyncEngine engine(session, api, *store);
    if (const Core::Status signedIn = signIn(session, server, login); !signedIn) {
        qWarning("%s: %s", qPrintable(login), qPrintable(errorText(signedIn.error())));
        return 1;
    }

    const qint64 rssBefore = statusKiB(QCoreApplication::applicationPid(), "VmRSS");
    const std::clock_t cpuBefore = std::clock();
    const SyncRun run = runSync(engine, kFirstSyncTimeout);
    const double cpuMs = static_cast<double>(std::clock() - cpuBefore) * 1000.0 / CLOCKS_PER_SEC;
    const qint64 peak = statusKiB(QCoreApplication::applicationPid(), "VmHWM");
    if (!run.status) {
        qWarning("%s: %s", qPrintable(login), qPrintable(errorText(run.status.error())));
        return 1;
    }
    const Core::Result<qint64> records = countRecords(store->database());
    if (!records) {
        qWarning("counting: %s", qPrintable(errorText(records.error())));
        return 1;
    }
    const qint64 asLeft = replicaBytes(path);
    QSqlQuery checkpoint(store->database());
    if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s)) {
        qWarning("checkpoint failed");
        return 1;
    }
    checkpoint.finish();
    const QJsonObject figures{{u"login"_s, login},
                              {u"ms"_s, run.ms},
                              {u"clientCpuMs"_s, cpuMs},
                              {u"records"_s, *records},
                              {u"changes"_s, run.changes},
                              {u"pages"_s, run.pages},
                              {u"firstPageMs"_s, run.pageMs.value(0)},
                              {u"medianPageMs"_s, percentile(run.pageMs, 0.5)},
                              {u"lastPageMs"_s, run.pageMs.value(run.pageMs.size() - 1)},
                              {u"bytesWithWal"_s, asLeft},
                              {u"bytesCheckpointed"_s, replicaBytes(path)},
                              {u"rssBeforeKiB"_s, rssBefore},
                              {u"hwmKiB"_s, peak}};
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Compact)) << '\n';
    return 0;
}

Core::Result<FirstSync> firstSyncInChild(const QUrl &server, const QString &login, const QString &path)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {u"--"_s + kChildOption, server.toString(), login, path});
    const bool ended = child.waitForFinished(static_cast<int>(std::chrono::milliseconds(kFirstSyncTimeout).count()));
    if (!ended) {
        child.kill();
        child.waitForFinished();
        return Core::Error{ErrorCode::Internal, u"first sync of %1 did not end"_s.arg(login)};
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return Core::Error{ErrorCode::Internal, u"first sync of %1 failed"_s.arg(login)};
    const QByteArray last = child.readAllStandardOutput().trimmed().split('\n').constLast();
    const FirstSync first{QJsonDocument::fromJson(last).object()};
    if (first.records() <= 0 || first.ms() <= 0)
        return Core::Error{ErrorCode::Internal, u"first sync of %1 printed no figures"_s.arg(login)};
    return first;
}

// --- Deltas ----------------------------------------------------------------

// Nanoseconds on the clock that every process of this machine shares
// (steady_clock is CLOCK_MONOTONIC on Linux), so that a time taken by the
// writer process compares with one taken here.
qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double msBetween(qint64 fromNs, qint64 toNs)
{
    return static_cast<double>(toNs - fromNs) / 1e6;
}

bool holdsMark(Sync::ReplicaStore &store, const QString &gradeId, qint64 mark)
{
    const Core::Result<std::optional<Core::Record>> row = store.row(u"grade"_s, gradeId);
    return row && *row && (*row)->number(u"mark"_s) == mark;
}

// What the writer child does: the teacher on another computer. It syncs a
// replica, says "ready <grade id>", then for each mark read on stdin sets
// it through its workspace, syncs, and answers "<changed> <saved> <pushed>
// <ok>" (steadyNs() times).
int runWriterChild(const QStringList &arguments)
{
    if (arguments.size() != 3) {
        qWarning("--%s takes <server url> <login> <replica path>", qPrintable(kWriterOption));
        return 2;
    }
    SyncedClient writer(QUrl(arguments.at(0)), arguments.at(2));
    if (const Core::Status synced = firstSync(writer, arguments.at(1)); !synced) {
        qWarning("writer: %s", qPrintable(errorText(synced.error())));
        return 1;
    }
    const std::optional<Core::Record> grade = openGrade(writer.workspace());
    if (!grade) {
        qWarning("writer: no grade in an open period");
        return 1;
    }
    QTextStream out(stdout);
    out << "ready " << grade->id() << Qt::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
        const qint64 changed = steadyNs();
        const Core::Result<qint64> saved = setMark(writer.workspace(), grade->id(),
                                                   QByteArray::fromStdString(line).toLongLong());
        const qint64 savedAt = steadyNs();
        const SyncRun run = runSync(writer.engine());
        out << changed << ' ' << savedAt << ' ' << savedAt + static_cast<qint64>(run.pushMs * 1e6) << ' '
            << (saved.ok() && run.status.ok() ? 1 : 0) << Qt::endl;
    }
    return 0;
}

struct WriterAnswer
{
    qint64 changedNs = 0;
    qint64 savedNs = 0;
    qint64 pushedNs = 0;
    bool ok = false;
};

// This side of the writer child.
class RemoteWriter
{
public:
    RemoteWriter() = default;
    RemoteWriter(const RemoteWriter &) = delete;
    RemoteWriter &operator=(const RemoteWriter &) = delete;
    ~RemoteWriter()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(30'000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    Core::Status start(const QUrl &server, const QString &replicaPath)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QCoreApplication::applicationFilePath(),
                        {u"--"_s + kWriterOption, server.toString(), QString::fromUtf16(kTeacherLogin), replicaPath});
        // It says "ready" after its first sync.
        if (!waitForLine(kFirstSyncTimeout))
            return Core::Error{ErrorCode::Internal, u"the writer process did not start"_s};
        const QByteArray ready = m_process.readLine().trimmed();
        if (!ready.startsWith("ready "))
            return Core::Error{ErrorCode::Internal, u"the writer process did not sync"_s};
        m_gradeId = QString::fromLatin1(ready.mid(6));
        return {};
    }

    QProcess &process() { return m_process; }
    QString gradeId() const { return m_gradeId; }
    void send(qint64 mark) { m_process.write(QByteArray::number(mark) + '\n'); }
    // The answer to a send, once its whole line has come.
    std::optional<WriterAnswer> answer()
    {
        if (!m_process.canReadLine())
            return std::nullopt;
        const QList<QByteArray> parts = m_process.readLine().trimmed().split(' ');
        if (parts.size() != 4)
            return WriterAnswer{};
        return WriterAnswer{parts.at(0).toLongLong(), parts.at(1).toLongLong(), parts.at(2).toLongLong(),
                            parts.at(3) == "1"};
    }
    // Sets a mark and waits until the writer has pushed it.
    Core::Status change(qint64 mark)
    {
        send(mark);
        const std::optional<WriterAnswer> done = waitForLine(kSyncTimeout) ? answer() : std::nullopt;
        if (!done || !done->ok)
            return Core::Error{ErrorCode::Internal, u"the writer could not push a mark"_s};
        return {};
    }

private:
    bool waitForLine(std::chrono::milliseconds timeout)
    {
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(static_cast<int>(timeout.count())))
                return false;
        }
        return true;
    }

    QProcess m_process;
    QString m_gradeId;
};

// One live change as both sides saw it.
struct LiveRun
{
    std::optional<WriterAnswer> answer;
    qint64 nudgedNs = 0;
    qint64 seenNs = 0;
    // The first error, if any.
    Core::Status outcome;
};

// The writer changes a mark and syncs; the reader follows the nudge channel
// with the scheduler, as the desktop client does (a nudge starts a sync at
// once: the scheduler's debounce is for local changes only).
Core::Result<LiveDelta> measureLiveDelta(RemoteWriter &writer, SyncedClient &reader, const QUrl &server, int runs)
{
    const std::optional<Core::Record> grade = reader.workspace().row(u"grade"_s, writer.gradeId());
    if (!grade)
        return Core::Error{ErrorCode::NotFound, u"the replicas do not hold the same grade"_s};
    Sync::NudgeListener nudges;
    LiveRun *current = nullptr;
    // Before the scheduler's own connection, so that the time is the nudge's
    // arrival, not after the start of the sync it causes.
    QObject::connect(&nudges, &Sync::NudgeListener::nudged, &nudges, [&current] {
        if (current && current->nudgedNs == 0)
            current->nudgedNs = steadyNs();
    });
    Sync::SyncScheduler scheduler(reader.engine());
    scheduler.watch(&nudges);
    {
        QEventLoop loop;
        QObject::connect(&nudges, &Sync::NudgeListener::ready, &loop, &QEventLoop::quit);
        nudges.start(server, reader.session().accessToken());
        if (!runLoop(loop, kRunTimeout))
            return Core::Error{ErrorCode::NetworkError, u"the nudge channel did not open"_s};
    }

    LiveDelta delta;
    for (int i = 0; i < runs; ++i) {
        if (const Core::Status idle = settle(reader.engine()); !idle)
            return idle.error();
        const qint64 mark = markFor(reader.workspace(), *grade, 10 + i % 80);
        LiveRun run;
        QEventLoop loop;
        QObject context;
        const auto quitWhenDone = [&run, &loop] {
            if ((run.seenNs > 0 && run.answer) || !run.outcome)
                loop.quit();
        };
        QObject::connect(&writer.process(), &QProcess::readyReadStandardOutput, &context, [&] {
            if (std::optional<WriterAnswer> answer = writer.answer())
                run.answer = answer;
            quitWhenDone();
        });
        QObject::connect(&writer.process(), &QProcess::finished, &context, [&] {
            run.outcome = Core::Error{ErrorCode::Internal, u"the writer process ended"_s};
            quitWhenDone();
        });
        QObject::connect(&reader.engine(), &Sync::SyncEngine::finished, &context, [&](const Core::Status &status) {
            if (!status)
                run.outcome = status;
            else if (run.seenNs == 0 && holdsMark(reader.store(), grade->id(), mark))
                run.seenNs = steadyNs();
            quitWhenDone();
        });
        current = &run;
        writer.send(mark);
        const bool ended = runLoop(loop, kRunTimeout);
        current = nullptr;
        if (!run.outcome)
            return run.outcome.error();
        if (!ended || !run.answer->ok)
            return Core::Error{ErrorCode::Internal, u"the mark did not reach the other replica"_s};
        const qint64 changed = run.answer->changedNs;
        delta.seen.append(msBetween(changed, run.seenNs));
        delta.saved.append(msBetween(changed, run.answer->savedNs));
        delta.pushed.append(msBetween(changed, run.answer->pushedNs));
        delta.nudged.append(msBetween(changed, run.nudgedNs));
    }
    nudges.stop();
    if (const Core::Status idle = settle(reader.engine()); !idle)
        return idle.error();
    return delta;
}

// The reader's sync, start to finished, with nothing to fetch, then with one
// change that the writer pushed beforehand.
Core::Result<OneShotDelta> measureOneShot(RemoteWriter &writer, SyncedClient &reader, int runs)
{
    const std::optional<Core::Record> grade = reader.workspace().row(u"grade"_s, writer.gradeId());
    if (!grade)
        return Core::Error{ErrorCode::NotFound, u"the replicas do not hold the same grade"_s};
    OneShotDelta delta;
    if (const SyncRun first = runSync(reader.engine()); !first.status)
        return first.status.error();
    for (int i = 0; i < runs; ++i) {
        const SyncRun run = runSync(reader.engine());
        if (!run.status)
            return run.status.error();
        delta.idle.append(run.ms);
    }
    for (int i = 0; i < runs; ++i) {
        if (const Core::Status pushed = writer.change(markFor(reader.workspace(), *grade, 5 + i % 90)); !pushed)
            return pushed.error();
        const SyncRun run = runSync(reader.engine());
        if (!run.status)
            return run.status.error();
        delta.oneChange.append(run.ms);
    }
    return delta;
}

Core::Result<Deltas> measureDeltas(const QUrl &server, const QString &writerPath, SyncedClient &reader, int runs)
{
    RemoteWriter writer;
    if (const Core::Status started = writer.start(server, writerPath); !started)
        return started.error();
    Core::Result<LiveDelta> live = measureLiveDelta(writer, reader, server, runs);
    if (!live)
        return live.error();
    Core::Result<OneShotDelta> oneShot = measureOneShot(writer, reader, runs);
    if (!oneShot)
        return oneShot.error();
    return Deltas{std::move(live).value(), std::move(oneShot).value()};
}

// The signed-in teacher's grades in open periods: the ones he may change.
QList<Core::Record> editableGrades(Workspace::Workspace &workspace)
{
    QList<Core::Record> grades;
    for (const Core::Record &evaluation :
         workspace.select(u"evaluation"_s, u"teacher_id = ?"_s, {workspace.personId()}, u"id"_s)) {
        const std::optional<Core::Record> period = workspace.row(u"period"_s, evaluation.text(u"period_id"_s));
        if (period && !period->flag(u"closed"_s))
            grades += workspace.select(u"grade"_s, u"evaluation_id = ?"_s, {evaluation.id()}, u"id"_s);
    }
    return grades;
}

// Offline, the teacher changes marks `count` times (round after round over
// his grades), then one sync sends them all.
Core::Result<Backlog> measureBacklog(SyncedClient &teacher, int count)
{
    Workspace::Workspace &workspace = teacher.workspace();
    const QList<Core::Record> grades = editableGrades(workspace);
    if (grades.isEmpty())
        return Core::Error{ErrorCode::NotFound, u"the teacher has no grade in an open period"_s};
    Backlog backlog;
    backlog.grades = grades.size();
    QHash<QString, qint64> lastMarks;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < count; ++i) {
        const Core::Record &grade = grades.at(i % grades.size());
        const qint64 mark = markFor(workspace, grade, 1 + static_cast<int>(i / grades.size()) % 98);
        QElapsedTimer one;
        one.start();
        if (const Core::Result<qint64> saved = setMark(workspace, grade.id(), mark); !saved)
            return saved.error();
        backlog.changes.append(msSince(one));
        lastMarks.insert(grade.id(), mark);
    }
    backlog.changesMs = msSince(total);
    // A failed push (the client gives up on a request after its transfer
    // timeout) is reported with the figures.
    backlog.sync = runSync(teacher.engine());
    if (!backlog.sync.status)
        return backlog;
    // A change the server refused is undone in the replica.
    for (auto it = lastMarks.cbegin(); it != lastMarks.cend(); ++it) {
        if (!holdsMark(teacher.store(), it.key(), it.value()))
            ++backlog.refused;
    }
    return backlog;
}

int failed(ServerProcess &server, const QString &what, const Core::Error &error)
{
    qWarning("%s: %s", qPrintable(what), qPrintable(errorText(error)));
    server.stop();
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"First sync, delta sync and backlog push against a real server."_s);
    parser.addHelpOption();
    const QCommandLineOption scaleOption(u"scale"_s, u"Size of the reference school (default 1)."_s, u"s"_s, u"1"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Delta syncs to time (default 200)."_s, u"n"_s, u"200"_s);
    const QCommandLineOption backlogOption(u"backlog"_s, u"Offline changes to push (default 10000)."_s, u"n"_s,
                                           u"10000"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Also write the figures to <file>."_s, u"file"_s);
    // The child processes this program starts: <server url> <login> <replica path>.
    QCommandLineOption childOption(kChildOption, u"One first sync, figures on stdout."_s);
    QCommandLineOption writerOption(kWriterOption, u"A replica that sets marks read on stdin."_s);
    childOption.setFlags(QCommandLineOption::HiddenFromHelp);
    writerOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({scaleOption, runsOption, backlogOption, jsonOption, childOption, writerOption});
    parser.process(app);
    if (parser.isSet(childOption))
        return runFirstSyncChild(parser.positionalArguments());
    if (parser.isSet(writerOption))
        return runWriterChild(parser.positionalArguments());
    const double scale = parser.value(scaleOption).toDouble();
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int backlogSize = qMax(1, parser.value(backlogOption).toInt());
    if (scale <= 0)
        qFatal("--scale must be above 0");
    QJsonObject machineJson = machine();
    machineJson.insert(u"sqlite"_s, QString::fromLatin1(sqlite3_libversion()));

    if (qEnvironmentVariableIsEmpty("CARTABLE_SERVER_BINARY"))
        qputenv("CARTABLE_SERVER_BINARY", CARTABLE_DEFAULT_SERVER_BINARY);
    const QString loadBefore = loadAverages();
    QElapsedTimer setup;
    setup.start();
    ServerProcess server(Backend::Sqlite);
    if (!server.fillWithReferenceSchool(scale) || !server.start())
        qFatal("cannot start the reference server: %s", qPrintable(server.errorString()));
    const double schoolSeconds = static_cast<double>(setup.elapsed()) / 1000.0;
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary folder");
    QList<Line> lines;

    // 1 and 3: first syncs, each in its own process.
    const QStringList logins{QString::fromUtf16(kSecretariatLogin), QString::fromUtf16(kTeacherLogin),
                             QString::fromUtf16(kGuardianLogin)};
    QList<FirstSync> firsts;
    for (const QString &login : logins) {
        const Core::Result<FirstSync> first = firstSyncInChild(server.url(), login, dir.filePath(login + u".sqlite"_s));
        if (!first)
            return failed(server, login, first.error());
        firsts.append(*first);
    }

    // 2: the rows of the secretariat's replica straight into SQLite.
    const Core::Result<QList<TableRows>> rows = loadReplica(dir.filePath(logins.constFirst() + u".sqlite"_s));
    if (!rows)
        return failed(server, u"reading the replica"_s, rows.error());
    qsizetype rawRows = 0;
    for (const TableRows &table : *rows)
        rawRows += table.rows;
    const Core::Result<double> rawMs = insertRaw(*rows, dir.filePath(u"raw.sqlite"_s));
    if (!rawMs)
        return failed(server, u"raw insert"_s, rawMs.error());
    lines += firstSyncLines(u"secretariat"_s, firsts.at(0));
    lines += rawInsertLines(rawRows, *rawMs, firsts.at(0).ms());
    lines += firstSyncLines(u"teacher"_s, firsts.at(1));
    lines += firstSyncLines(u"guardian"_s, firsts.at(2));

    // 4 and 5: a second teacher replica here, the writer in its own process;
    // 6: this replica's backlog.
    SyncedClient reader(server.url(), dir.filePath(u"reader.sqlite"_s));
    if (const Core::Status synced = firstSync(reader, QString::fromUtf16(kTeacherLogin)); !synced)
        return failed(server, u"teacher"_s, synced.error());
    const Core::Result<Deltas> deltas = measureDeltas(server.url(), dir.filePath(u"writer.sqlite"_s), reader, runs);
    if (!deltas)
        return failed(server, u"delta sync"_s, deltas.error());
    lines += deltaLines(*deltas);
    const Core::Result<Backlog> backlog = measureBacklog(reader, backlogSize);
    if (!backlog)
        return failed(server, u"backlog"_s, backlog.error());
    lines += backlogLines(*backlog);
    const QString loadAfter = loadAverages();
    server.stop();

    QTextStream out(stdout);
    out << "Machine: " << QSysInfo::prettyProductName() << ", " << QThread::idealThreadCount() << " cores, "
        << QSysInfo::currentCpuArchitecture() << ", " << machineJson.value(u"build"_s).toString() << " build, Qt "
        << qVersion() << ", SQLite " << sqlite3_libversion() << '\n';
    out << "Load average (1, 5, 15 min): " << loadBefore << " at start, " << loadAfter << " at end\n";
    out << u"Reference school at scale %1 on SQLite, built and indexed in %2 s\n"_s.arg(scale).arg(
        fixed(schoolSeconds, 1));
    printTable(out, lines);
    out.flush();

    if (parser.isSet(jsonOption)) {
        const QJsonObject figures{{u"bench"_s, u"sync"_s},
                                  {u"machine"_s, machineJson},
                                  {u"loadAverage"_s, QJsonObject{{u"start"_s, loadBefore}, {u"end"_s, loadAfter}}},
                                  {u"scale"_s, scale},
                                  {u"runs"_s, runs},
                                  {u"backlog"_s, backlogSize},
                                  {u"schoolSeconds"_s, schoolSeconds},
                                  {u"measurements"_s, linesToJson(lines)}};
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(QJsonDocument(figures).toJson());
    }
    // The figures are out; a failed request still fails the run.
    return backlog->sync.status ? 0 : 1;
}
