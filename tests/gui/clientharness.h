#pragma once

#include "app/shell/appcontroller.h"
#include "sync/apiclient.h"
#include "sync/connectivitymonitor.h"
#include "sync/memorycredentialstore.h"
#include "sync/session.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSettings>

namespace Cartable::Test {

using namespace Qt::StringLiterals;

// One desktop client built as app/main.cpp builds it, with a credential
// store kept in memory and settings in an ini file of the caller's choice.
struct ClientHarness
{
    ClientHarness(const QString &settingsFile, Sync::MemoryCredentialStore *store)
        : settings(settingsFile, QSettings::IniFormat),
          api(&network),
          session(&api, store),
          monitor(&api),
          controller(&session, store, &monitor, &settings)
    {
        // The replicas go beside the settings, inside the test's folder.
        controller.setReplicaDirectory(QFileInfo(settingsFile).absolutePath() + u"/replicas"_s);
    }

    QSettings settings;
    QNetworkAccessManager network;
    Sync::ApiClient api;
    Sync::Session session;
    Sync::ConnectivityMonitor monitor;
    Gui::AppController controller;
};

} // namespace Cartable::Test
