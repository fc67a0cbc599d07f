#include "core/rules/gradevalue.h"

#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestGradeValue : public QObject
{
    Q_OBJECT

private:
    // A row whose text is read as a grade; `wire` is the canonical form of the
    // expected value ("15.5", a marker code, or empty for no grade).
    static void accepted(const char *name, const QString &text, int scale, const QString &wire)
    {
        QTest::newRow(name) << text << scale << true << wire << ErrorCode::Internal << QString();
    }

    static void rejected(const char *name, const QString &text, int scale, ErrorCode code, const QString &context)
    {
        QTest::newRow(name) << text << scale << false << QString() << code << context;
    }

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("scale");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("wire");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");

        accepted("decimal comma", u"15,5"_s, 20, u"15.5"_s);
        accepted("decimal point", u"15.5"_s, 20, u"15.5"_s);
        accepted("surrounding spaces", u" 15.5 "_s, 20, u"15.5"_s);
        accepted("tab and newline", u"\t15,5\n"_s, 20, u"15.5"_s);
        accepted("two decimals", u"12,75"_s, 20, u"12.75"_s);
        accepted("trailing zero", u"15,50"_s, 20, u"15.5"_s);
        accepted("trailing zeros beyond two", u"15,500"_s, 20, u"15.5"_s);
        accepted("full marks", u"20"_s, 20, u"20"_s);
        accepted("zero", u"0"_s, 20, u"0"_s);
        accepted("minus zero is zero", u"-0"_s, 20, u"0"_s);
        accepted("smallest mark", u"0,01"_s, 20, u"0.01"_s);
        accepted("out of ten", u"7"_s, 10, u"7"_s);
        accepted("full marks out of ten", u"10"_s, 10, u"10"_s);
        accepted("largest scale", u"1000"_s, 1000, u"1000"_s);
        accepted("scale of one", u"0,5"_s, 1, u"0.5"_s);
        rejected("above the scale", u"21"_s, 20, ErrorCode::GradeOutOfRange, u"20"_s);
        rejected("a hundredth above", u"20,01"_s, 20, ErrorCode::GradeOutOfRange, u"20"_s);
        rejected("above ten", u"11"_s, 10, ErrorCode::GradeOutOfRange, u"10"_s);
        rejected("negative", u"-1"_s, 20, ErrorCode::GradeOutOfRange, u"20"_s);
        rejected("negative half", u"-0,5"_s, 20, ErrorCode::GradeOutOfRange, u"20"_s);
        rejected("huge", u"99999999999999999999"_s, 20, ErrorCode::GradeOutOfRange, u"20"_s);
        rejected("three decimals", u"15,555"_s, 20, ErrorCode::InvalidGrade, u"decimals"_s);
        rejected("a thousandth", u"15,001"_s, 20, ErrorCode::InvalidGrade, u"decimals"_s);
        rejected("garbage", u"quinze"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);
        rejected("two separators", u"15,5,5"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);
        rejected("fraction typed", u"15/20"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);
        rejected("inner space", u"1 5"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);
        rejected("separator last", u"15,"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);
        rejected("marker prefix", u"ab"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);
        rejected("marker misspelt", u"abss"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);
        rejected("wire code with a space", u"not graded"_s, 20, ErrorCode::InvalidGrade, u"syntax"_s);

        accepted("abs", u"abs"_s, 20, u"absent"_s);
        accepted("ABS", u"ABS"_s, 20, u"absent"_s);
        accepted("Abs", u"Abs"_s, 20, u"absent"_s);
        accepted("abs spaced", u"  abs "_s, 20, u"absent"_s);
        accepted("absent", u"absent"_s, 20, u"absent"_s);
        accepted("disp", u"disp"_s, 20, u"dispensed"_s);
        accepted("DISP", u"DISP"_s, 20, u"dispensed"_s);
        accepted("dispensé", u"dispensé"_s, 20, u"dispensed"_s);
        accepted("DISPENSÉ", u"DISPENSÉ"_s, 20, u"dispensed"_s);
        accepted("dispensé decomposed", u"dispense\u0301"_s, 20, u"dispensed"_s);
        accepted("dispense", u"dispense"_s, 20, u"dispensed"_s);
        accepted("dispensed", u"dispensed"_s, 20, u"dispensed"_s);
        accepted("nn", u"nn"_s, 20, u"not_graded"_s);
        accepted("NN", u"NN"_s, 20, u"not_graded"_s);
        accepted("not_graded", u"not_graded"_s, 20, u"not_graded"_s);
        accepted("nr", u"nr"_s, 20, u"not_submitted"_s);
        accepted("NR", u"NR"_s, 20, u"not_submitted"_s);
        accepted("not_submitted", u"not_submitted"_s, 20, u"not_submitted"_s);
        accepted("empty", QString(), 20, QString());
        accepted("blank", u"   "_s, 20, QString());

        rejected("scale zero", u"10"_s, 0, ErrorCode::InvalidField, u"scale"_s);
        rejected("scale negative", u"abs"_s, -20, ErrorCode::InvalidField, u"scale"_s);
        rejected("scale too large", u"10"_s, 1001, ErrorCode::InvalidField, u"scale"_s);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, scale);
        QFETCH(bool, valid);
        QFETCH(QString, wire);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);

        const Result<GradeValue> grade = GradeValue::parse(text, scale);
        QCOMPARE(grade.ok(), valid);
        if (!valid) {
            QCOMPARE(grade.error().code, code);
            QCOMPARE(grade.error().context, context);
            return;
        }
        QCOMPARE(grade->toWire(), wire);
        const std::optional<GradeMarker> marker = gradeMarkerFromCode(wire);
        QCOMPARE(grade->isEmpty(), wire.isEmpty());
        QCOMPARE(grade->isMarker(), marker.has_value());
        QCOMPARE(grade->isMark(), !wire.isEmpty() && !marker);
        QCOMPARE(grade->marker(), marker);
    }

    void markIsExact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("hundredths");
        QTest::addColumn<double>("value");
        QTest::newRow("15,5") << u"15,5"_s << qint64(1550) << 15.5;
        QTest::newRow("12,34") << u"12,34"_s << qint64(1234) << 12.34;
        QTest::newRow("0,1") << u"0.1"_s << qint64(10) << 0.1;
        QTest::newRow("marker") << u"abs"_s << qint64(0) << 0.0;
    }

    void markIsExact()
    {
        QFETCH(QString, text);
        QFETCH(qint64, hundredths);
        QFETCH(double, value);
        const Result<GradeValue> grade = GradeValue::parse(text, 20);
        QVERIFY(grade.ok());
        QCOMPARE(grade->mark().raw(), hundredths);
        QCOMPARE(grade->markValue(), value);
    }

    void fromMark_data()
    {
        QTest::addColumn<qint64>("hundredths");
        QTest::addColumn<int>("scale");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("zero") << qint64(0) << 20 << true << ErrorCode::Internal;
        QTest::newRow("full marks") << qint64(2000) << 20 << true << ErrorCode::Internal;
        QTest::newRow("above") << qint64(2001) << 20 << false << ErrorCode::GradeOutOfRange;
        QTest::newRow("below") << qint64(-1) << 20 << false << ErrorCode::GradeOutOfRange;
        QTest::newRow("no scale") << qint64(100) << 0 << false << ErrorCode::InvalidField;
    }

    void fromMark()
    {
        QFETCH(qint64, hundredths);
        QFETCH(int, scale);
        QFETCH(bool, valid);
        QFETCH(ErrorCode, code);
        const Result<GradeValue> grade = GradeValue::fromMark(Hundredths::fromRaw(hundredths), scale);
        QCOMPARE(grade.ok(), valid);
        if (valid)
            QCOMPARE(grade->mark().raw(), hundredths);
        else
            QCOMPARE(grade.error().code, code);
    }

    void markerCodes_data()
    {
        QTest::addColumn<GradeMarker>("marker");
        QTest::addColumn<QString>("code");
        QTest::newRow("absent") << GradeMarker::Absent << u"absent"_s;
        QTest::newRow("dispensed") << GradeMarker::Dispensed << u"dispensed"_s;
        QTest::newRow("not graded") << GradeMarker::NotGraded << u"not_graded"_s;
        QTest::newRow("not submitted") << GradeMarker::NotSubmitted << u"not_submitted"_s;
    }

    void markerCodes()
    {
        QFETCH(GradeMarker, marker);
        QFETCH(QString, code);
        QCOMPARE(gradeMarkerCode(marker), code);
        QCOMPARE(gradeMarkerFromCode(code), std::optional<GradeMarker>(marker));
        const GradeValue value = GradeValue::fromMarker(marker);
        QCOMPARE(value.toWire(), code);
        QCOMPARE(value.marker(), std::optional<GradeMarker>(marker));
        QCOMPARE(value.mark().raw(), qint64(0));
    }

    void markerCodesAreStrict_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("upper case") << u"ABSENT"_s;
        QTest::newRow("typed alias") << u"abs"_s;
        QTest::newRow("empty") << QString();
    }

    void markerCodesAreStrict()
    {
        QFETCH(QString, code);
        QCOMPARE(gradeMarkerFromCode(code), std::optional<GradeMarker>());
    }

    void display_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("french");
        QTest::addColumn<QString>("english");
        QTest::newRow("half") << u"15.5"_s << u"15,5"_s << u"15.5"_s;
        QTest::newRow("hundredths") << u"12,05"_s << u"12,05"_s << u"12.05"_s;
        QTest::newRow("whole") << u"20"_s << u"20"_s << u"20"_s;
        QTest::newRow("zero") << u"0"_s << u"0"_s << u"0"_s;
        QTest::newRow("marker gives its code") << u"ABS"_s << u"absent"_s << u"absent"_s;
        QTest::newRow("empty") << QString() << QString() << QString();
    }

    void display()
    {
        QFETCH(QString, text);
        QFETCH(QString, french);
        QFETCH(QString, english);
        const Result<GradeValue> grade = GradeValue::parse(text, 20);
        QVERIFY(grade.ok());
        QCOMPARE(grade->toDisplayString(QLocale(QLocale::French, QLocale::France)), french);
        QCOMPARE(grade->toDisplayString(QLocale(QLocale::English, QLocale::UnitedStates)), english);
    }

    void wireRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("mark") << u"15,5"_s;
        QTest::newRow("hundredths") << u"0,07"_s;
        QTest::newRow("absent") << u"ABS"_s;
        QTest::newRow("dispensed") << u"disp"_s;
        QTest::newRow("not graded") << u"nn"_s;
        QTest::newRow("not submitted") << u"nr"_s;
        QTest::newRow("empty") << QString();
    }

    void wireRoundTrip()
    {
        QFETCH(QString, text);
        const Result<GradeValue> typed = GradeValue::parse(text, 20);
        QVERIFY(typed.ok());
        const Result<GradeValue> back = GradeValue::parse(typed->toWire(), 20);
        QVERIFY(back.ok());
        QCOMPARE(*back, *typed);
    }

    void equality()
    {
        QCOMPARE(GradeValue(), *GradeValue::parse(QString(), 20));
        QVERIFY(*GradeValue::parse(u"0"_s, 20) != GradeValue());
        QVERIFY(*GradeValue::parse(u"0"_s, 20) != GradeValue::fromMarker(GradeMarker::Absent));
        QVERIFY(GradeValue::fromMarker(GradeMarker::Absent) != GradeValue::fromMarker(GradeMarker::Dispensed));
        QCOMPARE(*GradeValue::parse(u"15,5"_s, 20), *GradeValue::parse(u"15.50"_s, 20));
    }
};

QTEST_GUILESS_MAIN(TestGradeValue)
#include "tst_gradevalue.moc"
