// Gathers the JSON files the benchmarks write (--json) into one table of every
// figure beside its target, one CSV (a row per figure, for spreadsheets and
// plots) and a PNG of the first sync's time against the school's size, with
// the raw SQLite insert of the same rows beside it.
//
//   bench_report [--csv FILE] [--plot FILE] RESULT.json...
//
// A file without a "measurements" list is named and skipped; the report
// never fails on a figure.

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

struct Result
{
    QString bench;
    double scale = 0;
    QString file;
    QJsonArray measurements;
};

QString number(double value)
{
    if (std::abs(value) >= 100)
        return QString::number(value, 'f', 0);
    if (std::abs(value) >= 10)
        return QString::number(value, 'f', 1);
    return QString::number(value, 'f', 2);
}

// The figure a person reads first, from the keys the benchmarks use.
QString summary(const QJsonObject &m)
{
    if (m.contains(u"medianMs"_s))
        return u"median %1 ms, p99 %2 ms"_s.arg(number(m.value(u"medianMs"_s).toDouble()),
                                                number(m.value(u"p99Ms"_s).toDouble()));
    if (m.contains(u"mbPerSecond"_s))
        return u"%1 MB/s (%2 s)"_s.arg(number(m.value(u"mbPerSecond"_s).toDouble()),
                                       number(m.value(u"ms"_s).toDouble() / 1000.0));
    if (m.contains(u"different"_s))
        return u"%1 of %2 files"_s.arg(m.value(u"different"_s).toInteger()).arg(m.value(u"n"_s).toInteger());
    if (m.contains(u"ratio"_s))
        return number(m.value(u"ratio"_s).toDouble()) + u"×"_s;
    if (m.contains(u"pushMs"_s))
        return u"%1 ms in %2 requests"_s.arg(number(m.value(u"pushMs"_s).toDouble()))
            .arg(m.value(u"pushRequests"_s).toInteger());
    if (m.contains(u"ms"_s)) {
        QString text = number(m.value(u"ms"_s).toDouble() / 1000.0) + u" s"_s;
        if (m.contains(u"recordsPerSecond"_s))
            text += u", %1 records/s"_s.arg(number(m.value(u"recordsPerSecond"_s).toDouble()));
        else if (m.contains(u"rowsPerSecond"_s))
            text += u", %1 rows/s"_s.arg(number(m.value(u"rowsPerSecond"_s).toDouble()));
        return text;
    }
    if (m.contains(u"hwmKiB"_s) && m.contains(u"largestFileKiB"_s))
        return u"peak %1 MiB, largest file %2 MiB"_s.arg(number(m.value(u"hwmKiB"_s).toDouble() / 1024.0),
                                                         number(m.value(u"largestFileKiB"_s).toDouble() / 1024.0));
    if (m.contains(u"hwmKiB"_s))
        return u"peak %1 MiB"_s.arg(number(m.value(u"hwmKiB"_s).toDouble() / 1024.0));
    QStringList pairs;
    for (auto it = m.constBegin(); it != m.constEnd() && pairs.size() < 3; ++it) {
        if (it.value().isDouble() && it.key() != u"n"_s)
            pairs << it.key() + u' ' + number(it.value().toDouble());
    }
    return pairs.join(u", "_s);
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + QString(text).replace(u'"', u"\"\""_s) + u'"';
}

bool writeCsv(const QString &path, const QList<Result> &results)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out << "bench,scale,measurement,n,figure,value,target,met\n";
    for (const Result &result : results) {
        for (const QJsonValue &value : result.measurements) {
            const QJsonObject m = value.toObject();
            const QString met = m.contains(u"met"_s) ? (m.value(u"met"_s).toBool() ? u"yes"_s : u"no"_s) : QString();
            for (auto it = m.constBegin(); it != m.constEnd(); ++it) {
                if (!it.value().isDouble() || it.key() == u"n"_s)
                    continue;
                out << csvField(result.bench) << ',' << result.scale << ','
                    << csvField(m.value(u"measurement"_s).toString()) << ',' << m.value(u"n"_s).toInteger() << ','
                    << it.key() << ',' << it.value().toDouble() << ',' << csvField(m.value(u"target"_s).toString())
                    << ',' << met << '\n';
            }
        }
    }
    return true;
}

QJsonObject find(const QJsonArray &measurements, const QString &name)
{
    for (const QJsonValue &value : measurements) {
        if (value.toObject().value(u"measurement"_s).toString() == name)
            return value.toObject();
    }
    return {};
}

// A round step for about `count` ticks up to `top`.
double tickStep(double top, int count)
{
    const double raw = top / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= raw)
            return step * magnitude;
    }
    return 10 * magnitude;
}

struct Series
{
    QString label;
    QColor colour;
    std::map<double, double> points; // records → seconds
};

