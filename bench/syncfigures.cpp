#include "syncfigures.h"

#include "benchsupport.h"

#include "core/errorcode.h"

using namespace Qt::StringLiterals;

namespace Cartable::Bench {

namespace {

QJsonObject pick(const QJsonObject &from, const QStringList &keys)
{
    QJsonObject picked;
    for (const QString &key : keys)
        picked.insert(key, from.value(key));
    return picked;
}

QJsonObject spread(const QList<double> &values)
{
    return QJsonObject{{u"medianMs"_s, percentile(values, 0.5)},
                       {u"p90Ms"_s, percentile(values, 0.9)},
                       {u"p99Ms"_s, percentile(values, 0.99)},
                       {u"maxMs"_s, percentile(values, 1.0)}};
}

} // namespace

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString errorText(const Core::Error &error)
{
    return Core::errorCodeName(error.code) + u' ' + error.context;
}

QList<Line> firstSyncLines(const QString &who, const FirstSync &first)
{
    const QJsonObject &f = first.json;
    QJsonObject sync = pick(f, {u"login"_s, u"ms"_s, u"records"_s, u"changes"_s, u"pages"_s});
    sync.insert(u"recordsPerSecond"_s, first.recordsPerSecond());
    const auto mb = [&f](const QString &key) { return fixed(static_cast<double>(f.value(key).toInteger()) / 1e6, 1); };
    return {
        Line{u"first sync, "_s + who, 1,
             u"%1 s, %2 records, %3 rec/s (%4 changes)"_s.arg(fixed(first.ms() / 1000.0))
                 .arg(first.records())
                 .arg(fixed(first.recordsPerSecond(), 0))
                 .arg(f.value(u"changes"_s).toInteger()),
             sync},
        Line{u"  pages, "_s + who, f.value(u"pages"_s).toInteger(),
             u"first %1 ms, median %2 ms, last %3 ms"_s.arg(fixed(f.value(u"firstPageMs"_s).toDouble(), 0),
                                                            fixed(f.value(u"medianPageMs"_s).toDouble(), 0),
                                                            fixed(f.value(u"lastPageMs"_s).toDouble(), 0)),
             pick(f, {u"firstPageMs"_s, u"medianPageMs"_s, u"lastPageMs"_s})},
        Line{u"  replica on disk, "_s + who, 1,
             u"%1 MB as left (file + -wal), %2 MB checkpointed"_s.arg(mb(u"bytesWithWal"_s),
                                                                      mb(u"bytesCheckpointed"_s)),
             pick(f, {u"bytesWithWal"_s, u"bytesCheckpointed"_s})},
        Line{u"  client process, "_s + who, 1,
             u"peak %1 MiB (RSS %2 MiB before the sync), CPU %3 s"_s.arg(fixed(first.mib(u"hwmKiB"_s), 1),
                                                                         fixed(first.mib(u"rssBeforeKiB"_s), 1),
                                                                         fixed(f.value(u"clientCpuMs"_s).toDouble()
                                                                               / 1000.0)),
             pick(f, {u"hwmKiB"_s, u"rssBeforeKiB"_s, u"clientCpuMs"_s})},
    };
}

QList<Line> rawInsertLines(qsizetype rows, double rawMs, double firstSyncMs)
{
    const double perSecond = static_cast<double>(rows) / (rawMs / 1000.0);
    const double ratio = firstSyncMs / rawMs;
    return {
        Line{u"raw insert of those rows (C API)"_s, rows,
             u"%1 s, %2 rows/s (records, memberships, versions)"_s.arg(fixed(rawMs / 1000.0), fixed(perSecond, 0)),
             QJsonObject{{u"ms"_s, rawMs}, {u"rowsPerSecond"_s, perSecond}}},
        Line{u"first sync / raw insert"_s, 1, u"%1×"_s.arg(fixed(ratio, 1)), QJsonObject{{u"ratio"_s, ratio}},
             u"≤ %1×"_s.arg(kRawRatioTarget), ratio <= kRawRatioTarget},
    };
}

QList<Line> deltaLines(const Deltas &deltas)
{
    const LiveDelta &live = deltas.live;
    const double liveMedian = percentile(live.seen, 0.5);
    const auto delta = [](const QString &name, const QList<double> &values) {
        const double median = percentile(values, 0.5);
        return Line{name,
                    values.size(),
                    u"median %1, p99 %2 ms"_s.arg(fixed(median), fixed(percentile(values, 0.99))),
                    spread(values),
                    u"median < %1 ms"_s.arg(kDeltaTargetMs),
                    median < kDeltaTargetMs};
    };
    return {
        Line{u"live delta, change to other replica"_s, live.seen.size(),
             u"median %1, p90 %2, p99 %3 ms"_s.arg(fixed(liveMedian), fixed(percentile(live.seen, 0.9)),
                                                   fixed(percentile(live.seen, 0.99))),
             spread(live.seen), u"median < %1 ms"_s.arg(kLiveTargetMs), liveMedian < kLiveTargetMs},
        // The writer has its push answer applied after the server has
        // committed and nudged, so "push done" may come after "nudged".
        Line{u"  medians: saved, nudged, push done"_s, live.seen.size(),
             u"%1, %2, %3 ms after the change"_s.arg(fixed(percentile(live.saved, 0.5)),
                                                     fixed(percentile(live.nudged, 0.5)),
                                                     fixed(percentile(live.pushed, 0.5))),
             QJsonObject{{u"savedMs"_s, percentile(live.saved, 0.5)},
                         {u"nudgedMs"_s, percentile(live.nudged, 0.5)},
                         {u"pushDoneMs"_s, percentile(live.pushed, 0.5)}}},
        delta(u"delta sync, nothing to fetch"_s, deltas.oneShot.idle),
        delta(u"delta sync, one change to fetch"_s, deltas.oneShot.oneChange),
    };
}

QList<Line> backlogLines(const Backlog &backlog)
{
    const SyncRun &sync = backlog.sync;
    const QString outcome = sync.status
                                ? u"%1 refused"_s.arg(backlog.refused)
                                : u"failed after %1 ms: %2"_s.arg(fixed(sync.ms, 0), errorText(sync.status.error()));
    QJsonObject local = spread(backlog.changes);
    local.insert(u"totalMs"_s, backlog.changesMs);
    local.insert(u"grades"_s, static_cast<qint64>(backlog.grades));
    return {
        Line{u"backlog, local changes"_s, backlog.changes.size(),
             u"median %1, p99 %2 ms each, %3 s in all, over %4 grades"_s
                 .arg(fixed(percentile(backlog.changes, 0.5)), fixed(percentile(backlog.changes, 0.99)),
                      fixed(backlog.changesMs / 1000.0))
                 .arg(backlog.grades),
             local},
        Line{u"backlog push"_s, backlog.changes.size(),
             u"%1 ms in %2 requests, with the pull %3 ms; %4"_s.arg(fixed(sync.pushMs, 1))
                 .arg(sync.pushRequests)
                 .arg(fixed(sync.ms, 1))
                 .arg(outcome),
             QJsonObject{{u"pushMs"_s, sync.pushMs},
                         {u"pushRequests"_s, sync.pushRequests},
                         {u"syncMs"_s, sync.ms},
                         {u"refused"_s, backlog.refused},
                         {u"failed"_s, !sync.status}},
             u"push < %1 ms"_s.arg(kPushTargetMs), sync.status && sync.pushMs < kPushTargetMs},
    };
}

void printTable(QTextStream &out, const QList<Line> &lines)
{
    const auto row = [&out](const QString &name, const QString &n, const QString &figures, const QString &target,
                            const QString &met) {
        out << u"%1 %2 %3 %4 %5\n"_s.arg(name, -36).arg(n, 6).arg(figures, -64).arg(target, -16).arg(met);
    };
    row(u"measurement"_s, u"n"_s, u"figures"_s, u"target"_s, u"met"_s);
    for (const Line &line : lines) {
        const QString met = line.met ? (*line.met ? u"yes"_s : u"no"_s) : QString();
        row(line.measurement, QString::number(line.n), line.figures, line.target, met);
    }
}

QJsonArray linesToJson(const QList<Line> &lines)
{
    QJsonArray array;
    for (const Line &line : lines) {
        QJsonObject object = line.json;
        object.insert(u"measurement"_s, line.measurement.trimmed());
        object.insert(u"n"_s, static_cast<qint64>(line.n));
        if (line.met) {
            object.insert(u"target"_s, line.target);
            object.insert(u"met"_s, *line.met);
        }
        array.append(object);
    }
    return array;
}

} // namespace Cartable::Bench
