// chaos_soak: the real-process soak of the sync engine. Real cartable-server
// processes (two on one PostgreSQL database when a test PostgreSQL is
// configured, one on its own SQLite database) and several cartable-cli
// clients do random work from a seed for some minutes while servers and
// clients are SIGKILLed at random moments; then everything is drained and
// the invariants of soakchecks.cpp are checked.
//
//   with-keyring.sh chaos_soak [--minutes M] [--seed N] [--scale S] [--sqlite-only] [--verbose]
//
// Exit 0: every invariant holds; 1: a violation (with a replay line); 77:
// cannot run here (no session bus for the keychain).

#include "soakworld.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Cartable::Test;
using namespace Cartable::Test::Soak;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream log(stdout);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Real-process soak of the sync engine"_s);
    parser.addHelpOption();
    const QCommandLineOption minutesOption(u"minutes"_s, u"How long the random work lasts (default 2)."_s, u"m"_s,
                                           u"2"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of every random choice (default: from the clock)."_s, u"n"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"Scale of the reference school (default 0.1)."_s, u"s"_s,
                                         u"0.1"_s);
    const QCommandLineOption sqliteOnlyOption(u"sqlite-only"_s, u"Leave out the PostgreSQL pair."_s);
    const QCommandLineOption tamperOption(u"tamper"_s, u"Self-test: break each invariant on purpose after the drain "
                                                       "and pass only if every one is reported."_s);
    const QCommandLineOption verboseOption(u"verbose"_s, u"Say what happens, and why each lost write was lost."_s);
    parser.addOptions({minutesOption, seedOption, scaleOption, sqliteOnlyOption, tamperOption, verboseOption});
    parser.process(app);

    bool ok = true;
    const double minutes = parser.value(minutesOption).toDouble(&ok);
    if (!ok || minutes <= 0) {
        log << "--minutes takes a positive number" << Qt::endl;
        return 2;
    }
    const quint64 seed = parser.isSet(seedOption) ? parser.value(seedOption).toULongLong(&ok)
                                                  : QRandomGenerator::system()->bounded(1'000'000'000u);
    const double scale = parser.value(scaleOption).toDouble(&ok) > 0 ? parser.value(scaleOption).toDouble() : -1;
    if (!ok || scale <= 0) {
        log << "--seed takes a number and --scale a positive number" << Qt::endl;
        return 2;
    }
    const bool verbose = parser.isSet(verboseOption);
    QStringList replay{u"chaos_soak"_s, u"--seed"_s, QString::number(seed), u"--minutes"_s,
                       parser.value(minutesOption)};
    if (parser.isSet(scaleOption))
        replay << u"--scale"_s << parser.value(scaleOption);
    log << "seed " << seed << Qt::endl;

    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS")) {
        log << "SKIP: no D-Bus session for the keychain; run under tests/support/with-keyring.sh" << Qt::endl;
        return kSkipExitCode;
    }
    if (qEnvironmentVariable("CARTABLE_SERVER_BINARY").isEmpty()
        || qEnvironmentVariable("CARTABLE_CLI_BINARY").isEmpty()) {
        log << "CARTABLE_SERVER_BINARY and CARTABLE_CLI_BINARY must name the programs" << Qt::endl;
        return 2;
    }

    QTemporaryDir folder;
    if (!folder.isValid()) {
        log << "no temporary folder: " << folder.errorString() << Qt::endl;
        return 1;
    }
    std::vector<std::unique_ptr<SoakWorld>> worlds;
    worlds.push_back(
        std::make_unique<SoakWorld>(u"sqlite"_s, Backend::Sqlite, seed, folder.path(), log, verbose, nullptr));
    if (parser.isSet(sqliteOnlyOption)) {
        replay << u"--sqlite-only"_s;
        log << "the PostgreSQL pair is left out (--sqlite-only)" << Qt::endl;
    } else if (TestDatabase::postgresAvailable()) {
        worlds.push_back(
            std::make_unique<SoakWorld>(u"postgres"_s, Backend::Postgres, seed, folder.path(), log, verbose, nullptr));
    } else {
        log << "no PostgreSQL for tests (CARTABLE_TEST_PG_HOST is not set): the SQLite part only" << Qt::endl;
    }

    QElapsedTimer clock;
    clock.start();
    QStringList violations;
    for (auto &world : worlds) {
        world->setTamper(parser.isSet(tamperOption));
        if (!world->setUp(scale))
            violations << u"setup %1: the world could not be built (see above)"_s.arg(world->name());
    }
    if (violations.isEmpty()) {
        const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(minutes * 60'000);
        QEventLoop loop;
        for (auto &world : worlds) {
            QObject::connect(world.get(), &SoakWorld::chaosFinished, &loop, [&] {
                if (std::all_of(worlds.cbegin(), worlds.cend(), [](const auto &w) { return w->chaosIsOver(); }))
                    loop.quit();
            });
            world->startChaos(deadline);
        }
        loop.exec();
        for (auto &world : worlds)
            violations += world->finish();
    }

    Counters total;
    qint64 conflicts = 0;
    for (const auto &world : worlds) {
        total.operations += world->counters().operations;
        total.serverKills += world->counters().serverKills;
        total.clientKills += world->counters().clientKills;
        total.timeouts += world->counters().timeouts;
        conflicts += world->conflictsSeen();
    }
    for (const QString &violation : std::as_const(violations))
        log << "VIOLATION " << violation << Qt::endl;
    log << "summary: " << total.operations << " operations, " << total.serverKills << " server kills, "
        << total.clientKills << " client kills, " << total.timeouts << " hung commands, " << conflicts << " conflicts, "
        << violations.size() << " violations, " << clock.elapsed() / 1000 << " s" << Qt::endl;
    if (parser.isSet(tamperOption)) {
        QStringList missed;
        for (const QString &invariant : {u"I1 "_s, u"I2 "_s, u"I3 "_s, u"I4 "_s, u"I5 "_s}) {
            if (std::none_of(violations.cbegin(), violations.cend(),
                             [&](const QString &violation) { return violation.startsWith(invariant); }))
                missed << invariant.trimmed();
        }
        log << "tamper: "
            << (missed.isEmpty() ? u"every invariant caught its breakage"_s : u"NOT caught: "_s + missed.join(u' '))
            << Qt::endl;
        return missed.isEmpty() ? 0 : 1;
    }
    if (!violations.isEmpty()) {
        log << "replay: " << replay.join(u' ') << Qt::endl;
        return 1;
    }
    return 0;
}
