// Push batches and their mutations: what a client may send, and the exact
// error for everything else.

#include "core/domain/catalog.h"
#include "core/protocol/mutation.h"
#include "tests/support/samplerecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cartable::Core::ErrorCode)

namespace {

const QString kClient = u"0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3"_s;

QJsonObject createGrade(qint64 number)
{
    const EntityDef &grade = *findEntity(u"grade"_s);
    QJsonObject fields = recordToJson(grade, Test::sampleRecord(grade, int(number)));
    const QString id = fields.take(u"id"_s).toString();
    fields.remove(u"type"_s);
    return {{u"number"_s, number},           {u"type"_s, u"grade"_s}, {u"id"_s, id},
            {u"op"_s, u"create"_s},          {u"fields"_s, fields},   {u"base_version"_s, 0},
            {u"hlc"_s, u"1725260400000-0"_s}};
}

QJsonObject updateGrade(qint64 number, const QJsonObject &fields)
{
    return {{u"number"_s, number},           {u"type"_s, u"grade"_s}, {u"id"_s, Test::sampleId(u"grade"_s, 1)},
            {u"op"_s, u"update"_s},          {u"fields"_s, fields},   {u"base_version"_s, 12},
            {u"hlc"_s, u"1725260400000-1"_s}};
}

QJsonObject batchOf(const QJsonArray &mutations)
{
    return {{u"client_id"_s, kClient}, {u"mutations"_s, mutations}};
}

} // namespace

