#include "apiclient.h"

#include "core/jsonreader.h"

#include <QJsonDocument>

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <utility>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcApi, "cartable.sync.api")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

namespace {

constexpr qint64 kMaxResponseBytes = 16 * 1024 * 1024;

Error transportError(QNetworkReply *reply)
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return Error{ErrorCode::ServerUnreachable, reply->errorString()};
    default:
        return Error{ErrorCode::NetworkError, reply->errorString()};
    }
}

} // namespace

Error errorFromResponse(int httpStatus, const QByteArray &body)
{
    Core::Result<QJsonObject> object = Core::parseJsonObject(body);
    if (object) {
        const QJsonObject problem = object->value(u"error"_s).toObject();
        const std::optional<ErrorCode> code = Core::errorCodeFromName(problem.value(u"code"_s).toString());
        if (code)
            return Error{*code, problem.value(u"message"_s).toString()};
    }
    switch (httpStatus) {
    case 401:
        return Error{ErrorCode::Unauthenticated, u"HTTP 401"_s};
    case 403:
        return Error{ErrorCode::Forbidden, u"HTTP 403"_s};
    case 404:
        return Error{ErrorCode::NotFound, u"HTTP 404"_s};
    case 413:
        return Error{ErrorCode::PayloadTooLarge, u"HTTP 413"_s};
    case 429:
        return Error{ErrorCode::TooManyAttempts, {}};
    default:
        return Error{ErrorCode::InvalidServerResponse, u"HTTP %1"_s.arg(httpStatus)};
    }
}

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}

QNetworkRequest ApiClient::makeRequest(const QUrl &server, const QString &path, const QString &token) const
{
    QUrl url = server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, u"Cartable/" CARTABLE_VERSION ""_s);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return request;
}

void ApiClient::track(QNetworkReply *reply)
{
    m_unsent.insert(reply);
    // Qt's network thread takes a request's body from this thread piece by
    // piece, through its event loop: work that held the loop once the head
    // had left held the body back too (a push of 500 changes reached the
    // server only after its last answer had been written). A request with a
    // body is out once all of it has been written.
    const bool hasBody = reply->operation() == QNetworkAccessManager::PostOperation
                         || reply->operation() == QNetworkAccessManager::PutOperation
                         || reply->operation() == QNetworkAccessManager::CustomOperation;
    if (hasBody) {
        connect(reply, &QNetworkReply::uploadProgress, this, [this, reply](qint64 sent, qint64 total) {
            if (sent == total)
                markOut(reply);
        });
    } else {
        connect(reply, &QNetworkReply::requestSent, this, [this, reply] { markOut(reply); });
    }
    connect(reply, &QNetworkReply::finished, this, [this, reply] { markOut(reply); });
    connect(reply, &QObject::destroyed, this, [this, reply] { markOut(reply); });
}

void ApiClient::markOut(QNetworkReply *reply)
{
    if (!m_unsent.remove(reply) || !m_unsent.isEmpty())
        return;
    const QList<std::function<void()>> works = std::exchange(m_whenSent, {});
    for (const std::function<void()> &work : works)
        work();
}

void ApiClient::whenSent(std::function<void()> work)
{
    if (m_unsent.isEmpty()) {
        QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
        return;
    }
    m_whenSent.append(std::move(work));
}

void ApiClient::finish(QNetworkReply *reply, std::function<void(const QByteArray &)> handle,
                       std::function<void(Error)> fail)
{
    track(reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxResponseBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [reply, handle = std::move(handle), fail = std::move(fail)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            qCInfo(lcApi) << "request failed:" << reply->url().path() << reply->errorString();
            return fail(transportError(reply));
        }
        if (status < 200 || status >= 300) {
            Error error = errorFromResponse(status, body);
            // How long to wait travels in a header; the context carries it on.
            if (error.code == ErrorCode::TooManyAttempts)
                error.context = QString::fromLatin1(reply->rawHeader("Retry-After"));
            qCInfo(lcApi) << "server refused" << reply->url().path() << status << Core::errorCodeName(error.code);
            return fail(error);
        }
        handle(body);
    });
}

