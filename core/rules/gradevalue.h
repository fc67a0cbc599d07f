#pragma once

#include "core/result.h"
#include "core/rules/hundredths.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace Cartable::Core {

// What a teacher writes instead of a mark. None of them counts in an average.
enum class GradeMarker {
    Absent,       // ABS
    Dispensed,    // DISP, dispensé
    NotGraded,    // NN, non noté
    NotSubmitted, // NR, non rendu
};

// Stable wire code of a marker ("absent", "dispensed", "not_graded",
// "not_submitted"). The UI turns it into a translated short label.
QString gradeMarkerCode(GradeMarker marker);
std::optional<GradeMarker> gradeMarkerFromCode(const QString &code);

// One cell of a grade book: empty, a mark between 0 and the evaluation's scale
// with at most two decimals, or a marker. The scale belongs to the evaluation,
// not to the value, so it is passed in wherever a mark is checked.
class GradeValue
{
public:
    static constexpr int kMinScale = 1;
    static constexpr int kMaxScale = 1000;

    // No grade yet.
    GradeValue() = default;
    static GradeValue fromMarker(GradeMarker marker);
    // GradeOutOfRange (context: the scale) when the mark is below 0 or above
    // the scale; InvalidField (context "scale") when the scale is not 1..1000.
    static Result<GradeValue> fromMark(Hundredths mark, int scale);

    // Reads what a teacher types: "15,5", "15.5", " 15.5 ", "abs", "DISP",
    // "dispensé", "nn", "nr", or a wire form from toWire(). Blank text is an
    // empty grade. Errors: InvalidGrade (context "syntax" or "decimals"),
    // GradeOutOfRange (context: the scale), InvalidField (context "scale").
    static Result<GradeValue> parse(const QString &text, int scale);

    static bool isValidScale(int scale) { return scale >= kMinScale && scale <= kMaxScale; }

    bool isEmpty() const { return m_kind == Kind::Empty; }
    bool isMark() const { return m_kind == Kind::Mark; }
    bool isMarker() const { return m_kind == Kind::Marker; }

    // Zero unless isMark().
    Hundredths mark() const { return m_mark; }
    double markValue() const { return m_mark.toDouble(); }
    std::optional<GradeMarker> marker() const;

    // "15.5", "0", a marker code, or an empty string.
    QString toWire() const;
    // "15,5" in French, "15.5" in English; a marker gives its code, for the
    // UI to translate; an empty grade gives an empty string.
    QString toDisplayString(const QLocale &locale) const;

    friend bool operator==(const GradeValue &, const GradeValue &) = default;

private:
    enum class Kind { Empty, Mark, Marker };

    Kind m_kind = Kind::Empty;
    Hundredths m_mark;
    GradeMarker m_marker = GradeMarker::Absent;
};

} // namespace Cartable::Core
