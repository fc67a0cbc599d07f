#include "loadfigures.h"

#include "benchsupport.h"

using namespace Qt::StringLiterals;

namespace Cartable::Bench {

Summary::Summary(const Series &series, double seconds)
    : count(series.ms.size()),
      perSecond(static_cast<double>(series.ms.size()) / seconds),
      medianMs(percentile(series.ms, 0.5)),
      p90Ms(percentile(series.ms, 0.9)),
      p99Ms(percentile(series.ms, 0.99)),
      maxMs(percentile(series.ms, 1.0)),
      errors(series.errors)
{
}

QJsonObject Summary::toJson() const
{
    return {{u"count"_s, count}, {u"perSecond"_s, perSecond}, {u"medianMs"_s, medianMs}, {u"p90Ms"_s, p90Ms},
            {u"p99Ms"_s, p99Ms}, {u"maxMs"_s, maxMs},         {u"errors"_s, errors}};
}

QString megabytes(qint64 bytes)
{
    return u"%1 MB"_s.arg(static_cast<double>(bytes) / 1e6, 0, 'f', 1);
}

QString percentOfCore(double cpu, double seconds)
{
    return u"%1%"_s.arg(100.0 * cpu / seconds, 0, 'f', 0);
}

Series together(const StepFigures &step)
{
    Series all = step.pulls;
    all.ms += step.pushes.ms;
    all.errors += step.pushes.errors;
    return all;
}

void printStep(QTextStream &out, const StepFigures &step, qsizetype clients)
{
    out << u"\nStep \"%1\": a pull every %2 ms per client (±10%), %3 s measured; load average %4 at its end\n"_s
               .arg(step.name)
               .arg(step.periodMs)
               .arg(step.seconds)
               .arg(step.load, 0, 'f', 2);
    out << u"  %1 %2 %3 %4 %5 %6 %7 %8\n"_s.arg(u"requests"_s, -9)
               .arg(u"n"_s, 7)
               .arg(u"req/s"_s, 8)
               .arg(u"median ms"_s, 10)
               .arg(u"p90 ms"_s, 8)
               .arg(u"p99 ms"_s, 8)
               .arg(u"max ms"_s, 8)
               .arg(u"errors"_s, 7);
    const Series all = together(step);
    for (const auto &[name, series] :
         {std::pair{u"pull"_s, &step.pulls}, std::pair{u"push"_s, &step.pushes}, std::pair{u"all"_s, &all}}) {
        const Summary s(*series, step.seconds);
        out << u"  %1 %2 %3 %4 %5 %6 %7 %8\n"_s.arg(name, -9)
                   .arg(s.count, 7)
                   .arg(s.perSecond, 8, 'f', 1)
                   .arg(s.medianMs, 10, 'f', 2)
                   .arg(s.p90Ms, 8, 'f', 2)
                   .arg(s.p99Ms, 8, 'f', 2)
                   .arg(s.maxMs, 8, 'f', 1)
                   .arg(s.errors, 7);
    }
    out << u"  timer ticks %1 (%2/s), nudges %3 (%4 a push), asks merged into a pending pull %5\n"_s.arg(step.ticks)
               .arg(step.ticks / step.seconds, 0, 'f', 1)
               .arg(step.nudges)
               .arg(step.pushes.ms.isEmpty()
                        ? 0.0
                        : static_cast<double>(step.nudges) / static_cast<double>(step.pushes.ms.size()),
                    0, 'f', 1)
               .arg(step.merged);
    out << u"  pulls that brought changes %1 of %2; push conflicts %3\n"_s.arg(step.fullPulls)
               .arg(step.pulls.ms.size())
               .arg(step.conflicts);
    out << u"  server: CPU %1 s (%2 of one core), peak RSS %3%4; generator: CPU %5 s (%6 of one core)\n"_s
               .arg(step.serverCpu, 0, 'f', 1)
               .arg(percentOfCore(step.serverCpu, step.seconds))
               .arg(megabytes(step.serverPeakKb * 1024))
               .arg(step.peakIsStep ? QString() : u" (since start)"_s)
               .arg(step.generatorCpu, 0, 'f', 1)
               .arg(percentOfCore(step.generatorCpu, step.seconds));
    out << u"  waiting for a core while ready to run: server %1 s, generator %2 s\n"_s.arg(step.serverWait, 0, 'f', 1)
               .arg(step.generatorWait, 0, 'f', 1);
    if (step.databaseCpu > 0)
        out << u"  PostgreSQL serving the server: CPU %1 s (%2 of one core)\n"_s.arg(step.databaseCpu, 0, 'f', 1)
                   .arg(percentOfCore(step.databaseCpu, step.seconds));
    if (step.generatorCpu > 0.9 * step.seconds)
        out << "  the generator used nearly a whole core: its own queueing is in these latencies\n";
    const double p99 = Summary(all, step.seconds).p99Ms;
    out << u"  p99 of all requests: %1 ms; target < %2 ms at 1000 clients (%3 here): %4\n"_s.arg(p99, 0, 'f', 2)
               .arg(kTargetP99Ms)
               .arg(clients)
               .arg(p99 < kTargetP99Ms ? u"met"_s : u"not met"_s);
    for (const QString &failure : step.failures)
        out << "  failed: " << failure << '\n';
}

QJsonObject stepToJson(const StepFigures &step)
{
    return {{u"name"_s, step.name},
            {u"periodMs"_s, step.periodMs},
            {u"seconds"_s, step.seconds},
            {u"pull"_s, Summary(step.pulls, step.seconds).toJson()},
            {u"push"_s, Summary(step.pushes, step.seconds).toJson()},
            {u"all"_s, Summary(together(step), step.seconds).toJson()},
            {u"timerTicks"_s, step.ticks},
            {u"nudges"_s, step.nudges},
            {u"merged"_s, step.merged},
            {u"pushConflicts"_s, step.conflicts},
            {u"pullsWithChanges"_s, step.fullPulls},
            {u"serverCpuSeconds"_s, step.serverCpu},
            {u"databaseCpuSeconds"_s, step.databaseCpu},
            {u"serverRunQueueSeconds"_s, step.serverWait},
            {u"generatorRunQueueSeconds"_s, step.generatorWait},
            {u"serverPeakRssKb"_s, step.serverPeakKb},
            {u"serverPeakRssIsStep"_s, step.peakIsStep},
            {u"generatorCpuSeconds"_s, step.generatorCpu},
            {u"loadAverage"_s, step.load},
            {u"failures"_s, QJsonArray::fromStringList(step.failures)}};
}

QJsonArray measurementsToJson(const QList<StepFigures> &figures, int clients, const QString &backend)
{
    QJsonArray array;
    for (const StepFigures &step : figures) {
        const QString prefix = u"%1 clients, %2, %3"_s.arg(clients).arg(step.name, backend);
        const auto add = [&](const QString &what, const Summary &summary, bool judged) {
            QJsonObject object = summary.toJson();
            object.insert(u"measurement"_s, QString(prefix + u", "_s + what));
            object.insert(u"n"_s, static_cast<qint64>(summary.count));
            if (judged) {
                object.insert(u"target"_s, u"p99 < %1 ms"_s.arg(kTargetP99Ms));
                object.insert(u"met"_s, summary.p99Ms < kTargetP99Ms && summary.errors == 0);
            }
            array.append(object);
        };
        add(u"all requests"_s, Summary(together(step), step.seconds), clients >= 1000);
        add(u"pulls"_s, Summary(step.pulls, step.seconds), false);
        add(u"pushes"_s, Summary(step.pushes, step.seconds), false);
        array.append(QJsonObject{{u"measurement"_s, QString(prefix + u", server"_s)},
                                 {u"n"_s, 1},
                                 {u"hwmKiB"_s, step.serverPeakKb},
                                 {u"cpuPercentOfCore"_s, 100.0 * step.serverCpu / step.seconds},
                                 {u"databaseCpuPercentOfCore"_s, 100.0 * step.databaseCpu / step.seconds}});
    }
    return array;
}

} // namespace Cartable::Bench
