#pragma once

#include "core/authmessages.h"
#include "core/protocol/blobs.h"
#include "core/protocol/pullpage.h"
#include "core/result.h"
#include "core/userprofile.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Cartable::Sync {

// The client side of the REST API, one call per route. Every answer comes back
// through a callback as a Result: transport failures become ServerUnreachable
// or NetworkError, error bodies from the server keep their code. Never blocks.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Callback = std::function<void(Core::Result<T>)>;

    explicit ApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    void checkHealth(const QUrl &server, Callback<void> done);
    void login(const QUrl &server, const Core::LoginRequest &request, Callback<Core::LoginResponse> done);
    void refresh(const QUrl &server, const Core::RefreshRequest &request, Callback<Core::SessionTokens> done);
    void changePassword(const QUrl &server, const QString &token, const Core::ChangePasswordRequest &request,
                        Callback<Core::LoginResponse> done);
    void fetchProfile(const QUrl &server, const QString &token, Callback<Core::UserProfile> done);
    void logout(const QUrl &server, const QString &token, Callback<void> done);
    // POST /api/v1/sync/pull, in the compact encoding: the page decoded and
    // checked (a malformed one is InvalidServerResponse).
    void syncPull(const QUrl &server, const QString &token, const QJsonObject &request, Callback<Core::PullPage> done);
    // POST /api/v1/sync/push: the answer as the server sends it
    // (ReplicaStore checks it as it applies it).
    void syncPush(const QUrl &server, const QString &token, const QJsonObject &batch, Callback<QJsonObject> done);

    // POST /api/v1/blobs/uploads: starts or resumes sending a file.
    void openBlobUpload(const QUrl &server, const QString &token, const Core::UploadRequest &request,
                        Callback<Core::UploadStatus> done);
    // PUT /api/v1/blobs/uploads/<id>?offset=<offset>: one chunk, raw, with
    // its Content-Digest.
    void sendBlobChunk(const QUrl &server, const QString &token, const QString &uploadId, qint64 offset,
                       const QByteArray &bytes, Callback<Core::UploadStatus> done);

    // Bytes of a blob, from `first` on, and the blob's size.
    struct BlobRange
    {
        QByteArray bytes;
        qint64 first = 0;
        qint64 total = 0;
    };
    // GET /api/v1/blobs/<sha256> with Range: bytes=<first>-<last>. The
    // answer holds at least one byte, starts at `first` and ends at `last`
    // or before; anything else is InvalidServerResponse.
    void fetchBlobRange(const QUrl &server, const QString &token, const QString &sha256, qint64 first, qint64 last,
                        Callback<BlobRange> done);

    // Runs `work` once every request made so far has been sent (or has
    // failed): Qt's network stack sends a request a few turns of the event
    // loop after it is made, so work that holds the loop waits for it.
    void whenSent(std::function<void()> work);

private:
    template<typename T>
    void postJson(const QUrl &server, const QString &path, const QString &token, const QJsonObject &body,
                  std::function<Core::Result<T>(const QJsonObject &)> decode, Callback<T> done);
    QNetworkRequest makeRequest(const QUrl &server, const QString &path, const QString &token) const;
    // Calls `handle` with the body of a 2xx answer, or `fail` with the error.
    void finish(QNetworkReply *reply, std::function<void(const QByteArray &)> handle,
                std::function<void(Core::Error)> fail);

    // A request is "out" once sent, failed or answered.
    void track(QNetworkReply *reply);
    void markOut(QNetworkReply *reply);

    QPointer<QNetworkAccessManager> m_network;
    std::chrono::milliseconds m_timeout{10'000};
    QSet<QNetworkReply *> m_unsent;
    QList<std::function<void()>> m_whenSent;
};

// The error an HTTP answer stands for: the server's own code when its body is
// a Cartable problem document, otherwise one made from the status.
Core::Error errorFromResponse(int httpStatus, const QByteArray &body);

} // namespace Cartable::Sync
