// The entity catalogue holds together: names, references, constraints, keys
// and defaults all name things that exist, and docs/DATA.md describes every
// entity and field.

#include "core/domain/catalog.h"
#include "core/domain/record.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Cartable::Core;
using namespace Qt::StringLiterals;

class TestCatalog : public QObject
{
    Q_OBJECT

private:
    static void addEntityRows()
    {
        QTest::addColumn<QString>("type");
        for (const EntityDef &entity : entityCatalog())
            QTest::newRow(qPrintable(entity.type)) << entity.type;
    }

private Q_SLOTS:
    void hasEveryModule()
    {
        QSet<QString> modules;
        for (const EntityDef &entity : entityCatalog())
            modules.insert(entity.module);
        QCOMPARE(modules, (QSet<QString>{u"organisation"_s, u"school_life"_s, u"pedagogy"_s, u"communication"_s,
                                         u"collaboration"_s, u"sync"_s}));
        QCOMPARE(entityCatalog().size(), 47);
    }

    void typesAreUniqueAndFound()
    {
        QSet<QString> seen;
        for (const EntityDef &entity : entityCatalog()) {
            QVERIFY2(!seen.contains(entity.type), qPrintable(entity.type));
            seen.insert(entity.type);
            QCOMPARE(findEntity(entity.type), &entity);
        }
        QCOMPARE(findEntity(u"nothing"_s), nullptr);
        QCOMPARE(findEntity(QString()), nullptr);
    }

    void entityIsWellFormed_data() { addEntityRows(); }
    void entityIsWellFormed()
    {
        QFETCH(QString, type);
        const EntityDef &entity = *findEntity(type);
        static const QRegularExpression snake(u"^[a-z][a-z0-9_]*$"_s);
        // Words that SQLite or PostgreSQL reserve, which would need quoting.
        static const QSet<QString> reserved{u"group"_s,   u"order"_s,   u"user"_s,   u"class"_s,
                                            u"table"_s,   u"select"_s,  u"from"_s,   u"where"_s,
                                            u"check"_s,   u"default"_s, u"end"_s,    u"references"_s,
                                            u"primary"_s, u"key"_s,     u"offset"_s, u"limit"_s};
        QVERIFY(snake.match(entity.type).hasMatch());
        QVERIFY(!reserved.contains(entity.type));
        QVERIFY(!entity.summary.isEmpty());
        QVERIFY(entity.since >= 1);

        QSet<QString> names;
        for (const FieldDef &field : entity.fields) {
            const QByteArray where = (entity.type + u'.' + field.name).toUtf8();
            QVERIFY2(snake.match(field.name).hasMatch(), where.constData());
            QVERIFY2(!reserved.contains(field.name), where.constData());
            QVERIFY2(field.name != u"id"_s, where.constData());
            QVERIFY2(!names.contains(field.name), where.constData());
            names.insert(field.name);
            QVERIFY2(field.since >= entity.since, where.constData());
            switch (field.type) {
            case FieldType::Ref:
                QVERIFY2(field.refEntity.isEmpty() || findEntity(field.refEntity), where.constData());
                break;
            case FieldType::Text:
                QVERIFY2(field.maxLength > 0, where.constData());
                break;
            case FieldType::Enum:
                QVERIFY2(!field.enumValues.isEmpty(), where.constData());
                for (const QString &value : field.enumValues)
                    QVERIFY2(snake.match(value).hasMatch(), where.constData());
                break;
            case FieldType::Integer:
            case FieldType::Hundredths:
                QVERIFY2(field.minimum <= field.maximum, where.constData());
                break;
            default:
                break;
            }
            if (field.defaultValue.isValid())
                QVERIFY2(validateField(entity, field, field.defaultValue).ok(), where.constData());
        }
        // Every row but the establishment itself and people and accounts,
        // which may span several establishments, belongs to one establishment.
        const QSet<QString> global{u"establishment"_s, u"person"_s, u"account"_s};
        QCOMPARE(entity.hasField(u"establishment_id"_s), !global.contains(entity.type));

        for (const ConstraintDef &constraint : entity.constraints) {
            QVERIFY2(constraint.code.startsWith(entity.type + u'.'), qPrintable(constraint.code));
            for (const QString &name : constraint.fields)
                QVERIFY2(entity.hasField(name), qPrintable(constraint.code));
            if (constraint.kind == ConstraintDef::Kind::RequiredWhen
                || constraint.kind == ConstraintDef::Kind::ForbiddenWhen) {
                QVERIFY2(entity.hasField(constraint.whenField), qPrintable(constraint.code));
                QVERIFY2(!entity.field(constraint.fields.constFirst())->required, qPrintable(constraint.code));
            }
        }
        for (const QStringList &key : entity.uniqueKeys) {
            QVERIFY(!key.isEmpty());
            for (const QString &name : key)
                QVERIFY2(entity.hasField(name), qPrintable(entity.type + u'.' + name));
        }
    }

    // A bulk load inserts in catalogue order: a required reference points
    // at an entity listed before (or at the same one).
    void requiredReferencesPointBackwards()
    {
        QSet<QString> before;
        for (const EntityDef &entity : entityCatalog()) {
            before.insert(entity.type);
            for (const FieldDef &field : entity.fields) {
                if (field.type == FieldType::Ref && field.required && !field.refEntity.isEmpty())
                    QVERIFY2(before.contains(field.refEntity), qPrintable(entity.type + u'.' + field.name));
            }
        }
    }

    void dataDocumentDescribesEveryField_data() { addEntityRows(); }
    void dataDocumentDescribesEveryField()
    {
        QFETCH(QString, type);
        QFile file(qEnvironmentVariable("CARTABLE_SOURCE_DIR") + u"/docs/DATA.md"_s);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString text = QString::fromUtf8(file.readAll());
        const qsizetype heading = text.indexOf(u"### `"_s + type + u'`');
        QVERIFY2(heading >= 0, qPrintable(u"docs/DATA.md has no section for "_s + type));
        const qsizetype next = text.indexOf(u"\n### "_s, heading + 1);
        const QString section = text.mid(heading, next < 0 ? -1 : next - heading);
        for (const FieldDef &field : findEntity(type)->fields)
            QVERIFY2(section.contains(u"| `"_s + field.name + u"` |"_s), qPrintable(type + u'.' + field.name));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
