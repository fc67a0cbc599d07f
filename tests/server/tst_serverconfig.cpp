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
        QTest::newRow("zero lockout") << QStringList{u"--login-lockout-minutes"_s, u"0"_s};
        QTest::newRow("bad proxy") << QStringList{u"--trusted-proxy"_s, u"proxy.lan"_s};
        QTest::newRow("positional") << QStringList{u"serve"_s};
        QTest::newRow("missing config file") << QStringList{u"--config"_s, u"/nonexistent/server.conf"_s};
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
                                         "login_failures_per_address=50\nlogin_lockout_minutes=30\n"
                                         "trusted_proxies=10.0.0.1, ::1\n");
        const ConfigOutcome fromFile = parseServerArguments({u"cartable-server"_s, u"--config"_s, path});
        QVERIFY2(!fromFile.exitNow, qPrintable(fromFile.message));
        QCOMPARE(fromFile.config.address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(fromFile.config.port, quint16(9000));
        QCOMPARE(fromFile.config.database, u"/srv/cartable.sqlite"_s);
        QCOMPARE(fromFile.config.maxBodyBytes, qint64(4096));
        QCOMPARE(fromFile.config.sessionHours, 8);
        QCOMPARE(fromFile.config.throttle.failuresPerAccount, 7);
        QCOMPARE(fromFile.config.throttle.failuresPerAddress, 50);
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
        QTest::newRow("lockout of a week") << QByteArray("[server]\nlogin_lockout_minutes=10080\n");
    }

    void badConfigFiles()
    {
        QFETCH(QByteArray, text);
        ServerConfig config;
        const Cartable::Core::Status status = loadConfigFile(writeConfig(text), config);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, Cartable::Core::ErrorCode::ConfigInvalid);
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
