#pragma once

#include "apiresponse.h"
#include "connectionguard.h"

#include "core/result.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QPointer>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace Cartable::Server {

class AccountStore;
class AuthService;
class BlobService;
class NudgeHub;
class SyncEndpoints;

// The REST API of cartable-server, on QtHttpServer's low-level interface so
// that every answer, 404 and 405 included, goes through one place: the same
// JSON problem body, the access log, the body limit. Handlers answer
// synchronously (a deferred answer to a client that has gone away crashes Qt
// 6.4's HTTP server).
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<ApiResponse(const QHttpServerRequest &)>;
    // A route whose path has parameters ("/api/v1/blobs/{sha256}") gets their
    // values, in order.
    using ParameterHandler = std::function<ApiResponse(const QHttpServerRequest &, const QStringList &)>;

    ApiServer(AuthService &auth, AccountStore &accounts, qint64 maxBodyBytes, QList<QHostAddress> trustedProxies = {},
              QObject *parent = nullptr);

    // Adds the sync routes (POST /api/v1/sync/pull and /api/v1/sync/push).
    void enableSync(SyncEndpoints &sync);
    // Adds the file routes (/api/v1/blobs/…).
    void enableBlobs(BlobService &blobs);
    // Hands WebSocket upgrades to `hub` (the nudge channel).
    void enableNudges(NudgeHub &hub);
    // The deadlines and the per-address cap of connections; before start().
    void setConnectionLimits(const ConnectionLimits &limits) { m_connectionLimits = limits; }

    // Listens on address:port (0 picks a free port) and returns the port.
    [[nodiscard]] Core::Result<quint16> start(const QHostAddress &address, quint16 port);

    // The routes, for documentation checks: "GET /api/v1/health", …
    QStringList routeList() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QString path;
        // The path's segments; "{name}" stands for any one segment.
        QStringList pattern;
        bool hasParameters = false;
        ParameterHandler handler;
    };

    void addRoute(QHttpServerRequest::Method method, const QString &path, Handler handler);
    void addRoute(QHttpServerRequest::Method method, const QString &path, ParameterHandler handler);
    // The values of the route's parameters in `segments`, or nothing when
    // the path is not the route's.
    static std::optional<QStringList> match(const Route &route, const QStringList &segments);
    ApiResponse dispatch(const QHttpServerRequest &request) const;
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response, qint64 elapsedMs);

    // The client's address: the peer, or, behind a trusted proxy, the last
    // address in X-Forwarded-For that is not itself a trusted proxy.
    QString clientAddress(const QHttpServerRequest &request) const;
    // Reads a JSON object body, checking its type and size.
    Core::Result<QJsonObject> jsonBody(const QHttpServerRequest &request) const;

    ApiResponse health() const;
    ApiResponse login(const QHttpServerRequest &request);
    ApiResponse refresh(const QHttpServerRequest &request);
    ApiResponse changePassword(const QHttpServerRequest &request);
    ApiResponse logout(const QHttpServerRequest &request);
    ApiResponse me(const QHttpServerRequest &request) const;
    ApiResponse openApi() const;
    // Runs `work` as the caller of a data route: a session whose password
    // must change first gets 403 password_change_required.
    ApiResponse asCaller(const QHttpServerRequest &request,
                         const std::function<ApiResponse(const QString &, const QJsonObject &)> &work);
    // The same for a route without a JSON body.
    ApiResponse asAccount(const QHttpServerRequest &request, const std::function<ApiResponse(const QString &)> &work);
    ApiResponse pull(const QHttpServerRequest &request, SyncEndpoints &sync);
    ApiResponse push(const QHttpServerRequest &request, SyncEndpoints &sync);
    ApiResponse openUpload(const QHttpServerRequest &request, BlobService &blobs);
    ApiResponse writeChunk(const QHttpServerRequest &request, const QString &uploadId, BlobService &blobs);
    ApiResponse abandonUpload(const QHttpServerRequest &request, const QString &uploadId, BlobService &blobs);
    ApiResponse readBlob(const QHttpServerRequest &request, const QString &sha256, BlobService &blobs);

    AuthService &m_auth;
    AccountStore &m_accounts;
    qint64 m_maxBodyBytes;
    QList<QHostAddress> m_trustedProxies;
    ConnectionLimits m_connectionLimits;
    QList<Route> m_routes;
    QPointer<NudgeHub> m_nudges;
};

QByteArray methodName(QHttpServerRequest::Method method);

// The OpenAPI 3 description of the routes (server/api/openapi.json).
QJsonObject openApiDocument();

} // namespace Cartable::Server
