// The load generator's figures: latencies per route and step, what the
// server and its database used, and how they are printed and written.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Cartable::Bench {

// The 99th percentile the server must keep under, at 1000 clients.
constexpr double kTargetP99Ms = 50.0;

// The latencies of one kind of request, and how many failed.
struct Series
{
    QList<double> ms;
    int errors = 0;
};

struct Summary
{
    qsizetype count = 0;
    double perSecond = 0;
    double medianMs = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    int errors = 0;

    Summary(const Series &series, double seconds);
    QJsonObject toJson() const;
};

// What one load step measured.
struct StepFigures
{
    QString name;
    int periodMs = 0;
    double seconds = 0;
    Series pulls;
    Series pushes;
    int ticks = 0;
    int nudges = 0;
    int merged = 0;
    int conflicts = 0;
    int fullPulls = 0;
    double serverCpu = 0;
    double serverWait = 0;
    double generatorWait = 0;
    double databaseCpu = 0;
    qint64 serverPeakKb = 0;
    bool peakIsStep = false;
    double generatorCpu = 0;
    double load = 0;
    QStringList failures;
};

QString megabytes(qint64 bytes);
QString percentOfCore(double cpu, double seconds);
// Pulls and pushes together.
Series together(const StepFigures &step);
void printStep(QTextStream &out, const StepFigures &step, qsizetype clients);
QJsonObject stepToJson(const StepFigures &step);
// The figures bench_report prints: per step, all requests together and each
// route, then the server's peak memory. The p99 target holds at 1000 clients,
// so smaller runs carry no verdict.
QJsonArray measurementsToJson(const QList<StepFigures> &figures, int clients, const QString &backend);

} // namespace Cartable::Bench
