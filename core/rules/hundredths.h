#pragma once

#include "core/result.h"

#include <QLocale>
#include <QString>

#include <compare>

namespace Cartable::Core {

// An exact decimal number with two places, stored as a whole number of
// hundredths. Marks, coefficients and averages use it so that 15,5 stays
// 15,5 on every machine: no binary floating point, no drift between the
// client and the server.
class Hundredths
{
public:
    enum class Decimals {
        Trimmed, // 15 / 15,5 / 15,25: how a mark or a coefficient is written
        Fixed,   // 15,00 / 15,50 / 15,25: how an average appears on a report card
    };

    constexpr Hundredths() = default;
    static constexpr Hundredths fromRaw(qint64 hundredths) { return Hundredths(hundredths); }
    static constexpr Hundredths fromWhole(qint64 whole) { return Hundredths(whole * 100); }

    // The nearest hundredth to numeratorInHundredths / denominator, halves
    // rounded away from zero (12,345 → 12,35 and -12,345 → -12,35). Exact for
    // every qint64 input; the denominator must not be zero.
    static Hundredths roundedQuotient(qint64 numeratorInHundredths, qint64 denominator);

    // Reads "15", "15,5", "15.5", "-2,25": optional minus sign, ASCII digits,
    // a comma or a dot and at most two significant decimals ("15,50" is
    // fine, "15,555" is not). Surrounding white space is ignored. Errors are
    // InvalidField with context "syntax" or "decimals".
    static Result<Hundredths> parse(const QString &text);

    constexpr qint64 raw() const { return m_raw; }
    double toDouble() const { return static_cast<double>(m_raw) / 100.0; }

    // Localised, without group separators: "15,5" in French, "15.5" in English.
    QString toString(const QLocale &locale, Decimals decimals = Decimals::Trimmed) const;
    // Locale-independent form for storage and the wire: "15.5", "-0.25", "20".
    QString toWire() const;

    friend constexpr auto operator<=>(Hundredths, Hundredths) = default;

private:
    constexpr explicit Hundredths(qint64 raw) : m_raw(raw) {}

    qint64 m_raw = 0;
};

} // namespace Cartable::Core
