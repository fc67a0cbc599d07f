// Measures the server under many simulated desktop clients, over real HTTP
// on loopback against one cartable-server process. Each client signs in with
// an account of the reference school, makes its first sync (set-up, timed but
// not measured), then does what a client does in steady state: a delta pull
// on its own timer, a pull on each nudge of its WebSocket, and, for teachers,
// a grade change pushed now and then. Prints a table per load step; --json
// FILE also writes the figures. Never fails on a figure.
//
//   bench_load [--clients N] [--seconds S] [--scale S] [--backend sqlite|postgres]
//              [--period-ms P] [--push-ms P] [--no-nudges] [--seed N] [--json FILE]

#include "benchsupport.h"
#include "loadaccounts.h"
#include "loadfigures.h"
#include "loadhttp.h"

#include "tests/support/serverprocess.h"

#include "core/ids.h"
#include "core/protocol/mutation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <sys/resource.h>

#include <algorithm>
#include <queue>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Cartable::Bench;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSetupInFlight = 4;
constexpr int kSocketsInFlight = 16;
// As Sync::SyncEngine asks.
constexpr int kPageLimit = 2000;
constexpr qint64 kSetupTimeoutMs = 120'000;
// As Sync::ApiClient gives up on a request.
constexpr qint64 kMeasuredTimeoutMs = 10'000;
// Grades kept per evaluation while a teacher's first sync goes by: enough to
// spread the changes, few enough to keep nothing like a replica.
constexpr int kGradesPerEvaluation = 4;

struct Grade
{
    QString id;
    QString evaluationId;
    qint64 version = 0;
    qint64 scale = 20;
};

// What a teacher's first sync shows of the grades he may change: his own
// evaluations in an open period.
struct TeacherScan
{
    QSet<QString> openPeriods;
    QHash<QString, std::pair<QString, qint64>> evaluations; // id: (period, scale)
    QHash<QString, QList<Grade>> grades;                    // by evaluation
};

struct Client
{
    Account account;
    std::unique_ptr<HttpConnection> http;
    std::unique_ptr<QWebSocket> nudges;
    bool nudgesReady = false;
    QByteArray token;
    QString cursor;
    QString clientId = Core::newId();
    qint64 nextNumber = 1;
    Core::HybridClock clock;
    std::unique_ptr<TeacherScan> scan;
    QList<Grade> grades;
    QHash<QString, qsizetype> gradeIndex;
    bool busy = false;
    bool pullWanted = false;
    bool pushWanted = false;
};

// All clients, their set-up, and the load steps, on one thread's event loop.
class LoadRun : public QObject
{
public:
    LoadRun(const QUrl &server, const QList<Account> &accounts, quint32 seed, int pushMs)
        : m_server(server), m_random(seed), m_pushMs(pushMs)
    {
        for (const Account &account : accounts) {
            auto client = std::make_unique<Client>();
            client->account = account;
            client->http = std::make_unique<HttpConnection>(server);
            m_clients.push_back(std::move(client));
        }
        m_sweep.setInterval(std::chrono::milliseconds(250));
        connect(&m_sweep, &QTimer::timeout, this, [this] {
            for (const auto &client : m_clients)
                client->http->expire(m_timeoutMs);
        });
        m_sweep.start();
        m_dispatch.setSingleShot(true);
        m_dispatch.setTimerType(Qt::PreciseTimer);
        connect(&m_dispatch, &QTimer::timeout, this, &LoadRun::dispatch);
        m_clock.start();
    }

    ~LoadRun() override
    {
        for (const auto &client : m_clients) {
            if (client->nudges)
                client->nudges->disconnect(this);
        }
    }

    qsizetype size() const { return static_cast<qsizetype>(m_clients.size()); }
    QString failure() const { return m_failure; }
    qint64 bytesReceived() const
    {
        qint64 total = 0;
        for (const auto &client : m_clients)
            total += client->http->bytesReceived();
        return total;
    }

    bool signIn()
    {
        return runBounded(kSetupInFlight, [this](Client &client, const std::function<void(bool)> &done) {
            const QByteArray body = QJsonDocument(QJsonObject{{u"login"_s, client.account.login},
                                                              {u"password"_s, QString::fromUtf16(kDemoPassword)}})
                                        .toJson(QJsonDocument::Compact);
            client.http->post("/api/v1/auth/login", {}, body, [this, &client, done](const Answer &answer) {
                const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
                client.token = object.value(u"accessToken"_s).toString().toLatin1();
                if (answer.status != 200 || client.token.isEmpty())
                    m_failure
                        = u"sign-in of %1: %2 %3"_s.arg(client.account.login).arg(answer.status).arg(answer.failure);
                done(answer.status == 200 && !client.token.isEmpty());
            });
        });
    }

