#include "apiserver.h"

#include "accountstore.h"
#include "authservice.h"
#include "gzip.h"
#include "limitedtcpserver.h"
#include "server/blobs/blobservice.h"
#include "server/sync/nudgehub.h"
#include "server/sync/syncendpoints.h"
#include "serverdatabase.h"

#include "core/jsonreader.h"
#include "core/protocol/blobs.h"
#include "core/protocol/pullpage.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcAccess, "cartable.server.access")
Q_LOGGING_CATEGORY(lcApi, "cartable.server.api")

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;
using Method = QHttpServerRequest::Method;

QByteArray methodName(Method method)
{
    const char *key = QMetaEnum::fromType<Method>().valueToKey(static_cast<int>(method));
    return key ? QByteArray(key).toUpper() : QByteArray("UNKNOWN");
}

ApiServer::ApiServer(AuthService &auth, AccountStore &accounts, qint64 maxBodyBytes, QList<QHostAddress> trustedProxies,
                     QObject *parent)
    : QAbstractHttpServer(parent),
      m_auth(auth),
      m_accounts(accounts),
      m_maxBodyBytes(maxBodyBytes),
      m_trustedProxies(std::move(trustedProxies))
{
    addRoute(Method::Get, u"/api/v1/health"_s, [this](const QHttpServerRequest &) { return health(); });
    addRoute(Method::Post, u"/api/v1/auth/login"_s, [this](const QHttpServerRequest &r) { return login(r); });
    addRoute(Method::Post, u"/api/v1/auth/refresh"_s, [this](const QHttpServerRequest &r) { return refresh(r); });
    addRoute(Method::Post, u"/api/v1/auth/password"_s,
             [this](const QHttpServerRequest &r) { return changePassword(r); });
    addRoute(Method::Post, u"/api/v1/auth/logout"_s, [this](const QHttpServerRequest &r) { return logout(r); });
    addRoute(Method::Get, u"/api/v1/me"_s, [this](const QHttpServerRequest &r) { return me(r); });
    addRoute(Method::Get, u"/api/v1/openapi.json"_s, [this](const QHttpServerRequest &) { return openApi(); });
}

