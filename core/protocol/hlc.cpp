#include "hlc.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

QString HlcTimestamp::toWire() const
{
    return QString::number(millis) + u'-' + QString::number(counter);
}

namespace {

// A number of 1 to `maxDigits` digits without a leading zero (but "0"),
// from `at`, which moves past it.
std::optional<qint64> readNumber(QStringView text, qsizetype &at, int maxDigits)
{
    const qsizetype start = at;
    qint64 value = 0;
    while (at < text.size() && at - start < maxDigits && text.at(at) >= u'0' && text.at(at) <= u'9')
        value = value * 10 + (text.at(at++).unicode() - u'0');
    const qsizetype digits = at - start;
    if (digits == 0 || (digits > 1 && text.at(start) == u'0'))
        return std::nullopt;
    return value;
}

} // namespace

std::optional<HlcTimestamp> HlcTimestamp::fromWire(const QString &text)
{
    // milliseconds-counter: up to 16 and 5 digits (read on every push and
    // every stored stamp, so by hand rather than with a pattern).
    qsizetype at = 0;
    const std::optional<qint64> millis = readNumber(text, at, 16);
    if (!millis || at >= text.size() || text.at(at) != u'-')
        return std::nullopt;
    ++at;
    const std::optional<qint64> counter = readNumber(text, at, 5);
    if (!counter || at != text.size() || *counter > kMaxCounter)
        return std::nullopt;
    return HlcTimestamp{*millis, int(*counter)};
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
