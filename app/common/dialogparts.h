#pragma once

#include <QString>

class QLabel;
class QProgressBar;
class QWidget;

namespace Cartable::Gui {

// Pieces the sign-in dialogs share, so that they look and read alike.

// A hidden label for error sentences: dark red, bold, selectable plain text.
QLabel *createErrorLabel(QWidget *parent, const QString &objectName);
// A hidden, thin, endless progress bar for "waiting for the server".
QProgressBar *createBusyBar(QWidget *parent);
// Shows a sentence in an error label and tells assistive technologies.
void showAlert(QLabel *label, const QString &sentence);
void clearAlert(QLabel *label);

} // namespace Cartable::Gui
