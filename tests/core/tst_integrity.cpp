// Checks that need other rows: references, establishments, scales, periods,
// timetable days and submissions.

#include "core/domain/catalog.h"
#include "core/domain/integrity.h"
#include "tests/support/samplerecords.h"

#include <QHash>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cartable::Core::ErrorCode)

namespace {

// The sample rows of variant 0 of every entity, which refer to each other.
class World
{
public:
    World()
    {
        for (const EntityDef &entity : entityCatalog())
            put(Test::sampleRecord(entity, 0, Test::SampleFill::Full));
    }

    void put(const Record &record) { m_rows.insert(record.type() + u'/' + record.id(), record); }
    Record get(const QString &type) const { return m_rows.value(type + u'/' + Test::sampleId(type, 0)); }

    RowFetcher fetcher() const
    {
        return [this](const QString &type, const QString &id) -> std::optional<Record> {
            const auto it = m_rows.constFind(type + u'/' + id);
            if (it == m_rows.constEnd())
                return std::nullopt;
            return *it;
        };
    }

private:
    QHash<QString, Record> m_rows;
};

} // namespace

class TestIntegrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samplesReferToEachOther_data()
    {
        QTest::addColumn<QString>("type");
        for (const EntityDef &entity : entityCatalog())
            QTest::newRow(qPrintable(entity.type)) << entity.type;
    }

    void samplesReferToEachOther()
    {
        QFETCH(QString, type);
        World world;
        Record record = world.get(type);
        const EntityDef &entity = *findEntity(type);
        // Polymorphic owners and self-references need a real target.
        if (entity.hasField(u"owner_id"_s))
            record.set(u"owner_id"_s,
                       Test::sampleId(record.text(entity.hasField(u"owner_type"_s) ? u"owner_type"_s : u"owner_kind"_s),
                                      0));
        if (entity.hasField(u"row_type"_s)) {
            record.set(u"row_type"_s, u"grade"_s);
            record.set(u"row_id"_s, Test::sampleId(u"grade"_s, 0));
        }
        if (entity.hasField(u"parent_id"_s))
            record.unset(u"parent_id"_s);
        const Status status = checkReferences(entity, record, world.fetcher());
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().context));
    }

    void refusesBadReferences()
    {
        World world;
        const EntityDef &grade = *findEntity(u"grade"_s);
        Record record = world.get(u"grade"_s);

        record.set(u"evaluation_id"_s, Test::sampleId(u"evaluation"_s, 5));
        Status status = checkReferences(grade, record, world.fetcher());
        QCOMPARE(status.error().code, ErrorCode::InvalidReference);
        QCOMPARE(status.error().context, u"grade.evaluation_id"_s);

        // An id that exists, but as another kind of row.
        record = world.get(u"grade"_s);
        Record impostor = world.get(u"homework"_s);
        impostor.setId(Test::sampleId(u"evaluation"_s, 6));
        world.put(impostor);
        record.set(u"evaluation_id"_s, impostor.id());
        QCOMPARE(checkReferences(grade, record, world.fetcher()).error().code, ErrorCode::InvalidReference);

        // An evaluation of another establishment.
        Record foreign = world.get(u"evaluation"_s);
        foreign.setId(Test::sampleId(u"evaluation"_s, 7));
        foreign.set(u"establishment_id"_s, Test::sampleId(u"establishment"_s, 7));
        world.put(foreign);
        record = world.get(u"grade"_s);
        record.set(u"evaluation_id"_s, foreign.id());
        status = checkReferences(grade, record, world.fetcher());
        QCOMPARE(status.error().code, ErrorCode::InconsistentFields);
        QCOMPARE(status.error().context, u"grade.evaluation_id.other_establishment"_s);

        // A competency under itself.
        const EntityDef &competency = *findEntity(u"competency"_s);
        Record loop = world.get(u"competency"_s);
        loop.set(u"parent_id"_s, loop.id());
        status = checkReferences(competency, loop, world.fetcher());
        QCOMPARE(status.error().code, ErrorCode::InvalidReference);
        QCOMPARE(status.error().context, u"competency.parent_id"_s);

        // An attachment whose owner is not of its owner type.
        const EntityDef &attachment = *findEntity(u"attachment"_s);
        Record file = world.get(u"attachment"_s);
        file.set(u"owner_type"_s, u"homework"_s);
        file.set(u"owner_id"_s, Test::sampleId(u"message"_s, 0));
        status = checkReferences(attachment, file, world.fetcher());
        QCOMPARE(status.error().code, ErrorCode::InvalidReference);
        QCOMPARE(status.error().context, u"attachment.owner_id"_s);
    }

    void appliesRowRules_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");

        const ErrorCode none = ErrorCode::Internal;
        // The sample evaluation is out of 1 (its scale's minimum), on
        // 2024-09-02, in a period from 2024-09-02.
        QTest::newRow("mark within scale")
            << u"grade"_s << u"mark"_s << QVariant(qint64(100)) << true << none << QString();
        QTest::newRow("mark above scale")
            << u"grade"_s << u"mark"_s << QVariant(qint64(101)) << false << ErrorCode::GradeOutOfRange << u"1"_s;
        QTest::newRow("marker needs no scale") << u"grade"_s << u"mark"_s << QVariant() << true << none << QString();
        QTest::newRow("evaluation in its period")
            << u"evaluation"_s << u"date"_s << QVariant(u"2024-09-02"_s) << true << none << QString();
        QTest::newRow("evaluation before its period") << u"evaluation"_s << u"date"_s << QVariant(u"2024-09-01"_s)
                                                      << false << ErrorCode::InvalidField << u"evaluation.date"_s;
        QTest::newRow("evaluation after its period") << u"evaluation"_s << u"date"_s << QVariant(u"2024-09-03"_s)
                                                     << false << ErrorCode::InvalidField << u"evaluation.date"_s;
        QTest::newRow("period outside its year") << u"period"_s << u"ends_on"_s << QVariant(u"2025-01-01"_s) << false
                                                 << ErrorCode::InvalidField << u"period.ends_on"_s;
        // The sample slot is on Mondays (weekday 1) from 2024-09-02 to
        // 2024-09-02.
        QTest::newRow("exception on the slot's day")
            << u"timetable_exception"_s << u"date"_s << QVariant(u"2024-09-02"_s) << true << none << QString();
        QTest::newRow("exception on a Tuesday")
            << u"timetable_exception"_s << u"date"_s << QVariant(u"2024-09-03"_s) << false
            << ErrorCode::InconsistentFields << u"timetable_exception.not_a_slot_day"_s;
        QTest::newRow("exception a week later")
            << u"timetable_exception"_s << u"date"_s << QVariant(u"2024-09-09"_s) << false
            << ErrorCode::InconsistentFields << u"timetable_exception.not_a_slot_day"_s;
    }

    void appliesRowRules()
    {
        QFETCH(QString, type);
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(bool, ok);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);

        World world;
        Record record = world.get(type);
        record.set(field, value);
        if (type == u"grade"_s && !value.isValid())
            record.set(u"marker"_s, u"absent"_s);
        const Status status = checkRowRules(*findEntity(type), record, world.fetcher());
        QCOMPARE(status.ok(), ok);
        if (!ok) {
            QCOMPARE(errorCodeName(status.error().code), errorCodeName(code));
            QCOMPARE(status.error().context, context);
        }
    }

    void submissionsAnswerHomeworkThatAsks()
    {
        World world;
        Record homework = world.get(u"homework"_s);
        const EntityDef &submission = *findEntity(u"homework_submission"_s);
        homework.set(u"requires_submission"_s, false);
        world.put(homework);
        Status status = checkRowRules(submission, world.get(u"homework_submission"_s), world.fetcher());
        QCOMPARE(status.error().context, u"homework_submission.not_requested"_s);
        homework.set(u"requires_submission"_s, true);
        world.put(homework);
        QVERIFY(checkRowRules(submission, world.get(u"homework_submission"_s), world.fetcher()).ok());
    }
};

QTEST_GUILESS_MAIN(TestIntegrity)
#include "tst_integrity.moc"
