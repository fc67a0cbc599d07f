// Files between clients of a real cartable-server process over HTTP, on the
// backend named by CARTABLE_TEST_BACKEND: a teacher attaches a file offline
// and syncs, a student of the class syncs and downloads it byte for byte, a
// student of another class is told it does not exist; a server killed in
// the middle of an upload is restarted and the upload goes on from where
// the server stands.

#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/blobtransport.h"
#include "tests/support/syncedclient.h"

#include "core/ids.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;
using Core::ErrorCode;

namespace {

constexpr qint64 kMiB = qint64(1) << 20;

QByteArray pdfBytes(qint64 size, quint32 seed)
{
    QByteArray bytes("%PDF-1.7\n");
    QRandomGenerator random(seed);
    while (bytes.size() < size)
        bytes.append(char(random.bounded(256)));
    bytes.truncate(size);
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The session's transport, with a look at each chunk before it goes.
class WatchedTransport final : public Sync::BlobTransport
{
public:
    explicit WatchedTransport(Sync::BlobTransport &inner) : m_inner(inner) {}

    QList<qint64> offsets;
    std::function<void(qint64)> beforeChunk;

    void openUpload(const Core::UploadRequest &request, Sync::ApiClient::Callback<Core::UploadStatus> done) override
    {
        m_inner.openUpload(request, std::move(done));
    }
    void sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                   Sync::ApiClient::Callback<Core::UploadStatus> done) override
    {
        offsets.append(offset);
        if (beforeChunk)
            beforeChunk(offset);
        m_inner.sendChunk(uploadId, offset, bytes, std::move(done));
    }
    void fetchRange(const QString &sha256, qint64 first, qint64 last, Sync::ApiClient::Callback<Range> done) override
    {
        m_inner.fetchRange(sha256, first, last, std::move(done));
    }

private:
    Sync::BlobTransport &m_inner;
};

// A client with its files: the cache beside its replica, uploads before
// each push.
struct FileClient
{
    FileClient(const QUrl &server, const QString &replica)
        : client(server, replica),
          cache(replica),
          transport(client.session(), client.api()),
          transfer(transport, client.store(), cache)
    {
        client.engine().setBlobTransfer(&transfer);
    }

