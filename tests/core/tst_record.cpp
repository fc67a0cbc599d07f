// Records: validation of every field type, format and cross-field rule, and
// the JSON and SQL forms.

#include "core/domain/catalog.h"
#include "core/domain/record.h"
#include "tests/support/samplerecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cartable::Core::ErrorCode)

namespace {

QJsonObject sampleJson(const QString &type, Test::SampleFill fill = Test::SampleFill::Required)
{
    const EntityDef &entity = *findEntity(type);
    return recordToJson(entity, Test::sampleRecord(entity, 0, fill));
}

} // namespace

class TestRecord : public QObject
{
    Q_OBJECT

private:
    static void addEntityRows()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("fill");
        for (const EntityDef &entity : entityCatalog()) {
            QTest::addRow("%s required", qPrintable(entity.type)) << entity.type << int(Test::SampleFill::Required);
            QTest::addRow("%s full", qPrintable(entity.type)) << entity.type << int(Test::SampleFill::Full);
        }
    }

private Q_SLOTS:
    // Every entity has valid rows, and they come back equal from JSON.
    void roundTripsThroughJson_data() { addEntityRows(); }
    void roundTripsThroughJson()
    {
        QFETCH(QString, type);
        QFETCH(int, fill);
        const EntityDef &entity = *findEntity(type);
        const Record record = Test::sampleRecord(entity, 3, Test::SampleFill(fill));
        const Status valid = validateRecord(entity, record);
        QVERIFY2(valid.ok(), valid.ok() ? "" : qPrintable(valid.error().context));

        const QJsonObject json = recordToJson(entity, record);
        QCOMPARE(json.value(u"type"_s).toString(), type);
        QCOMPARE(json.size(), entity.fields.size() + 2);
        const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
        const Result<Record> back = recordFromJson(QJsonDocument::fromJson(bytes).object());
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().context));
        QCOMPARE(*back, record);
    }

    void refusesBadRecords_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("context");

        const auto row = [](const char *name, const QString &type, const QString &field, const QJsonValue &value,
                            ErrorCode code, const QString &context) {
            QTest::newRow(name) << type << field << value << code << context;
        };
        const QString est = u"establishment"_s;
        row("unknown field", est, u"colour"_s, u"red"_s, ErrorCode::UnknownField, u"establishment.colour"_s);
        row("bad id", est, u"id"_s, u"42"_s, ErrorCode::InvalidFormat, u"establishment.id"_s);
        row("id with braces", est, u"id"_s, u"{6f1c8a8e-1d0b-4c53-9d0e-6f4e6a1b0001}"_s, ErrorCode::InvalidFormat,
            u"establishment.id"_s);
        row("id not a string", est, u"id"_s, 12, ErrorCode::InvalidField, u"establishment.id"_s);
        row("type missing", est, u"type"_s, QJsonValue::Undefined, ErrorCode::MissingField, u"record.type"_s);
        row("type not a string", est, u"type"_s, true, ErrorCode::InvalidField, u"record.type"_s);
        row("unknown type", est, u"type"_s, u"spaceship"_s, ErrorCode::UnknownEntity, u"spaceship"_s);
        row("uai check letter", est, u"uai"_s, u"0751234K"_s, ErrorCode::InvalidFormat, u"establishment.uai"_s);
        row("uai lower case", est, u"uai"_s, u"0751234j"_s, ErrorCode::InvalidFormat, u"establishment.uai"_s);
        row("required null", est, u"name"_s, QJsonValue::Null, ErrorCode::MissingField, u"establishment.name"_s);
        row("required missing", est, u"name"_s, QJsonValue::Undefined, ErrorCode::MissingField,
            u"establishment.name"_s);
        row("required blank", est, u"name"_s, u"   "_s, ErrorCode::MissingField, u"establishment.name"_s);
        row("text as number", est, u"name"_s, 3, ErrorCode::InvalidField, u"establishment.name"_s);
        row("text too long", est, u"name"_s, QString(201, u'é'), ErrorCode::FieldTooLong, u"establishment.name"_s);
        row("line break in one-line text", est, u"name"_s, u"Lycée\nHugo"_s, ErrorCode::InvalidFormat,
            u"establishment.name"_s);
        row("control character", est, u"city"_s, u"Paris\u0007"_s, ErrorCode::InvalidFormat, u"establishment.city"_s);
        row("postal code", est, u"postal_code"_s, u"7500"_s, ErrorCode::InvalidFormat, u"establishment.postal_code"_s);
        row("enum value", est, u"kind"_s, u"university"_s, ErrorCode::InvalidField, u"establishment.kind"_s);
        row("enum case", est, u"kind"_s, u"Lycee"_s, ErrorCode::InvalidField, u"establishment.kind"_s);

        const QString person = u"person"_s;
        row("date shape", person, u"birth_date"_s, u"2010-1-5"_s, ErrorCode::InvalidFormat, u"person.birth_date"_s);
        row("date that does not exist", person, u"birth_date"_s, u"2010-02-30"_s, ErrorCode::InvalidFormat,
            u"person.birth_date"_s);
        row("date as number", person, u"birth_date"_s, 20100105, ErrorCode::InvalidField, u"person.birth_date"_s);
        row("ine", person, u"ine"_s, u"123456789"_s, ErrorCode::InvalidFormat, u"person.ine"_s);
        row("email", person, u"email"_s, u"sophie.dubois"_s, ErrorCode::InvalidFormat, u"person.email"_s);
        row("phone", person, u"phone"_s, u"appelez-moi"_s, ErrorCode::InvalidFormat, u"person.phone"_s);
        row("sex", person, u"sex"_s, u"x"_s, ErrorCode::InvalidField, u"person.sex"_s);

        const QString account = u"account"_s;
        row("login with capitals", account, u"login"_s, u"Prof.Martin"_s, ErrorCode::InvalidFormat, u"account.login"_s);
        row("login with space", account, u"login"_s, u"prof martin"_s, ErrorCode::InvalidFormat, u"account.login"_s);
        row("boolean as number", account, u"disabled"_s, 1, ErrorCode::InvalidField, u"account.disabled"_s);
        row("boolean as text", account, u"disabled"_s, u"true"_s, ErrorCode::InvalidField, u"account.disabled"_s);
        row("timestamp negative", account, u"created_at"_s, -1, ErrorCode::FieldOutOfRange, u"account.created_at"_s);
        row("timestamp fractional", account, u"created_at"_s, 1.5, ErrorCode::InvalidField, u"account.created_at"_s);
        row("timestamp as text", account, u"created_at"_s, u"1725260400000"_s, ErrorCode::InvalidField,
            u"account.created_at"_s);
        row("timestamp beyond 3000", account, u"created_at"_s, 40000000000000.0, ErrorCode::FieldOutOfRange,
            u"account.created_at"_s);
        row("reference not a uuid", account, u"person_id"_s, u"p1"_s, ErrorCode::InvalidFormat, u"account.person_id"_s);

        const QString year = u"school_year"_s;
        row("school year shape", year, u"label"_s, u"2024-2026"_s, ErrorCode::InvalidFormat, u"school_year.label"_s);
        row("school year ends before start", year, u"ends_on"_s, u"2024-01-01"_s, ErrorCode::InconsistentFields,
            u"school_year.ends_after_start"_s);

        const QString evaluation = u"evaluation"_s;
        row("coefficient zero", evaluation, u"coefficient"_s, u"0"_s, ErrorCode::FieldOutOfRange,
            u"evaluation.coefficient"_s);
        row("coefficient three decimals", evaluation, u"coefficient"_s, u"1.255"_s, ErrorCode::InvalidFormat,
            u"evaluation.coefficient"_s);
        row("coefficient as number", evaluation, u"coefficient"_s, 2, ErrorCode::InvalidField,
            u"evaluation.coefficient"_s);
        row("coefficient over 100", evaluation, u"coefficient"_s, u"100.01"_s, ErrorCode::FieldOutOfRange,
            u"evaluation.coefficient"_s);
        row("scale zero", evaluation, u"scale"_s, 0, ErrorCode::FieldOutOfRange, u"evaluation.scale"_s);
        row("scale too big", evaluation, u"scale"_s, 1001, ErrorCode::FieldOutOfRange, u"evaluation.scale"_s);
        row("class and group", evaluation, u"group_id"_s, Test::sampleId(u"teaching_group"_s),
            ErrorCode::InconsistentFields, u"evaluation.class_or_group"_s);
        row("neither class nor group", evaluation, u"class_id"_s, QJsonValue::Null, ErrorCode::InconsistentFields,
            u"evaluation.class_or_group"_s);

        const QString grade = u"grade"_s;
        row("mark and marker", grade, u"marker"_s, u"absent"_s, ErrorCode::InconsistentFields,
            u"grade.mark_or_marker"_s);
        row("neither mark nor marker", grade, u"mark"_s, QJsonValue::Null, ErrorCode::InconsistentFields,
            u"grade.mark_or_marker"_s);
        row("negative mark", grade, u"mark"_s, u"-1"_s, ErrorCode::FieldOutOfRange, u"grade.mark"_s);
        row("mark with comma is exact", grade, u"mark"_s, u"15,555"_s, ErrorCode::InvalidFormat, u"grade.mark"_s);
        row("unknown marker", grade, u"marker"_s, u"ill"_s, ErrorCode::InvalidField, u"grade.marker"_s);

        const QString roll = u"roll_call_entry"_s;
        row("late without minutes", roll, u"status"_s, u"late"_s, ErrorCode::InconsistentFields,
            u"roll_call_entry.late_needs_minutes"_s);
        row("minutes while present", roll, u"minutes_late"_s, 5, ErrorCode::InconsistentFields,
            u"roll_call_entry.minutes_only_when_late"_s);

        const QString booking = u"booking"_s;
        row("booking of no length", booking, u"end_minute"_s, 0, ErrorCode::FieldOutOfRange, u"booking.end_minute"_s);
        row("booking ending at its start", booking, u"start_minute"_s, 1, ErrorCode::InconsistentFields,
            u"booking.ends_after_start"_s);

        const QString document = u"document"_s;
        row("file name with slash", document, u"name"_s, u"../etc/passwd"_s, ErrorCode::InvalidFormat,
            u"document.name"_s);
        row("file name dot dot", document, u"name"_s, u".."_s, ErrorCode::InvalidFormat, u"document.name"_s);
        row("file name backslash", document, u"name"_s, u"a\\b.pdf"_s, ErrorCode::InvalidFormat, u"document.name"_s);
        row("sha256 upper case", document, u"sha256"_s, QString(64, u'A'), ErrorCode::InvalidFormat,
            u"document.sha256"_s);
        row("size as fraction", document, u"size_bytes"_s, 10.5, ErrorCode::InvalidField, u"document.size_bytes"_s);
        row("size beyond 2 GiB", document, u"size_bytes"_s, 4294967296.0, ErrorCode::FieldOutOfRange,
            u"document.size_bytes"_s);

        // Characters that reorder what is shown: a file name that hides its
        // extension, a name or a login that looks like another.
        row("override in a file name", document, u"name"_s, u"devoir\u202Efdp.exe"_s, ErrorCode::InvalidField,
            u"document.name"_s);
        row("embedding in a name", est, u"name"_s, u"Lycée \u202BHugo\u202C"_s, ErrorCode::InvalidField,
            u"establishment.name"_s);
        row("isolate in a city", est, u"city"_s, u"Paris\u2067"_s, ErrorCode::InvalidField, u"establishment.city"_s);
        row("right-to-left mark in a login", account, u"login"_s, u"prof.martin\u200F"_s, ErrorCode::InvalidField,
            u"account.login"_s);
        row("left-to-right mark in an email", person, u"email"_s, u"\u200Esophie@exemple.fr"_s, ErrorCode::InvalidField,
            u"person.email"_s);
        row("Arabic letter mark in a title", evaluation, u"title"_s, u"Contrôle\u061C"_s, ErrorCode::InvalidField,
            u"evaluation.title"_s);
        // Half a character, in any text.
        row("lone high surrogate in a name", est, u"name"_s, QString(u"Lyc"_s + QChar(0xd800) + u"e"_s),
            ErrorCode::InvalidField, u"establishment.name"_s);
        row("lone low surrogate in a description", evaluation, u"description"_s,
            QString(QChar(0xdc00) + u"Rédaction"_s), ErrorCode::InvalidField, u"evaluation.description"_s);
        row("surrogates in the wrong order in a message", u"message"_s, u"body"_s,
            QString(u"Bonjour "_s + QChar(0xde00) + QChar(0xd83d)), ErrorCode::InvalidField, u"message.body"_s);

        row("exception moved without date", u"timetable_exception"_s, u"kind"_s, u"moved"_s,
            ErrorCode::InconsistentFields, u"timetable_exception.moved_needs_date"_s);
        row("news for a class without class", u"news_post"_s, u"audience"_s, u"class"_s, ErrorCode::InconsistentFields,
            u"news_post.class_audience_needs_class"_s);
        row("closed time on an open period", u"period"_s, u"closed_at"_s, QJsonValue(qint64(1725260400000)),
            ErrorCode::InconsistentFields, u"period.closed_at_when_open"_s);
        row("published report card without time", u"report_card"_s, u"status"_s, u"published"_s,
            ErrorCode::InconsistentFields, u"report_card.published_needs_time"_s);
    }

    void refusesBadRecords()
    {
        QFETCH(QString, type);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(ErrorCode, code);
        QFETCH(QString, context);

        QJsonObject json = sampleJson(type);
        QVERIFY(recordFromJson(json).ok());
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        const Result<Record> read = recordFromJson(json);
        QVERIFY(!read.ok());
        QCOMPARE(errorCodeName(read.error().code), errorCodeName(code));
        QCOMPARE(read.error().context, context);
    }

    void acceptsWhatTeachersWrite_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QJsonValue>("stored");

        QTest::newRow("mark with comma") << u"grade"_s << u"mark"_s << QJsonValue(u"15,5"_s) << QJsonValue(u"15.5"_s);
        QTest::newRow("mark with two decimals")
            << u"grade"_s << u"mark"_s << QJsonValue(u"12.25"_s) << QJsonValue(u"12.25"_s);
        QTest::newRow("coefficient half")
            << u"evaluation"_s << u"coefficient"_s << QJsonValue(u"0.5"_s) << QJsonValue(u"0.5"_s);
        QTest::newRow("text with accents and quotes")
            << u"establishment"_s << u"name"_s << QJsonValue(u"Lycée « Simone-Veil » d'Aix"_s)
            << QJsonValue(u"Lycée « Simone-Veil » d'Aix"_s);
        QTest::newRow("multi-line body") << u"message"_s << u"body"_s << QJsonValue(u"Bonjour,\n\tà demain."_s)
                                         << QJsonValue(u"Bonjour,\n\tà demain."_s);
        QTest::newRow("leap day") << u"person"_s << u"birth_date"_s << QJsonValue(u"2012-02-29"_s)
                                  << QJsonValue(u"2012-02-29"_s);
        QTest::newRow("optional null") << u"person"_s << u"email"_s << QJsonValue(QJsonValue::Null)
                                       << QJsonValue(QJsonValue::Null);
        QTest::newRow("Arabic name") << u"establishment"_s << u"name"_s << QJsonValue(u"مدرسة ابن رشد"_s)
                                     << QJsonValue(u"مدرسة ابن رشد"_s);
        QTest::newRow("emoji in a title")
            << u"evaluation"_s << u"title"_s << QJsonValue(u"Sortie 🎉"_s) << QJsonValue(u"Sortie 🎉"_s);
        // Right-to-left writers set numbers and Latin words with marks and
        // isolates.
        QTest::newRow("direction marks in a message body")
            << u"message"_s << u"body"_s << QJsonValue(u"الدرس \u2066Chapitre 3\u2069 غدا\u200F."_s)
            << QJsonValue(u"الدرس \u2066Chapitre 3\u2069 غدا\u200F."_s);
        QTest::newRow("default for a missing boolean")
            << u"account"_s << u"disabled"_s << QJsonValue(QJsonValue::Undefined) << QJsonValue(false);
        QTest::newRow("default for a missing enum")
            << u"absence"_s << u"reason"_s << QJsonValue(QJsonValue::Undefined) << QJsonValue(u"unknown"_s);
    }

    void acceptsWhatTeachersWrite()
    {
        QFETCH(QString, type);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QJsonValue, stored);

        QJsonObject json = sampleJson(type);
        if (value.isUndefined())
            json.remove(field);
        else
            json.insert(field, value);
        const Result<Record> read = recordFromJson(json);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().context));
        QCOMPARE(recordToJson(*findEntity(type), *read).value(field), stored);
    }

    // Every one-line text of the catalogue refuses what reorders its display,
    // every text refuses half a character; several-line texts keep the
    // direction controls.
    void everyTextFieldRefusesUnsafeCharacters_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        for (const EntityDef &entity : entityCatalog()) {
            for (const FieldDef &field : entity.fields) {
                if (field.type == FieldType::Text)
                    QTest::addRow("%s.%s", qPrintable(entity.type), qPrintable(field.name))
                        << entity.type << field.name;
            }
        }
    }

    void everyTextFieldRefusesUnsafeCharacters()
    {
        QFETCH(QString, type);
        QFETCH(QString, field);
        const EntityDef &entity = *findEntity(type);
        const FieldDef &def = *entity.field(field);
        const QString sample = Test::sampleRecord(entity, 0, Test::SampleFill::Full).text(field);
        QVERIFY(validateField(entity, def, sample).ok());
        const QString context = type + u'.' + field;
        for (const char16_t control : {u'\u202A', u'\u202B', u'\u202C', u'\u202D', u'\u202E', u'\u2066', u'\u2067',
                                       u'\u2068', u'\u2069', u'\u200E', u'\u200F', u'\u061C'}) {
            const QString value = sample.left(1) + QChar(control) + sample.mid(1);
            const Status status = validateField(entity, def, value);
            if (def.multiline && value.size() <= def.maxLength) {
                QVERIFY2(status.ok(), qPrintable(QString::number(control, 16)));
            } else {
                QVERIFY2(!status.ok(), qPrintable(QString::number(control, 16)));
                QCOMPARE(errorCodeName(status.error().code), errorCodeName(ErrorCode::InvalidField));
                QCOMPARE(status.error().context, context);
            }
        }
        for (const QString &half :
             {QString(QChar(0xd800)), QString(QChar(0xdbff)), QString(QChar(0xdc00)), QString(QChar(0xdfff))}) {
            const QString value = sample.left(1) + half + sample.mid(1);
            const Status status = validateField(entity, def, value);
            QVERIFY(!status.ok());
            QCOMPARE(errorCodeName(status.error().code), errorCodeName(ErrorCode::InvalidField));
            QCOMPARE(status.error().context, context);
        }
    }

    void validatesCanonicalValues_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("valid");

        QTest::newRow("text as string") << u"title"_s << QVariant(u"Contrôle"_s) << true;
        QTest::newRow("text as bytes") << u"title"_s << QVariant(QByteArray("Contrôle")) << false;
        QTest::newRow("scale as int") << u"scale"_s << QVariant(20) << true;
        QTest::newRow("scale as qint64") << u"scale"_s << QVariant(qint64(20)) << true;
        QTest::newRow("scale as double") << u"scale"_s << QVariant(20.0) << false;
        QTest::newRow("scale as text") << u"scale"_s << QVariant(u"20"_s) << false;
        QTest::newRow("published as bool") << u"published"_s << QVariant(true) << true;
        QTest::newRow("published as int") << u"published"_s << QVariant(1) << false;
        QTest::newRow("required unset") << u"title"_s << QVariant() << false;
        QTest::newRow("optional unset") << u"description"_s << QVariant() << true;
    }

    void validatesCanonicalValues()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(bool, valid);
        const EntityDef &entity = *findEntity(u"evaluation"_s);
        QCOMPARE(validateField(entity, *entity.field(field), value).ok(), valid);
    }

    void convertsForSql()
    {
        const EntityDef &entity = *findEntity(u"evaluation"_s);
        const FieldDef &published = *entity.field(u"published"_s);
        QCOMPARE(fieldToSql(published, true), QVariant(1));
        QCOMPARE(fieldFromSql(published, QVariant(qlonglong(0))), QVariant(false));
        const FieldDef &coefficient = *entity.field(u"coefficient"_s);
        QCOMPARE(fieldFromSql(coefficient, QVariant(150)), QVariant(qint64(150)));
        const FieldDef &description = *entity.field(u"description"_s);
        const QVariant null = fieldToSql(description, QVariant());
        QVERIFY(null.isNull());
        QCOMPARE(null.metaType(), QMetaType::fromType<QString>());
        QVERIFY(!fieldFromSql(description, null).isValid());
    }
};

QTEST_GUILESS_MAIN(TestRecord)
#include "tst_record.moc"
