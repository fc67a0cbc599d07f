#include "filetext.h"

#include "app/common/errormessages.h"

#include <QLocale>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;
using Kind = Workspace::FileState::Kind;

QString FileText::size(qint64 bytes)
{
    // Powers of 1024 with the short units people know (Mo, not Mio).
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString FileText::typeName(const QString &mimeType)
{
    const QString type = mimeType.section(u';', 0, 0).trimmed();
    if (type == u"application/pdf"_s)
        return tr("PDF document");
    if (type.startsWith(u"application/vnd.oasis.opendocument.text"_s) || type == u"application/msword"_s
        || type == u"application/rtf"_s || type.startsWith(u"application/vnd.openxmlformats-officedocument.word"_s))
        return tr("Text document");
    if (type.startsWith(u"application/vnd.oasis.opendocument.spreadsheet"_s) || type == u"application/vnd.ms-excel"_s
        || type.startsWith(u"application/vnd.openxmlformats-officedocument.spreadsheet"_s))
        return tr("Spreadsheet");
    if (type.startsWith(u"application/vnd.oasis.opendocument.presentation"_s)
        || type == u"application/vnd.ms-powerpoint"_s
        || type.startsWith(u"application/vnd.openxmlformats-officedocument.presentation"_s))
        return tr("Presentation");
    if (type == u"application/epub+zip"_s)
        return tr("E-book");
    if (type == u"application/zip"_s)
        return tr("ZIP archive");
    if (type == u"text/csv"_s)
        return tr("Table (CSV)");
    if (type.startsWith(u"text/"_s))
        return tr("Plain text");
    if (type.startsWith(u"image/"_s))
        return tr("Picture");
    if (type.startsWith(u"audio/"_s))
        return tr("Sound");
    if (type.startsWith(u"video/"_s))
        return tr("Video");
    return tr("File");
}

QString FileText::state(const Workspace::FileState &state)
{
    switch (state.kind) {
    case Kind::Here:
        return tr("On this computer");
    case Kind::NotDownloaded:
        return tr("Not downloaded");
    case Kind::Downloading:
        return tr("Downloading: %1 of %2").arg(size(state.done), size(state.total));
    case Kind::WaitingToSend:
        return tr("Waiting to be sent");
    case Kind::Sending:
        return tr("Sending: %1 of %2").arg(size(state.done), size(state.total));
    case Kind::SendFailed:
        return state.error ? tr("Could not be sent: %1").arg(ErrorMessages::fileFailure(*state.error))
                           : tr("Could not be sent");
    }
    return {};
}

} // namespace Cartable::Gui