    SyncedClient client;
    Sync::BlobCache cache;
    Sync::SessionBlobTransport transport;
    Sync::BlobTransfer transfer;
};

Core::Status downloadOf(Sync::BlobTransfer &transfer, const QString &sha256, qint64 size)
{
    QSignalSpy finished(&transfer, &Sync::BlobTransfer::downloadFinished);
    transfer.download(sha256, size);
    if (finished.isEmpty() && !finished.wait(60'000))
        return Core::Status(ErrorCode::Internal, u"no answer"_s);
    return finished.constFirst().at(1).value<Core::Status>();
}

Core::Status uploadsOf(Sync::BlobTransfer &transfer)
{
    QSignalSpy finished(&transfer, &Sync::BlobTransfer::uploadsFinished);
    transfer.sendUploads();
    if (finished.isEmpty() && !finished.wait(60'000))
        return Core::Status(ErrorCode::Internal, u"no answer"_s);
    return finished.constFirst().constFirst().value<Core::Status>();
}

} // namespace

class TestBlobHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<FileClient> m_teacher;
    std::unique_ptr<FileClient> m_student;
    QString m_homework;

    std::unique_ptr<FileClient> signedIn(const QString &login)
    {
        auto made = std::make_unique<FileClient>(m_server->url(), m_dir.filePath(login + u".sqlite"_s));
        if (!made->client.signIn(login) || !made->client.sync()) {
            qWarning("%s: %s", qPrintable(login), qPrintable(made->client.errorString()));
            return nullptr;
        }
        return made;
    }

    // A file of the user's attached to the homework: in the cache, its row
    // and outbox entry saved, nothing sent.
    QString attach(const QByteArray &bytes, const QString &name)
    {
        const QString source = m_dir.filePath(name);
        QFile file(source);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        file.close();
        const Core::Result<Sync::BlobCache::Imported> imported = m_teacher->cache.import(source);
        if (!imported)
            return {};
        Workspace::Workspace &workspace = m_teacher->client.workspace();
        const std::optional<Core::Record> homework = workspace.row(u"homework"_s, m_homework);
        Core::Record row(u"attachment"_s, Core::newId());
        row.set(u"establishment_id"_s, homework->text(u"establishment_id"_s));
        row.set(u"owner_type"_s, u"homework"_s);
        row.set(u"owner_id"_s, m_homework);
        row.set(u"file_name"_s, imported->fileName);
        row.set(u"mime_type"_s, imported->mimeType);
        row.set(u"size_bytes"_s, imported->size);
        row.set(u"sha256"_s, imported->sha256);
        row.set(u"uploaded_by"_s, workspace.accountId());
        row.set(u"uploaded_at"_s, workspace.nowMillis());
        const Core::Result<qint64> saved = m_teacher->client.store().change(Core::MutationOp::Create, row, {},
                                                                            {workspace.nowMillis(), 0});
        if (!saved) {
            qWarning("attachment refused: %s", qPrintable(saved.error().context));
            return {};
        }
        return imported->sha256;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<Core::Status>();
        m_server = startReferenceServer(0.05);
        QVERIFY(m_server);
        m_teacher = signedIn(QString::fromUtf16(kTeacherLogin));
        m_student = signedIn(QString::fromUtf16(kStudentLogin));
        QVERIFY(m_teacher && m_student);
        // A homework of the teacher's that the student reads.
        Workspace::Workspace &teacher = m_teacher->client.workspace();
        for (const Core::Record &homework :
             teacher.select(u"homework"_s, u"teacher_id = ?"_s, {teacher.personId()}, u"id"_s)) {
            if (m_student->client.workspace().row(u"homework"_s, homework.id())) {
                m_homework = homework.id();
                break;
            }
        }
        QVERIFY2(!m_homework.isEmpty(), "no homework of the teacher's reaches the student");
    }

    void cleanupTestCase()
    {
        m_teacher.reset();
        m_student.reset();
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void attachedOfflineThenReadByTheClass()
    {
        const QByteArray bytes = pdfBytes(5 * kMiB, 1);
        const QString sha256 = attach(bytes, u"Sujet de l'exposé.pdf"_s);
        QVERIFY(!sha256.isEmpty());
        QCOMPARE(m_teacher->transfer.uploadState(sha256), Sync::BlobTransfer::UploadState::Queued);
        // The sync sends the file, then the row.
        QVERIFY2(m_teacher->client.sync(), qPrintable(m_teacher->client.errorString()));
        QCOMPARE(m_teacher->transfer.uploadState(sha256), Sync::BlobTransfer::UploadState::None);
        QCOMPARE(m_teacher->client.store().pendingCount().value(), 0);

        QVERIFY2(m_student->client.sync(), qPrintable(m_student->client.errorString()));
        const QList<Core::Record> rows = m_student->client.workspace().select(u"attachment"_s, u"sha256 = ?"_s,
                                                                              {sha256});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().text(u"owner_id"_s), m_homework);
        // Nothing was queued by the pull.
        QCOMPARE(m_student->transfer.uploads().value().size(), 0);
        const Core::Status fetched = downloadOf(m_student->transfer, sha256, bytes.size());
        QVERIFY2(fetched, qPrintable(fetched ? QString() : Core::errorCodeName(fetched.error().code)));
        QCOMPARE(readFile(m_student->cache.path(sha256)), bytes);
        QVERIFY(m_teacher->cache.folder() != m_student->cache.folder());
    }

    void aStudentOfAnotherClassIsToldItDoesNotExist()
    {
        const QByteArray bytes = pdfBytes(kMiB + 17, 2);
        const QString sha256 = attach(bytes, u"Corrigé.pdf"_s);
        QVERIFY(!sha256.isEmpty());
        QVERIFY2(m_teacher->client.sync(), qPrintable(m_teacher->client.errorString()));
        // A student of the establishment in none of the homework's classes,
        // as the school office knows them.
        std::unique_ptr<FileClient> office = signedIn(QString::fromUtf16(kSecretariatLogin));
        QVERIFY(office);
        Workspace::Workspace &school = office->client.workspace();
        const Core::Record homework = *m_teacher->client.workspace().row(u"homework"_s, m_homework);
        QString outsider;
        for (const Core::Record &account : school.select(u"account"_s, u"person_id IS NOT NULL"_s, {}, u"login"_s)) {
            const QString person = account.text(u"person_id"_s);
            const bool student = !school.select(u"class_membership"_s, u"student_id = ?"_s, {person}).isEmpty();
            const bool inClass = !school
                                      .select(u"class_membership"_s, u"student_id = ? AND class_id = ?"_s,
                                              {person, homework.text(u"class_id"_s)})
                                      .isEmpty();
            const bool inGroup = !school
                                      .select(u"group_membership"_s, u"student_id = ? AND group_id = ?"_s,
                                              {person, homework.text(u"group_id"_s)})
                                      .isEmpty();
            if (student && !inClass && !inGroup) {
                outsider = account.text(u"login"_s);
                break;
            }
        }
        if (outsider.isEmpty())
            QSKIP("the school office's replica holds no student of another class");
        std::unique_ptr<FileClient> other = signedIn(outsider);
        QVERIFY(other);
        QVERIFY(other->client.workspace().select(u"attachment"_s, u"sha256 = ?"_s, {sha256}).isEmpty());
        const Core::Status refused = downloadOf(other->transfer, sha256, bytes.size());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::NotFound);
        QVERIFY(!other->cache.contains(sha256));
    }

    void killedServerResumesFromItsOffset()
    {
        const QByteArray bytes = pdfBytes(5 * kMiB + 999, 3);
        const QString sha256 = attach(bytes, u"Vidéo du TP.pdf"_s);
        QVERIFY(!sha256.isEmpty());
        Sync::SessionBlobTransport session(m_teacher->client.session(), m_teacher->client.api());
        WatchedTransport watched(session);
        Sync::BlobTransfer transfer(watched, m_teacher->client.store(), m_teacher->cache);
        // The server dies as the fourth chunk leaves.
        watched.beforeChunk = [this](qint64 offset) {
            if (offset == 3 * kMiB)
                m_server->kill();
        };
        const Core::Status cut = uploadsOf(transfer);
        QVERIFY(!cut);
        QVERIFY2(cut.error().code == ErrorCode::ServerUnreachable || cut.error().code == ErrorCode::NetworkError,
                 qPrintable(Core::errorCodeName(cut.error().code)));
        QCOMPARE(transfer.uploadState(sha256), Sync::BlobTransfer::UploadState::Queued);
        QCOMPARE(watched.offsets, (QList<qint64>{0, kMiB, 2 * kMiB, 3 * kMiB}));

        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        watched.beforeChunk = nullptr;
        watched.offsets.clear();
        const Core::Status resumed = uploadsOf(transfer);
        QVERIFY2(resumed, qPrintable(resumed ? QString() : Core::errorCodeName(resumed.error().code)));
        QVERIFY(!watched.offsets.isEmpty());
        // From what the server had kept, not from zero.
        QVERIFY2(watched.offsets.constFirst() > 0, qPrintable(QString::number(watched.offsets.constFirst())));
        QCOMPARE(watched.offsets.constLast(), 5 * kMiB);
        QCOMPARE(transfer.uploadState(sha256), Sync::BlobTransfer::UploadState::None);

        // The row goes up; the class reads the whole file.
        QVERIFY2(m_teacher->client.sync(), qPrintable(m_teacher->client.errorString()));
        QVERIFY2(m_student->client.sync(), qPrintable(m_student->client.errorString()));
        QVERIFY(downloadOf(m_student->transfer, sha256, bytes.size()));
        QCOMPARE(readFile(m_student->cache.path(sha256)), bytes);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestBlobHttp)
#include "tst_blobsynchttp.moc"
