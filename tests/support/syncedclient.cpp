#include "syncedclient.h"

#include "core/errorcode.h"
#include "core/ids.h"

#include <QSignalSpy>
#include <QTimeZone>

namespace Cartable::Test {

using namespace Qt::StringLiterals;

QDateTime referenceSchoolNow()
{
    return QDateTime(QDate(2025, 4, 4), QTime(10, 0));
}

std::unique_ptr<ServerProcess> startReferenceServer(double scale)
{
    auto server = std::make_unique<ServerProcess>(backendFromEnvironment());
    if (!server->fillWithReferenceSchool(scale) || !server->start()) {
        qWarning("reference server: %s", qPrintable(server->errorString()));
        return nullptr;
    }
    return server;
}

SyncedClient::SyncedClient(const QUrl &server, const QString &replicaPath)
    : m_server(server), m_api(&m_network), m_session(&m_api, &m_credentials)
{
    Core::Result<std::unique_ptr<Sync::ReplicaStore>> store = Sync::ReplicaStore::open(replicaPath, Core::newId());
    if (!store) {
        m_error = u"replica: "_s + Core::errorCodeName(store.error().code) + u' ' + store.error().context;
        return;
    }
    m_store = std::move(store).value();
    m_engine = std::make_unique<Sync::SyncEngine>(m_session, m_api, *m_store);
}

SyncedClient::~SyncedClient() = default;

bool SyncedClient::signIn(const QString &login, const QString &password)
{
    if (!m_store)
        return false;
    QSignalSpy ok(&m_session, &Sync::Session::signedIn);
    QSignalSpy failed(&m_session, &Sync::Session::signInFailed);
    m_session.signIn(m_server, login, password);
    if (!ok.wait(30'000) && ok.isEmpty()) {
        m_error = failed.isEmpty()
                      ? u"sign-in timed out"_s
                      : u"sign-in failed: "_s
                            + Core::errorCodeName(failed.constFirst().constFirst().value<Core::Error>().code);
        return false;
    }
    m_workspace = std::make_unique<Workspace::Workspace>(*m_store, m_session.profile());
    m_workspace->setClock(referenceSchoolNow);
    return true;
}

bool SyncedClient::sync()
{
    if (!m_engine)
        return false;
    QSignalSpy finished(m_engine.get(), &Sync::SyncEngine::finished);
    m_engine->start();
    if (!finished.wait(120'000) && finished.isEmpty()) {
        m_error = u"sync timed out"_s;
        return false;
    }
    const auto status = finished.constFirst().constFirst().value<Core::Status>();
    if (!status) {
        m_error = u"sync failed: "_s + Core::errorCodeName(status.error().code) + u' ' + status.error().context;
        return false;
    }
    if (m_workspace)
        m_workspace->notifyReloaded();
    return true;
}

std::optional<Core::Record> openGrade(Workspace::Workspace &workspace)
{
    for (const Core::Record &evaluation :
         workspace.select(u"evaluation"_s, u"teacher_id = ?"_s, {workspace.personId()}, u"date DESC"_s)) {
        const std::optional<Core::Record> period = workspace.row(u"period"_s, evaluation.text(u"period_id"_s));
        if (!period || period->flag(u"closed"_s))
            continue;
        const QList<Core::Record> grades = workspace.select(u"grade"_s, u"evaluation_id = ? AND mark IS NOT NULL"_s,
                                                            {evaluation.id()}, u"id"_s);
        if (!grades.isEmpty())
            return grades.constFirst();
    }
    return std::nullopt;
}

qint64 markFor(Workspace::Workspace &workspace, const Core::Record &grade, int percent)
{
    const std::optional<Core::Record> evaluation = workspace.row(u"evaluation"_s, grade.text(u"evaluation_id"_s));
    return evaluation ? evaluation->number(u"scale"_s) * percent + 3 : 0;
}

Core::Result<qint64> setMark(Workspace::Workspace &workspace, const QString &gradeId, qint64 hundredths)
{
    Core::Record change(u"grade"_s, gradeId);
    change.set(u"mark"_s, hundredths);
    change.set(u"graded_at"_s, workspace.nowMillis());
    return workspace.update(change, {u"mark"_s, u"marker"_s, u"graded_at"_s});
}

} // namespace Cartable::Test
