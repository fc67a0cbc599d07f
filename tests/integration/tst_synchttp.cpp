// The sync routes of a real cartable-server process over HTTP, on the backend
// named by CARTABLE_TEST_BACKEND: a pull of what the account may read, a push
// that another client of the account then pulls, and every bad request
// refused without a change.

#include "core/ids.h"
#include "sync/nudgelistener.h"
#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

class TestSyncHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;

    QUrl at(const QString &path) const { return endpoint(m_server->url(), path); }

    QJsonObject signIn(const QString &login, const QString &password = QString::fromUtf16(kDemoPassword))
    {
        const QByteArray body
            = QJsonDocument(QJsonObject{{u"login"_s, login}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
        const HttpResult result = postJson(at(u"/api/v1/auth/login"_s), body);
        if (result.status != 200)
            qWarning("sign-in failed: %d %s", result.status, result.body.constData());
        return result.json();
    }

    QString token(const QString &login) { return signIn(login).value(u"accessToken"_s).toString(); }

    static QByteArray compact(const QJsonObject &object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    // Every row the account's replica would hold after a first sync.
    QHash<QString, QJsonObject> pullAll(const QString &access, QString *cursor = nullptr)
    {
        QHash<QString, QJsonObject> rows;
        QJsonObject body{{u"limit"_s, 50}};
        if (cursor && !cursor->isEmpty())
            body.insert(u"cursor"_s, *cursor);
        for (int page = 0; page < 1000; ++page) {
            const HttpResult result = postJson(at(u"/api/v1/sync/pull"_s), compact(body), access);
            if (result.status != 200) {
                qWarning("pull failed: %d %s", result.status, result.body.constData());
                return {};
            }
            for (const QJsonValue &value : result.json().value(u"rows"_s).toArray()) {
                const QJsonObject row = value.toObject().value(u"row"_s).toObject();
                rows.insert(row.value(u"type"_s).toString() + u'/' + row.value(u"id"_s).toString(), row);
            }
            body.insert(u"cursor"_s, result.json().value(u"cursor"_s));
            if (!result.json().value(u"more"_s).toBool())
                break;
        }
        if (cursor)
            *cursor = body.value(u"cursor"_s).toString();
        return rows;
    }

    // The first establishment of an account, from its sign-in answer.
    static QString establishmentOf(const QJsonObject &session)
    {
        return session.value(u"user"_s)
            .toObject()
            .value(u"roles"_s)
            .toArray()
            .at(0)
            .toObject()
            .value(u"establishment"_s)
            .toObject()
            .value(u"id"_s)
            .toString();
    }

    QJsonObject folderCreation(const QString &accountId, const QString &name, qint64 number = 1,
                               const QString &establishment = {}) const
    {
        return QJsonObject{{u"number"_s, number},
                           {u"type"_s, u"document_folder"_s},
                           {u"id"_s, Core::newId()},
                           {u"op"_s, u"create"_s},
                           {u"fields"_s, QJsonObject{{u"establishment_id"_s,
                                                      establishment.isEmpty() ? m_establishment : establishment},
                                                     {u"owner_kind"_s, u"account"_s},
                                                     {u"owner_id"_s, accountId},
                                                     {u"name"_s, name}}},
                           {u"base_version"_s, 0},
                           {u"hlc"_s, u"1743760800000-0"_s}};
    }

    QString m_establishment;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(backendFromEnvironment());
        QVERIFY2(m_server->start({u"--max-body-bytes"_s, u"65536"_s}), qPrintable(m_server->errorString()));
        const QJsonObject user = signIn(QString::fromUtf16(kTeacherLogin)).value(u"user"_s).toObject();
        m_establishment = user.value(u"roles"_s)
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(u"establishment"_s)
                              .toObject()
                              .value(u"id"_s)
                              .toString();
        QVERIFY(Core::isValidId(m_establishment));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void pullGivesTheAccountsScope()
    {
        const QHash<QString, QJsonObject> rows = pullAll(token(QString::fromUtf16(kTeacherLogin)));
        // The establishments the teacher works in, and his own account.
        QVERIFY(rows.contains(u"establishment/"_s + m_establishment));
        int accounts = 0;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            accounts += it.key().startsWith(u"account/"_s) ? 1 : 0;
        QCOMPARE(accounts, 1);
    }

    void pushedRowReachesTheOtherDevice()
    {
        const QJsonObject session = signIn(QString::fromUtf16(kTeacherLogin));
        const QString access = session.value(u"accessToken"_s).toString();
        const QString accountId = session.value(u"user"_s).toObject().value(u"id"_s).toString();
        QString cursor;
        const QHash<QString, QJsonObject> before = pullAll(access, &cursor);

        const QJsonObject mutation = folderCreation(accountId, u"Séquences de Terminale"_s);
        const QByteArray batch = compact({{u"client_id"_s, Core::newId()}, {u"mutations"_s, QJsonArray{mutation}}});
        const HttpResult pushed = postJson(at(u"/api/v1/sync/push"_s), batch, access);
        QCOMPARE(pushed.status, 200);
        const QJsonObject result = pushed.json().value(u"results"_s).toArray().at(0).toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"applied"_s);
        // The same batch again: the same answer.
        QCOMPARE(postJson(at(u"/api/v1/sync/push"_s), batch, access).body, pushed.body);

        const QHash<QString, QJsonObject> after = pullAll(token(QString::fromUtf16(kTeacherLogin)), &cursor);
        const QString key = u"document_folder/"_s + mutation.value(u"id"_s).toString();
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.value(key).value(u"name"_s).toString(), u"Séquences de Terminale"_s);
        // Another account does not see it.
        QVERIFY(!pullAll(token(QString::fromUtf16(kStudentLogin))).contains(key));
        QVERIFY(!before.contains(key));
    }

    void refusesBadRequests_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("pull not JSON") << u"/api/v1/sync/pull"_s << QByteArray("{cursor") << 400 << u"invalid_json"_s;
        QTest::newRow("pull not an object") << u"/api/v1/sync/pull"_s << QByteArray("[]") << 400 << u"invalid_json"_s;
        QTest::newRow("pull invalid UTF-8")
            << u"/api/v1/sync/pull"_s << QByteArray("{\"cursor\":\"\xff\"}") << 400 << u"invalid_json"_s;
        QTest::newRow("pull unknown key")
            << u"/api/v1/sync/pull"_s << QByteArray("{\"since\":1}") << 400 << u"unknown_field"_s;
        QTest::newRow("pull bad cursor") << u"/api/v1/sync/pull"_s << QByteArray("{\"cursor\":\"c1.@@\"}") << 400
                                         << u"invalid_field"_s;
        QTest::newRow("push without mutations")
            << u"/api/v1/sync/push"_s << QByteArray("{\"client_id\":\"0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3\"}") << 400
            << u"missing_field"_s;
        QTest::newRow("push mutations of the wrong type")
            << u"/api/v1/sync/push"_s
            << QByteArray("{\"client_id\":\"0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3\",\"mutations\":\"all\"}") << 400
            << u"invalid_field"_s;
        QTest::newRow("push too large") << u"/api/v1/sync/push"_s
                                        << QByteArray("{\"pad\":\"") + QByteArray(70000, 'x') + QByteArray("\"}") << 413
                                        << u"payload_too_large"_s;
    }

    void refusesBadRequests()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString access = token(QString::fromUtf16(kTeacherLogin));
        QString cursor;
        const QHash<QString, QJsonObject> before = pullAll(access, &cursor);
        const HttpResult result = postJson(at(path), body, access);
        QCOMPARE(result.status, status);
        QCOMPARE(result.errorCode(), code);
        QCOMPARE(pullAll(access, &cursor).size(), 0);
        QVERIFY(!before.isEmpty());
    }

    void pushRowsInvalidOrForbiddenChangeNothing()
    {
        const QJsonObject session = signIn(QString::fromUtf16(kStudentLogin));
        const QString access = session.value(u"accessToken"_s).toString();
        const QString self = session.value(u"user"_s).toObject().value(u"id"_s).toString();
        const QString teacher
            = signIn(QString::fromUtf16(kTeacherLogin)).value(u"user"_s).toObject().value(u"id"_s).toString();
        QString cursor;
        pullAll(access, &cursor);
        // A folder in another account's space, and one with a path for a name.
        const QString school = establishmentOf(session);
        const QJsonObject foreign = folderCreation(teacher, u"Intrus"_s, 1, school);
        const QJsonObject tricky = folderCreation(self, u"../../etc"_s, 2, school);
        // A row the catalogue refuses is refused with its whole batch: the
        // client's own checks would never have queued it.
        const HttpResult malformed
            = postJson(at(u"/api/v1/sync/push"_s),
                       compact({{u"client_id"_s, Core::newId()}, {u"mutations"_s, QJsonArray{foreign, tricky}}}),
                       access);
        QCOMPARE(malformed.status, 422);
        QCOMPARE(malformed.errorCode(), u"invalid_format"_s);
        QCOMPARE(pullAll(access, &cursor).size(), 0);

        // A change that is not the user's to make is refused alone.
        const QJsonObject own = folderCreation(self, u"Mes fiches"_s, 2, school);
        const HttpResult pushed
            = postJson(at(u"/api/v1/sync/push"_s),
                       compact({{u"client_id"_s, Core::newId()}, {u"mutations"_s, QJsonArray{foreign, own}}}), access);
        QCOMPARE(pushed.status, 200);
        const QJsonArray results = pushed.json().value(u"results"_s).toArray();
        QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(results.at(0).toObject().value(u"error"_s).toObject().value(u"code"_s).toString(), u"forbidden"_s);
        QVERIFY2(results.at(1).toObject().value(u"status"_s).toString() == u"applied"_s,
                 QJsonDocument(results.at(1).toObject()).toJson(QJsonDocument::Compact).constData());
        const QHash<QString, QJsonObject> arrived = pullAll(access, &cursor);
        QCOMPARE(arrived.keys(), QStringList{u"document_folder/"_s + own.value(u"id"_s).toString()});
    }
    void needsASessionAndANewPasswordFirst()
    {
        QCOMPARE(postJson(at(u"/api/v1/sync/pull"_s), "{}").status, 401);
        QCOMPARE(postJson(at(u"/api/v1/sync/push"_s), "{}", u"not-a-token"_s).status, 401);
        const HttpResult wrongType
            = httpRequest("POST", at(u"/api/v1/sync/pull"_s), "{}",
                          {{"Authorization", "Bearer " + token(QString::fromUtf16(kTeacherLogin)).toLatin1()},
                           {"Content-Type", "text/plain"}});
        QCOMPARE(wrongType.status, 415);
        QCOMPARE(httpRequest("GET", at(u"/api/v1/sync/pull"_s)).status, 405);

        const QString temporary = m_server->resetPassword(QString::fromUtf16(kSecretariatLogin));
        QVERIFY(!temporary.isEmpty());
        const QString access
            = signIn(QString::fromUtf16(kSecretariatLogin), temporary).value(u"accessToken"_s).toString();
        const HttpResult refused = postJson(at(u"/api/v1/sync/pull"_s), "{}", access);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"password_change_required"_s);
    }

    // A disabled account may not sign in (403 account_disabled, told to its
    // right password only), and a session it still has is refused by pull,
    // push and refresh, though the session's row is still open: the flag is
    // set here in the database by hand. The administrator's
    // --enable-account lets it in again; --disable-account ends its
    // sessions at once.
    void disabledAccountIsRefusedEverywhere()
    {
        const QString login = u"eleve.emma"_s;
        const QString spec = m_server->databaseSpec();
        const auto liveSessions = [&spec, &login] {
            int count = -1;
            {
                QSqlDatabase db = openDatabaseSpec(spec, u"sessions"_s);
                QSqlQuery query(db);
                query.prepare(u"SELECT count(*) FROM auth_session s JOIN account a ON a.id = s.account_id "
                              "WHERE a.login = ? AND s.revoked_at IS NULL"_s);
                query.addBindValue(login);
                if (query.exec() && query.next())
                    count = query.value(0).toInt();
            }
            QSqlDatabase::removeDatabase(u"sessions"_s);
            return count;
        };
        const auto loginBody = [&login](const QString &password) {
            return compact({{u"login"_s, login}, {u"password"_s, password}});
        };
        const QByteArray pullBody = compact({{u"limit"_s, 50}});
        const QByteArray pushBody = compact({{u"client_id"_s, Core::newId()}, {u"mutations"_s, QJsonArray()}});
        const QJsonObject session = signIn(login);
        const QString access = session.value(u"accessToken"_s).toString();
        const QByteArray refresh = compact({{u"refreshToken"_s, session.value(u"refreshToken"_s)}});
        QCOMPARE(postJson(at(u"/api/v1/sync/pull"_s), pullBody, access).status, 200);

        QString error;
        QVERIFY2(runStatement(spec, u"UPDATE account SET disabled = 1 WHERE login = 'eleve.emma'"_s, &error),
                 qPrintable(error));
        QCOMPARE(liveSessions(), 1);
        for (const HttpResult &refused :
             {postJson(at(u"/api/v1/sync/pull"_s), pullBody, access),
              postJson(at(u"/api/v1/sync/push"_s), pushBody, access), getJson(at(u"/api/v1/me"_s), access),
              postJson(at(u"/api/v1/auth/refresh"_s), refresh)}) {
            QCOMPARE(refused.status, 401);
            QCOMPARE(refused.errorCode(), u"session_expired"_s);
        }
        const HttpResult disabled = postJson(at(u"/api/v1/auth/login"_s), loginBody(QString::fromUtf16(kDemoPassword)));
        QCOMPARE(disabled.status, 403);
        QCOMPARE(disabled.errorCode(), u"account_disabled"_s);
        QCOMPARE(postJson(at(u"/api/v1/auth/login"_s), loginBody(u"not-the-password"_s)).errorCode(),
                 u"invalid_credentials"_s);

        QString said;
        QVERIFY2(m_server->runAdmin({u"--enable-account"_s, login}, &said), qPrintable(m_server->errorString()));
        QVERIFY2(said.contains(u"enabled"_s), qPrintable(said));
        const QString again = token(login);
        QCOMPARE(postJson(at(u"/api/v1/sync/pull"_s), pullBody, again).status, 200);

        QVERIFY2(m_server->runAdmin({u"--disable-account"_s, login}, &said), qPrintable(m_server->errorString()));
        QVERIFY2(said.contains(u"disabled"_s), qPrintable(said));
        QCOMPARE(liveSessions(), 0);
        QCOMPARE(postJson(at(u"/api/v1/sync/pull"_s), pullBody, again).errorCode(), u"session_expired"_s);
        QCOMPARE(postJson(at(u"/api/v1/auth/login"_s), loginBody(QString::fromUtf16(kDemoPassword))).status, 403);
        QVERIFY(!m_server->runAdmin({u"--disable-account"_s, u"nobody"_s}));
        QVERIFY2(m_server->runAdmin({u"--enable-account"_s, login}), qPrintable(m_server->errorString()));
        QCOMPARE(postJson(at(u"/api/v1/auth/login"_s), loginBody(QString::fromUtf16(kDemoPassword))).status, 200);
    }

    // A change reaches the connected clients of the accounts that read it,
    // at once, and only them.
    void nudgesTheAccountsThatReadTheChange()
    {
        const QJsonObject teacher = signIn(QString::fromUtf16(kTeacherLogin));
        const QJsonObject student = signIn(QString::fromUtf16(kStudentLogin));
        Sync::NudgeListener teacherChannel;
        Sync::NudgeListener studentChannel;
        teacherChannel.start(m_server->url(), teacher.value(u"accessToken"_s).toString());
        studentChannel.start(m_server->url(), student.value(u"accessToken"_s).toString());
        QTRY_VERIFY_WITH_TIMEOUT(teacherChannel.isReady() && studentChannel.isReady(), 10'000);
        QSignalSpy teacherNudges(&teacherChannel, &Sync::NudgeListener::nudged);
        QSignalSpy studentNudges(&studentChannel, &Sync::NudgeListener::nudged);

        const QString accountId = teacher.value(u"user"_s).toObject().value(u"id"_s).toString();
        const QJsonObject mutation = folderCreation(accountId, u"Conseils de classe"_s);
        QElapsedTimer clock;
        clock.start();
        const HttpResult pushed
            = postJson(at(u"/api/v1/sync/push"_s),
                       compact({{u"client_id"_s, Core::newId()}, {u"mutations"_s, QJsonArray{mutation}}}),
                       teacher.value(u"accessToken"_s).toString());
        QCOMPARE(pushed.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(teacherNudges.count() >= 1, 5'000);
        qInfo("nudge %lld ms after the push was sent", clock.elapsed());
        QTest::qWait(500);
        QCOMPARE(studentNudges.count(), 0);
        teacherChannel.stop();
        studentChannel.stop();
    }

    void nudgeChannelRefusesABadToken()
    {
        Sync::NudgeListener channel;
        QSignalSpy refused(&channel, &Sync::NudgeListener::unauthorised);
        channel.start(m_server->url(), u"not-a-token"_s);
        QTRY_VERIFY_WITH_TIMEOUT(refused.count() >= 1, 10'000);
        QVERIFY(!channel.isReady());
        channel.stop();
    }

    // Two server processes on one database take pushes at the same time
    // while a client pulls from either in turn: no change is ever skipped
    // by a cursor, whichever process committed it.
    void twoServersOnOneDatabaseNeverSkipAChange()
    {
        ServerProcess second(backendFromEnvironment());
        second.useDatabaseOf(*m_server);
        QVERIFY2(second.start(), qPrintable(second.errorString()));
        const QJsonObject teacher = signIn(QString::fromUtf16(kTeacherLogin));
        const QString access = teacher.value(u"accessToken"_s).toString();
        const QString accountId = teacher.value(u"user"_s).toObject().value(u"id"_s).toString();
        const QUrl servers[] = {m_server->url(), second.url()};

        QString cursor;
        pullAll(access, &cursor);
        QNetworkAccessManager network;
        QSet<QString> made;
        int answered = 0;
        QStringList failures;
        constexpr int kPushes = 120;
        for (int i = 0; i < kPushes; ++i) {
            const QJsonObject mutation = folderCreation(accountId, u"Dossier %1"_s.arg(i));
            made.insert(mutation.value(u"id"_s).toString());
            QNetworkRequest request(endpoint(servers[i % 2], u"/api/v1/sync/push"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            request.setRawHeader("Authorization", "Bearer " + access.toLatin1());
            QNetworkReply *reply = network.post(request, compact({{u"client_id"_s, Core::newId()},
                                                                  {u"mutations"_s, QJsonArray{mutation}}}));
            connect(reply, &QNetworkReply::finished, this, [reply, &answered, &failures] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    ++answered;
                else
                    failures.append(QString::fromUtf8(reply->readAll()));
                reply->deleteLater();
            });
        }
        // Pull from one server then the other while the pushes commit.
        QSet<QString> seen;
        int pagesDuringPushes = 0;
        const auto pullFrom = [&](const QUrl &server) {
            for (int page = 0; page < 100; ++page) {
                QJsonObject body{{u"limit"_s, 7}};
                if (!cursor.isEmpty())
                    body.insert(u"cursor"_s, cursor);
                const HttpResult result = postJson(endpoint(server, u"/api/v1/sync/pull"_s), compact(body), access);
                if (result.status != 200)
                    return false;
                if (answered + failures.size() < kPushes)
                    ++pagesDuringPushes;
                for (const QJsonValue &value : result.json().value(u"rows"_s).toArray())
                    seen.insert(value.toObject().value(u"row"_s).toObject().value(u"id"_s).toString());
                cursor = result.json().value(u"cursor"_s).toString();
                if (!result.json().value(u"more"_s).toBool())
                    return true;
            }
            return true;
        };
        int round = 0;
        QElapsedTimer deadline;
        deadline.start();
        while (answered + failures.size() < kPushes && deadline.elapsed() < 60'000) {
            QVERIFY(pullFrom(servers[round++ % 2]));
            QTest::qWait(5);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0)));
        QCOMPARE(answered, kPushes);
        QVERIFY(pullFrom(servers[0]));
        QVERIFY(pullFrom(servers[1]));
        // The pulls did run while the pushes were committing.
        QVERIFY2(pagesDuringPushes > 3, qPrintable(QString::number(pagesDuringPushes)));
        const QSet<QString> missing = made - seen;
        QVERIFY2(missing.isEmpty(), qPrintable(u"%1 change(s) skipped"_s.arg(missing.size())));
        QCOMPARE(second.stop(), 0);
    }

    void servesItsDescription()
    {
        const HttpResult result = getJson(at(u"/api/v1/openapi.json"_s));
        QCOMPARE(result.status, 200);
        QVERIFY(result.json().value(u"paths"_s).toObject().contains(u"/api/v1/sync/push"_s));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestSyncHttp)
#include "tst_synchttp.moc"
