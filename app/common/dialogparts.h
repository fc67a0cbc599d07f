#pragma once

#include <QString>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QWidget;

namespace Cartable::Gui {

// Pieces the sign-in dialogs share, so that they look and read alike.

// The top of a sign-in dialog: Cartable's icon, a large bold title and a
// wrapped introduction. The two labels are returned for their texts.
QHBoxLayout *createDialogHeader(QWidget *parent, QLabel *&title, QLabel *&intro);
// A hidden label for error sentences: dark red, bold, selectable plain text.
QLabel *createErrorLabel(QWidget *parent, const QString &objectName);
// A hidden, thin, endless progress bar for "waiting for the server".
QProgressBar *createBusyBar(QWidget *parent);
// Shows a sentence in an error label and tells assistive technologies.
void showAlert(QLabel *label, const QString &sentence);
void clearAlert(QLabel *label);

} // namespace Cartable::Gui
