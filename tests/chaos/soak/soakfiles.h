#pragma once

#include "soakclient.h"

#include <QHash>
#include <QObject>
#include <QTextStream>
#include <QUrl>

#include <functional>
#include <memory>
#include <random>

namespace Cartable::Test::Soak {

struct FileCounters
{
    qint64 attached = 0;
    qint64 sends = 0;
    qint64 downloads = 0;
    qint64 kills = 0;
    // Runs that ended in an error (a server down, a cut).
    qint64 failed = 0;
    // Uploads a run took up again from bytes the server already had.
    qint64 resumed = 0;
    qint64 chunks = 0;
};

// Files in the soak: a second device of the teacher attaches files (a few
// hundred KB to 80 MB) to a homework of the reader's class and sends them,
// and a student downloads them, each through chaos_soak_files runs that are
// SIGKILLed at random while the world kills its servers. The checks, after
// the drain:
//
//  - F1 every attached file is held by the server from the teacher and
//    downloads byte-identical to the original;
//  - F2 no partial file is visible as a blob: every file of the storage
//    under a blob's name has that SHA-256, and every blob the database
//    records is in the storage with its size;
//  - F3 a resumed upload continues from the server's offset: the first
//    chunk after an answer to POST …/uploads goes at the offset it gave, and
//    the server never gives less than it had acknowledged.
class SoakFiles : public QObject
{
    Q_OBJECT

public:
    SoakFiles(QString world, const QString &folder, quint64 seed, QTextStream &log, bool verbose, QObject *parent);
    ~SoakFiles() override;

    // The reader's person (for the teacher's choice of homework) and the
    // teacher's first sync. `serverUrl` gives the address of server i of
    // the world.
    bool setUp(const QString &teacherLogin, const QString &readerLogin, std::function<QUrl(int)> serverUrl,
               int servers);
    // Work and kills until `deadlineMs`; `idle` is called whenever a client
    // comes to rest after it.
    void start(qint64 deadlineMs, std::function<void()> idle);
    bool isBusy() const;
    // With every server up, before the world's drain: the last files sent
    // (and their rows pushed), so that every replica sees the rows.
    void sendTheRest();
    // After the drain: everything received, then F1–F3.
    QStringList finish(const QString &blobFolder, const QString &databaseSpec);
    const FileCounters &counters() const { return m_counters; }

private:
    void step(SoakClient &client);
    void schedule(SoakClient &client);
    void attach();
    void send(int killAfterMs);
    void download(SoakClient &client, int killAfterMs);
    QStringList commonArguments(const SoakClient &client, int server) const;
    // Reads what a run printed: attached files, and the resumption checks.
    void readRun(const SoakClient &client, const CliRun &run);
    void done(SoakClient &client, const CliRun &run);
    bool writeList() const;
    void note(const QString &line);

    QString m_world;
    QString m_folder;
    QTextStream &m_log;
    bool m_verbose;
    std::mt19937_64 m_random;
    std::unique_ptr<SoakClient> m_teacher;
    std::unique_ptr<SoakClient> m_reader;
    std::function<QUrl(int)> m_serverUrl;
    int m_servers = 1;
    QString m_readerPerson;
    qint64 m_deadline = 0;
    std::function<void()> m_idle;
    int m_fileNumber = 0;
    // SHA-256 → the original file.
    QHash<QString, QString> m_originals;
    // SHA-256 → the most bytes the server acknowledged.
    QHash<QString, qint64> m_acknowledged;
    QStringList m_violations;
    FileCounters m_counters;
};

} // namespace Cartable::Test::Soak
