#include "hundredths.h"

#include <QRegularExpression>

#include <limits>

namespace Cartable::Core {

namespace {

using namespace Qt::StringLiterals;

// 15 digits before the point keep every parsed value far inside qint64.
constexpr qsizetype kMaxWholeDigits = 15;

quint64 magnitude(qint64 value)
{
    return value < 0 ? quint64(0) - static_cast<quint64>(value) : static_cast<quint64>(value);
}

QLocale withoutGroupSeparator(const QLocale &locale)
{
    QLocale copy = locale;
    copy.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return copy;
}

} // namespace

Hundredths Hundredths::roundedQuotient(qint64 numeratorInHundredths, qint64 denominator)
{
    Q_ASSERT(denominator != 0);
    if (denominator == 0)
        return {};
    const bool negative = (numeratorInHundredths < 0) != (denominator < 0);
    const quint64 dividend = magnitude(numeratorInHundredths);
    const quint64 divisor = magnitude(denominator);
    quint64 quotient = dividend / divisor;
    const quint64 remainder = dividend % divisor;
    // remainder / divisor >= 1/2, written so that nothing can overflow.
    if (remainder >= divisor - remainder)
        ++quotient;
    constexpr auto largest = static_cast<quint64>(std::numeric_limits<qint64>::max());
    if (negative)
        return Hundredths(quotient > largest ? std::numeric_limits<qint64>::min() : -static_cast<qint64>(quotient));
    return Hundredths(static_cast<qint64>(quotient > largest ? largest : quotient));
}

Result<Hundredths> Hundredths::parse(const QString &text)
{
    static const QRegularExpression pattern(u"\\A(-?)([0-9]+)(?:[.,]([0-9]+))?\\z"_s);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return Error{ErrorCode::InvalidField, u"syntax"_s};

    QString whole = match.captured(2);
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    if (whole.size() > kMaxWholeDigits)
        return Error{ErrorCode::InvalidField, u"range"_s};

    QString fraction = match.captured(3);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    if (fraction.size() > 2)
        return Error{ErrorCode::InvalidField, u"decimals"_s};
    fraction = fraction.leftJustified(2, u'0');

    const qint64 raw = whole.toLongLong() * 100 + fraction.toLongLong();
    return Hundredths(match.captured(1).isEmpty() ? raw : -raw);
}

QString Hundredths::toString(const QLocale &locale, Decimals decimals) const
{
    const QLocale plain = withoutGroupSeparator(locale);
    const quint64 absolute = magnitude(m_raw);
    const quint64 tenths = absolute % 100 / 10;
    const quint64 units = absolute % 10;

    QString text = plain.toString(absolute / 100);
    if (decimals == Decimals::Fixed || tenths != 0 || units != 0) {
        text += plain.decimalPoint() + plain.toString(tenths);
        if (decimals == Decimals::Fixed || units != 0)
            text += plain.toString(units);
    }
    return m_raw < 0 ? plain.negativeSign() + text : text;
}

QString Hundredths::toWire() const
{
    return toString(QLocale::c());
}

} // namespace Cartable::Core
