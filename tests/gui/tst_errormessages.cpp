#include "app/common/errormessages.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace Cartable;

Q_DECLARE_METATYPE(Cartable::Core::Error)
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

    void everyPasswordChangeFailureHasASentence()
    {
        for (int i = 0; i < static_cast<int>(Core::ErrorCode::Count_); ++i) {
            const QString sentence = Gui::ErrorMessages::passwordChangeFailure({static_cast<Core::ErrorCode>(i), {}});
            QVERIFY(sentence.endsWith(u'.'));
        }
    }

    void weakPasswordSaysWhy_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("french");
        QTest::newRow("too short") << u"too_short"_s << u"too short: use at least 8 characters."_s
                                   << u"trop court\u00a0: utilisez au moins 8 caractères."_s;
        QTest::newRow("too long") << u"too_long"_s << u"too long: use at most 1024 characters."_s
                                  << u"trop long\u00a0: utilisez au plus 1024 caractères."_s;
        QTest::newRow("contains the login")
            << u"contains_login"_s << u"must not contain your login."_s << u"ne doit pas contenir votre identifiant."_s;
        QTest::newRow("unchanged") << u"unchanged"_s << u"must differ from the current one."_s
                                   << u"doit être différent de l’actuel."_s;
        QTest::newRow("unknown") << u"a reason of a newer server"_s << u"Choose another one."_s
                                 << u"Choisissez-en un autre."_s;
    }

    void weakPasswordSaysWhy()
    {
        QFETCH(QString, reason);
        QFETCH(QString, english);
        QFETCH(QString, french);
        const Core::Error error{Core::ErrorCode::WeakPassword, reason};
        {
            QTranslator translator;
            QVERIFY(translator.load(u":/i18n/cartable_en.qm"_s));
            QCoreApplication::installTranslator(&translator);
            const QString sentence = Gui::ErrorMessages::passwordChangeFailure(error);
            QCoreApplication::removeTranslator(&translator);
            QVERIFY2(sentence.endsWith(english), qPrintable(sentence));
        }
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_fr.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const QString translated = Gui::ErrorMessages::passwordChangeFailure(error);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(translated.endsWith(french), qPrintable(translated));
    }

    void passwordChangeFailuresAreTold_data()
    {
        QTest::addColumn<Core::Error>("error");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("wrong current password")
            << Core::Error{Core::ErrorCode::InvalidCredentials, {}} << u"The current password is wrong."_s;
        QTest::newRow("locked") << Core::Error{Core::ErrorCode::TooManyAttempts, u"600"_s}
                                << u"Too many failed sign-ins. Try again in 10 minutes."_s;
        QTest::newRow("unreachable") << Core::Error{Core::ErrorCode::ServerUnreachable, {}}
                                     << u"The server cannot be reached. Check your connection, then try again."_s;
        QTest::newRow("expired") << Core::Error{Core::ErrorCode::SessionExpired, {}}
                                 << u"Your session has expired. Sign in again."_s;
    }

    void passwordChangeFailuresAreTold()
    {
        QFETCH(Core::Error, error);
        QFETCH(QString, sentence);
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_en.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const QString told = Gui::ErrorMessages::passwordChangeFailure(error);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(told, sentence);
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
