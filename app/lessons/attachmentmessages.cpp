#include "attachmentmessages.h"

#include "app/common/errormessages.h"
#include "app/files/filetext.h"
#include "workspace/lessons/attachmentstore.h"

namespace Cartable::Gui {

using Core::ErrorCode;

QString AttachmentMessages::failure(const Core::Error &error, const QString &fileName)
{
    switch (error.code) {
    case ErrorCode::PayloadTooLarge:
        return tr("%1 is too large: a file can have at most %2.")
            .arg(fileName, FileText::size(Workspace::AttachmentStore::kMaxBytes));
    case ErrorCode::FileTypeRefused:
        return tr("%1 is not of a type the school accepts (documents, pictures, sound, video, ZIP archives, plain "
                  "text); programs and web pages are refused.")
            .arg(fileName);
    case ErrorCode::NotFound:
        return tr("%1 cannot be read: check that it still exists and that you may open it.").arg(fileName);
    case ErrorCode::MissingField:
        return tr("%1 is empty: there is nothing to attach.").arg(fileName);
    case ErrorCode::DatabaseError:
        return tr("%1 could not be copied on this computer. Check the free disk space, then try again.").arg(fileName);
    default:
        return ErrorMessages::saveFailure(error);
    }
}

} // namespace Cartable::Gui