    // Pulls every client's pages until `more` is false, keeping the cursor
    // only (and, for teachers, a few grades they may change).
    bool firstSync(qint64 &rows, qint64 &changes, qint64 &pages, int &teachersWithGrades)
    {
        const bool ok = runBounded(kSetupInFlight, [this, &rows, &changes,
                                                    &pages](Client &client, const std::function<void(bool)> &done) {
            if (client.account.kind == Kind::Teacher)
                client.scan = std::make_unique<TeacherScan>();
            pullAll(client, rows, changes, pages, done);
        });
        teachersWithGrades = 0;
        for (const auto &client : m_clients) {
            if (client->scan)
                keepChangeableGrades(*client);
            teachersWithGrades += client->grades.isEmpty() ? 0 : 1;
        }
        return ok;
    }

    // Opens every client's nudge WebSocket and signs it; returns how many
    // the server made ready.
    int openNudges()
    {
        QUrl url = m_server;
        url.setScheme(u"ws"_s);
        url.setPath(u"/api/v1/sync/nudge"_s);
        runBounded(kSocketsInFlight, [this, url](Client &client, const std::function<void(bool)> &done) {
            client.nudges = std::make_unique<QWebSocket>();
            QWebSocket *socket = client.nudges.get();
            auto settled = std::make_shared<bool>(false);
            const auto settle = [done, settled](bool ready) {
                if (!std::exchange(*settled, true))
                    done(ready);
            };
            connect(socket, &QWebSocket::connected, this, [socket, &client] {
                socket->sendTextMessage(
                    QString::fromUtf8(QJsonDocument(QJsonObject{{u"token"_s, QString::fromLatin1(client.token)}})
                                          .toJson(QJsonDocument::Compact)));
            });
            connect(socket, &QWebSocket::textMessageReceived, this, [this, &client, settle](const QString &message) {
                if (message.contains(u"\"ready\""_s)) {
                    client.nudgesReady = true;
                    settle(true);
                } else if (message.contains(u"\"nudge\""_s)) {
                    nudged(client);
                }
            });
            connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                    [settle] { settle(true); });
            connect(socket, &QWebSocket::disconnected, this, [this, &client, settle] {
                if (client.nudgesReady)
                    ++m_socketsDropped;
                client.nudgesReady = false;
                settle(true);
            });
            socket->open(url);
        });
        int ready = 0;
        for (const auto &client : m_clients)
            ready += client->nudgesReady ? 1 : 0;
        return ready;
    }

    int socketsDropped() const { return m_socketsDropped; }

    StepFigures runStep(const QString &name, int periodMs, int seconds, qint64 serverPid, const QString &database)
    {
        m_timeoutMs = kMeasuredTimeoutMs;
        StepFigures step;
        step.name = name;
        step.periodMs = periodMs;
        m_step = &step;
        m_periodMs = periodMs;
        const qint64 start = m_clock.elapsed();
        for (qsizetype i = 0; i < size(); ++i) {
            m_events.push(Event{start + m_random.bounded(periodMs), i, false});
            if (!m_clients.at(i)->grades.isEmpty())
                m_events.push(Event{start + m_random.bounded(m_pushMs), i, true});
        }
        step.peakIsStep = resetPeakRss(serverPid);
        const double serverCpu = processCpuSeconds(serverPid);
        const double serverWait = runQueueSeconds(serverPid);
        const double generatorWait = runQueueSeconds(QCoreApplication::applicationPid());
        const double databaseCpu = database.isEmpty() ? 0 : cpuSecondsOfProcessesNaming(database);
        const double ownCpu = ownCpuSeconds();
        m_running = true;
        dispatch();

        QEventLoop loop;
        QTimer::singleShot(std::chrono::seconds(seconds), &loop, [this, &loop] {
            m_running = false;
            m_dispatch.stop();
            m_events = {};
            if (m_busy == 0)
                loop.quit();
        });
        m_drained = [this, &loop] {
            if (!m_running && m_busy == 0)
                loop.quit();
        };
        loop.exec();
        m_drained = {};
        step.seconds = seconds;
        step.serverCpu = processCpuSeconds(serverPid) - serverCpu;
        step.serverWait = runQueueSeconds(serverPid) - serverWait;
        step.generatorWait = runQueueSeconds(QCoreApplication::applicationPid()) - generatorWait;
        step.databaseCpu = database.isEmpty() ? 0 : cpuSecondsOfProcessesNaming(database) - databaseCpu;
        step.serverPeakKb = statusKiB(serverPid, "VmHWM");
        step.generatorCpu = ownCpuSeconds() - ownCpu;
        step.load = loadAverage();
        m_step = nullptr;
        for (const auto &client : m_clients)
            client->pullWanted = client->pushWanted = false;
        return step;
    }