void ApiClient::checkHealth(const QUrl &server, Callback<void> done)
{
    QNetworkReply *reply = m_network->get(makeRequest(server, u"/api/v1/health"_s, {}));
    finish(
        reply, [done](const QByteArray &) { done({}); }, [done](Error error) { done(std::move(error)); });
}

template<typename T>
void ApiClient::postJson(const QUrl &server, const QString &path, const QString &token, const QJsonObject &body,
                         std::function<Core::Result<T>(const QJsonObject &)> decode, Callback<T> done)
{
    QNetworkRequest networkRequest = makeRequest(server, path, token);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_network->post(networkRequest, QJsonDocument(body).toJson(QJsonDocument::Compact));
    finish(
        reply,
        [decode, done](const QByteArray &bytes) {
            Core::Result<QJsonObject> object = Core::parseJsonObject(bytes);
            if (!object)
                return done(Error{ErrorCode::InvalidServerResponse, object.error().context});
            Core::Result<T> decoded = decode(*object);
            if (!decoded)
                return done(Error{ErrorCode::InvalidServerResponse, decoded.error().context});
            done(std::move(decoded));
        },
        [done](Error error) { done(std::move(error)); });
}

void ApiClient::login(const QUrl &server, const Core::LoginRequest &request, Callback<Core::LoginResponse> done)
{
    postJson<Core::LoginResponse>(server, u"/api/v1/auth/login"_s, {}, request.toJson(), &Core::LoginResponse::fromJson,
                                  std::move(done));
}

void ApiClient::refresh(const QUrl &server, const Core::RefreshRequest &request, Callback<Core::SessionTokens> done)
{
    postJson<Core::SessionTokens>(server, u"/api/v1/auth/refresh"_s, {}, request.toJson(),
                                  &Core::SessionTokens::fromJson, std::move(done));
}

void ApiClient::changePassword(const QUrl &server, const QString &token, const Core::ChangePasswordRequest &request,
                               Callback<Core::LoginResponse> done)
{
    postJson<Core::LoginResponse>(server, u"/api/v1/auth/password"_s, token, request.toJson(),
                                  &Core::LoginResponse::fromJson, std::move(done));
}

void ApiClient::fetchProfile(const QUrl &server, const QString &token, Callback<Core::UserProfile> done)
{
    QNetworkReply *reply = m_network->get(makeRequest(server, u"/api/v1/me"_s, token));
    finish(
        reply,
        [done](const QByteArray &bytes) {
            Core::Result<QJsonObject> object = Core::parseJsonObject(bytes);
            if (!object)
                return done(Error{ErrorCode::InvalidServerResponse, object.error().context});
            Core::Result<Core::UserProfile> profile = Core::UserProfile::fromJson(*object);
            if (!profile)
                return done(Error{ErrorCode::InvalidServerResponse, profile.error().context});
            done(std::move(profile));
        },
        [done](Error error) { done(std::move(error)); });
}

void ApiClient::syncPull(const QUrl &server, const QString &token, const QJsonObject &request,
                         Callback<Core::PullPage> done)
{
    QNetworkRequest networkRequest = makeRequest(server, u"/api/v1/sync/pull"_s, token);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    // The compact encoding; the server's errors still come as JSON.
    networkRequest.setRawHeader("Accept", QByteArray(Core::kPullPageCborType) + ", application/json;q=0.5");
    QNetworkReply *reply = m_network->post(networkRequest, QJsonDocument(request).toJson(QJsonDocument::Compact));
    finish(
        reply,
        [done](const QByteArray &bytes) {
            Core::Result<Core::PullPage> page = Core::pullPageFromCbor(bytes);
            if (!page)
                return done(Error{ErrorCode::InvalidServerResponse, page.error().context});
            done(std::move(page));
        },
        [done](Error error) { done(std::move(error)); });
}

void ApiClient::syncPush(const QUrl &server, const QString &token, const QJsonObject &batch, Callback<QJsonObject> done)
{
    postJson<QJsonObject>(
        server, u"/api/v1/sync/push"_s, token, batch,
        [](const QJsonObject &answer) { return Core::Result<QJsonObject>(answer); }, std::move(done));
}

void ApiClient::openBlobUpload(const QUrl &server, const QString &token, const Core::UploadRequest &request,
                               Callback<Core::UploadStatus> done)
{
    postJson<Core::UploadStatus>(server, u"/api/v1/blobs/uploads"_s, token, request.toJson(),
                                 &Core::UploadStatus::fromJson, std::move(done));
}

