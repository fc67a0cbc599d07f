#pragma once

#include "simclient.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace Cartable::Chaos {

// The school every run starts from: the reference school at a small scale,
// generated once per process into `templatePath`, and the accounts whose
// devices take part.
struct World
{
    QString templatePath;
    QList<Actor> actors;
    // The devices of a run, in order: one per actor, and a second one for
    // the first teacher and the first family.
    QList<Actor> devices;
    // Each device's replica after a first sync of the school, made once:
    // most runs start from it, some from nothing.
    QStringList replicaTemplates;
};

// Generates the world in `folder`; the error says why it could not.
[[nodiscard]] Core::Result<World> prepareWorld(const QString &folder);

struct RunOptions
{
    std::uint64_t seed = 1;
    int steps = 300;
    // Faults on: a run with them off checks the invariants of plain use.
    bool faults = true;
    bool verbose = false;
    // The checks' own test: after the run, break each invariant on purpose
    // (a value changed behind the server's back, a receipt removed, a change
    // left unsent); the run passes only if every break is reported.
    bool tamper = false;
    // Devices attach, send and download files; without, a seed runs as it
    // did before files existed.
    bool files = true;
};

struct RunReport
{
    QStringList violations;
    QString summary; // one line of figures
    QString timing;  // where the run's real time went
};

// One seeded run: the devices work, go offline, crash, lose and regain
// buckets, under a faulty network and a crashing server; then every fault
// stops, everyone syncs until nothing moves, and the invariants are checked
// against the reference model of what each device wrote.
RunReport runSimulation(const World &world, const RunOptions &options, const QString &folder);

} // namespace Cartable::Chaos
