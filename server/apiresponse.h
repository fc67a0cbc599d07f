#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <utility>

namespace Cartable::Server {

// One answer of the API: a status, a body (compact JSON, or CBOR for a pull
// page asked for so) or none, and extra headers. Every failure has the same
// body shape:
//   {"error": {"code": "<stable code>", "message": "<English sentence>"}}
struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray contentType = "application/json";
    // Files go as they are: compressing a blob gains little and would let a
    // body's length tell something of its content.
    bool compressible = true;

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse bytes(int status, QByteArray body, QByteArray contentType);
    static ApiResponse noContent();
    static ApiResponse problem(const Core::Error &error);
};

int httpStatusFor(Core::ErrorCode code);
// A sentence for people reading logs or raw answers; programs use the code.
QString problemMessage(const Core::Error &error);

} // namespace Cartable::Server
