// Who may write to whom, as the server applies it to pushed recipients, on a
// generated school, on the backend named by CARTABLE_TEST_BACKEND: a
// student's message to every parent of his class, a teacher's broadcast
// counted within one batch and across batches, the head's setting of who
// may broadcast, and the vie scolaire naming delegates.

#include "syncfixture.h"

#include "core/ids.h"
#include "core/sqlstatement.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Cartable;
using namespace Qt::StringLiterals;
using Replica = Test::PulledReplica;

namespace {

// "applied", or "rejected code context", for each result of a push.
QStringList outcomes(const QJsonObject &answer)
{
    QStringList list;
    for (const QJsonValue &value : answer.value(u"results"_s).toArray()) {
        const QJsonObject result = value.toObject();
        QString text = result.value(u"status"_s).toString();
        if (result.contains(u"error"_s)) {
            const QJsonObject error = result.value(u"error"_s).toObject();
            text += u' ' + error.value(u"code"_s).toString() + u' ' + error.value(u"context"_s).toString();
        }
        list.append(text);
    }
    return list;
}

} // namespace

class TestMessageRecipients : public Test::SyncFixture
{
    Q_OBJECT

private:
    qint64 m_number = 0;

    QStringList column(const QString &sql, const QVariantList &values)
    {
        QSqlQuery query(m_db);
        if (!query.prepare(sql))
            qFatal("cannot prepare %s", qPrintable(sql));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            qFatal("cannot run %s", qPrintable(sql));
        QStringList found;
        while (query.next())
            found.append(query.value(0).toString());
        return found;
    }

    QString accountOfPerson(const QString &person)
    {
        const QStringList accounts = column(u"SELECT id FROM account WHERE person_id = ? ORDER BY id"_s, {person});
        return accounts.value(0);
    }

    // The establishment where the actor holds his first role; for a
    // teacher, the first where he teaches a class.
    static QString establishmentOf(const Core::ActorFacts &actor)
    {
        for (const Core::EstablishmentFacts &facts : actor.establishments) {
            for (const Core::TeachingUnit &unit : facts.teaching) {
                if (!unit.classId.isEmpty())
                    return facts.establishmentId;
            }
        }
        return actor.establishments.value(0).establishmentId;
    }

    QJsonObject creation(const QString &type, const QString &id, const QJsonObject &fields)
    {
        return {{u"number"_s, ++m_number},
                {u"type"_s, type},
                {u"id"_s, id},
                {u"op"_s, u"create"_s},
                {u"fields"_s, fields},
                {u"base_version"_s, 0},
                {u"hlc"_s, u"%1-0"_s.arg(m_now + m_number)}};
    }

    QJsonObject recipient(const QString &establishment, const QString &thread, const QString &account,
                          const QString &kind = u"to"_s)
    {
        return creation(u"message_recipient"_s, Core::newId(),
                        {{u"establishment_id"_s, establishment},
                         {u"thread_id"_s, thread},
                         {u"account_id"_s, account},
                         {u"kind"_s, kind},
                         {u"archived"_s, false}});
    }

    // A new thread of `author` with his own recipient row, and a recipient
    // row for each of `accounts`.
    QJsonArray thread(const Core::ActorFacts &author, const QString &establishment, const QStringList &accounts,
                      QString *threadId)
    {
        *threadId = Core::newId();
        QJsonArray mutations{creation(u"message_thread"_s, *threadId,
                                      {{u"establishment_id"_s, establishment},
                                       {u"subject"_s, u"Sortie au musée"_s},
                                       {u"created_by"_s, author.accountId},
                                       {u"created_at"_s, m_now}}),
                             recipient(establishment, *threadId, author.accountId, u"author"_s)};
        for (const QString &account : accounts)
            mutations.append(recipient(establishment, *threadId, account));
        return mutations;
    }

    int recipientsOf(const QString &threadId)
    {
        return int(column(u"SELECT id FROM message_recipient WHERE thread_id = ?"_s, {threadId}).size());
    }

    // Accounts of the students the teacher teaches in his classes, and of
    // their guardians with legal responsibility; one student of each class
    // is left out with all his guardians, so that no class is addressed as
    // a whole and only the count decides.
    QStringList familiesTaughtBy(const Core::ActorFacts &teacher)
    {
        QStringList classes;
        for (const Core::EstablishmentFacts &facts : teacher.establishments) {
            for (const Core::TeachingUnit &unit : facts.teaching) {
                if (!unit.classId.isEmpty() && !classes.contains(unit.classId))
                    classes.append(unit.classId);
            }
        }
        QStringList accounts;
        for (const QString &schoolClass : std::as_const(classes)) {
            const QStringList students
                = column(u"SELECT student_id FROM class_membership WHERE class_id = ? ORDER BY student_id"_s,
                         {schoolClass});
            QStringList leftOut;
            for (const QString &student : students) {
                const QStringList guardians
                    = column(u"SELECT guardian_id FROM guardian_link WHERE student_id = ? AND legal_responsibility = 1 "
                             "ORDER BY guardian_id"_s,
                             {student});
                if (leftOut.isEmpty() && !guardians.isEmpty()) {
                    leftOut = guardians;
                    continue;
                }
                const QString account = accountOfPerson(student);
                if (!account.isEmpty() && !accounts.contains(account))
                    accounts.append(account);
                for (const QString &guardian : guardians) {
                    const QString guardianAccount = accountOfPerson(guardian);
                    if (!leftOut.contains(guardian) && !guardianAccount.isEmpty()
                        && !accounts.contains(guardianAccount))
                        accounts.append(guardianAccount);
                }
            }
        }
        return accounts;
    }

