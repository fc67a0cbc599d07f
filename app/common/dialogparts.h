#pragma once

#include <QString>

class QDialog;
class QDialogButtonBox;
class QHBoxLayout;
class QLabel;
class QLayout;
class QProgressBar;
class QWidget;

namespace Cartable::Gui {

// Pieces the sign-in dialogs share, so that they look and read alike.

// The top of a sign-in dialog: Cartable's icon, a large bold title and a
// wrapped introduction. The two labels are returned for their texts.
QHBoxLayout *createDialogHeader(QWidget *parent, QLabel *&title, QLabel *&intro);
// What sits under a sign-in dialog's form: the error sentence, a status line
// with a busy bar while the server is asked, and the buttons (for the dialog
// to add).
struct DialogFrame
{
    QLabel *error = nullptr;
    QLabel *status = nullptr;
    QProgressBar *busy = nullptr;
    QDialogButtonBox *buttons = nullptr;
};

// Lays out header, form and frame in `dialog`; the error label is named
// `errorObjectName` for tests and assistive technologies.
DialogFrame buildDialogFrame(QDialog *dialog, QLayout *header, QLayout *form, const QString &errorObjectName);
// A hidden label for error sentences: dark red, bold, selectable plain text.
QLabel *createErrorLabel(QWidget *parent, const QString &objectName);
// A hidden, thin, endless progress bar for "waiting for the server".
QProgressBar *createBusyBar(QWidget *parent);
// Shows a sentence in an error label and tells assistive technologies.
void showAlert(QLabel *label, const QString &sentence);
void clearAlert(QLabel *label);

} // namespace Cartable::Gui
