#include "errorcode.h"

#include <array>
#include <utility>

namespace Cartable::Core {

namespace {

using namespace Qt::StringLiterals;

constexpr std::array kNames{
    std::pair{ErrorCode::Internal, "internal"},
    std::pair{ErrorCode::InvalidJson, "invalid_json"},
    std::pair{ErrorCode::InvalidField, "invalid_field"},
    std::pair{ErrorCode::MissingField, "missing_field"},
    std::pair{ErrorCode::PayloadTooLarge, "payload_too_large"},
    std::pair{ErrorCode::NotFound, "not_found"},
    std::pair{ErrorCode::MethodNotAllowed, "method_not_allowed"},
    std::pair{ErrorCode::Unauthenticated, "unauthenticated"},
    std::pair{ErrorCode::InvalidCredentials, "invalid_credentials"},
    std::pair{ErrorCode::SessionExpired, "session_expired"},
    std::pair{ErrorCode::Forbidden, "forbidden"},
    std::pair{ErrorCode::DatabaseError, "database_error"},
    std::pair{ErrorCode::MigrationFailed, "migration_failed"},
    std::pair{ErrorCode::SchemaTooNew, "schema_too_new"},
    std::pair{ErrorCode::ConfigInvalid, "config_invalid"},
    std::pair{ErrorCode::NetworkError, "network_error"},
    std::pair{ErrorCode::ServerUnreachable, "server_unreachable"},
    std::pair{ErrorCode::InvalidServerResponse, "invalid_server_response"},
    std::pair{ErrorCode::InvalidServerUrl, "invalid_server_url"},
    std::pair{ErrorCode::CredentialStoreError, "credential_store_error"},
    std::pair{ErrorCode::NotSignedIn, "not_signed_in"},
    std::pair{ErrorCode::UnsupportedMediaType, "unsupported_media_type"},
    std::pair{ErrorCode::TooManyAttempts, "too_many_attempts"},
    std::pair{ErrorCode::InvalidGrade, "invalid_grade"},
    std::pair{ErrorCode::GradeOutOfRange, "grade_out_of_range"},
    std::pair{ErrorCode::PeriodClosed, "period_closed"},
    std::pair{ErrorCode::PeriodOverlap, "period_overlap"},
    std::pair{ErrorCode::WeakPassword, "weak_password"},
    std::pair{ErrorCode::PasswordChangeRequired, "password_change_required"},
    std::pair{ErrorCode::UnknownEntity, "unknown_entity"},
    std::pair{ErrorCode::UnknownField, "unknown_field"},
    std::pair{ErrorCode::FieldTooLong, "field_too_long"},
    std::pair{ErrorCode::FieldOutOfRange, "field_out_of_range"},
    std::pair{ErrorCode::InvalidFormat, "invalid_format"},
    std::pair{ErrorCode::InconsistentFields, "inconsistent_fields"},
    std::pair{ErrorCode::InvalidReference, "invalid_reference"},
    std::pair{ErrorCode::DuplicateKey, "duplicate_key"},
    std::pair{ErrorCode::AccountDisabled, "account_disabled"},
    std::pair{ErrorCode::QuotaExceeded, "quota_exceeded"},
    std::pair{ErrorCode::FileTypeRefused, "file_type_refused"},
    std::pair{ErrorCode::HashMismatch, "hash_mismatch"},
    std::pair{ErrorCode::UploadOffsetMismatch, "upload_offset_mismatch"},
    std::pair{ErrorCode::RangeNotSatisfiable, "range_not_satisfiable"},
    std::pair{ErrorCode::BlobPending, "blob_pending"},
};

static_assert(kNames.size() == static_cast<std::size_t>(ErrorCode::Count_), "every error code needs a name");

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[value, name] : kNames) {
        if (value == code)
            return QString::fromLatin1(name);
    }
    return u"internal"_s;
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &[value, text] : kNames) {
        if (name == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

} // namespace Cartable::Core
