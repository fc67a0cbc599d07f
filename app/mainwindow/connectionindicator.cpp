#include "connectionindicator.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Cartable::Gui {

using namespace Qt::StringLiterals;

namespace {

// A disc with a glyph of its own per state: a tick, a cross or an ellipsis,
// so that the state reads without telling colours apart.
QPixmap stateIcon(ConnectionIndicator::State state, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF disc(0.5, 0.5, size - 1.0, size - 1.0);
    const qreal s = size;

    QColor fill;
    switch (state) {
    case ConnectionIndicator::State::Online:
        fill = QColor(0x1b, 0x7a, 0x3d);
        break;
    case ConnectionIndicator::State::Offline:
        fill = QColor(0xb3, 0x26, 0x1e);
        break;
    case ConnectionIndicator::State::Unknown:
        fill = QColor(0x6b, 0x6b, 0x6b);
        break;
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(disc);

    QPen pen(Qt::white, s * 0.14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (state) {
    case ConnectionIndicator::State::Online: {
        QPainterPath tick;
        tick.moveTo(s * 0.28, s * 0.52);
        tick.lineTo(s * 0.44, s * 0.68);
        tick.lineTo(s * 0.72, s * 0.36);
        painter.drawPath(tick);
        break;
    }
    case ConnectionIndicator::State::Offline:
        painter.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        painter.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    case ConnectionIndicator::State::Unknown:
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        for (const qreal x : {0.28, 0.5, 0.72})
            painter.drawEllipse(QPointF(s * x, s * 0.5), s * 0.08, s * 0.08);
        break;
    }
    return pixmap;
}

} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"connectionIndicator"_s);
    m_iconLabel = new QLabel(this);
    m_iconLabel->setObjectName(u"connectionIcon"_s);
    m_textLabel = new QLabel(this);
    m_textLabel->setObjectName(u"connectionText"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_iconLabel);
    layout->addWidget(m_textLabel);
    updateUi();
}

QString ConnectionIndicator::text() const
{
    return m_textLabel->text();
}

void ConnectionIndicator::setUnknown()
{
    m_state = State::Unknown;
    m_lastCheck = {};
    updateUi();
}

void ConnectionIndicator::setChecked(bool online, const QDateTime &when)
{
    m_state = online ? State::Online : State::Offline;
    m_lastCheck = when;
    updateUi();
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange)
        updateUi();
    QWidget::changeEvent(event);
}

void ConnectionIndicator::updateUi()
{
    const QString time = locale().toString(m_lastCheck.time(), QLocale::ShortFormat);
    QString text;
    QString description;
    switch (m_state) {
    case State::Online:
        text = tr("Online");
        description = tr("The server answered at %1.").arg(time);
        break;
    case State::Offline:
        text = tr("Offline");
        description = tr("The server did not answer at %1. Cartable keeps trying.").arg(time);
        break;
    case State::Unknown:
        text = tr("Checking the connection…");
        description = tr("Cartable is asking the server whether it answers.");
        break;
    }
    const int size = fontMetrics().height();
    m_iconLabel->setPixmap(stateIcon(m_state, size, devicePixelRatioF()));
    m_textLabel->setText(text);
    const QString name = tr("Connection to the server: %1").arg(text);
    setAccessibleName(name);
    setAccessibleDescription(description);
    m_textLabel->setAccessibleName(name);
    m_textLabel->setAccessibleDescription(description);
    setToolTip(description);
}

} // namespace Cartable::Gui
