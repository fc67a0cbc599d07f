#include "soakworld.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace Cartable::Test::Soak {

using namespace Qt::StringLiterals;

namespace {

constexpr char kPassword[] = "cartable\n";

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SoakWorld::SoakWorld(QString name, Backend backend, quint64 seed, const QString &folder, QTextStream &log, bool verbose,
                     QObject *parent)
    : QObject(parent),
      m_name(std::move(name)),
      m_backend(backend),
      m_seed(seed),
      m_folder(folder + u'/' + m_name),
      m_log(log),
      m_verbose(verbose),
      m_chaosRandom(seed * 0x9E3779B97F4A7C15ULL + (backend == Backend::Postgres ? 1 : 2))
{
    m_clock.start();
    QDir().mkpath(m_folder);
    m_plans = plansFor(backend);
    for (int i = 0; i < m_plans.size(); ++i) {
        const ClientPlan &plan = m_plans.at(i);
        m_clients.push_back(std::make_unique<SoakClient>(i, plan.name, plan.login, m_folder, nullptr));
        m_clients.back()->setServer(plan.server);
        m_clientRandom.emplace_back(seed * 0x9E3779B97F4A7C15ULL + 1000 * (backend == Backend::Postgres ? 1 : 2) + i);
        m_offlineSteps.push_back(0);
    }
}

SoakWorld::~SoakWorld() = default;

void SoakWorld::note(const QString &line)
{
    m_log << '[' << m_clock.elapsed() / 1000 << " s] " << m_name << ": " << line << Qt::endl;
}

bool SoakWorld::startServer(int index)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (m_servers.at(index)->start())
            return true;
        note(u"server %1 did not start: %2"_s.arg(index).arg(m_servers.at(index)->errorString()));
    }
    return false;
}

bool SoakWorld::setUp(double scale)
{
    const int serverCount = m_backend == Backend::Postgres ? 2 : 1;
    for (int i = 0; i < serverCount; ++i) {
        m_servers.push_back(std::make_unique<ServerProcess>(m_backend));
        m_restartPending.push_back(false);
        if (i == 0 && !m_servers.front()->fillWithReferenceSchool(scale)) {
            note(u"cannot fill the reference school: "_s + m_servers.front()->errorString());
            return false;
        }
        if (i > 0)
            m_servers.back()->useDatabaseOf(*m_servers.front());
        if (!startServer(i))
            return false;
        note(u"server %1 on %2"_s.arg(i).arg(m_servers.back()->url().toString()));
    }

    if (!signInAndSyncAll(u"first sync"_s))
        return false;
    QList<std::pair<SoakClient *, QStringList>> exportJobs;
    for (auto &client : m_clients)
        exportJobs.append({client.get(), {u"export"_s, u"--replica"_s, client->replicaPath()}});
    const QList<CliRun> exported = runParallel(exportJobs);
    std::vector<QHash<QString, QJsonObject>> exports;
    for (size_t c = 0; c < m_clients.size(); ++c) {
        QList<QJsonObject> rows;
        for (const QString &line : exported.at(qsizetype(c)).out.split(u'\n', Qt::SkipEmptyParts))
            rows << QJsonDocument::fromJson(line.toUtf8()).object();
        exports.push_back(byKey(rows));
        note(u"%1 (%2) holds %3 rows"_s.arg(m_clients.at(c)->name(), m_clients.at(c)->login())
                 .arg(exports.back().size()));
    }
    QHash<QString, QJsonObject> teacherRows, guardianRows;
    QString teacherLogin;
    for (int i = 0; i < m_plans.size(); ++i) {
        if (m_plans.at(i).role == Role::Teacher && teacherRows.isEmpty()) {
            teacherRows = exports.at(i);
            teacherLogin = m_plans.at(i).login;
        }
        if (m_plans.at(i).role == Role::Guardian && guardianRows.isEmpty())
            guardianRows = exports.at(i);
    }
    QString summary;
    m_targets = chooseTargets(teacherRows, guardianRows, teacherLogin, &summary);
    note(summary);
    m_clientTargets.resize(m_clients.size());
    for (size_t c = 0; c < m_clients.size(); ++c) {
        const QStringList fields = fieldsOf(m_plans.at(int(c)).role);
        for (int t = 0; t < m_targets.size(); ++t) {
            const Target &target = m_targets.at(t);
            if (fields.contains(target.type + u'.' + target.field)
                && exports.at(c).contains(target.type + u'/' + target.id))
                m_clientTargets[c] << t;
        }
        note(u"%1 writes %2 field(s)"_s.arg(m_clients.at(c)->name()).arg(m_clientTargets.at(c).size()));
    }
    if (m_targets.isEmpty()) {
        note(u"no field to write in the reference school"_s);
        return false;
    }
    if (!qEnvironmentVariableIsEmpty("CARTABLE_SOAK_FILES_BINARY")) {
        QString teacher, reader;
        for (const ClientPlan &plan : std::as_const(m_plans)) {
            if (plan.role == Role::Teacher && teacher.isEmpty())
                teacher = plan.login;
            if (plan.role == Role::Student && reader.isEmpty())
                reader = plan.login;
        }
        m_files = std::make_unique<SoakFiles>(m_name, m_folder, m_seed, m_log, m_verbose, nullptr);
        if (!m_files->setUp(
                teacher, reader, [this](int server) { return m_servers.at(server)->url(); }, int(m_servers.size())))
            return false;
    }
    return true;
}