Core::Result<quint16> ApiServer::start(const QHostAddress &address, quint16 port)
{
    // A trusted proxy carries many clients: the cap is for the clients, at the proxy.
    auto *tcp = new LimitedTcpServer(m_maxBodyBytes, m_connectionLimits, m_trustedProxies, this);
    if (!tcp->listen(address, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return Error{ErrorCode::ConfigInvalid,
                     u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(reason)};
    }
    bind(tcp);
    return tcp->serverPort();
}

QJsonObject openApiDocument()
{
    static const QJsonObject document = [] {
        QFile file(u":/cartable/api/openapi.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return document;
}

ApiResponse ApiServer::openApi() const
{
    return ApiResponse::json(200, openApiDocument());
}

void ApiServer::enableNudges(NudgeHub &hub)
{
    m_nudges = &hub;
    connect(this, &QAbstractHttpServer::newWebSocketConnection, &hub, [this, &hub] {
        while (hasPendingWebSocketConnections())
            hub.accept(nextPendingWebSocketConnection());
    });
}

void ApiServer::enableSync(SyncEndpoints &sync)
{
    addRoute(Method::Post, u"/api/v1/sync/pull"_s,
             [this, &sync](const QHttpServerRequest &r) { return pull(r, sync); });
    addRoute(Method::Post, u"/api/v1/sync/push"_s,
             [this, &sync](const QHttpServerRequest &r) { return push(r, sync); });
}

ApiResponse ApiServer::asAccount(const QHttpServerRequest &request,
                                 const std::function<ApiResponse(const QString &)> &work)
{
    const Core::Result<AuthContext> caller = m_auth.authenticate(request.value("Authorization"));
    if (!caller)
        return ApiResponse::problem(caller.error());
    if (caller->mustChangePassword)
        return ApiResponse::problem(Error{ErrorCode::PasswordChangeRequired, {}});
    return work(caller->accountId);
}

ApiResponse ApiServer::asCaller(const QHttpServerRequest &request,
                                const std::function<ApiResponse(const QString &, const QJsonObject &)> &work)
{
    return asAccount(request, [this, &request, &work](const QString &account) {
        const Core::Result<QJsonObject> body = jsonBody(request);
        if (!body)
            return ApiResponse::problem(body.error());
        return work(account, *body);
    });
}

ApiResponse ApiServer::pull(const QHttpServerRequest &request, SyncEndpoints &sync)
{
    // The sync client asks for the compact encoding; anything else reads
    // JSON.
    const bool cbor = request.value("Accept").split(',').constFirst().trimmed().startsWith(Core::kPullPageCborType);
    return asCaller(request, [&sync, cbor](const QString &account, const QJsonObject &body) {
        const Core::Result<Core::PullPage> page = sync.pull(account, body);
        if (!page)
            return ApiResponse::problem(page.error());
        if (cbor)
            return ApiResponse::bytes(200, Core::pullPageToCbor(*page), Core::kPullPageCborType);
        return ApiResponse::json(200, Core::pullPageToJson(*page));
    });
}

ApiResponse ApiServer::push(const QHttpServerRequest &request, SyncEndpoints &sync)
{
    return asCaller(request, [&sync](const QString &account, const QJsonObject &body) {
        const Core::Result<QJsonObject> answer = sync.push(account, body);
        if (!answer)
            return ApiResponse::problem(answer.error());
        return ApiResponse::json(200, *answer);
    });
}

void ApiServer::enableBlobs(BlobService &blobs)
{
    addRoute(Method::Post, u"/api/v1/blobs/uploads"_s,
             [this, &blobs](const QHttpServerRequest &r) { return openUpload(r, blobs); });
    addRoute(Method::Put, u"/api/v1/blobs/uploads/{upload_id}"_s,
             [this, &blobs](const QHttpServerRequest &r, const QStringList &values) {
                 return writeChunk(r, values.constFirst(), blobs);
             });
    addRoute(Method::Delete, u"/api/v1/blobs/uploads/{upload_id}"_s,
             [this, &blobs](const QHttpServerRequest &r, const QStringList &values) {
                 return abandonUpload(r, values.constFirst(), blobs);
             });
    addRoute(Method::Get, u"/api/v1/blobs/{sha256}"_s,
             [this, &blobs](const QHttpServerRequest &r, const QStringList &values) {
                 return readBlob(r, values.constFirst(), blobs);
             });
}

ApiResponse ApiServer::openUpload(const QHttpServerRequest &request, BlobService &blobs)
{
    return asCaller(request, [&blobs](const QString &account, const QJsonObject &body) {
        const Core::Result<Core::UploadRequest> parsed = Core::UploadRequest::fromJson(body);
        if (!parsed)
            return ApiResponse::problem(parsed.error());
        const Core::Result<Core::UploadStatus> status = blobs.openUpload(account, *parsed);
        if (!status)
            return ApiResponse::problem(status.error());
        return ApiResponse::json(200, status->toJson());
    });
}

namespace {

// The offset of a chunk: a decimal number, nothing else.
std::optional<qint64> chunkOffset(const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    if (!query.hasQueryItem(u"offset"_s))
        return std::nullopt;
    const QString text = query.queryItemValue(u"offset"_s);
    if (text.isEmpty() || text.size() > 18
        || !std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; })) {
        return std::nullopt;
    }
    return text.toLongLong();
}

} // namespace

ApiResponse ApiServer::writeChunk(const QHttpServerRequest &request, const QString &uploadId, BlobService &blobs)
{
    return asAccount(request, [&request, &uploadId, &blobs](const QString &account) {
        const QByteArray contentType = request.value("Content-Type").split(';').constFirst().trimmed().toLower();
        if (contentType != "application/octet-stream")
            return ApiResponse::problem(Error{ErrorCode::UnsupportedMediaType, u"application/octet-stream"_s});
        if (request.body().size() > Core::kMaxBlobChunkBytes)
            return ApiResponse::problem(Error{ErrorCode::PayloadTooLarge, QString::number(Core::kMaxBlobChunkBytes)});
        const std::optional<qint64> offset = chunkOffset(request);
        if (!offset)
            return ApiResponse::problem(Error{ErrorCode::InvalidField, u"offset"_s});
        const Core::Result<Core::UploadStatus> status
            = blobs.writeChunk(account, uploadId, *offset, request.value("Content-Digest"), request.body());
        if (!status)
            return ApiResponse::problem(status.error());
        return ApiResponse::json(200, status->toJson());
    });
}

ApiResponse ApiServer::abandonUpload(const QHttpServerRequest &request, const QString &uploadId, BlobService &blobs)
{
    return asAccount(request, [&uploadId, &blobs](const QString &account) {
        if (const Core::Status abandoned = blobs.abandon(account, uploadId); !abandoned)
            return ApiResponse::problem(abandoned.error());
        return ApiResponse::noContent();
    });
}

ApiResponse ApiServer::readBlob(const QHttpServerRequest &request, const QString &sha256, BlobService &blobs)
{
    return asAccount(request, [&request, &sha256, &blobs](const QString &account) {
        const Core::Result<ReadableBlob> blob = blobs.readable(account, sha256);
        if (!blob)
            return ApiResponse::problem(blob.error());
        const QByteArray rangeHeader = request.value("Range");
        Core::ByteRange range{0, blob->size - 1};
        bool partial = false;
        if (!rangeHeader.isEmpty()) {
            const Core::Result<Core::ByteRange> asked = Core::parseRange(rangeHeader, blob->size,
                                                                         Core::kMaxBlobChunkBytes);
            if (!asked) {
                ApiResponse refused = ApiResponse::problem(asked.error());
                if (asked.error().code == ErrorCode::RangeNotSatisfiable)
                    refused.headers.append(
                        std::pair<QByteArray, QByteArray>("Content-Range",
                                                          "bytes */" + QByteArray::number(blob->size)));
                return refused;
            }
            range = *asked;
            partial = true;
        } else if (blob->size > Core::kMaxBlobChunkBytes) {
            return ApiResponse::problem(Error{ErrorCode::InvalidField, u"range"_s});
        }
        const Core::Result<QByteArray> bytes = blobs.read(*blob, range);
        if (!bytes)
            return ApiResponse::problem(bytes.error());
        ApiResponse response = ApiResponse::bytes(partial ? 206 : 200, *bytes, "application/octet-stream");
        response.compressible = false;
        response.headers.append(std::pair<QByteArray, QByteArray>("Content-Disposition", "attachment"));
        response.headers.append(std::pair<QByteArray, QByteArray>("ETag", '"' + sha256.toLatin1() + '"'));
        response.headers.append(std::pair<QByteArray, QByteArray>("Accept-Ranges", "bytes"));
        if (partial)
            response.headers.append(
                std::pair<QByteArray, QByteArray>("Content-Range", Core::contentRange(range, blob->size)));
        return response;
    });
}

QStringList ApiServer::routeList() const
{
    QStringList list;
    for (const Route &route : m_routes)
        list.append(QString::fromLatin1(methodName(route.method)) + u' ' + route.path);
    // Upgraded to a WebSocket before any route sees it.
    if (m_nudges)
        list.append(u"GET /api/v1/sync/nudge"_s);
    return list;
}

void ApiServer::addRoute(Method method, const QString &path, Handler handler)
{
    addRoute(method, path, [handler = std::move(handler)](const QHttpServerRequest &request, const QStringList &) {
        return handler(request);
    });
}

void ApiServer::addRoute(Method method, const QString &path, ParameterHandler handler)
{
    const QStringList pattern = path.split(u'/');
    const bool parameters = std::any_of(pattern.cbegin(), pattern.cend(),
                                        [](const QString &s) { return s.startsWith(u'{'); });
    m_routes.append(Route{method, path, pattern, parameters, std::move(handler)});
}

std::optional<QStringList> ApiServer::match(const Route &route, const QStringList &segments)
{
    if (segments.size() != route.pattern.size())
        return std::nullopt;
    QStringList values;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &expected = route.pattern.at(i);
        if (expected.startsWith(u'{') && expected.endsWith(u'}')) {
            if (segments.at(i).isEmpty())
                return std::nullopt;
            values.append(segments.at(i));
        } else if (expected != segments.at(i)) {
            return std::nullopt;
        }
    }
    return values;
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // A WebSocket upgrade to the nudge channel: Qt's server takes the
    // connection over once this returns, and nothing may be written to it.
    if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0
        && request.url().path() == u"/api/v1/sync/nudge"_s && m_nudges) {
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    const ApiResponse response = dispatch(request);
    send(request, socket, response, timer.elapsed());
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers every request itself; kept for completeness.
    send(request, socket, ApiResponse::problem(Error{ErrorCode::NotFound, request.url().path()}), 0);
}

