#pragma once

#include "soakchecks.h"
#include "soakclient.h"
#include "soakfiles.h"
#include "soakplan.h"
#include "tests/support/serverprocess.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTextStream>

#include <memory>
#include <random>
#include <vector>

namespace Cartable::Test::Soak {

struct Counters
{
    qint64 operations = 0;
    qint64 serverKills = 0;
    qint64 clientKills = 0;
    qint64 timeouts = 0;
};

// One database with its server processes (two on PostgreSQL, one on
// SQLite) and the clients that work on it, from the start of the servers to
// the checks of the invariants.
class SoakWorld : public QObject
{
    Q_OBJECT

public:
    SoakWorld(QString name, Backend backend, quint64 seed, const QString &folder, QTextStream &log, bool verbose,
              QObject *parent);
    ~SoakWorld() override;

    QString name() const { return m_name; }
    // Servers up, clients signed in and synced once, targets chosen. False
    // with the reason on the log when the world cannot be built.
    bool setUp(double scale);
    // Random work and kills until `deadlineMs` (a QDateTime msecs value),
    // then lets every running command end. Returns at once; finished()
    // comes when it is over.
    void startChaos(qint64 deadlineMs);
    bool chaosIsOver() const { return m_chaosOver; }
    // All servers up, every client drained, then the invariants; returns
    // the violations, one line each.
    QStringList finish();
    // Breaks one thing each invariant guards, after the drain, to show that
    // the checks catch it.
    void setTamper(bool tamper) { m_tamper = tamper; }
    const Counters &counters() const { return m_counters; }
    qint64 conflictsSeen() const { return m_conflictsSeen; }
    // Files, when the world moves some (CARTABLE_SOAK_FILES_BINARY is set).
    const SoakFiles *files() const { return m_files.get(); }

Q_SIGNALS:
    void chaosFinished();

private:
    bool startServer(int index);
    QStringList serverArgumentsFor(const SoakClient &client) const;
    // Runs one command per client at once (each client at most once) and
    // waits for all.
    QList<CliRun> runParallel(const QList<std::pair<SoakClient *, QStringList>> &jobs, const QByteArray &input = {});
    // Every client signs in and syncs at once; false when one fails.
    bool signInAndSyncAll(const QString &what);
    void nextStep(SoakClient &client);
    void scheduleStep(SoakClient &client);
    void runSet(SoakClient &client, int killAfterMs);
    void runSync(SoakClient &client, int killAfterMs);
    void runLogin(SoakClient &client, int server);
    void stepDone(SoakClient &client, const CliRun &run);
    void scheduleServerKill();
    void checkChaosOver();
    bool drain();
    bool readServerDatabase(WorldResult &result);
    qint64 lastMutation(const SoakClient &client);
    void tamperBeforeExports();
    void note(const QString &line);

    QString m_name;
    Backend m_backend;
    quint64 m_seed;
    QString m_folder;
    QTextStream &m_log;
    bool m_verbose;
    std::mt19937_64 m_chaosRandom;
    std::vector<std::unique_ptr<ServerProcess>> m_servers;
    std::vector<bool> m_restartPending;
    QList<ClientPlan> m_plans;
    std::vector<std::unique_ptr<SoakClient>> m_clients;
    std::vector<std::mt19937_64> m_clientRandom;
    std::vector<int> m_offlineSteps;
    // Per client, the indexes in m_targets it may write.
    std::vector<QList<int>> m_clientTargets;
    QList<Target> m_targets;
    QList<Write> m_writes;
    qint64 m_writeSequence = 0;
    qint64 m_deadline = 0;
    bool m_chaosOver = false;
    bool m_tamper = false;
    QElapsedTimer m_clock;
    Counters m_counters;
    qint64 m_conflictsSeen = 0;
    std::unique_ptr<SoakFiles> m_files;
};

} // namespace Cartable::Test::Soak
