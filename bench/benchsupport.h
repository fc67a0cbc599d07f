// What the benchmarks share: percentiles, and the figures of a process that
// Linux's /proc gives (CPU time, peak memory, time spent waiting for a core).
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cartable::Bench {

// The value below which `fraction` of `values` lie (nearest rank); 0 when
// there are none.
double percentile(QList<double> values, double fraction);

// A file of /proc/<pid>/, empty when it cannot be read.
QByteArray procFile(qint64 pid, const char *name);

// User and system CPU time of a process, in seconds.
double processCpuSeconds(qint64 pid);

// How long the process's main thread has been ready to run but waited for a
// core: on a shared machine, the part of a latency that is other programs'
// doing.
double runQueueSeconds(qint64 pid);

// The CPU time of the processes whose command line names `name` (the
// PostgreSQL backends serving a database), in seconds.
double cpuSecondsOfProcessesNaming(const QString &name);

// A figure of /proc/<pid>/status ("VmHWM", "VmRSS"), in KiB; -1 when absent.
qint64 statusKiB(qint64 pid, const QByteArray &field);

// Starts the process's peak RSS (VmHWM) again from its current RSS, so that
// each step of a run reports its own peak.
bool resetPeakRss(qint64 pid);

// This process's own CPU time, in seconds.
double ownCpuSeconds();

// The one-minute load average, and all three as /proc/loadavg prints them.
double loadAverage();
QString loadAverages();

// The machine and build a run took its figures on.
QJsonObject machine();

} // namespace Cartable::Bench
