#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Cartable::Workspace {
class DocumentSpace;
}

namespace Cartable::Gui {

// Who a document is shared with, and sharing it with someone else of the
// establishment: a member of staff or, for a teacher, a student of his
// classes. Each share or removal is written at once.
class ShareDialog : public QDialog
{
    Q_OBJECT

public:
    ShareDialog(Workspace::DocumentSpace &space, const QString &documentId, QWidget *parent);

    void shareWithSelected();
    void removeSelectedShare();

private:
    void refresh();
    void filterPeople(const QString &text);
    void updateButtons();

    Workspace::DocumentSpace &m_space;
    QString m_documentId;
    QListWidget *m_shares = nullptr;
    QPushButton *m_removeShare = nullptr;
    QLineEdit *m_filter = nullptr;
    QListWidget *m_people = nullptr;
    QCheckBox *m_mayChange = nullptr;
    QPushButton *m_shareButton = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Cartable::Gui
