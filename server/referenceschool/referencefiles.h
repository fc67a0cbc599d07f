#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Cartable::Server {

// The few files that the reference school's documents and attachments name:
// small one-page PDFs and text worksheets, the same bytes on every run, so
// that the demo downloads real files and the blob storage holds few.
struct ReferenceFile
{
    QString name;
    QString mimeType;
    QByteArray bytes;
    QString sha256;
};

const QList<ReferenceFile> &referenceFiles();

} // namespace Cartable::Server