private:
    struct Event
    {
        qint64 dueMs;
        qsizetype client;
        bool push;
        bool operator>(const Event &other) const { return dueMs > other.dueMs; }
    };

    using Start = std::function<void(Client &, const std::function<void(bool)> &)>;

    // Runs `start` for every client, at most `inFlight` at a time, until
    // each has called its `done`; false as soon as one fails.
    bool runBounded(int inFlight, const Start &start)
    {
        m_timeoutMs = kSetupTimeoutMs;
        struct State
        {
            qsizetype next = 0;
            qsizetype finished = 0;
            bool ok = true;
            QEventLoop loop;
        };
        // Answers that come after a failure find the state gone.
        auto state = std::make_shared<State>();
        std::function<void()> launch;
        launch = [&] {
            while (state->ok && state->next < size() && state->next - state->finished < inFlight) {
                Client &client = *m_clients.at(state->next++);
                start(client, [weak = std::weak_ptr<State>(state), &launch](bool ok) {
                    const std::shared_ptr<State> alive = weak.lock();
                    if (!alive)
                        return;
                    ++alive->finished;
                    alive->ok = alive->ok && ok;
                    launch();
                });
            }
            if (!state->ok || state->finished == size())
                state->loop.quit();
        };
        launch();
        if (state->ok && state->finished < size())
            state->loop.exec();
        return state->ok;
    }

    void pullAll(Client &client, qint64 &rows, qint64 &changes, qint64 &pages, const std::function<void(bool)> &done)
    {
        client.http->post("/api/v1/sync/pull", client.token, pullBody(client),
                          [this, &client, &rows, &changes, &pages, done](const Answer &answer) {
                              const QJsonObject page = QJsonDocument::fromJson(answer.body).object();
                              if (answer.status != 200 || !page.contains(u"cursor"_s)) {
                                  m_failure = u"first sync of %1: %2 %3"_s.arg(client.account.login)
                                                  .arg(answer.status)
                                                  .arg(answer.failure + QString::fromUtf8(answer.body.left(200)));
                                  return done(false);
                              }
                              const QJsonArray pulled = page.value(u"rows"_s).toArray();
                              rows += pulled.size();
                              changes += page.value(u"changes"_s).toArray().size();
                              ++pages;
                              if (client.scan)
                                  scanRows(*client.scan, client.account.personId, pulled);
                              client.cursor = page.value(u"cursor"_s).toString();
                              if (page.value(u"more"_s).toBool())
                                  return pullAll(client, rows, changes, pages, done);
                              done(true);
                          });
    }

    static QByteArray pullBody(const Client &client)
    {
        QJsonObject body{{u"limit"_s, kPageLimit}};
        if (!client.cursor.isEmpty())
            body.insert(u"cursor"_s, client.cursor);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    static void scanRows(TeacherScan &scan, const QString &personId, const QJsonArray &rows)
    {
        for (const QJsonValue &entry : rows) {
            const QJsonObject row = entry[u"row"_s].toObject();
            const QString type = row.value(u"type"_s).toString();
            const QString id = row.value(u"id"_s).toString();
            if (type == u"period"_s && !row.value(u"closed"_s).toBool()) {
                scan.openPeriods.insert(id);
            } else if (type == u"evaluation"_s && row.value(u"teacher_id"_s).toString() == personId) {
                scan.evaluations.insert(id, {row.value(u"period_id"_s).toString(), row.value(u"scale"_s).toInteger()});
            } else if (type == u"grade"_s && !row.value(u"mark"_s).isNull()) {
                QList<Grade> &kept = scan.grades[row.value(u"evaluation_id"_s).toString()];
                if (kept.size() < kGradesPerEvaluation)
                    kept.append(
                        Grade{id, row.value(u"evaluation_id"_s).toString(), entry[u"version"_s].toInteger(), 0});
            }
        }
    }

    static void keepChangeableGrades(Client &client)
    {
        const TeacherScan &scan = *client.scan;
        for (auto it = scan.evaluations.cbegin(); it != scan.evaluations.cend(); ++it) {
            if (!scan.openPeriods.contains(it.value().first))
                continue;
            for (Grade grade : scan.grades.value(it.key())) {
                grade.scale = it.value().second;
                client.grades.append(grade);
            }
        }
        // The hash's order changes from run to run; the seed's choices must not.
        std::sort(client.grades.begin(), client.grades.end(),
                  [](const Grade &a, const Grade &b) { return a.id < b.id; });
        for (qsizetype i = 0; i < client.grades.size(); ++i)
            client.gradeIndex.insert(client.grades.at(i).id, i);
        client.scan.reset();
    }

    void dispatch()
    {
        const qint64 now = m_clock.elapsed();
        while (m_running && !m_events.empty() && m_events.top().dueMs <= now) {
            const Event event = m_events.top();
            m_events.pop();
            Client &client = *m_clients.at(event.client);
            // Each client's timer drifts with ±10% jitter, as real ones do.
            const qint64 period = event.push ? m_pushMs : m_periodMs;
            const qint64 next = event.dueMs + period * (90 + m_random.bounded(21)) / 100;
            m_events.push(Event{next, event.client, event.push});
            if (event.push) {
                client.pushWanted = true;
            } else {
                ++m_step->ticks;
                want(client);
            }
            kick(client);
        }
        if (m_running && !m_events.empty())
            m_dispatch.start(std::chrono::milliseconds(qMax<qint64>(0, m_events.top().dueMs - now)));
    }

    void want(Client &client)
    {
        if (client.pullWanted)
            ++m_step->merged;
        client.pullWanted = true;
    }

    void nudged(Client &client)
    {
        if (!m_running)
            return;
        ++m_step->nudges;
        want(client);
        kick(client);
    }

    // Sends what the client wants next, a push before a pull as the sync
    // engine does, when its connection is free.
    void kick(Client &client)
    {
        if (!m_running || client.busy)
            return;
        if (client.pushWanted) {
            client.pushWanted = false;
            send(client, "/api/v1/sync/push", pushBody(client),
                 [this, &client](const Answer &answer) { pushed(client, answer); });
        } else if (client.pullWanted) {
            client.pullWanted = false;
            send(client, "/api/v1/sync/pull", pullBody(client),
                 [this, &client](const Answer &answer) { pulled(client, answer); });
        }
    }

    void send(Client &client, const QByteArray &path, const QByteArray &body,
              const std::function<void(const Answer &)> &handle)
    {
        client.busy = true;
        ++m_busy;
        client.http->post(path, client.token, body, [this, &client, handle](const Answer &answer) {
            client.busy = false;
            --m_busy;
            handle(answer);
            kick(client);
            if (m_drained)
                m_drained();
        });
    }

    QByteArray pushBody(Client &client)
    {
        const Grade &grade = client.grades.at(m_random.bounded(static_cast<int>(client.grades.size())));
        Core::Mutation mutation;
        mutation.number = client.nextNumber++;
        mutation.values = Core::Record(u"grade"_s, grade.id);
        // A mark the reference school never gives, so that it always changes.
        mutation.values.set(u"mark"_s, grade.scale * (1 + m_random.bounded(98)) + 3);
        mutation.values.set(u"graded_at"_s, QDateTime::currentMSecsSinceEpoch());
        mutation.changedFields = {u"mark"_s, u"marker"_s, u"graded_at"_s};
        mutation.baseVersion = grade.version;
        mutation.hlc = client.clock.now();
        const Core::PushBatch batch{client.clientId, {mutation}};
        return QJsonDocument(Core::pushBatchToJson(batch)).toJson(QJsonDocument::Compact);
    }

    // Counts the answer; false when the request failed.
    bool record(Series &series, const Answer &answer, const Client &client)
    {
        if (answer.status == 200) {
            series.ms.append(answer.ms);
            return true;
        }
        ++series.errors;
        const QString what = u"%1: %2 %3"_s.arg(client.account.login)
                                 .arg(answer.status)
                                 .arg(answer.failure + QString::fromUtf8(answer.body.left(200)));
        // A refusal is the benchmark's fault, not the load's.
        if (answer.status >= 400 && answer.status < 500)
            m_failure = what;
        if (m_step->failures.size() < 5)
            m_step->failures.append(what);
        return false;
    }

    void pulled(Client &client, const Answer &answer)
    {
        if (!record(m_step->pulls, answer, client))
            return;
        const QJsonObject page = QJsonDocument::fromJson(answer.body).object();
        client.cursor = page.value(u"cursor"_s).toString(client.cursor);
        if (!page.value(u"changes"_s).toArray().isEmpty())
            ++m_step->fullPulls;
        if (page.value(u"more"_s).toBool())
            client.pullWanted = true;
        if (client.gradeIndex.isEmpty())
            return;
        // Another computer of the same teacher may have changed a grade.
        for (const QJsonValue &entry : page.value(u"rows"_s).toArray()) {
            const auto found = client.gradeIndex.constFind(entry[u"row"_s][u"id"_s].toString());
            if (found != client.gradeIndex.cend())
                client.grades[*found].version = entry[u"version"_s].toInteger();
        }
    }

    void pushed(Client &client, const Answer &answer)
    {
        if (!record(m_step->pushes, answer, client))
            return;
        const QJsonObject result = QJsonDocument::fromJson(answer.body)[u"results"_s][0].toObject();
        const QString status = result.value(u"status"_s).toString();
        const QString id = result.value(u"row"_s)[u"id"_s].toString();
        if (status == u"conflict"_s)
            ++m_step->conflicts;
        if (status != u"applied"_s && status != u"conflict"_s) {
            m_failure = u"push of %1 was %2: %3"_s.arg(client.account.login, status,
                                                       QString::fromUtf8(
                                                           QJsonDocument(result).toJson(QJsonDocument::Compact)));
            return;
        }
        if (const auto found = client.gradeIndex.constFind(id); found != client.gradeIndex.cend())
            client.grades[*found].version = result.value(u"version"_s).toInteger();
    }

    QUrl m_server;
    QRandomGenerator m_random;
    int m_pushMs;
    std::vector<std::unique_ptr<Client>> m_clients;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    QTimer m_dispatch;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_events;
    qint64 m_timeoutMs = kSetupTimeoutMs;
    int m_periodMs = 0;
    bool m_running = false;
    int m_busy = 0;
    std::function<void()> m_drained;
    StepFigures *m_step = nullptr;
    int m_socketsDropped = 0;
    QString m_failure;
};

