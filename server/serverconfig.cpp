#include "serverconfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

bool parsePort(const QString &text, quint16 &port)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return false;
    port = static_cast<quint16>(value);
    return true;
}

bool parseAddress(const QString &text, QHostAddress &address)
{
    if (text == u"localhost"_s) {
        address = QHostAddress::LocalHost;
        return true;
    }
    return address.setAddress(text);
}

bool parseBodyLimit(const QString &text, qint64 &limit)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    // Below 1 KiB not even a login fits; above 1 GiB a server buffers too much.
    if (!ok || value < 1024 || value > qint64(1) << 30)
        return false;
    limit = value;
    return true;
}

bool parseSessionHours(const QString &text, int &hours)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 24 * 90)
        return false;
    hours = value;
    return true;
}

bool parseAccessMinutes(const QString &text, int &minutes)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 24 * 60)
        return false;
    minutes = value;
    return true;
}

// QSettings reads "a, b" in an INI file as a list; a value is its text.
QString iniText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(u',');
    return value.toString();
}

bool parseProxies(const QString &text, QList<QHostAddress> &proxies)
{
    QList<QHostAddress> parsed;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        QHostAddress address;
        if (!address.setAddress(part.trimmed()))
            return false;
        parsed.append(address);
    }
    proxies += parsed;
    return true;
}

bool parseFailureLimit(const QString &text, int &limit, int highest = 1000)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 2 || value > highest)
        return false;
    limit = value;
    return true;
}

// A whole school behind one address may fail many times in a quarter of an
// hour; the ceiling is only against a machine that never stops.
constexpr int kMaxAddressFailures = 100000;

bool parseLockout(const QString &text, std::chrono::minutes &lockout)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 24 * 60)
        return false;
    lockout = std::chrono::minutes(value);
    return true;
}

// A connection deadline, 1 s to `maxSeconds`.
bool parseTimeout(const QString &text, int maxSeconds, std::chrono::seconds &timeout)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > maxSeconds)
        return false;
    timeout = std::chrono::seconds(value);
    return true;
}

// A size in bytes between `lowest` and `highest`.
bool parseBytes(const QString &text, qint64 lowest, qint64 highest, qint64 &bytes)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < lowest || value > highest)
        return false;
    bytes = value;
    return true;
}

constexpr qint64 kMinBlobBytes = 1024;
constexpr qint64 kMaxBlobBytes = qint64(16) << 30;
constexpr qint64 kMinQuotaBytes = 1024 * 1024;
constexpr qint64 kMaxQuotaBytes = qint64(1) << 50;
constexpr int kMaxGraceHours = 24 * 365;
constexpr int kMaxExpiryHours = 24 * 90;

bool parseHours(const QString &text, int lowest, int highest, std::chrono::hours &hours)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < lowest || value > highest)
        return false;
    hours = std::chrono::hours(value);
    return true;
}

bool isPostgresDatabase(const QString &spec)
{
    return spec.startsWith(u"postgresql://"_s) || spec.startsWith(u"postgres://"_s);
}

constexpr int kMaxHeaderTimeout = 600;
constexpr int kMaxBodyTimeout = 3600;
constexpr int kMaxIdleTimeout = 3600;
constexpr int kMaxConnectionCap = 100000;

bool parseConnectionCap(const QString &text, int &cap)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > kMaxConnectionCap)
        return false;
    cap = value;
    return true;
}

} // namespace

QString ServerConfig::defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + u"/cartable-server/cartable.sqlite"_s;
}

QString ServerConfig::blobFolder() const
{
    if (!blobDir.isEmpty())
        return blobDir;
    if (isPostgresDatabase(database) || database.isEmpty())
        return QString();
    return QFileInfo(database).absoluteDir().filePath(u"blobs"_s);
}

