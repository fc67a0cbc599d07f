// Files over HTTP against the real cartable-server process, on the backend
// named by CARTABLE_TEST_BACKEND: an upload in chunks that resumes where the
// server stands after the client comes back, a download in ranges, and the
// answers to what goes wrong (docs/PROTOCOL.md, "Files").

#include "tests/support/httpclient.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testdatabase.h"

#include "core/protocol/blobs.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Test;
using namespace Qt::StringLiterals;

namespace {

QString shaOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray textFile(const QString &label, qsizetype size)
{
    QByteArray bytes;
    bytes.reserve(size + 100);
    for (int line = 0; bytes.size() < size; ++line)
        bytes += u"%1, ligne %2 : corrigé de l'exercice.\n"_s.arg(label).arg(line).toUtf8();
    bytes.truncate(size);
    return bytes;
}

} // namespace

class TestBlobHttp : public QObject
{
    Q_OBJECT

private:
    QUrl at(const QString &path) const { return endpoint(m_server->url(), path); }

    QString signIn(const QString &login)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{u"login"_s, login},
                                                          {u"password"_s, QString::fromUtf16(kDemoPassword)}})
                                    .toJson(QJsonDocument::Compact);
        return postJson(at(u"/api/v1/auth/login"_s), body).json().value(u"accessToken"_s).toString();
    }

    HttpResult openUpload(const QString &sha, qint64 size, const QString &token)
    {
        const QByteArray body
            = QJsonDocument(Core::UploadRequest{m_establishment, sha, size}.toJson()).toJson(QJsonDocument::Compact);
        return postJson(at(u"/api/v1/blobs/uploads"_s), body, token);
    }

    HttpResult putChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes, const QString &token,
                        const QByteArray &digest = {}, const QByteArray &type = "application/octet-stream")
    {
        QUrl url = at(u"/api/v1/blobs/uploads/"_s + uploadId);
        url.setQuery(u"offset="_s + QString::number(offset));
        return httpRequest("PUT", url, bytes,
                           {{"Authorization", "Bearer " + token.toLatin1()},
                            {"Content-Type", type},
                            {"Content-Digest", digest.isEmpty() ? Core::contentDigest(bytes) : digest}});
    }

    HttpResult getBlob(const QString &sha, const QString &token, const QByteArray &range = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token.toLatin1()}};
        if (!range.isEmpty())
            headers.append({"Range", range});
        return httpRequest("GET", at(u"/api/v1/blobs/"_s + sha), {}, headers);
    }

    // Names the file in the teacher's own document, as a synced row would.
    bool nameInDocument(const QString &sha, qint64 size)
    {
        return runStatement(
            m_server->databaseSpec(),
            u"UPDATE document SET sha256 = '%1', size_bytes = %2 WHERE id = '%3'"_s.arg(sha).arg(size).arg(m_document));
    }

    static void verifyProblem(const HttpResult &result, int status, const QString &code)
    {
        QCOMPARE(result.status, status);
        QCOMPARE(result.errorCode(), code);
    }

    std::unique_ptr<ServerProcess> m_server;
    QString m_teacher;
    QString m_student;
    QString m_establishment;
    QString m_document;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(backendFromEnvironment());
        QVERIFY2(m_server->fillWithReferenceSchool(0.02), qPrintable(m_server->errorString()));
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_teacher = signIn(QString::fromUtf16(kTeacherLogin));
        m_student = signIn(QString::fromUtf16(kStudentLogin));
        QVERIFY(!m_teacher.isEmpty());
        QVERIFY(!m_student.isEmpty());
        // One of the teacher's own documents, that the student does not read.
        QSqlDatabase db = openDatabaseSpec(m_server->databaseSpec(), u"blobhttp"_s);
        {
            QSqlQuery query(db);
            QVERIFY(
                query.exec(u"SELECT d.id, d.establishment_id FROM document d JOIN account a ON a.id = d.uploaded_by "
                           "JOIN document_folder f ON f.id = d.folder_id WHERE a.login = 'prof.martin' "
                           "AND f.owner_kind = 'account' ORDER BY d.id"_s));
            QVERIFY(query.next());
            m_document = query.value(0).toString();
            m_establishment = query.value(1).toString();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"blobhttp"_s);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }

    void uploadsResumesAndDownloadsInRanges()
    {
        const QByteArray bytes = textFile(u"fichier"_s, 5 * Core::kBlobChunkBytes + 321);
        const QString sha = shaOf(bytes);
        HttpResult opened = openUpload(sha, bytes.size(), m_teacher);
        QCOMPARE(opened.status, 200);
        const QString id = opened.json().value(u"upload_id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(opened.json().value(u"received"_s).toInteger(), 0);
        QCOMPARE(opened.json().value(u"chunk_bytes"_s).toInteger(), Core::kBlobChunkBytes);
        for (qint64 offset = 0; offset < 2 * Core::kBlobChunkBytes; offset += Core::kBlobChunkBytes) {
            const HttpResult put = putChunk(id, offset, bytes.mid(offset, Core::kBlobChunkBytes), m_teacher);
            QCOMPARE(put.status, 200);
            QCOMPARE(put.json().value(u"received"_s).toInteger(), offset + Core::kBlobChunkBytes);
        }
        // The client comes back, on a new connection: the server says where
        // to go on from, and a chunk sent again is refused.
        const HttpResult resumed = openUpload(sha, bytes.size(), m_teacher);
        QCOMPARE(resumed.status, 200);
        QCOMPARE(resumed.json().value(u"upload_id"_s).toString(), id);
        qint64 offset = resumed.json().value(u"received"_s).toInteger();
        QCOMPARE(offset, 2 * Core::kBlobChunkBytes);
        const HttpResult again = putChunk(id, 0, bytes.left(Core::kBlobChunkBytes), m_teacher);
        verifyProblem(again, 409, u"upload_offset_mismatch"_s);
        QVERIFY(
            again.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(QString::number(offset)));
        HttpResult last;
        while (offset < bytes.size()) {
            last = putChunk(id, offset, bytes.mid(offset, Core::kBlobChunkBytes), m_teacher);
            QCOMPARE(last.status, 200);
            offset = last.json().value(u"received"_s).toInteger();
        }
        QVERIFY(last.json().value(u"complete"_s).toBool());
        QVERIFY(!last.json().contains(u"upload_id"_s));

        // Nobody reads it before a row names it, not even its sender.
        verifyProblem(getBlob(sha, m_teacher, "bytes=0-9"), 404, u"not_found"_s);
        QVERIFY(nameInDocument(sha, bytes.size()));

        // Larger than 4 MiB: in ranges only.
        verifyProblem(getBlob(sha, m_teacher), 400, u"invalid_field"_s);
        QByteArray assembled;
        while (assembled.size() < bytes.size()) {
            const qint64 first = assembled.size();
            const HttpResult part = getBlob(sha, m_teacher,
                                            "bytes=" + QByteArray::number(first) + '-'
                                                + QByteArray::number(first + 3000000 - 1));
            QCOMPARE(part.status, 206);
            const auto range = Core::parseContentRange(part.header("Content-Range"));
            QVERIFY(range);
            QCOMPARE(range->first.first, first);
            QCOMPARE(range->second, bytes.size());
            QCOMPARE(part.body.size(), range->first.length());
            QCOMPARE(part.header("Content-Type"), QByteArray("application/octet-stream"));
            QCOMPARE(part.header("Content-Disposition"), QByteArray("attachment"));
            QCOMPARE(part.header("ETag"), '"' + sha.toLatin1() + '"');
            QCOMPARE(part.header("Accept-Ranges"), QByteArray("bytes"));
            assembled += part.body;
        }
        QCOMPARE(shaOf(assembled), sha);
        // A long range is cut to 4 MiB.
        const HttpResult longest = getBlob(sha, m_teacher, "bytes=0-");
        QCOMPARE(longest.status, 206);
        QCOMPARE(longest.body.size(), Core::kMaxBlobChunkBytes);
        verifyProblem(getBlob(sha, m_teacher, "bytes=" + QByteArray::number(bytes.size()) + '-'), 416,
                      u"range_not_satisfiable"_s);
        verifyProblem(getBlob(sha, m_teacher, "bytes=0-1,5-6"), 400, u"invalid_field"_s);
        // The student does not read the teacher's own document: the answer
        // of a hash that does not exist.
        verifyProblem(getBlob(sha, m_student, "bytes=0-9"), 404, u"not_found"_s);
        const HttpResult unknown = getBlob(shaOf("nothing"), m_student, "bytes=0-9");
        verifyProblem(unknown, 404, u"not_found"_s);
        QCOMPARE(getBlob(sha, m_student, "bytes=0-9").body, unknown.body);
    }

    // Bytes go as they are, even to a client that takes gzip.
    void blobsAreNeverCompressed()
    {
        const QByteArray bytes = textFile(u"petit"_s, 200'000);
        const QString sha = shaOf(bytes);
        const QString id = openUpload(sha, bytes.size(), m_teacher).json().value(u"upload_id"_s).toString();
        QCOMPARE(putChunk(id, 0, bytes, m_teacher).status, 200);
        QVERIFY(nameInDocument(sha, bytes.size()));
        const HttpResult whole = getBlob(sha, m_teacher);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body, bytes);

        QTcpSocket socket;
        socket.connectToHost(m_server->url().host(), quint16(m_server->url().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1/blobs/" + sha.toLatin1() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                     + m_teacher.toLatin1() + "\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        answer += socket.readAll();
        const QByteArray head = answer.left(answer.indexOf("\r\n\r\n")).toLower();
        QVERIFY2(head.startsWith("http/1.1 200"), head.constData());
        QVERIFY2(!head.contains("content-encoding"), head.constData());
        QVERIFY(answer.endsWith(bytes));
    }

    void answersWhatGoesWrong()
    {
        const QByteArray bytes = textFile(u"erreurs"_s, 10'000);
        const QString sha = shaOf(bytes);
        verifyProblem(openUpload(sha, (qint64(256) << 20) + 1, m_teacher), 413, u"payload_too_large"_s);
        verifyProblem(openUpload(sha, bytes.size(), {}), 401, u"unauthenticated"_s);
        verifyProblem(openUpload(sha, 0, m_teacher), 422, u"field_out_of_range"_s);
        const QString id = openUpload(sha, bytes.size(), m_teacher).json().value(u"upload_id"_s).toString();
        QVERIFY(!id.isEmpty());
        verifyProblem(putChunk(id, 0, bytes, m_teacher, {}, "application/json"), 415, u"unsupported_media_type"_s);
        verifyProblem(putChunk(id, 0, bytes, m_teacher, Core::contentDigest("autre chose")), 422, u"hash_mismatch"_s);
        verifyProblem(putChunk(id, 0, bytes, m_teacher, "md5=:AAAA:"), 400, u"invalid_field"_s);
        verifyProblem(putChunk(id, 5, bytes.mid(5), m_teacher), 409, u"upload_offset_mismatch"_s);
        const QUrl noOffset = at(u"/api/v1/blobs/uploads/"_s + id);
        verifyProblem(httpRequest("PUT", noOffset, bytes,
                                  {{"Authorization", "Bearer " + m_teacher.toLatin1()},
                                   {"Content-Type", "application/octet-stream"},
                                   {"Content-Digest", Core::contentDigest(bytes)}}),
                      400, u"invalid_field"_s);
        verifyProblem(putChunk(id, 0, bytes, m_student), 404, u"not_found"_s);
        verifyProblem(putChunk(u"00000000-0000-4000-8000-000000000000"_s, 0, bytes, m_teacher), 404, u"not_found"_s);

        const QList<std::pair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + m_teacher.toLatin1()}};
        QCOMPARE(httpRequest("DELETE", at(u"/api/v1/blobs/uploads/"_s + id), {}, auth).status, 204);
        verifyProblem(httpRequest("DELETE", at(u"/api/v1/blobs/uploads/"_s + id), {}, auth), 404, u"not_found"_s);
        const HttpResult wrongMethod = httpRequest("GET", at(u"/api/v1/blobs/uploads"_s), {}, auth);
        verifyProblem(wrongMethod, 405, u"method_not_allowed"_s);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("POST"));
        verifyProblem(getBlob(u"not-a-hash"_s, m_teacher), 404, u"not_found"_s);

        // A program is refused at its first chunk, and its upload is gone.
        QByteArray program("MZ\x90\0\x03\0\0\0", 8);
        program += QByteArray(5000, 'A');
        const QString programId
            = openUpload(shaOf(program), program.size(), m_teacher).json().value(u"upload_id"_s).toString();
        verifyProblem(putChunk(programId, 0, program, m_teacher), 415, u"file_type_refused"_s);
        verifyProblem(putChunk(programId, 0, program, m_teacher), 404, u"not_found"_s);
    }

    // A chunk may take 4 MiB, and not one byte more; other routes keep the
    // server's limit.
    void chunkBodiesHaveTheirOwnLimit()
    {
        const QByteArray bytes = textFile(u"limite"_s, Core::kMaxBlobChunkBytes + 1);
        const QString id = openUpload(shaOf(bytes), bytes.size(), m_teacher).json().value(u"upload_id"_s).toString();
        verifyProblem(putChunk(id, 0, bytes, m_teacher), 413, u"payload_too_large"_s);
        const QByteArray exact = bytes.left(Core::kMaxBlobChunkBytes);
        const HttpResult passed = putChunk(id, 0, exact, m_teacher);
        QCOMPARE(passed.status, 200);
        QCOMPARE(passed.json().value(u"received"_s).toInteger(), Core::kMaxBlobChunkBytes);
        verifyProblem(postJson(at(u"/api/v1/sync/push"_s), QByteArray(2 * 1024 * 1024, ' '), m_teacher), 413,
                      u"payload_too_large"_s);
        const QByteArray oneMiB = textFile(u"un"_s, Core::kBlobChunkBytes);
        const QString other
            = openUpload(shaOf(oneMiB), oneMiB.size(), m_teacher).json().value(u"upload_id"_s).toString();
        const HttpResult chunk = putChunk(other, 0, oneMiB, m_teacher);
        QCOMPARE(chunk.status, 200);
        QVERIFY(chunk.json().value(u"complete"_s).toBool());
    }

    // One collection at once, from the command line, beside the running
    // server: the uploads left open are not old enough yet.
    void collectsFromTheCommandLine()
    {
        QString output;
        QVERIFY2(m_server->runAdmin({u"--collect-blobs"_s}, &output), qPrintable(m_server->errorString()));
        QVERIFY2(output.startsWith(u"Removed 0 unused files (0 bytes), 0 abandoned uploads"_s), qPrintable(output));
    }

    void passwordChangeFirst()
    {
        const QString temporary = m_server->resetPassword(u"eleve.leo"_s);
        QVERIFY(!temporary.isEmpty());
        const QByteArray body
            = QJsonDocument(QJsonObject{{u"login"_s, u"eleve.leo"_s}, {u"password"_s, temporary}}).toJson();
        const QString token = postJson(at(u"/api/v1/auth/login"_s), body).json().value(u"accessToken"_s).toString();
        QVERIFY(!token.isEmpty());
        verifyProblem(openUpload(shaOf("x"), 10, token), 403, u"password_change_required"_s);
        verifyProblem(getBlob(shaOf("x"), token), 403, u"password_change_required"_s);
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestBlobHttp)
#include "tst_blobhttp.moc"