    QString broadcastRoles(const QString &establishment)
    {
        return column(u"SELECT broadcast_roles FROM establishment WHERE id = ?"_s, {establishment}).value(0);
    }

private Q_SLOTS:
    void initTestCase() { openSchool(); }
    void cleanupTestCase() { closeSchool(); }

    // Found with a release build: a student addressed every parent of his
    // class in one message. He writes to his teachers, the vie scolaire and
    // his class's delegates only.
    void studentMayNotWriteToEveryParent()
    {
        const Core::ActorFacts student = facts(u"eleve.leo"_s);
        const QString e = establishmentOf(student);
        const QString schoolClass = student.establishments.value(0).ownClassIds.value(0);
        QVERIFY(!schoolClass.isEmpty());
        const QStringList parents
            = column(u"SELECT DISTINCT a.id FROM account a JOIN guardian_link g ON g.guardian_id = a.person_id "
                     "JOIN class_membership m ON m.student_id = g.student_id WHERE m.class_id = ? ORDER BY a.id"_s,
                     {schoolClass});
        QVERIFY(parents.size() > 30);
        const QStringList delegates
            = column(u"SELECT a.id FROM account a JOIN class_membership m ON m.student_id = a.person_id "
                     "WHERE m.class_id = ? AND m.delegate = 1 AND a.id <> ? ORDER BY a.id"_s,
                     {schoolClass, student.accountId});
        // The reference school names two delegates a class.
        QVERIFY(!delegates.isEmpty());
        QCOMPARE(column(u"SELECT id FROM class_membership WHERE class_id = ? AND delegate = 1"_s, {schoolClass}).size(),
                 2);
        const QString mainTeacher = accountOfPerson(
            column(u"SELECT main_teacher_id FROM school_class WHERE id = ?"_s, {schoolClass}).value(0));
        QVERIFY(!mainTeacher.isEmpty());
        const QString classmate
            = column(u"SELECT a.id FROM account a JOIN class_membership m ON m.student_id = a.person_id "
                     "WHERE m.class_id = ? AND m.delegate = 0 AND a.id <> ? ORDER BY a.id"_s,
                     {schoolClass, student.accountId})
                  .value(0);
        QVERIFY(!classmate.isEmpty());
        const QStringList allowed{mainTeacher, accountOf(u"cpe.petit"_s), delegates.constFirst()};
        const QStringList refused = parents + QStringList{classmate, accountOf(u"direction.leroy"_s)};

        QString threadId;
        const QJsonObject answer = push(student, Core::newId(), thread(student, e, allowed + refused, &threadId));
        QStringList expected(2 + allowed.size(), u"applied"_s);
        for (qsizetype i = 0; i < refused.size(); ++i)
            expected.append(u"rejected forbidden message_recipient.student_may_not_write"_s);
        QCOMPARE(outcomes(answer), expected);
        QCOMPARE(recipientsOf(threadId), 1 + int(allowed.size()));
    }

