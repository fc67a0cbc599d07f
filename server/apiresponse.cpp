#include "apiresponse.h"

#include <QJsonDocument>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::ErrorCode;

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    return ApiResponse{status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

ApiResponse ApiResponse::bytes(int status, QByteArray body, QByteArray contentType)
{
    return ApiResponse{status, std::move(body), {}, std::move(contentType)};
}

ApiResponse ApiResponse::noContent()
{
    return ApiResponse{204, {}, {}};
}

ApiResponse ApiResponse::problem(const Core::Error &error)
{
    ApiResponse response = json(httpStatusFor(error.code),
                                QJsonObject{{u"error"_s, QJsonObject{
                                                             {u"code"_s, Core::errorCodeName(error.code)},
                                                             {u"message"_s, problemMessage(error)},
                                                         }}});
    if (error.code == ErrorCode::TooManyAttempts)
        response.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", error.context.toLatin1()));
    if (response.status == 401)
        response.headers.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Bearer realm=\"cartable\""));
    return response;
}

int httpStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidJson:
    case ErrorCode::InvalidField:
    case ErrorCode::MissingField:
    case ErrorCode::UnknownEntity:
    case ErrorCode::UnknownField:
        return 400;
    case ErrorCode::FieldTooLong:
    case ErrorCode::FieldOutOfRange:
    case ErrorCode::InvalidFormat:
    case ErrorCode::InconsistentFields:
    case ErrorCode::InvalidReference:
    case ErrorCode::WeakPassword:
    case ErrorCode::InvalidGrade:
    case ErrorCode::GradeOutOfRange:
    case ErrorCode::PeriodOverlap:
    case ErrorCode::HashMismatch:
        return 422;
    case ErrorCode::PeriodClosed:
    case ErrorCode::UploadOffsetMismatch:
        return 409;
    case ErrorCode::Unauthenticated:
    case ErrorCode::InvalidCredentials:
    case ErrorCode::SessionExpired:
        return 401;
    case ErrorCode::Forbidden:
    case ErrorCode::PasswordChangeRequired:
    case ErrorCode::AccountDisabled:
        return 403;
    case ErrorCode::NotFound:
    case ErrorCode::BlobPending:
        return 404;
    case ErrorCode::MethodNotAllowed:
        return 405;
    case ErrorCode::PayloadTooLarge:
        return 413;
    case ErrorCode::UnsupportedMediaType:
    case ErrorCode::FileTypeRefused:
        return 415;
    case ErrorCode::RangeNotSatisfiable:
        return 416;
    case ErrorCode::QuotaExceeded:
        return 507;
    case ErrorCode::TooManyAttempts:
        return 429;
    case ErrorCode::DatabaseError:
        return 503;
    default:
        return 500;
    }
}

QString problemMessage(const Core::Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidJson:
        return u"The request body is not a valid JSON object (%1)."_s.arg(error.context);
    case ErrorCode::InvalidField:
        return u"The field '%1' has a wrong type or value."_s.arg(error.context);
    case ErrorCode::MissingField:
        return u"The field '%1' is required."_s.arg(error.context);
    case ErrorCode::UnknownEntity:
        return u"There is no record type '%1'."_s.arg(error.context);
    case ErrorCode::UnknownField:
        return u"The field '%1' does not exist."_s.arg(error.context);
    case ErrorCode::FieldTooLong:
        return u"The field '%1' is too long."_s.arg(error.context);
    case ErrorCode::FieldOutOfRange:
        return u"The field '%1' is outside its range."_s.arg(error.context);
    case ErrorCode::InvalidFormat:
        return u"The field '%1' does not have the expected format."_s.arg(error.context);
    case ErrorCode::InconsistentFields:
        return u"The fields of this record contradict each other (%1)."_s.arg(error.context);
    case ErrorCode::InvalidReference:
        return u"The field '%1' refers to a record that does not exist."_s.arg(error.context);
    case ErrorCode::InvalidCredentials:
        return u"The login or the password is wrong."_s;
    case ErrorCode::Unauthenticated:
        return u"This request needs a session: send 'Authorization: Bearer <token>'."_s;
    case ErrorCode::SessionExpired:
        return u"The session has expired or was closed; sign in again."_s;
    case ErrorCode::Forbidden:
        return u"This account may not do that."_s;
    case ErrorCode::NotFound:
        return u"There is nothing at %1."_s.arg(error.context);
    case ErrorCode::MethodNotAllowed:
        return u"%1 does not accept this method."_s.arg(error.context);
    case ErrorCode::PayloadTooLarge:
        return u"The request body is larger than the %1 bytes this server accepts."_s.arg(error.context);
    case ErrorCode::UnsupportedMediaType:
        return u"The request body must be sent as %1."_s.arg(error.context.isEmpty() ? u"application/json"_s
                                                                                     : error.context);
    case ErrorCode::WeakPassword:
        return u"The new password is refused (%1): at least 8 characters, not containing the login, "
               "different from the current one."_s.arg(error.context);
    case ErrorCode::InvalidGrade:
        return u"The grade is neither a mark nor a marker (%1)."_s.arg(error.context);
    case ErrorCode::GradeOutOfRange:
        return u"The mark is outside the evaluation's scale (0 to %1)."_s.arg(error.context);
    case ErrorCode::PeriodClosed:
        return u"The period %1 is closed: its grades can no longer change."_s.arg(error.context);
    case ErrorCode::PeriodOverlap:
        return u"Periods overlap (%1)."_s.arg(error.context);
    case ErrorCode::AccountDisabled:
        return u"This account has been disabled; ask the school's administration."_s;
    case ErrorCode::PasswordChangeRequired:
        return u"This account must choose a new password first (POST /api/v1/auth/password)."_s;
    case ErrorCode::TooManyAttempts:
        return u"Too many failed sign-ins for this account or from this address; try again in %1 seconds."_s.arg(
            error.context);
    case ErrorCode::QuotaExceeded:
        return u"Storing this file would exceed the %1's storage quota."_s.arg(error.context);
    case ErrorCode::FileTypeRefused:
        return u"Files of this type are not accepted (%1)."_s.arg(error.context.isEmpty() ? u"unknown type"_s
                                                                                          : error.context);
    case ErrorCode::HashMismatch:
        return u"The bytes received do not have the announced SHA-256 (%1)."_s.arg(error.context);
    case ErrorCode::UploadOffsetMismatch:
        return u"The upload has received %1 bytes; send the chunk at that offset."_s.arg(error.context);
    case ErrorCode::RangeNotSatisfiable:
        return u"The range is outside the file (%1 bytes)."_s.arg(error.context);
    case ErrorCode::BlobPending:
        return u"The file has not been uploaded yet; try again later."_s;
    case ErrorCode::DatabaseError:
        return u"The database is not available; try again later."_s;
    default:
        return u"The server failed to answer this request."_s;
    }
}

} // namespace Cartable::Server
