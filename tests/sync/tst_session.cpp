// The client session against a real cartable-server process.

#include "sync/apiclient.h"
#include "sync/connectivitymonitor.h"
#include "sync/credentialstore.h"
#include "sync/memorycredentialstore.h"
#include "sync/session.h"

#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cartable::Core::Error)
Q_DECLARE_METATYPE(Cartable::Core::UserProfile)

class TestSession : public QObject
{
    Q_OBJECT

private:
    struct Client
    {
        QNetworkAccessManager network;
        Sync::ApiClient api{&network};
        Sync::MemoryCredentialStore store;
        Sync::Session session{&api, &store};
    };

    static QString demoPassword() { return QString::fromUtf16(kDemoPassword); }
    static QString teacher() { return QString::fromUtf16(kTeacherLogin); }

    // Runs an attempt and waits for its outcome; returns the error, if any.
    static std::optional<Core::Error> waitForSignIn(Sync::Session &session)
    {
        QSignalSpy ok(&session, &Sync::Session::signedIn);
        QSignalSpy failed(&session, &Sync::Session::signInFailed);
        if (!QTest::qWaitFor([&] { return !ok.isEmpty() || !failed.isEmpty(); }, 30'000))
            return Core::Error{Core::ErrorCode::Internal, u"no answer"_s};
        if (!failed.isEmpty())
            return failed.constFirst().constFirst().value<Core::Error>();
        return std::nullopt;
    }

    static bool waitForSignOut(Sync::Session &session)
    {
        QSignalSpy done(&session, &Sync::Session::signedOut);
        return done.wait(30'000);
    }

    // Ends every access token on the server, as fifteen minutes would.
    bool expireAccessTokens()
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"expire"_s);
            db.setDatabaseName(m_server->databaseSpec());
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
            QSqlQuery query(db);
            ok = db.open() && query.exec(u"UPDATE auth_token SET expires_at = 0 WHERE kind = 'access'"_s);
        }
        QSqlDatabase::removeDatabase(u"expire"_s);
        return ok;
    }

    static Core::Result<Core::UserProfile> fetchProfile(Client &client)
    {
        std::optional<Core::Result<Core::UserProfile>> outcome;
        client.session.authorized<Core::UserProfile>(
            [&client](const QString &token, Sync::ApiClient::Callback<Core::UserProfile> reply) {
                client.api.fetchProfile(client.session.server(), token, reply);
            },
            [&outcome](Core::Result<Core::UserProfile> profile) { outcome.emplace(std::move(profile)); });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30'000))
            return Core::Error{Core::ErrorCode::Internal, u"no answer"_s};
        return *outcome;
    }

    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Core::Error>();
        m_server = std::make_unique<ServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void signInKeepsTheTokenInTheStore()
    {
        Client client;
        client.session.signIn(m_server->url(), teacher(), demoPassword());
        QCOMPARE(client.session.state(), Sync::Session::State::SigningIn);
        const std::optional<Core::Error> error = waitForSignIn(client.session);
        QVERIFY2(!error, error ? qPrintable(Core::errorCodeName(error->code)) : "");
        QVERIFY(client.session.isSignedIn());
        QCOMPARE(client.session.profile().displayName, QString::fromUtf16(kTeacherName));
        QCOMPARE(client.session.profile().establishments().size(), 2);

        const QString key = Sync::credentialKey(m_server->url(), teacher());
        QVERIFY(client.store.contains(key));
        // The long-lived refresh token goes to the store; the access token stays in memory.
        QCOMPARE(QString::fromUtf8(client.store.secret(key)), client.session.refreshToken());
        QVERIFY(client.session.accessToken() != client.session.refreshToken());
        QCOMPARE(getJson(endpoint(m_server->url(), u"/api/v1/me"_s), client.session.accessToken()).status, 200);
    }

    void wrongPasswordKeepsNothing()
    {
        Client client;
        client.session.signIn(m_server->url(), teacher(), u"wrong"_s);
        const std::optional<Core::Error> error = waitForSignIn(client.session);
        QVERIFY(error);
        QCOMPARE(error->code, Core::ErrorCode::InvalidCredentials);
        QCOMPARE(client.session.state(), Sync::Session::State::SignedOut);
        QVERIFY(client.session.accessToken().isEmpty());
        QCOMPARE(client.store.size(), 0);
    }