ApiResponse ApiServer::dispatch(const QHttpServerRequest &request) const
{
    const QString path = request.url().path();
    const QStringList segments = path.split(u'/');
    QList<QByteArray> allowed;
    // A path that is a route word for word is that route's, whatever the
    // method; the routes with parameters take the other paths.
    const bool exact = std::any_of(m_routes.cbegin(), m_routes.cend(),
                                   [&path](const Route &r) { return r.path == path; });
    for (const Route &route : m_routes) {
        if (exact ? route.path != path : !route.hasParameters)
            continue;
        const std::optional<QStringList> values = exact ? std::optional<QStringList>(QStringList())
                                                        : match(route, segments);
        if (!values)
            continue;
        if (route.method == request.method())
            return route.handler(request, *values);
        allowed.append(methodName(route.method));
    }
    if (allowed.isEmpty())
        return ApiResponse::problem(Error{ErrorCode::NotFound, path});
    ApiResponse response = ApiResponse::problem(Error{ErrorCode::MethodNotAllowed, path});
    response.headers.append(std::pair<QByteArray, QByteArray>("Allow", allowed.join(", ")));
    return response;
}

void ApiServer::send(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response,
                     qint64 elapsedMs)
{
    // The path only: a query string could carry something private.
    qCInfo(lcAccess).noquote() << clientAddress(request) << methodName(request.method()) << request.url().path()
                               << response.status << response.body.size() << "bytes" << elapsedMs << "ms";
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    // The connection ends after this answer when the client asked for it
    // (Connection: close, HTTP/1.0); LimitedTcpServer's guard closes it once
    // the answer is out.
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    const bool close = guard && guard->closesAfterAnswer();
    QByteArray body = response.body;
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (!response.body.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    if (close)
        responder.writeHeader("Connection", "close");
    else if (guard && guard->confirmsKeepAlive())
        responder.writeHeader("Connection", "keep-alive");
    // Large answers (pull pages) shrink several times over; small ones are
    // not worth the work.
    constexpr qsizetype kCompressFrom = 1024;
    if (response.compressible && response.body.size() >= kCompressFrom
        && acceptsGzip(request.value("Accept-Encoding"))) {
        QByteArray compressed = gzipCompress(response.body);
        if (!compressed.isEmpty()) {
            responder.writeHeader("Content-Encoding", "gzip");
            responder.writeHeader("Vary", "Accept-Encoding");
            body = std::move(compressed);
        }
    }
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(body);
    if (guard)
        guard->answered(close);
}

QString ApiServer::clientAddress(const QHttpServerRequest &request) const
{
    const QHostAddress peer = request.remoteAddress();
    auto trusted = [this](const QHostAddress &address) {
        for (const QHostAddress &proxy : m_trustedProxies) {
            if (proxy.isEqual(address, QHostAddress::TolerantConversion))
                return true;
        }
        return false;
    };
    if (!trusted(peer))
        return peer.toString();
    // Each proxy appends the address it received from; the last entries are
    // ours, the first untrusted one from the right is the client. Entries
    // further left were written by the client and prove nothing.
    const QList<QByteArray> hops = request.value("X-Forwarded-For").split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        QHostAddress hop;
        if (!hop.setAddress(QString::fromLatin1(it->trimmed())))
            break;
        if (!trusted(hop))
            return hop.toString();
    }
    return peer.toString();
}

