// Measures what a teacher feels of the grade book on the reference school:
// how long his largest class takes to open (the model built, every cell
// read), and how long a typed grade takes to be saved durably in the replica
// (setData up to the committed transaction). Prints a table; --json FILE
// also writes the figures. Never fails on a figure.
//
//   bench_gradebook [--scale S] [--runs N] [--saves N] [--json FILE]

#include "benchsupport.h"

#include "tests/support/syncedclient.h"

#include "workspace/gradebook/gradebookmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Cartable;
using namespace Cartable::Bench;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr double kOpenTargetMs = 100.0;
constexpr double kSaveTargetMs = 5.0;

// The teaching with the most students, then the most evaluations.
Workspace::Teaching largestTeaching(Workspace::Workspace &workspace)
{
    Workspace::Teaching largest;
    int most = -1;
    for (const Workspace::Teaching &teaching : workspace.teachings()) {
        Workspace::GradeBookModel model(workspace);
        model.setTeaching(teaching);
        const int size = model.studentCount() * 1000 + model.evaluationCount();
        if (size > most) {
            most = size;
            largest = teaching;
        }
    }
    return largest;
}

double openOnce(Workspace::Workspace &workspace, const Workspace::Teaching &teaching, const QString &periodId,
                qsizetype &cells)
{
    QElapsedTimer timer;
    timer.start();
    Workspace::GradeBookModel model(workspace);
    model.setTeaching(teaching);
    model.setPeriod(periodId);
    cells = 0;
    for (int column = 0; column < model.columnCount(); ++column)
        model.headerData(column, Qt::Horizontal);
    for (int row = 0; row < model.rowCount(); ++row) {
        model.headerData(row, Qt::Vertical);
        for (int column = 0; column < model.columnCount(); ++column) {
            model.data(model.index(row, column));
            ++cells;
        }
    }
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Opening time and save latency of the grade book on a real replica."_s);
    parser.addHelpOption();
    const QCommandLineOption scaleOption(u"scale"_s, u"Size of the reference school (default 1)."_s, u"s"_s, u"1"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Openings to time (default 20)."_s, u"n"_s, u"20"_s);
    const QCommandLineOption savesOption(u"saves"_s, u"Grades to save (default 1000)."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Also write the figures to <file>."_s, u"file"_s);
    parser.addOptions({scaleOption, runsOption, savesOption, jsonOption});
    parser.process(app);
    const double scale = parser.value(scaleOption).toDouble();
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int saves = qMax(1, parser.value(savesOption).toInt());
    if (scale <= 0)
        qFatal("--scale must be above 0");

    if (qEnvironmentVariableIsEmpty("CARTABLE_SERVER_BINARY"))
        qputenv("CARTABLE_SERVER_BINARY", CARTABLE_DEFAULT_SERVER_BINARY);
    QTextStream out(stdout);
    QElapsedTimer setup;
    setup.start();
    std::unique_ptr<ServerProcess> server = startReferenceServer(scale);
    if (!server)
        qFatal("cannot start the reference server");
    const double buildSeconds = static_cast<double>(setup.restart()) / 1000.0;
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary folder");
    SyncedClient teacher(server->url(), dir.filePath(u"replica.sqlite"_s));
    if (!teacher.signIn(QString::fromUtf16(kTeacherLogin)) || !teacher.sync())
        qFatal("cannot sync the teacher: %s", qPrintable(teacher.errorString()));
    const double syncSeconds = static_cast<double>(setup.elapsed()) / 1000.0;
    Workspace::Workspace &workspace = teacher.workspace();

    const Workspace::Teaching teaching = largestTeaching(workspace);
    const std::optional<Core::Record> period = workspace.periodOn(workspace.today());
    if (teaching.subjectId.isEmpty() || !period)
        qFatal("the teacher has no class or no period today");

    Workspace::GradeBookModel model(workspace);
    model.setTeaching(teaching);
    model.setPeriod(period->id());
    // A class without evaluations this period would time nothing.
    for (int i = model.evaluationCount(); i < 5; ++i) {
        Workspace::EvaluationDraft draft;
        draft.title = u"Évaluation %1"_s.arg(i + 1);
        draft.date = workspace.today();
        draft.periodId = period->id();
        if (!model.createEvaluation(draft))
            qFatal("cannot create an evaluation");
    }

    QList<double> openings;
    qsizetype cells = 0;
    for (int i = 0; i < runs; ++i)
        openings.append(openOnce(workspace, teaching, period->id(), cells));

    const QStringList values{u"1"_s, u"0,5"_s, u"abs"_s, u"2,25"_s, u"nn"_s, u"3"_s, u"disp"_s};
    const int students = model.studentCount();
    const int evaluations = model.evaluationCount();
    QList<double> latencies;
    latencies.reserve(saves);
    int refused = 0;
    for (int i = 0; i < saves; ++i) {
        const QModelIndex cell = model.index(i % students, (i / students) % evaluations);
        const QString current = cell.data(Qt::EditRole).toString();
        qsizetype choice = i % values.size();
        if (values.at(choice) == current)
            choice = (choice + 1) % values.size();
        QElapsedTimer one;
        one.start();
        const bool saved = model.setData(cell, values.at(choice));
        latencies.append(static_cast<double>(one.nsecsElapsed()) / 1e6);
        if (!saved)
            ++refused;
    }

    // The floor under a save: one durable replica write with its outbox
    // entry, without the grade book.
    QList<double> writes;
    const QList<Core::Record> grades = workspace.select(u"grade"_s, u"graded_by = ?"_s, {workspace.accountId()});
    for (int i = 0; i < qMin(saves, 200) && !grades.isEmpty(); ++i) {
        Core::Record change = grades.at(i % grades.size());
        change.set(u"graded_at"_s, workspace.nowMillis() + i);
        QElapsedTimer one;
        one.start();
        if (!workspace.update(change, {u"graded_at"_s}))
            ++refused;
        writes.append(static_cast<double>(one.nsecsElapsed()) / 1e6);
    }

    // Each series' spread, read by the table and written as it is.
    const auto spread = [](const QList<double> &ms) {
        return QJsonObject{{u"n"_s, ms.size()},
                           {u"medianMs"_s, percentile(ms, 0.5)},
                           {u"p95Ms"_s, percentile(ms, 0.95)},
                           {u"p99Ms"_s, percentile(ms, 0.99)},
                           {u"maxMs"_s, percentile(ms, 1.0)}};
    };
    QJsonObject open = spread(openings);
    QJsonObject save = spread(latencies);
    QJsonObject write = spread(writes);
    const auto ms = [](const QJsonObject &figures, const char *key) {
        return figures.value(QLatin1StringView(key)).toDouble();
    };
    const QJsonObject machineJson = machine();
    out << "Machine: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << machineJson.value(u"build"_s).toString() << " build\n";
    out << u"Reference school at scale %1: built in %2 s, teacher synced in %3 s\n"_s.arg(scale)
               .arg(buildSeconds, 0, 'f', 1)
               .arg(syncSeconds, 0, 'f', 1);
    out << u"Largest class: %1, %2 students × %3 evaluations (%4 cells)\n"_s.arg(teaching.label())
               .arg(students)
               .arg(evaluations)
               .arg(cells);
    out << u"%1 %2 %3 %4\n"_s.arg(u"measure"_s, -34).arg(u"n"_s, 6).arg(u"ms"_s, 10).arg(u"target"_s, 10);
    const auto line = [&out](const QString &name, qsizetype count, double value, const QString &target) {
        out << u"%1 %2 %3 %4\n"_s.arg(name, -34).arg(count, 6).arg(value, 10, 'f', 3).arg(target, 10);
    };
    line(u"open grade book (median)"_s, runs, ms(open, "medianMs"), u"< %1"_s.arg(kOpenTargetMs));
    line(u"open grade book (max)"_s, runs, ms(open, "maxMs"), QString());
    line(u"save a grade (median)"_s, saves, ms(save, "medianMs"), QString());
    line(u"save a grade (p95)"_s, saves, ms(save, "p95Ms"), QString());
    line(u"save a grade (p99)"_s, saves, ms(save, "p99Ms"), u"< %1"_s.arg(kSaveTargetMs));
    line(u"save a grade (max)"_s, saves, ms(save, "maxMs"), QString());
    line(u"replica write alone (median)"_s, writes.size(), ms(write, "medianMs"), QString());
    line(u"replica write alone (p99)"_s, writes.size(), ms(write, "p99Ms"), QString());
    if (refused > 0)
        out << "refused saves: " << refused << '\n';
    open.insert(u"measurement"_s, u"open the largest class's grade book"_s);
    open.insert(u"cells"_s, cells);
    open.insert(u"target"_s, u"median < %1 ms"_s.arg(kOpenTargetMs));
    open.insert(u"met"_s, ms(open, "medianMs") < kOpenTargetMs);
    save.insert(u"measurement"_s, u"grade keystroke to durable save"_s);
    save.insert(u"refused"_s, refused);
    save.insert(u"target"_s, u"p99 < %1 ms"_s.arg(kSaveTargetMs));
    save.insert(u"met"_s, ms(save, "p99Ms") < kSaveTargetMs && refused == 0);
    write.insert(u"measurement"_s, u"replica write alone"_s);
    const QJsonObject report{{u"bench"_s, u"gradebook"_s},
                             {u"machine"_s, machineJson},
                             {u"scale"_s, scale},
                             {u"students"_s, students},
                             {u"evaluations"_s, evaluations},
                             {u"measurements"_s, QJsonArray{open, save, write}}};
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(QJsonDocument(report).toJson());
    }
    out.flush();
    server->stop();
    return 0;
}
