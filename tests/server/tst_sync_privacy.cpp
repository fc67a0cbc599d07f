// What sync must never give away: rows of other people in push answers (and
// whether they exist), grades before the teacher shows them, the personal
// data of staff. Each test plays a student, a parent or the local authority
// against a generated school.

#include "syncfixture.h"

#include "server/scoperesolver.h"
#include "server/sync/feedindexer.h"
#include "server/sync/feedstore.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "core/policy/buckets.h"
#include "core/policy/readscope.h"
#include "core/sqlstatement.h"

#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Server;
using namespace Qt::StringLiterals;
using Core::Record;

namespace {

const QStringList kActors{u"eleve.leo"_s,           u"parent.dubois"_s,   u"prof.martin"_s,        u"cpe.petit"_s,
                          u"secretariat.bernard"_s, u"direction.leroy"_s, u"collectivite.moreau"_s};

QJsonObject firstResult(const QJsonObject &answer)
{
    return answer.value(u"results"_s).toArray().at(0).toObject();
}

// The answer without its mutation number, to compare two answers.
QJsonObject withoutNumber(QJsonObject result)
{
    result.remove(u"number"_s);
    return result;
}

} // namespace

class TestSyncPrivacy : public Test::SyncFixture
{
    Q_OBJECT

private:
    // Up to `count` ids of `type` that `visible` holds (or does not hold).
    QStringList sampleIds(const QString &type, const QSet<QString> &visible, bool readable, int count)
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"SELECT id FROM %1 ORDER BY id"_s.arg(type)))
            qFatal("cannot read %s", qPrintable(type));
        QStringList ids;
        while (query.next() && ids.size() < count) {
            const QString id = query.value(0).toString();
            if (visible.contains(type + u'/' + id) == readable)
                ids.append(id);
        }
        return ids;
    }

    // A change that leaves the row as it is: its first set field, again.
    static QJsonObject sameValue(const Core::EntityDef &entity, const Record &row)
    {
        for (const Core::FieldDef &field : entity.fields) {
            if (row.isSet(field.name))
                return {{field.name, Core::fieldToJson(field, row.value(field.name))}};
        }
        return {};
    }

    QString loginOfPerson(const QString &personId)
    {
        QSqlQuery query(m_db);
        if (!Core::execPrepared(query, u"SELECT login FROM account WHERE person_id = ? ORDER BY login"_s, personId)
            || !query.next()) {
            qFatal("no account for %s", qPrintable(personId));
        }
        return query.value(0).toString();
    }

    qint64 versionOf(const QString &type, const QString &id)
    {
        const Core::Result<std::optional<RowState>> state = FeedStore(m_db).rowState(type, id);
        return state && *state ? (*state)->version : 0;
    }

    QSet<QString> staffPeople()
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"SELECT DISTINCT a.person_id FROM account a JOIN account_role r ON r.account_id = a.id "
                        "WHERE r.role IN ('teacher', 'vie_scolaire', 'secretariat', 'head')"_s)) {
            qFatal("cannot read the staff");
        }
        QSet<QString> people;
        while (query.next())
            people.insert(query.value(0).toString());
        return people;
    }

