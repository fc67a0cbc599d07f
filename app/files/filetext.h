#pragma once

#include "workspace/files/filestates.h"

#include <QCoreApplication>
#include <QString>

namespace Cartable::Gui {

// How files read on screen: their size in the user's units (« 1,4 Mo »),
// their type for people, and where they stand.
class FileText
{
    Q_DECLARE_TR_FUNCTIONS(Cartable::Gui::FileText)

public:
    static QString size(qint64 bytes);
    // "PDF document", "Picture", from the type detected on the bytes.
    static QString typeName(const QString &mimeType);
    // "On this computer", "Downloading: 1,2 Mo of 3,4 Mo", "Could not be
    // sent: …".
    static QString state(const Workspace::FileState &state);
};

} // namespace Cartable::Gui
