#include "coefficient.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;

std::optional<Coefficient> Coefficient::fromHundredths(qint64 hundredths)
{
    if (hundredths < 0 || hundredths > kMaxHundredths)
        return std::nullopt;
    return Coefficient(Hundredths::fromRaw(hundredths));
}

Result<Coefficient> Coefficient::parse(const QString &text)
{
    const Result<Hundredths> number = Hundredths::parse(text);
    if (!number.ok())
        return Error{ErrorCode::InvalidField, u"coefficient"_s};
    const std::optional<Coefficient> coefficient = fromHundredths(number->raw());
    if (!coefficient)
        return Error{ErrorCode::InvalidField, u"coefficient"_s};
    return *coefficient;
}

} // namespace Cartable::Core
