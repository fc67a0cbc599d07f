#include "core/authmessages.h"
#include "core/jsonreader.h"

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
        response.token = u"abc_DEF-123"_s;
        response.expiresAt = QDateTime(QDate(2026, 11, 28), QTime(18, 30, 0, 250), Qt::UTC);
        response.user.id = u"1"_s;
        response.user.login = u"prof.martin"_s;
        response.user.displayName = u"Claire Martin"_s;
        response.user.assignments = {
            {Role::Teacher, {u"e1"_s, u"0751234J"_s, u"Lycée Victor-Hugo"_s}},
        };
        const Result<LoginResponse> back = LoginResponse::fromJson(response.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->token, response.token);
        QCOMPARE(back->expiresAt, response.expiresAt);
        QCOMPARE(back->user, response.user);
    }

    void loginResponseRefusesBadShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no token") << QByteArray(R"({"expiresAt":"2026-01-01T00:00:00Z","user":{}})");
        QTest::newRow("empty token") << QByteArray(
            R"({"token":"","expiresAt":"2026-01-01T00:00:00Z","user":{"id":"1","login":"a","displayName":"A","roles":[]}})");
        QTest::newRow("bad date") << QByteArray(
            R"({"token":"t","expiresAt":"tomorrow","user":{"id":"1","login":"a","displayName":"A","roles":[]}})");
        QTest::newRow("user not an object")
            << QByteArray(R"({"token":"t","expiresAt":"2026-01-01T00:00:00Z","user":3})");
    }

    void loginResponseRefusesBadShapes()
    {
        QFETCH(QByteArray, json);
        const Result<QJsonObject> object = parseJsonObject(json);
        QVERIFY(object.ok());
        QVERIFY(!LoginResponse::fromJson(*object).ok());
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
