// Measures what a user feels of the walking skeleton: how fast the server
// answers a health check, a session check and a sign-in (Argon2id), over real
// HTTP on loopback against a real cartable-server process. Prints a table;
// --json FILE also writes the figures.
//
//   bench_auth [--requests N] [--logins N] [--json FILE]

#include "benchsupport.h"

#include "tests/support/serverprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSysInfo>
#include <QTextStream>

#include <algorithm>

using namespace Cartable::Bench;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

namespace {

struct Figures
{
    QString name;
    int count = 0;
    double medianMs = 0;
    double p99Ms = 0;
    double perSecond = 0;
};

// Sends `count` requests one after the other on one kept-alive connection.
Figures measure(const QString &name, QNetworkAccessManager &network, int count,
                const std::function<QNetworkReply *(QNetworkAccessManager &)> &send)
{
    QList<double> latencies;
    latencies.reserve(count);
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < count; ++i) {
        QElapsedTimer one;
        one.start();
        QNetworkReply *reply = send(network);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (reply->error() != QNetworkReply::NoError)
            qFatal("%s failed: %s", qPrintable(name), qPrintable(reply->errorString()));
        reply->readAll();
        reply->deleteLater();
        latencies.append(static_cast<double>(one.nsecsElapsed()) / 1e6);
    }
    const double seconds = static_cast<double>(total.nsecsElapsed()) / 1e9;
    return Figures{name, count, percentile(latencies, 0.5), percentile(latencies, 0.99), count / seconds};
}

QNetworkRequest request(const QUrl &base, const QString &path, const QString &token = {})
{
    QUrl url = base;
    url.setPath(path);
    QNetworkRequest r(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Latency of health, session check and sign-in on a real server."_s);
    parser.addHelpOption();
    const QCommandLineOption requestsOption(u"requests"_s, u"Requests per cheap route (default 2000)."_s, u"n"_s,
                                            u"2000"_s);
    const QCommandLineOption loginsOption(u"logins"_s, u"Sign-ins to time (default 20)."_s, u"n"_s, u"20"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Also write the figures to <file>."_s, u"file"_s);
    parser.addOptions({requestsOption, loginsOption, jsonOption});
    parser.process(app);
    const int requests = qMax(10, parser.value(requestsOption).toInt());
    const int logins = qMax(2, parser.value(loginsOption).toInt());

    if (qEnvironmentVariableIsEmpty("CARTABLE_SERVER_BINARY"))
        qputenv("CARTABLE_SERVER_BINARY", CARTABLE_DEFAULT_SERVER_BINARY);
    ServerProcess server;
    if (!server.start())
        qFatal("cannot start the server: %s", qPrintable(server.errorString()));
    const QByteArray loginBody = QJsonDocument(QJsonObject{{u"login"_s, QString::fromUtf16(kTeacherLogin)},
                                                           {u"password"_s, QString::fromUtf16(kDemoPassword)}})
                                     .toJson(QJsonDocument::Compact);

    QNetworkAccessManager network;
    QList<Figures> table;
    table.append(measure(u"GET /api/v1/health"_s, network, requests,
                         [&](QNetworkAccessManager &n) { return n.get(request(server.url(), u"/api/v1/health"_s)); }));

    QString token;
    table.append(measure(u"POST /api/v1/auth/login (Argon2id)"_s, network, logins, [&](QNetworkAccessManager &n) {
        QNetworkReply *reply = n.post(request(server.url(), u"/api/v1/auth/login"_s), loginBody);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &token] {
            if (token.isEmpty())
                token = QJsonDocument::fromJson(reply->peek(reply->bytesAvailable()))
                            .object()
                            .value(u"accessToken"_s)
                            .toString();
        });
        return reply;
    }));
    table.append(measure(u"GET /api/v1/me"_s, network, requests, [&](QNetworkAccessManager &n) {
        return n.get(request(server.url(), u"/api/v1/me"_s, token));
    }));
    server.stop();

    QTextStream out(stdout);
    out << "Machine: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << '\n';
    out << u"%1 %2 %3 %4 %5\n"_s.arg(u"route"_s, -36)
               .arg(u"n"_s, 6)
               .arg(u"median ms"_s, 10)
               .arg(u"p99 ms"_s, 10)
               .arg(u"req/s"_s, 9);
    QJsonArray rows;
    for (const Figures &f : std::as_const(table)) {
        out << u"%1 %2 %3 %4 %5\n"_s.arg(f.name, -36)
                   .arg(f.count, 6)
                   .arg(f.medianMs, 10, 'f', 3)
                   .arg(f.p99Ms, 10, 'f', 3)
                   .arg(f.perSecond, 9, 'f', 0);
        rows.append(QJsonObject{{u"measurement"_s, f.name},
                                {u"n"_s, f.count},
                                {u"medianMs"_s, f.medianMs},
                                {u"p99Ms"_s, f.p99Ms},
                                {u"perSecond"_s, f.perSecond}});
    }
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        const QJsonObject report{{u"bench"_s, u"auth"_s}, {u"machine"_s, machine()}, {u"measurements"_s, rows}};
        file.write(QJsonDocument(report).toJson());
    }
    return 0;
}