QStringList SoakWorld::serverArgumentsFor(const SoakClient &client) const
{
    return {u"login"_s,   u"--server"_s,  m_servers.at(client.server())->url().toString(),
            u"--login"_s, client.login(), u"--password-stdin"_s};
}

QList<CliRun> SoakWorld::runParallel(const QList<std::pair<SoakClient *, QStringList>> &jobs, const QByteArray &input)
{
    QList<CliRun> runs(jobs.size());
    qsizetype left = jobs.size();
    QEventLoop loop;
    for (qsizetype j = 0; j < jobs.size(); ++j) {
        jobs.at(j).first->start(jobs.at(j).second, input, -1, [&runs, &left, &loop, j](const CliRun &run) {
            runs[j] = run;
            if (--left == 0)
                loop.quit();
        });
    }
    if (left > 0)
        loop.exec();
    return runs;
}

bool SoakWorld::signInAndSyncAll(const QString &what)
{
    QList<std::pair<SoakClient *, QStringList>> logins;
    for (auto &client : m_clients) {
        if (client->needsLogin())
            logins.append({client.get(), serverArgumentsFor(*client)});
    }
    const QList<CliRun> signedIn = runParallel(logins, kPassword);
    bool ok = true;
    for (qsizetype j = 0; j < logins.size(); ++j) {
        logins.at(j).first->setNeedsLogin(signedIn.at(j).exitCode != 0);
        if (signedIn.at(j).exitCode != 0) {
            note(u"login of %1 failed: %2"_s.arg(logins.at(j).first->name(), signedIn.at(j).err.trimmed()));
            ok = false;
        }
    }
    QList<std::pair<SoakClient *, QStringList>> syncs;
    for (auto &client : m_clients) {
        if (!client->needsLogin())
            syncs.append({client.get(),
                          {u"sync"_s, u"--quiet"_s, u"--page"_s, u"10000"_s, u"--replica"_s, client->replicaPath()}});
    }
    const QList<CliRun> synced = runParallel(syncs);
    for (qsizetype j = 0; j < syncs.size(); ++j) {
        if (synced.at(j).exitCode != 0) {
            if (synced.at(j).err.contains(u"login"_s))
                syncs.at(j).first->setNeedsLogin(true);
            note(u"%1 of %2 failed: %3"_s.arg(what, syncs.at(j).first->name(), synced.at(j).err.trimmed()));
            ok = false;
        }
    }
    return ok;
}

void SoakWorld::startChaos(qint64 deadlineMs)
{
    m_deadline = deadlineMs;
    for (auto &client : m_clients)
        scheduleStep(*client);
    if (m_files)
        m_files->start(deadlineMs, [this] { checkChaosOver(); });
    scheduleServerKill();
}

