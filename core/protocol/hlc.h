#pragma once

#include <QString>

#include <compare>
#include <functional>
#include <optional>

namespace Cartable::Core {

// A hybrid logical clock reading: wall-clock milliseconds and a counter that
// orders events within one millisecond or under a clock that went back. Two
// readings compare by time, then counter; ties between machines are broken
// by the writer's client id, which travels beside the reading.
struct HlcTimestamp
{
    qint64 millis = 0;
    int counter = 0;

    static constexpr int kMaxCounter = 0xffff;

    bool isNull() const { return millis == 0 && counter == 0; }
    // "1725260400000-3": ASCII digits, locale-independent.
    QString toWire() const;
    // Refuses anything that toWire() would not write, negative times and
    // counters past kMaxCounter.
    static std::optional<HlcTimestamp> fromWire(const QString &text);

    friend auto operator<=>(const HlcTimestamp &, const HlcTimestamp &) = default;
};

// Makes readings that never go backwards, even when the wall clock does,
// and that come after every reading seen from elsewhere.
class HybridClock
{
public:
    using WallClock = std::function<qint64()>;

    // `wallClock` gives milliseconds since the epoch; the system clock when
    // empty.
    explicit HybridClock(WallClock wallClock = {});

    // A reading for a local event, later than every earlier one.
    HlcTimestamp now();
    // Takes in a reading from another machine, so that the next now() is
    // after it.
    void observe(const HlcTimestamp &remote);
    HlcTimestamp last() const { return m_last; }
    // Starts from a reading kept from an earlier run.
    void restore(const HlcTimestamp &last);

private:
    WallClock m_wallClock;
    HlcTimestamp m_last;
};

// What a server keeps of a client's reading: a client clock that runs ahead
// of the server's by more than `maxAheadMillis` is brought back to that
// bound, so a laptop set a year ahead cannot win every conflict.
HlcTimestamp clampToServer(const HlcTimestamp &remote, qint64 serverMillis, qint64 maxAheadMillis);

} // namespace Cartable::Core
