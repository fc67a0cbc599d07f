#pragma once

#include "serverprocess.h"

#include "sync/apiclient.h"
#include "sync/memorycredentialstore.h"
#include "sync/replicastore.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "workspace/workspace.h"

#include <QNetworkAccessManager>

#include <memory>

namespace Cartable::Test {

// "Today" in the reference school (server/referenceschool): a Friday of the
// third term, 4 April 2025, at 10:00 local time.
QDateTime referenceSchoolNow();

// A server process on a fresh database holding the reference school at
// `scale` (0.1 is the demo's size), started; nullptr (with a warning) when it
// cannot start.
std::unique_ptr<ServerProcess> startReferenceServer(double scale = 0.1);

// One client of a real server as the desktop client is made: a session, a
// replica in `replicaPath` and a sync engine, without widgets. After
// signIn() and sync(), workspace() is what the screens of that person read
// and write, with its clock at referenceSchoolNow().
class SyncedClient
{
public:
    SyncedClient(const QUrl &server, const QString &replicaPath);
    ~SyncedClient();

    bool signIn(const QString &login, const QString &password = QString::fromUtf16(kDemoPassword));
    // Pushes and pulls until there is nothing more; false on any error
    // (errorString() says which).
    bool sync();
    QString errorString() const { return m_error; }

    Sync::Session &session() { return m_session; }
    // The HTTP client the session and the engine use, for the transports of
    // files (Sync::SessionBlobTransport).
    Sync::ApiClient &api() { return m_api; }
    Sync::ReplicaStore &store() { return *m_store; }
    Sync::SyncEngine &engine() { return *m_engine; }
    Workspace::Workspace &workspace() { return *m_workspace; }

private:
    QUrl m_server;
    QNetworkAccessManager m_network;
    Sync::ApiClient m_api;
    Sync::MemoryCredentialStore m_credentials;
    Sync::Session m_session;
    std::unique_ptr<Sync::ReplicaStore> m_store;
    std::unique_ptr<Sync::SyncEngine> m_engine;
    std::unique_ptr<Workspace::Workspace> m_workspace;
    QString m_error;
};

// A grade of one of the signed-in teacher's evaluations in an open period.
std::optional<Core::Record> openGrade(Workspace::Workspace &workspace);
// A mark that the reference school never gives, `percent` of the way up the
// grade's scale: a change always differs from the stored value.
qint64 markFor(Workspace::Workspace &workspace, const Core::Record &grade, int percent);
// Sets a grade's mark (in hundredths), as the grade book does.
Core::Result<qint64> setMark(Workspace::Workspace &workspace, const QString &gradeId, qint64 hundredths);

} // namespace Cartable::Test
