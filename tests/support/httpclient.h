#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <utility>

namespace Cartable::Test {

struct HttpResult
{
    int status = 0; // 0: no HTTP answer (connection refused, reset, …)
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QString networkError;

    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
    // The "code" of a problem body, or an empty string.
    QString errorCode() const;
};

// One HTTP request, waited for with a local event loop (tests only).
HttpResult httpRequest(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                       const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 30'000);

HttpResult getJson(const QUrl &url, const QString &token = {});
HttpResult postJson(const QUrl &url, const QByteArray &body, const QString &token = {});

// The URL of `path` on the server at `base`.
QUrl endpoint(const QUrl &base, const QString &path);

// An http URL on loopback at a port that was free a moment ago, so that
// nothing listens there; an empty URL when no port could be had.
QUrl unreachableServerUrl();

} // namespace Cartable::Test
