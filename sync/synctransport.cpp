#include "synctransport.h"

#include "session.h"

namespace Cartable::Sync {

SessionTransport::SessionTransport(Session &session, ApiClient &api) : m_session(&session), m_api(&api) {}

void SessionTransport::pull(const QJsonObject &request, PageCallback done)
{
    if (!m_session)
        return;
    QPointer<ApiClient> api = m_api;
    const QUrl server = m_session->server();
    m_session->authorized<Core::PullPage>(
        [api, server, request](const QString &token, PageCallback answer) {
            if (api)
                api->syncPull(server, token, request, std::move(answer));
        },
        std::move(done));
}

void SessionTransport::push(const QJsonObject &batch, Callback done)
{
    if (!m_session)
        return;
    QPointer<ApiClient> api = m_api;
    const QUrl server = m_session->server();
    m_session->authorized<QJsonObject>(
        [api, server, batch](const QString &token, Callback answer) {
            if (api)
                api->syncPush(server, token, batch, std::move(answer));
        },
        std::move(done));
}

void SessionTransport::whenSent(std::function<void()> work)
{
    if (m_api)
        m_api->whenSent(std::move(work));
}

} // namespace Cartable::Sync
