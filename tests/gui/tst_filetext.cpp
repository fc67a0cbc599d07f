// How files read: sizes in the user's units with a decimal comma in French
// (« 1,4 Mo »), types for people, and each state of a file.

#include "app/files/filetext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Cartable;
using namespace Qt::StringLiterals;
using Kind = Workspace::FileState::Kind;

class TestFileText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizesAreInFrenchUnits_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("french");
        QTest::newRow("bytes") << qint64(760) << u"760 octets"_s;
        QTest::newRow("kilobytes") << qint64(1536) << u"1,5 ko"_s;
        QTest::newRow("megabytes") << qint64(1468006) << u"1,4 Mo"_s;
        QTest::newRow("largest file") << (qint64(256) << 20) << u"256,0 Mo"_s;
    }

    void sizesAreInFrenchUnits()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, french);
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        const QString size = Gui::FileText::size(bytes);
        QLocale::setDefault(QLocale::c());
        QCOMPARE(QString(size).replace(QChar(0xa0), u' ').replace(QChar(0x202f), u' '), french);
    }

    void typesAreNamed()
    {
        QCOMPARE(Gui::FileText::typeName(u"application/pdf"_s), u"PDF document"_s);
        QCOMPARE(Gui::FileText::typeName(u"image/png"_s), u"Picture"_s);
        QCOMPARE(Gui::FileText::typeName(u"text/plain; charset=utf-8"_s), u"Plain text"_s);
        QCOMPARE(Gui::FileText::typeName(u"application/vnd.oasis.opendocument.spreadsheet"_s), u"Spreadsheet"_s);
        QCOMPARE(Gui::FileText::typeName(u"application/x-unknown"_s), u"File"_s);
    }

    void statesAreTold()
    {
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_fr.qm"_s));
        QCoreApplication::installTranslator(&translator);
        Workspace::FileState state;
        state.kind = Kind::WaitingToSend;
        const QString waiting = Gui::FileText::state(state);
        state.kind = Kind::SendFailed;
        state.error = Core::Error{Core::ErrorCode::QuotaExceeded, u"account"_s};
        const QString failed = Gui::FileText::state(state);
        state.kind = Kind::Here;
        const QString here = Gui::FileText::state(state);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(waiting, u"En attente d’envoi"_s);
        QVERIFY2(failed.startsWith(u"Envoi impossible"_s), qPrintable(failed));
        QVERIFY(failed.contains(u"espace de stockage est plein"_s));
        QCOMPARE(here, u"Sur cet ordinateur"_s);
    }
};

QTEST_GUILESS_MAIN(TestFileText)
#include "tst_filetext.moc"