Core::Result<QJsonObject> ApiServer::jsonBody(const QHttpServerRequest &request) const
{
    if (request.body().size() > m_maxBodyBytes)
        return Error{ErrorCode::PayloadTooLarge, QString::number(m_maxBodyBytes)};
    const QByteArray contentType = request.value("Content-Type").split(';').constFirst().trimmed().toLower();
    if (contentType != "application/json")
        return Error{ErrorCode::UnsupportedMediaType, {}};
    return Core::parseJsonObject(request.body());
}

ApiResponse ApiServer::health() const
{
    QSqlQuery query(m_accounts.database());
    if (!query.exec(u"SELECT 1"_s)) {
        qCWarning(lcApi) << "health check: the database does not answer";
        return ApiResponse::problem(Error{ErrorCode::DatabaseError, {}});
    }
    return ApiResponse::json(200, QJsonObject{
                                      {u"status"_s, u"ok"_s},
                                      {u"version"_s, QStringLiteral(CARTABLE_VERSION)},
                                      {u"database"_s, backendName(m_accounts.database())},
                                  });
}

ApiResponse ApiServer::login(const QHttpServerRequest &request)
{
    const Core::Result<QJsonObject> body = jsonBody(request);
    if (!body)
        return ApiResponse::problem(body.error());
    const Core::Result<Core::LoginRequest> parsed = Core::LoginRequest::fromJson(*body);
    if (!parsed)
        return ApiResponse::problem(parsed.error());
    const Core::Result<Core::LoginResponse> response = m_auth.login(*parsed, clientAddress(request));
    if (!response)
        return ApiResponse::problem(response.error());
    return ApiResponse::json(200, response->toJson());
}