Core::Status loadConfigFile(const QString &path, ServerConfig &config)
{
    if (!QFileInfo(path).isReadable())
        return Error{ErrorCode::ConfigInvalid, u"cannot read %1"_s.arg(path)};
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error{ErrorCode::ConfigInvalid, u"%1 is not a valid INI file"_s.arg(path)};

    settings.beginGroup(u"server"_s);
    const QStringList known{u"address"_s,
                            u"port"_s,
                            u"database"_s,
                            u"max_body_bytes"_s,
                            u"session_hours"_s,
                            u"access_token_minutes"_s,
                            u"login_failures_per_account"_s,
                            u"login_failures_per_address"_s,
                            u"login_failed_logins_per_address"_s,
                            u"login_lockout_minutes"_s,
                            u"trusted_proxies"_s,
                            u"header_timeout_seconds"_s,
                            u"body_timeout_seconds"_s,
                            u"idle_timeout_seconds"_s,
                            u"max_connections_per_address"_s,
                            u"blob_dir"_s,
                            u"blob_max_bytes"_s,
                            u"account_quota_bytes"_s,
                            u"establishment_quota_bytes"_s,
                            u"blob_grace_hours"_s,
                            u"upload_expiry_hours"_s};
    for (const QString &key : settings.childKeys()) {
        if (!known.contains(key))
            return Error{ErrorCode::ConfigInvalid, u"%1: unknown key [server] %2"_s.arg(path, key)};
    }
    auto check = [&](const QString &key, auto &&parse) -> Core::Status {
        if (!settings.contains(key))
            return {};
        if (!parse(iniText(settings.value(key))))
            return Error{ErrorCode::ConfigInvalid, u"%1: invalid value for %2"_s.arg(path, key)};
        return {};
    };
    for (Core::Status status : {
             check(u"address"_s, [&](const QString &v) { return parseAddress(v, config.address); }),
             check(u"port"_s, [&](const QString &v) { return parsePort(v, config.port); }),
             check(u"database"_s,
                   [&](const QString &v) {
                       config.database = v;
                       return !v.isEmpty();
                   }),
             check(u"max_body_bytes"_s, [&](const QString &v) { return parseBodyLimit(v, config.maxBodyBytes); }),
             check(u"session_hours"_s, [&](const QString &v) { return parseSessionHours(v, config.sessionHours); }),
             check(u"access_token_minutes"_s,
                   [&](const QString &v) { return parseAccessMinutes(v, config.accessMinutes); }),
             check(u"login_failures_per_account"_s,
                   [&](const QString &v) { return parseFailureLimit(v, config.throttle.failuresPerAccount); }),
             check(u"login_failures_per_address"_s,
                   [&](const QString &v) {
                       return parseFailureLimit(v, config.throttle.failuresPerAddress, kMaxAddressFailures);
                   }),
             check(u"login_failed_logins_per_address"_s,
                   [&](const QString &v) { return parseFailureLimit(v, config.throttle.loginsPerAddress); }),
             check(u"trusted_proxies"_s, [&](const QString &v) { return parseProxies(v, config.trustedProxies); }),
             check(u"login_lockout_minutes"_s,
                   [&](const QString &v) { return parseLockout(v, config.throttle.lockout); }),
             check(u"header_timeout_seconds"_s,
                   [&](const QString &v) {
                       return parseTimeout(v, kMaxHeaderTimeout, config.connections.headerTimeout);
                   }),
             check(u"body_timeout_seconds"_s,
                   [&](const QString &v) { return parseTimeout(v, kMaxBodyTimeout, config.connections.bodyTimeout); }),
             check(u"idle_timeout_seconds"_s,
                   [&](const QString &v) { return parseTimeout(v, kMaxIdleTimeout, config.connections.idleTimeout); }),
             check(u"max_connections_per_address"_s,
                   [&](const QString &v) { return parseConnectionCap(v, config.connections.maxPerAddress); }),
             check(u"blob_dir"_s,
                   [&](const QString &v) {
                       config.blobDir = v;
                       return !v.isEmpty();
                   }),
             check(u"blob_max_bytes"_s,
                   [&](const QString &v) {
                       return parseBytes(v, kMinBlobBytes, kMaxBlobBytes, config.blobs.maxBlobBytes);
                   }),
             check(u"account_quota_bytes"_s,
                   [&](const QString &v) {
                       return parseBytes(v, kMinQuotaBytes, kMaxQuotaBytes, config.blobs.accountQuotaBytes);
                   }),
             check(u"establishment_quota_bytes"_s,
                   [&](const QString &v) {
                       return parseBytes(v, kMinQuotaBytes, kMaxQuotaBytes, config.blobs.establishmentQuotaBytes);
                   }),
             check(u"blob_grace_hours"_s,
                   [&](const QString &v) { return parseHours(v, 1, kMaxGraceHours, config.blobs.grace); }),
             check(u"upload_expiry_hours"_s,
                   [&](const QString &v) { return parseHours(v, 1, kMaxExpiryHours, config.blobs.uploadExpiry); }),
         }) {
        if (!status)
            return status;
    }
    return {};
}

