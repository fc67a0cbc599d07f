// The real OS keychain (Secret Service through QtKeychain). Runs under
// tests/support/with-keyring.sh, which starts a private D-Bus session with an
// unlocked gnome-keyring, or reports the test as skipped.

#include "sync/keychaincredentialstore.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;

class TestKeychainCredentialStore : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static Core::Result<T> wait(std::function<void(std::function<void(Core::Result<T>)>)> call)
    {
        std::optional<Core::Result<T>> outcome;
        call([&outcome](Core::Result<T> result) { outcome.emplace(std::move(result)); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000))
            return Core::Error{Core::ErrorCode::Internal, u"the keychain did not answer"_s};
        return *outcome;
    }

    Core::Status write(const QString &key, const QByteArray &secret)
    {
        return wait<void>([&](auto done) { m_store->write(key, secret, done); });
    }
    Core::Result<QByteArray> read(const QString &key)
    {
        return wait<QByteArray>([&](auto done) { m_store->read(key, done); });
    }
    Core::Status remove(const QString &key)
    {
        return wait<void>([&](auto done) { m_store->remove(key, done); });
    }

    std::unique_ptr<Sync::KeychainCredentialStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run under tests/support/with-keyring.sh, which provides a session bus");
        m_store = std::make_unique<Sync::KeychainCredentialStore>(u"Cartable tests"_s);
    }

    void writeReadRemove()
    {
        const QString key = u"prof.martin@http://127.0.0.1:8470"_s;
        const QByteArray secret = "s3cr3t-T0ken_value-with-more-than-forty-characters";
        const Core::Status written = write(key, secret);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().context));
        QCOMPARE(read(key).value(), secret);

        QVERIFY(remove(key).ok());
        const Core::Result<QByteArray> gone = read(key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, Core::ErrorCode::NotFound);
        // Removing again is not an error.
        QVERIFY(remove(key).ok());
    }

    void keysAreIndependent()
    {
        QVERIFY(write(u"a@http://one"_s, "first").ok());
        QVERIFY(write(u"a@http://two"_s, "second").ok());
        QVERIFY(write(u"a@http://one"_s, "first, replaced").ok());
        QCOMPARE(read(u"a@http://one"_s).value(), QByteArray("first, replaced"));
        QCOMPARE(read(u"a@http://two"_s).value(), QByteArray("second"));
        QVERIFY(remove(u"a@http://one"_s).ok());
        QVERIFY(remove(u"a@http://two"_s).ok());
    }

    void secretIsInNoPlainFile()
    {
        const QByteArray secret = "plain-file-canary-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(write(u"canary"_s, secret).ok());
        QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.size() > 16 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
        }
        QVERIFY(remove(u"canary"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychainCredentialStore)
#include "tst_keychaincredentialstore.moc"
