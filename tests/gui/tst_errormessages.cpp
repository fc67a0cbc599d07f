#include "app/common/errormessages.h"

#include <QCoreApplication>
#include <QSet>
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

    void everyFileFailureHasASentence()
    {
        QSet<QString> sentences;
        for (int i = 0; i < static_cast<int>(Core::ErrorCode::Count_); ++i) {
            const QString sentence = Gui::ErrorMessages::fileFailure({static_cast<Core::ErrorCode>(i), {}});
            QVERIFY(sentence.endsWith(u'.'));
            sentences.insert(sentence);
        }
        // The codes of files each say their own thing.
        for (Core::ErrorCode code : {Core::ErrorCode::QuotaExceeded, Core::ErrorCode::FileTypeRefused,
                                     Core::ErrorCode::HashMismatch, Core::ErrorCode::UploadOffsetMismatch,
                                     Core::ErrorCode::RangeNotSatisfiable, Core::ErrorCode::BlobPending}) {
            const QString sentence = Gui::ErrorMessages::fileFailure({code, {}});
            QVERIFY2(sentence != Gui::ErrorMessages::fileFailure({Core::ErrorCode::Count_, {}}), qPrintable(sentence));
        }
        QVERIFY(Gui::ErrorMessages::fileFailure({Core::ErrorCode::QuotaExceeded, u"account"_s})
                != Gui::ErrorMessages::fileFailure({Core::ErrorCode::QuotaExceeded, u"establishment"_s}));
    }

    void fileFailuresAreFrench()
    {
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_fr.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const QString refused = Gui::ErrorMessages::fileFailure({Core::ErrorCode::FileTypeRefused, {}});
        const QString pending = Gui::ErrorMessages::fileFailure({Core::ErrorCode::BlobPending, {}});
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(refused.startsWith(u"Ce type de fichier n’est pas accepté."_s), qPrintable(refused));
        QVERIFY2(pending.startsWith(u"La personne qui a ajouté ce fichier"_s), qPrintable(pending));
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

    // Each refusal of who may write to whom that the client may show has a
    // sentence of its own, in French too.
    void refusalsAreTold_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("french");
        QTest::newRow("student") << u"message_recipient.student_may_not_write"_s << u"As a student, you may write"_s
                                 << u"En tant qu’élève, vous ne pouvez écrire qu’à vos professeurs"_s;
        QTest::newRow("guardian") << u"message_recipient.guardian_may_not_write"_s << u"As a parent"_s
                                  << u"En tant que parent"_s;
        QTest::newRow("guardian without responsibility") << u"message_recipient.guardian_without_responsibility"_s
                                                         << u"legal responsibility"_s << u"Seul le responsable légal"_s;
        QTest::newRow("teacher") << u"message_recipient.teacher_may_not_write"_s << u"to your students"_s
                                 << u"à vos élèves"_s;
        QTest::newRow("broadcast") << u"message_recipient.broadcast_not_allowed"_s << u"Writing to a whole class"_s
                                   << u"Écrire à toute une classe"_s;
        QTest::newRow("outside") << u"message_recipient.not_in_establishment"_s << u"not part of this school"_s
                                 << u"ne fait pas partie de cet établissement"_s;
        QTest::newRow("not the author") << u"message_recipient.not_thread_author"_s << u"Only the author"_s
                                        << u"Seul l’auteur d’une conversation"_s;
        QTest::newRow("author") << u"message_recipient.author_not_self"_s << u"started a conversation"_s
                                << u"a commencé une conversation"_s;
        QTest::newRow("establishment") << u"establishment.only_broadcast_roles"_s << u"Of the school’s settings"_s
                                       << u"Parmi les paramètres de l’établissement"_s;
        QTest::newRow("delegates") << u"class_membership.delegate_only"_s << u"delegates of a class"_s
                                   << u"délégués d’une classe"_s;
        QTest::newRow("another reason") << u"grade.not_own_evaluation"_s << u"not allowed to make this change"_s
                                        << u"Vous n’êtes pas autorisé"_s;
    }

    void refusalsAreTold()
    {
        QFETCH(QString, reason);
        QFETCH(QString, english);
        QFETCH(QString, french);
        const Core::Error error{Core::ErrorCode::Forbidden, reason};
        QCOMPARE(Gui::ErrorMessages::saveFailure(error), Gui::ErrorMessages::refusal(error));
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_en.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const QString sentence = Gui::ErrorMessages::refusal(error);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(sentence.contains(english), qPrintable(sentence));
        QVERIFY(sentence.endsWith(u'.'));
        QTranslator inFrench;
        QVERIFY(inFrench.load(u":/i18n/cartable_fr.qm"_s));
        QCoreApplication::installTranslator(&inFrench);
        const QString translated = Gui::ErrorMessages::refusal(error);
        QCoreApplication::removeTranslator(&inFrench);
        QVERIFY2(translated.contains(french), qPrintable(translated));
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

    // The server's answer to the right password of a disabled account.
    void disabledAccountIsTold()
    {
        const Core::Error error{Core::ErrorCode::AccountDisabled, {}};
        {
            QTranslator translator;
            QVERIFY(translator.load(u":/i18n/cartable_en.qm"_s));
            QCoreApplication::installTranslator(&translator);
            const QString sentence = Gui::ErrorMessages::signInFailure(error);
            QCoreApplication::removeTranslator(&translator);
            QCOMPARE(sentence, u"This account has been disabled. Ask your school’s administration."_s);
        }
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/cartable_fr.qm"_s));
        QCoreApplication::installTranslator(&translator);
        const QString sentence = Gui::ErrorMessages::signInFailure(error);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(sentence, u"Ce compte a été désactivé. Adressez-vous à l’administration de votre établissement."_s);
    }
};

QTEST_GUILESS_MAIN(TestErrorMessages)
#include "tst_errormessages.moc"
