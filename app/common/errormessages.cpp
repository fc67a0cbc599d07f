#include "errormessages.h"

#include "core/authmessages.h"
#include "core/passwordpolicy.h"

namespace Cartable::Gui {

using namespace Qt::StringLiterals;
using Core::ErrorCode;

QString ErrorMessages::signInFailure(const Core::Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidCredentials:
        return tr("The login or the password is wrong.");
    case ErrorCode::ServerUnreachable:
        return tr("The server cannot be reached. Check the address and your connection.");
    case ErrorCode::NetworkError:
        return tr("The connection to the server failed. Try again in a moment.");
    case ErrorCode::CredentialStoreError:
        return tr("The system keychain refused to keep your session. Unlock it or check that a keychain "
                  "service is running, then try again.");
    case ErrorCode::InvalidField:
    case ErrorCode::MissingField:
    case ErrorCode::InvalidJson:
    case ErrorCode::PayloadTooLarge:
    case ErrorCode::UnsupportedMediaType:
        return tr("The server did not accept the login or the password as typed. Check them and try again.");
    case ErrorCode::InvalidServerUrl:
        return invalidServerAddress();
    case ErrorCode::InvalidServerResponse:
    case ErrorCode::NotFound:
    case ErrorCode::MethodNotAllowed:
        return tr("This address does not answer like a Cartable server. Check the server address.");
    case ErrorCode::SessionExpired:
    case ErrorCode::Unauthenticated:
        return tr("Your session has expired. Sign in again.");
    case ErrorCode::NotSignedIn:
        return tr("No remembered session was found on this computer. Sign in again.");
    case ErrorCode::TooManyAttempts:
        return tooManyAttempts(error);
    case ErrorCode::Forbidden:
        return tr("This account may not sign in here. Ask your school’s administration.");
    case ErrorCode::AccountDisabled:
        return tr("This account has been disabled. Ask your school’s administration.");
    case ErrorCode::InvalidGrade:
    case ErrorCode::GradeOutOfRange:
    case ErrorCode::PeriodClosed:
    case ErrorCode::PeriodOverlap:
    case ErrorCode::WeakPassword:
    case ErrorCode::PasswordChangeRequired:
    case ErrorCode::UnknownEntity:
    case ErrorCode::UnknownField:
    case ErrorCode::FieldTooLong:
    case ErrorCode::FieldOutOfRange:
    case ErrorCode::InvalidFormat:
    case ErrorCode::InconsistentFields:
    case ErrorCode::InvalidReference:
    case ErrorCode::DuplicateKey:
    case ErrorCode::DatabaseError:
    case ErrorCode::MigrationFailed:
    case ErrorCode::SchemaTooNew:
    case ErrorCode::ConfigInvalid:
    case ErrorCode::Internal:
    case ErrorCode::QuotaExceeded:
    case ErrorCode::FileTypeRefused:
    case ErrorCode::HashMismatch:
    case ErrorCode::UploadOffsetMismatch:
    case ErrorCode::RangeNotSatisfiable:
    case ErrorCode::BlobPending:
    case ErrorCode::Count_:
        break;
    }
    return tr("The server could not complete the sign-in. Try again later or contact your school’s support.");
}

QString ErrorMessages::invalidServerAddress()
{
    return tr("The server address is not valid. Type an address such as “ent.lycee.fr” or "
              "“https://ent.lycee.fr”.");
}

QString ErrorMessages::tooManyAttempts(const Core::Error &error)
{
    // The server says how many seconds; people think in minutes.
    bool known = false;
    const int seconds = error.context.toInt(&known);
    if (!known || seconds <= 0)
        return tr("Too many failed sign-ins. Wait a few minutes before trying again.");
    const int minutes = (seconds + 59) / 60;
    return tr("Too many failed sign-ins. Try again in %n minute(s).", nullptr, minutes);
}

QString ErrorMessages::passwordChangeFailure(const Core::Error &error)
{
    switch (error.code) {
    case ErrorCode::WeakPassword:
        if (error.context == u"too_short"_s)
            return tr("The new password is too short: use at least %n character(s).", nullptr,
                      Core::kMinPasswordLength);
        if (error.context == u"too_long"_s)
            return tr("The new password is too long: use at most %n character(s).", nullptr, Core::kMaxPasswordLength);
        if (error.context == u"contains_login"_s)
            return tr("The new password must not contain your login.");
        if (error.context == u"unchanged"_s)
            return tr("The new password must differ from the current one.");
        return tr("The server refused this new password. Choose another one.");
    case ErrorCode::InvalidCredentials:
        return tr("The current password is wrong.");
    case ErrorCode::TooManyAttempts:
        return tooManyAttempts(error);
    case ErrorCode::ServerUnreachable:
        return tr("The server cannot be reached. Check your connection, then try again.");
    case ErrorCode::NetworkError:
        return tr("The connection to the server failed. Try again in a moment.");
    case ErrorCode::SessionExpired:
    case ErrorCode::Unauthenticated:
    case ErrorCode::NotSignedIn:
        return tr("Your session has expired. Sign in again.");
    default:
        break;
    }
    return tr("The server could not change the password. Try again later or contact your school’s support.");
}

