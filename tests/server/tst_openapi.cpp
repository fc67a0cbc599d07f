// The OpenAPI description in the repository (server/api/openapi.json, served
// at /api/v1/openapi.json) names every route the server registers, and only
// those, with their methods.

#include "server/accountstore.h"
#include "server/apiserver.h"
#include "server/authservice.h"
#include "server/blobs/blobservice.h"
#include "server/blobs/filesystemblobstorage.h"
#include "server/loginthrottle.h"
#include "server/passwordhasher.h"
#include "server/serverdatabase.h"
#include "server/sessionstore.h"
#include "server/sync/nudgehub.h"
#include "server/sync/syncendpoints.h"

#include "tests/support/testdatabase.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;

class TestOpenApi : public QObject
{
    Q_OBJECT

private:
    // Every "$ref" in `value` points at something in `document`.
    static void checkReferences(const QJsonValue &value, const QJsonObject &document, QStringList &broken)
    {
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                checkReferences(item, document, broken);
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key() == u"$ref"_s) {
                QJsonValue target = document;
                const QStringList parts = it.value().toString().mid(2).split(u'/');
                for (const QString &part : parts)
                    target = target.toObject().value(part);
                if (!it.value().toString().startsWith(u"#/"_s) || target.isUndefined())
                    broken.append(it.value().toString());
            } else {
                checkReferences(it.value(), document, broken);
            }
        }
    }

private Q_SLOTS:
    void describesEveryRoute()
    {
        Test::TestDatabase database(Test::Backend::Sqlite);
        QVERIFY2(database.create(), qPrintable(database.errorString()));
        {
            Core::Result<QSqlDatabase> opened = openServerDatabase(database.spec(), u"openapi"_s);
            QVERIFY(opened.ok());
            QSqlDatabase db = opened.value();
            AccountStore accounts(db);
            SessionStore sessions(db);
            const PasswordHasher hasher;
            LoginThrottle throttle(db, ThrottlePolicy{});
            AuthService auth(accounts, sessions, hasher, throttle, SessionLifetimes{});
            ApiServer api(auth, accounts, 1024 * 1024);
            SyncEndpoints sync(db);
            api.enableSync(sync);
            FilesystemBlobStorage storage(database.folder() + u"/blobs"_s);
            BlobService blobs(db, storage, {});
            api.enableBlobs(blobs);
            NudgeHub nudges(
                db, [](const QString &) { return QString(); }, [](const QString &) { return QStringList(); });
            api.enableNudges(nudges);

            QSet<QString> registered;
            for (const QString &route : api.routeList())
                registered.insert(route);
            QVERIFY(registered.contains(u"POST /api/v1/sync/pull"_s));

            const QJsonObject document = openApiDocument();
            QCOMPARE(document.value(u"openapi"_s).toString(), u"3.0.3"_s);
            QSet<QString> described;
            const QJsonObject paths = document.value(u"paths"_s).toObject();
            for (auto path = paths.constBegin(); path != paths.constEnd(); ++path) {
                const QJsonObject operations = path.value().toObject();
                for (auto op = operations.constBegin(); op != operations.constEnd(); ++op) {
                    described.insert(op.key().toUpper() + u' ' + path.key());
                    QVERIFY2(!op.value().toObject().value(u"responses"_s).toObject().isEmpty(), qPrintable(path.key()));
                }
            }
            QCOMPARE(described, registered);

            QStringList broken;
            checkReferences(document, document, broken);
            QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u", "_s)));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"openapi"_s);
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
