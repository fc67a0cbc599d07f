// The real cartable-server process over HTTP: sign-in, sessions, and every
// kind of bad request, on the backend named by CARTABLE_TEST_BACKEND.

#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestServerHttp : public QObject
{
    Q_OBJECT

private:
    QUrl at(const QString &path) const { return endpoint(m_server->url(), path); }

    static QByteArray loginBody(const QString &login, const QString &password)
    {
        return QJsonDocument(QJsonObject{{u"login"_s, login}, {u"password"_s, password}})
            .toJson(QJsonDocument::Compact);
    }

    QString signIn(const QString &login = QString::fromUtf16(kTeacherLogin))
    {
        const HttpResult result = postJson(at(u"/api/v1/auth/login"_s),
                                           loginBody(login, QString::fromUtf16(kDemoPassword)));
        if (result.status != 200)
            qWarning("sign-in failed: %d %s", result.status, result.body.constData());
        return result.json().value(u"accessToken"_s).toString();
    }

    // Checks the one problem shape every failure shares.
    static void verifyProblem(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.status, status);
        QVERIFY2(result.header("Content-Type").startsWith("application/json"), result.header("Content-Type"));
        const QJsonObject error = result.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), code);
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
        QCOMPARE(result.json().keys(), QStringList{u"error"_s});
    }

    bool serverAnswers() { return getJson(at(u"/api/v1/health"_s)).status == 200; }

    std::unique_ptr<ServerProcess> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(backendFromEnvironment());
        QVERIFY2(m_server->start({u"--max-body-bytes"_s, u"65536"_s}), qPrintable(m_server->errorString()));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void health()
    {
        const HttpResult result = getJson(at(u"/api/v1/health"_s));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json().value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(result.json().value(u"database"_s).toString(),
                 backendFromEnvironment() == Backend::Postgres ? u"postgresql"_s : u"sqlite"_s);
        // Compact JSON, not Qt's indented default.
        QVERIFY(!result.body.contains('\n'));
    }

    void loginGivesTokenAndProfile()
    {
        const HttpResult result = postJson(at(u"/api/v1/auth/login"_s), loginBody(QString::fromUtf16(kTeacherLogin),
                                                                                  QString::fromUtf16(kDemoPassword)));
        QCOMPARE(result.status, 200);
        const QJsonObject body = result.json();
        QCOMPARE(body.value(u"accessToken"_s).toString().size(), 43);
        QCOMPARE(body.value(u"refreshToken"_s).toString().size(), 43);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime accessEnd = QDateTime::fromString(body.value(u"accessExpiresAt"_s).toString(),
                                                          Qt::ISODateWithMs);
        const QDateTime sessionEnd = QDateTime::fromString(body.value(u"refreshExpiresAt"_s).toString(),
                                                           Qt::ISODateWithMs);
        QVERIFY(accessEnd > now && accessEnd <= now.addSecs(16 * 60));
        QVERIFY(sessionEnd > now.addDays(29));
        const QJsonObject user = body.value(u"user"_s).toObject();
        QCOMPARE(user.value(u"displayName"_s).toString(), QString::fromUtf16(kTeacherName));
        const QJsonArray roles = user.value(u"roles"_s).toArray();
        QCOMPARE(roles.size(), 2);
        QStringList uais;
        for (const QJsonValue &role : roles) {
            QCOMPARE(role.toObject().value(u"role"_s).toString(), u"teacher"_s);
            uais.append(role.toObject().value(u"establishment"_s).toObject().value(u"uai"_s).toString());
        }
        uais.sort();
        QCOMPARE(uais, (QStringList{u"0751234J"_s, u"0755678P"_s}));
    }

    void everyDemoRoleCanSignIn_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("role");
        QTest::newRow("teacher") << u"prof.martin"_s << u"teacher"_s;
        QTest::newRow("guardian") << u"parent.dubois"_s << u"guardian"_s;
        QTest::newRow("student") << u"eleve.leo"_s << u"student"_s;
        QTest::newRow("secretariat") << u"secretariat.bernard"_s << u"secretariat"_s;
        QTest::newRow("vie scolaire") << u"cpe.petit"_s << u"vie_scolaire"_s;
        QTest::newRow("head") << u"direction.leroy"_s << u"head"_s;
        QTest::newRow("local authority") << u"collectivite.moreau"_s << u"local_authority"_s;
    }

    void everyDemoRoleCanSignIn()
    {
        QFETCH(QString, login);
        QFETCH(QString, role);
        const QString token = signIn(login);
        QVERIFY(!token.isEmpty());
        const HttpResult me = getJson(at(u"/api/v1/me"_s), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"login"_s).toString(), login);
        QCOMPARE(me.json().value(u"roles"_s).toArray().at(0).toObject().value(u"role"_s).toString(), role);
    }

    void wrongPasswordAndUnknownUserLookAlike()
    {
        const HttpResult wrong = postJson(at(u"/api/v1/auth/login"_s),
                                          loginBody(QString::fromUtf16(kTeacherLogin), u"not-the-password"_s));
        verifyProblem(wrong, 401, u"invalid_credentials"_s);
        const HttpResult unknown = postJson(at(u"/api/v1/auth/login"_s), loginBody(u"nobody"_s, u"whatever"_s));
        verifyProblem(unknown, 401, u"invalid_credentials"_s);
        // Same answer, so that nobody learns which logins exist.
        QCOMPARE(unknown.body, wrong.body);
        QVERIFY(!wrong.header("WWW-Authenticate").isEmpty());
    }

    void malformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("not JSON") << QByteArray("login=prof.martin") << QByteArray("application/json") << 400
                                  << u"invalid_json"_s;
        QTest::newRow("truncated JSON") << QByteArray("{\"login\":\"prof.martin\",\"pass")
                                        << QByteArray("application/json") << 400 << u"invalid_json"_s;
        QTest::newRow("JSON array") << QByteArray("[\"prof.martin\",\"cartable\"]") << QByteArray("application/json")
                                    << 400 << u"invalid_json"_s;
        QTest::newRow("empty body") << QByteArray() << QByteArray("application/json") << 400 << u"invalid_json"_s;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"login\":\"\xff\",\"password\":\"x\"}")
                                       << QByteArray("application/json") << 400 << u"invalid_json"_s;
        QTest::newRow("UTF-8 of a surrogate") << QByteArray("{\"login\":\"\xed\xa0\x80\",\"password\":\"x\"}")
                                              << QByteArray("application/json") << 400 << u"invalid_json"_s;
        // QJsonDocument reads these escapes as lone surrogates.
        QTest::newRow("lone surrogate escape") << QByteArray(R"({"login":"prof.martin\ud800","password":"cartable"})")
                                               << QByteArray("application/json") << 400 << u"invalid_json"_s;
        QTest::newRow("lone surrogate escape in a key")
            << QByteArray(R"({"login":"prof.martin","password":"cartable","\udc00":1})")
            << QByteArray("application/json") << 400 << u"invalid_json"_s;
        QTest::newRow("login is a number") << QByteArray("{\"login\":12,\"password\":\"cartable\"}")
                                           << QByteArray("application/json") << 400 << u"invalid_field"_s;
        QTest::newRow("password missing")
            << QByteArray("{\"login\":\"prof.martin\"}") << QByteArray("application/json") << 400 << u"missing_field"_s;
        QTest::newRow("unknown field") << QByteArray(
            "{\"login\":\"prof.martin\",\"password\":\"cartable\",\"role\":\"head\"}")
                                       << QByteArray("application/json") << 400 << u"invalid_field"_s;
        QTest::newRow("form encoded") << loginBody(u"prof.martin"_s, u"cartable"_s)
                                      << QByteArray("application/x-www-form-urlencoded") << 415
                                      << u"unsupported_media_type"_s;
    }

    void malformedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpResult result = httpRequest("POST", at(u"/api/v1/auth/login"_s), body,
                                              {{"Content-Type", contentType}});
        verifyProblem(result, status, code);
    }

    void oversizeBodyJustOverTheLimit()
    {
        // Declared over the limit: answered 413 before the body is read, and
        // the client, still uploading, gets to read that answer.
        const QByteArray body = loginBody(u"prof.martin"_s, QString(70'000, u'x'));
        verifyProblem(postJson(at(u"/api/v1/auth/login"_s), body), 413, u"payload_too_large"_s);
        QVERIFY(serverAnswers());
    }

    void hugeDeclaredBodyIsRefusedBeforeItArrives()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                     "Content-Length: 1073741824\r\n\r\n{\"login\":");
        QVERIFY(socket.waitForBytesWritten(5000));
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY(answer.contains("payload_too_large"));
        QVERIFY(serverAnswers());
    }

    void streamedOversizeBodyIsCutOff()
    {
        // No Content-Length worth trusting: the byte count stops it.
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = QByteArray::number(0x10000, 16) + "\r\n" + QByteArray(0x10000, 'x') + "\r\n";
        for (int i = 0; i < 64 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
            socket.write(chunk);
            socket.waitForBytesWritten(2000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() != QAbstractSocket::ConnectedState || socket.bytesAvailable() > 0,
                                 10000);
        QVERIFY(serverAnswers());
    }

    void wrongMethodIs405WithAllow()
    {
        const HttpResult result = getJson(at(u"/api/v1/auth/login"_s));
        verifyProblem(result, 405, u"method_not_allowed"_s);
        QCOMPARE(result.header("Allow"), QByteArray("POST"));
        const HttpResult deleteHealth = httpRequest("DELETE", at(u"/api/v1/health"_s));
        verifyProblem(deleteHealth, 405, u"method_not_allowed"_s);
        QCOMPARE(deleteHealth.header("Allow"), QByteArray("GET"));
    }

    void unknownPathIs404()
    {
        verifyProblem(getJson(at(u"/api/v1/nothing-here"_s)), 404, u"not_found"_s);
        verifyProblem(getJson(at(u"/"_s)), 404, u"not_found"_s);
        verifyProblem(getJson(at(u"/api/v1/../../etc/passwd"_s)), 404, u"not_found"_s);
    }

    void meNeedsAValidToken_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("code");
        QTest::newRow("none") << QByteArray() << u"unauthenticated"_s;
        QTest::newRow("not bearer") << QByteArray("Basic cHJvZjpjYXJ0YWJsZQ==") << u"unauthenticated"_s;
        QTest::newRow("bearer with spaces") << QByteArray("Bearer a b c") << u"unauthenticated"_s;
        QTest::newRow("unknown token") << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                                       << u"session_expired"_s;
    }

    void meNeedsAValidToken()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QString, code);
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        verifyProblem(httpRequest("GET", at(u"/api/v1/me"_s), {}, headers), 401, code);
    }

    void logoutClosesTheSession()
    {
        const QString token = signIn();
        QCOMPARE(getJson(at(u"/api/v1/me"_s), token).status, 200);
        const HttpResult logout = postJson(at(u"/api/v1/auth/logout"_s), {}, token);
        QCOMPARE(logout.status, 204);
        verifyProblem(getJson(at(u"/api/v1/me"_s), token), 401, u"session_expired"_s);
        verifyProblem(postJson(at(u"/api/v1/auth/logout"_s), {}, token), 401, u"session_expired"_s);
    }

    void clientHangingUpMidRequestDoesNotStopTheServer_data()
    {
        QTest::addColumn<QByteArray>("partial");
        QTest::newRow("half a request line") << QByteArray("POST /api/v1/au");
        QTest::newRow("headers without end") << QByteArray("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
        QTest::newRow("half a body") << QByteArray(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
            "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"lo");
        // The server is still hashing the password when the client leaves:
        // its answer goes to a closed connection.
        QTest::newRow("gone before the answer")
            << ("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                "Content-Type: application/json\r\nContent-Length: "
                + QByteArray::number(loginBody(u"prof.martin"_s, u"cartable"_s).size()) + "\r\n\r\n"
                + loginBody(u"prof.martin"_s, u"cartable"_s));
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
    }

    void clientHangingUpMidRequestDoesNotStopTheServer()
    {
        QFETCH(QByteArray, partial);
        for (int round = 0; round < 5; ++round) {
            QTcpSocket socket;
            socket.connectToHost(u"127.0.0.1"_s, m_server->port());
            QVERIFY(socket.waitForConnected(5000));
            socket.write(partial);
            QVERIFY(socket.waitForBytesWritten(5000));
            if (round % 2)
                socket.abort(); // a reset
            else
                socket.disconnectFromHost();
        }
        QTest::qWait(300);
        QVERIFY(m_server->isRunning());
        QVERIFY(serverAnswers());
        QVERIFY(!signIn().isEmpty());
    }

    void sessionsSurviveARestart()
    {
        const QString token = signIn();
        QCOMPARE(m_server->stop(), 0);
        QVERIFY2(m_server->start({u"--max-body-bytes"_s, u"65536"_s}), qPrintable(m_server->errorString()));
        QCOMPARE(getJson(at(u"/api/v1/me"_s), token).status, 200);
    }

    void repeatedFailuresAre429WithRetryAfter()
    {
        // A server of its own: the lock would stop the other tests' sign-ins.
        ServerProcess strict(backendFromEnvironment());
        QVERIFY2(strict.start({u"--login-failures-per-account"_s, u"3"_s, u"--login-lockout-minutes"_s, u"2"_s}),
                 qPrintable(strict.errorString()));
        const QUrl url = endpoint(strict.url(), u"/api/v1/auth/login"_s);
        for (int i = 0; i < 3; ++i)
            verifyProblem(postJson(url, loginBody(u"cpe.petit"_s, u"guess"_s)), 401, u"invalid_credentials"_s);
        const HttpResult locked = postJson(url, loginBody(u"cpe.petit"_s, QString::fromUtf16(kDemoPassword)));
        verifyProblem(locked, 429, u"too_many_attempts"_s);
        const int retryAfter = locked.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 100 && retryAfter <= 120, locked.header("Retry-After").constData());
        // Another account from the same address is not locked by the account count.
        QCOMPARE(postJson(url, loginBody(u"eleve.leo"_s, QString::fromUtf16(kDemoPassword))).status, 200);
        QCOMPARE(strict.stop(), 0);
    }

    void killedServerLosesNothingCommitted()
    {
        // Commits are durable: a server killed outright (power cut, OOM
        // killer) comes back with every session and password it had.
        const QJsonObject login = postJson(at(u"/api/v1/auth/login"_s),
                                           loginBody(u"eleve.leo"_s, QString::fromUtf16(kDemoPassword)))
                                      .json();
        const QByteArray refresh
            = QJsonDocument(QJsonObject{{u"refreshToken"_s, login.value(u"refreshToken"_s)}}).toJson();
        m_server->kill();
        QVERIFY(!m_server->isRunning());
        QVERIFY2(m_server->start({u"--max-body-bytes"_s, u"65536"_s}), qPrintable(m_server->errorString()));
        QCOMPARE(getJson(at(u"/api/v1/me"_s), login.value(u"accessToken"_s).toString()).status, 200);
        QCOMPARE(postJson(at(u"/api/v1/auth/refresh"_s), refresh).status, 200);
        QVERIFY(!signIn().isEmpty());
    }

    void refreshRotatesTokensOnce()
    {
        const QJsonObject login = postJson(at(u"/api/v1/auth/login"_s),
                                           loginBody(u"parent.dubois"_s, QString::fromUtf16(kDemoPassword)))
                                      .json();
        const QByteArray spent
            = QJsonDocument(QJsonObject{{u"refreshToken"_s, login.value(u"refreshToken"_s)}}).toJson();
        const HttpResult renewed = postJson(at(u"/api/v1/auth/refresh"_s), spent);
        QCOMPARE(renewed.status, 200);
        const QString access = renewed.json().value(u"accessToken"_s).toString();
        QVERIFY(!access.isEmpty() && access != login.value(u"accessToken"_s).toString());
        QCOMPARE(getJson(at(u"/api/v1/me"_s), access).status, 200);

        // The spent token again: the whole session ends, for both holders.
        verifyProblem(postJson(at(u"/api/v1/auth/refresh"_s), spent), 401, u"session_expired"_s);
        verifyProblem(getJson(at(u"/api/v1/me"_s), access), 401, u"session_expired"_s);
    }

    void refreshRefusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("not JSON") << QByteArray("refresh") << 400 << u"invalid_json"_s;
        QTest::newRow("no token") << QByteArray("{}") << 400 << u"missing_field"_s;
        QTest::newRow("number") << QByteArray("{\"refreshToken\":5}") << 400 << u"invalid_field"_s;
        QTest::newRow("extra field") << QByteArray("{\"refreshToken\":\"a\",\"login\":\"x\"}") << 400
                                     << u"invalid_field"_s;
        QTest::newRow("unknown token") << QByteArray("{\"refreshToken\":\"AAAA\"}") << 401 << u"session_expired"_s;
    }

    void refreshRefusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        verifyProblem(postJson(at(u"/api/v1/auth/refresh"_s), body), status, code);
    }

    void accessTokenIsNoRefreshToken()
    {
        const QString access = signIn();
        const QByteArray body = QJsonDocument(QJsonObject{{u"refreshToken"_s, access}}).toJson();
        verifyProblem(postJson(at(u"/api/v1/auth/refresh"_s), body), 401, u"session_expired"_s);
        // Refused as a refresh token, it still works as what it is.
        QCOMPARE(getJson(at(u"/api/v1/me"_s), access).status, 200);
    }

    void passwordChangeAfterAReset()
    {
        const QString temporary = m_server->resetPassword(u"direction.leroy"_s);
        QVERIFY2(temporary.size() == 19, qPrintable(m_server->errorString()));
        const QJsonObject login
            = postJson(at(u"/api/v1/auth/login"_s), loginBody(u"direction.leroy"_s, temporary)).json();
        QVERIFY(login.value(u"passwordChangeRequired"_s).toBool());
        const QString access = login.value(u"accessToken"_s).toString();

        auto change = [&](const QString &current, const QString &chosen) {
            return postJson(at(u"/api/v1/auth/password"_s),
                            QJsonDocument(QJsonObject{{u"currentPassword"_s, current}, {u"newPassword"_s, chosen}})
                                .toJson(),
                            access);
        };
        verifyProblem(change(u"wrong"_s, u"Nouveau-mot-2026"_s), 401, u"invalid_credentials"_s);
        verifyProblem(change(temporary, u"court"_s), 422, u"weak_password"_s);
        verifyProblem(postJson(at(u"/api/v1/auth/password"_s), "{\"newPassword\":\"x\"}", access), 400,
                      u"missing_field"_s);
        const HttpResult changed = change(temporary, u"Nouveau-mot-2026"_s);
        QCOMPARE(changed.status, 200);
        QVERIFY(!changed.json().value(u"passwordChangeRequired"_s).toBool());
        QCOMPARE(changed.json().value(u"user"_s).toObject().value(u"login"_s).toString(), u"direction.leroy"_s);
        QCOMPARE(getJson(at(u"/api/v1/me"_s), changed.json().value(u"accessToken"_s).toString()).status, 200);
        verifyProblem(getJson(at(u"/api/v1/me"_s), access), 401, u"session_expired"_s);
        QCOMPARE(postJson(at(u"/api/v1/auth/login"_s), loginBody(u"direction.leroy"_s, u"Nouveau-mot-2026"_s)).status,
                 200);
    }

    void forwardedAddressesCountOnlyBehindATrustedProxy()
    {
        auto failFrom = [](const QUrl &url, const QByteArray &forwardedFor, int i) {
            return httpRequest("POST", url, loginBody(u"nobody%1"_s.arg(i), u"guess"_s),
                               {{"Content-Type", "application/json"}, {"X-Forwarded-For", forwardedFor}});
        };
        auto signInFrom = [](const QUrl &url, const QByteArray &forwardedFor) {
            return httpRequest("POST", url, loginBody(u"eleve.leo"_s, QString::fromUtf16(kDemoPassword)),
                               {{"Content-Type", "application/json"}, {"X-Forwarded-For", forwardedFor}});
        };
        const QStringList strict{u"--login-failures-per-address"_s, u"3"_s};

        // Behind a trusted proxy, each client has its own count; what the
        // client itself wrote in the header (the first entry) proves nothing.
        ServerProcess proxied(backendFromEnvironment());
        QVERIFY2(proxied.start(strict + QStringList{u"--trusted-proxy"_s, u"127.0.0.1"_s}),
                 qPrintable(proxied.errorString()));
        const QUrl url = endpoint(proxied.url(), u"/api/v1/auth/login"_s);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(failFrom(url, "198.51.100." + QByteArray::number(i) + ", 203.0.113.5", i).status, 401);
        verifyProblem(signInFrom(url, "203.0.113.5"), 429, u"too_many_attempts"_s);
        QCOMPARE(signInFrom(url, "203.0.113.6").status, 200);
        QVERIFY(proxied.log().contains("203.0.113.6 POST /api/v1/auth/login 200"));
        QCOMPARE(proxied.stop(), 0);

        // Without a trusted proxy the header is ignored: everybody is the peer.
        ServerProcess direct(backendFromEnvironment());
        QVERIFY2(direct.start(strict), qPrintable(direct.errorString()));
        const QUrl directUrl = endpoint(direct.url(), u"/api/v1/auth/login"_s);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(failFrom(directUrl, "203.0.113." + QByteArray::number(10 + i), i).status, 401);
        verifyProblem(signInFrom(directUrl, "203.0.113.99"), 429, u"too_many_attempts"_s);
        QCOMPARE(direct.stop(), 0);
    }

    void logNamesRequestsButNoSecrets()
    {
        const QJsonObject login = postJson(at(u"/api/v1/auth/login"_s), loginBody(QString::fromUtf16(kTeacherLogin),
                                                                                  QString::fromUtf16(kDemoPassword)))
                                      .json();
        const QString token = login.value(u"accessToken"_s).toString();
        QCOMPARE(getJson(at(u"/api/v1/me"_s), token).status, 200);
        const QByteArray log = m_server->log();
        QVERIFY(log.contains("POST /api/v1/auth/login 200"));
        QVERIFY(log.contains("GET /api/v1/me 200"));
        QVERIFY(!log.contains(token.toLatin1()));
        QVERIFY(!log.contains(login.value(u"refreshToken"_s).toString().toLatin1()));
        QVERIFY(!log.contains("\"password\""));
        QVERIFY(!log.contains(QByteArray(QString::fromUtf16(kDemoPassword).toLatin1() + '"')));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestServerHttp)
#include "tst_serverhttp.moc"
