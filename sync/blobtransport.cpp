#include "blobtransport.h"

#include "session.h"

namespace Cartable::Sync {

SessionBlobTransport::SessionBlobTransport(Session &session, ApiClient &api) : m_session(&session), m_api(&api) {}

void SessionBlobTransport::openUpload(const Core::UploadRequest &request, ApiClient::Callback<Core::UploadStatus> done)
{
    if (!m_session)
        return;
    QPointer<ApiClient> api = m_api;
    const QUrl server = m_session->server();
    m_session->authorized<Core::UploadStatus>(
        [api, server, request](const QString &token, ApiClient::Callback<Core::UploadStatus> answer) {
            if (api)
                api->openBlobUpload(server, token, request, std::move(answer));
        },
        std::move(done));
}

void SessionBlobTransport::sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                                     ApiClient::Callback<Core::UploadStatus> done)
{
    if (!m_session)
        return;
    QPointer<ApiClient> api = m_api;
    const QUrl server = m_session->server();
    m_session->authorized<Core::UploadStatus>(
        [api, server, uploadId, offset, bytes](const QString &token, ApiClient::Callback<Core::UploadStatus> answer) {
            if (api)
                api->sendBlobChunk(server, token, uploadId, offset, bytes, std::move(answer));
        },
        std::move(done));
}

void SessionBlobTransport::fetchRange(const QString &sha256, qint64 first, qint64 last, ApiClient::Callback<Range> done)
{
    if (!m_session)
        return;
    QPointer<ApiClient> api = m_api;
    const QUrl server = m_session->server();
    m_session->authorized<Range>(
        [api, server, sha256, first, last](const QString &token, ApiClient::Callback<Range> answer) {
            if (api)
                api->fetchBlobRange(server, token, sha256, first, last, std::move(answer));
        },
        std::move(done));
}

} // namespace Cartable::Sync
