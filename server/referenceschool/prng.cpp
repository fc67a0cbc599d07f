#include "prng.h"

namespace Cartable::Server {

namespace {

std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

constexpr char kHexDigits[] = "0123456789abcdef";

} // namespace

Prng::Prng(std::uint64_t seed)
{
    std::uint64_t state = seed;
    for (std::uint64_t &word : m_state)
        word = splitmix64(state);
}

std::uint64_t Prng::next()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

std::uint64_t Prng::below(std::uint64_t bound)
{
    if (bound <= 1)
        return 0;
    // Rejects the few values past the last whole multiple of bound.
    const std::uint64_t limit = std::uint64_t(0) - (std::uint64_t(0) - bound) % bound;
    for (;;) {
        const std::uint64_t value = next();
        if (limit == 0 || value < limit)
            return value % bound;
    }
}

qint64 Prng::range(qint64 minimum, qint64 maximum)
{
    if (maximum <= minimum)
        return minimum;
    return minimum + qint64(below(std::uint64_t(maximum - minimum) + 1));
}

double Prng::unit()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0);
}

double Prng::normal(double mean, double deviation)
{
    // The sum of four uniforms has mean 2 and variance 1/3.
    const double sum = unit() + unit() + unit() + unit();
    return mean + (sum - 2.0) * 1.7320508075688772 * deviation;
}

QString Prng::uuid()
{
    constexpr std::uint64_t kFirstSeptember2024 = 1725148800000ULL;
    const std::uint64_t stamp = kFirstSeptember2024 + m_made++;
    const std::uint64_t high = (stamp << 16) | (next() & 0x0fffULL) | 0x7000ULL;
    const std::uint64_t low = (next() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    char16_t text[36];
    int out = 0;
    auto put = [&](std::uint64_t word, int from, int to) {
        for (int nibble = from; nibble < to; ++nibble)
            text[out++] = char16_t(kHexDigits[(word >> (60 - 4 * nibble)) & 0xf]);
    };
    put(high, 0, 8);
    text[out++] = u'-';
    put(high, 8, 12);
    text[out++] = u'-';
    put(high, 12, 16);
    text[out++] = u'-';
    put(low, 0, 4);
    text[out++] = u'-';
    put(low, 4, 16);
    return QString(reinterpret_cast<const QChar *>(text), 36);
}

QString Prng::hex(int digits)
{
    QString text;
    text.reserve(digits);
    std::uint64_t word = 0;
    for (int i = 0; i < digits; ++i) {
        if (i % 16 == 0)
            word = next();
        text.append(QChar(char16_t(kHexDigits[(word >> (4 * (i % 16))) & 0xf])));
    }
    return text;
}

} // namespace Cartable::Server