ConfigOutcome parseServerArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Cartable server: the REST and sync server of an offline-first ENT.\n\n"
        "cartable-server demo-data --database <spec> [--scale S] [--seed N] [--export <file>] fills an empty "
        "database with the reference school (see cartable-server demo-data --help)."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"Read settings from the [server] section of <file>."_s,
                                          u"file"_s);
    const QCommandLineOption addressOption(u"address"_s, u"Listen on <address> (default 127.0.0.1)."_s, u"address"_s);
    const QCommandLineOption portOption(u"port"_s, u"Listen on <port> (default 8470, 0 for any free port)."_s,
                                        u"port"_s);
    const QCommandLineOption databaseOption(u"database"_s,
                                            u"SQLite file, or postgresql://user:password@host:port/dbname."_s,
                                            u"spec"_s);
    const QCommandLineOption bodyOption(u"max-body-bytes"_s, u"Refuse request bodies larger than <bytes>."_s,
                                        u"bytes"_s);
    const QCommandLineOption sessionOption(u"session-hours"_s, u"Sessions last <hours> after sign-in (default 720)."_s,
                                           u"hours"_s);
    const QCommandLineOption accessOption(u"access-token-minutes"_s, u"Access tokens last <minutes> (default 15)."_s,
                                          u"minutes"_s);
    const QCommandLineOption demoOption(u"demo"_s,
                                        u"Create the demo establishments and accounts if the database has none."_s);
    const QCommandLineOption printDemoOption(u"print-demo-logins"_s, u"Print the demo accounts and exit."_s);
    const QCommandLineOption proxyOption(u"trusted-proxy"_s,
                                         u"Trust X-Forwarded-For from <address> (repeat for several proxies)."_s,
                                         u"address"_s);
    const QCommandLineOption resetOption(u"reset-password"_s,
                                         u"Give <login> a temporary password to change at the next sign-in, end its "
                                         "sessions, print the password and exit."_s,
                                         u"login"_s);
    const QCommandLineOption disableOption(u"disable-account"_s,
                                           u"Disable <login>: no more sign-in, every session ends; then exit."_s,
                                           u"login"_s);
    const QCommandLineOption enableOption(u"enable-account"_s, u"Let a disabled <login> sign in again, then exit."_s,
                                          u"login"_s);
    const QCommandLineOption accountFailuresOption(u"login-failures-per-account"_s,
                                                   u"Lock a login after <n> failed sign-ins (default 5)."_s, u"n"_s);
    const QCommandLineOption addressLoginsOption(
        u"login-failed-logins-per-address"_s,
        u"Lock an address once <n> different logins failed from it (default 30)."_s, u"n"_s);
    const QCommandLineOption addressFailuresOption(
        u"login-failures-per-address"_s, u"Lock an address after <n> failed sign-ins of any logins (default 200)."_s,
        u"n"_s);
    const QCommandLineOption lockoutOption(u"login-lockout-minutes"_s,
                                           u"Count failures over, and lock for, <minutes> (default 15)."_s,
                                           u"minutes"_s);
    const QCommandLineOption headerTimeoutOption(
        u"header-timeout-seconds"_s, u"Close a connection whose request head takes over <seconds> (default 10)."_s,
        u"seconds"_s);
    const QCommandLineOption bodyTimeoutOption(
        u"body-timeout-seconds"_s, u"Close a connection whose request body takes over <seconds> (default 30)."_s,
        u"seconds"_s);
    const QCommandLineOption idleTimeoutOption(
        u"idle-timeout-seconds"_s, u"Close a connection idle for <seconds> between requests (default 60)."_s,
        u"seconds"_s);
    const QCommandLineOption connectionCapOption(u"max-connections-per-address"_s,
                                                 u"Keep at most <n> connections open from one address (default 256)."_s,
                                                 u"n"_s);
    parser.addOptions({configOption, addressOption, portOption, databaseOption, bodyOption, sessionOption, accessOption,
                       accountFailuresOption, addressLoginsOption, addressFailuresOption, lockoutOption, demoOption,
                       printDemoOption, proxyOption, resetOption, disableOption, enableOption});
    parser.addOptions({headerTimeoutOption, bodyTimeoutOption, idleTimeoutOption, connectionCapOption});
    const QCommandLineOption blobDirOption(
        u"blob-dir"_s,
        u"Keep files in <folder> (default: blobs beside an SQLite database; required with PostgreSQL)."_s, u"folder"_s);
    const QCommandLineOption blobMaxOption(u"blob-max-bytes"_s,
                                           u"Refuse files larger than <bytes> (default 268435456, 256 MiB)."_s,
                                           u"bytes"_s);
    const QCommandLineOption accountQuotaOption(
        u"account-quota-bytes"_s, u"Files an account may hold in an establishment (default 2147483648, 2 GiB)."_s,
        u"bytes"_s);
    const QCommandLineOption establishmentQuotaOption(
        u"establishment-quota-bytes"_s, u"Files an establishment may hold (default 214748364800, 200 GiB)."_s,
        u"bytes"_s);
    const QCommandLineOption graceOption(u"blob-grace-hours"_s,
                                         u"Keep a file no row names for <hours> before removing it (default 168)."_s,
                                         u"hours"_s);
    const QCommandLineOption expiryOption(u"upload-expiry-hours"_s,
                                          u"Abandon uploads untouched for <hours> (default 72)."_s, u"hours"_s);
    const QCommandLineOption collectOption(u"collect-blobs"_s,
                                           u"Remove the files no row names any more and the abandoned uploads, "
                                           "print what was removed and exit."_s);
    parser.addOptions({blobDirOption, blobMaxOption, accountQuotaOption, establishmentQuotaOption, graceOption,
                       expiryOption, collectOption});

    ConfigOutcome outcome;
    auto usageError = [&](const QString &message) {
        outcome.exitNow = true;
        outcome.exitCode = 2;
        outcome.message = message + u"\n\n"_s + parser.helpText();
        return outcome;
    };

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        outcome.exitNow = true;
        outcome.message = parser.helpText();
        return outcome;
    }
    if (parser.isSet(versionOption)) {
        outcome.exitNow = true;
        outcome.message = u"cartable-server " CARTABLE_VERSION ""_s;
        return outcome;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument: "_s + parser.positionalArguments().constFirst());

    ServerConfig &config = outcome.config;
    if (parser.isSet(configOption)) {
        const Core::Status loaded = loadConfigFile(parser.value(configOption), config);
        if (!loaded)
            return usageError(loaded.error().context);
    }
    if (parser.isSet(addressOption) && !parseAddress(parser.value(addressOption), config.address))
        return usageError(u"invalid address: "_s + parser.value(addressOption));
    if (parser.isSet(portOption) && !parsePort(parser.value(portOption), config.port))
        return usageError(u"invalid port: "_s + parser.value(portOption));
    if (parser.isSet(databaseOption))
        config.database = parser.value(databaseOption);
    if (parser.isSet(bodyOption) && !parseBodyLimit(parser.value(bodyOption), config.maxBodyBytes))
        return usageError(u"invalid body limit (1024 to 1073741824 bytes): "_s + parser.value(bodyOption));
    if (parser.isSet(sessionOption) && !parseSessionHours(parser.value(sessionOption), config.sessionHours))
        return usageError(u"invalid session length (1 to 2160 hours): "_s + parser.value(sessionOption));
    if (parser.isSet(accessOption) && !parseAccessMinutes(parser.value(accessOption), config.accessMinutes))
        return usageError(u"invalid access token length (1 to 1440 minutes): "_s + parser.value(accessOption));
    if (parser.isSet(accountFailuresOption)
        && !parseFailureLimit(parser.value(accountFailuresOption), config.throttle.failuresPerAccount)) {
        return usageError(u"invalid failure limit (2 to 1000): "_s + parser.value(accountFailuresOption));
    }
    if (parser.isSet(addressLoginsOption)
        && !parseFailureLimit(parser.value(addressLoginsOption), config.throttle.loginsPerAddress)) {
        return usageError(u"invalid login limit (2 to 1000): "_s + parser.value(addressLoginsOption));
    }
    if (parser.isSet(addressFailuresOption)
        && !parseFailureLimit(parser.value(addressFailuresOption), config.throttle.failuresPerAddress,
                              kMaxAddressFailures)) {
        return usageError(u"invalid failure limit (2 to 100000): "_s + parser.value(addressFailuresOption));
    }
    if (parser.isSet(lockoutOption) && !parseLockout(parser.value(lockoutOption), config.throttle.lockout))
        return usageError(u"invalid lockout (1 to 1440 minutes): "_s + parser.value(lockoutOption));
    if (parser.isSet(headerTimeoutOption)
        && !parseTimeout(parser.value(headerTimeoutOption), kMaxHeaderTimeout, config.connections.headerTimeout)) {
        return usageError(u"invalid header timeout (1 to 600 seconds): "_s + parser.value(headerTimeoutOption));
    }
    if (parser.isSet(bodyTimeoutOption)
        && !parseTimeout(parser.value(bodyTimeoutOption), kMaxBodyTimeout, config.connections.bodyTimeout)) {
        return usageError(u"invalid body timeout (1 to 3600 seconds): "_s + parser.value(bodyTimeoutOption));
    }
    if (parser.isSet(idleTimeoutOption)
        && !parseTimeout(parser.value(idleTimeoutOption), kMaxIdleTimeout, config.connections.idleTimeout)) {
        return usageError(u"invalid idle timeout (1 to 3600 seconds): "_s + parser.value(idleTimeoutOption));
    }
    if (parser.isSet(connectionCapOption)
        && !parseConnectionCap(parser.value(connectionCapOption), config.connections.maxPerAddress)) {
        return usageError(u"invalid connection cap (1 to 100000): "_s + parser.value(connectionCapOption));
    }
    if (parser.isSet(blobDirOption)) {
        config.blobDir = parser.value(blobDirOption);
        if (config.blobDir.isEmpty())
            return usageError(u"--blob-dir needs a folder"_s);
    }
    if (parser.isSet(blobMaxOption)
        && !parseBytes(parser.value(blobMaxOption), kMinBlobBytes, kMaxBlobBytes, config.blobs.maxBlobBytes)) {
        return usageError(u"invalid file size limit (1024 to 17179869184 bytes): "_s + parser.value(blobMaxOption));
    }
    if (parser.isSet(accountQuotaOption)
        && !parseBytes(parser.value(accountQuotaOption), kMinQuotaBytes, kMaxQuotaBytes,
                       config.blobs.accountQuotaBytes)) {
        return usageError(u"invalid account quota (1048576 to 1125899906842624 bytes): "_s
                          + parser.value(accountQuotaOption));
    }
    if (parser.isSet(establishmentQuotaOption)
        && !parseBytes(parser.value(establishmentQuotaOption), kMinQuotaBytes, kMaxQuotaBytes,
                       config.blobs.establishmentQuotaBytes)) {
        return usageError(u"invalid establishment quota (1048576 to 1125899906842624 bytes): "_s
                          + parser.value(establishmentQuotaOption));
    }
    if (parser.isSet(graceOption) && !parseHours(parser.value(graceOption), 1, kMaxGraceHours, config.blobs.grace))
        return usageError(u"invalid grace period (1 to 8760 hours): "_s + parser.value(graceOption));
    if (parser.isSet(expiryOption)
        && !parseHours(parser.value(expiryOption), 1, kMaxExpiryHours, config.blobs.uploadExpiry)) {
        return usageError(u"invalid upload expiry (1 to 2160 hours): "_s + parser.value(expiryOption));
    }
    config.collectBlobs = parser.isSet(collectOption);
    for (const QString &proxy : parser.values(proxyOption)) {
        if (!parseProxies(proxy, config.trustedProxies))
            return usageError(u"invalid proxy address: "_s + proxy);
    }
    config.seedDemo = parser.isSet(demoOption);
    config.printDemoLogins = parser.isSet(printDemoOption);
    config.resetPasswordLogin = parser.value(resetOption).trimmed();
    if (parser.isSet(resetOption) && config.resetPasswordLogin.isEmpty())
        return usageError(u"--reset-password needs a login"_s);
    config.disableAccountLogin = parser.value(disableOption).trimmed();
    if (parser.isSet(disableOption) && config.disableAccountLogin.isEmpty())
        return usageError(u"--disable-account needs a login"_s);
    config.enableAccountLogin = parser.value(enableOption).trimmed();
    if (parser.isSet(enableOption) && config.enableAccountLogin.isEmpty())
        return usageError(u"--enable-account needs a login"_s);
    if (int(parser.isSet(resetOption)) + int(parser.isSet(disableOption)) + int(parser.isSet(enableOption)) > 1)
        return usageError(u"--reset-password, --disable-account and --enable-account go one at a time"_s);
    if (config.database.isEmpty())
        config.database = ServerConfig::defaultDatabasePath();
    const bool oneOff = config.printDemoLogins || !config.resetPasswordLogin.isEmpty()
                        || !config.disableAccountLogin.isEmpty() || !config.enableAccountLogin.isEmpty();
    if (!oneOff && config.blobFolder().isEmpty())
        return usageError(u"a PostgreSQL database needs a folder for files: set blob_dir or --blob-dir"_s);
    return outcome;
}

} // namespace Cartable::Server
