// The replicas on a computer that several people use: folders and files
// readable by their user alone (also those an older version left open), and
// the removal of an account's copy with what SQLite and the attachments keep
// beside it.

#include "sync/privatefiles.h"
#include "sync/replicafiles.h"
#include "sync/replicastore.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/replica/replicaschema.h"
#include "tests/support/samplerecords.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Cartable;
using namespace Cartable::Sync;
using namespace Qt::StringLiterals;

namespace {

// The permission bits of a file or folder, as ls shows them; -1 when it is
// not there.
int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 0777);
}

bool setMode(const QString &path, int mode)
{
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

QString blobName(int variant)
{
    return QString::number(variant).repeated(64).left(64);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestReplicaFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_opened = 0;

    std::unique_ptr<ReplicaStore> open(const QString &path)
    {
        Core::Result<std::unique_ptr<ReplicaStore>> store = ReplicaStore::open(path, u"files-%1"_s.arg(++m_opened));
        if (!store) {
            qWarning("cannot open the replica: %s", qPrintable(store.error().context));
            return nullptr;
        }
        return std::move(store).value();
    }

    // An attachment row of the replica that names the blob `sha256`.
    static bool nameBlob(ReplicaStore &store, int variant, const QString &sha256)
    {
        const Core::EntityDef &entity = *Core::findEntity(u"attachment"_s);
        Core::Record row = Test::sampleRecord(entity, variant);
        row.set(u"sha256"_s, sha256);
        QSqlDatabase db = store.database();
        QString error;
        if (!Test::insertRecord(db, entity, row, &error)) {
            qWarning("cannot insert the attachment: %s", qPrintable(error));
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fileNameIsStableAcrossVersions()
    {
        // Replicas made by earlier versions must be found again after an
        // upgrade: the name never changes.
        const QUrl server(u"https://ent.lycee.example"_s);
        QCOMPARE(ReplicaFiles::fileName(server, u"prof.martin"_s), u"prof.martin-2d316f9cf88e.sqlite"_s);
        QVERIFY(ReplicaFiles::fileName(server, u"parent.dubois"_s) != ReplicaFiles::fileName(server, u"prof.martin"_s));
        QVERIFY(ReplicaFiles::fileName(QUrl(u"https://other.example"_s), u"prof.martin"_s)
                != ReplicaFiles::fileName(server, u"prof.martin"_s));
        QCOMPARE(ReplicaFiles::pathIn(u"/data/replicas"_s, server, u"prof.martin"_s),
                 u"/data/replicas/prof.martin-2d316f9cf88e.sqlite"_s);
    }

    void newReplicaIsTheUsersAlone()
    {
        const QString folder = m_dir.filePath(u"new/replicas"_s);
        QVERIFY(ReplicaFiles::prepareFolder(folder));
        QCOMPARE(modeOf(folder), 0700);
        const QString path = ReplicaFiles::pathIn(folder, QUrl(u"https://ent.lycee.example"_s), u"prof.martin"_s);
        std::unique_ptr<ReplicaStore> store = open(path);
        QVERIFY(store);
        // A write makes SQLite create its log and the log's index.
        QVERIFY(nameBlob(*store, 1, blobName(1)));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(path + u"-wal"_s), 0600);
        QCOMPARE(modeOf(path + u"-shm"_s), 0600);
    }

    void fileNamedByTheUserIsPrivateButNotItsFolder()
    {
        // cartable-cli --replica FILE: the file holds account data, the
        // folder is the user's own business.
        const QString folder = m_dir.filePath(u"documents"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(setMode(folder, 0755));
        const QString path = folder + u"/mine.sqlite"_s;
        std::unique_ptr<ReplicaStore> store = open(path);
        QVERIFY(store);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(folder), 0755);
    }

    void filesOfAnOlderVersionAreTightened()
    {
        const QString folder = m_dir.filePath(u"older/replicas"_s);
        QVERIFY(QDir().mkpath(folder + u"/blobs"_s));
        const QString path = folder + u"/prof.martin-0123456789ab.sqlite"_s;
        const QString blob = folder + u"/blobs/"_s + blobName(2);
        QVERIFY(writeFile(blob, "a worksheet"));
        // An older version opened it without caring for modes; its
        // connection is still open, so its log and index are on disk.
        const QString connection = u"older-version"_s;
        {
            const Core::Result<QSqlDatabase> older = Core::openReplica(path, connection);
            QVERIFY(older);
            QSqlDatabase db = *older;
            QSqlQuery query(db);
            QVERIFY(query.exec(u"INSERT INTO replica_info (key, value) VALUES ('older', 'yes')"_s));
            QVERIFY(QFile::exists(path + u"-wal"_s));
            QVERIFY(QFile::exists(path + u"-shm"_s));
            QVERIFY(writeFile(path + u"-journal"_s, {}));
            const QStringList files{path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s, blob};
            for (const QString &file : files)
                QVERIFY(setMode(file, 0644));
            QVERIFY(setMode(folder + u"/blobs"_s, 0755));
            QVERIFY(setMode(folder, 0755));

            // What the client and the CLI do each time they open it.
            QVERIFY(ReplicaFiles::prepareFolder(folder));
            std::unique_ptr<ReplicaStore> store = open(path);
            QVERIFY(store);
            QCOMPARE(modeOf(folder), 0700);
            QCOMPARE(modeOf(folder + u"/blobs"_s), 0700);
            QCOMPARE(modeOf(blob), 0600);
            QCOMPARE(modeOf(path), 0600);
            QCOMPARE(modeOf(path + u"-wal"_s), 0600);
            QCOMPARE(modeOf(path + u"-shm"_s), 0600);
            QCOMPARE(modeOf(path + u"-journal"_s), 0600);
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void privateFilesRefuseWhatTheyCannotBe()
    {
        const QString file = m_dir.filePath(u"a-file"_s);
        QVERIFY(writeFile(file, "x"));
        QVERIFY(!PrivateFiles::makeFolder(file));
        QVERIFY(!PrivateFiles::restrict(m_dir.path()));
        // A missing file is nothing to restrict.
        QVERIFY(PrivateFiles::restrict(m_dir.filePath(u"missing"_s)));
        QVERIFY(!QFile::exists(m_dir.filePath(u"missing"_s)));
        // A file made where one is already keeps its content.
        QVERIFY(setMode(file, 0644));
        QVERIFY(PrivateFiles::makeFile(file));
        QCOMPARE(modeOf(file), 0600);
        QFile kept(file);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("x"));
    }

    void removeTakesTheCompanionsAndTheBlobsOfNoOtherReplica()
    {
        const QString folder = m_dir.filePath(u"shared/replicas"_s);
        QVERIFY(ReplicaFiles::prepareFolder(folder));
        const QString blobs = ReplicaFiles::blobFolder(folder);
        QVERIFY(PrivateFiles::makeFolder(blobs));
        const QString teacher = folder + u"/prof.martin-0123456789ab.sqlite"_s;
        const QString guardian = folder + u"/parent.dubois-0123456789ab.sqlite"_s;
        {
            std::unique_ptr<ReplicaStore> teacherStore = open(teacher);
            std::unique_ptr<ReplicaStore> guardianStore = open(guardian);
            QVERIFY(teacherStore && guardianStore);
            // The teacher's own blob, one both name, and one nobody names.
            QVERIFY(nameBlob(*teacherStore, 1, blobName(3)));
            QVERIFY(nameBlob(*teacherStore, 2, blobName(4)));
            QVERIFY(nameBlob(*guardianStore, 1, blobName(4)));
            for (int variant : {3, 4, 5})
                QVERIFY(writeFile(blobs + u'/' + blobName(variant), "bytes"));
        }
        // A journal that a crash left behind.
        QVERIFY(writeFile(teacher + u"-journal"_s, {}));
        QVERIFY(ReplicaFiles::exists(teacher));

        QVERIFY(ReplicaFiles::remove(teacher));
        QVERIFY(!ReplicaFiles::exists(teacher));
        for (const QString &companion : ReplicaFiles::companions(teacher))
            QVERIFY2(!QFile::exists(companion), qPrintable(companion));
        QVERIFY(!QFile::exists(blobs + u'/' + blobName(3)));
        QVERIFY(QFile::exists(blobs + u'/' + blobName(4)));
        // Another replica is there: a blob nobody names may be its next one.
        QVERIFY(QFile::exists(blobs + u'/' + blobName(5)));
        QVERIFY(QFile::exists(guardian));

        // The last replica of the folder takes every blob with it.
        QVERIFY(ReplicaFiles::remove(guardian));
        QVERIFY(!ReplicaFiles::exists(guardian));
        QVERIFY(!QFile::exists(blobs));
        QVERIFY(QFile::exists(folder));
        // Removing what is gone already is no error.
        QVERIFY(ReplicaFiles::remove(guardian));
    }

    void blobsStayWhenAnotherReplicaCannotBeRead()
    {
        const QString folder = m_dir.filePath(u"unreadable/replicas"_s);
        QVERIFY(ReplicaFiles::prepareFolder(folder));
        const QString blobs = ReplicaFiles::blobFolder(folder);
        QVERIFY(PrivateFiles::makeFolder(blobs));
        const QString teacher = folder + u"/prof.martin-0123456789ab.sqlite"_s;
        {
            std::unique_ptr<ReplicaStore> store = open(teacher);
            QVERIFY(store);
            QVERIFY(nameBlob(*store, 1, blobName(6)));
        }
        QVERIFY(writeFile(blobs + u'/' + blobName(6), "bytes"));
        QVERIFY(writeFile(folder + u"/damaged-0123456789ab.sqlite"_s, "not a database"));

        QVERIFY(ReplicaFiles::remove(teacher));
        QVERIFY(!QFile::exists(teacher));
        QVERIFY(QFile::exists(blobs + u'/' + blobName(6)));
    }

    void eachAccountHasItsOwnBlobFolder()
    {
        const QString folder = m_dir.filePath(u"own/replicas"_s);
        QVERIFY(ReplicaFiles::prepareFolder(folder));
        const QString teacher = folder + u"/prof.martin-0123456789ab.sqlite"_s;
        const QString guardian = folder + u"/parent.dubois-0123456789ab.sqlite"_s;
        QCOMPARE(ReplicaFiles::blobFolderOf(teacher), teacher + u".blobs"_s);
        {
            std::unique_ptr<ReplicaStore> teacherStore = open(teacher);
            std::unique_ptr<ReplicaStore> guardianStore = open(guardian);
            QVERIFY(teacherStore && guardianStore);
            // Both name the same file, each keeps its own copy.
            QVERIFY(nameBlob(*teacherStore, 1, blobName(7)));
            QVERIFY(nameBlob(*guardianStore, 1, blobName(7)));
        }
        QCOMPARE(modeOf(ReplicaFiles::blobFolderOf(teacher)), 0700);
        QCOMPARE(modeOf(ReplicaFiles::blobFolderOf(guardian)), 0700);
        const QString teachersCopy = ReplicaFiles::blobFolderOf(teacher) + u'/' + blobName(7);
        const QString guardiansCopy = ReplicaFiles::blobFolderOf(guardian) + u'/' + blobName(7);
        QVERIFY(writeFile(teachersCopy, "the teacher's"));
        QVERIFY(writeFile(guardiansCopy, "the guardian's"));
        QVERIFY(writeFile(ReplicaFiles::blobFolderOf(teacher) + u'/' + blobName(8), "named by nobody"));

        // Removing the guardian's copy never touches the teacher's files.
        QVERIFY(ReplicaFiles::remove(guardian));
        QVERIFY(!QFile::exists(ReplicaFiles::blobFolderOf(guardian)));
        QVERIFY(QFile::exists(teachersCopy));
        QVERIFY(QFile::exists(ReplicaFiles::blobFolderOf(teacher) + u'/' + blobName(8)));
        // The teacher's goes whole, named or not.
        QVERIFY(ReplicaFiles::remove(teacher));
        QVERIFY(!QFile::exists(ReplicaFiles::blobFolderOf(teacher)));
    }

    void sharedBlobsOfAnOlderVersionAreTakenIn()
    {
        const QString folder = m_dir.filePath(u"taken/replicas"_s);
        QVERIFY(ReplicaFiles::prepareFolder(folder));
        const QString shared = ReplicaFiles::blobFolder(folder);
        QVERIFY(PrivateFiles::makeFolder(shared));
        const QString teacher = folder + u"/prof.martin-0123456789ab.sqlite"_s;
        const QString guardian = folder + u"/parent.dubois-0123456789ab.sqlite"_s;
        {
            std::unique_ptr<ReplicaStore> teacherStore = open(teacher);
            std::unique_ptr<ReplicaStore> guardianStore = open(guardian);
            QVERIFY(teacherStore && guardianStore);
            QVERIFY(nameBlob(*teacherStore, 1, blobName(1)));
            QVERIFY(nameBlob(*teacherStore, 2, blobName(2)));
            QVERIFY(nameBlob(*guardianStore, 1, blobName(2)));
        }
        for (int variant : {1, 2, 3}) {
            QVERIFY(writeFile(shared + u'/' + blobName(variant), "bytes"));
            QVERIFY(setMode(shared + u'/' + blobName(variant), 0644));
        }
        // Opened again: the teacher's replica takes what it names.
        {
            std::unique_ptr<ReplicaStore> store = open(teacher);
            QVERIFY(store);
        }
        const QString own = ReplicaFiles::blobFolderOf(teacher);
        QVERIFY(QFile::exists(own + u'/' + blobName(1)));
        QVERIFY(QFile::exists(own + u'/' + blobName(2)));
        QCOMPARE(modeOf(own + u'/' + blobName(1)), 0600);
        QVERIFY(!QFile::exists(own + u'/' + blobName(3)));
        // Another replica is there: the shared copies stay for it.
        QVERIFY(QFile::exists(shared + u'/' + blobName(2)));
        QVERIFY(!QFile::exists(ReplicaFiles::blobFolderOf(guardian) + u'/' + blobName(1)));
        {
            std::unique_ptr<ReplicaStore> store = open(guardian);
            QVERIFY(store);
        }
        QVERIFY(QFile::exists(ReplicaFiles::blobFolderOf(guardian) + u'/' + blobName(2)));
        QVERIFY(!QFile::exists(ReplicaFiles::blobFolderOf(guardian) + u'/' + blobName(1)));
        // The unnamed shared blob is left to the older rule: it goes with the
        // last replica of the folder.
        QVERIFY(ReplicaFiles::remove(teacher));
        QVERIFY(QFile::exists(shared + u'/' + blobName(3)));
        QVERIFY(ReplicaFiles::remove(guardian));
        QVERIFY(!QFile::exists(shared));
    }

    void filesThatAreNotBlobsStay()
    {
        // cartable-cli --replica may name a file in any folder: what sits
        // beside it under "blobs" is only taken when it is named as a blob.
        const QString folder = m_dir.filePath(u"home"_s);
        QVERIFY(QDir().mkpath(folder + u"/blobs"_s));
        QVERIFY(writeFile(folder + u"/blobs/notes.txt"_s, "mine"));
        const QString path = folder + u"/cartable.sqlite"_s;
        {
            std::unique_ptr<ReplicaStore> store = open(path);
            QVERIFY(store);
        }
        QVERIFY(ReplicaFiles::remove(path));
        QVERIFY(!QFile::exists(path));
        QVERIFY(QFile::exists(folder + u"/blobs/notes.txt"_s));
    }
};

QTEST_GUILESS_MAIN(TestReplicaFiles)
#include "tst_replicafiles.moc"
