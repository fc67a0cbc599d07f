#pragma once

#include "core/result.h"
#include "core/rules/hundredths.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace Cartable::Core {

// The weight of an evaluation in a subject average, or of a subject in a
// general average: from 0 to 100 with at most two decimals (0,5, 1, 2, 1,25).
// A coefficient of 0 keeps an evaluation in the grade book but out of every
// average.
class Coefficient
{
public:
    static constexpr qint64 kMaxHundredths = 100 * 100;

    // A coefficient of 1.
    constexpr Coefficient() = default;

    static std::optional<Coefficient> fromHundredths(qint64 hundredths);
    // Reads what a teacher types or what the wire carries ("1,25", "0.5", "2").
    // Errors are InvalidField with context "coefficient".
    static Result<Coefficient> parse(const QString &text);

    constexpr Hundredths value() const { return m_value; }
    constexpr qint64 hundredths() const { return m_value.raw(); }
    constexpr bool isZero() const { return m_value.raw() == 0; }
    double toDouble() const { return m_value.toDouble(); }

    QString toString(const QLocale &locale) const { return m_value.toString(locale); }
    QString toWire() const { return m_value.toWire(); }

    friend constexpr auto operator<=>(Coefficient, Coefficient) = default;

private:
    constexpr explicit Coefficient(Hundredths value) : m_value(value) {}

    Hundredths m_value = Hundredths::fromWhole(1);
};

} // namespace Cartable::Core
