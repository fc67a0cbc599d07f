// The rules of file transfer (docs/PROTOCOL.md, "Files") on a generated
// school, on the backend named by CARTABLE_TEST_BACKEND: uploads that resume
// and are checked chunk by chunk and whole, quotas, who holds a blob, who may
// read one, and the collection of what nobody names.

#include "syncfixture.h"

#include "server/blobs/blobservice.h"
#include "server/blobs/filesystemblobstorage.h"
#include "server/sync/syncendpoints.h"

#include "core/ids.h"
#include "core/sqlstatement.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Core::ErrorCode;
using Core::UploadStatus;

namespace {

const QStringList kActors{u"eleve.leo"_s,           u"parent.dubois"_s,   u"prof.martin"_s,        u"cpe.petit"_s,
                          u"secretariat.bernard"_s, u"direction.leroy"_s, u"collectivite.moreau"_s};
constexpr qint64 kHour = 3600 * 1000;

QString shaOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// `size` bytes of French text, different for each `label`.
QByteArray textFile(const QString &label, qsizetype size)
{
    QByteArray bytes;
    bytes.reserve(size + 100);
    for (int line = 0; bytes.size() < size; ++line)
        bytes += u"%1, ligne %2 : exercice à rendre pour lundi.\n"_s.arg(label).arg(line).toUtf8();
    bytes.truncate(size);
    return bytes;
}

QString problem(const Core::Error &error)
{
    return Core::errorCodeName(error.code) + u' ' + error.context;
}

} // namespace

class TestBlobService : public Test::SyncFixture
{
    Q_OBJECT

private:
    BlobService service(BlobLimits limits = {})
    {
        return BlobService(
            m_db, *m_storage, [this](const QString &account) { return m_sync->readableBuckets(account); }, limits,
            [this] { return m_clock; });
    }

    QString queryText(const QString &sql, const QString &value = {})
    {
        QSqlQuery query(m_db);
        const bool ran = value.isNull() ? query.exec(sql) : Core::execPrepared(query, sql, value);
        if (!ran || !query.next())
            qFatal("no answer to %s", qPrintable(sql));
        return query.value(0).toString();
    }

    qint64 count(const QString &sql, const QString &value = {}) { return queryText(sql, value).toLongLong(); }

    void exec(const QString &sql, const QString &first, const QString &second)
    {
        QSqlQuery query(m_db);
        if (!Core::execPrepared(query, sql, first, second))
            qFatal("%s failed", qPrintable(sql));
    }

    // Sends `bytes` whole from where the server stands, in chunks of `chunk`.
    Core::Result<UploadStatus> send(BlobService &blobs, const QString &account, const QByteArray &bytes,
                                    qint64 chunk = Core::kBlobChunkBytes)
    {
        Core::Result<UploadStatus> status = blobs.openUpload(account, {m_establishment, shaOf(bytes), bytes.size()});
        while (status && !status->complete) {
            const QByteArray piece = bytes.mid(status->received, chunk);
            status = blobs.writeChunk(account, status->uploadId, status->received, Core::contentDigest(piece), piece);
        }
        return status;
    }

    QByteArray readAll(BlobService &blobs, const QString &account, const QString &sha)
    {
        const Core::Result<ReadableBlob> blob = blobs.readable(account, sha);
        if (!blob)
            return {};
        return blobs.read(*blob, {0, blob->size - 1}).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_files = std::make_unique<QTemporaryDir>();
        m_storage = std::make_unique<FilesystemBlobStorage>(m_files->filePath(u"blobs"_s));
        QVERIFY(m_storage->open().ok());
        openSchool(m_storage.get());
        m_sync = std::make_unique<SyncEndpoints>(m_db);
        m_teacher = accountOf(u"prof.martin"_s);
        m_student = accountOf(u"eleve.leo"_s);
        m_establishment = queryText(u"SELECT establishment_id FROM account_role WHERE account_id = ?"_s, m_teacher);
        m_otherTeacher = queryText(u"SELECT a.id FROM account a JOIN account_role r ON r.account_id = a.id "
                                   "WHERE r.role = 'teacher' AND a.login <> 'prof.martin' ORDER BY a.login"_s);
    }

