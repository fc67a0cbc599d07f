#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Cartable::Core {

// A kind of file that schools exchange, told from its first bytes.
struct FileType
{
    QString mimeType; // "application/pdf"
    QString name;     // "PDF", for people

    friend bool operator==(const FileType &, const FileType &) = default;
};

// How many bytes of a file's start detectFileType() needs.
constexpr qsizetype kFileTypeHeadBytes = 8192;

// What the file that starts with `head` is, among the accepted types:
// documents (PDF, OpenDocument, Office Open XML and the older Office formats,
// RTF, EPUB), images (PNG, JPEG, GIF, WebP, BMP, HEIC), sound and video (MP3,
// MP4/M4A, Ogg, WAV, FLAC, WebM), ZIP archives and plain text (UTF-8 or
// Latin-1, which covers CSV and source code). The name only tells apart
// formats that share their bytes (a .doc and a .xls; a .csv and a .txt); it
// never makes a type acceptable. Nothing for anything else: programs
// (Windows, Linux and macOS executables), HTML and SVG (which can carry
// scripts), unknown binary data, an empty head.
std::optional<FileType> detectFileType(const QByteArray &head, const QString &fileName = {});

// The same check as detectFileType(), when only the answer matters.
inline bool isAcceptedFile(const QByteArray &head, const QString &fileName = {})
{
    return detectFileType(head, fileName).has_value();
}

// Whether a file of this name would run as a program when opened from the
// desktop (.exe, .bat, .js, .ps1, .sh, .desktop, …): such files are saved,
// never opened, whatever their content.
bool runsWhenOpened(const QString &fileName);

} // namespace Cartable::Core