    void unreachableServer()
    {
        const QUrl unreachable = unreachableServerUrl();
        QVERIFY(unreachable.isValid());
        Client client;
        client.session.signIn(unreachable, teacher(), demoPassword());
        const std::optional<Core::Error> error = waitForSignIn(client.session);
        QVERIFY(error);
        QCOMPARE(error->code, Core::ErrorCode::ServerUnreachable);
    }

    void resumeUsesTheStoredToken()
    {
        Client first;
        first.session.signIn(m_server->url(), teacher(), demoPassword());
        QVERIFY(!waitForSignIn(first.session));

        // A later run of the program: same store, new session object.
        Sync::Session later(&first.api, &first.store);
        later.resume(m_server->url(), teacher());
        QVERIFY(!waitForSignIn(later));
        QCOMPARE(later.profile(), first.session.profile());
        // Resuming exchanged the refresh token: the store holds the new one.
        QVERIFY(later.refreshToken() != first.session.refreshToken());
        QCOMPARE(QString::fromUtf8(first.store.secret(Sync::credentialKey(m_server->url(), teacher()))),
                 later.refreshToken());
    }

    void resumeWithoutTokenIsNotSignedIn()
    {
        Client client;
        client.session.resume(m_server->url(), teacher());
        const std::optional<Core::Error> error = waitForSignIn(client.session);
        QVERIFY(error);
        QCOMPARE(error->code, Core::ErrorCode::NotSignedIn);
    }

    void revokedTokenIsDropped()
    {
        Client client;
        client.session.signIn(m_server->url(), teacher(), demoPassword());
        QVERIFY(!waitForSignIn(client.session));
        // The session is closed elsewhere (another device signing it out).
        QCOMPARE(postJson(endpoint(m_server->url(), u"/api/v1/auth/logout"_s), {}, client.session.accessToken()).status,
                 204);

        Sync::Session later(&client.api, &client.store);
        later.resume(m_server->url(), teacher());
        const std::optional<Core::Error> error = waitForSignIn(later);
        QVERIFY(error);
        QCOMPARE(error->code, Core::ErrorCode::SessionExpired);
        QTRY_COMPARE(client.store.size(), 0);
    }

    void signOutClosesTheServerSessionAndForgetsTheToken()
    {
        Client client;
        client.session.signIn(m_server->url(), teacher(), demoPassword());
        QVERIFY(!waitForSignIn(client.session));
        const QString token = client.session.accessToken();
        client.session.signOut();
        QVERIFY(waitForSignOut(client.session));
        QCOMPARE(client.session.state(), Sync::Session::State::SignedOut);
        QCOMPARE(client.store.size(), 0);
        QCOMPARE(getJson(endpoint(m_server->url(), u"/api/v1/me"_s), token).status, 401);
    }

    void brokenKeychainFailsTheSignIn()
    {
        Client client;
        client.store.setFailing(true);
        // The failure comes once the server has closed the session again:
        // a program that exits on it leaves nothing open there.
        QSignalSpy closed(&client.session, &Sync::Session::unkeptSessionClosed);
        bool closedFirst = false;
        connect(&client.session, &Sync::Session::signInFailed, this, [&closed, &closedFirst] {
            closedFirst = closed.size() == 1 && closed.constFirst().constFirst().toBool();
        });
        client.session.signIn(m_server->url(), teacher(), demoPassword());
        const std::optional<Core::Error> error = waitForSignIn(client.session);
        QVERIFY(error);
        QCOMPARE(error->code, Core::ErrorCode::CredentialStoreError);
        QVERIFY(!client.session.isSignedIn());
        QVERIFY(client.session.accessToken().isEmpty());
        QVERIFY(closedFirst);
    }

    void expiredAccessTokenIsRefreshedSilently()
    {
        Client client;
        client.session.signIn(m_server->url(), teacher(), demoPassword());
        QVERIFY(!waitForSignIn(client.session));
        const QString firstAccess = client.session.accessToken();
        const QString firstRefresh = client.session.refreshToken();
        QVERIFY(expireAccessTokens());

        const Core::Result<Core::UserProfile> profile = fetchProfile(client);
        QVERIFY2(profile.ok(), profile.ok() ? "" : qPrintable(Core::errorCodeName(profile.error().code)));
        QCOMPARE(profile->login, teacher());
        QVERIFY(client.session.accessToken() != firstAccess);
        QVERIFY(client.session.refreshToken() != firstRefresh);
        QTRY_COMPARE(QString::fromUtf8(client.store.secret(Sync::credentialKey(m_server->url(), teacher()))),
                     client.session.refreshToken());
        QVERIFY(client.session.isSignedIn());
    }

