#pragma once

#include "apiclient.h"

#include "core/protocol/blobs.h"

#include <QPointer>

#include <functional>

namespace Cartable::Sync {

class Session;

// The calls that move files, as BlobTransfer sees them (docs/PROTOCOL.md,
// "Files"). Answers come back later through the callback, never from inside
// the call. The programs go through the signed-in session; the fault
// simulation (tests/chaos/) puts its own network here.
class BlobTransport
{
public:
    // The bytes from `first` on, and the blob's size (from Content-Range).
    using Range = ApiClient::BlobRange;

    virtual ~BlobTransport() = default;
    // POST /api/v1/blobs/uploads
    virtual void openUpload(const Core::UploadRequest &request, ApiClient::Callback<Core::UploadStatus> done) = 0;
    // PUT /api/v1/blobs/uploads/<id>?offset=<offset>, with its Content-Digest.
    virtual void sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                           ApiClient::Callback<Core::UploadStatus> done)
        = 0;
    // GET /api/v1/blobs/<sha256> with Range: bytes=<first>-<last>.
    virtual void fetchRange(const QString &sha256, qint64 first, qint64 last, ApiClient::Callback<Range> done) = 0;
};

// Over HTTP as the signed-in account, the access token refreshed once when
// the server says it has expired.
class SessionBlobTransport final : public BlobTransport
{
public:
    SessionBlobTransport(Session &session, ApiClient &api);

    void openUpload(const Core::UploadRequest &request, ApiClient::Callback<Core::UploadStatus> done) override;
    void sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                   ApiClient::Callback<Core::UploadStatus> done) override;
    void fetchRange(const QString &sha256, qint64 first, qint64 last, ApiClient::Callback<Range> done) override;

private:
    QPointer<Session> m_session;
    QPointer<ApiClient> m_api;
};

} // namespace Cartable::Sync
