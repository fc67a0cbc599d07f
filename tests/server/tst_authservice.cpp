// Sign-in and sessions on the server's own database, on the backend named by
// CARTABLE_TEST_BACKEND (SQLite or PostgreSQL).

#include "server/accountstore.h"
#include "server/authservice.h"
#include "server/demodata.h"
#include "server/loginthrottle.h"
#include "server/passwordhasher.h"
#include "server/serverdatabase.h"
#include "server/sessionstore.h"

#include "tests/support/testdatabase.h"

#include "core/sqlstatement.h"

#include <QSqlQuery>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;

class TestAuthService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Test::TestDatabase> m_database;
    QSqlDatabase m_db;
    std::unique_ptr<AccountStore> m_store;
    PasswordHasher m_hasher;
    QDateTime m_now = QDateTime(QDate(2026, 9, 1), QTime(8, 0), Qt::UTC);
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<AuthService> m_auth;
    int m_addresses = 0;

    // A new client address for each attempt, unless a test wants one shared.
    QString nextAddress() { return u"192.0.2.%1"_s.arg(++m_addresses); }

    Core::LoginRequest request(const QString &login, const QString &password = QString::fromUtf16(kDemoPassword))
    {
        return Core::LoginRequest{login, password};
    }

    static QByteArray bearer(const QString &token) { return "Bearer " + token.toLatin1(); }

    int sessionCount()
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"SELECT count(*) FROM auth_session"_s) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_database = std::make_unique<Test::TestDatabase>(Test::backendFromEnvironment());
        QVERIFY2(m_database->create(), qPrintable(m_database->errorString()));
        Core::Result<QSqlDatabase> db = openServerDatabase(m_database->spec(), u"auth"_s);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().context));
        m_db = *db;
        m_store = std::make_unique<AccountStore>(m_db);
        QCOMPARE(seedDemoData(*m_store, m_hasher).value(), true);
        // A second run finds the data and leaves it alone.
        QCOMPARE(seedDemoData(*m_store, m_hasher).value(), false);
        m_throttle = std::make_unique<LoginThrottle>(m_db, ThrottlePolicy{});
        m_sessions = std::make_unique<SessionStore>(m_db);
        m_auth = std::make_unique<AuthService>(*m_store, *m_sessions, m_hasher, *m_throttle,
                                               SessionLifetimes{std::chrono::minutes(15), std::chrono::hours(24 * 30)},
                                               [this] { return m_now; });
    }

    void cleanupTestCase()
    {
        m_auth.reset();
        m_throttle.reset();
        m_sessions.reset();
        m_store.reset();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"auth"_s);
    }

    void migrationsAreIdempotent()
    {
        QCOMPARE(serverMigrator().currentVersion(m_db).value(), serverMigrator().latestVersion());
        QCOMPARE(serverMigrator().migrate(m_db).value(), serverMigrator().latestVersion());
    }

    void everyDemoAccountHasItsRoles()
    {
        for (const DemoAccount &demo : demoAccounts()) {
            const auto account = m_store->findByLogin(demo.login).value();
            QVERIFY2(account.has_value(), qPrintable(demo.login));
            const Core::UserProfile profile = m_store->profile(account->id).value();
            QCOMPARE(profile.displayName, demo.displayName);
            QCOMPARE(profile.assignments.size(), demo.roles.size());
            for (const Core::RoleAssignment &assignment : profile.assignments)
                QVERIFY(Core::isValidUai(assignment.establishment.uai));
        }
    }

    void signInCreatesAHashedSession()
    {
        const Core::LoginResponse response = m_auth->login(request(u"prof.martin"_s), nextAddress()).value();
        QCOMPARE(response.tokens.accessExpiresAt, m_now.addSecs(15 * 60));
        QCOMPARE(response.tokens.refreshExpiresAt, m_now.addDays(30));
        QVERIFY(response.tokens.accessToken != response.tokens.refreshToken);
        QCOMPARE(response.user.displayName, u"Claire Martin"_s);

        // Only hashes are stored.
        QSqlQuery query(m_db);
        QVERIFY(query.exec(u"SELECT token_hash FROM auth_token"_s));
        int tokens = 0;
        while (query.next()) {
            ++tokens;
            QVERIFY(query.value(0).toString() != response.tokens.accessToken);
            QVERIFY(query.value(0).toString() != response.tokens.refreshToken);
        }
        QVERIFY(tokens >= 2);

        const AuthContext caller = m_auth->authenticate(bearer(response.tokens.accessToken)).value();
        QCOMPARE(caller.accountId, response.user.id);
        // A refresh token is no access token.
        QCOMPARE(m_auth->authenticate(bearer(response.tokens.refreshToken)).error().code,
                 Core::ErrorCode::SessionExpired);
    }

    void accessTokensExpireAndRefreshRotates()
    {
        const QDateTime start = m_now;
        const Core::SessionTokens first = m_auth->login(request(u"eleve.leo"_s), nextAddress()).value().tokens;
        m_now = start.addSecs(15 * 60 + 1);
        QCOMPARE(m_auth->authenticate(bearer(first.accessToken)).error().code, Core::ErrorCode::SessionExpired);

        const Core::SessionTokens second = m_auth->refresh({first.refreshToken}).value();
        QVERIFY(second.accessToken != first.accessToken);
        QVERIFY(second.refreshToken != first.refreshToken);
        // The session's end does not move with refreshes.
        QCOMPARE(second.refreshExpiresAt, first.refreshExpiresAt);
        QVERIFY(m_auth->authenticate(bearer(second.accessToken)).ok());
        QVERIFY(m_auth->refresh({second.refreshToken}).ok());
        m_now = start;
    }

    void reusedRefreshTokenRevokesTheSession()
    {
        const Core::SessionTokens first = m_auth->login(request(u"eleve.emma"_s), nextAddress()).value().tokens;
        const Core::SessionTokens second = m_auth->refresh({first.refreshToken}).value();
        // Somebody presents the spent token again: both holders lose the session.
        const Core::Result<Core::SessionTokens> replay = m_auth->refresh({first.refreshToken});
        QCOMPARE(replay.error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->authenticate(bearer(second.accessToken)).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->refresh({second.refreshToken}).error().code, Core::ErrorCode::SessionExpired);
    }

    void sessionsEnd()
    {
        const QDateTime start = m_now;
        const Core::SessionTokens tokens = m_auth->login(request(u"cpe.petit"_s), nextAddress()).value().tokens;
        m_now = start.addDays(30).addSecs(1);
        QCOMPARE(m_auth->refresh({tokens.refreshToken}).error().code, Core::ErrorCode::SessionExpired);
        // The next sign-in sweeps ended sessions away.
        QVERIFY(m_auth->login(request(u"cpe.petit"_s), nextAddress()).ok());
        QSqlQuery query(m_db);
        query.prepare(u"SELECT count(*) FROM auth_session WHERE expires_at <= ?"_s);
        query.addBindValue(m_now.toMSecsSinceEpoch());
        QVERIFY(query.exec() && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        m_now = start;
    }

    void logoutEndsOnlyThatSession()
    {
        const Core::SessionTokens first = m_auth->login(request(u"parent.dubois"_s), nextAddress()).value().tokens;
        const Core::SessionTokens second = m_auth->login(request(u"parent.dubois"_s), nextAddress()).value().tokens;
        QVERIFY(m_auth->logout(m_auth->authenticate(bearer(first.accessToken)).value()).ok());
        QCOMPARE(m_auth->authenticate(bearer(first.accessToken)).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->refresh({first.refreshToken}).error().code, Core::ErrorCode::SessionExpired);
        QVERIFY(m_auth->authenticate(bearer(second.accessToken)).ok());
    }

    void resetThenChangePassword()
    {
        // prof.martin: no later test signs in with the demo password.
        const QString login = u"prof.martin"_s;
        const Core::SessionTokens before = m_auth->login(request(login), nextAddress()).value().tokens;
        QVERIFY(!before.passwordChangeRequired);

        const QString temporary = m_auth->resetPassword(login).value();
        // The reset ends every session, and the old password.
        QCOMPARE(m_auth->authenticate(bearer(before.accessToken)).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->login(request(login), nextAddress()).error().code, Core::ErrorCode::InvalidCredentials);

        const Core::LoginResponse first = m_auth->login(request(login, temporary), nextAddress()).value();
        QVERIFY(first.tokens.passwordChangeRequired);
        const AuthContext caller = m_auth->authenticate(bearer(first.tokens.accessToken)).value();
        QVERIFY(caller.mustChangePassword);
        // The flag survives a refresh.
        const Core::SessionTokens refreshed = m_auth->refresh({first.tokens.refreshToken}).value();
        QVERIFY(refreshed.passwordChangeRequired);
        const AuthContext current = m_auth->authenticate(bearer(refreshed.accessToken)).value();

        QCOMPARE(m_auth->changePassword(current, {u"not the temporary"_s, u"Nouveau-mot-2026"_s}, nextAddress())
                     .error()
                     .code,
                 Core::ErrorCode::InvalidCredentials);
        const auto weak = m_auth->changePassword(current, {temporary, u"court"_s}, nextAddress());
        QCOMPARE(weak.error().code, Core::ErrorCode::WeakPassword);
        QCOMPARE(weak.error().context, u"too_short"_s);

        const Core::LoginResponse changed
            = m_auth->changePassword(current, {temporary, u"Nouveau-mot-2026"_s}, nextAddress()).value();
        QVERIFY(!changed.tokens.passwordChangeRequired);
        QCOMPARE(changed.user.login, login);
        QVERIFY(!m_auth->authenticate(bearer(changed.tokens.accessToken)).value().mustChangePassword);
        // The session that asked for the change is replaced; the temporary password is dead.
        QCOMPARE(m_auth->authenticate(bearer(refreshed.accessToken)).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->login(request(login, temporary), nextAddress()).error().code,
                 Core::ErrorCode::InvalidCredentials);
        QVERIFY(m_auth->login(request(login, u"Nouveau-mot-2026"_s), nextAddress()).ok());
        QCOMPARE(m_auth->resetPassword(u"nobody"_s).error().code, Core::ErrorCode::NotFound);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << u"prof.martin"_s << u"Cartable"_s;
        QTest::newRow("unknown login") << u"prof.nobody"_s << u"cartable"_s;
        QTest::newRow("login case differs") << u"PROF.MARTIN"_s << u"cartable"_s;
    }

    void refusals()
    {
        QFETCH(QString, login);
        QFETCH(QString, password);
        const int before = sessionCount();
        const Core::Result<Core::LoginResponse> response = m_auth->login(request(login, password), nextAddress());
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, Core::ErrorCode::InvalidCredentials);
        QCOMPARE(sessionCount(), before);
    }

    void accountLocksAfterFiveFailures()
    {
        const QDateTime start = m_now;
        const QString login = u"direction.leroy"_s;
        for (int i = 0; i < 5; ++i) {
            const auto refused = m_auth->login(request(login, u"guess-%1"_s.arg(i)), nextAddress());
            QCOMPARE(refused.error().code, Core::ErrorCode::InvalidCredentials);
        }
        // Locked now, even with the right password, from any address.
        const auto locked = m_auth->login(request(login), nextAddress());
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, Core::ErrorCode::TooManyAttempts);
        QCOMPARE(locked.error().context, u"900"_s);

        m_now = start.addSecs(10 * 60);
        QCOMPARE(m_auth->login(request(login), nextAddress()).error().context, u"300"_s);
        m_now = start.addSecs(15 * 60 + 1);
        QVERIFY(m_auth->login(request(login), nextAddress()).ok());
        m_now = start;
    }

    // A spray over many logins from one address locks the address, once 30
    // different logins have failed there.
    void addressLocksAfterThirtyDifferentLogins()
    {
        const QString address = u"198.51.100.7"_s;
        for (int i = 0; i < 29; ++i) {
            QCOMPARE(m_auth->login(request(u"nobody%1"_s.arg(i), u"x"_s), address).error().code,
                     Core::ErrorCode::InvalidCredentials);
        }
        QVERIFY(m_auth->login(request(u"secretariat.bernard"_s), address).ok());
        QCOMPARE(m_auth->login(request(u"nobody29"_s, u"x"_s), address).error().code,
                 Core::ErrorCode::InvalidCredentials);
        const auto locked = m_auth->login(request(u"secretariat.bernard"_s), address);
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, Core::ErrorCode::TooManyAttempts);
        QCOMPARE(locked.error().context, u"900"_s);
        // The account itself is not locked: from elsewhere it signs in.
        QVERIFY(m_auth->login(request(u"secretariat.bernard"_s), u"198.51.100.8"_s).ok());
    }

    // A school behind one NAT address: a pupil who gets his password wrong
    // a hundred times locks his own login, never the others'. (An unknown
    // login counts as a real one does.)
    void oneLoginFailingOftenLeavesTheAddressOpen()
    {
        const QString school = u"203.0.113.50"_s;
        for (int i = 0; i < 100; ++i) {
            const auto refused = m_auth->login(request(u"eleve.distrait"_s, u"oubli-%1"_s.arg(i)), school);
            QCOMPARE(refused.error().code,
                     i < 5 ? Core::ErrorCode::InvalidCredentials : Core::ErrorCode::TooManyAttempts);
        }
        for (const QString &other : {u"eleve.leo"_s, u"eleve.emma"_s, u"parent.dubois"_s})
            QVERIFY2(m_auth->login(request(other), school).ok(), qPrintable(other));
    }

    void successClearsTheAccountCount()
    {
        const QString login = u"eleve.emma"_s;
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_auth->login(request(login, u"x"_s), nextAddress()).ok());
        QVERIFY(m_auth->login(request(login), nextAddress()).ok());
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_auth->login(request(login, u"x"_s), nextAddress()).ok());
        QVERIFY(m_auth->login(request(login), nextAddress()).ok());
    }

    void oldFailuresAreForgotten()
    {
        const QDateTime start = m_now;
        const QString login = u"collectivite.moreau"_s;
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_auth->login(request(login, u"x"_s), nextAddress()).ok());
        m_now = start.addSecs(16 * 60);
        for (int i = 0; i < 4; ++i)
            QVERIFY(!m_auth->login(request(login, u"x"_s), nextAddress()).ok());
        QVERIFY(m_auth->login(request(login), nextAddress()).ok());
        m_now = start;
    }

    // Locked, a login that exists answers as one that does not; before the
    // lock both answer as a wrong password: nobody learns which logins exist.
    void lockedAndUnknownLoginsAnswerAlike()
    {
        const QDateTime start = m_now;
        const QStringList logins{u"collectivite.moreau"_s, u"collectivite.inconnu"_s};
        for (const QString &login : logins) {
            for (int i = 0; i < 5; ++i) {
                QCOMPARE(m_auth->login(request(login, u"x"_s), nextAddress()).error().code,
                         Core::ErrorCode::InvalidCredentials);
            }
        }
        const auto known = m_auth->login(request(logins.at(0)), nextAddress());
        const auto unknown = m_auth->login(request(logins.at(1)), nextAddress());
        QVERIFY(!known.ok() && !unknown.ok());
        QCOMPARE(known.error().code, Core::ErrorCode::TooManyAttempts);
        QCOMPARE(unknown.error().code, known.error().code);
        QCOMPARE(unknown.error().context, known.error().context);
        m_now = start.addSecs(15 * 60 + 1);
        QVERIFY(m_auth->login(request(logins.at(0)), nextAddress()).ok());
        m_now = start;
    }

    // A disabled account: its right password learns that it may not sign
    // in, a wrong one learns nothing, and a session it still has is over,
    // on every authenticated request and at refresh. Here the flag is set
    // by hand, as if the sessions had not ended with it.
    void disabledAccountIsRefusedEverywhere()
    {
        const QString login = u"cpe.petit"_s;
        const QString accountId = m_store->findByLogin(login).value()->id;
        const Core::SessionTokens tokens = m_auth->login(request(login), nextAddress()).value().tokens;
        QVERIFY(m_auth->authenticate(bearer(tokens.accessToken)).ok());
        QVERIFY(m_store->findByLogin(login).value()->disabled == false);
        QSqlQuery query(m_db);
        QVERIFY(Core::execPrepared(query, u"UPDATE account SET disabled = 1 WHERE id = ?"_s, accountId));
        QVERIFY(m_store->findByLogin(login).value()->disabled);

        // The session's row is still open, and refused all the same.
        QVERIFY(m_sessions->liveSessionCount(accountId, m_now).value() > 0);
        QCOMPARE(m_auth->authenticate(bearer(tokens.accessToken)).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->refresh({tokens.refreshToken}).error().code, Core::ErrorCode::SessionExpired);
        // The refresh ended it: enabled again, this session does not come back.
        const int sessionsLeft = m_sessions->liveSessionCount(accountId, m_now).value();

        const auto right = m_auth->login(request(login), nextAddress());
        QVERIFY(!right.ok());
        QCOMPARE(right.error().code, Core::ErrorCode::AccountDisabled);
        QCOMPARE(m_auth->login(request(login, u"not-the-password"_s), nextAddress()).error().code,
                 Core::ErrorCode::InvalidCredentials);

        QCOMPARE(m_auth->setDisabled(login, false).value(), true);
        QCOMPARE(m_auth->setDisabled(login, false).value(), false);
        QCOMPARE(m_auth->authenticate(bearer(tokens.accessToken)).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_sessions->liveSessionCount(accountId, m_now).value(), sessionsLeft);
        const Core::SessionTokens again = m_auth->login(request(login), nextAddress()).value().tokens;
        QVERIFY(m_auth->authenticate(bearer(again.accessToken)).ok());
        QVERIFY(m_auth->refresh({again.refreshToken}).ok());
    }

    // The administrator's --disable-account: every session ends at once;
    // --enable-account lets the account sign in again.
    void administratorDisablesAndEnables()
    {
        const QString login = u"cpe.petit"_s;
        const QString accountId = m_store->findByLogin(login).value()->id;
        const Core::SessionTokens tokens = m_auth->login(request(login), nextAddress()).value().tokens;
        QVERIFY(m_sessions->liveSessionCount(accountId, m_now).value() > 0);

        QCOMPARE(m_auth->setDisabled(login, true).value(), true);
        QCOMPARE(m_sessions->liveSessionCount(accountId, m_now).value(), 0);
        QCOMPARE(m_auth->authenticate(bearer(tokens.accessToken)).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->refresh({tokens.refreshToken}).error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(m_auth->login(request(login), nextAddress()).error().code, Core::ErrorCode::AccountDisabled);
        QCOMPARE(m_auth->setDisabled(login, true).value(), false);
        QCOMPARE(m_auth->setDisabled(u"nobody"_s, true).error().code, Core::ErrorCode::NotFound);

        QCOMPARE(m_auth->setDisabled(login, false).value(), true);
        QVERIFY(!m_store->findByLogin(login).value()->disabled);
        QVERIFY(m_auth->login(request(login), nextAddress()).ok());
    }

    void storeRefusesBadEstablishments()
    {
        const Core::Status status = m_store->createEstablishment({u"x"_s, u"0751234A"_s, u"Faux lycée"_s});
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, Core::ErrorCode::InvalidField);
        // A duplicate UAI is a database error, and changes nothing.
        QVERIFY(!m_store->createEstablishment({u"y"_s, u"0751234J"_s, u"Doublon"_s}).ok());
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestAuthService)
#include "tst_authservice.moc"
