#include "hlc.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

QString HlcTimestamp::toWire() const
{
    return QString::number(millis) + u'-' + QString::number(counter);
}

std::optional<HlcTimestamp> HlcTimestamp::fromWire(const QString &text)
{
    static const QRegularExpression pattern(u"^(0|[1-9][0-9]{0,15})-(0|[1-9][0-9]{0,4})$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    HlcTimestamp stamp;
    stamp.millis = match.captured(1).toLongLong();
    stamp.counter = match.captured(2).toInt();
    if (stamp.counter > kMaxCounter)
        return std::nullopt;
    return stamp;
}

HybridClock::HybridClock(WallClock wallClock) : m_wallClock(std::move(wallClock))
{
    if (!m_wallClock)
        m_wallClock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

HlcTimestamp HybridClock::now()
{
    const qint64 wall = m_wallClock();
    if (wall > m_last.millis) {
        m_last = {wall, 0};
    } else if (m_last.counter < HlcTimestamp::kMaxCounter) {
        ++m_last.counter;
    } else {
        // The counter is spent within one millisecond: borrow the next one.
        m_last = {m_last.millis + 1, 0};
    }
    return m_last;
}

void HybridClock::observe(const HlcTimestamp &remote)
{
    if (remote > m_last)
        m_last = remote;
}

void HybridClock::restore(const HlcTimestamp &last)
{
    observe(last);
}

HlcTimestamp clampToServer(const HlcTimestamp &remote, qint64 serverMillis, qint64 maxAheadMillis)
{
    const qint64 bound = serverMillis + maxAheadMillis;
    if (remote.millis <= bound)
        return remote;
    return {bound, remote.counter};
}

} // namespace Cartable::Core
