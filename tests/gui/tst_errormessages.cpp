#include "app/common/errormessages.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace Cartable;
using namespace Qt::StringLiterals;

class TestErrorMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCodeHasASentence()
    {
        for (int i = 0; i < static_cast<int>(Core::ErrorCode::Count_); ++i) {
            const QString sentence = Gui::ErrorMessages::signInFailure({static_cast<Core::ErrorCode>(i), {}});
            QVERIFY(sentence.endsWith(u'.'));
        }
    }

    void lockoutSaysHowLong_data()
    {
        QTest::addColumn<QString>("retryAfter");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("french");
        QTest::newRow("15 minutes") << u"900"_s << u"Try again in 15 minutes."_s << u"Réessayez dans 15 minutes."_s;
        QTest::newRow("rounded up") << u"61"_s << u"Try again in 2 minutes."_s << u"Réessayez dans 2 minutes."_s;
        QTest::newRow("one minute") << u"30"_s << u"Try again in 1 minute."_s << u"Réessayez dans 1 minute."_s;
        QTest::newRow("unknown") << QString() << u"Wait a few minutes"_s << u"Patientez quelques minutes"_s;
    }

    void lockoutSaysHowLong()
    {
        QFETCH(QString, retryAfter);
        QFETCH(QString, english);
        QFETCH(QString, french);
        const Core::Error error{Core::ErrorCode::TooManyAttempts, retryAfter};
        {
            QTranslator translator;
            QVERIFY(translator.load(u":/i18n/cartable_en.qm"_s));
            QCoreApplication::installTranslator(&translator);
            const QString sentence = Gui::ErrorMessages::signInFailure(error);
            QCoreApplication::removeTranslator(&translator);
            QVERIFY2(sentence.contains(english), qPrintable(sentence));
        }
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_fr.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const QString sentence = Gui::ErrorMessages::signInFailure(error);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(sentence.contains(french), qPrintable(sentence));
    }
};

QTEST_GUILESS_MAIN(TestErrorMessages)
#include "tst_errormessages.moc"