void SoakWorld::scheduleStep(SoakClient &client)
{
    std::mt19937_64 &random = m_clientRandom.at(client.index());
    const int think = int(20 + random() % 400);
    QTimer::singleShot(think, this, [this, &client] { nextStep(client); });
}

void SoakWorld::nextStep(SoakClient &client)
{
    if (now() >= m_deadline)
        return checkChaosOver();
    const int i = client.index();
    std::mt19937_64 &random = m_clientRandom.at(i);
    if (client.needsLogin())
        return runLogin(client, client.server());
    // Drawn every step, used or not, so that one outcome does not shift the
    // choices that follow.
    const int dice = int(random() % 100);
    const bool kill = random() % 100 < 10;
    const int killAfterMs = int(random() % 1200);
    if (m_offlineSteps.at(i) > 0) {
        --m_offlineSteps.at(i);
        return runSet(client, kill ? killAfterMs % 80 : -1);
    }
    if (dice < 45)
        return runSet(client, kill ? killAfterMs % 80 : -1);
    if (dice < 78)
        return runSync(client, kill ? killAfterMs : -1);
    if (dice < 84) {
        m_offlineSteps.at(i) = int(3 + random() % 8);
        if (m_verbose)
            note(u"%1 goes offline for %2 steps"_s.arg(client.name()).arg(m_offlineSteps.at(i)));
        return runSet(client, -1);
    }
    if (dice < 90 && m_plans.at(i).switches && m_servers.size() > 1)
        return runLogin(client, 1 - client.server());
    runSync(client, kill ? killAfterMs : -1);
}

void SoakWorld::runSet(SoakClient &client, int killAfterMs)
{
    std::mt19937_64 &random = m_clientRandom.at(client.index());
    const QList<int> &targets = m_clientTargets.at(client.index());
    if (targets.isEmpty())
        return runSync(client, killAfterMs);
    const int t = targets.at(int(random() % targets.size()));
    const Target &target = m_targets.at(t);
    QString value;
    if (target.field == u"mark"_s)
        value = QString::number(double(random() % 2001) / 100.0, 'f', 2);
    else if (target.field == u"status"_s)
        value = random() % 2 == 0 ? u"present"_s : u"absent"_s;
    else
        value = u"soak %1 %2 #%3"_s.arg(m_name, client.name()).arg(m_writes.size() + 1);
    Write write;
    write.client = client.index();
    write.target = t;
    write.value = normalisedValue(target.field, value);
    client.start({u"set"_s, target.type, target.id, target.field, value, u"--replica"_s, client.replicaPath()}, {},
                 killAfterMs, [this, &client, write](const CliRun &run) mutable {
                     static const QRegularExpression saved(u"saved as change (\\d+)"_s);
                     const QRegularExpressionMatch match = saved.match(run.out);
                     if (run.exitCode == 0 && match.hasMatch()) {
                         write.outcome = Write::Outcome::Accepted;
                         write.number = match.captured(1).toLongLong();
                     } else {
                         write.outcome = run.killed ? Write::Outcome::Killed : Write::Outcome::Refused;
                         if (!run.killed && m_verbose)
                             note(u"%1: set refused: %2"_s.arg(client.name(), run.err.trimmed()));
                     }
                     write.sequence = ++m_writeSequence;
                     m_writes << write;
                     stepDone(client, run);
                 });
}

void SoakWorld::runSync(SoakClient &client, int killAfterMs)
{
    std::mt19937_64 &random = m_clientRandom.at(client.index());
    QStringList arguments{u"sync"_s, u"--quiet"_s, u"--replica"_s, client.replicaPath()};
    if (random() % 4 == 0)
        arguments << u"--page"_s << QString::number(3 + random() % 40);
    client.start(arguments, {}, killAfterMs, [this, &client](const CliRun &run) {
        if (run.exitCode != 0 && !run.killed) {
            if (run.err.contains(u"login"_s))
                client.setNeedsLogin(true);
            if (m_verbose)
                note(u"%1: sync failed: %2"_s.arg(client.name(), run.err.trimmed().section(u'\n', -1)));
        }
        stepDone(client, run);
    });
}

