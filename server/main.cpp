// cartable-server: the composition root. Reads the configuration, opens the
// database, builds the services once and hands them down.

#include "accountstore.h"
#include "apiserver.h"
#include "authservice.h"
#include "blobs/blobservice.h"
#include "blobs/filesystemblobstorage.h"
#include "demodata.h"
#include "loginthrottle.h"
#include "passwordhasher.h"
#include "referenceschool/demodatacommand.h"
#include "server/sync/feedindexer.h"
#include "server/sync/nudgehub.h"
#include "server/sync/syncendpoints.h"
#include "serverconfig.h"
#include "serverdatabase.h"
#include "sessionstore.h"
#include "unixsignalwatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Cartable;
using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMain, "cartable.server.main")

namespace {

void printLine(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

// --disable-account and --enable-account: the flag goes through the change
// feed, as a secretary's change would, so that replicas learn it.
int setAccountDisabled(Server::AuthService &auth, const QSqlDatabase &db, const QString &login, bool disabled)
{
    // Rows stored without the feed (the --demo accounts) join it first, as
    // when the server starts.
    if (const Core::Result<qint64> indexed = Server::FeedIndexer(db).indexAll(); !indexed) {
        printLine(stderr, u"cartable-server: cannot index the data for sync: "_s + indexed.error().context);
        return 1;
    }
    const Core::Result<bool> changed = auth.setDisabled(login, disabled);
    if (!changed) {
        printLine(stderr, changed.error().code == Core::ErrorCode::NotFound
                              ? u"cartable-server: no account has the login "_s + login
                              : u"cartable-server: cannot change the account: "_s + changed.error().context);
        return 1;
    }
    if (disabled) {
        printLine(stdout, (*changed ? u"Account %1 disabled."_s : u"Account %1 was already disabled."_s).arg(login));
        printLine(stdout, u"It can no longer sign in; every session of this account has ended."_s);
    } else {
        printLine(stdout,
                  (*changed ? u"Account %1 enabled: it can sign in again."_s : u"Account %1 was not disabled."_s)
                      .arg(login));
    }
    return 0;
}

void printCollection(FILE *stream, const Server::CollectionReport &report)
{
    printLine(stream, u"Removed %1 unused files (%2 bytes), %3 abandoned uploads, %4 stray files."_s.arg(report.blobs)
                          .arg(report.bytes)
                          .arg(report.uploads)
                          .arg(report.strays));
}

int serve(const Server::ServerConfig &config)
{
    Core::Result<QSqlDatabase> db = Server::openServerDatabase(config.database, u"cartable-server"_s);
    if (!db) {
        printLine(stderr, u"cartable-server: cannot open the database: "_s + db.error().context);
        return 1;
    }
    Server::AccountStore accounts(*db);
    const Server::PasswordHasher hasher;
    if (config.seedDemo) {
        const Core::Result<bool> seeded = Server::seedDemoData(accounts, hasher);
        if (!seeded) {
            printLine(stderr, u"cartable-server: cannot create the demo data: "_s + seeded.error().context);
            return 1;
        }
        if (*seeded)
            qCInfo(lcMain) << "created the demo establishments and accounts";
    }

    Server::SessionStore sessions(*db);
    Server::LoginThrottle throttle(*db, config.throttle);
    Server::AuthService auth(accounts, sessions, hasher, throttle,
                             {std::chrono::minutes(config.accessMinutes), std::chrono::hours(config.sessionHours)});
    if (!config.resetPasswordLogin.isEmpty()) {
        const Core::Result<QString> password = auth.resetPassword(config.resetPasswordLogin);
        if (!password) {
            printLine(stderr, password.error().code == Core::ErrorCode::NotFound
                                  ? u"cartable-server: no account has the login "_s + config.resetPasswordLogin
                                  : u"cartable-server: cannot reset the password: "_s + password.error().context);
            return 1;
        }
        printLine(stdout, u"Temporary password for %1: %2"_s.arg(config.resetPasswordLogin, *password));
        printLine(stdout, u"It must be changed at the next sign-in; every session of this account has ended."_s);
        return 0;
    }
    if (!config.disableAccountLogin.isEmpty() || !config.enableAccountLogin.isEmpty())
        return setAccountDisabled(auth, *db,
                                  config.disableAccountLogin.isEmpty() ? config.enableAccountLogin
                                                                       : config.disableAccountLogin,
                                  !config.disableAccountLogin.isEmpty());
    // Rows stored without the change feed (the --demo accounts, a bulk load)
    // join it before clients ask.
    const Core::Result<qint64> indexed = Server::FeedIndexer(*db).indexAll();
    if (!indexed) {
        printLine(stderr, u"cartable-server: cannot index the data for sync: "_s + indexed.error().context);
        return 1;
    }
    if (*indexed > 0)
        qCInfo(lcMain) << "indexed" << *indexed << "rows for sync";
    Server::FilesystemBlobStorage storage(config.blobFolder());
    if (const Core::Status opened = storage.open(); !opened) {
        printLine(stderr, u"cartable-server: "_s + opened.error().context);
        return 1;
    }
    Server::ApiServer api(auth, accounts, config.maxBodyBytes, config.trustedProxies);
    api.setConnectionLimits(config.connections);
    Server::SyncEndpoints sync(*db);
    api.enableSync(sync);
    Server::BlobService blobs(
        *db, storage, [&sync](const QString &accountId) { return sync.readableBuckets(accountId); }, config.blobs);
    if (config.collectBlobs) {
        const Core::Result<Server::CollectionReport> collected = blobs.collectGarbage();
        if (!collected) {
            printLine(stderr, u"cartable-server: cannot collect the unused files: "_s + collected.error().context);
            return 1;
        }
        printCollection(stdout, *collected);
        return 0;
    }
    api.enableBlobs(blobs);
    QTimer collection;
    collection.setInterval(std::chrono::hours(1));
    QObject::connect(&collection, &QTimer::timeout, &collection, [&blobs] {
        const Core::Result<Server::CollectionReport> collected = blobs.collectGarbage();
        if (!collected)
            qCWarning(lcMain) << "collecting unused files failed:" << collected.error().context;
        else if (collected->blobs + collected->uploads + collected->strays > 0)
            qCInfo(lcMain) << "collected" << collected->blobs << "unused files," << collected->bytes << "bytes,"
                           << collected->uploads << "abandoned uploads," << collected->strays << "stray files";
    });
    collection.start();
    Server::NudgeHub nudges(
        *db,
        [&auth](const QString &token) {
            const Core::Result<Server::AuthContext> caller = auth.authenticate("Bearer " + token.toLatin1());
            return caller && !caller->mustChangePassword ? caller->accountId : QString();
        },
        [&sync](const QString &accountId) { return sync.readableBuckets(accountId); });
    api.enableNudges(nudges);
    sync.setAfterPush([&nudges] { nudges.checkNow(); });
    const Core::Result<quint16> port = api.start(config.address, config.port);
    if (!port) {
        printLine(stderr, u"cartable-server: "_s + port.error().context);
        return 1;
    }

    Server::UnixSignalWatcher signals({SIGTERM, SIGINT});
    QObject::connect(&signals, &Server::UnixSignalWatcher::received, qApp, [](int number) {
        qCInfo(lcMain) << "signal" << number << "received, shutting down";
        QCoreApplication::quit();
    });

    const QString host = config.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + config.address.toString() + u']'
                             : config.address.toString();
    printLine(stdout, u"cartable-server listening on http://%1:%2"_s.arg(host).arg(*port));
    const int code = QCoreApplication::exec();
    qCInfo(lcMain) << "stopped";
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cartable-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CARTABLE_VERSION));
    // A client that hangs up while we write must not kill the server.
    std::signal(SIGPIPE, SIG_IGN);

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QStringView(Server::kDemoDataCommand)) {
        const Server::DemoDataOutcome demoData = Server::parseDemoDataArguments(arguments);
        if (demoData.exitNow) {
            printLine(demoData.exitCode == 0 ? stdout : stderr, demoData.message);
            return demoData.exitCode;
        }
        return Server::runDemoData(demoData.options);
    }

    const Server::ConfigOutcome outcome = Server::parseServerArguments(arguments);
    if (outcome.exitNow) {
        printLine(outcome.exitCode == 0 ? stdout : stderr, outcome.message);
        return outcome.exitCode;
    }
    if (outcome.config.printDemoLogins) {
        printLine(stdout, Server::demoLoginsTable());
        return 0;
    }
    const int code = serve(outcome.config);
    QSqlDatabase::removeDatabase(u"cartable-server"_s);
    return code;
}