    void concurrentCallsShareOneRefresh()
    {
        Client client;
        client.session.signIn(m_server->url(), teacher(), demoPassword());
        QVERIFY(!waitForSignIn(client.session));
        QVERIFY(expireAccessTokens());

        // Three calls find the token expired at once; a refresh token used
        // twice would end the session, so they must share one exchange.
        int succeeded = 0;
        int answered = 0;
        for (int i = 0; i < 3; ++i) {
            client.session.authorized<Core::UserProfile>(
                [&client](const QString &token, Sync::ApiClient::Callback<Core::UserProfile> reply) {
                    client.api.fetchProfile(client.session.server(), token, reply);
                },
                [&](Core::Result<Core::UserProfile> profile) {
                    ++answered;
                    succeeded += profile.ok() ? 1 : 0;
                });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 30'000);
        QCOMPARE(succeeded, 3);
        QVERIFY(fetchProfile(client).ok());
    }

    void revokedSessionEndsWithASignal()
    {
        Client client;
        client.session.signIn(m_server->url(), teacher(), demoPassword());
        QVERIFY(!waitForSignIn(client.session));
        QSignalSpy ended(&client.session, &Sync::Session::sessionEnded);
        // Signed out from another device: access and refresh tokens both end.
        QCOMPARE(postJson(endpoint(m_server->url(), u"/api/v1/auth/logout"_s), {}, client.session.accessToken()).status,
                 204);
        const Core::Result<Core::UserProfile> profile = fetchProfile(client);
        QVERIFY(!profile.ok());
        QCOMPARE(profile.error().code, Core::ErrorCode::SessionExpired);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(client.session.state(), Sync::Session::State::SignedOut);
        QTRY_COMPARE(client.store.size(), 0);
    }

    void changePasswordKeepsThisSessionAndEndsTheOthers()
    {
        const QString temporary = m_server->resetPassword(u"eleve.emma"_s);
        QVERIFY2(!temporary.isEmpty(), qPrintable(m_server->errorString()));
        Client client;
        client.session.signIn(m_server->url(), u"eleve.emma"_s, temporary);
        QVERIFY(!waitForSignIn(client.session));
        QVERIFY(client.session.passwordChangeRequired());
        Client other;
        other.session.signIn(m_server->url(), u"eleve.emma"_s, temporary);
        QVERIFY(!waitForSignIn(other.session));

        QSignalSpy changed(&client.session, &Sync::Session::passwordChanged);
        QSignalSpy failed(&client.session, &Sync::Session::passwordChangeFailed);
        // Refused here, without a request: the policy is the same on both sides.
        client.session.changePassword(temporary, u"emma"_s);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().constFirst().value<Core::Error>().code, Core::ErrorCode::WeakPassword);

        client.session.changePassword(temporary, u"Trousse-bleue-42"_s);
        QVERIFY(changed.wait(30'000));
        QVERIFY(!client.session.passwordChangeRequired());
        QTRY_COMPARE(QString::fromUtf8(client.store.secret(Sync::credentialKey(m_server->url(), u"eleve.emma"_s))),
                     client.session.refreshToken());
        QVERIFY(fetchProfile(client).ok());
        // The other device is signed out by the change.
        QCOMPARE(fetchProfile(other).error().code, Core::ErrorCode::SessionExpired);
    }

    void connectivityFollowsTheServer()
    {
        QNetworkAccessManager network;
        Sync::ApiClient api(&network);
        api.setTimeout(std::chrono::seconds(2));
        Sync::ConnectivityMonitor monitor(&api);
        monitor.setServer(m_server->url());
        monitor.setInterval(std::chrono::milliseconds(100));
        QSignalSpy changes(&monitor, &Sync::ConnectivityMonitor::onlineChanged);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(monitor.hasAnswer(), 10'000);
        QVERIFY(monitor.isOnline());

        QCOMPARE(m_server->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isOnline(), 10'000);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isOnline(), 10'000);
        QCOMPARE(changes.size(), 3); // online, offline, online
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