void SoakWorld::runLogin(SoakClient &client, int server)
{
    const int previous = client.server();
    client.setServer(server);
    const QStringList arguments = serverArgumentsFor(client);
    client.setServer(previous);
    client.start(arguments, kPassword, -1, [this, &client, server](const CliRun &run) {
        if (run.exitCode == 0) {
            if (m_verbose && server != client.server())
                note(u"%1 moves to server %2"_s.arg(client.name()).arg(server));
            client.setServer(server);
            client.setNeedsLogin(false);
        } else {
            client.setNeedsLogin(true);
        }
        stepDone(client, run);
    });
}

void SoakWorld::stepDone(SoakClient &client, const CliRun &run)
{
    ++m_counters.operations;
    if (run.timedOut) {
        ++m_counters.timeouts;
        note(u"%1: a command hung for %2 s and was killed"_s.arg(client.name()).arg(kCliTimeoutMs / 1000));
    } else if (run.killed) {
        ++m_counters.clientKills;
    }
    scheduleStep(client);
}

void SoakWorld::scheduleServerKill()
{
    const int wait = int(3000 + m_chaosRandom() % 9000);
    const int index = int(m_chaosRandom() % m_servers.size());
    const int downMs = int(300 + m_chaosRandom() % 2500);
    QTimer::singleShot(wait, this, [this, index, downMs] {
        if (now() >= m_deadline)
            return;
        if (m_servers.at(index)->isRunning() && !m_restartPending.at(index)) {
            m_servers.at(index)->kill();
            ++m_counters.serverKills;
            m_restartPending.at(index) = true;
            if (m_verbose)
                note(u"server %1 killed, down for %2 ms"_s.arg(index).arg(downMs));
            QTimer::singleShot(downMs, this, [this, index] {
                m_restartPending.at(index) = false;
                if (m_servers.at(index)->isRunning())
                    return;
                if (!startServer(index))
                    note(u"server %1 could not restart; it will at the end"_s.arg(index));
            });
        }
        scheduleServerKill();
    });
}

void SoakWorld::checkChaosOver()
{
    if (m_chaosOver)
        return;
    for (const auto &client : m_clients) {
        if (client->isBusy())
            return;
    }
    if (m_files && m_files->isBusy())
        return;
    m_chaosOver = true;
    Q_EMIT chaosFinished();
}

bool SoakWorld::drain()
{
    bool settled = false;
    for (int round = 0; round < 15; ++round) {
        const bool allSynced = signInAndSyncAll(u"final sync"_s);
        qint64 pending = 0;
        for (auto &client : m_clients)
            pending += client->status().value(u"pending"_s).toInteger(1);
        // Once nothing was pending, one more round lets every client pull
        // what the last ones pushed.
        if (allSynced && pending == 0) {
            if (settled)
                return true;
            settled = true;
        } else {
            settled = false;
        }
    }
    return false;
}

void SoakWorld::tamperBeforeExports()
{
    // I4 and I5 (and I1): a text field some client wrote gets a value nobody
    // wrote, behind the server's back.
    for (const Write &write : std::as_const(m_writes)) {
        const Target &target = m_targets.at(write.target);
        if (write.outcome != Write::Outcome::Accepted || target.field == u"mark"_s || target.field == u"status"_s)
            continue;
        QString error;
        if (!runStatement(m_servers.front()->databaseSpec(),
                          u"UPDATE %1 SET %2 = 'tampered' WHERE id = '%3'"_s.arg(target.type, target.field, target.id),
                          &error))
            note(u"tamper: cannot change %1: %2"_s.arg(target.type, error));
        else
            note(u"tamper: %1/%2.%3 changed on the server"_s.arg(target.type, target.id, target.field));
        break;
    }
    // I2 (and I1): a change saved in a replica after its last sync.
    SoakClient &client = *m_clients.front();
    const QList<int> &targets = m_clientTargets.front();
    if (!targets.isEmpty()) {
        const Target &target = m_targets.at(targets.constFirst());
        const QString value = target.field == u"mark"_s     ? u"0.01"_s
                              : target.field == u"status"_s ? u"absent"_s
                                                            : u"tampered"_s;
        client.runNow({u"set"_s, target.type, target.id, target.field, value, u"--replica"_s, client.replicaPath()});
        // Twice, so that the pending change differs from the server whatever
        // the field held.
        client.runNow({u"set"_s, target.type, target.id, target.field,
                       target.field == u"status"_s ? u"present"_s : value, u"--replica"_s, client.replicaPath()});
        note(u"tamper: %1 changed %2 without syncing"_s.arg(client.name(), target.field));
    }
}

