#include "core/ids.h"
#include "core/jsonreader.h"
#include "core/userprofile.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestUserProfile : public QObject
{
    Q_OBJECT

private:
    static UserProfile teacherInTwoSchools()
    {
        const Establishment lycee{u"e1"_s, u"0751234J"_s, u"Lycée Victor-Hugo"_s};
        const Establishment college{u"e2"_s, u"0755678P"_s, u"Collège Jean-Moulin"_s};
        UserProfile profile;
        profile.id = newId();
        profile.login = u"prof.martin"_s;
        profile.displayName = u"Claire Martin"_s;
        profile.assignments = {{Role::Teacher, lycee}, {Role::Head, lycee}, {Role::Teacher, college}};
        return profile;
    }

private Q_SLOTS:
    void rolesAndEstablishmentsAreDistinct()
    {
        const UserProfile profile = teacherInTwoSchools();
        QCOMPARE(profile.roles(), (QList<Role>{Role::Teacher, Role::Head}));
        QCOMPARE(profile.establishments().size(), 2);
        QCOMPARE(profile.establishments().at(1).uai, u"0755678P"_s);
    }

    void jsonRoundTrip()
    {
        const UserProfile profile = teacherInTwoSchools();
        const Result<UserProfile> back = UserProfile::fromJson(profile.toJson());
        QVERIFY(back.ok());
        QCOMPARE(*back, profile);
        QCOMPARE(profile.toJson().value(u"roles"_s).toArray().at(0).toObject().value(u"role"_s).toString(),
                 u"teacher"_s);
    }

    void refusesBadJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("context");
        QTest::newRow("unknown role") << QByteArray(
            R"({"id":"1","login":"a","displayName":"A","roles":[{"role":"king","establishment":{"id":"e","uai":"0751234J","name":"L"}}]})")
                                      << u"user.roles[].role"_s;
        QTest::newRow("role entry not an object")
            << QByteArray(R"({"id":"1","login":"a","displayName":"A","roles":["teacher"]})") << u"user.roles[]"_s;
        QTest::newRow("establishment without name") << QByteArray(
            R"({"id":"1","login":"a","displayName":"A","roles":[{"role":"teacher","establishment":{"id":"e","uai":"0751234J"}}]})")
                                                    << u"user.roles[].establishment.name"_s;
        QTest::newRow("roles missing") << QByteArray(R"({"id":"1","login":"a","displayName":"A"})") << u"user.roles"_s;
    }

    void refusesBadJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, context);
        const Result<QJsonObject> object = parseJsonObject(json);
        QVERIFY(object.ok());
        const Result<UserProfile> profile = UserProfile::fromJson(*object);
        QVERIFY(!profile.ok());
        QCOMPARE(profile.error().context, context);
    }

    void uai_data()
    {
        QTest::addColumn<QString>("uai");
        QTest::addColumn<bool>("valid");
        QTest::newRow("lycée") << u"0751234J"_s << true;
        QTest::newRow("collège") << u"0755678P"_s << true;
        QTest::newRow("wrong key") << u"0751234A"_s << false;
        QTest::newRow("lower-case key") << u"0751234j"_s << false;
        QTest::newRow("six digits") << u"075123J"_s << false;
        QTest::newRow("no key") << u"0751234"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void uai()
    {
        QFETCH(QString, uai);
        QFETCH(bool, valid);
        QCOMPARE(isValidUai(uai), valid);
    }

    void ids()
    {
        const QString a = newId();
        const QString b = newId();
        QVERIFY(isValidId(a));
        QVERIFY(a != b);
        QCOMPARE(a, a.toLower());
        QVERIFY(!isValidId(u'{' + a + u'}'));
        QVERIFY(!isValidId(a.toUpper()));
        QVERIFY(!isValidId(u"not-a-uuid"_s));
        // Version 7, RFC 9562 variant.
        QCOMPARE(a.at(14), u'7');
        QVERIFY(u"89ab"_s.contains(a.at(19)));
        // Ids of before still read.
        QVERIFY(isValidId(u"3f2504e0-4f89-41d3-9a0c-0305e82c3301"_s));
    }

    void idsCarryTheirTimeAndSortByIt()
    {
        QRandomGenerator random(7);
        // 2024-09-02 08:00:00.123 UTC is 0x0191b1bf747b ms.
        const QString id = timeOrderedId(1725264000123, random);
        QVERIFY(isValidId(id));
        QVERIFY2(id.startsWith(u"0191b1bf-747b-7"_s), qPrintable(id));
        QString previous;
        for (qint64 millis = 1725264000000; millis < 1725264000000 + 2000; millis += 7) {
            const QString next = timeOrderedId(millis, random);
            QVERIFY2(next > previous, qPrintable(next + u" after "_s + previous));
            previous = next;
        }
        // Same time, different ids.
        QVERIFY(timeOrderedId(1725264000000, random) != timeOrderedId(1725264000000, random));
        // What newId() makes now sorts after what was made a moment ago.
        const QString before = timeOrderedId(QDateTime::currentMSecsSinceEpoch() - 5, random);
        QVERIFY(newId() > before);
    }
};

QTEST_GUILESS_MAIN(TestUserProfile)
#include "tst_userprofile.moc"
