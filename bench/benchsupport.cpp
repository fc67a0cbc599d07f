#include "benchsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cartable::Bench {

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(static_cast<qsizetype>(fraction * static_cast<double>(values.size() - 1)));
}

QByteArray procFile(qint64 pid, const char *name)
{
    QFile file(u"/proc/%1/%2"_s.arg(pid).arg(QLatin1StringView(name)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

double processCpuSeconds(qint64 pid)
{
    // utime and stime are fields 14 and 15; the command name before them may
    // hold spaces, so count from its closing parenthesis (field 2).
    const QByteArray stat = procFile(pid, "stat");
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return static_cast<double>(fields.at(11).toLongLong() + fields.at(12).toLongLong())
           / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double runQueueSeconds(qint64 pid)
{
    // The second field of schedstat, in nanoseconds.
    const QList<QByteArray> fields = procFile(pid, "schedstat").trimmed().split(' ');
    return fields.size() < 2 ? 0 : static_cast<double>(fields.at(1).toLongLong()) / 1e9;
}

double cpuSecondsOfProcessesNaming(const QString &name)
{
    double total = 0;
    const QByteArray wanted = name.toLatin1();
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (numeric && procFile(pid, "cmdline").contains(wanted))
            total += processCpuSeconds(pid);
    }
    return total;
}

qint64 statusKiB(qint64 pid, const QByteArray &field)
{
    const QByteArray prefix = field + ':';
    for (const QByteArray &line : procFile(pid, "status").split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

bool resetPeakRss(qint64 pid)
{
    QFile file(u"/proc/%1/clear_refs"_s.arg(pid));
    return file.open(QIODevice::WriteOnly) && file.write("5") == 1;
}

double ownCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double loadAverage()
{
    return loadAverages().section(u' ', 0, 0).toDouble();
}

QString loadAverages()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

QJsonObject machine()
{
#ifdef NDEBUG
    const QString build = u"release"_s;
#else
    const QString build = u"debug"_s;
#endif
    return QJsonObject{{u"cores"_s, QThread::idealThreadCount()},
                       {u"os"_s, QSysInfo::prettyProductName()},
                       {u"kernel"_s, QString(QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion())},
                       {u"qt"_s, QString::fromLatin1(qVersion())},
                       {u"date"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                       {u"build"_s, build}};
}

} // namespace Cartable::Bench
