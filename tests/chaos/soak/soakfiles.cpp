#include "soakfiles.h"

#include "tests/support/testdatabase.h"

#include "sync/blobcache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

namespace Cartable::Test::Soak {

using namespace Qt::StringLiterals;

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

SoakFiles::SoakFiles(QString world, const QString &folder, quint64 seed, QTextStream &log, bool verbose,
                     QObject *parent)
    : QObject(parent),
      m_world(std::move(world)),
      m_folder(folder + u"/files"_s),
      m_log(log),
      m_verbose(verbose),
      m_random(seed * 0x9E3779B97F4A7C15ULL + 77)
{
    QDir().mkpath(m_folder + u"/originals"_s);
    const QString program = qEnvironmentVariable("CARTABLE_SOAK_FILES_BINARY");
    m_teacher = std::make_unique<SoakClient>(0, u"files-teacher"_s, QString(), m_folder, nullptr);
    m_reader = std::make_unique<SoakClient>(1, u"files-reader"_s, QString(), m_folder, nullptr);
    m_teacher->setProgram(program);
    m_reader->setProgram(program);
}

SoakFiles::~SoakFiles() = default;

void SoakFiles::note(const QString &line)
{
    m_log << m_world << " files: " << line << Qt::endl;
}

QStringList SoakFiles::commonArguments(const SoakClient &client, int server) const
{
    return {u"--server"_s,       m_serverUrl(server).toString(), u"--login"_s, client.login(), u"--replica"_s,
            client.replicaPath()};
}

bool SoakFiles::setUp(const QString &teacherLogin, const QString &readerLogin, std::function<QUrl(int)> serverUrl,
                      int servers)
{
    m_serverUrl = std::move(serverUrl);
    m_servers = servers;
    m_teacher->setLogin(teacherLogin);
    m_reader->setLogin(readerLogin);
    const CliRun who = m_reader->runNow(QStringList{u"whoami"_s} + commonArguments(*m_reader, 0));
    m_readerPerson = who.out.section(u"person "_s, 1).trimmed();
    if (who.exitCode != 0 || m_readerPerson.isEmpty()) {
        note(u"the reader could not sign in: "_s + who.out.trimmed() + who.err.trimmed());
        return false;
    }
    // The teacher's first sync, with nothing to send yet.
    const CliRun first = m_teacher->runNow(QStringList{u"send"_s} + commonArguments(*m_teacher, 0));
    if (first.exitCode != 0) {
        note(u"the teacher could not sync: "_s + first.out.trimmed() + first.err.trimmed());
        return false;
    }
    note(u"%1 sends to %2"_s.arg(teacherLogin, readerLogin));
    return true;
}

void SoakFiles::start(qint64 deadlineMs, std::function<void()> idle)
{
    m_deadline = deadlineMs;
    m_idle = std::move(idle);
    schedule(*m_teacher);
    schedule(*m_reader);
}

bool SoakFiles::isBusy() const
{
    return m_teacher->isBusy() || m_reader->isBusy();
}

void SoakFiles::schedule(SoakClient &client)
{
    const int think = int(100 + m_random() % 700);
    QTimer::singleShot(think, this, [this, &client] { step(client); });
}

void SoakFiles::step(SoakClient &client)
{
    if (now() >= m_deadline) {
        if (m_idle)
            m_idle();
        return;
    }
    // Drawn every step, used or not.
    const int dice = int(m_random() % 100);
    const bool kill = m_random() % 100 < 30;
    const int killAfterMs = int(300 + m_random() % 2200);
    if (&client == m_reader.get())
        return download(client, kill ? killAfterMs : -1);
    if (dice < 45)
        return attach();
    send(kill ? killAfterMs : -1);
}

void SoakFiles::attach()
{
    // Small scans, larger documents, now and then a video: large enough
    // that kills land in the middle of uploads.
    const int kind = int(m_random() % 10);
    const qint64 size = kind < 5   ? qint64(200'000 + m_random() % 2'800'000)
                        : kind < 9 ? qint64(3'000'000 + m_random() % 27'000'000)
                                   : qint64(30'000'000 + m_random() % 50'000'000);
    const QString path = m_folder + u"/originals/file-%1.pdf"_s.arg(++m_fileNumber, 4, 10, QChar(u'0'));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_violations << u"setup %1: cannot write %2"_s.arg(m_world, path);
        return schedule(*m_teacher);
    }
    QByteArray chunk = QByteArrayLiteral("%PDF-1.6\n");
    qint64 written = 0;
    while (written < size) {
        while (chunk.size() < qint64(1) << 20) {
            const std::uint64_t word = m_random();
            chunk.append(reinterpret_cast<const char *>(&word), sizeof word);
        }
        chunk.truncate(std::min<qint64>(chunk.size(), size - written));
        file.write(chunk);
        written += chunk.size();
        chunk.clear();
    }
    file.close();
    QStringList arguments = QStringList{u"attach"_s} + commonArguments(*m_teacher, 0);
    arguments << u"--file"_s << path << u"--for-person"_s << m_readerPerson;
    m_teacher->start(arguments, {}, -1, [this](const CliRun &run) {
        readRun(*m_teacher, run);
        done(*m_teacher, run);
    });
}

void SoakFiles::send(int killAfterMs)
{
    ++m_counters.sends;
    const int server = int(m_random() % m_servers);
    m_teacher->start(QStringList{u"send"_s} + commonArguments(*m_teacher, server), {}, killAfterMs,
                     [this](const CliRun &run) {
                         readRun(*m_teacher, run);
                         done(*m_teacher, run);
                     });
}

bool SoakFiles::writeList() const
{
    QFile list(m_folder + u"/list.txt"_s);
    if (!list.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QStringList hashes = m_originals.keys();
    std::sort(hashes.begin(), hashes.end());
    for (const QString &sha256 : std::as_const(hashes))
        list.write(sha256.toLatin1() + '\n');
    return true;
}

void SoakFiles::download(SoakClient &client, int killAfterMs)
{
    ++m_counters.downloads;
    if (!writeList()) {
        m_violations << u"setup %1: cannot write the list of files"_s.arg(m_world);
        return;
    }
    const int server = int(m_random() % m_servers);
    QStringList arguments = QStringList{u"download"_s} + commonArguments(client, server);
    arguments << u"--list"_s << m_folder + u"/list.txt"_s;
    client.start(arguments, {}, killAfterMs, [this, &client](const CliRun &run) { done(client, run); });
}

void SoakFiles::readRun(const SoakClient &client, const CliRun &run)
{
    // The offset each upload stands at, as this run's last answer to POST
    // …/uploads gave it; -1 once a chunk has gone after it.
    QHash<QString, qint64> opened;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList words = line.split(u' ');
        if (words.size() == 3 && words.at(0) == u"attached") {
            m_originals.insert(words.at(1),
                               m_folder + u"/originals/file-%1.pdf"_s.arg(m_fileNumber, 4, 10, QChar(u'0')));
            ++m_counters.attached;
        } else if (words.size() == 5 && words.at(0) == u"open") {
            const QString &sha256 = words.at(1);
            const qint64 received = words.at(2).toLongLong();
            const bool complete = words.at(4) == u"1";
            if (!complete && received < m_acknowledged.value(sha256)) {
                m_violations << u"F3 %1: the server answered %2 bytes for %3 after it had acknowledged %4"_s
                                    .arg(m_world, words.at(2), sha256, QString::number(m_acknowledged.value(sha256)));
            }
            if (!complete && received > 0 && !opened.contains(sha256))
                ++m_counters.resumed;
            opened.insert(sha256, complete ? -1 : received);
        } else if (words.size() == 4 && words.at(0) == u"sent") {
            const QString &sha256 = words.at(1);
            ++m_counters.chunks;
            const qint64 expected = opened.value(sha256, -1);
            if (expected >= 0 && words.at(2).toLongLong() != expected) {
                m_violations << u"F3 %1: %2 sent the chunk of %3 at %4 where the server stood at %5"_s
                                    .arg(m_world, client.name(), sha256, words.at(2), QString::number(expected));
            }
            opened.insert(sha256, -1);
        } else if (words.size() == 4 && words.at(0) == u"took") {
            const QString &sha256 = words.at(1);
            m_acknowledged[sha256] = std::max(m_acknowledged.value(sha256), words.at(2).toLongLong());
        }
    }
}

void SoakFiles::done(SoakClient &client, const CliRun &run)
{
    if (run.killed)
        ++m_counters.kills;
    else if (run.exitCode != 0)
        ++m_counters.failed;
    if (m_verbose && run.exitCode != 0 && !run.killed)
        note(u"%1: %2"_s.arg(client.name(), run.out.trimmed().section(u'\n', -1)));
    schedule(client);
}

void SoakFiles::sendTheRest()
{
    bool sent = false;
    for (int attempt = 0; attempt < 10 && !sent; ++attempt) {
        const CliRun run = m_teacher->runNow(QStringList{u"send"_s} + commonArguments(*m_teacher, 0));
        readRun(*m_teacher, run);
        sent = run.exitCode == 0 && run.out.contains(u"queue 0"_s);
        if (!sent)
            note(u"the last files are not all sent: "_s + run.out.trimmed().section(u'\n', -2).replace(u'\n', u"; "_s));
    }
    if (!sent)
        m_violations << u"F1 %1: the teacher's files could not all be sent"_s.arg(m_world);
}

QStringList SoakFiles::finish(const QString &blobFolder, const QString &databaseSpec)
{
    if (!writeList())
        m_violations << u"setup %1: cannot write the list of files"_s.arg(m_world);
    Sync::BlobCache cache(m_reader->replicaPath());
    bool received = false;
    for (int attempt = 0; attempt < 5 && !received; ++attempt) {
        QStringList arguments = QStringList{u"download"_s} + commonArguments(*m_reader, 0);
        arguments << u"--list"_s << m_folder + u"/list.txt"_s;
        m_reader->runNow(arguments);
        received = std::all_of(m_originals.keyBegin(), m_originals.keyEnd(),
                               [&cache](const QString &sha256) { return cache.contains(sha256); });
    }

    // F1: every attached file, on the server and at the reader, whole.
    const QString connection = u"soak-files-"_s + m_world;
    {
        QSqlDatabase db = openDatabaseSpec(databaseSpec, connection);
        QStringList hashes = m_originals.keys();
        std::sort(hashes.begin(), hashes.end());
        for (const QString &sha256 : std::as_const(hashes)) {
            if (sha256Of(m_originals.value(sha256)) != sha256) {
                m_violations << u"setup %1: the original of %2 changed"_s.arg(m_world, sha256);
                continue;
            }
            QSqlQuery held(db);
            held.prepare(u"SELECT count(*) FROM blob b JOIN blob_claim c ON c.establishment_id = b.establishment_id "
                         "AND c.sha256 = b.sha256 JOIN account a ON a.id = c.account_id WHERE b.sha256 = ? "
                         "AND a.login = ?"_s);
            held.addBindValue(sha256);
            held.addBindValue(m_teacher->login());
            if (!held.exec() || !held.next() || held.value(0).toLongLong() == 0)
                m_violations << u"F1 %1: %2 was attached but the server does not hold it from %3"_s
                                    .arg(m_world, sha256, m_teacher->login());
            const QString local = cache.path(sha256);
            if (local.isEmpty())
                m_violations << u"F1 %1: %2 never reached the reader"_s.arg(m_world, sha256);
            else if (sha256Of(local) != sha256)
                m_violations << u"F1 %1: the reader's copy of %2 is not the file sent"_s.arg(m_world, sha256);
        }
        // F2: what the database calls a blob is whole in the storage.
        QSqlQuery blobs(db);
        QHash<QString, qint64> recorded;
        if (!blobs.exec(u"SELECT establishment_id, sha256, size_bytes FROM blob"_s))
            m_violations << u"F2 %1: the blob table cannot be read"_s.arg(m_world);
        while (blobs.next()) {
            const QString path = blobFolder + u'/' + blobs.value(0).toString() + u'/'
                                 + blobs.value(1).toString().left(2) + u'/' + blobs.value(1).toString();
            recorded.insert(path, blobs.value(2).toLongLong());
            if (QFileInfo(path).size() != blobs.value(2).toLongLong())
                m_violations << u"F2 %1: blob %2 is recorded with %3 bytes, the storage has %4"_s
                                    .arg(m_world, blobs.value(1).toString(), blobs.value(2).toString(),
                                         QString::number(QFileInfo(path).size()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    qint64 stored = 0;
    QDirIterator files(blobFolder, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QFileInfo file(files.next());
        if (file.dir().dirName() == u"uploads" || file.fileName().size() != 64)
            continue;
        ++stored;
        if (sha256Of(file.filePath()) != file.fileName())
            m_violations << u"F2 %1: %2 is stored under a blob's name with other bytes (a partial file)"_s
                                .arg(m_world, file.filePath());
    }
    note(u"%1 files attached, %2 sends and %3 downloads (%4 killed, %8 failed on their own), %5 chunks sent, %6 "
         "uploads resumed from the server's offset, %7 blobs stored"_s.arg(m_counters.attached)
             .arg(m_counters.sends)
             .arg(m_counters.downloads)
             .arg(m_counters.kills)
             .arg(m_counters.chunks)
             .arg(m_counters.resumed)
             .arg(stored)
             .arg(m_counters.failed));
    return m_violations;
}

} // namespace Cartable::Test::Soak