    void cleanupTestCase()
    {
        m_sync.reset();
        closeSchool();
    }

    // The reference school's files are there, held by the rows' senders.
    void referenceFilesAreStored()
    {
        QVERIFY(count(u"SELECT COUNT(*) FROM blob"_s) >= 3);
        QVERIFY(count(u"SELECT COUNT(*) FROM blob_claim"_s) > count(u"SELECT COUNT(*) FROM blob"_s));
        QCOMPARE(m_storage->list().value().size(), count(u"SELECT COUNT(*) FROM blob"_s));
        const QString sha = queryText(u"SELECT sha256 FROM attachment ORDER BY id"_s);
        const QString sender = queryText(u"SELECT uploaded_by FROM attachment WHERE sha256 = ? ORDER BY id"_s, sha);
        BlobService blobs = service();
        const QByteArray bytes = readAll(blobs, sender, sha);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(shaOf(bytes), sha);
    }

    void resumesFromTheServersOffset()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"reprise"_s, 2 * Core::kBlobChunkBytes + 1234);
        const QString sha = shaOf(bytes);
        const UploadStatus opened = blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()}).value();
        QVERIFY(!opened.complete);
        QCOMPARE(opened.received, 0);
        QCOMPARE(opened.chunkBytes, Core::kBlobChunkBytes);
        const QByteArray first = bytes.left(Core::kBlobChunkBytes);
        QCOMPARE(blobs.writeChunk(m_teacher, opened.uploadId, 0, Core::contentDigest(first), first).value().received,
                 first.size());
        // A restart of the client: the same upload, where the server stands.
        const UploadStatus again = blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()}).value();
        QCOMPARE(again.uploadId, opened.uploadId);
        QCOMPARE(again.received, first.size());
        // Another account asking for the same file gets its own upload.
        const UploadStatus other = blobs.openUpload(m_otherTeacher, {m_establishment, sha, bytes.size()}).value();
        QVERIFY(other.uploadId != opened.uploadId);
        QCOMPARE(other.received, 0);
        QVERIFY(blobs.abandon(m_otherTeacher, other.uploadId).ok());

        const Core::Result<UploadStatus> done = send(blobs, m_teacher, bytes);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(problem(done.error())));
        QVERIFY(done->complete);
        QVERIFY(done->uploadId.isEmpty());
        QCOMPARE(done->received, bytes.size());
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_upload WHERE id = ?"_s, opened.uploadId), 0);
        QCOMPARE(queryText(u"SELECT mime_type FROM blob WHERE sha256 = ?"_s, sha), u"text/plain"_s);
        // Asking again: nothing to send.
        const UploadStatus held = blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()}).value();
        QVERIFY(held.complete);
        QCOMPARE(m_storage->read({m_establishment, sha}, 0, bytes.size()).value(), bytes);
    }

    // After a crash the staged bytes, not the database, say how far it got.
    void resumesFromTheBytesOnDisk()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"coupure"_s, Core::kBlobChunkBytes + 10);
        const QString sha = shaOf(bytes);
        const UploadStatus opened = blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()}).value();
        const QByteArray first = bytes.left(Core::kBlobChunkBytes);
        QVERIFY(blobs.writeChunk(m_teacher, opened.uploadId, 0, Core::contentDigest(first), first).ok());
        QVERIFY(m_storage->discardStaged(opened.uploadId).ok());
        QCOMPARE(blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()}).value().received, 0);
        QVERIFY(send(blobs, m_teacher, bytes).value().complete);
    }

    // Killed after the last chunk was counted, before the file was stored:
    // asking again stores it, and nothing is sent twice.
    void finishesAnUploadWhoseBytesAllCame()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"dernier morceau"_s, Core::kBlobChunkBytes / 2);
        const QString sha = shaOf(bytes);
        const UploadStatus opened = blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()}).value();
        QVERIFY(m_storage->writeStaged(opened.uploadId, 0, bytes).ok());
        exec(u"UPDATE blob_upload SET received = size_bytes WHERE id = ? AND account_id = ?"_s, opened.uploadId,
             m_teacher);
        const Core::Result<UploadStatus> again = blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()});
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(problem(again.error())));
        QVERIFY(again->complete);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_upload WHERE id = ?"_s, opened.uploadId), 0);
        QCOMPARE(m_storage->read({m_establishment, sha}, 0, bytes.size()).value(), bytes);
    }

    void refusesBadChunks()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"erreurs"_s, 3000);
        const UploadStatus opened = blobs.openUpload(m_teacher, {m_establishment, shaOf(bytes), bytes.size()}).value();
        const QString id = opened.uploadId;
        const QByteArray head = bytes.left(1000);
        const QByteArray digest = Core::contentDigest(head);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, id, 0, {}, head).error()), u"missing_field content-digest"_s);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, id, 0, "sha-256=:abc:", head).error()),
                 u"invalid_field content-digest"_s);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, id, 0, Core::contentDigest("other"), head).error()),
                 u"hash_mismatch chunk"_s);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, id, 0, Core::contentDigest({}), {}).error()),
                 u"invalid_field chunk"_s);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, id, 5, digest, head).error()), u"upload_offset_mismatch 0"_s);
        QCOMPARE(problem(blobs.writeChunk(m_student, id, 0, digest, head).error()), u"not_found upload"_s);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, Core::newId(), 0, digest, head).error()), u"not_found upload"_s);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, u"../x"_s, 0, digest, head).error()), u"not_found upload"_s);
        const QByteArray tooLong = bytes + "more";
        QCOMPARE(problem(blobs.writeChunk(m_teacher, id, 0, Core::contentDigest(tooLong), tooLong).error()),
                 u"invalid_field chunk"_s);
        // None of it was written.
        QCOMPARE(m_storage->stagedSize(id).value(), 0);
        QCOMPARE(blobs.openUpload(m_teacher, {m_establishment, shaOf(bytes), bytes.size()}).value().received, 0);

        QCOMPARE(blobs.writeChunk(m_teacher, id, 0, digest, head).value().received, 1000);
        QCOMPARE(problem(blobs.writeChunk(m_teacher, id, 0, digest, head).error()), u"upload_offset_mismatch 1000"_s);
        QVERIFY(blobs.abandon(m_teacher, id).ok());
    }

    void refusesAWholeFileWithAnotherHash()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"annoncé"_s, 5000);
        const QByteArray sent = textFile(u"envoyé"_s, 5000);
        const UploadStatus opened = blobs.openUpload(m_teacher, {m_establishment, shaOf(bytes), bytes.size()}).value();
        const Core::Result<UploadStatus> last = blobs.writeChunk(m_teacher, opened.uploadId, 0,
                                                                 Core::contentDigest(sent), sent);
        QCOMPARE(problem(last.error()), u"hash_mismatch blob"_s);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_upload WHERE id = ?"_s, opened.uploadId), 0);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob WHERE sha256 = ?"_s, shaOf(bytes)), 0);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob WHERE sha256 = ?"_s, shaOf(sent)), 0);
        QCOMPARE(m_storage->stagedSize(opened.uploadId).value(), 0);
        QVERIFY(!m_storage->contains({m_establishment, shaOf(sent)}).value());
    }

    void refusesFileTypes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("firstChunk");
        QByteArray program("MZ\x90\0\x03\0\0\0", 8);
        program += QByteArray(20000, 'A');
        QTest::newRow("windows program") << program << qint64(Core::kBlobChunkBytes);
        QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><script>alert(1)</script>") + QByteArray(100, ' ')
                              << qint64(Core::kBlobChunkBytes);
        // Text at first, a NUL further in the head: told once the head is in.
        QTest::newRow("binary after a short first chunk")
            << QByteArray("Bonjour ") + QByteArray(9000, '\0') << qint64(8);
    }

    void refusesFileTypes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, firstChunk);
        BlobService blobs = service();
        const Core::Result<UploadStatus> sent = send(blobs, m_teacher, bytes, firstChunk);
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, ErrorCode::FileTypeRefused);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_upload WHERE sha256 = ?"_s, shaOf(bytes)), 0);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob WHERE sha256 = ?"_s, shaOf(bytes)), 0);
        QVERIFY(m_storage->stagedUploads().value().isEmpty());
    }

    void refusesOversizeFilesAndOutsiders()
    {
        BlobService blobs = service(BlobLimits{10'000, qint64(1) << 30, qint64(1) << 40});
        const QString sha = shaOf("x");
        QCOMPARE(problem(blobs.openUpload(m_teacher, {m_establishment, sha, 10'001}).error()),
                 u"payload_too_large blob"_s);
        QVERIFY(blobs.openUpload(m_teacher, {m_establishment, sha, 10'000}).ok());
        const QString authority = accountOf(u"collectivite.moreau"_s);
        QCOMPARE(blobs.openUpload(authority, {m_establishment, sha, 10}).error().code, ErrorCode::Forbidden);
        QCOMPARE(blobs.openUpload(m_teacher, {Core::newId(), sha, 10}).error().code, ErrorCode::Forbidden);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_upload WHERE account_id = ?"_s, authority), 0);
        const QString id = blobs.openUpload(m_teacher, {m_establishment, sha, 10'000}).value().uploadId;
        QVERIFY(blobs.abandon(m_teacher, id).ok());
    }

    void enforcesQuotas()
    {
        // Room for what the account and the school already hold, and a bit.
        const qint64 held
            = count(u"SELECT COALESCE(SUM(b.size_bytes), 0) FROM blob_claim c JOIN blob b ON "
                    "b.establishment_id = c.establishment_id AND b.sha256 = c.sha256 WHERE c.account_id = ?"_s,
                    m_teacher);
        const qint64 stored = count(u"SELECT COALESCE(SUM(size_bytes), 0) FROM blob"_s);
        BlobService account = service(BlobLimits{qint64(1) << 30, held + 15'000, qint64(1) << 40});
        const QByteArray first = textFile(u"quota 1"_s, 10'000);
        const QByteArray second = textFile(u"quota 2"_s, 10'000);
        QVERIFY(account.openUpload(m_teacher, {m_establishment, shaOf(first), 10'000}).ok());
        // An open upload counts.
        QCOMPARE(problem(account.openUpload(m_teacher, {m_establishment, shaOf(second), 10'000}).error()),
                 u"quota_exceeded account"_s);
        // Replacing the upload by another size frees its room first.
        QVERIFY(account.openUpload(m_teacher, {m_establishment, shaOf(first), 14'000}).ok());
        QVERIFY(account
                    .abandon(m_teacher,
                             account.openUpload(m_teacher, {m_establishment, shaOf(first), 14'000}).value().uploadId)
                    .ok());
        QVERIFY(send(account, m_teacher, first).value().complete);
        QCOMPARE(problem(account.openUpload(m_teacher, {m_establishment, shaOf(second), 10'000}).error()),
                 u"quota_exceeded account"_s);
        // Another account has its own quota.
        const UploadStatus other = account.openUpload(m_otherTeacher, {m_establishment, shaOf(second), 10'000}).value();
        QVERIFY(account.abandon(m_otherTeacher, other.uploadId).ok());

        BlobService school = service(BlobLimits{qint64(1) << 30, qint64(1) << 40, stored + 10'000 + 5'000});
        QCOMPARE(problem(school.openUpload(m_otherTeacher, {m_establishment, shaOf(second), 10'000}).error()),
                 u"quota_exceeded establishment"_s);
        // A file already stored takes no more room in the school.
        const UploadStatus again = school.openUpload(m_otherTeacher, {m_establishment, shaOf(first), 10'000}).value();
        QVERIFY(!again.complete);
        QVERIFY(school.abandon(m_otherTeacher, again.uploadId).ok());
    }

    // Knowing a hash proves nothing: without a claim the bytes are sent
    // whole, and the server keeps one copy.
    void deduplicatesOnlyWithAClaim()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"doublon"_s, 20'000);
        const QString sha = shaOf(bytes);
        QVERIFY(send(blobs, m_teacher, bytes).value().complete);
        const UploadStatus other = blobs.openUpload(m_otherTeacher, {m_establishment, sha, bytes.size()}).value();
        QVERIFY(!other.complete);
        QCOMPARE(other.received, 0);
        QVERIFY(send(blobs, m_otherTeacher, bytes).value().complete);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_claim WHERE sha256 = ?"_s, sha), 2);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob WHERE sha256 = ?"_s, sha), 1);
        QVERIFY(blobs.openUpload(m_otherTeacher, {m_establishment, sha, bytes.size()}).value().complete);
    }

    // Forwarding a file received: an account that may read it holds it.
    void forwardingAReadableFileGrantsAClaim()
    {
        BlobService blobs = service();
        const QSet<QString> visible = visibleRows(facts(u"eleve.leo"_s));
        QString sha;
        QSqlQuery query(m_db);
        QVERIFY(query.exec(u"SELECT id, sha256 FROM attachment ORDER BY id"_s));
        while (query.next() && sha.isEmpty()) {
            if (visible.contains(u"attachment/"_s + query.value(0).toString()))
                sha = query.value(1).toString();
        }
        QVERIFY(!sha.isEmpty());
        const QByteArray bytes = readAll(blobs, m_student, sha);
        QVERIFY(!bytes.isEmpty());
        exec(u"DELETE FROM blob_claim WHERE account_id = ? AND sha256 = ?"_s, m_student, sha);
        const UploadStatus status = blobs.openUpload(m_student, {m_establishment, sha, bytes.size()}).value();
        QVERIFY(status.complete);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_claim WHERE account_id = '"_s + m_student + u"' AND sha256 = ?"_s,
                       sha),
                 1);
    }

    void abandonsUploads()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"abandon"_s, 5000);
        const UploadStatus opened = blobs.openUpload(m_teacher, {m_establishment, shaOf(bytes), bytes.size()}).value();
        const QByteArray head = bytes.left(100);
        QVERIFY(blobs.writeChunk(m_teacher, opened.uploadId, 0, Core::contentDigest(head), head).ok());
        QCOMPARE(blobs.abandon(m_student, opened.uploadId).error().code, ErrorCode::NotFound);
        QVERIFY(blobs.abandon(m_teacher, opened.uploadId).ok());
        QCOMPARE(m_storage->stagedSize(opened.uploadId).value(), 0);
        QCOMPARE(blobs.abandon(m_teacher, opened.uploadId).error().code, ErrorCode::NotFound);
        QCOMPARE(blobs.writeChunk(m_teacher, opened.uploadId, 100, Core::contentDigest(head), head).error().code,
                 ErrorCode::NotFound);
    }

    void collectsWhatNobodyNames()
    {
        BlobService blobs = service(BlobLimits{qint64(1) << 30, qint64(1) << 40, qint64(1) << 40,
                                               std::chrono::hours(168), std::chrono::hours(72)});
        // Stale uploads and results of the tests before are dropped first.
        m_clock += 1000 * kHour;
        (void)blobs.collectGarbage().value();

        const QByteArray unnamed = textFile(u"orphelin"_s, 4000);
        QVERIFY(send(blobs, m_teacher, unnamed).value().complete);
        const QByteArray idle = textFile(u"en cours"_s, 4000);
        const UploadStatus open = blobs.openUpload(m_teacher, {m_establishment, shaOf(idle), idle.size()}).value();
        const QByteArray head = idle.left(100);
        QVERIFY(blobs.writeChunk(m_teacher, open.uploadId, 0, Core::contentDigest(head), head).ok());
        const qint64 named = count(u"SELECT COUNT(*) FROM blob"_s) - 1;

        m_clock += 71 * kHour;
        CollectionReport report = blobs.collectGarbage().value();
        QCOMPARE(report.blobs, 0);
        QCOMPARE(report.uploads, 0);
        m_clock += 2 * kHour;
        report = blobs.collectGarbage().value();
        QCOMPARE(report.uploads, 1);
        QCOMPARE(report.blobs, 0);
        QCOMPARE(m_storage->stagedSize(open.uploadId).value(), 0);
        // A row names it again for a while: the grace period starts over.
        const QString attachment = queryText(u"SELECT id FROM attachment ORDER BY id"_s);
        const QString before = queryText(u"SELECT sha256 FROM attachment WHERE id = ?"_s, attachment);
        exec(u"UPDATE attachment SET sha256 = ? WHERE id = ?"_s, shaOf(unnamed), attachment);
        m_clock += 100 * kHour;
        QCOMPARE(blobs.collectGarbage().value().blobs, 0);
        exec(u"UPDATE attachment SET sha256 = ? WHERE id = ?"_s, before, attachment);
        m_clock += 167 * kHour;
        QCOMPARE(blobs.collectGarbage().value().blobs, 0);
        m_clock += 2 * kHour;
        report = blobs.collectGarbage().value();
        QCOMPARE(report.blobs, 1);
        QCOMPARE(report.bytes, unnamed.size());
        QVERIFY(!m_storage->contains({m_establishment, shaOf(unnamed)}).value());
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_claim WHERE sha256 = ?"_s, shaOf(unnamed)), 0);
        // What rows name stays, however old.
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob"_s), named);
        QCOMPARE(m_storage->list().value().size(), named);
        QVERIFY(blobs.openUpload(m_teacher, {m_establishment, shaOf(unnamed), unnamed.size()}).value().uploadId.size()
                > 0);
    }

    // Two accounts send the same new file at the same time: both hold it,
    // the server keeps one copy.
    void twoAccountsSendTheSameFileAtOnce()
    {
        BlobService blobs = service();
        const QByteArray bytes = textFile(u"ensemble"_s, 2 * Core::kBlobChunkBytes + 77);
        const QString sha = shaOf(bytes);
        UploadStatus a = blobs.openUpload(m_teacher, {m_establishment, sha, bytes.size()}).value();
        UploadStatus b = blobs.openUpload(m_otherTeacher, {m_establishment, sha, bytes.size()}).value();
        QVERIFY(a.uploadId != b.uploadId);
        while (!a.complete || !b.complete) {
            if (!a.complete) {
                const QByteArray piece = bytes.mid(a.received, Core::kBlobChunkBytes);
                a = blobs.writeChunk(m_teacher, a.uploadId, a.received, Core::contentDigest(piece), piece).value();
            }
            if (!b.complete) {
                const QByteArray piece = bytes.mid(b.received, Core::kBlobChunkBytes);
                b = blobs.writeChunk(m_otherTeacher, b.uploadId, b.received, Core::contentDigest(piece), piece).value();
            }
        }
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob WHERE sha256 = ?"_s, sha), 1);
        QCOMPARE(count(u"SELECT COUNT(*) FROM blob_claim WHERE sha256 = ?"_s, sha), 2);
        QCOMPARE(m_storage->read({m_establishment, sha}, 0, bytes.size()).value(), bytes);
        QVERIFY(m_storage->stagedUploads().value().isEmpty());
    }

    // Each role gets a file's bytes exactly when it reads a row naming it;
    // otherwise the answer is the one an unknown hash gets.
    void readMatrix_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("condition");
        QTest::newRow("a teacher's lesson attachment")
            << u"attachment"_s << u"owner_type IN ('lesson_content', 'homework')"_s;
        QTest::newRow("a student's submission attachment")
            << u"attachment"_s << u"owner_type = 'homework_submission'"_s;
        QTest::newRow("a private document")
            << u"document"_s
            << u"folder_id IN (SELECT id FROM document_folder WHERE owner_kind = 'account') AND id NOT IN "
               "(SELECT document_id FROM document_share)"_s;
        QTest::newRow("a shared document") << u"document"_s << u"id IN (SELECT document_id FROM document_share)"_s;
        QTest::newRow("a report card") << u"report_card"_s << u"status = 'published'"_s;
    }

    void readMatrix()
    {
        QFETCH(QString, entity);
        QFETCH(QString, condition);
        const Core::BlobReference *reference = Core::blobReferenceOf(entity);
        QVERIFY(reference);
        // A row of the student's where there is one, so that a family reads it.
        const QString student = queryText(u"SELECT person_id FROM account WHERE id = ?"_s, m_student);
        QString id;
        QSqlQuery query(m_db);
        QVERIFY(query.exec(u"SELECT id FROM %1 WHERE %2 ORDER BY id"_s.arg(entity, condition)));
        QStringList ids;
        while (query.next())
            ids.append(query.value(0).toString());
        QVERIFY(!ids.isEmpty());
        const QSet<QString> studentSees = visibleRows(facts(u"eleve.leo"_s));
        id = ids.constFirst();
        for (const QString &candidate : ids) {
            if (studentSees.contains(entity + u'/' + candidate)) {
                id = candidate;
                break;
            }
        }
        const QString sender = queryText(u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(reference->uploaderField, entity), id);
        const QByteArray bytes = textFile(u"matrice "_s + entity + id, 3000);
        const QString sha = shaOf(bytes);
        BlobService blobs = service();
        QVERIFY(send(blobs, sender, bytes).value().complete);
        exec(u"UPDATE %1 SET %2 = ? WHERE id = ?"_s.arg(entity, reference->hashField), sha, id);

        int granted = 0;
        int refused = 0;
        for (const QString &login : kActors) {
            const bool reads = visibleRows(facts(login)).contains(entity + u'/' + id);
            const QString account = accountOf(login);
            const Core::Result<ReadableBlob> blob = blobs.readable(account, sha);
            if (reads) {
                QVERIFY2(blob.ok(), qPrintable(login + u": "_s + (blob.ok() ? QString() : problem(blob.error()))));
                QCOMPARE(blobs.read(*blob, {0, blob->size - 1}).value(), bytes);
                ++granted;
            } else {
                QVERIFY2(!blob.ok(), qPrintable(login));
                QCOMPARE(problem(blob.error()), problem(blobs.readable(account, shaOf("nothing")).error()));
                QCOMPARE(problem(blob.error()), u"not_found blob"_s);
                ++refused;
            }
        }
        QVERIFY(granted > 0);
        QVERIFY(refused > 0);
        if (entity == u"report_card"_s || condition.contains(u"homework_submission"_s))
            QVERIFY(studentSees.contains(entity + u'/' + id));
    }

    // A row whose sender never sent its file: readers wait, nobody gets
    // bytes; a hash alone gives nothing, even to the one who sent it.
    void pendingAndUnknownFiles()
    {
        BlobService blobs = service();
        const QSet<QString> studentSees = visibleRows(facts(u"eleve.leo"_s));
        QString id;
        QSqlQuery query(m_db);
        QVERIFY(
            query.exec(u"SELECT id FROM attachment WHERE owner_type IN ('lesson_content', 'homework') ORDER BY id"_s));
        while (query.next() && id.isEmpty()) {
            if (studentSees.contains(u"attachment/"_s + query.value(0).toString()))
                id = query.value(0).toString();
        }
        QVERIFY(!id.isEmpty());
        const QByteArray bytes = textFile(u"jamais envoyé"_s, 2000);
        const QString sha = shaOf(bytes);
        // Someone else sent these bytes: that does not make the row's.
        QVERIFY(send(blobs, m_otherTeacher, bytes).value().complete);
        exec(u"UPDATE attachment SET sha256 = ? WHERE id = ?"_s, sha, id);
        for (const QString &login : kActors) {
            const bool reads = visibleRows(facts(login)).contains(u"attachment/"_s + id);
            const Core::Result<ReadableBlob> blob = blobs.readable(accountOf(login), sha);
            QVERIFY2(!blob.ok(), qPrintable(login));
            QCOMPARE(problem(blob.error()), reads ? u"blob_pending "_s : u"not_found blob"_s);
        }
        // The sender who holds it but whom no row names gets nothing either.
        QCOMPARE(problem(blobs.readable(m_otherTeacher, sha).error()),
                 visibleRows(facts(queryText(u"SELECT login FROM account WHERE id = ?"_s, m_otherTeacher)))
                         .contains(u"attachment/"_s + id)
                     ? u"blob_pending "_s
                     : u"not_found blob"_s);

        const QByteArray secret = textFile(u"secret"_s, 2000);
        QVERIFY(send(blobs, m_teacher, secret).value().complete);
        for (const QString &login : kActors)
            QCOMPARE(problem(blobs.readable(accountOf(login), shaOf(secret)).error()), u"not_found blob"_s);
        QCOMPARE(problem(blobs.readable(m_student, u"../../etc/passwd"_s).error()), u"not_found blob"_s);
    }

private:
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<FilesystemBlobStorage> m_storage;
    std::unique_ptr<SyncEndpoints> m_sync;
    qint64 m_clock = 1735000000000;
    QString m_teacher;
    QString m_otherTeacher;
    QString m_student;
    QString m_establishment;
};

CARTABLE_BACKEND_TEST_MAIN(TestBlobService)
#include "tst_blobservice.moc"
