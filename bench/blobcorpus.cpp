#include "blobcorpus.h"

#include "core/errorcode.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <random>

namespace Cartable::Bench {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

constexpr qint64 kKB = 1000;
constexpr qint64 kMB = 1000 * kKB;
constexpr qint64 kWriteChunk = qint64(1) << 20;

struct SizeClass
{
    QString prefix;
    qint64 low;
    qint64 high;
    double share; // of the total
};

qint64 between(std::mt19937_64 &random, qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    return low + static_cast<qint64>(random() % static_cast<std::uint64_t>(high - low + 1));
}

// A PDF or a PNG by its first bytes, the rest random: what a scan or a
// photo looks like to the network and to a compressor.
QByteArray header(bool pdf)
{
    if (pdf)
        return QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n");
    return QByteArrayLiteral("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x04\x00\x00\x00\x03\x00\x08\x02\x00\x00"
                             "\x00\x00\x00\x00\x00");
}

Core::Result<CorpusFile> writeFile(const QString &folder, const QString &name, qint64 size, bool pdf,
                                   std::mt19937_64 &random)
{
    QFile file(QDir(folder).filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{ErrorCode::Internal, u"cannot write "_s + file.fileName()};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(kWriteChunk, Qt::Uninitialized);
    qint64 written = 0;
    bool first = true;
    while (written < size) {
        const qint64 length = std::min(kWriteChunk, size - written);
        chunk.resize(length);
        auto *words = reinterpret_cast<std::uint64_t *>(chunk.data());
        for (qint64 n = 0; n < length / 8; ++n)
            words[n] = random();
        for (qint64 n = length / 8 * 8; n < length; ++n)
            chunk[n] = static_cast<char>(random());
        if (first) {
            const QByteArray head = header(pdf);
            std::copy_n(head.constData(), std::min<qint64>(head.size(), length), chunk.data());
            first = false;
        }
        hash.addData(chunk);
        if (file.write(chunk) != length)
            return Error{ErrorCode::Internal, u"cannot write "_s + file.fileName()};
        written += length;
    }
    return CorpusFile{name, size, QString::fromLatin1(hash.result().toHex())};
}

} // namespace

qint64 Corpus::totalBytes() const
{
    qint64 total = 0;
    for (const CorpusFile &file : files)
        total += file.size;
    return total;
}

qint64 Corpus::largestBytes() const
{
    qint64 largest = 0;
    for (const CorpusFile &file : files)
        largest = std::max(largest, file.size);
    return largest;
}

qsizetype Corpus::countBetween(qint64 low, qint64 high) const
{
    return std::count_if(files.cbegin(), files.cend(),
                         [low, high](const CorpusFile &file) { return file.size >= low && file.size <= high; });
}

Core::Result<Corpus> generateCorpus(const QString &folder, qint64 totalBytes)
{
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Internal, u"cannot make "_s + folder};
    const QList<SizeClass> classes{
        {u"video"_s, 50 * kMB, 200 * kMB, 0.5},
        {u"document"_s, 1 * kMB, 20 * kMB, 0.3},
        {u"scan"_s, 10 * kKB, 500 * kKB, 0.2},
    };
    std::mt19937_64 random(20261208);
    Corpus corpus{folder, {}};
    qint64 left = totalBytes;
    for (qsizetype c = 0; c < classes.size(); ++c) {
        const SizeClass &kind = classes.at(c);
        // The last class takes what the others left.
        qint64 budget = c + 1 == classes.size() ? left : static_cast<qint64>(kind.share * totalBytes);
        budget = std::min(budget, left);
        int count = 0;
        while (budget >= kind.low) {
            const qint64 size = between(random, kind.low, std::min(kind.high, budget));
            const bool pdf = (count % 3) != 2;
            const QString name
                = u"%1-%2.%3"_s.arg(kind.prefix).arg(++count, 4, 10, QChar(u'0')).arg(pdf ? u"pdf"_s : u"png"_s);
            Core::Result<CorpusFile> file = writeFile(folder, name, size, pdf, random);
            if (!file)
                return file.error();
            corpus.files.append(*file);
            budget -= size;
            left -= size;
        }
    }
    return corpus;
}

Core::Status writeManifest(const Corpus &corpus, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return Error{ErrorCode::Internal, u"cannot write "_s + path};
    QTextStream out(&file);
    out << corpus.folder << '\n';
    for (const CorpusFile &entry : corpus.files)
        out << entry.name << ' ' << entry.size << ' ' << entry.sha256 << '\n';
    return {};
}

Core::Result<Corpus> readManifest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{ErrorCode::Internal, u"cannot read "_s + path};
    QTextStream in(&file);
    Corpus corpus;
    corpus.folder = in.readLine();
    while (!in.atEnd()) {
        const QStringList parts = in.readLine().split(u' ');
        if (parts.size() != 3)
            continue;
        corpus.files.append({parts.at(0), parts.at(1).toLongLong(), parts.at(2)});
    }
    return corpus;
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace Cartable::Bench
