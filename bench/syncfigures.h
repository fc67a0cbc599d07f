// What bench_sync measures, and the table and JSON it makes of it.
#pragma once

#include "core/errorcode.h"
#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTextStream>

#include <optional>

namespace Cartable::Bench {

constexpr double kRawRatioTarget = 3.0;
constexpr double kLiveTargetMs = 10.0;
constexpr double kDeltaTargetMs = 5.0;
constexpr double kPushTargetMs = 1000.0;

struct SyncRun
{
    Core::Status status{Core::ErrorCode::Internal, QStringLiteral("sync timed out")};
    double ms = 0;
    // Until the last push answer was applied.
    double pushMs = 0;
    int pushRequests = 0;
    int pages = 0;
    qint64 changes = 0;
    // Milliseconds each pulled page took, request to applied.
    QList<double> pageMs;
};

struct FirstSync
{
    QJsonObject json;
    double ms() const { return json.value(QStringLiteral("ms")).toDouble(); }
    qint64 records() const { return json.value(QStringLiteral("records")).toInteger(); }
    double recordsPerSecond() const { return static_cast<double>(records()) / (ms() / 1000.0); }
    double mib(const QString &field) const { return static_cast<double>(json.value(field).toInteger()) / 1024.0; }
};

// Milliseconds from the writer's change call, one entry per run.
struct LiveDelta
{
    QList<double> seen;
    QList<double> saved;
    QList<double> pushed;
    QList<double> nudged;
};

struct OneShotDelta
{
    QList<double> idle;
    QList<double> oneChange;
};

struct Deltas
{
    LiveDelta live;
    OneShotDelta oneShot;
};

struct Backlog
{
    qsizetype grades = 0;
    QList<double> changes;
    double changesMs = 0;
    SyncRun sync;
    int refused = 0;
};

// One line of the table, with its figures for --json.
struct Line
{
    QString measurement;
    qsizetype n = 0;
    QString figures;
    QJsonObject json;
    QString target = {};
    std::optional<bool> met = {};
};

QString fixed(double value, int decimals = 2);
QString errorText(const Core::Error &error);

QList<Line> firstSyncLines(const QString &who, const FirstSync &first);
QList<Line> rawInsertLines(qsizetype rows, double rawMs, double firstSyncMs);
QList<Line> deltaLines(const Deltas &deltas);
QList<Line> backlogLines(const Backlog &backlog);
void printTable(QTextStream &out, const QList<Line> &lines);
QJsonArray linesToJson(const QList<Line> &lines);

} // namespace Cartable::Bench
