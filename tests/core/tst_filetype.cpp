// Which files a school accepts, told from their bytes (core/files/filetype.h).

#include "core/files/filetype.h"

#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;

namespace {

QByteArray padded(QByteArray head, qsizetype size = 64)
{
    head.append(QByteArray(qMax<qsizetype>(0, size - head.size()), '\0'));
    return head;
}

// A ZIP whose first entry is named `name` (and stored, with `content`).
QByteArray zipWithFirstEntry(const QByteArray &name, const QByteArray &content = {})
{
    QByteArray header("PK\x03\x04", 4);
    header += QByteArray(22, '\0');
    header += char(name.size());
    header += '\0';
    header += QByteArray(2, '\0');
    return header + name + content;
}

} // namespace

class TestFileType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsSchoolFiles_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("mime");
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") << QString() << u"application/pdf"_s;
        QTest::newRow("odt") << zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.text") << QString()
                             << u"application/vnd.oasis.opendocument.text"_s;
        QTest::newRow("ods") << zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
                             << QString() << u"application/vnd.oasis.opendocument.spreadsheet"_s;
        QTest::newRow("odp") << zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.presentation")
                             << QString() << u"application/vnd.oasis.opendocument.presentation"_s;
        QTest::newRow("epub") << zipWithFirstEntry("mimetype", "application/epub+zip") << QString()
                              << u"application/epub+zip"_s;
        QTest::newRow("docx") << zipWithFirstEntry("[Content_Types].xml", "....word/document.xml") << QString()
                              << u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s;
        QTest::newRow("xlsx") << zipWithFirstEntry("[Content_Types].xml", "....xl/workbook.xml") << QString()
                              << u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s;
        QTest::newRow("pptx") << zipWithFirstEntry("[Content_Types].xml", "....ppt/presentation.xml") << QString()
                              << u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s;
        QTest::newRow("zip") << zipWithFirstEntry("photos/1.jpg") << QString() << u"application/zip"_s;
        const QByteArray ole = padded(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
        QTest::newRow("doc") << ole << u"lettre.doc"_s << u"application/msword"_s;
        QTest::newRow("xls") << ole << u"notes.XLS"_s << u"application/vnd.ms-excel"_s;
        QTest::newRow("ppt") << ole << u"cours.ppt"_s << u"application/vnd.ms-powerpoint"_s;
        QTest::newRow("ole without a name") << ole << QString() << u"application/msword"_s;
        QTest::newRow("rtf") << QByteArray("{\\rtf1\\ansi Bonjour}") << QString() << u"application/rtf"_s;
        QTest::newRow("png") << padded(QByteArray("\x89PNG\r\n\x1A\n", 8)) << QString() << u"image/png"_s;
        QTest::newRow("jpeg") << padded(QByteArray("\xFF\xD8\xFF\xE0", 4)) << QString() << u"image/jpeg"_s;
        QTest::newRow("gif87") << QByteArray("GIF87a....") << QString() << u"image/gif"_s;
        QTest::newRow("gif89") << QByteArray("GIF89a....") << QString() << u"image/gif"_s;
        QTest::newRow("webp") << padded(QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16)) << QString() << u"image/webp"_s;
        QTest::newRow("wav") << padded(QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16)) << QString() << u"audio/wav"_s;
        QByteArray bmp = padded(QByteArray("BM", 2), 54);
        bmp[14] = 40;
        QTest::newRow("bmp") << bmp << QString() << u"image/bmp"_s;
        QTest::newRow("heic") << padded(QByteArray("\0\0\0\x18"
                                                   "ftypheic",
                                                   12))
                              << QString() << u"image/heic"_s;
        QTest::newRow("m4a") << padded(QByteArray("\0\0\0\x18"
                                                  "ftypM4A ",
                                                  12))
                             << QString() << u"audio/mp4"_s;
        QTest::newRow("mp4") << padded(QByteArray("\0\0\0\x18"
                                                  "ftypisom",
                                                  12))
                             << QString() << u"video/mp4"_s;
        QTest::newRow("mp3 with tags") << padded(QByteArray("ID3\x04", 4)) << QString() << u"audio/mpeg"_s;
        QTest::newRow("mp3 frame") << padded(QByteArray("\xFF\xFB\x90\x64", 4)) << QString() << u"audio/mpeg"_s;
        QTest::newRow("ogg") << padded(QByteArray("OggS", 4)) << QString() << u"audio/ogg"_s;
        QTest::newRow("flac") << padded(QByteArray("fLaC", 4)) << QString() << u"audio/flac"_s;
        QTest::newRow("webm") << padded(QByteArray("\x1A\x45\xDF\xA3", 4)) << QString() << u"video/webm"_s;
        QTest::newRow("utf-8 text") << u"Compte rendu : élèves présents, 12 €.\n"_s.toUtf8() << QString()
                                    << u"text/plain"_s;
        QTest::newRow("latin-1 text") << QByteArray("El\xe8ves pr\xe9sents\r\n") << QString() << u"text/plain"_s;
        QTest::newRow("utf-8 cut in a sequence") << u"Résumé é"_s.toUtf8().chopped(1) << QString() << u"text/plain"_s;
        QTest::newRow("csv") << QByteArray("nom;note\nLéa;15\n") << u"notes.csv"_s << u"text/csv"_s;
        QTest::newRow("markdown") << QByteArray("# Titre\n") << u"cours.md"_s << u"text/markdown"_s;
        QTest::newRow("code") << QByteArray("#include <stdio.h>\nint main() { return 0; }\n") << u"tp.c"_s
                              << u"text/plain"_s;
        QTest::newRow("script text") << QByteArray("#!/usr/bin/env python3\nprint('bonjour')\n") << u"tp.py"_s
                                     << u"text/plain"_s;
        QTest::newRow("a less-than in text") << QByteArray("<3 les maths\n") << QString() << u"text/plain"_s;
    }

    void acceptsSchoolFiles()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, fileName);
        QFETCH(QString, mime);
        const std::optional<Core::FileType> type = Core::detectFileType(head, fileName);
        QVERIFY(type);
        QCOMPARE(type->mimeType, mime);
        QVERIFY(!type->name.isEmpty());
        QVERIFY(Core::isAcceptedFile(head, fileName));
    }

    void refusesOtherFiles_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("windows program") << padded(QByteArray("MZ\x90\0\x03", 5)) << QString();
        QTest::newRow("windows program, no NUL") << QByteArray("MZ this looks like text") << u"sujet.txt"_s;
        QTest::newRow("linux program") << padded(QByteArray("\x7F"
                                                            "ELF\x02\x01\x01",
                                                            7))
                                       << QString();
        QTest::newRow("mac program") << padded(QByteArray("\xCF\xFA\xED\xFE", 4)) << QString();
        QTest::newRow("mac universal program") << padded(QByteArray("\xCA\xFE\xBA\xBE", 4)) << QString();
        QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><body>x</body></html>") << u"cours.pdf"_s;
        QTest::newRow("html with spaces") << QByteArray("\n  <HTML><script>alert(1)</script>") << QString();
        QTest::newRow("html after a byte order mark") << QByteArray("\xEF\xBB\xBF<html><body>") << QString();
        QTest::newRow("svg") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>") << u"a.png"_s;
        QTest::newRow("svg with a prolog") << QByteArray("<?xml version=\"1.0\"?>\n<svg></svg>") << QString();
        QTest::newRow("script tag") << QByteArray("<script>alert(1)</script>") << QString();
        QTest::newRow("binary") << QByteArray("\x01\x02\x03\x04", 4) << QString();
        QTest::newRow("text with a NUL") << QByteArray("abc\0def", 7) << u"a.txt"_s;
        QTest::newRow("text with DEL") << QByteArray("abc\x7f") << QString();
        QTest::newRow("escape sequences") << QByteArray("\x1b[31mrouge") << QString();
    }

    void refusesOtherFiles()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, fileName);
        QVERIFY(!Core::detectFileType(head, fileName));
        QVERIFY(!Core::isAcceptedFile(head, fileName));
    }

    // The name tells formats apart, it never makes bytes acceptable.
    void nameNeverMakesAFileAcceptable()
    {
        const QByteArray program = padded(QByteArray("MZ\x90\0", 4));
        for (const QString &name : {u"cours.pdf"_s, u"photo.jpg"_s, u"notes.csv"_s, u"a.txt"_s})
            QVERIFY2(!Core::isAcceptedFile(program, name), qPrintable(name));
    }

    void runsWhenOpened_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<bool>("runs");
        QTest::newRow("exe") << u"setup.exe"_s << true;
        QTest::newRow("upper case") << u"SETUP.EXE"_s << true;
        QTest::newRow("bat") << u"a.bat"_s << true;
        QTest::newRow("javascript") << u"cours.js"_s << true;
        QTest::newRow("powershell") << u"x.ps1"_s << true;
        QTest::newRow("shell") << u"run.sh"_s << true;
        QTest::newRow("desktop entry") << u"Cours.desktop"_s << true;
        QTest::newRow("trailing space") << u"virus.exe "_s << true;
        QTest::newRow("double extension") << u"devoir.pdf.exe"_s << true;
        QTest::newRow("pdf") << u"devoir.pdf"_s << false;
        QTest::newRow("exe inside the name") << u"exe.pdf"_s << false;
        QTest::newRow("no extension") << u"README"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("text") << u"notes.txt"_s << false;
    }

    void runsWhenOpened()
    {
        QFETCH(QString, fileName);
        QFETCH(bool, runs);
        QCOMPARE(Core::runsWhenOpened(fileName), runs);
    }
};

QTEST_GUILESS_MAIN(TestFileType)
#include "tst_filetype.moc"
