#include "identitycard.h"

#include "app/common/rolenames.h"
#include "roleassignmentmodel.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QTableView>
#include <QVBoxLayout>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

QLabel *makeHeading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

QLabel *makeValue(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QString initials(const QString &displayName)
{
    QString result;
    const QStringList words = displayName.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (result.size() < 2)
            result.append(word.at(0).toUpper());
    }
    return result;
}

} // namespace

IdentityCard::IdentityCard(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"identityCard"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_roleModel = new RoleAssignmentModel(this);
    buildUi();
    retranslateUi();
}

void IdentityCard::buildUi()
{
    m_avatarLabel = new QLabel(this);
    m_avatarLabel->setObjectName(u"avatarLabel"_s);
    m_avatarLabel->setFixedSize(64, 64);

    m_displayNameLabel = makeValue(u"displayNameLabel"_s, this);
    QFont nameFont = m_displayNameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    m_displayNameLabel->setFont(nameFont);
    m_loginLabel = makeValue(u"loginLabel"_s, this);
    m_rolesLabel = makeValue(u"rolesLabel"_s, this);

    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_displayNameLabel);
    nameBox->addWidget(m_loginLabel);
    nameBox->addWidget(m_rolesLabel);
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(m_avatarLabel, 0, Qt::AlignTop);
    header->addLayout(nameBox, 1);

    m_rolesHeading = makeHeading(this);
    m_rolesView = new QTableView(this);
    m_rolesView->setObjectName(u"rolesView"_s);
    m_rolesView->setModel(m_roleModel);
    m_rolesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rolesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rolesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rolesView->setAlternatingRowColors(true);
    m_rolesView->setShowGrid(false);
    m_rolesView->setStyleSheet(u"QTableView::item { padding-left: 4px; padding-right: 16px; }"_s);
    m_rolesView->setWordWrap(false);
    m_rolesView->verticalHeader()->hide();
    m_rolesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_rolesView->verticalHeader()->setDefaultSectionSize(m_rolesView->fontMetrics().height() + 12);
    m_rolesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rolesView->horizontalHeader()->setSectionResizeMode(RoleAssignmentModel::EstablishmentColumn,
                                                          QHeaderView::Stretch);
    m_rolesView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_rolesView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rolesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rolesHeading->setBuddy(m_rolesView);

    m_establishmentHeading = makeHeading(this);
    m_establishmentLabel = makeValue(u"establishmentLabel"_s, this);

    m_connectionHeading = makeHeading(this);
    m_serverCaption = new QLabel(this);
    m_serverLabel = makeValue(u"serverLabel"_s, this);
    m_serverLabel->setWordWrap(false);
    m_lastCheckCaption = new QLabel(this);
    m_lastCheckLabel = makeValue(u"lastCheckLabel"_s, this);
    auto *facts = new QFormLayout;
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    facts->setLabelAlignment(Qt::AlignLeft);
    facts->addRow(m_serverCaption, m_serverLabel);
    facts->addRow(m_lastCheckCaption, m_lastCheckLabel);

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(u"hintLabel"_s);
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addSpacing(12);
    layout->addWidget(m_rolesHeading);
    layout->addWidget(m_rolesView);
    layout->addSpacing(8);
    layout->addWidget(m_establishmentHeading);
    layout->addWidget(m_establishmentLabel);
    layout->addSpacing(8);
    layout->addWidget(m_connectionHeading);
    layout->addLayout(facts);
    layout->addSpacing(8);
    layout->addWidget(m_hintLabel);
}

void IdentityCard::setAccount(const Core::UserProfile &profile, const QUrl &server)
{
    m_profile = profile;
    m_server = server;
    m_lastCheck = {};
    m_roleModel->setAssignments(profile.assignments);
    fitRolesView();
    updateAvatar();
    retranslateUi();
}

void IdentityCard::setLastCheck(const QDateTime &when, bool online)
{
    m_lastCheck = when;
    m_lastCheckOnline = online;
    retranslateUi();
}

// The table shows every row: a person has few roles, and a second scroll
// area inside the page would only hide some.
void IdentityCard::fitRolesView()
{
    int height = m_rolesView->horizontalHeader()->sizeHint().height() + 2 * m_rolesView->frameWidth();
    for (int row = 0; row < m_roleModel->rowCount(); ++row)
        height += m_rolesView->rowHeight(row);
    m_rolesView->setFixedHeight(height);
}

void IdentityCard::updateAvatar()
{
    const qreal ratio = devicePixelRatioF();
    const QSize size = m_avatarLabel->size();
    QPixmap pixmap(size * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xb5, 0x58, 0x2a));
    painter.drawEllipse(QRectF(QPointF(0, 0), QSizeF(size)));
    QFont font = this->font();
    font.setBold(true);
    font.setPixelSize(size.height() * 2 / 5);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(QPointF(0, 0), QSizeF(size)), Qt::AlignCenter, initials(m_profile.displayName));
    painter.end();
    m_avatarLabel->setPixmap(pixmap);
}

void IdentityCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        m_roleModel->retranslate();
        retranslateUi();
        fitRolesView();
    }
    QFrame::changeEvent(event);
}

void IdentityCard::retranslateUi()
{
    const QLocale locale = this->locale();
    m_displayNameLabel->setText(m_profile.displayName);
    m_avatarLabel->setAccessibleName(m_profile.displayName);
    m_loginLabel->setText(tr("Login: %1").arg(m_profile.login));

    QStringList roleNames;
    for (const Core::Role role : m_profile.roles())
        roleNames.append(RoleNames::displayName(role));
    m_rolesLabel->setText(roleNames.isEmpty() ? tr("No role in any establishment yet.")
                                              : locale.createSeparatedList(roleNames));

    m_rolesHeading->setText(tr("&Roles in your establishments"));
    m_rolesView->setAccessibleName(tr("Roles in your establishments"));
    m_rolesView->setAccessibleDescription(tr("One row per role, with its establishment and its UAI."));

    QStringList establishments;
    for (const Core::Establishment &establishment : m_profile.establishments())
        establishments.append(tr("%1 (UAI %2)").arg(establishment.name, establishment.uai));
    m_establishmentHeading->setText(tr("Establishments"));
    m_establishmentLabel->setText(establishments.isEmpty() ? tr("None") : establishments.join(u'\n'));
    m_establishmentLabel->setAccessibleName(tr("Establishments"));

    m_connectionHeading->setText(tr("Connection"));
    m_serverCaption->setText(tr("Server:"));
    m_serverLabel->setText(m_server.toDisplayString());
    m_serverLabel->setAccessibleName(tr("Server"));
    m_lastCheckCaption->setText(tr("Last check:"));
    m_lastCheckLabel->setAccessibleName(tr("Last connection check"));
    if (!m_lastCheck.isValid()) {
        m_lastCheckLabel->setText(tr("Not yet: the check is under way."));
    } else {
        const QString when = tr("%1 at %2")
                                 .arg(locale.toString(m_lastCheck.date(), QLocale::LongFormat),
                                      locale.toString(m_lastCheck.time(), QLocale::ShortFormat));
        m_lastCheckLabel->setText(m_lastCheckOnline ? tr("%1, the server answered.").arg(when)
                                                    : tr("%1, the server did not answer.").arg(when));
    }
    m_hintLabel->setText(tr("On a computer that others use, choose Account › Sign out before you leave: "
                            "your session is then closed on the server and removed from this computer."));
}

} // namespace Cartable::Gui