qint64 SoakWorld::lastMutation(const SoakClient &client)
{
    const QString connection = u"soak-replica-"_s + client.name();
    qint64 last = -1;
    {
        QSqlDatabase db = openDatabaseSpec(client.replicaPath(), connection);
        QSqlQuery query(db);
        if (db.isOpen() && query.exec(u"SELECT value FROM replica_info WHERE key = 'next_mutation'"_s))
            last = query.next() ? query.value(0).toLongLong() - 1 : 0;
        else
            note(u"cannot read the replica of %1: %2"_s.arg(client.name(), query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(connection);
    return last;
}

bool SoakWorld::readServerDatabase(WorldResult &result)
{
    const QString connection = u"soak-server-"_s + m_name;
    bool ok = false;
    {
        QSqlDatabase db = openDatabaseSpec(m_servers.front()->databaseSpec(), connection);
        QSqlQuery query(db);
        ok = db.isOpen() && query.exec(u"SELECT client_id, number, answer FROM sync_receipt"_s);
        while (ok && query.next()) {
            const QString client = query.value(0).toString();
            result.receipts[client].insert(query.value(1).toLongLong(), query.value(2).toString());
            ++result.receiptRows[client];
        }
        ok = ok && query.exec(u"SELECT client_id, last_mutation FROM sync_client"_s);
        while (ok && query.next())
            result.lastApplied.insert(query.value(0).toString(), query.value(1).toLongLong());
        ok = ok && query.exec(u"SELECT row_type, row_id, field, lost_value FROM sync_conflict"_s);
        while (ok && query.next()) {
            // Fields kept together ("mark+marker") lose together.
            for (const QString &field : query.value(2).toString().split(u'+')) {
                result.conflictLost[query.value(0).toString() + u'/' + query.value(1).toString() + u'/' + field].insert(
                    lostValueOf(field, query.value(3).toString()));
            }
            ++result.conflictRows;
        }
        if (!ok)
            note(u"cannot read the server database: "_s
                 + (db.isOpen() ? query.lastError().text() : db.lastError().text()));
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QStringList SoakWorld::finish()
{
    QStringList violations;
    // A restart the chaos scheduled comes first; then every server is up.
    while (std::any_of(m_restartPending.cbegin(), m_restartPending.cend(), [](bool pending) { return pending; }))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    for (size_t i = 0; i < m_servers.size(); ++i) {
        if (!m_servers.at(i)->isRunning() && !startServer(int(i)))
            return {u"setup %1: server %2 does not start again: %3"_s.arg(m_name).arg(i).arg(
                m_servers.at(i)->errorString())};
    }
    note(u"chaos over; every server is up, the clients drain"_s);
    if (m_files)
        m_files->sendTheRest();
    if (!drain())
        note(u"the clients did not settle within the final rounds"_s);
    if (m_files)
        violations += m_files->finish(m_servers.front()->blobFolder(), m_servers.front()->databaseSpec());

    if (m_tamper)
        tamperBeforeExports();

    WorldResult result;
    result.world = m_name;
    result.targets = m_targets;
    result.writes = m_writes;
    // One fresh replica per login: the first client of each login makes it.
    QHash<QString, qsizetype> freshOf;
    for (size_t c = 0; c < m_clients.size(); ++c) {
        if (!freshOf.contains(m_clients.at(c)->login()))
            freshOf.insert(m_clients.at(c)->login(), qsizetype(c));
    }
    const auto allClients = [this, &freshOf](const std::function<QStringList(const SoakClient &)> &arguments,
                                             bool oncePerLogin) {
        QList<std::pair<SoakClient *, QStringList>> jobs;
        for (size_t c = 0; c < m_clients.size(); ++c) {
            if (!oncePerLogin || freshOf.value(m_clients.at(c)->login()) == qsizetype(c))
                jobs.append({m_clients.at(c).get(), arguments(*m_clients.at(c))});
        }
        QList<CliRun> runs = runParallel(jobs);
        if (!oncePerLogin)
            return runs;
        QList<CliRun> all;
        for (size_t c = 0; c < m_clients.size(); ++c) {
            qsizetype job = 0;
            while (jobs.at(job).first->login() != m_clients.at(c)->login())
                ++job;
            all << runs.at(job);
        }
        return all;
    };
    const QList<CliRun> mine = allClients(
        [](const SoakClient &client) {
            return QStringList{u"export"_s, u"--replica"_s, client.replicaPath()};
        },
        false);
    const QList<CliRun> freshSync = allClients(
        [](const SoakClient &client) {
            return QStringList{u"sync"_s,  u"--quiet"_s,   u"--page"_s,
                               u"10000"_s, u"--replica"_s, client.freshReplicaPath()};
        },
        true);
    const QList<CliRun> fresh = allClients(
        [](const SoakClient &client) {
            return QStringList{u"export"_s, u"--replica"_s, client.freshReplicaPath()};
        },
        true);
    for (size_t c = 0; c < m_clients.size(); ++c) {
        SoakClient &client = *m_clients.at(c);
        const qsizetype j = qsizetype(c);
        ClientResult one;
        one.name = client.name();
        const QJsonObject status = client.status();
        one.clientId = status.value(u"client_id"_s).toString();
        one.pending = status.value(u"pending"_s).toInteger(-1);
        one.exportsOk = mine.at(j).exitCode == 0 && freshSync.at(j).exitCode == 0 && fresh.at(j).exitCode == 0;
        if (!one.exportsOk)
            note(u"export of %1 failed: %2 %3"_s.arg(client.name(), mine.at(j).err.trimmed(),
                                                     freshSync.at(j).err.trimmed()));
        one.exportLines = mine.at(j).out.split(u'\n', Qt::SkipEmptyParts);
        one.freshExportLines = fresh.at(j).out.split(u'\n', Qt::SkipEmptyParts);
        std::sort(one.exportLines.begin(), one.exportLines.end());
        std::sort(one.freshExportLines.begin(), one.freshExportLines.end());
        result.clients << one;
    }
    note(u"exports compared, servers stop"_s);
    for (auto &server : m_servers) {
        if (server->stop() != 0)
            violations << u"%1: a server did not stop cleanly"_s.arg(m_name);
    }
    for (size_t c = 0; c < m_clients.size(); ++c)
        result.clients[qsizetype(c)].lastMutation = lastMutation(*m_clients.at(c));
    if (m_tamper) {
        // I3: the server forgets its answer to one mutation.
        const ClientResult &client = result.clients.constFirst();
        QString error;
        if (!runStatement(m_servers.front()->databaseSpec(),
                          u"DELETE FROM sync_receipt WHERE client_id = '%1' AND number = 1"_s.arg(client.clientId),
                          &error))
            note(u"tamper: cannot delete a receipt: "_s + error);
    }
    if (!readServerDatabase(result))
        violations << u"%1: the server database cannot be read"_s.arg(m_name);
    m_conflictsSeen = result.conflictRows;
    qint64 accepted = 0;
    for (const Write &write : m_writes)
        accepted += write.outcome == Write::Outcome::Accepted ? 1 : 0;
    note(u"%1 set(s), %2 accepted, %3 conflict record(s) on the server"_s.arg(m_writes.size())
             .arg(accepted)
             .arg(result.conflictRows));
    violations += checkWorld(result, m_verbose ? &m_log : nullptr);
    return violations;
}

} // namespace Cartable::Test::Soak