    // Within one batch, the rows written before are counted: the 31st
    // student or guardian of a teacher's thread is refused, the 30 before
    // stand, and staff may still be added.
    void teachersBroadcastInOneBatch()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        const QStringList families = familiesTaughtBy(teacher);
        QVERIFY2(families.size() > 31, qPrintable(QString::number(families.size())));
        QString threadId;
        QJsonArray mutations = thread(teacher, establishmentOf(teacher), families.mid(0, 31), &threadId);
        mutations.append(recipient(establishmentOf(teacher), threadId, accountOf(u"cpe.petit"_s)));
        QStringList expected(2 + 30, u"applied"_s);
        expected << u"rejected forbidden message_recipient.broadcast_not_allowed"_s << u"applied"_s;
        QCOMPARE(outcomes(push(teacher, Core::newId(), mutations)), expected);
        QCOMPARE(recipientsOf(threadId), 1 + 30 + 1);
    }

    // Across batches, the same count.
    void teachersBroadcastOverTwoBatches()
    {
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        const QStringList families = familiesTaughtBy(teacher);
        const QString client = Core::newId();
        QString threadId;
        const QJsonObject first = push(teacher, client,
                                       thread(teacher, establishmentOf(teacher), families.mid(0, 20), &threadId));
        QCOMPARE(outcomes(first), QStringList(22, u"applied"_s));
        QJsonArray second;
        for (const QString &account : families.mid(20, 11))
            second.append(recipient(establishmentOf(teacher), threadId, account));
        QStringList expected(10, u"applied"_s);
        expected << u"rejected forbidden message_recipient.broadcast_not_allowed"_s;
        QCOMPARE(outcomes(push(teacher, client, second)), expected);
        QCOMPARE(recipientsOf(threadId), 1 + 30);
    }

    // The head broadcasts by default.
    void headBroadcasts()
    {
        const Core::ActorFacts head = facts(u"direction.leroy"_s);
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        QCOMPARE(establishmentOf(teacher), establishmentOf(head));
        const QStringList families = familiesTaughtBy(teacher);
        QString threadId;
        const QJsonObject answer = push(head, Core::newId(), thread(head, establishmentOf(head), families, &threadId));
        QCOMPARE(outcomes(answer), QStringList(2 + families.size(), u"applied"_s));
        QCOMPARE(recipientsOf(threadId), 1 + int(families.size()));
    }

    // The vie scolaire names delegates, and changes nothing else of a
    // membership.
    void vieScolaireNamesDelegates()
    {
        const Core::ActorFacts cpe = facts(u"cpe.petit"_s);
        Replica replica;
        pullInto(replica, cpe, 2000);
        QString membership;
        qint64 version = 0;
        for (auto it = replica.rows.cbegin(); it != replica.rows.cend(); ++it) {
            if (it.key().startsWith(u"class_membership/"_s) && !it.value().value(u"delegate"_s).toBool()) {
                membership = it.value().value(u"id"_s).toString();
                version = replica.versions.value(it.key());
                break;
            }
        }
        QVERIFY(!membership.isEmpty());
        QCOMPARE(outcomes(push(cpe, Core::newId(),
                               {update(1, u"class_membership"_s, membership, {{u"ends_on"_s, u"2025-07-04"_s}}, version,
                                       m_now)})),
                 QStringList{u"rejected forbidden class_membership.delegate_only"_s});
        QCOMPARE(outcomes(
                     push(cpe, Core::newId(),
                          {update(1, u"class_membership"_s, membership, {{u"delegate"_s, true}}, version, m_now)})),
                 QStringList{u"applied"_s});
        QCOMPARE(column(u"SELECT delegate FROM class_membership WHERE id = ?"_s, {membership}).value(0), u"1"_s);
        QCOMPARE(outcomes(
                     push(facts(u"prof.martin"_s), Core::newId(),
                          {update(1, u"class_membership"_s, membership, {{u"delegate"_s, false}}, version, m_now)})),
                 QStringList{u"rejected forbidden class_membership.not_allowed"_s});
    }

    // The head chooses who broadcasts; nobody else, and nothing but that.
    void headChoosesWhoBroadcasts()
    {
        const Core::ActorFacts head = facts(u"direction.leroy"_s);
        const QString e = establishmentOf(head);
        Replica replica;
        pullInto(replica, head, 2000);
        const qint64 version = replica.versions.value(u"establishment/"_s + e);
        QVERIFY(version > 0);
        QCOMPARE(broadcastRoles(e), u"head,vie_scolaire,secretariat"_s);
        const QJsonObject withTeachers{{u"broadcast_roles"_s, u"head,vie_scolaire,secretariat,teacher"_s}};

        QCOMPARE(outcomes(push(facts(u"secretariat.bernard"_s), Core::newId(),
                               {update(1, u"establishment"_s, e, withTeachers, version, m_now)})),
                 QStringList{u"rejected forbidden establishment.not_allowed"_s});
        QCOMPARE(outcomes(push(head, Core::newId(),
                               {update(1, u"establishment"_s, e, {{u"name"_s, u"Lycée Hugo"_s}}, version, m_now)})),
                 QStringList{u"rejected forbidden establishment.only_broadcast_roles"_s});
        QCOMPARE(outcomes(push(head, Core::newId(),
                               {update(1, u"establishment"_s, e, {{u"broadcast_roles"_s, u"head,guardian"_s}}, version,
                                       m_now)})),
                 QStringList{u"rejected invalid_field establishment.broadcast_roles"_s});
        QCOMPARE(broadcastRoles(e), u"head,vie_scolaire,secretariat"_s);

        QCOMPARE(outcomes(push(head, Core::newId(), {update(1, u"establishment"_s, e, withTeachers, version, m_now)})),
                 QStringList{u"applied"_s});
        QCOMPARE(broadcastRoles(e), u"head,vie_scolaire,secretariat,teacher"_s);
        const Core::ActorFacts teacher = facts(u"prof.martin"_s);
        const QStringList families = familiesTaughtBy(teacher);
        QString threadId;
        const QJsonObject answer = push(teacher, Core::newId(), thread(teacher, e, families.mid(0, 31), &threadId));
        QCOMPARE(outcomes(answer), QStringList(2 + 31, u"applied"_s));
    }
};

CARTABLE_BACKEND_TEST_MAIN(TestMessageRecipients)
#include "tst_messagerecipients.moc"
