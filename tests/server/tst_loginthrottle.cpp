// The sign-in throttle's counts on the server's own database, on the backend
// named by CARTABLE_TEST_BACKEND, at times the tests choose: per login, per
// address over different logins, and a ceiling per address.

#include "server/loginthrottle.h"
#include "server/serverdatabase.h"

#include "tests/support/testdatabase.h"

#include <QSqlQuery>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_database;
    QSqlDatabase m_db;
    const QDateTime m_start = QDateTime(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC);
    int m_addresses = 0;

    // Each test on an address of its own.
    QString nextAddress() { return u"192.0.2.%1"_s.arg(++m_addresses); }

    qint64 locked(const LoginThrottle &throttle, const QString &login, const QString &address, const QDateTime &at)
    {
        const Core::Result<qint64> seconds = throttle.secondsLocked(login, address, at);
        if (!seconds)
            qFatal("secondsLocked failed: %s", qPrintable(seconds.error().context));
        return *seconds;
    }

    static void fail(LoginThrottle &throttle, const QString &login, const QString &address, const QDateTime &at)
    {
        const Core::Status counted = throttle.recordFailure(login, address, at);
        if (!counted)
            qFatal("recordFailure failed: %s", qPrintable(counted.error().context));
    }

    int rowCount()
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"SELECT count(*) FROM login_throttle"_s) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = std::make_unique<Test::TestDatabase>(Test::backendFromEnvironment());
        QVERIFY2(m_database->create(), qPrintable(m_database->errorString()));
        Core::Result<QSqlDatabase> db = openServerDatabase(m_database->spec(), u"throttle"_s);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().context));
        m_db = *db;
    }

    void cleanupTestCase()
    {
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"throttle"_s);
    }

    void defaults()
    {
        const ThrottlePolicy policy;
        QCOMPARE(policy.failuresPerAccount, 5);
        QCOMPARE(policy.loginsPerAddress, 30);
        QCOMPARE(policy.failuresPerAddress, 200);
        QCOMPARE(policy.lockout, std::chrono::minutes(15));
    }

    // One login failing a hundred times from a school's address locks that
    // login, from everywhere, and leaves the address open to the others.
    void oneLoginLocksOnlyItself()
    {
        LoginThrottle throttle(m_db, ThrottlePolicy{});
        const QString school = nextAddress();
        for (int i = 0; i < 4; ++i)
            fail(throttle, u"eleve.leo"_s, school, m_start);
        QCOMPARE(locked(throttle, u"eleve.leo"_s, school, m_start), 0);
        fail(throttle, u"eleve.leo"_s, school, m_start);
        QCOMPARE(locked(throttle, u"eleve.leo"_s, school, m_start), 15 * 60);
        QCOMPARE(locked(throttle, u"ELEVE.LEO"_s, nextAddress(), m_start), 15 * 60);
        for (int i = 0; i < 95; ++i)
            fail(throttle, u"eleve.leo"_s, school, m_start);
        QCOMPARE(locked(throttle, u"eleve.emma"_s, school, m_start), 0);
        QCOMPARE(locked(throttle, u"eleve.leo"_s, school, m_start.addSecs(15 * 60)), 0);
    }

    void differentLoginsLockTheAddress()
    {
        LoginThrottle throttle(m_db, ThrottlePolicy{});
        const QString address = nextAddress();
        for (int i = 0; i < 29; ++i) {
            // The same login twice counts once.
            fail(throttle, u"spray%1"_s.arg(i), address, m_start);
            fail(throttle, u"SPRAY%1"_s.arg(i), address, m_start.addSecs(1));
        }
        QCOMPARE(locked(throttle, u"prof.martin"_s, address, m_start.addSecs(2)), 0);
        fail(throttle, u"spray29"_s, address, m_start.addSecs(60));
        QCOMPARE(locked(throttle, u"prof.martin"_s, address, m_start.addSecs(60)), 15 * 60);
        // Not the logins themselves: each failed once or twice.
        QCOMPARE(locked(throttle, u"prof.martin"_s, nextAddress(), m_start.addSecs(60)), 0);
        QCOMPARE(locked(throttle, u"prof.martin"_s, address, m_start.addSecs(60 + 15 * 60)), 0);
    }

    // A login counts for the address while its last failure is within the
    // window.
    void differentLoginsCountWithinTheWindow()
    {
        LoginThrottle throttle(m_db, ThrottlePolicy{});
        const QString address = nextAddress();
        for (int i = 0; i < 20; ++i)
            fail(throttle, u"early%1"_s.arg(i), address, m_start);
        // Failing again keeps one of them in the count.
        fail(throttle, u"early0"_s, address, m_start.addSecs(10 * 60));
        const QDateTime later = m_start.addSecs(16 * 60);
        for (int i = 0; i < 28; ++i)
            fail(throttle, u"late%1"_s.arg(i), address, later);
        QCOMPARE(locked(throttle, u"prof.martin"_s, address, later), 0);
        fail(throttle, u"late28"_s, address, later);
        QCOMPARE(locked(throttle, u"prof.martin"_s, address, later), 15 * 60);
    }

    // A login that signs in at last was its owner's typing: it leaves the
    // address's count.
    void successTakesTheLoginOffTheAddress()
    {
        LoginThrottle throttle(m_db, ThrottlePolicy{});
        const QString address = nextAddress();
        for (int i = 0; i < 29; ++i)
            fail(throttle, u"eleve%1"_s.arg(i), address, m_start);
        QVERIFY(throttle.recordSuccess(u"eleve3"_s, address).ok());
        fail(throttle, u"eleve29"_s, address, m_start);
        QCOMPARE(locked(throttle, u"eleve30"_s, address, m_start), 0);
        fail(throttle, u"eleve30"_s, address, m_start);
        QCOMPARE(locked(throttle, u"eleve31"_s, address, m_start), 15 * 60);
    }

    void successClearsTheLoginCount()
    {
        LoginThrottle throttle(m_db, ThrottlePolicy{});
        for (int i = 0; i < 4; ++i)
            fail(throttle, u"direction.leroy"_s, nextAddress(), m_start);
        QVERIFY(throttle.recordSuccess(u"direction.leroy"_s, nextAddress()).ok());
        for (int i = 0; i < 4; ++i)
            fail(throttle, u"direction.leroy"_s, nextAddress(), m_start);
        QCOMPARE(locked(throttle, u"direction.leroy"_s, nextAddress(), m_start), 0);
        QVERIFY(throttle.clearLogin(u"direction.leroy"_s).ok());
    }

    // The ceiling per address, whatever the logins.
    void failuresOfAnyLoginsLockTheAddress()
    {
        ThrottlePolicy policy;
        policy.failuresPerAccount = 1000;
        policy.failuresPerAddress = 20;
        LoginThrottle throttle(m_db, policy);
        const QString address = nextAddress();
        for (int i = 0; i < 19; ++i)
            fail(throttle, u"machine"_s, address, m_start);
        QCOMPARE(locked(throttle, u"someone.else"_s, address, m_start), 0);
        fail(throttle, u"machine"_s, address, m_start);
        QCOMPARE(locked(throttle, u"someone.else"_s, address, m_start), 15 * 60);
        QCOMPARE(locked(throttle, u"machine"_s, nextAddress(), m_start), 0);
    }

    void limitsAreSettings()
    {
        ThrottlePolicy policy;
        policy.failuresPerAccount = 3;
        policy.loginsPerAddress = 4;
        policy.lockout = std::chrono::minutes(30);
        LoginThrottle throttle(m_db, policy);
        const QString address = nextAddress();
        for (int i = 0; i < 3; ++i)
            fail(throttle, u"settings%1"_s.arg(i), address, m_start);
        QCOMPARE(locked(throttle, u"other"_s, address, m_start), 0);
        fail(throttle, u"settings3"_s, address, m_start);
        QCOMPARE(locked(throttle, u"other"_s, address, m_start), 30 * 60);
        for (int i = 0; i < 3; ++i)
            fail(throttle, u"settings.account"_s, nextAddress(), m_start);
        QCOMPARE(locked(throttle, u"settings.account"_s, nextAddress(), m_start.addSecs(29 * 60)), 60);
    }

    // Rows that count nothing any more go at the next failure.
    void staleRowsAreForgotten()
    {
        LoginThrottle throttle(m_db, ThrottlePolicy{});
        const QDateTime muchLater = m_start.addDays(1);
        fail(throttle, u"last"_s, nextAddress(), muchLater);
        // Its login's, its address's and the pair's rows: nothing older.
        QCOMPARE(rowCount(), 3);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
