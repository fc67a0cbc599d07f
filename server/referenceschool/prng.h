#pragma once

#include <QList>
#include <QString>

#include <cstdint>

namespace Cartable::Server {

// xoshiro256** seeded through splitmix64: the same numbers on every compiler
// and platform, which std:: distributions do not promise.
class Prng
{
public:
    explicit Prng(std::uint64_t seed);

    std::uint64_t next();
    // 0 <= value < bound (bound > 0), without modulo bias.
    std::uint64_t below(std::uint64_t bound);
    // minimum <= value <= maximum.
    qint64 range(qint64 minimum, qint64 maximum);
    // In [0, 1), from the top 53 bits: exact in IEEE doubles.
    double unit();
    bool chance(double probability) { return unit() < probability; }
    // About normal, from the sum of four uniforms (Irwin-Hall), clamped to
    // four standard deviations.
    double normal(double mean, double deviation);
    // A version 7 UUID in canonical lower-case form, as Core::newId()
    // makes: its time is 1 September 2024 plus one millisecond for each id
    // made before, so the school's ids sort in the order they were made.
    QString uuid();
    // 64 lower-case hexadecimal digits.
    QString hex(int digits);

    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(qsizetype(below(std::uint64_t(list.size()))));
    }
    template<typename T>
    void shuffle(QList<T> &list)
    {
        for (qsizetype i = list.size() - 1; i > 0; --i)
            list.swapItemsAt(i, qsizetype(below(std::uint64_t(i) + 1)));
    }

private:
    std::uint64_t m_state[4];
    std::uint64_t m_made = 0;
};

} // namespace Cartable::Server
