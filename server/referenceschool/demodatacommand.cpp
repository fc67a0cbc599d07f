#include "demodatacommand.h"

#include "schoolwriter.h"

#include "server/accountstore.h"
#include "server/blobs/filesystemblobstorage.h"
#include "server/demodata.h"
#include "server/passwordhasher.h"
#include "server/serverconfig.h"
#include "server/serverdatabase.h"
#include "server/sync/feedindexer.h"

#include "core/domain/catalog.h"
#include "core/migrator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <cstdio>

namespace Cartable::Server {

using namespace Qt::StringLiterals;

namespace {

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

bool parseScale(const QString &text, double &scale)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !isValidReferenceScale(value))
        return false;
    scale = value;
    return true;
}

bool parseSeed(const QString &text, std::uint64_t &seed)
{
    bool ok = false;
    const qulonglong value = text.trimmed().toULongLong(&ok, 10);
    if (!ok || text.trimmed().startsWith(u'-') || text.trimmed().startsWith(u'+'))
        return false;
    seed = value;
    return true;
}

// Bytes on disk: the SQLite file (after a checkpoint) or the PostgreSQL
// database; -1 when unknown.
qint64 databaseSize(QSqlDatabase &db, const QString &spec)
{
    QSqlQuery query(db);
    if (Core::dialectOf(db) == Core::SqlDialect::Postgres) {
        if (query.exec(u"SELECT pg_database_size(current_database())"_s) && query.next())
            return query.value(0).toLongLong();
        return -1;
    }
    (void)query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    const QFileInfo main(spec);
    const QFileInfo wal(spec + u"-wal"_s);
    return main.exists() ? main.size() + (wal.exists() ? wal.size() : 0) : -1;
}

QString megabytes(qint64 bytes)
{
    return bytes < 0 ? u"unknown"_s : u"%1 MB"_s.arg(double(bytes) / 1e6, 0, 'f', 1);
}

int generate(QSqlDatabase &db, const DemoDataOptions &options)
{
    FILE *report = options.exportPath == u"-"_s ? stderr : stdout;
    // Checked before the export file is opened, so that a refusal leaves it too.
    const Core::Result<bool> populated = AccountStore(db).hasEstablishments();
    if (!populated || *populated) {
        print(stderr, u"cartable-server: cannot create the reference school: "_s
                          + (populated ? QString::fromUtf16(kDatabaseNotEmpty) : populated.error().context));
        print(stderr, u"demo-data only fills an empty database; nothing was changed."_s);
        return 1;
    }
    std::unique_ptr<QFile> exportFile;
    if (!options.exportPath.isEmpty()) {
        exportFile = std::make_unique<QFile>();
        const bool opened = options.exportPath == u"-"_s
                                ? exportFile->open(stdout, QIODevice::WriteOnly)
                                : (exportFile->setFileName(options.exportPath),
                                   exportFile->open(QIODevice::WriteOnly | QIODevice::Truncate));
        if (!opened) {
            print(stderr, u"cartable-server: cannot write %1: %2"_s.arg(options.exportPath, exportFile->errorString()));
            return 1;
        }
    }

    QElapsedTimer timer;
    timer.start();
    if (Core::dialectOf(db) == Core::SqlDialect::Sqlite) {
        // A page cache that holds the whole transaction: with the default
        // 2 MB, SQLite spills pages to the WAL and rewrites them many times.
        QSqlQuery pragma(db);
        (void)pragma.exec(u"PRAGMA cache_size = -524288"_s);
    }
    // One hash for every account: Argon2id is slow on purpose.
    const Core::Result<QByteArray> hash = PasswordHasher().hash(QString::fromUtf16(kReferencePassword));
    if (!hash) {
        print(stderr, u"cartable-server: cannot hash the demo password: "_s + hash.error().context);
        return 1;
    }
    ServerConfig where;
    where.database = options.database;
    where.blobDir = options.blobDir;
    const QString blobFolder = where.blobFolder();
    std::unique_ptr<FilesystemBlobStorage> files;
    if (!blobFolder.isEmpty()) {
        files = std::make_unique<FilesystemBlobStorage>(blobFolder);
        if (const Core::Status opened = files->open(); !opened) {
            print(stderr, u"cartable-server: "_s + opened.error().context);
            return 1;
        }
    }
    const Core::Result<ReferenceSchoolSummary> summary = writeReferenceSchool(db, options.school, *hash,
                                                                              exportFile.get(), files.get());
    if (exportFile)
        exportFile->close();
    if (!summary) {
        print(stderr, u"cartable-server: cannot create the reference school: "_s + summary.error().context);
        return 1;
    }
    const qint64 elapsed = timer.elapsed();
    // Into the change feed, so that clients receive the school when they sync.
    timer.restart();
    const Core::Result<qint64> indexed = FeedIndexer(db).indexAll();
    if (!indexed) {
        print(stderr, u"cartable-server: cannot index the reference school for sync: "_s + indexed.error().context);
        return 1;
    }
    const qint64 indexing = timer.elapsed();

    print(report, u"Reference school, scale %1, seed %2: %3 records in %4 s, indexed for sync in %5 s\n"_s
                      .arg(options.school.scale)
                      .arg(options.school.seed)
                      .arg(summary->total)
                      .arg(double(elapsed) / 1000.0, 0, 'f', 2)
                      .arg(double(indexing) / 1000.0, 0, 'f', 2));
    for (const Core::EntityDef &entity : Core::entityCatalog())
        print(report, u"  %1 %2"_s.arg(entity.type, -24).arg(summary->counts.value(entity.type), 8));
    print(report, u"\nDatabase (%1): %2\n"_s.arg(backendName(db), megabytes(databaseSize(db, options.database))));
    print(report, files ? u"Files of the documents and attachments: %1\n"_s.arg(blobFolder)
                        : u"Files of the documents and attachments: not written (no --blob-dir)\n"_s);
    print(report, demoLoginsTable());
    print(report, u"Every other person of the school has an account too: login prenom.nom (without accents, "
                  "numbered when taken), password %1."_s.arg(QString::fromUtf16(kReferencePassword)));
    return 0;
}

} // namespace

