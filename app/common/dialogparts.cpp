#include "dialogparts.h"

#include <QAccessible>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

QHBoxLayout *createDialogHeader(QWidget *parent, QLabel *&title, QLabel *&intro)
{
    auto *icon = new QLabel(parent);
    icon->setPixmap(QIcon(u":/icons/cartable-64.png"_s).pixmap(56, 56));
    icon->setAlignment(Qt::AlignTop);

    title = new QLabel(parent);
    title->setObjectName(u"titleLabel"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    intro = new QLabel(parent);
    intro->setObjectName(u"introLabel"_s);
    intro->setWordWrap(true);

    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(icon);
    auto *headerText = new QVBoxLayout;
    headerText->setSpacing(4);
    headerText->addWidget(title);
    headerText->addWidget(intro);
    header->addLayout(headerText, 1);
    return header;
}

DialogFrame buildDialogFrame(QDialog *dialog, QLayout *header, QLayout *form, const QString &errorObjectName)
{
    DialogFrame frame;
    frame.error = createErrorLabel(dialog, errorObjectName);
    frame.status = new QLabel(dialog);
    frame.status->setObjectName(u"statusLabel"_s);
    frame.status->hide();
    frame.busy = createBusyBar(dialog);
    frame.buttons = new QDialogButtonBox(dialog);

    auto *layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(24, 24, 24, 20);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addWidget(frame.error);
    layout->addWidget(frame.status);
    layout->addWidget(frame.busy);
    layout->addStretch(1);
    layout->addWidget(frame.buttons);
    return frame;
}

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