private Q_SLOTS:
    void initTestCase() { openSchool(); }
    void cleanupTestCase() { closeSchool(); }

    // The matrix of push answers: for every role and every entity, a
    // refused or merged push carries the server's row only when the account
    // may read it, and a row it may not read answers exactly as an id that
    // does not exist, for an update and for a deletion.
    void pushAnswersCarryOnlyReadableRows_data()
    {
        QTest::addColumn<QString>("login");
        for (const QString &login : kActors)
            QTest::newRow(qPrintable(login)) << login;
    }

    void pushAnswersCarryOnlyReadableRows()
    {
        QFETCH(QString, login);
        const Core::ActorFacts actor = facts(login);
        const QSet<QString> visible = visibleRows(actor);
        const SqlPolicyLookup lookup(m_db);
        const QString client = Core::newId();
        qint64 number = 0;
        int unreadableSeen = 0;
        for (const Core::EntityDef &entity : Core::entityCatalog()) {
            const QJsonObject unknownRemoval = withoutNumber(
                firstResult(push(actor, client, {removal(++number, entity.type, Core::newId(), 0, m_now)})));

            for (bool readable : {true, false}) {
                for (const QString &id : sampleIds(entity.type, visible, readable, 2)) {
                    const std::optional<Record> row = lookup.row(entity.type, id);
                    QVERIFY(row);
                    const QJsonObject result = firstResult(
                        push(actor, client,
                             {update(++number, entity.type, id, sameValue(entity, *row), versionOf(entity.type, id),
                                     m_now)}));
                    const QString where = login + u' ' + entity.type + u'/' + id;
                    if (readable) {
                        // Whatever the answer, a row in it is one he reads.
                        if (result.value(u"row"_s).isObject()) {
                            const QJsonObject sent = result.value(u"row"_s).toObject();
                            QVERIFY2(visible.contains(sent.value(u"type"_s).toString() + u'/'
                                                      + sent.value(u"id"_s).toString()),
                                     qPrintable(where));
                        }
                        continue;
                    }
                    ++unreadableSeen;
                    // The same change on an id that does not exist.
                    const QJsonObject unknown = withoutNumber(firstResult(
                        push(actor, client,
                             {update(++number, entity.type, Core::newId(), sameValue(entity, *row), 0, m_now)})));
                    QCOMPARE(unknown.value(u"status"_s).toString(), u"rejected"_s);
                    QCOMPARE(unknown.value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_found"_s);
                    QVERIFY2(withoutNumber(result) == unknown,
                             qPrintable(where + u": "_s + QString::fromUtf8(QJsonDocument(result).toJson())));
                    const QJsonObject removed = firstResult(
                        push(actor, client, {removal(++number, entity.type, id, versionOf(entity.type, id), m_now)}));
                    QVERIFY2(withoutNumber(removed) == unknownRemoval, qPrintable(where));
                    QVERIFY2(lookup.row(entity.type, id).has_value(), qPrintable(where + u" was deleted"_s));
                }
            }
        }
        // Every role but the school-wide ones has rows it may not read.
        if (login != u"secretariat.bernard"_s && login != u"direction.leroy"_s && login != u"cpe.petit"_s)
            QVERIFY(unreadableSeen > (login == u"prof.martin"_s ? 5 : 20));
    }

    // A student who pushes changes to another student's homework submission,
    // to a person or to another family's absence learns nothing of them.
    void refusedPushesOfAStudentRevealNothing()
    {
        const Core::ActorFacts student = facts(u"eleve.leo"_s);
        const QSet<QString> visible = visibleRows(student);
        const QStringList submissions = sampleIds(u"homework_submission"_s, visible, false, 1);
        const QStringList people = sampleIds(u"person"_s, visible, false, 1);
        QVERIFY(!submissions.isEmpty());
        QVERIFY(!people.isEmpty());
        const QString client = Core::newId();
        const QJsonObject feedback = firstResult(
            push(student, client,
                 {update(1, u"homework_submission"_s, submissions.first(), {{u"comment"_s, u"Je copie."_s}},
                         versionOf(u"homework_submission"_s, submissions.first()), m_now)}));
        QCOMPARE(feedback.value(u"status"_s).toString(), u"rejected"_s);
        QCOMPARE(feedback.value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_found"_s);
        QVERIFY(feedback.value(u"row"_s).isNull());
        QCOMPARE(feedback.value(u"version"_s).toInteger(), 0);
        const QJsonObject person = firstResult(push(student, client,
                                                    {update(2, u"person"_s, people.first(), {{u"city"_s, u"Lyon"_s}},
                                                            versionOf(u"person"_s, people.first()), m_now)}));
        QVERIFY(person.value(u"row"_s).isNull());
        QCOMPARE(person.value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_found"_s);
        QVERIFY(!QJsonDocument(person).toJson().contains("birth_date"));

        // Made again under an id that is taken: the answer a new id would
        // get, and the row stays as it was.
        const Record before = SqlPolicyLookup(m_db).row(u"homework_submission"_s, submissions.first()).value();
        Record mine = before;
        mine.set(u"student_id"_s, student.personId);
        QJsonObject fields = Core::recordToJson(*Core::findEntity(u"homework_submission"_s), mine);
        fields.remove(u"id"_s);
        fields.remove(u"type"_s);
        QJsonObject create{{u"number"_s, 3},
                           {u"type"_s, u"homework_submission"_s},
                           {u"id"_s, before.id()},
                           {u"op"_s, u"create"_s},
                           {u"fields"_s, fields},
                           {u"base_version"_s, 0},
                           {u"hlc"_s, u"%1-0"_s.arg(m_now)}};
        const QJsonObject made = firstResult(push(student, client, {create}));
        QCOMPARE(made.value(u"status"_s).toString(), u"rejected"_s);
        QVERIFY(made.value(u"row"_s).isNull());
        QCOMPARE(SqlPolicyLookup(m_db).row(u"homework_submission"_s, before.id()).value(), before);

        // A parent and another family's absence.
        const Core::ActorFacts parent = facts(u"parent.dubois"_s);
        const QStringList absences = sampleIds(u"absence"_s, visibleRows(parent), false, 1);
        QVERIFY(!absences.isEmpty());
        const QJsonObject absence = firstResult(
            push(parent, Core::newId(),
                 {update(1, u"absence"_s, absences.first(), {{u"justification_text"_s, u"Malade"_s}},
                         versionOf(u"absence"_s, absences.first()), m_now)}));
        QCOMPARE(absence.value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_found"_s);
        QVERIFY(absence.value(u"row"_s).isNull());
    }

    // Grades, assessments and the evaluation itself stay with the staff
    // until the teacher publishes it; then they reach the family, and leave
    // again if he takes it back.
    void unpublishedEvaluationsStayWithStaff()
    {
        const Core::ActorFacts parent = facts(u"parent.dubois"_s);
        Test::PulledReplica family;
        pullInto(family, parent, 500);
        QVERIFY(!family.rows.isEmpty());

        // The children's unpublished evaluations with grades.
        QStringList children;
        for (const Core::EstablishmentFacts &place : parent.establishments) {
            for (const Core::ChildFacts &child : place.children) {
                if (child.legalResponsibility)
                    children.append(child.studentId);
            }
        }
        QVERIFY(!children.isEmpty());
        QSqlQuery query(m_db);
        QVERIFY(query.exec(u"SELECT g.id, g.evaluation_id, g.student_id FROM grade g JOIN evaluation e "
                           "ON e.id = g.evaluation_id WHERE e.published = 0 ORDER BY g.id"_s));
        QMap<QString, QStringList> hidden; // evaluation → grades of the children
        while (query.next()) {
            if (children.contains(query.value(2).toString()))
                hidden[query.value(1).toString()].append(query.value(0).toString());
        }
        QVERIFY2(!hidden.isEmpty(), "the school has no unpublished grade of the children");
        for (auto it = hidden.cbegin(); it != hidden.cend(); ++it) {
            QVERIFY(!family.rows.contains(u"evaluation/"_s + it.key()));
            for (const QString &grade : it.value())
                QVERIFY2(!family.rows.contains(u"grade/"_s + grade), qPrintable(grade));
        }
        const Core::ActorFacts student = facts(u"eleve.leo"_s);
        Test::PulledReplica own;
        pullInto(own, student, 500);
        for (auto it = hidden.cbegin(); it != hidden.cend(); ++it) {
            for (const QString &grade : it.value())
                QVERIFY(!own.rows.contains(u"grade/"_s + grade));
        }

        // The teacher publishes one of an open period: it arrives; he takes
        // it back: it goes.
        QString evaluationId;
        for (auto it = hidden.cbegin(); it != hidden.cend() && evaluationId.isEmpty(); ++it) {
            const Record candidate = SqlPolicyLookup(m_db).row(u"evaluation"_s, it.key()).value();
            const std::optional<Record> period = SqlPolicyLookup(m_db).row(u"period"_s, candidate.text(u"period_id"_s));
            if (period && !period->flag(u"closed"_s))
                evaluationId = it.key();
        }
        QVERIFY2(!evaluationId.isEmpty(), "no unpublished evaluation of the children in an open period");
        const Record evaluation = SqlPolicyLookup(m_db).row(u"evaluation"_s, evaluationId).value();
        const Core::ActorFacts teacher = facts(loginOfPerson(evaluation.text(u"teacher_id"_s)));
        Test::PulledReplica teachers;
        pullInto(teachers, teacher, 500);
        QVERIFY(teachers.rows.contains(u"evaluation/"_s + evaluationId));
        for (const QString &grade : hidden.value(evaluationId))
            QVERIFY(teachers.rows.contains(u"grade/"_s + grade));
        const QString client = Core::newId();
        QCOMPARE(describe(push(teacher, client,
                               {update(1, u"evaluation"_s, evaluationId, {{u"published"_s, true}},
                                       versionOf(u"evaluation"_s, evaluationId), m_now)})),
                 u"applied"_s);
        pullInto(family, parent, 500);
        QVERIFY(family.rows.contains(u"evaluation/"_s + evaluationId));
        for (const QString &grade : hidden.value(evaluationId))
            QVERIFY2(family.rows.contains(u"grade/"_s + grade), qPrintable(grade));
        QCOMPARE(describe(push(teacher, client,
                               {update(2, u"evaluation"_s, evaluationId, {{u"published"_s, false}},
                                       versionOf(u"evaluation"_s, evaluationId), m_now + 10)})),
                 u"applied"_s);
        pullInto(family, parent, 500);
        QVERIFY(!family.rows.contains(u"evaluation/"_s + evaluationId));
        for (const QString &grade : hidden.value(evaluationId))
            QVERIFY(!family.rows.contains(u"grade/"_s + grade));
        // The teacher kept them all along.
        pullInto(teachers, teacher, 500);
        for (const QString &grade : hidden.value(evaluationId))
            QVERIFY(teachers.rows.contains(u"grade/"_s + grade));

        // Draft bulletins and appreciations never reach the family.
        for (auto it = family.rows.cbegin(); it != family.rows.cend(); ++it) {
            QVERIFY(!it.key().startsWith(u"period_appreciation/"_s));
            if (it.key().startsWith(u"report_card/"_s))
                QCOMPARE(it.value().value(u"status"_s).toString(), u"published"_s);
        }
    }

    // Families, students and colleagues read the staff directory, not the
    // staff's person rows; the local authority reads neither.
    void staffPersonalDataIsNotPublic_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<bool>("readsDirectory");
        QTest::addColumn<bool>("readsStaffPeople");
        QTest::newRow("student") << u"eleve.leo"_s << true << false;
        QTest::newRow("guardian") << u"parent.dubois"_s << true << false;
        QTest::newRow("teacher") << u"prof.martin"_s << true << false;
        QTest::newRow("vie scolaire") << u"cpe.petit"_s << true << false;
        QTest::newRow("secretariat") << u"secretariat.bernard"_s << true << true;
        QTest::newRow("local authority") << u"collectivite.moreau"_s << false << false;
    }

    void staffPersonalDataIsNotPublic()
    {
        QFETCH(QString, login);
        QFETCH(bool, readsDirectory);
        QFETCH(bool, readsStaffPeople);
        const Core::ActorFacts actor = facts(login);
        Test::PulledReplica replica;
        pullInto(replica, actor, 1000);
        const QSet<QString> staff = staffPeople();
        int directory = 0;
        int staffPeopleRead = 0;
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it) {
            if (it.key().startsWith(u"staff_member/"_s)) {
                ++directory;
                for (const QString &personal : {u"birth_date"_s, u"phone"_s, u"address"_s, u"email"_s, u"ine"_s})
                    QVERIFY(!it.value().contains(personal));
            }
            const QString person = it.key().startsWith(u"person/"_s) ? it.key().mid(7) : QString();
            if (!person.isEmpty() && person != actor.personId && staff.contains(person))
                ++staffPeopleRead;
            if (login == u"collectivite.moreau"_s)
                QVERIFY2(!it.key().startsWith(u"person/"_s) || person == actor.personId, qPrintable(it.key()));
        }
        QCOMPARE(directory > 0, readsDirectory);
        QCOMPARE(staffPeopleRead > 0, readsStaffPeople);
    }

    // The directory follows the people it names: a new name, a role that
    // goes, as one change each.
    void staffDirectoryFollowsPeopleAndRoles()
    {
        const Core::ActorFacts secretariat = facts(u"secretariat.bernard"_s);
        const Core::ActorFacts student = facts(u"eleve.leo"_s);
        Test::PulledReplica pupil;
        pullInto(pupil, student, 1000);
        // A teacher of the student's.
        QString memberKey;
        for (auto it = pupil.rows.cbegin(); it != pupil.rows.cend(); ++it) {
            if (it.key().startsWith(u"staff_member/"_s) && it.value().value(u"role"_s).toString() == u"teacher"_s
                && it.value().value(u"account_id"_s).toString() != accountOf(u"prof.martin"_s)) {
                memberKey = it.key();
                break;
            }
        }
        QVERIFY(!memberKey.isEmpty());
        const QJsonObject member = pupil.rows.value(memberKey);
        const QString personId = member.value(u"person_id"_s).toString();
        const QString client = Core::newId();
        QCOMPARE(describe(push(secretariat, client,
                               {update(1, u"person"_s, personId, {{u"last_name"_s, u"Nouveau-Nom"_s}},
                                       versionOf(u"person"_s, personId), m_now)})),
                 u"applied"_s);
        pullInto(pupil, student, 1000);
        QCOMPARE(pupil.rows.value(memberKey).value(u"last_name"_s).toString(), u"Nouveau-Nom"_s);
        QVERIFY(!pupil.rows.contains(u"person/"_s + personId));

        QSqlQuery query(m_db);
        QVERIFY(Core::execPrepared(query,
                                   u"SELECT r.id FROM account_role r WHERE r.account_id = ? AND r.role = 'teacher'"_s,
                                   member.value(u"account_id"_s).toString()));
        QVERIFY(query.next());
        const QString roleId = query.value(0).toString();
        query.finish();
        QCOMPARE(describe(
                     push(secretariat, client,
                          {removal(2, u"account_role"_s, roleId, versionOf(u"account_role"_s, roleId), m_now + 10)})),
                 u"applied"_s);
        pullInto(pupil, student, 1000);
        QVERIFY(!pupil.rows.contains(memberKey));
        QVERIFY(!SqlPolicyLookup(m_db).row(u"staff_member"_s, member.value(u"id"_s).toString()));
    }

    // A database from before these buckets: its rows get them again at once.
    void rowsOfAnOlderDatabaseAreRebucketed()
    {
        const QString teacher = facts(u"prof.martin"_s).personId;
        const QString establishment = facts(u"prof.martin"_s).establishments.first().establishmentId;
        const QString publicBucket = Core::Bucket::establishment(establishment);
        // As an older server filed it.
        QSqlQuery query(m_db);
        QVERIFY(Core::execPrepared(query,
                                   u"INSERT INTO row_bucket (bucket, entity, row_id, seq, removed) "
                                   "VALUES (?, 'person', ?, 1, 0)"_s,
                                   publicBucket, teacher));
        QVERIFY(FeedIndexer(m_db).rebucketAll({u"person"_s}).value() > 0);
        QVERIFY(Core::execPrepared(query,
                                   u"SELECT removed, seq FROM row_bucket WHERE bucket = ? AND entity = 'person' "
                                   "AND row_id = ?"_s,
                                   publicBucket, teacher));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toLongLong(), feedHead());
    }
};

QTEST_GUILESS_MAIN(TestSyncPrivacy)
#include "tst_sync_privacy.moc"