QString ErrorMessages::saveFailure(const Core::Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidGrade:
        if (error.context == u"decimals"_s)
            return tr("A mark has at most two decimals, such as 12,25.");
        return tr("Type a mark such as 15,5, or abs, disp, nn or nr.");
    case ErrorCode::GradeOutOfRange:
        return tr("The mark must be between 0 and %1.").arg(error.context);
    case ErrorCode::PeriodClosed:
        return error.context.isEmpty() ? tr("This period is closed: its marks can no longer change.")
                                       : tr("%1 is closed: its marks can no longer change.").arg(error.context);
    case ErrorCode::MissingField:
        return tr("A required field is empty.");
    case ErrorCode::FieldTooLong:
        return tr("The text is too long.");
    case ErrorCode::FieldOutOfRange:
        return tr("A value is out of its allowed range.");
    case ErrorCode::InvalidFormat:
    case ErrorCode::InvalidField:
        return tr("A value does not have the expected form.");
    case ErrorCode::InconsistentFields:
        if (error.context == u"homework.due_after_assigned"_s)
            return tr("The due date cannot be before the day the homework is given.");
        return tr("Some values contradict each other.");
    case ErrorCode::NotFound:
        return tr("This item no longer exists: another person may have deleted it.");
    case ErrorCode::DuplicateKey:
        return tr("This already exists: another person entered the same item first.");
    case ErrorCode::DatabaseError:
        return tr("The change could not be written on this computer. Check the free disk space, then try again.");
    case ErrorCode::Forbidden:
        return refusal(error);
    default:
        break;
    }
    return tr("The change could not be saved.");
}

QString ErrorMessages::refusal(const Core::Error &error)
{
    const QString &reason = error.context;
    if (reason == u"message_recipient.not_thread_author"_s)
        return tr("Only the author of a conversation may add recipients to it.");
    if (reason == u"message_recipient.author_not_self"_s)
        return tr("Only the person who started a conversation can be its author.");
    if (reason == u"message_recipient.not_in_establishment"_s)
        return tr("This person is not part of this school.");
    if (reason == u"message_recipient.student_may_not_write"_s)
        return tr("As a student, you may write only to your teachers, to the vie scolaire and to the delegates of "
                  "your class.");
    if (reason == u"message_recipient.guardian_may_not_write"_s)
        return tr("As a parent, you may write only to the school’s staff.");
    if (reason == u"message_recipient.guardian_without_responsibility"_s)
        return tr("Only a parent with legal responsibility for a student of this school may write to its staff.");
    if (reason == u"message_recipient.teacher_may_not_write"_s)
        return tr("You may write only to the school’s staff, to your students and to their parents.");
    if (reason == u"message_recipient.broadcast_not_allowed"_s)
        return tr("Writing to a whole class, or to this many students and parents at once, is reserved to the roles "
                  "that the head of this school has chosen.");
    if (reason == u"establishment.only_broadcast_roles"_s)
        return tr("Of the school’s settings, only who may write to whole classes can be changed here.");
    if (reason == u"class_membership.delegate_only"_s)
        return tr("The vie scolaire may only name or remove the delegates of a class.");
    return tr("You are not allowed to make this change.");
}

QString ErrorMessages::syncFailure(const Core::Error &error)
{
    switch (error.code) {
    case ErrorCode::ServerUnreachable:
    case ErrorCode::NetworkError:
        return tr("The server cannot be reached. Your changes are kept and will be sent later.");
    case ErrorCode::SessionExpired:
    case ErrorCode::Unauthenticated:
    case ErrorCode::NotSignedIn:
        return tr("Your session has expired. Sign in again to send your changes.");
    case ErrorCode::Internal:
        if (error.context == u"cancelled"_s)
            return tr("Synchronisation cancelled. It will resume where it stopped.");
        break;
    case ErrorCode::DatabaseError:
        return tr("The data on this computer could not be updated. Check the free disk space.");
    default:
        break;
    }
    return tr("Synchronisation failed. It will be tried again shortly.");
}

QString ErrorMessages::fileFailure(const Core::Error &error)
{
    switch (error.code) {
    case ErrorCode::QuotaExceeded:
        if (error.context == u"establishment"_s)
            return tr("The school’s storage space is full. Ask its administration to free some space.");
        return tr("Your storage space is full. Remove files you no longer need, then try again.");
    case ErrorCode::FileTypeRefused:
        return tr("This type of file is not accepted. Send documents (PDF, office files), pictures, sound, video, "
                  "ZIP archives or plain text.");
    case ErrorCode::HashMismatch:
        return tr("The file was damaged on its way. It will be sent again.");
    case ErrorCode::UploadOffsetMismatch:
        return tr("The server and this computer disagreed on how much was sent. Sending resumes where the server "
                  "stands.");
    case ErrorCode::RangeNotSatisfiable:
        return tr("The server no longer has this part of the file. Download it again.");
    case ErrorCode::BlobPending:
        return tr("The person who added this file has not finished sending it. Try again later.");
    case ErrorCode::PayloadTooLarge:
        return tr("The file is larger than the school accepts.");
    case ErrorCode::NotFound:
        return tr("The file is not available on the server, or you may no longer read it.");
    case ErrorCode::ServerUnreachable:
    case ErrorCode::NetworkError:
        return tr("The server cannot be reached. The file will be sent or fetched when the connection is back.");
    case ErrorCode::SessionExpired:
    case ErrorCode::Unauthenticated:
    case ErrorCode::NotSignedIn:
        return tr("Your session has expired. Sign in again.");
    case ErrorCode::Forbidden:
        return tr("You are not allowed to send or read this file.");
    case ErrorCode::DatabaseError:
        return tr("The file could not be written on this computer. Check the free disk space, then try again.");
    case ErrorCode::Internal:
        if (error.context == u"cancelled"_s)
            return tr("Download cancelled.");
        break;
    default:
        break;
    }
    return tr("The file could not be transferred. It will be tried again later.");
}

} // namespace Cartable::Gui