ApiResponse ApiServer::refresh(const QHttpServerRequest &request)
{
    const Core::Result<QJsonObject> body = jsonBody(request);
    if (!body)
        return ApiResponse::problem(body.error());
    const Core::Result<Core::RefreshRequest> parsed = Core::RefreshRequest::fromJson(*body);
    if (!parsed)
        return ApiResponse::problem(parsed.error());
    const Core::Result<Core::SessionTokens> tokens = m_auth.refresh(*parsed);
    if (!tokens)
        return ApiResponse::problem(tokens.error());
    QJsonObject answer;
    tokens->writeJson(answer);
    return ApiResponse::json(200, answer);
}

ApiResponse ApiServer::changePassword(const QHttpServerRequest &request)
{
    const Core::Result<AuthContext> caller = m_auth.authenticate(request.value("Authorization"));
    if (!caller)
        return ApiResponse::problem(caller.error());
    const Core::Result<QJsonObject> body = jsonBody(request);
    if (!body)
        return ApiResponse::problem(body.error());
    const Core::Result<Core::ChangePasswordRequest> parsed = Core::ChangePasswordRequest::fromJson(*body);
    if (!parsed)
        return ApiResponse::problem(parsed.error());
    const Core::Result<Core::LoginResponse> response = m_auth.changePassword(*caller, *parsed, clientAddress(request));
    if (!response)
        return ApiResponse::problem(response.error());
    return ApiResponse::json(200, response->toJson());
}

ApiResponse ApiServer::logout(const QHttpServerRequest &request)
{
    const Core::Result<AuthContext> caller = m_auth.authenticate(request.value("Authorization"));
    if (!caller)
        return ApiResponse::problem(caller.error());
    if (const Core::Status closed = m_auth.logout(*caller); !closed)
        return ApiResponse::problem(closed.error());
    return ApiResponse::noContent();
}

ApiResponse ApiServer::me(const QHttpServerRequest &request) const
{
    const Core::Result<AuthContext> caller = m_auth.authenticate(request.value("Authorization"));
    if (!caller)
        return ApiResponse::problem(caller.error());
    const Core::Result<Core::UserProfile> profile = m_accounts.profile(caller->accountId);
    if (!profile)
        return ApiResponse::problem(profile.error());
    return ApiResponse::json(200, profile->toJson());
}

} // namespace Cartable::Server