DemoDataOutcome parseDemoDataArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Fills an empty server database with the reference school: a lycée of 1,500 students at scale 1, "
        "with the demo accounts. The same seed and scale give the same records."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption databaseOption(u"database"_s,
                                            u"SQLite file, or postgresql://user:password@host:port/dbname."_s,
                                            u"spec"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"Size of the school, above 0 and up to 20 (default 0.1)."_s,
                                         u"S"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the generator, 0 to 2^64-1 (default 1)."_s, u"N"_s);
    const QCommandLineOption exportOption(u"export"_s,
                                          u"Also write every record to <file> as JSON lines (- for the standard "
                                          "output)."_s,
                                          u"file"_s);
    const QCommandLineOption blobDirOption(
        u"blob-dir"_s, u"Write the files of the documents to <folder> (default: blobs beside an SQLite database)."_s,
        u"folder"_s);
    parser.addOptions({databaseOption, blobDirOption, scaleOption, seedOption, exportOption});

    DemoDataOutcome outcome;
    auto usageError = [&](const QString &message) {
        outcome.exitNow = true;
        outcome.exitCode = 2;
        outcome.message = message + u"\n\n"_s + parser.helpText();
        return outcome;
    };
    QStringList withoutCommand = arguments;
    if (withoutCommand.size() > 1 && withoutCommand.at(1) == QStringView(kDemoDataCommand))
        withoutCommand.removeAt(1);
    if (!parser.parse(withoutCommand))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        outcome.exitNow = true;
        outcome.message = parser.helpText();
        return outcome;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument: "_s + parser.positionalArguments().constFirst());
    DemoDataOptions &options = outcome.options;
    if (parser.isSet(scaleOption) && !parseScale(parser.value(scaleOption), options.school.scale))
        return usageError(u"invalid scale (above 0, up to 20): "_s + parser.value(scaleOption));
    if (parser.isSet(seedOption) && !parseSeed(parser.value(seedOption), options.school.seed))
        return usageError(u"invalid seed (0 to 18446744073709551615): "_s + parser.value(seedOption));
    options.database = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                    : ServerConfig::defaultDatabasePath();
    if (options.database.isEmpty())
        return usageError(u"--database needs a value"_s);
    options.blobDir = parser.value(blobDirOption);
    if (parser.isSet(blobDirOption) && options.blobDir.isEmpty())
        return usageError(u"--blob-dir needs a folder"_s);
    options.exportPath = parser.value(exportOption);
    if (parser.isSet(exportOption) && options.exportPath.isEmpty())
        return usageError(u"--export needs a file name"_s);
    return outcome;
}

int runDemoData(const DemoDataOptions &options)
{
    const QString connection = u"cartable-demo-data"_s;
    int code = 1;
    {
        Core::Result<QSqlDatabase> db = openServerDatabase(options.database, connection);
        if (!db) {
            print(stderr, u"cartable-server: cannot open the database: "_s + db.error().context);
        } else {
            QSqlDatabase opened = *db;
            code = generate(opened, options);
            opened.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return code;
}

} // namespace Cartable::Server
