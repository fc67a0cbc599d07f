// The composition root of the desktop client: builds the object graph once
// and hands every dependency down.

#include "app/shell/appcontroller.h"
#include "app/shell/translationloader.h"
#include "sync/apiclient.h"
#include "sync/connectivitymonitor.h"
#include "sync/keychaincredentialstore.h"
#include "sync/session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>
#include <QIcon>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSettings>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Cartable"_s);
    QApplication::setApplicationName(u"Cartable"_s);
    QApplication::setApplicationVersion(QStringLiteral(CARTABLE_VERSION));
    QApplication::setDesktopFileName(u"cartable"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/cartable-256.png"_s));
    // Quitting goes through the controller, so that a session without
    // "remember me" is closed first.
    QApplication::setQuitOnLastWindowClosed(false);

    Cartable::Gui::TranslationLoader translations;
    translations.load(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Cartable, the school workspace."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(u"server"_s,
                                          QApplication::translate("main", "Pre-fill the server address with <url>."),
                                          QApplication::translate("main", "url"));
    parser.addOption(serverOption);
    const QCommandLineOption todayOption(
        u"today"_s,
        QApplication::translate("main", "Show the school as on <date> (YYYY-MM-DD), for demonstrations and training."),
        QApplication::translate("main", "date"));
    parser.addOption(todayOption);
    parser.process(app);

    QSettings settings;
    QNetworkAccessManager network;
    Cartable::Sync::KeychainCredentialStore credentials(u"Cartable"_s);
    Cartable::Sync::ApiClient api(&network);
    Cartable::Sync::Session session(&api, &credentials);
    Cartable::Sync::ConnectivityMonitor monitor(&api);

    Cartable::Gui::AppController controller(&session, &credentials, &monitor, &settings);
    QObject::connect(&controller, &Cartable::Gui::AppController::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    controller.setServerOverride(parser.value(serverOption));
    if (parser.isSet(todayOption)) {
        const QDate today = QDate::fromString(parser.value(todayOption), Qt::ISODate);
        if (!today.isValid()) {
            qCritical("%s", qPrintable(QApplication::translate("main", "--today takes a date such as 2025-04-04.")));
            return 2;
        }
        controller.setFixedNow(QDateTime(today, QTime::currentTime()));
    }
    controller.start();

    const int exitCode = QApplication::exec();
    controller.finish();
    return exitCode;
}
