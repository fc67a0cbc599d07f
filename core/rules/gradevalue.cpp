#include "gradevalue.h"

#include <array>
#include <utility>

namespace Cartable::Core {

namespace {

using namespace Qt::StringLiterals;

constexpr std::array kCodes{
    std::pair{GradeMarker::Absent, "absent"},
    std::pair{GradeMarker::Dispensed, "dispensed"},
    std::pair{GradeMarker::NotGraded, "not_graded"},
    std::pair{GradeMarker::NotSubmitted, "not_submitted"},
};

// What teachers type, lower-cased, besides the wire codes. French grade books
// use ABS, DISP, NN and NR; "dispense" is "dispensé" typed without its accent.
std::optional<GradeMarker> markerFromTypedText(const QString &lowered)
{
    static const std::array aliases{
        std::pair{GradeMarker::Absent, u"abs"_s},         std::pair{GradeMarker::Dispensed, u"disp"_s},
        std::pair{GradeMarker::Dispensed, u"dispense"_s}, std::pair{GradeMarker::Dispensed, u"dispensé"_s},
        std::pair{GradeMarker::NotGraded, u"nn"_s},       std::pair{GradeMarker::NotSubmitted, u"nr"_s},
    };
    for (const auto &[marker, alias] : aliases) {
        if (lowered == alias)
            return marker;
    }
    return gradeMarkerFromCode(lowered);
}

Error outOfRange(int scale)
{
    return Error{ErrorCode::GradeOutOfRange, QString::number(scale)};
}

} // namespace

QString gradeMarkerCode(GradeMarker marker)
{
    for (const auto &[value, code] : kCodes) {
        if (value == marker)
            return QString::fromLatin1(code);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<GradeMarker> gradeMarkerFromCode(const QString &code)
{
    for (const auto &[value, text] : kCodes) {
        if (code == QLatin1StringView(text))
            return value;
    }
    return std::nullopt;
}

GradeValue GradeValue::fromMarker(GradeMarker marker)
{
    GradeValue value;
    value.m_kind = Kind::Marker;
    value.m_marker = marker;
    return value;
}

Result<GradeValue> GradeValue::fromMark(Hundredths mark, int scale)
{
    if (!isValidScale(scale))
        return Error{ErrorCode::InvalidField, u"scale"_s};
    if (mark < Hundredths() || mark > Hundredths::fromWhole(scale))
        return outOfRange(scale);
    GradeValue value;
    value.m_kind = Kind::Mark;
    value.m_mark = mark;
    return value;
}

Result<GradeValue> GradeValue::parse(const QString &text, int scale)
{
    if (!isValidScale(scale))
        return Error{ErrorCode::InvalidField, u"scale"_s};
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return GradeValue();
    // NFC so that an "é" typed as "e" + combining accent matches too.
    if (const auto marker = markerFromTypedText(trimmed.normalized(QString::NormalizationForm_C).toLower()))
        return fromMarker(*marker);

    const Result<Hundredths> number = Hundredths::parse(trimmed);
    if (!number.ok()) {
        if (number.error().context == u"range")
            return outOfRange(scale);
        return Error{ErrorCode::InvalidGrade, number.error().context};
    }
    return fromMark(*number, scale);
}

std::optional<GradeMarker> GradeValue::marker() const
{
    if (m_kind != Kind::Marker)
        return std::nullopt;
    return m_marker;
}

QString GradeValue::toWire() const
{
    switch (m_kind) {
    case Kind::Empty:
        return {};
    case Kind::Mark:
        return m_mark.toWire();
    case Kind::Marker:
        return gradeMarkerCode(m_marker);
    }
    Q_UNREACHABLE();
    return {};
}

QString GradeValue::toDisplayString(const QLocale &locale) const
{
    if (m_kind == Kind::Mark)
        return m_mark.toString(locale);
    return toWire();
}

} // namespace Cartable::Core
