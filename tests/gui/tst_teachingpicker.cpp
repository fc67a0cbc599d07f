// The teaching list the grade book, the cahier de textes and the
// appreciations share: what it tells when, and what it keeps over a refill.

#include "app/common/teachingpicker.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;
using Workspace::Teaching;

Q_DECLARE_METATYPE(Cartable::Workspace::Teaching)

namespace {

Teaching teaching(const QString &classId, const QString &subjectId, const QString &audience, const QString &subject)
{
    return Teaching{classId, {}, subjectId, audience, subject};
}

const Teaching kMaths3A = teaching(u"c-3a"_s, u"s-maths"_s, u"3e A"_s, u"Mathématiques"_s);
const Teaching kMaths4B = teaching(u"c-4b"_s, u"s-maths"_s, u"4e B"_s, u"Mathématiques"_s);
const Teaching kPhysics3A = teaching(u"c-3a"_s, u"s-physics"_s, u"3e A"_s, u"Physique-chimie"_s);

} // namespace

class TestTeachingPicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFillChoosesTheFirst()
    {
        Gui::TeachingPicker picker;
        QSignalSpy chosen(&picker, &Gui::TeachingPicker::chosen);
        picker.setTeachings({kMaths3A, kMaths4B});
        QCOMPARE(picker.count(), 2);
        QCOMPARE(picker.itemText(0), u"3e A · Mathématiques"_s);
        QCOMPARE(picker.current(), kMaths3A);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).value<Teaching>(), kMaths3A);
    }

    void choosingTellsOnce()
    {
        Gui::TeachingPicker picker;
        picker.setTeachings({kMaths3A, kMaths4B});
        QSignalSpy chosen(&picker, &Gui::TeachingPicker::chosen);
        picker.setCurrentIndex(1);
        picker.setCurrentIndex(1);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).value<Teaching>(), kMaths4B);
    }

    void refillKeepsTheChoiceAndSaysNothing()
    {
        Gui::TeachingPicker picker;
        picker.setTeachings({kMaths3A, kMaths4B});
        picker.setCurrentIndex(1);
        QSignalSpy chosen(&picker, &Gui::TeachingPicker::chosen);
        // A sync brought a new teaching before the chosen one.
        picker.setTeachings({kPhysics3A, kMaths3A, kMaths4B});
        QCOMPARE(picker.current(), kMaths4B);
        QCOMPARE(picker.currentIndex(), 2);
        QCOMPARE(chosen.count(), 0);
        // The same list again changes nothing.
        picker.setTeachings({kPhysics3A, kMaths3A, kMaths4B});
        QCOMPARE(chosen.count(), 0);
    }

    void renamedClassStaysChosenUnderItsNewName()
    {
        Gui::TeachingPicker picker;
        picker.setTeachings({kMaths3A, kMaths4B});
        picker.setCurrentIndex(1);
        QSignalSpy chosen(&picker, &Gui::TeachingPicker::chosen);
        const Teaching renamed = teaching(u"c-4b"_s, u"s-maths"_s, u"4e Bleue"_s, u"Mathématiques"_s);
        picker.setTeachings({kMaths3A, renamed});
        QCOMPARE(picker.currentIndex(), 1);
        QCOMPARE(picker.itemText(1), u"4e Bleue · Mathématiques"_s);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).value<Teaching>(), renamed);
    }

    void lostTeachingFallsBackToTheFirst()
    {
        Gui::TeachingPicker picker;
        picker.setTeachings({kMaths3A, kMaths4B});
        picker.setCurrentIndex(1);
        QSignalSpy chosen(&picker, &Gui::TeachingPicker::chosen);
        picker.setTeachings({kMaths3A, kPhysics3A});
        QCOMPARE(picker.current(), kMaths3A);
        QCOMPARE(chosen.count(), 1);
    }

    void noTeachingLeavesNothingChosen()
    {
        Gui::TeachingPicker picker;
        picker.setTeachings({kMaths3A});
        QSignalSpy chosen(&picker, &Gui::TeachingPicker::chosen);
        picker.setTeachings({});
        QCOMPARE(picker.count(), 0);
        QCOMPARE(picker.current(), Teaching{});
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).value<Teaching>(), Teaching{});
    }
};

QTEST_MAIN(TestTeachingPicker)
#include "tst_teachingpicker.moc"
