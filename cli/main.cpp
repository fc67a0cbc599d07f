// cartable-cli: the headless client, built on the same sync library as the
// desktop client. The composition root: builds the object graph once.

#include "clicommand.h"

#include "sync/apiclient.h"
#include "sync/keychaincredentialstore.h"
#include "sync/session.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTimer>

using namespace Cartable;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Cartable"_s);
    QCoreApplication::setApplicationName(u"cartable-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CARTABLE_VERSION));

    QNetworkAccessManager network;
    Sync::ApiClient api(&network);
    Sync::KeychainCredentialStore credentials(u"Cartable"_s);
    Sync::Session session(&api, &credentials);
    QSettings settings(QSettings::IniFormat, QSettings::UserScope, u"Cartable"_s, u"cartable-cli"_s);
    Cli::CliCommand command(session, api, credentials, settings);

    int exitCode = Cli::Failure;
    QTimer::singleShot(0, &command, [&] {
        command.run(QCoreApplication::arguments(), [&](int code) {
            exitCode = code;
            QCoreApplication::quit();
        });
    });
    QCoreApplication::exec();
    return exitCode;
}
