// The files the file benchmark moves: a deterministic mix of sizes that a
// school exchanges (many small scans and documents, some larger ones, a few
// videos), with contents that pass Core::detectFileType and do not compress.
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace Cartable::Bench {

struct CorpusFile
{
    QString name; // in the corpus folder
    qint64 size = 0;
    QString sha256;
};

struct Corpus
{
    QString folder;
    QList<CorpusFile> files;

    qint64 totalBytes() const;
    qint64 largestBytes() const;
    // How many files have at least `low` and at most `high` bytes.
    qsizetype countBetween(qint64 low, qint64 high) const;
};

// Writes about `totalBytes` of files into `folder` (about a fifth in files of
// 10–500 KB, three tenths in files of 1–20 MB, the rest in files of
// 50–200 MB, as far as the total allows), the same files for the same total
// every time. Each is written and hashed a chunk at a time.
[[nodiscard]] Core::Result<Corpus> generateCorpus(const QString &folder, qint64 totalBytes);

// The list of files in a manifest (one "name size sha256" line each), for a
// child process to read.
[[nodiscard]] Core::Status writeManifest(const Corpus &corpus, const QString &path);
[[nodiscard]] Core::Result<Corpus> readManifest(const QString &path);

// The SHA-256 of a file, read a chunk at a time; empty when unreadable.
QString sha256OfFile(const QString &path);

} // namespace Cartable::Bench