bool writePlot(const QString &path, const QList<Result> &results)
{
    Series sync{u"first sync (secretariat, the whole school)"_s, QColor(0x1f, 0x5f, 0xa8), {}};
    Series raw{u"raw SQLite insert of the same rows"_s, QColor(0xc0, 0x50, 0x20), {}};
    for (const Result &result : results) {
        if (result.bench != u"sync"_s)
            continue;
        const QJsonObject first = find(result.measurements, u"first sync, secretariat"_s);
        const QJsonObject insert = find(result.measurements, u"raw insert of those rows (C API)"_s);
        const double records = first.value(u"records"_s).toDouble();
        if (records <= 0)
            continue;
        sync.points[records] = first.value(u"ms"_s).toDouble() / 1000.0;
        if (insert.contains(u"ms"_s))
            raw.points[records] = insert.value(u"ms"_s).toDouble() / 1000.0;
    }
    if (sync.points.empty())
        return false;

    double maxX = 0;
    double maxY = 0;
    for (const Series *series : {&sync, &raw}) {
        for (const auto &[x, y] : series->points) {
            maxX = std::max(maxX, x);
            maxY = std::max(maxY, y);
        }
    }
    const double stepX = tickStep(maxX, 5);
    const double stepY = tickStep(maxY, 5);
    const double topX = std::ceil(maxX / stepX) * stepX;
    const double topY = std::ceil(maxY / stepY) * stepY;

    QImage image(960, 600, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(14);
    painter.setFont(font);
    const QRectF area(90, 50, 830, 460);
    const auto at = [&](double x, double y) {
        return QPointF(area.left() + x / topX * area.width(), area.bottom() - y / topY * area.height());
    };

    painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 1));
    for (double y = 0; y <= topY + stepY / 2; y += stepY)
        painter.drawLine(at(0, y), at(topX, y));
    painter.setPen(QPen(Qt::black, 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    painter.drawLine(area.bottomLeft(), area.topLeft());
    for (double x = 0; x <= topX + stepX / 2; x += stepX) {
        const QPointF p = at(x, 0);
        painter.drawLine(p, p + QPointF(0, 5));
        painter.drawText(QRectF(p.x() - 50, p.y() + 8, 100, 20), Qt::AlignHCenter,
                         QLocale(QLocale::English).toString(qint64(x)));
    }
    for (double y = 0; y <= topY + stepY / 2; y += stepY) {
        const QPointF p = at(0, y);
        painter.drawLine(p, p - QPointF(5, 0));
        const QString label = stepY >= 1 ? QString::number(qint64(std::lround(y))) : number(y);
        painter.drawText(QRectF(p.x() - 85, p.y() - 10, 76, 20), Qt::AlignRight | Qt::AlignVCenter, label);
    }
    painter.drawText(QRectF(area.left(), area.bottom() + 34, area.width(), 20), Qt::AlignHCenter,
                     u"records in the secretariat's scope"_s);
    painter.save();
    painter.translate(24, area.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-150, -12, 300, 24), Qt::AlignHCenter, u"seconds"_s);
    painter.restore();
    QFont title = font;
    title.setPixelSize(17);
    title.setBold(true);
    painter.setFont(title);
    painter.drawText(QRectF(0, 12, image.width(), 26), Qt::AlignHCenter,
                     u"Cartable: first sync of the reference school against the raw insert limit"_s);
    painter.setFont(font);

    int legend = 0;
    for (const Series *series : {&sync, &raw}) {
        if (series->points.empty())
            continue;
        painter.setPen(QPen(series->colour, 2.5));
        QPainterPath line;
        bool firstPoint = true;
        for (const auto &[x, y] : series->points) {
            firstPoint ? line.moveTo(at(x, y)) : line.lineTo(at(x, y));
            firstPoint = false;
        }
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(line);
        painter.setBrush(series->colour);
        // The first sync's figures above their points, the raw insert's
        // below theirs: the two lines start close together.
        const QPointF offset = series == &sync ? QPointF(8, -8) : QPointF(8, 18);
        for (const auto &[x, y] : series->points) {
            painter.drawEllipse(at(x, y), 4.5, 4.5);
            painter.drawText(at(x, y) + offset, number(y) + u" s"_s);
        }
        const QPointF key(area.left() + 20, area.top() + 16 + legend * 24);
        painter.drawLine(key, key + QPointF(28, 0));
        painter.setPen(Qt::black);
        painter.drawText(key + QPointF(38, 5), series->label);
        ++legend;
    }
    painter.end();
    return image.save(path, "PNG");
}

// A measurement of the sync benchmark at `scale`, by name.
std::optional<QJsonObject> syncMeasurement(const QList<Result> &results, double scale, const QString &name)
{
    for (const Result &result : results) {
        if (result.bench != u"sync"_s || result.scale != scale)
            continue;
        for (const QJsonValue &value : result.measurements) {
            if (value.toObject().value(u"measurement"_s).toString() == name)
                return value.toObject();
        }
    }
    return std::nullopt;
}

