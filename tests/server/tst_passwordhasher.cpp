#include "server/authservice.h"
#include "server/passwordhasher.h"

#include <QSet>
#include <QTest>

using namespace Cartable::Server;
using namespace Qt::StringLiterals;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashesAreArgon2idAndSalted()
    {
        const PasswordHasher hasher;
        const QByteArray first = hasher.hash(u"Mot de passe élève 1"_s).value();
        const QByteArray second = hasher.hash(u"Mot de passe élève 1"_s).value();
        QVERIFY2(first.startsWith("$argon2id$"), first.constData());
        QVERIFY(first != second);
        QVERIFY(hasher.verify(first, u"Mot de passe élève 1"_s));
        QVERIFY(hasher.verify(second, u"Mot de passe élève 1"_s));
        QVERIFY(!hasher.verify(first, u"Mot de passe eleve 1"_s));
        QVERIFY(!hasher.verify(first, QString()));
    }

    void corruptHashesNeverVerify_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain text") << QByteArray("cartable");
        QTest::newRow("truncated") << QByteArray("$argon2id$v=19$m=65536,t=2,p=1$");
        QTest::newRow("too long") << QByteArray(4096, '$');
    }

    void corruptHashesNeverVerify()
    {
        QFETCH(QByteArray, stored);
        QVERIFY(!PasswordHasher().verify(stored, u"cartable"_s));
    }

    void tokensAreRandomAndStoredAsHashes()
    {
        QSet<QString> tokens;
        for (int i = 0; i < 200; ++i) {
            const QString token = newSessionToken();
            QCOMPARE(token.size(), 43); // 32 bytes in base64url without padding
            QVERIFY(!bearerToken("Bearer " + token.toLatin1()).isEmpty());
            tokens.insert(token);
        }
        QCOMPARE(tokens.size(), 200);
        const QString token = newSessionToken();
        QCOMPARE(tokenHash(token).size(), 64);
        QCOMPARE(tokenHash(token), tokenHash(token));
        QVERIFY(!tokenHash(token).contains(token));
    }

    void bearerHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("token");
        QTest::newRow("plain") << QByteArray("Bearer abc-DEF_123") << u"abc-DEF_123"_s;
        QTest::newRow("spaces around") << QByteArray("  Bearer abc  ") << u"abc"_s;
        QTest::newRow("lower-case scheme") << QByteArray("bearer abc") << u"abc"_s;
        QTest::newRow("basic") << QByteArray("Basic abc") << QString();
        QTest::newRow("empty token") << QByteArray("Bearer ") << QString();
        QTest::newRow("padding") << QByteArray("Bearer abc=") << QString();
        QTest::newRow("quote") << QByteArray("Bearer a'b") << QString();
        QTest::newRow("too long") << ("Bearer " + QByteArray(129, 'a')) << QString();
    }

    void bearerHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, token);
        QCOMPARE(bearerToken(header), token);
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