void ApiClient::sendBlobChunk(const QUrl &server, const QString &token, const QString &uploadId, qint64 offset,
                              const QByteArray &bytes, Callback<Core::UploadStatus> done)
{
    if (uploadId.isEmpty() || offset < 0) {
        QMetaObject::invokeMethod(
            this,
            [done] {
                done(Error{ErrorCode::InvalidField, u"upload"_s});
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest networkRequest
        = makeRequest(server, u"/api/v1/blobs/uploads/"_s + QString::fromLatin1(QUrl::toPercentEncoding(uploadId)),
                      token);
    QUrl url = networkRequest.url();
    url.setQuery(u"offset="_s + QString::number(offset));
    networkRequest.setUrl(url);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/octet-stream"_s);
    networkRequest.setRawHeader("Content-Digest", Core::contentDigest(bytes));
    QNetworkReply *reply = m_network->put(networkRequest, bytes);
    finish(
        reply,
        [done](const QByteArray &answer) {
            Core::Result<QJsonObject> object = Core::parseJsonObject(answer);
            if (!object)
                return done(Error{ErrorCode::InvalidServerResponse, object.error().context});
            Core::Result<Core::UploadStatus> status = Core::UploadStatus::fromJson(*object);
            if (!status)
                return done(Error{ErrorCode::InvalidServerResponse, status.error().context});
            done(std::move(status));
        },
        [done](Error error) { done(std::move(error)); });
}

namespace {

// The part of a blob answer that was asked for, or why the answer is not
// one.
Core::Result<ApiClient::BlobRange> blobRangeOf(int status, const QByteArray &contentRange, QByteArray bytes,
                                               qint64 first, qint64 last)
{
    const Error malformed{ErrorCode::InvalidServerResponse, u"blob.range"_s};
    if (status == 200) {
        // The whole file (a small one): what was asked is cut out of it.
        const qint64 total = bytes.size();
        if (first >= total)
            return malformed;
        return ApiClient::BlobRange{bytes.mid(first, qMin(last, total - 1) - first + 1), first, total};
    }
    if (status != 206)
        return malformed;
    const std::optional<std::pair<Core::ByteRange, qint64>> range = Core::parseContentRange(contentRange);
    if (!range)
        return malformed;
    const auto &[answered, total] = *range;
    if (answered.first != first || answered.last > last || answered.last >= total || answered.length() < 1
        || answered.length() != bytes.size()) {
        return malformed;
    }
    return ApiClient::BlobRange{std::move(bytes), first, total};
}

} // namespace

void ApiClient::fetchBlobRange(const QUrl &server, const QString &token, const QString &sha256, qint64 first,
                               qint64 last, Callback<BlobRange> done)
{
    if (!Core::isSha256Hex(sha256) || first < 0 || last < first) {
        QMetaObject::invokeMethod(
            this,
            [done] {
                done(Error{ErrorCode::InvalidField, u"range"_s});
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest networkRequest = makeRequest(server, u"/api/v1/blobs/"_s + sha256, token);
    networkRequest.setRawHeader("Range", "bytes=" + QByteArray::number(first) + '-' + QByteArray::number(last));
    // The bytes as they are stored: Qt decompresses an answer only when it
    // asked for compression itself, and an explicit identity asks for none.
    networkRequest.setRawHeader("Accept-Encoding", "identity");
    networkRequest.setRawHeader("Accept", "application/octet-stream, application/json;q=0.5");
    QNetworkReply *reply = m_network->get(networkRequest);
    finish(
        reply,
        [done, reply, first, last](const QByteArray &bytes) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            done(blobRangeOf(status, reply->rawHeader("Content-Range"), bytes, first, last));
        },
        [done](Error error) { done(std::move(error)); });
}

void ApiClient::logout(const QUrl &server, const QString &token, Callback<void> done)
{
    QNetworkRequest request = makeRequest(server, u"/api/v1/auth/logout"_s, token);
    QNetworkReply *reply = m_network->post(request, QByteArray());
    finish(
        reply, [done](const QByteArray &) { done({}); }, [done](Error error) { done(std::move(error)); });
}

} // namespace Cartable::Sync
