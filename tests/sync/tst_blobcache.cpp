// One account's file cache: files copied in streamed and hashed, refused
// when they are not of an accepted type, too large or empty (nothing kept
// then), kept apart from another account's, downloads adopted and cached
// files saved where the user chooses.

#include "sync/blobcache.h"
#include "sync/replicafiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Cartable;
using namespace Cartable::Sync;
using namespace Qt::StringLiterals;
using Core::ErrorCode;

namespace {

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 0777);
}

// A PDF's first bytes, then `size` bytes in all of pseudo-random data.
QByteArray pdfBytes(qint64 size, quint32 seed)
{
    QByteArray bytes("%PDF-1.7\n");
    QRandomGenerator random(seed);
    while (bytes.size() < size)
        bytes.append(char(random.bounded(256)));
    bytes.truncate(size);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The files of a folder, whatever their names; none when it is missing.
QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden);
}

} // namespace

class TestBlobCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    QString newReplicaPath() { return m_dir.filePath(u"replicas/account-%1.sqlite"_s.arg(++m_next)); }
    QString source(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(u"source-%1-"_s.arg(++m_next) + name);
        return writeFile(path, bytes) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"replicas"_s)));
    }

    void importCopiesAndHashes()
    {
        const QString replica = newReplicaPath();
        BlobCache cache(replica);
        QCOMPARE(cache.folder(), ReplicaFiles::blobFolderOf(replica));
        // Larger than a piece of the copy, and not a multiple of one.
        const QByteArray bytes = pdfBytes((qint64(3) << 20) + 12345, 1);
        const QString file = source(u"Cours de physique.pdf"_s, bytes);
        const Core::Result<BlobCache::Imported> imported = cache.import(file);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().context));
        QCOMPARE(imported->sha256, sha256Of(bytes));
        QCOMPARE(imported->size, bytes.size());
        QCOMPARE(imported->mimeType, u"application/pdf"_s);
        QVERIFY(imported->fileName.endsWith(u"Cours de physique.pdf"_s));
        QVERIFY(cache.contains(imported->sha256));
        QCOMPARE(readFile(cache.path(imported->sha256)), bytes);
        QCOMPARE(modeOf(cache.folder()), 0700);
        QCOMPARE(modeOf(cache.path(imported->sha256)), 0600);
        // Nothing else is left in the cache: no copy under another name.
        QCOMPARE(filesIn(cache.folder()), QStringList{imported->sha256});

        // The same file again is the same blob, kept once.
        const Core::Result<BlobCache::Imported> again = cache.import(file);
        QVERIFY(again);
        QCOMPARE(again->sha256, imported->sha256);
        QCOMPARE(filesIn(cache.folder()), QStringList{imported->sha256});
    }

    void importMakesTheNameSafe()
    {
        BlobCache cache(newReplicaPath());
        const Core::Result<BlobCache::Imported> imported = cache.import(
            source(u"devoir: \"chapitre 2\".txt"_s, "Exercice 1\n"));
        QVERIFY(imported);
        QVERIFY2(imported->fileName.endsWith(u"devoir_ _chapitre 2_.txt"_s), qPrintable(imported->fileName));
        QCOMPARE(imported->mimeType, u"text/plain"_s);
    }

    void importRefuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("maxBytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("context");
        QTest::newRow("a Windows program")
            << QByteArray("MZ\x90\x00\x03\x00\x00\x00", 8) + QByteArray(600, '\0') << BlobCache::kDefaultMaxBytes
            << int(ErrorCode::FileTypeRefused) << QString();
        QTest::newRow("a Linux program") << QByteArray("\x7f"
                                                       "ELF\x02\x01\x01",
                                                       7)
                                                + QByteArray(600, '\1')
                                         << BlobCache::kDefaultMaxBytes << int(ErrorCode::FileTypeRefused) << QString();
        QTest::newRow("HTML") << QByteArray("<!DOCTYPE html><html><script>alert(1)</script></html>")
                              << BlobCache::kDefaultMaxBytes << int(ErrorCode::FileTypeRefused) << QString();
        QTest::newRow("too large") << pdfBytes(5000, 2) << qint64(4999) << int(ErrorCode::PayloadTooLarge)
                                   << u"file.too_large"_s;
        QTest::newRow("empty") << QByteArray() << BlobCache::kDefaultMaxBytes << int(ErrorCode::MissingField)
                               << u"file.empty"_s;
    }

    void importRefuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, maxBytes);
        QFETCH(int, code);
        QFETCH(QString, context);
        BlobCache cache(newReplicaPath());
        const QString file = source(u"file.bin"_s, bytes);
        QVERIFY(!file.isEmpty());
        const Core::Result<BlobCache::Imported> imported = cache.import(file, maxBytes);
        QVERIFY(!imported);
        QCOMPARE(int(imported.error().code), code);
        if (!context.isEmpty())
            QCOMPARE(imported.error().context, context);
        // Nothing kept, not even a half-written copy.
        QCOMPARE(filesIn(cache.folder()), QStringList());
        QVERIFY(!cache.contains(sha256Of(bytes)));
    }

    void importRefusesWhatCannotBeRead()
    {
        BlobCache cache(newReplicaPath());
        const Core::Result<BlobCache::Imported> missing = cache.import(m_dir.filePath(u"no-such-file.pdf"_s));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(missing.error().context, u"file.unreadable"_s);
        const Core::Result<BlobCache::Imported> folder = cache.import(m_dir.path());
        QVERIFY(!folder);
        QCOMPARE(folder.error().code, ErrorCode::NotFound);
        QCOMPARE(filesIn(cache.folder()), QStringList());
    }

    void accountsKeepTheirFilesApart()
    {
        const QString teacher = newReplicaPath();
        const QString guardian = newReplicaPath();
        BlobCache teacherCache(teacher);
        BlobCache guardianCache(guardian);
        QVERIFY(teacherCache.folder() != guardianCache.folder());
        const Core::Result<BlobCache::Imported> imported = teacherCache.import(source(u"a.pdf"_s, pdfBytes(4000, 3)));
        QVERIFY(imported);
        QVERIFY(teacherCache.contains(imported->sha256));
        QVERIFY(!guardianCache.contains(imported->sha256));
        QVERIFY(guardianCache.path(imported->sha256).isEmpty());

        // Removing the other account's copy leaves this one's files.
        QVERIFY(writeFile(guardian, {}));
        QVERIFY(ReplicaFiles::remove(guardian));
        QVERIFY(teacherCache.contains(imported->sha256));
        // Removing this one's takes its whole folder.
        QVERIFY(writeFile(teacher, {}));
        QVERIFY(ReplicaFiles::remove(teacher));
        QVERIFY(!teacherCache.contains(imported->sha256));
        QVERIFY(!QFileInfo::exists(teacherCache.folder()));
    }

    void adoptMovesADownloadIn()
    {
        BlobCache cache(newReplicaPath());
        const QByteArray bytes = pdfBytes(70000, 4);
        const QString sha256 = sha256Of(bytes);
        QVERIFY(!cache.contains(sha256));
        const QString partial = cache.partialPath(sha256);
        QVERIFY(partial.startsWith(cache.folder() + u'/'));
        QVERIFY(QDir().mkpath(cache.folder()));
        QVERIFY(writeFile(partial, bytes));
        QVERIFY(cache.adopt(sha256, partial));
        QVERIFY(!QFile::exists(partial));
        QCOMPARE(readFile(cache.path(sha256)), bytes);
        QCOMPARE(modeOf(cache.path(sha256)), 0600);

        // Bad input changes nothing.
        const Core::Status badName = cache.adopt(u"not-a-hash"_s, partial);
        QVERIFY(!badName);
        QCOMPARE(badName.error().code, ErrorCode::InvalidFormat);
        const Core::Status gone = cache.adopt(sha256, partial);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QCOMPARE(readFile(cache.path(sha256)), bytes);
        QVERIFY(cache.partialPath(u"../../etc/passwd"_s).isEmpty());
        QVERIFY(cache.path(u"../../etc/passwd"_s).isEmpty());
    }

    void saveAsCopiesOut()
    {
        BlobCache cache(newReplicaPath());
        const QByteArray bytes = pdfBytes((qint64(1) << 20) * 2 + 7, 5);
        const Core::Result<BlobCache::Imported> imported = cache.import(source(u"b.pdf"_s, bytes));
        QVERIFY(imported);
        const QString target = m_dir.filePath(u"saved/copy.pdf"_s);
        QVERIFY(QDir().mkpath(m_dir.filePath(u"saved"_s)));
        QVERIFY(cache.saveAs(imported->sha256, target));
        QCOMPARE(readFile(target), bytes);

        const QString other = m_dir.filePath(u"saved/other.pdf"_s);
        const Core::Status unknown = cache.saveAs(sha256Of("nothing"), other);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(other));
        const Core::Status nowhere = cache.saveAs(imported->sha256, m_dir.filePath(u"no/such/folder/x.pdf"_s));
        QVERIFY(!nowhere);

        cache.remove(imported->sha256);
        QVERIFY(!cache.contains(imported->sha256));
        QCOMPARE(readFile(target), bytes);
    }
};

QTEST_GUILESS_MAIN(TestBlobCache)
#include "tst_blobcache.moc"