// The targets that read the runs of several scales, or one scale's figure
// against a bound that holds at that scale only: a secretariat's first sync
// at scale 4 against scale 1, and its client's peak memory at scale 1.
std::optional<Result> acrossScales(const QList<Result> &results)
{
    Result across{u"sync"_s, 0, QString(), {}};
    const QString first = u"first sync, secretariat"_s;
    const std::optional<QJsonObject> one = syncMeasurement(results, 1, first);
    const std::optional<QJsonObject> four = syncMeasurement(results, 4, first);
    if (one && four && one->value(u"ms"_s).toDouble() > 0) {
        const double ratio = four->value(u"ms"_s).toDouble() / one->value(u"ms"_s).toDouble();
        across.measurements.append(QJsonObject{{u"measurement"_s, u"first sync, scale 4 / scale 1"_s},
                                               {u"n"_s, 1},
                                               {u"ratio"_s, ratio},
                                               {u"target"_s, u"≤ 4.5×"_s},
                                               {u"met"_s, ratio <= 4.5}});
    }
    if (const std::optional<QJsonObject> memory = syncMeasurement(results, 1, u"client process, secretariat"_s)) {
        const double kib = memory->value(u"hwmKiB"_s).toDouble();
        across.measurements.append(QJsonObject{{u"measurement"_s, u"client peak memory, secretariat, scale 1"_s},
                                               {u"n"_s, 1},
                                               {u"hwmKiB"_s, kib},
                                               {u"target"_s, u"< 80 MB"_s},
                                               {u"met"_s, kib * 1024 < 80e6}});
    }
    if (across.measurements.isEmpty())
        return std::nullopt;
    return across;
}

} // namespace

int main(int argc, char *argv[])
{
    // Draws into an image only: no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"One table, a CSV and a plot from the benchmarks' JSON files."_s);
    parser.addHelpOption();
    const QCommandLineOption csvOption(u"csv"_s, u"Write every figure to <file> as CSV."_s, u"file"_s);
    const QCommandLineOption plotOption(u"plot"_s, u"Draw first-sync time against size into <file> (PNG)."_s,
                                        u"file"_s);
    parser.addOptions({csvOption, plotOption});
    parser.addPositionalArgument(u"results"_s, u"JSON files written by the benchmarks' --json."_s);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QList<Result> results;
    for (const QString &path : parser.positionalArguments()) {
        QFile file(path);
        QJsonParseError error;
        const QJsonDocument document = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error)
                                                                      : QJsonDocument();
        const QJsonObject root = document.object();
        if (!root.value(u"measurements"_s).isArray()) {
            err << "bench_report: " << path << ": no \"measurements\" list, skipped\n";
            continue;
        }
        results.append({root.value(u"bench"_s).toString(QFileInfo(path).baseName()), root.value(u"scale"_s).toDouble(),
                        path, root.value(u"measurements"_s).toArray()});
    }
    std::stable_sort(results.begin(), results.end(), [](const Result &a, const Result &b) {
        return a.bench != b.bench ? a.bench < b.bench : a.scale < b.scale;
    });
    if (const std::optional<Result> across = acrossScales(results))
        results.append(*across);

    const auto row = [&out](const QString &bench, const QString &measurement, const QString &n, const QString &figure,
                            const QString &target, const QString &met) {
        out << u"%1 %2 %3 %4 %5 %6\n"_s.arg(bench, -14)
                   .arg(measurement, -40)
                   .arg(n, 7)
                   .arg(figure, -36)
                   .arg(target, -18)
                   .arg(met);
    };
    row(u"bench"_s, u"measurement"_s, u"n"_s, u"figure"_s, u"target"_s, u"met"_s);
    int targets = 0;
    int met = 0;
    for (const Result &result : results) {
        const QString bench = result.scale > 0 ? u"%1 @%2"_s.arg(result.bench).arg(result.scale) : result.bench;
        for (const QJsonValue &value : result.measurements) {
            const QJsonObject m = value.toObject();
            QString verdict;
            if (m.contains(u"met"_s)) {
                ++targets;
                met += m.value(u"met"_s).toBool() ? 1 : 0;
                verdict = m.value(u"met"_s).toBool() ? u"yes"_s : u"no"_s;
            }
            row(bench, m.value(u"measurement"_s).toString(), QString::number(m.value(u"n"_s).toInteger()), summary(m),
                m.value(u"target"_s).toString(), verdict);
        }
    }
    out << u"\n%1 of %2 targets met.\n"_s.arg(met).arg(targets);
    out.flush();

    if (parser.isSet(csvOption)) {
        if (!writeCsv(parser.value(csvOption), results)) {
            err << "bench_report: cannot write " << parser.value(csvOption) << '\n';
            return 1;
        }
        out << "CSV: " << parser.value(csvOption) << '\n';
    }
    if (parser.isSet(plotOption)) {
        if (!writePlot(parser.value(plotOption), results)) {
            err << "bench_report: no first sync to plot, or cannot write " << parser.value(plotOption) << '\n';
            return 1;
        }
        out << "Plot: " << parser.value(plotOption) << '\n';
    }
    return 0;
}
