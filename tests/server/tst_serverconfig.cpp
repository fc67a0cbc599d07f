#include "server/serverconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable::Server;
using namespace Qt::StringLiterals;

class TestServerConfig : public QObject
{
    Q_OBJECT

private:
    QString writeConfig(const QByteArray &text)
    {
        const QString path = m_dir.filePath(u"server-%1.conf"_s.arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the config file");
        file.write(text);
        return path;
    }

    QTemporaryDir m_dir;
    int m_files = 0;

private Q_SLOTS:
    void defaults()
    {
        const ConfigOutcome outcome = parseServerArguments({u"cartable-server"_s});
        QVERIFY(!outcome.exitNow);
        QCOMPARE(outcome.config.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(outcome.config.port, quint16(8470));
        QCOMPARE(outcome.config.maxBodyBytes, qint64(1024 * 1024));
        QCOMPARE(outcome.config.database, ServerConfig::defaultDatabasePath());
        QVERIFY(!outcome.config.seedDemo);
        // Sign-in throttling (docs/SECURITY.md).
        QCOMPARE(outcome.config.throttle.failuresPerAccount, 5);
        QCOMPARE(outcome.config.throttle.loginsPerAddress, 30);
        QCOMPARE(outcome.config.throttle.failuresPerAddress, 200);
        QCOMPARE(outcome.config.throttle.lockout, std::chrono::minutes(15));
        QVERIFY(outcome.config.disableAccountLogin.isEmpty());
        QVERIFY(outcome.config.enableAccountLogin.isEmpty());
    }

    void throttleFlags()
    {
        const ConfigOutcome outcome = parseServerArguments(
            {u"cartable-server"_s, u"--login-failures-per-account"_s, u"8"_s, u"--login-failed-logins-per-address"_s,
             u"60"_s, u"--login-failures-per-address"_s, u"5000"_s, u"--login-lockout-minutes"_s, u"20"_s});
        QVERIFY2(!outcome.exitNow, qPrintable(outcome.message));
        QCOMPARE(outcome.config.throttle.failuresPerAccount, 8);
        QCOMPARE(outcome.config.throttle.loginsPerAddress, 60);
        QCOMPARE(outcome.config.throttle.failuresPerAddress, 5000);
        QCOMPARE(outcome.config.throttle.lockout, std::chrono::minutes(20));
    }

    void accountAdministration_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("disabled");
        QTest::addColumn<QString>("enabled");
        QTest::newRow("disable") << QStringList{u"--disable-account"_s, u"eleve.leo"_s} << u"eleve.leo"_s << QString();
        QTest::newRow("enable") << QStringList{u"--enable-account"_s, u" eleve.leo "_s} << QString() << u"eleve.leo"_s;
    }

    void accountAdministration()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, disabled);
        QFETCH(QString, enabled);
        const ConfigOutcome outcome = parseServerArguments(QStringList{u"cartable-server"_s} + arguments);
        QVERIFY2(!outcome.exitNow, qPrintable(outcome.message));
        QCOMPARE(outcome.config.disableAccountLogin, disabled);
        QCOMPARE(outcome.config.enableAccountLogin, enabled);
    }

    void flags()
    {
        const ConfigOutcome outcome = parseServerArguments(
            {u"cartable-server"_s, u"--address"_s, u"::1"_s, u"--port"_s, u"0"_s, u"--database"_s, u"/tmp/x.sqlite"_s,
             u"--max-body-bytes"_s, u"2048"_s, u"--session-hours"_s, u"2"_s, u"--demo"_s});
        QVERIFY2(!outcome.exitNow, qPrintable(outcome.message));
        QCOMPARE(outcome.config.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(outcome.config.port, quint16(0));
        QCOMPARE(outcome.config.database, u"/tmp/x.sqlite"_s);
        QCOMPARE(outcome.config.maxBodyBytes, qint64(2048));
        QCOMPARE(outcome.config.sessionHours, 2);
        QVERIFY(outcome.config.seedDemo);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown flag") << QStringList{u"--bogus"_s};
        QTest::newRow("port too big") << QStringList{u"--port"_s, u"70000"_s};
        QTest::newRow("port not a number") << QStringList{u"--port"_s, u"http"_s};
        QTest::newRow("bad address") << QStringList{u"--address"_s, u"300.1.1.1"_s};
        QTest::newRow("tiny body limit") << QStringList{u"--max-body-bytes"_s, u"10"_s};
        QTest::newRow("zero session") << QStringList{u"--session-hours"_s, u"0"_s};
        QTest::newRow("address limit not a number") << QStringList{u"--login-failures-per-address"_s, u"many"_s};
        QTest::newRow("address limit too high") << QStringList{u"--login-failures-per-address"_s, u"100001"_s};
        QTest::newRow("one failed login per address") << QStringList{u"--login-failed-logins-per-address"_s, u"1"_s};
        QTest::newRow("disable without a login") << QStringList{u"--disable-account"_s, u" "_s};
        QTest::newRow("enable without a login") << QStringList{u"--enable-account"_s, u""_s};
        QTest::newRow("two administration commands")
            << QStringList{u"--disable-account"_s, u"eleve.leo"_s, u"--reset-password"_s, u"eleve.leo"_s};
        QTest::newRow("disable and enable")
            << QStringList{u"--disable-account"_s, u"eleve.leo"_s, u"--enable-account"_s, u"eleve.emma"_s};
        QTest::newRow("zero lockout") << QStringList{u"--login-lockout-minutes"_s, u"0"_s};
        QTest::newRow("bad proxy") << QStringList{u"--trusted-proxy"_s, u"proxy.lan"_s};
        QTest::newRow("positional") << QStringList{u"serve"_s};
        QTest::newRow("missing config file") << QStringList{u"--config"_s, u"/nonexistent/server.conf"_s};
        QTest::newRow("empty blob folder") << QStringList{u"--blob-dir"_s, u""_s};
        QTest::newRow("tiny file limit") << QStringList{u"--blob-max-bytes"_s, u"100"_s};
        QTest::newRow("file limit not a number") << QStringList{u"--blob-max-bytes"_s, u"256M"_s};
        QTest::newRow("negative quota") << QStringList{u"--account-quota-bytes"_s, u"-1"_s};
        QTest::newRow("tiny school quota") << QStringList{u"--establishment-quota-bytes"_s, u"1000"_s};
        QTest::newRow("no grace") << QStringList{u"--blob-grace-hours"_s, u"0"_s};
        QTest::newRow("grace over a year") << QStringList{u"--blob-grace-hours"_s, u"8761"_s};
        QTest::newRow("upload expiry not a number") << QStringList{u"--upload-expiry-hours"_s, u"soon"_s};
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        const ConfigOutcome outcome = parseServerArguments(QStringList{u"cartable-server"_s} + arguments);
        QVERIFY(outcome.exitNow);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(!outcome.message.isEmpty());
    }

    void helpExitsCleanly()
    {
        const ConfigOutcome outcome = parseServerArguments({u"cartable-server"_s, u"--help"_s});
        QVERIFY(outcome.exitNow);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.message.contains(u"--database"_s));
    }

    void configFileThenFlagsOverride()
    {
        const QString path = writeConfig("[server]\naddress=0.0.0.0\nport=9000\ndatabase=/srv/cartable.sqlite\n"
                                         "max_body_bytes=4096\nsession_hours=8\nlogin_failures_per_account=7\n"
                                         "login_failures_per_address=500\nlogin_failed_logins_per_address=40\n"
                                         "login_lockout_minutes=30\n"
                                         "trusted_proxies=10.0.0.1, ::1\n");
        const ConfigOutcome fromFile = parseServerArguments({u"cartable-server"_s, u"--config"_s, path});
        QVERIFY2(!fromFile.exitNow, qPrintable(fromFile.message));
        QCOMPARE(fromFile.config.address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(fromFile.config.port, quint16(9000));
        QCOMPARE(fromFile.config.database, u"/srv/cartable.sqlite"_s);
        QCOMPARE(fromFile.config.maxBodyBytes, qint64(4096));
        QCOMPARE(fromFile.config.sessionHours, 8);
        QCOMPARE(fromFile.config.throttle.failuresPerAccount, 7);
        QCOMPARE(fromFile.config.throttle.failuresPerAddress, 500);
        QCOMPARE(fromFile.config.throttle.loginsPerAddress, 40);
        QCOMPARE(fromFile.config.throttle.lockout, std::chrono::minutes(30));
        QCOMPARE(fromFile.config.trustedProxies,
                 (QList<QHostAddress>{QHostAddress(u"10.0.0.1"_s), QHostAddress(QHostAddress::LocalHostIPv6)}));

        const ConfigOutcome overridden = parseServerArguments(
            {u"cartable-server"_s, u"--config"_s, path, u"--port"_s, u"9100"_s});
        QCOMPARE(overridden.config.port, quint16(9100));
        QCOMPARE(overridden.config.database, u"/srv/cartable.sqlite"_s);
    }

    void badConfigFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("unknown key") << QByteArray("[server]\nprot=80\n");
        QTest::newRow("bad port") << QByteArray("[server]\nport=-1\n");
        QTest::newRow("bad limit") << QByteArray("[server]\nmax_body_bytes=lots\n");
        QTest::newRow("empty database") << QByteArray("[server]\ndatabase=\n");
        QTest::newRow("failure limit of one") << QByteArray("[server]\nlogin_failures_per_account=1\n");
        QTest::newRow("login limit not a number") << QByteArray("[server]\nlogin_failed_logins_per_address=x\n");
        QTest::newRow("login limit too high") << QByteArray("[server]\nlogin_failed_logins_per_address=1001\n");
        QTest::newRow("lockout of a week") << QByteArray("[server]\nlogin_lockout_minutes=10080\n");
        QTest::newRow("empty blob folder") << QByteArray("[server]\nblob_dir=\n");
        QTest::newRow("file limit too high") << QByteArray("[server]\nblob_max_bytes=17179869185\n");
        QTest::newRow("quota not a number") << QByteArray("[server]\naccount_quota_bytes=2G\n");
        QTest::newRow("school quota too low") << QByteArray("[server]\nestablishment_quota_bytes=5\n");
        QTest::newRow("grace of zero") << QByteArray("[server]\nblob_grace_hours=0\n");
        QTest::newRow("expiry too long") << QByteArray("[server]\nupload_expiry_hours=2161\n");
    }

    void badConfigFiles()
    {
        QFETCH(QByteArray, text);
        ServerConfig config;
        const Cartable::Core::Status status = loadConfigFile(writeConfig(text), config);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, Cartable::Core::ErrorCode::ConfigInvalid);
    }

    // Files: where they go, how large, the quotas and the clean-up.
    void fileSettings()
    {
        const ServerConfig defaults
            = parseServerArguments({u"cartable-server"_s, u"--database"_s, u"/srv/c.sqlite"_s}).config;
        QVERIFY(defaults.blobDir.isEmpty());
        QCOMPARE(defaults.blobFolder(), u"/srv/blobs"_s);
        QCOMPARE(defaults.blobs.maxBlobBytes, qint64(256) << 20);
        QCOMPARE(defaults.blobs.accountQuotaBytes, qint64(2) << 30);
        QCOMPARE(defaults.blobs.establishmentQuotaBytes, qint64(200) << 30);
        QCOMPARE(defaults.blobs.grace, std::chrono::hours(168));
        QCOMPARE(defaults.blobs.uploadExpiry, std::chrono::hours(72));
        QVERIFY(!defaults.collectBlobs);

        const QString path = writeConfig("[server]\nblob_dir=/data/files\nblob_max_bytes=1048576\n"
                                         "account_quota_bytes=10485760\nestablishment_quota_bytes=104857600\n"
                                         "blob_grace_hours=24\nupload_expiry_hours=12\n");
        const ConfigOutcome fromFile = parseServerArguments(
            {u"cartable-server"_s, u"--config"_s, path, u"--upload-expiry-hours"_s, u"6"_s, u"--collect-blobs"_s});
        QVERIFY2(!fromFile.exitNow, qPrintable(fromFile.message));
        QCOMPARE(fromFile.config.blobFolder(), u"/data/files"_s);
        QCOMPARE(fromFile.config.blobs.maxBlobBytes, qint64(1048576));
        QCOMPARE(fromFile.config.blobs.accountQuotaBytes, qint64(10485760));
        QCOMPARE(fromFile.config.blobs.establishmentQuotaBytes, qint64(104857600));
        QCOMPARE(fromFile.config.blobs.grace, std::chrono::hours(24));
        QCOMPARE(fromFile.config.blobs.uploadExpiry, std::chrono::hours(6));
        QVERIFY(fromFile.config.collectBlobs);

        const ConfigOutcome flags = parseServerArguments(
            {u"cartable-server"_s, u"--database"_s, u"postgresql://u@h/db"_s, u"--blob-dir"_s, u"/var/files"_s,
             u"--blob-max-bytes"_s, u"2048"_s, u"--account-quota-bytes"_s, u"2097152"_s,
             u"--establishment-quota-bytes"_s, u"4194304"_s, u"--blob-grace-hours"_s, u"1"_s});
        QVERIFY2(!flags.exitNow, qPrintable(flags.message));
        QCOMPARE(flags.config.blobFolder(), u"/var/files"_s);
        QCOMPARE(flags.config.blobs.maxBlobBytes, qint64(2048));
        QCOMPARE(flags.config.blobs.accountQuotaBytes, qint64(2097152));
        QCOMPARE(flags.config.blobs.establishmentQuotaBytes, qint64(4194304));
        QCOMPARE(flags.config.blobs.grace, std::chrono::hours(1));
    }

    // PostgreSQL has no folder of its own: serving needs blob_dir, an
    // administration command does not.
    void postgresNeedsABlobFolder()
    {
        const ConfigOutcome serving = parseServerArguments(
            {u"cartable-server"_s, u"--database"_s, u"postgresql://u@h/db"_s});
        QVERIFY(serving.exitNow);
        QCOMPARE(serving.exitCode, 2);
        QVERIFY(serving.message.contains(u"blob_dir"_s));
        const ConfigOutcome admin = parseServerArguments(
            {u"cartable-server"_s, u"--database"_s, u"postgresql://u@h/db"_s, u"--reset-password"_s, u"eleve.leo"_s});
        QVERIFY2(!admin.exitNow, qPrintable(admin.message));
    }

    // The deadlines and the cap of connections (docs/SECURITY.md).
    void connectionLimits()
    {
        const ServerConfig defaults = parseServerArguments({u"cartable-server"_s}).config;
        QCOMPARE(defaults.connections.headerTimeout, std::chrono::seconds(10));
        QCOMPARE(defaults.connections.bodyTimeout, std::chrono::seconds(30));
        QCOMPARE(defaults.connections.idleTimeout, std::chrono::seconds(60));
        QCOMPARE(defaults.connections.maxPerAddress, 256);

        const QString path = writeConfig("[server]\nheader_timeout_seconds=5\nbody_timeout_seconds=120\n"
                                         "idle_timeout_seconds=15\nmax_connections_per_address=2000\n");
        const ConfigOutcome fromFile = parseServerArguments(
            {u"cartable-server"_s, u"--config"_s, path, u"--idle-timeout-seconds"_s, u"2"_s});
        QVERIFY2(!fromFile.exitNow, qPrintable(fromFile.message));
        QCOMPARE(fromFile.config.connections.headerTimeout, std::chrono::seconds(5));
        QCOMPARE(fromFile.config.connections.bodyTimeout, std::chrono::seconds(120));
        QCOMPARE(fromFile.config.connections.idleTimeout, std::chrono::seconds(2));
        QCOMPARE(fromFile.config.connections.maxPerAddress, 2000);

        const ConfigOutcome flags = parseServerArguments({u"cartable-server"_s, u"--header-timeout-seconds"_s, u"1"_s,
                                                          u"--body-timeout-seconds"_s, u"3600"_s,
                                                          u"--max-connections-per-address"_s, u"1"_s});
        QVERIFY2(!flags.exitNow, qPrintable(flags.message));
        QCOMPARE(flags.config.connections.headerTimeout, std::chrono::seconds(1));
        QCOMPARE(flags.config.connections.bodyTimeout, std::chrono::seconds(3600));
        QCOMPARE(flags.config.connections.maxPerAddress, 1);

        const QList<QStringList> bad{
            {u"--header-timeout-seconds"_s, u"0"_s},       {u"--header-timeout-seconds"_s, u"601"_s},
            {u"--body-timeout-seconds"_s, u"3601"_s},      {u"--idle-timeout-seconds"_s, u"soon"_s},
            {u"--max-connections-per-address"_s, u"0"_s},  {u"--max-connections-per-address"_s, u"100001"_s},
            {u"--max-connections-per-address"_s, u"-5"_s},
        };
        for (const QStringList &arguments : bad) {
            const ConfigOutcome outcome = parseServerArguments(QStringList{u"cartable-server"_s} + arguments);
            QVERIFY2(outcome.exitNow && outcome.exitCode == 2, qPrintable(arguments.join(u' ')));
        }
        for (const QByteArray &text :
             {QByteArray("[server]\nheader_timeout_seconds=0\n"), QByteArray("[server]\nbody_timeout_seconds=1.5\n"),
              QByteArray("[server]\nidle_timeout_seconds=86400\n"),
              QByteArray("[server]\nmax_connections_per_address=many\n")}) {
            ServerConfig config;
            const Cartable::Core::Status status = loadConfigFile(writeConfig(text), config);
            QVERIFY2(!status.ok(), text.constData());
            QCOMPARE(status.error().code, Cartable::Core::ErrorCode::ConfigInvalid);
        }
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
