#pragma once

#include "referenceschool.h"

#include <QString>
#include <QStringList>

namespace Cartable::Server {

// cartable-server demo-data --database SPEC [--blob-dir DIR] [--scale S] [--seed N] [--export FILE]
struct DemoDataOptions
{
    QString database;
    // Where the files of the school's documents go; empty: a "blobs"
    // folder beside an SQLite database, none with PostgreSQL.
    QString blobDir;
    ReferenceSchoolOptions school;
    // A JSON lines file to write every record to; "-" is the standard output.
    QString exportPath;
};

struct DemoDataOutcome
{
    DemoDataOptions options;
    bool exitNow = false;
    int exitCode = 0;
    QString message;
};

inline constexpr char16_t kDemoDataCommand[] = u"demo-data";

// `arguments` is the whole command line: the program, "demo-data", options.
DemoDataOutcome parseDemoDataArguments(const QStringList &arguments);

// Generates the reference school into the database, prints what it made and
// returns the exit code: 0, or 1 when the database cannot be opened, is not
// empty or refuses a row.
int runDemoData(const DemoDataOptions &options);

} // namespace Cartable::Server
