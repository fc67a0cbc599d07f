#include "core/passwordpolicy.h"

#include <QSet>
#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newPassword_data()
    {
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("eight characters") << u"k7!pQ2zx"_s << QString();
        QTest::newRow("a sentence") << u"Le cartable de Léa est rouge"_s << QString();
        QTest::newRow("seven characters") << u"k7!pQ2z"_s << u"too_short"_s;
        // Eight characters as people count them: é is one, not two bytes.
        QTest::newRow("accented, eight") << u"éléphant"_s << QString();
        // One emoji is two UTF-16 units but one character.
        QTest::newRow("emoji counts once") << u"abcdef\U0001F600"_s << u"too_short"_s;
        QTest::newRow("contains the login") << u"xxprof.martin99"_s << u"contains_login"_s;
        QTest::newRow("login in capitals") << u"PROF.MARTIN-2026"_s << u"contains_login"_s;
        QTest::newRow("unchanged") << u"cartable-actuel"_s << u"unchanged"_s;
        QTest::newRow("too long") << QString(1025, u'a') << u"too_long"_s;
    }

    void newPassword()
    {
        QFETCH(QString, chosen);
        QFETCH(QString, reason);
        const Status status = checkNewPassword(chosen, u"prof.martin"_s, u"cartable-actuel"_s);
        if (reason.isEmpty()) {
            QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().context));
        } else {
            QVERIFY(!status.ok());
            QCOMPARE(status.error().code, ErrorCode::WeakPassword);
            QCOMPARE(status.error().context, reason);
        }
    }

    void temporaryPasswords()
    {
        QSet<QString> seen;
        for (int i = 0; i < 100; ++i) {
            const QString password = makeTemporaryPassword();
            QCOMPARE(password.size(), 19); // four groups of four, three dashes
            QCOMPARE(password.count(u'-'), 3);
            for (const QChar c : password)
                QVERIFY2(!QStringLiteral("0O1lI").contains(c), qPrintable(password));
            QVERIFY(checkNewPassword(password, u"prof.martin"_s, QString()).ok());
            seen.insert(password);
        }
        QCOMPARE(seen.size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
