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
    // A typed grade is neither a mark nor a marker; the context says "syntax"
    // or "decimals" (more than two).
    InvalidGrade,
    // A mark below 0 or above the evaluation's scale; the context is the scale.
    GradeOutOfRange,
    // A change to a closed period; the context is the period's name.
    PeriodClosed,
    // Two periods of a school year share a day; the context names both.
    PeriodOverlap,
    // A new password that the policy refuses; the context says why:
    // "too_short", "contains_login" or "unchanged".
    WeakPassword,
    // The account must choose a new password before anything else.
    PasswordChangeRequired,
    // A record of a type that the catalogue does not know; the context is the
    // type.
    UnknownEntity,
    // A field that the entity does not have; the context is "entity.field".
    UnknownField,
    // A text longer than its field allows; the context is "entity.field".
    FieldTooLong,
    // A number outside its field's range; the context is "entity.field".
    FieldOutOfRange,
    // A value that does not have its field's shape (a UAI, a date, a login);
    // the context is "entity.field".
    InvalidFormat,
    // Fields of one row that contradict each other; the context is the
    // rule's code ("grade.mark_or_marker").
    InconsistentFields,
    // A reference to a row that does not exist or is of the wrong kind; the
    // context is "entity.field".
    InvalidReference,
    // A row whose unique key (a grade's evaluation and student, an
    // exception's slot and day) another row already has; the context is
    // "entity.field,field".
    DuplicateKey,
    // The account has been disabled by the school: it may not sign in. Only
    // answered to a sign-in with the right password, so that it tells
    // nothing to somebody who does not know it.
    AccountDisabled,
    // Files (blobs). Storing the file would take the account or the
    // establishment over its quota; the context is "account" or
    // "establishment".
    QuotaExceeded,
    // The file's content is not of a type the school accepts (checked on its
    // bytes, not its name); the context is the detected type, if any.
    FileTypeRefused,
    // Bytes whose SHA-256 is not the one announced; the context is "chunk"
    // or "blob".
    HashMismatch,
    // A chunk sent for another offset than the one the upload has reached;
    // the context is the offset the server holds.
    UploadOffsetMismatch,
    // A byte range outside the file; the context is the file's size.
    RangeNotSatisfiable,
    // The row naming the file is readable, but its bytes have not been sent
    // to the server yet.
    BlobPending,
    // Add new codes above this line, and their names in errorcode.cpp.
    Count_,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);

} // namespace Cartable::Core