class TestMutation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAValidBatch()
    {
        const QJsonObject json = batchOf({createGrade(1), updateGrade(2, {{u"mark"_s, u"12,5"_s}}),
                                          updateGrade(3, {{u"comment"_s, QJsonValue::Null}}),
                                          QJsonObject{{u"number"_s, 7},
                                                      {u"type"_s, u"grade"_s},
                                                      {u"id"_s, Test::sampleId(u"grade"_s, 1)},
                                                      {u"op"_s, u"delete"_s},
                                                      {u"base_version"_s, 13},
                                                      {u"hlc"_s, u"1725260400001-0"_s}}});
        const Result<PushBatch> batch = pushBatchFromJson(json);
        QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(batch.error().context));
        QCOMPARE(batch->clientId, kClient);
        QCOMPARE(batch->mutations.size(), 4);

        const Mutation &create = batch->mutations.at(0);
        QCOMPARE(create.op, MutationOp::Create);
        QCOMPARE(create.changedFields, findEntity(u"grade"_s)->fieldNames());
        QVERIFY(validateRecord(*findEntity(u"grade"_s), create.values).ok());

        const Mutation &mark = batch->mutations.at(1);
        QCOMPARE(mark.changedFields, QStringList{u"mark"_s});
        QCOMPARE(mark.values.number(u"mark"_s), 1250);
        QCOMPARE(mark.baseVersion, 12);
        QCOMPARE(mark.hlc, (HlcTimestamp{1725260400000, 1}));

        const Mutation &cleared = batch->mutations.at(2);
        QCOMPARE(cleared.changedFields, QStringList{u"comment"_s});
        QVERIFY(!cleared.values.isSet(u"comment"_s));

        QCOMPARE(batch->mutations.at(3).op, MutationOp::Delete);
        QCOMPARE(batch->mutations.at(3).number, 7);

        // Written and read again, it is the same batch.
        const QByteArray bytes = QJsonDocument(pushBatchToJson(*batch)).toJson(QJsonDocument::Compact);
        const Result<PushBatch> again = pushBatchFromJson(QJsonDocument::fromJson(bytes).object());
        QVERIFY(again.ok());
        QCOMPARE(*again, *batch);
    }

    void refusesBadBatches_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");

        const QJsonObject good = createGrade(1);
        const auto with = [&good](const QString &key, const QJsonValue &value) {
            QJsonObject changed = good;
            if (value.isUndefined())
                changed.remove(key);
            else
                changed.insert(key, value);
            return batchOf({changed});
        };

        QTest::newRow("no client") << QJsonObject{{u"mutations"_s, QJsonArray{good}}} << ErrorCode::MissingField
                                   << u"push.client_id"_s;
        QTest::newRow("client not a uuid") << QJsonObject{{u"client_id"_s, u"me"_s}, {u"mutations"_s, QJsonArray{good}}}
                                           << ErrorCode::InvalidField << u"push.client_id"_s;
        QTest::newRow("unknown top-level key")
            << QJsonObject{{u"client_id"_s, kClient}, {u"mutations"_s, QJsonArray{good}}, {u"force"_s, true}}
            << ErrorCode::UnknownField << u"push.force"_s;
        QTest::newRow("no mutations") << QJsonObject{{u"client_id"_s, kClient}} << ErrorCode::MissingField
                                      << u"push.mutations"_s;
        QTest::newRow("empty mutations") << batchOf({}) << ErrorCode::MissingField << u"push.mutations"_s;
        QTest::newRow("mutations not a list") << QJsonObject{{u"client_id"_s, kClient}, {u"mutations"_s, 3}}
                                              << ErrorCode::InvalidField << u"push.mutations"_s;
        QTest::newRow("mutation not an object") << batchOf({u"x"_s}) << ErrorCode::InvalidField << u"mutations[0]"_s;
        QJsonArray tooMany;
        for (int i = 1; i <= PushBatch::kMaxMutations + 1; ++i)
            tooMany.append(updateGrade(i, {{u"mark"_s, u"10"_s}}));
        QTest::newRow("too many") << batchOf(tooMany) << ErrorCode::FieldOutOfRange << u"push.mutations"_s;
        QTest::newRow("numbers not increasing")
            << batchOf({updateGrade(2, {{u"mark"_s, u"10"_s}}), updateGrade(2, {{u"mark"_s, u"11"_s}})})
            << ErrorCode::InvalidField << u"mutations[1].number"_s;

        QTest::newRow("number zero") << with(u"number"_s, 0) << ErrorCode::InvalidField << u"mutations[0].number"_s;
        QTest::newRow("number fractional")
            << with(u"number"_s, 1.5) << ErrorCode::InvalidField << u"mutations[0].number"_s;
        QTest::newRow("number as text") << with(u"number"_s, u"1"_s) << ErrorCode::InvalidField
                                        << u"mutations[0].number"_s;
        QTest::newRow("number missing") << with(u"number"_s, QJsonValue::Undefined) << ErrorCode::MissingField
                                        << u"mutations[0].number"_s;
        QTest::newRow("unknown type") << with(u"type"_s, u"spaceship"_s) << ErrorCode::UnknownEntity << u"spaceship"_s;
        QTest::newRow("type not text") << with(u"type"_s, 4) << ErrorCode::InvalidField << u"mutations[0].type"_s;
        QTest::newRow("id not a uuid") << with(u"id"_s, u"../../etc"_s) << ErrorCode::InvalidFormat
                                       << u"mutations[0].id"_s;
        QTest::newRow("unknown op") << with(u"op"_s, u"upsert"_s) << ErrorCode::InvalidField << u"mutations[0].op"_s;
        QTest::newRow("negative base") << with(u"base_version"_s, -1) << ErrorCode::InvalidField
                                       << u"mutations[0].base_version"_s;
        QTest::newRow("bad clock") << with(u"hlc"_s, u"yesterday"_s) << ErrorCode::InvalidFormat
                                   << u"mutations[0].hlc"_s;
        QTest::newRow("clock as number") << with(u"hlc"_s, 17) << ErrorCode::InvalidFormat << u"mutations[0].hlc"_s;
        QTest::newRow("unknown mutation key")
            << with(u"priority"_s, 1) << ErrorCode::UnknownField << u"mutations[0].priority"_s;
        QTest::newRow("fields not an object")
            << with(u"fields"_s, QJsonArray{}) << ErrorCode::InvalidField << u"mutations[0].fields"_s;

        QJsonObject partialCreate = good.value(u"fields"_s).toObject();
        partialCreate.remove(u"student_id"_s);
        QTest::newRow("create missing a field")
            << with(u"fields"_s, partialCreate) << ErrorCode::MissingField << u"grade.student_id"_s;
        QJsonObject badCreate = good.value(u"fields"_s).toObject();
        badCreate.insert(u"marker"_s, u"absent"_s);
        QTest::newRow("create breaking a rule")
            << with(u"fields"_s, badCreate) << ErrorCode::InconsistentFields << u"grade.mark_or_marker"_s;
        QJsonObject extra = good.value(u"fields"_s).toObject();
        extra.insert(u"password_hash"_s, u"x"_s);
        QTest::newRow("create with an unknown field")
            << with(u"fields"_s, extra) << ErrorCode::UnknownField << u"grade.password_hash"_s;

        QTest::newRow("update with nothing")
            << batchOf({updateGrade(1, {})}) << ErrorCode::MissingField << u"mutations[0].fields"_s;
        QTest::newRow("update clearing a required field")
            << batchOf({updateGrade(1, {{u"student_id"_s, QJsonValue::Null}})}) << ErrorCode::MissingField
            << u"grade.student_id"_s;
        QTest::newRow("update with a wrong type")
            << batchOf({updateGrade(1, {{u"mark"_s, 12}})}) << ErrorCode::InvalidField << u"grade.mark"_s;
        QTest::newRow("update out of range")
            << batchOf({updateGrade(1, {{u"mark"_s, u"-3"_s}})}) << ErrorCode::FieldOutOfRange << u"grade.mark"_s;
        QTest::newRow("update of an unknown field")
            << batchOf({updateGrade(1, {{u"points"_s, 3}})}) << ErrorCode::UnknownField << u"grade.points"_s;
        QJsonObject deletion = updateGrade(1, {{u"mark"_s, u"3"_s}});
        deletion.insert(u"op"_s, u"delete"_s);
        QTest::newRow("delete with fields")
            << batchOf({deletion}) << ErrorCode::InvalidField << u"mutations[0].fields"_s;
    }

    void refusesBadBatches()
    {
        QFETCH(QJsonObject, json);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);
        const Result<PushBatch> batch = pushBatchFromJson(json);
        QVERIFY(!batch.ok());
        QCOMPARE(errorCodeName(batch.error().code), errorCodeName(code));
        QCOMPARE(batch.error().context, context);
    }
};

QTEST_GUILESS_MAIN(TestMutation)
#include "tst_mutation.moc"
