#include "core/authmessages.h"
#include "core/jsonreader.h"

#include <QJsonArray>
#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestAuthMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loginRequest_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("errorField");

        QTest::newRow("good") << QByteArray(R"({"login":"prof.martin","password":"secret"})") << true << QString()
                              << QString();
        QTest::newRow("no login") << QByteArray(R"({"password":"secret"})") << false << u"missing_field"_s
                                  << u"login"_s;
        QTest::newRow("null password") << QByteArray(R"({"login":"a","password":null})") << false << u"missing_field"_s
                                       << u"password"_s;
        QTest::newRow("login not a string")
            << QByteArray(R"({"login":42,"password":"x"})") << false << u"invalid_field"_s << u"login"_s;
        QTest::newRow("password is an array")
            << QByteArray(R"({"login":"a","password":["x"]})") << false << u"invalid_field"_s << u"password"_s;
        QTest::newRow("empty login") << QByteArray(R"({"login":"","password":"x"})") << false << u"invalid_field"_s
                                     << u"login"_s;
        QTest::newRow("empty password") << QByteArray(R"({"login":"a","password":""})") << false << u"invalid_field"_s
                                        << u"password"_s;
        QTest::newRow("login too long") << (R"({"login":")" + QByteArray(65, 'a') + R"(","password":"x"})") << false
                                        << u"invalid_field"_s << u"login"_s;
        QTest::newRow("password at the limit")
            << (R"({"login":"a","password":")" + QByteArray(kMaxPasswordLength, 'p') + R"("})") << true << QString()
            << QString();
        QTest::newRow("password too long")
            << (R"({"login":"a","password":")" + QByteArray(kMaxPasswordLength + 1, 'p') + R"("})") << false
            << u"invalid_field"_s << u"password"_s;
        QTest::newRow("unknown field") << QByteArray(R"({"login":"a","password":"x","admin":true})") << false
                                       << u"invalid_field"_s << u"admin"_s;
    }

    void loginRequest()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(QString, errorCode);
        QFETCH(QString, errorField);

        const Result<QJsonObject> object = parseJsonObject(json);
        QVERIFY(object.ok());
        const Result<LoginRequest> request = LoginRequest::fromJson(*object);
        QCOMPARE(request.ok(), valid);
        if (!valid) {
            QCOMPARE(errorCodeName(request.error().code), errorCode);
            QCOMPARE(request.error().context, errorField);
        } else {
            QCOMPARE(LoginRequest::fromJson(request->toJson())->login, request->login);
        }
    }

    void loginResponseRoundTrip()
    {
        LoginResponse response;
        response.tokens.accessToken = u"abc_DEF-123"_s;
        response.tokens.accessExpiresAt = QDateTime(QDate(2026, 11, 28), QTime(18, 30, 0, 250), Qt::UTC);
        response.tokens.refreshToken = u"xyz-987_refresh"_s;
        response.tokens.refreshExpiresAt = QDateTime(QDate(2026, 12, 28), QTime(18, 15), Qt::UTC);
        response.user.id = u"1"_s;
        response.user.login = u"prof.martin"_s;
        response.user.displayName = u"Claire Martin"_s;
        response.user.assignments = {
            {Role::Teacher, {u"e1"_s, u"0751234J"_s, u"Lycée Victor-Hugo"_s}},
        };
        const Result<LoginResponse> back = LoginResponse::fromJson(response.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->tokens.accessToken, response.tokens.accessToken);
        QCOMPARE(back->tokens.accessExpiresAt, response.tokens.accessExpiresAt);
        QCOMPARE(back->tokens.refreshToken, response.tokens.refreshToken);
        QCOMPARE(back->tokens.refreshExpiresAt, response.tokens.refreshExpiresAt);
        QCOMPARE(back->user, response.user);
    }

    void loginResponseRefusesBadShapes_data()
    {
        // A valid answer, then one thing broken in each row.
        const QJsonObject user{{u"id"_s, u"1"_s},
                               {u"login"_s, u"a"_s},
                               {u"displayName"_s, u"A"_s},
                               {u"roles"_s, QJsonArray()}};
        const QJsonObject good{{u"accessToken"_s, u"a"_s},
                               {u"accessExpiresAt"_s, u"2026-01-01T00:00:00Z"_s},
                               {u"refreshToken"_s, u"r"_s},
                               {u"refreshExpiresAt"_s, u"2026-02-01T00:00:00Z"_s},
                               {u"user"_s, user}};
        QVERIFY(LoginResponse::fromJson(good).ok());
        auto with = [&good](const QString &key, const QJsonValue &value) {
            QJsonObject broken = good;
            if (value.isUndefined())
                broken.remove(key);
            else
                broken.insert(key, value);
            return broken;
        };
        QTest::addColumn<QJsonObject>("json");
        QTest::newRow("no access token") << with(u"accessToken"_s, QJsonValue::Undefined);
        QTest::newRow("empty refresh token") << with(u"refreshToken"_s, u""_s);
        QTest::newRow("token too long") << with(u"accessToken"_s, QString(kMaxTokenLength + 1, u'a'));
        QTest::newRow("bad date") << with(u"accessExpiresAt"_s, u"tomorrow"_s);
        QTest::newRow("date a number") << with(u"refreshExpiresAt"_s, 1700000000);
        QTest::newRow("user not an object") << with(u"user"_s, 3);
    }

    void loginResponseRefusesBadShapes()
    {
        QFETCH(QJsonObject, json);
        QVERIFY(!LoginResponse::fromJson(json).ok());
    }

    void refreshRequest_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<bool>("valid");
        QTest::newRow("good") << QJsonObject{{u"refreshToken"_s, u"abc"_s}} << true;
        QTest::newRow("missing") << QJsonObject() << false;
        QTest::newRow("not a string") << QJsonObject{{u"refreshToken"_s, 12}} << false;
        QTest::newRow("empty") << QJsonObject{{u"refreshToken"_s, u""_s}} << false;
        QTest::newRow("unknown field") << QJsonObject{{u"refreshToken"_s, u"abc"_s}, {u"accessToken"_s, u"x"_s}}
                                       << false;
    }

    void refreshRequest()
    {
        QFETCH(QJsonObject, json);
        QFETCH(bool, valid);
        QCOMPARE(RefreshRequest::fromJson(json).ok(), valid);
    }

    void validLogin_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<bool>("valid");
        QTest::newRow("dotted") << u"prof.martin"_s << true;
        QTest::newRow("digits") << u"eleve2024"_s << true;
        QTest::newRow("dash underscore") << u"a-b_c"_s << true;
        QTest::newRow("upper case") << u"Prof.Martin"_s << false;
        QTest::newRow("accent") << u"élève"_s << false;
        QTest::newRow("leading dot") << u".martin"_s << false;
        QTest::newRow("space") << u"prof martin"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("64 characters") << QString(64, u'a') << true;
        QTest::newRow("65 characters") << QString(65, u'a') << false;
    }

    void validLogin()
    {
        QFETCH(QString, login);
        QFETCH(bool, valid);
        QCOMPARE(isValidLogin(login), valid);
    }
};

QTEST_GUILESS_MAIN(TestAuthMessages)
#include "tst_authmessages.moc"
