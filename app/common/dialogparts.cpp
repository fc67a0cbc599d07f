#include "dialogparts.h"

#include <QAccessible>
#include <QLabel>
#include <QProgressBar>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

QLabel *createErrorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Never colour alone: the sentence says what is wrong, bold makes it stand out.
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xa4, 0x1e, 0x1e));
    label->setPalette(palette);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->hide();
    return label;
}

QProgressBar *createBusyBar(QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setObjectName(u"busyIndicator"_s);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(8);
    bar->hide();
    return bar;
}

void showAlert(QLabel *label, const QString &sentence)
{
    label->setText(sentence);
    label->show();
    QAccessibleEvent alert(label, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void clearAlert(QLabel *label)
{
    label->clear();
    label->hide();
}

} // namespace Cartable::Gui