int cannotRun(const QString &why)
{
    QTextStream(stderr) << "bench_load: " << why << '\n';
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The server under many simulated sync clients, over real HTTP."_s);
    parser.addHelpOption();
    const QCommandLineOption clientsOption(u"clients"_s, u"Simulated clients (default 1000)."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Measured seconds per step (default 60)."_s, u"s"_s, u"60"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"Size of the reference school (default 1)."_s, u"s"_s, u"1"_s);
    const QCommandLineOption backendOption(u"backend"_s,
                                           u"sqlite or postgres (default: CARTABLE_TEST_BACKEND, else sqlite)."_s,
                                           u"name"_s);
    const QCommandLineOption periodOption(
        u"period-ms"_s, u"One step, each client pulling every <ms> (default: two steps, 30000 and 1000)."_s, u"ms"_s);
    const QCommandLineOption pushOption(u"push-ms"_s,
                                        u"Each teacher pushes a grade change every <ms> (default 30000)."_s, u"ms"_s,
                                        u"30000"_s);
    const QCommandLineOption noNudgesOption(u"no-nudges"_s, u"Do not keep the nudge WebSockets open."_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the choices and timers (default 1)."_s, u"n"_s, u"1"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Also write the figures to <file>."_s, u"file"_s);
    parser.addOptions({clientsOption, secondsOption, scaleOption, backendOption, periodOption, pushOption,
                       noNudgesOption, seedOption, jsonOption});
    parser.process(app);
    const int clients = qMax(1, parser.value(clientsOption).toInt());
    const int seconds = qMax(1, parser.value(secondsOption).toInt());
    const double scale = parser.value(scaleOption).toDouble();
    const int pushMs = qMax(100, parser.value(pushOption).toInt());
    const quint32 seed = parser.value(seedOption).toUInt();
    if (scale <= 0)
        return cannotRun(u"--scale must be above 0"_s);
    QList<std::pair<QString, int>> steps{{u"realistic"_s, 30'000}, {u"heavy"_s, 1000}};
    if (parser.isSet(periodOption))
        steps = {{u"period"_s, qMax(10, parser.value(periodOption).toInt())}};
    Backend backend = backendFromEnvironment();
    if (parser.isSet(backendOption)) {
        const QString name = parser.value(backendOption);
        if (name != u"sqlite"_s && name != u"postgres"_s)
            return cannotRun(u"--backend is sqlite or postgres"_s);
        backend = name == u"postgres"_s ? Backend::Postgres : Backend::Sqlite;
    }
    if (backend == Backend::Postgres && !TestDatabase::postgresAvailable())
        return cannotRun(u"no PostgreSQL: source scripts/lib/postgres.sh and run cartable_pg_start first"_s);

    // Each client holds two sockets, and the server (which inherits the
    // limit) one for each of them.
    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
    if (files.rlim_cur < rlim_t(2 * clients + 100))
        return cannotRun(u"%1 clients need more than %2 open files"_s.arg(clients).arg(files.rlim_cur));

    if (qEnvironmentVariableIsEmpty("CARTABLE_SERVER_BINARY"))
        qputenv("CARTABLE_SERVER_BINARY", CARTABLE_DEFAULT_SERVER_BINARY);
    const double loadAtStart = loadAverage();
    QElapsedTimer timer;
    timer.start();
    ServerProcess server(backend);
    if (!server.fillWithReferenceSchool(scale))
        return cannotRun(server.errorString());
    const double buildSeconds = static_cast<double>(timer.restart()) / 1000.0;
    // Access tokens outlive the run, so that no step pays a refresh. Every
    // client connects from 127.0.0.1, twice: above the server's default cap.
    if (!server.start({u"--access-token-minutes"_s, u"1440"_s, u"--max-connections-per-address"_s,
                       QString::number(qMin(2 * clients + 100, 100000))}))
        return cannotRun(u"cannot start the server: "_s + server.errorString());
    const qint64 pid = server.pid();
    const QString database = backend == Backend::Postgres ? QUrl(server.databaseSpec()).path().mid(1) : QString();

    QRandomGenerator random(seed);
    int distinct = 0;
    const QHash<Kind, QList<Account>> pool = readAccounts(server.databaseSpec());
    const QList<Account> accounts = pickAccounts(pool, clients, random, distinct);
    if (accounts.size() != clients)
        return cannotRun(u"the reference school has no account to sign in with"_s);
    QHash<Kind, int> mix;
    for (const Account &account : accounts)
        ++mix[account.kind];
    LoadRun run(server.url(), accounts, random.generate(), pushMs);

    timer.restart();
    if (!run.signIn())
        return cannotRun(run.failure());
    const double signInSeconds = static_cast<double>(timer.restart()) / 1000.0;
    qint64 rows = 0;
    qint64 changes = 0;
    qint64 pages = 0;
    int pushers = 0;
    const double cpuBeforeSync = ownCpuSeconds();
    if (!run.firstSync(rows, changes, pages, pushers))
        return cannotRun(run.failure());
    const double firstSyncSeconds = static_cast<double>(timer.restart()) / 1000.0;
    const double firstSyncCpu = ownCpuSeconds() - cpuBeforeSync;
    const qint64 firstSyncBytes = run.bytesReceived();
    const bool nudges = !parser.isSet(noNudgesOption);
    const int socketsReady = nudges ? run.openNudges() : 0;
    const double socketSeconds = static_cast<double>(timer.restart()) / 1000.0;
    const qint64 setupPeakKb = statusKiB(pid, "VmHWM");

    QList<StepFigures> figures;
    for (const auto &[name, period] : std::as_const(steps)) {
        figures.append(run.runStep(name, period, seconds, pid, database));
        if (!server.isRunning())
            return cannotRun(u"the server stopped during step "_s + name);
    }

    QJsonObject machineJson = machine();
    machineJson.insert(u"loadAverageAtStart"_s, loadAtStart);
    QTextStream out(stdout);
    out << "Machine: " << machineJson.value(u"os"_s).toString() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << QThread::idealThreadCount() << " cores, " << machineJson.value(u"kernel"_s).toString() << ", Qt "
        << qVersion() << ", " << machineJson.value(u"build"_s).toString() << " build, "
        << machineJson.value(u"date"_s).toString() << '\n';
    out << u"Server: %1, reference school at scale %2 (filled in %3 s); load average %4 at start\n"_s
               .arg(backendLabel(backend))
               .arg(scale)
               .arg(buildSeconds, 0, 'f', 1)
               .arg(loadAtStart, 0, 'f', 2);
    QStringList kinds;
    for (Kind kind : {Kind::Student, Kind::Guardian, Kind::Teacher, Kind::Staff})
        kinds.append(u"%1 %2"_s.arg(kindName(kind)).arg(mix.value(kind)));
    out << u"Clients: %1 (%2), %3 distinct accounts; teachers pushing a grade change every %5 ms (±10%): %4\n"_s
               .arg(clients)
               .arg(kinds.join(u", "_s))
               .arg(distinct)
               .arg(pushers)
               .arg(pushMs);
    out << "Set-up, not measured:\n";
    out << u"  sign-in, %1 at a time: %2 s (%3 ms a client)\n"_s.arg(kSetupInFlight)
               .arg(signInSeconds, 0, 'f', 1)
               .arg(1000.0 * signInSeconds / clients, 0, 'f', 1);
    out << u"  first sync, %1 at a time: %2 s; %3 rows, %4 changes in %5 pages, %6 received; generator CPU %7 s\n"_s
               .arg(kSetupInFlight)
               .arg(firstSyncSeconds, 0, 'f', 1)
               .arg(rows)
               .arg(changes)
               .arg(pages)
               .arg(megabytes(firstSyncBytes))
               .arg(firstSyncCpu, 0, 'f', 1);
    if (nudges)
        out << u"  nudge sockets: %1 of %2 ready in %3 s\n"_s.arg(socketsReady)
                   .arg(clients)
                   .arg(socketSeconds, 0, 'f', 1);
    else
        out << "  nudge sockets: not opened (--no-nudges)\n";
    out << u"  server peak RSS after set-up: %1\n"_s.arg(megabytes(setupPeakKb * 1024));
    for (const StepFigures &step : std::as_const(figures))
        printStep(out, step, clients);
    if (nudges && run.socketsDropped() > 0)
        out << u"nudge sockets dropped during the steps: %1\n"_s.arg(run.socketsDropped());
    if (!run.failure().isEmpty())
        out << "a request was refused: " << run.failure() << '\n';
    out.flush();

    if (parser.isSet(jsonOption)) {
        QJsonArray stepsJson;
        for (const StepFigures &step : std::as_const(figures))
            stepsJson.append(stepToJson(step));
        QJsonObject mixJson;
        for (Kind kind : {Kind::Student, Kind::Guardian, Kind::Teacher, Kind::Staff})
            mixJson.insert(kindName(kind), mix.value(kind));
        const QJsonObject report{{u"bench"_s, u"load"_s},
                                 {u"machine"_s, machineJson},
                                 {u"backend"_s, backendLabel(backend)},
                                 {u"scale"_s, scale},
                                 {u"seed"_s, static_cast<qint64>(seed)},
                                 {u"clients"_s, clients},
                                 {u"distinctAccounts"_s, distinct},
                                 {u"mix"_s, mixJson},
                                 {u"pushingTeachers"_s, pushers},
                                 {u"pushPeriodMs"_s, pushMs},
                                 {u"nudgeSockets"_s, nudges ? socketsReady : 0},
                                 {u"setup"_s, QJsonObject{{u"fillSeconds"_s, buildSeconds},
                                                          {u"signInSeconds"_s, signInSeconds},
                                                          {u"firstSyncSeconds"_s, firstSyncSeconds},
                                                          {u"firstSyncRows"_s, rows},
                                                          {u"firstSyncChanges"_s, changes},
                                                          {u"firstSyncPages"_s, pages},
                                                          {u"firstSyncBytes"_s, firstSyncBytes},
                                                          {u"firstSyncGeneratorCpuSeconds"_s, firstSyncCpu},
                                                          {u"socketSeconds"_s, socketSeconds},
                                                          {u"serverPeakRssKb"_s, setupPeakKb}}},
                                 {u"steps"_s, stepsJson},
                                 {u"measurements"_s, measurementsToJson(figures, clients, backendLabel(backend))},
                                 {u"targetP99Ms"_s, kTargetP99Ms}};
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly))
            return cannotRun(u"cannot write "_s + file.fileName());
        file.write(QJsonDocument(report).toJson());
    }
    server.stop();
    return run.failure().isEmpty() ? 0 : 1;
}
