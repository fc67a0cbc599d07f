// Files on disk (server/blobs/filesystemblobstorage.h): staging that
// survives a torn write, an atomic commit, ranges, and no path tricks.

#include "server/blobs/filesystemblobstorage.h"

#include "core/ids.h"
#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Core::ErrorCode;

namespace {

const QString kEstablishment = u"6f1c2f5e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"_s;

QString shaOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(seed + i % 251);
    return bytes;
}

} // namespace

class TestBlobStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_storage = std::make_unique<FilesystemBlobStorage>(m_dir->filePath(u"blobs"_s));
        QVERIFY(m_storage->open().ok());
    }

    void stagesCommitsAndReads()
    {
        const QString upload = Core::newId();
        const QByteArray first = pattern(3 * FilesystemBlobStorage::kPieceBytes / 2, 'a');
        const QByteArray second = pattern(1000, 'k');
        QCOMPARE(m_storage->stagedSize(upload).value(), 0);
        QVERIFY(m_storage->writeStaged(upload, 0, first).ok());
        QCOMPARE(m_storage->stagedSize(upload).value(), first.size());
        QVERIFY(m_storage->writeStaged(upload, first.size(), second).ok());
        const QByteArray whole = first + second;
        QCOMPARE(m_storage->stagedSha256(upload).value(), QCryptographicHash::hash(whole, QCryptographicHash::Sha256));
        QCOMPARE(m_storage->readStaged(upload, 10, 20).value(), whole.mid(10, 20));
        QCOMPARE(m_storage->stagedUploads().value(), QStringList{upload});

        const BlobKey key{kEstablishment, shaOf(whole)};
        QVERIFY(!m_storage->contains(key).value());
        QCOMPARE(m_storage->size(key).error().code, ErrorCode::NotFound);
        QVERIFY(m_storage->commitStaged(upload, key).ok());
        QVERIFY(m_storage->contains(key).value());
        QCOMPARE(m_storage->size(key).value(), whole.size());
        QCOMPARE(m_storage->stagedSize(upload).value(), 0);
        QVERIFY(m_storage->stagedUploads().value().isEmpty());
        QCOMPARE(m_storage->read(key, 0, whole.size()).value(), whole);
        QCOMPARE(m_storage->read(key, whole.size() - 5, 100).value(), whole.right(5));
        QCOMPARE(m_storage->read(key, whole.size() + 5, 100).value(), QByteArray());

        // Where it is, and who may read it.
        const QString path = m_dir->filePath(u"blobs/%1/%2/%3"_s.arg(kEstablishment, key.sha256.left(2), key.sha256));
        QVERIFY(QFileInfo(path).isFile());
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                          | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFileInfo(path).permissions() & others, QFile::Permissions());
        QVERIFY(QFileInfo(path).permissions().testFlag(QFile::ReadOwner));
        QCOMPARE(QFileInfo(QFileInfo(path).absolutePath()).permissions() & others, QFile::Permissions());
        QCOMPARE(QFileInfo(m_dir->filePath(u"blobs/uploads"_s)).permissions() & others, QFile::Permissions());

        const QList<StoredBlob> listed = m_storage->list().value();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().key, key);
        QCOMPARE(listed.first().size, whole.size());

        // The same bytes again: the copy is dropped, the blob stays.
        const QString again = Core::newId();
        QVERIFY(m_storage->writeStaged(again, 0, whole).ok());
        QVERIFY(m_storage->commitStaged(again, key).ok());
        QCOMPARE(m_storage->stagedSize(again).value(), 0);
        QCOMPARE(m_storage->read(key, 0, whole.size()).value(), whole);

        QVERIFY(m_storage->remove(key).ok());
        QVERIFY(!m_storage->contains(key).value());
        QVERIFY(m_storage->remove(key).ok());
        QVERIFY(m_storage->list().value().isEmpty());
    }

    // A write cut by a crash leaves bytes past what the database counted:
    // the next chunk at the counted offset replaces them.
    void tornWriteIsCutAtTheOffset()
    {
        const QString upload = Core::newId();
        QVERIFY(m_storage->writeStaged(upload, 0, "0123456789").ok());
        {
            QFile staged(m_dir->filePath(u"blobs/uploads/"_s + upload));
            QVERIFY(staged.open(QIODevice::Append));
            staged.write("half of a lost chu");
        }
        QCOMPARE(m_storage->stagedSize(upload).value(), 28);
        QVERIFY(m_storage->writeStaged(upload, 10, "abc").ok());
        QCOMPARE(m_storage->readStaged(upload, 0, 100).value(), QByteArray("0123456789abc"));
        // Rewriting the last chunk is harmless too.
        QVERIFY(m_storage->writeStaged(upload, 10, "abc").ok());
        QCOMPARE(m_storage->readStaged(upload, 0, 100).value(), QByteArray("0123456789abc"));
        // A gap is refused and changes nothing.
        QCOMPARE(m_storage->writeStaged(upload, 20, "x").error().code, ErrorCode::InvalidField);
        QCOMPARE(m_storage->readStaged(upload, 0, 100).value(), QByteArray("0123456789abc"));
        QVERIFY(m_storage->discardStaged(upload).ok());
        QCOMPARE(m_storage->stagedSize(upload).value(), 0);
        QVERIFY(m_storage->discardStaged(upload).ok());
    }

    void refusesPathTricks_data()
    {
        QTest::addColumn<QString>("establishment");
        QTest::addColumn<QString>("sha");
        QTest::addColumn<QString>("upload");
        const QString sha = shaOf("x");
        const QString id = Core::newId();
        QTest::newRow("climbing establishment") << u"../../etc"_s << sha << id;
        QTest::newRow("uploads as establishment") << u"uploads"_s << sha << id;
        QTest::newRow("absolute establishment") << u"/tmp"_s << sha << id;
        QTest::newRow("climbing hash") << kEstablishment << u"../../../../etc/passwd"_s << id;
        QTest::newRow("upper-case hash") << kEstablishment << sha.toUpper() << id;
        QTest::newRow("climbing upload") << kEstablishment << sha << u"../"_s + id.left(33);
        QTest::newRow("upload with a slash") << kEstablishment << sha << id.left(35) + u'/';
        QTest::newRow("upload in braces") << kEstablishment << sha << u'{' + id + u'}';
    }

    void refusesPathTricks()
    {
        QFETCH(QString, establishment);
        QFETCH(QString, sha);
        QFETCH(QString, upload);
        const BlobKey key{establishment, sha};
        const bool badKey = !Core::isValidId(establishment) || !Core::isSha256Hex(sha);
        const bool badUpload = !Core::isValidId(upload);
        if (badUpload) {
            QCOMPARE(m_storage->writeStaged(upload, 0, "x").error().code, ErrorCode::InvalidFormat);
            QCOMPARE(m_storage->stagedSize(upload).error().code, ErrorCode::InvalidFormat);
            QCOMPARE(m_storage->readStaged(upload, 0, 1).error().code, ErrorCode::InvalidFormat);
            QCOMPARE(m_storage->discardStaged(upload).error().code, ErrorCode::InvalidFormat);
        }
        if (badKey) {
            QCOMPARE(m_storage->contains(key).error().code, ErrorCode::InvalidFormat);
            QCOMPARE(m_storage->read(key, 0, 1).error().code, ErrorCode::InvalidFormat);
            QCOMPARE(m_storage->remove(key).error().code, ErrorCode::InvalidFormat);
            const QString good = Core::newId();
            QVERIFY(m_storage->writeStaged(good, 0, "x").ok());
            QCOMPARE(m_storage->commitStaged(good, key).error().code, ErrorCode::InvalidFormat);
            QCOMPARE(m_storage->stagedSize(good).value(), 1);
        }
        // Nothing was made outside the root, nor inside it.
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{u"blobs"_s});
        QVERIFY(m_storage->list().value().isEmpty());
    }

    void refusesAFolderItCannotMake()
    {
        QFile blocker(m_dir->filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        FilesystemBlobStorage storage(m_dir->filePath(u"file/blobs"_s));
        const Core::Status opened = storage.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::ConfigInvalid);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FilesystemBlobStorage> m_storage;
};

QTEST_GUILESS_MAIN(TestBlobStorage)
#include "tst_blobstorage.moc"
