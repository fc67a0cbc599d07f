// chaos_sim: the deterministic convergence simulation of the sync engine.
//
//   chaos_sim [--seeds N] [--first S] [--seed S] [--steps M] [--no-faults] [--no-files] [--tamper] [--verbose]
//             [--keep]
//
// Runs N seeds from S (or the one seed given), each in one process with
// simulated time: the real replica, workspace and sync engine on the client
// side, the real server sync logic on SQLite, and a network, clocks and
// crashes that the seed drives. Prints one line per seed, each violation of
// the invariants (tests/chaos/sim/invariants.h), and for a failing seed the
// command that replays it exactly. Exits 0 when every seed holds.

#include "simulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHashSeed>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Cartable::Chaos;

namespace {

void print(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    // QHash's order must not change between two runs of a seed.
    QHashSeed::setDeterministicGlobalSeed();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"chaos_sim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"The deterministic convergence simulation of Cartable's sync engine."_s);
    parser.addHelpOption();
    const QCommandLineOption seedsOption(u"seeds"_s, u"How many seeds to run (default 20)."_s, u"N"_s, u"20"_s);
    const QCommandLineOption firstOption(u"first"_s, u"The first seed (default 1)."_s, u"S"_s, u"1"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Run this one seed."_s, u"S"_s);
    const QCommandLineOption stepsOption(u"steps"_s, u"Steps of work per seed (default 300)."_s, u"M"_s, u"300"_s);
    const QCommandLineOption noFaultsOption(u"no-faults"_s, u"No network faults and no crashes."_s);
    const QCommandLineOption noFilesOption(u"no-files"_s,
                                           u"No files: the runs of the sync alone, as before files existed."_s);
    const QCommandLineOption verboseOption(u"verbose"_s, u"Tell what happens, step by step."_s);
    const QCommandLineOption tamperOption(u"tamper"_s,
                                          u"Break every invariant after each run: passes only if the checks see it."_s);
    const QCommandLineOption keepOption(u"keep"_s, u"Keep the databases of failing seeds, and say where."_s);
    parser.addOptions({seedsOption, firstOption, seedOption, stepsOption, noFaultsOption, noFilesOption, verboseOption,
                       tamperOption, keepOption});
    parser.process(app);

    bool ok = true;
    bool valid = false;
    const qulonglong first = parser.value(parser.isSet(seedOption) ? seedOption : firstOption).toULongLong(&valid);
    ok = ok && valid;
    const qlonglong count = parser.isSet(seedOption) ? 1 : parser.value(seedsOption).toLongLong(&valid);
    ok = ok && valid && count > 0;
    const int steps = parser.value(stepsOption).toInt(&valid);
    ok = ok && valid && steps > 1;
    if (!ok) {
        std::fputs("chaos_sim: --seeds, --first, --seed and --steps take positive whole numbers\n", stderr);
        return 2;
    }
    const bool verbose = parser.isSet(verboseOption);
    if (!verbose)
        QLoggingCategory::setFilterRules(u"cartable.*.info=false\ncartable.*.warning=false"_s);

    QTemporaryDir worldFolder;
    if (!worldFolder.isValid()) {
        std::fputs("chaos_sim: no temporary folder\n", stderr);
        return 1;
    }
    const Cartable::Core::Result<World> world = prepareWorld(worldFolder.path());
    if (!world) {
        print(u"chaos_sim: "_s + world.error().context);
        return 1;
    }
    print(u"world: the reference school at scale 0.02, %1 accounts take part"_s.arg(world->actors.size()));

    QElapsedTimer clock;
    clock.start();
    int failed = 0;
    for (qlonglong n = 0; n < count; ++n) {
        RunOptions options;
        options.seed = first + static_cast<qulonglong>(n);
        options.steps = steps;
        options.faults = !parser.isSet(noFaultsOption);
        options.files = !parser.isSet(noFilesOption);
        options.verbose = verbose;
        options.tamper = parser.isSet(tamperOption);
        QTemporaryDir folder;
        const RunReport report = runSimulation(*world, options, folder.path());
        if (verbose)
            print(u"     "_s + report.timing);
        if (report.violations.isEmpty()) {
            print(u"ok   "_s + report.summary);
            continue;
        }
        ++failed;
        print(u"FAIL "_s + report.summary);
        for (const QString &violation : report.violations)
            print(u"  "_s + violation);
        print(u"  replay: chaos_sim --seed %1 --steps %2%3"_s.arg(options.seed)
                  .arg(steps)
                  .arg((options.faults ? QString() : u" --no-faults"_s) + (options.files ? QString() : u" --no-files"_s)
                       + (options.tamper ? u" --tamper"_s : QString())));
        if (parser.isSet(keepOption)) {
            folder.setAutoRemove(false);
            print(u"  kept: "_s + folder.path());
        }
    }
    print(u"%1 seed(s) from %2, %3 failed, in %4 s"_s.arg(count).arg(first).arg(failed).arg(
        static_cast<double>(clock.elapsed()) / 1000.0, 0, 'f', 1));
    return failed == 0 ? 0 : 1;
}
