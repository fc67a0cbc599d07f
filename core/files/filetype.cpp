#include "filetype.h"

#include <QStringList>

namespace Cartable::Core {

namespace {

using namespace Qt::StringLiterals;

bool startsWith(const QByteArray &head, qsizetype at, QByteArrayView magic)
{
    return head.size() >= at + magic.size() && QByteArrayView(head).sliced(at, magic.size()) == magic;
}

QString extensionOf(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    return dot < 0 ? QString() : fileName.mid(dot + 1).toLower();
}

// A ZIP archive: an OpenDocument or EPUB file names its type in a first,
// stored "mimetype" entry; an Office Open XML file has a
// [Content_Types].xml entry and its parts under word/, xl/ or ppt/.
FileType zipType(const QByteArray &head)
{
    static constexpr qsizetype kFirstEntryName = 30;
    if (startsWith(head, kFirstEntryName, "mimetype")) {
        const QByteArray rest = head.mid(kFirstEntryName + 8, 80);
        struct Known
        {
            QByteArrayView mime;
            QString name;
        };
        const Known known[] = {
            {"application/vnd.oasis.opendocument.text", u"OpenDocument text"_s},
            {"application/vnd.oasis.opendocument.spreadsheet", u"OpenDocument spreadsheet"_s},
            {"application/vnd.oasis.opendocument.presentation", u"OpenDocument presentation"_s},
            {"application/vnd.oasis.opendocument.graphics", u"OpenDocument drawing"_s},
            {"application/epub+zip", u"EPUB"_s},
        };
        for (const Known &k : known) {
            if (rest.startsWith(k.mime))
                return {QString::fromLatin1(k.mime), k.name};
        }
    }
    if (head.contains("[Content_Types].xml")) {
        if (head.contains("word/"))
            return {u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s, u"Word"_s};
        if (head.contains("xl/"))
            return {u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s, u"Excel"_s};
        if (head.contains("ppt/"))
            return {u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s, u"PowerPoint"_s};
    }
    return {u"application/zip"_s, u"ZIP"_s};
}

// The older Office formats share one container; the name tells which.
FileType oleType(const QString &fileName)
{
    const QString extension = extensionOf(fileName);
    if (extension == u"xls"_s)
        return {u"application/vnd.ms-excel"_s, u"Excel 97-2003"_s};
    if (extension == u"ppt"_s)
        return {u"application/vnd.ms-powerpoint"_s, u"PowerPoint 97-2003"_s};
    return {u"application/msword"_s, u"Word 97-2003"_s};
}

std::optional<FileType> isoMediaType(const QByteArray &head)
{
    if (!startsWith(head, 4, "ftyp"))
        return std::nullopt;
    const QByteArray brand = head.mid(8, 4);
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1")
        return FileType{u"image/heic"_s, u"HEIC"_s};
    if (brand == "M4A " || brand == "M4B ")
        return FileType{u"audio/mp4"_s, u"M4A"_s};
    if (brand == "qt  ")
        return FileType{u"video/quicktime"_s, u"QuickTime"_s};
    return FileType{u"video/mp4"_s, u"MP4"_s};
}

bool looksLikeMarkup(const QByteArray &head)
{
    // A byte order mark does not stop a browser from reading HTML.
    QByteArray start = head.left(1024);
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    start = start.trimmed().toLower();
    if (!start.startsWith('<'))
        return false;
    return start.contains("<html") || start.contains("<!doctype html") || start.contains("<svg")
           || start.contains("<script");
}

// Text: no NUL and no control character but tabs, line and page breaks,
// in UTF-8 (a sequence cut by the end of the head is fine) or else Latin-1.
std::optional<FileType> textType(const QByteArray &head, const QString &fileName)
{
    for (const char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') || byte == 0x7f)
            return std::nullopt;
    }
    if (looksLikeMarkup(head))
        return std::nullopt;
    const QString extension = extensionOf(fileName);
    if (extension == u"csv"_s)
        return FileType{u"text/csv"_s, u"CSV"_s};
    if (extension == u"md"_s)
        return FileType{u"text/markdown"_s, u"Markdown"_s};
    return FileType{u"text/plain"_s, u"Text"_s};
}

// Programs, refused before anything else: Windows (MZ), Linux (ELF) and
// macOS (Mach-O, thin or universal) executables. Scripts are text, and
// runsWhenOpened() keeps them from being run.
bool isProgram(const QByteArray &head)
{
    return startsWith(head, 0, "MZ")
           || startsWith(head, 0,
                         "\x7F"
                         "ELF")
           || startsWith(head, 0, "\xFE\xED\xFA\xCE") || startsWith(head, 0, "\xFE\xED\xFA\xCF")
           || startsWith(head, 0, "\xCE\xFA\xED\xFE") || startsWith(head, 0, "\xCF\xFA\xED\xFE")
           || startsWith(head, 0, "\xCA\xFE\xBA\xBE");
}

} // namespace

std::optional<FileType> detectFileType(const QByteArray &head, const QString &fileName)
{
    if (head.isEmpty() || isProgram(head))
        return std::nullopt;
    if (startsWith(head, 0, "%PDF-"))
        return FileType{u"application/pdf"_s, u"PDF"_s};
    if (startsWith(head, 0, "PK\x03\x04"))
        return zipType(head);
    if (startsWith(head, 0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return oleType(fileName);
    if (startsWith(head, 0, "{\\rtf"))
        return FileType{u"application/rtf"_s, u"RTF"_s};
    if (startsWith(head, 0, "\x89PNG\r\n\x1A\n"))
        return FileType{u"image/png"_s, u"PNG"_s};
    if (startsWith(head, 0, "\xFF\xD8\xFF"))
        return FileType{u"image/jpeg"_s, u"JPEG"_s};
    if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a"))
        return FileType{u"image/gif"_s, u"GIF"_s};
    if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP"))
        return FileType{u"image/webp"_s, u"WebP"_s};
    if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE"))
        return FileType{u"audio/wav"_s, u"WAV"_s};
    if (startsWith(head, 0, "BM") && head.size() >= 26 && head.at(14) >= 12 && head.at(15) == 0)
        return FileType{u"image/bmp"_s, u"BMP"_s};
    if (std::optional<FileType> media = isoMediaType(head))
        return media;
    if (startsWith(head, 0, "ID3")
        || (head.size() >= 2 && static_cast<unsigned char>(head.at(0)) == 0xFF
            && (static_cast<unsigned char>(head.at(1)) & 0xE6) == 0xE2))
        return FileType{u"audio/mpeg"_s, u"MP3"_s};
    if (startsWith(head, 0, "OggS"))
        return FileType{u"audio/ogg"_s, u"Ogg"_s};
    if (startsWith(head, 0, "fLaC"))
        return FileType{u"audio/flac"_s, u"FLAC"_s};
    if (startsWith(head, 0, "\x1A\x45\xDF\xA3"))
        return FileType{u"video/webm"_s, u"WebM"_s};
    return textType(head, fileName);
}

bool runsWhenOpened(const QString &fileName)
{
    static const QStringList kRunnable{
        u"exe"_s, u"com"_s, u"bat"_s,     u"cmd"_s,      u"scr"_s, u"pif"_s, u"msi"_s, u"msp"_s,
        u"vbs"_s, u"vbe"_s, u"js"_s,      u"jse"_s,      u"wsf"_s, u"wsh"_s, u"ps1"_s, u"psm1"_s,
        u"lnk"_s, u"reg"_s, u"hta"_s,     u"cpl"_s,      u"jar"_s, u"app"_s, u"sh"_s,  u"command"_s,
        u"run"_s, u"bin"_s, u"desktop"_s, u"appimage"_s, u"deb"_s, u"rpm"_s, u"apk"_s, u"url"_s,
    };
    return kRunnable.contains(extensionOf(fileName.trimmed()));
}

} // namespace Cartable::Core
