#pragma once

#include "core/result.h"

#include <QCoreApplication>

namespace Cartable::Gui {

// The sentence for a file that could not be attached.
class AttachmentMessages
{
    Q_DECLARE_TR_FUNCTIONS(Cartable::Gui::AttachmentMessages)

public:
    static QString failure(const Core::Error &error, const QString &fileName);
};

} // namespace Cartable::Gui
