#pragma once

#include <QString>

#include <optional>

namespace Cartable::Core {

// Every failure the domain, the server and the client can report. Each code
// has a stable wire name (see errorCodeName()) that programs may rely on;
// sentences are made from codes at the edges, never in core.
enum class ErrorCode {
    Internal,
    InvalidJson,
    InvalidField,
    MissingField,
    PayloadTooLarge,
    NotFound,
    MethodNotAllowed,
    Unauthenticated,
    InvalidCredentials,
    SessionExpired,
    Forbidden,
    DatabaseError,
    MigrationFailed,
    SchemaTooNew,
    ConfigInvalid,
    NetworkError,
    ServerUnreachable,
    InvalidServerResponse,
    InvalidServerUrl,
    CredentialStoreError,
    NotSignedIn,
    UnsupportedMediaType,
    // Too many failed sign-ins; the context is the number of seconds to wait.
    TooManyAttempts,
    // Add new codes above this line, and their names in errorcode.cpp.
    Count_,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);

} // namespace Cartable::Core
