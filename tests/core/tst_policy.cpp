// The authorisation matrix: for every entity of the catalogue, what each role
// may read, create, update and delete, written out as a table, and the
// focused rules behind it.

#include "tests/support/policyworld.h"

#include "core/domain/catalog.h"
#include "core/policy/buckets.h"
#include "core/policy/readscope.h"
#include "core/policy/writepolicy.h"

#include <QSet>
#include <QTest>

using namespace Cartable;
using namespace Cartable::Core;
using namespace Qt::StringLiterals;
using Test::Actor;

Q_DECLARE_METATYPE(Cartable::Test::Actor)

namespace {

// One line of the matrix: a sample row of e1 (in the scope of T1, S1 and
// P1), the fields an update changes ("#x" is an id of the world), and for
// S1, P1, T1, V (vie scolaire), Y (secretariat), H (head) and L (local
// authority) "rcud" with '-' where the answer is no.
struct MatrixLine
{
    const char16_t *entity;
    const char16_t *sampleId;
    QVariantMap update;
    const char16_t *expected;
};

const QList<MatrixLine> &matrix()
{
    // clang-format off
    static const QList<MatrixLine> lines{
        //  entity                  sample        update                                           S1   P1   T1   V    Y    H    L
        {u"establishment",         u"e1",         {{u"name"_s, u"Lycée Colbert bis"_s}},           u"r--- r--- r--- r--- r--- r--- r---"},
        {u"school_year",           u"sy1",        {{u"ends_on"_s, u"2025-07-05"_s}},                u"r--- r--- r--- r--- rcu- rcu- r---"},
        {u"period",                u"per1",       {{u"name"_s, u"Premier trimestre"_s}},           u"r--- r--- r--- r--- rcu- rcu- r---"},
        {u"person",                u"s1",         {{u"city"_s, u"Paris"_s}},                        u"r--- r--- r--- r--- rcu- rcu- ----"},
        {u"person",                u"t1",         {{u"city"_s, u"Paris"_s}},                        u"---- ---- r--- ---- rcu- rcu- ----"},
        {u"staff_member",          u"sm-t1",      {{u"last_name"_s, u"Martin"_s}},                  u"r--- r--- r--- r--- r--- r--- ----"},
        {u"account",               u"a-s1",       {{u"display_name"_s, u"S. Un"_s}},                u"r--- ---- ---- ---- rcu- rcu- ----"},
        {u"account_role",          u"ar-s1",      {{u"role"_s, u"guardian"_s}},                     u"r--- ---- ---- ---- rcud rcud ----"},
        {u"guardian_link",         u"gl-p1",      {{u"contact_order"_s, qint64(2)}},                u"r--- r--- r--- r--- rcud rcud ----"},
        {u"subject",               u"mat",        {{u"name"_s, u"Maths"_s}},                        u"r--- r--- r--- r--- rcud rcud r---"},
        {u"school_class",          u"c1",         {{u"name"_s, u"Seconde 1"_s}},                    u"r--- r--- r--- r--- rcud rcud r---"},
        {u"teaching_group",        u"g1",         {{u"name"_s, u"Expertes"_s}},                     u"r--- r--- r--- r--- rcud rcud r---"},
        {u"class_membership",      u"cm-s1",      {{u"ends_on"_s, u"2025-07-04"_s}},                u"r--- r--- r--- r--- rcud rcud ----"},
        {u"group_membership",      u"gm-s1",      {{u"group_id"_s, u"#g2"_s}},                      u"r--- r--- r--- r--- rcud rcud ----"},
        {u"teaching_assignment",   u"ta-t1-c1",   {{u"hours_per_week"_s, qint64(400)}},             u"r--- r--- r--- r--- rcud rcud r---"},
        {u"enrolment",             u"en-s1",      {{u"coefficient"_s, qint64(200)}},                u"r--- r--- r--- r--- rcud rcud ----"},
        {u"timetable_slot",        u"ts1",        {{u"room"_s, u"B12"_s}},                          u"r--- r--- r--- r--- rcud rcud ----"},
        {u"timetable_exception",   u"tx1",        {{u"note"_s, u"Sortie"_s}},                       u"r--- r--- r--- r--- rcud rcud ----"},
        {u"lesson_session",        u"ls1",        {{u"duration_minutes"_s, qint64(50)}},            u"r--- r--- rcud r--- r--- r--- ----"},
        {u"roll_call_entry",       u"rc1",        {{u"status"_s, u"late"_s}, {u"minutes_late"_s, qint64(5)}},
                                                                                                    u"r--- r--- rcud r-u- r--- r--- ----"},
        {u"absence",               u"ab1",        {{u"justification_status"_s, u"submitted"_s}, {u"justification_text"_s, u"Malade"_s},
                                                   {u"justified_by"_s, u"#a-p1"_s}, {u"justified_at"_s, qint64(1728000000001)}},
                                                                                                    u"r--- r-u- r--- rcud rcu- rcu- ----"},
        {u"correspondence_note",   u"cn1",        {{u"acknowledged_by"_s, u"#a-p1"_s}, {u"acknowledged_at"_s, qint64(1728000000001)}},
                                                                                                    u"r--- r-u- rc-- rcu- r--- r--- ----"},
        {u"consent_form",          u"cf1",        {{u"title"_s, u"Sortie au musée"_s}},             u"r--- r--- r--- r--- rcud rcud ----"},
        {u"consent_signature",     u"sig1",       {{u"answer"_s, u"refused"_s}},                    u"r--- rcu- r--- r--- r--- r--- ----"},
        {u"competency_framework",  u"fw1",        {{u"name"_s, u"Socle"_s}},                        u"r--- r--- r--- r--- rcud rcud r---"},
        {u"competency",            u"comp1",      {{u"label"_s, u"Comprendre et s'exprimer"_s}},    u"r--- r--- r--- r--- rcud rcud r---"},
        {u"evaluation",            u"ev1",        {{u"title"_s, u"Devoir surveillé"_s}},            u"r--- r--- rcud r--- r--- r--- ----"},
        {u"evaluation_competency", u"evc1",       {{u"competency_id"_s, u"#comp2"_s}},              u"r--- r--- rcud r--- r--- r--- ----"},
        {u"grade",                 u"gr1",        {{u"mark"_s, qint64(1650)}},                      u"r--- r--- rcud r--- r--- r--- ----"},
        {u"evaluation",            u"ev-draft",   {{u"title"_s, u"Devoir surveillé"_s}},            u"---- ---- rcud r--- r--- r--- ----"},
        {u"grade",                 u"gr-draft",   {{u"mark"_s, qint64(1650)}},                      u"---- ---- rcud r--- r--- r--- ----"},
        {u"competency_assessment", u"ca1",        {{u"level"_s, u"satisfactory"_s}},                u"r--- r--- rcud r--- r--- r--- ----"},
        {u"period_appreciation",   u"pa1",        {{u"text"_s, u"Très bon travail."_s}},            u"---- ---- rcud r--- r--- r--- ----"},
        {u"report_card",           u"rcard1",     {{u"content"_s, u"{}"_s}},                        u"---- ---- r--- r--- rcu- rcu- ----"},
        {u"lesson_content",        u"lc1",        {{u"title"_s, u"Fonctions affines"_s}},           u"r--- r--- rcud r--- r--- r--- ----"},
        {u"homework",              u"hw1",        {{u"text"_s, u"Exercices 1 à 6."_s}},             u"r--- r--- rcud r--- r--- r--- ----"},
        {u"homework_submission",   u"sub1",       {{u"comment"_s, u"Voici mon travail."_s}},        u"rcu- r--- r--- r--- r--- r--- ----"},
        {u"message_thread",        u"th1",        {{u"subject"_s, u"Sortie lundi"_s}},              u"r--- r--- rc-- ---- ---- ---- ----"},
        {u"message",               u"msg1",       {{u"body"_s, u"Bonjour à tous."_s}},              u"r--- r--- rc-- ---- ---- ---- ----"},
        {u"message_recipient",     u"mr-s1",      {{u"read_at"_s, qint64(1728000000001)}},          u"r-u- r--- rc-- ---- ---- ---- ----"},
        {u"news_post",             u"np1",        {{u"title"_s, u"Sortie lundi"_s}},                u"r--- r--- rcud rcud rcud rcud ----"},
        {u"resource",              u"res1",       {{u"name"_s, u"Salle 102"_s}},                    u"---- ---- r--- r--- rcud rcud ----"},
        {u"booking",               u"bk1",        {{u"purpose"_s, u"Conseil"_s}},                   u"---- ---- rcud r--- rcud rcud ----"},
        {u"working_group",         u"wg1",        {{u"name"_s, u"Projet théâtre"_s}},               u"---- ---- rcud r--- ---- ---- ----"},
        {u"working_group_member",  u"wgm-v",      {{u"role"_s, u"owner"_s}},                        u"---- ---- rcud r--- ---- ---- ----"},
        {u"document_folder",       u"df1",        {{u"name"_s, u"Cours et exercices"_s}},           u"r--- r--- rcud rcud rcud rcud ----"},
        {u"document",              u"doc1",       {{u"description"_s, u"Chapitre 1"_s}},            u"r--- r--- rcud r-ud r-ud r-ud ----"},
        {u"document_share",        u"ds1",        {{u"permission"_s, u"write"_s}},                  u"r--- r--- rcud rcud rcud rcud ----"},
        {u"attachment",            u"att1",       {{u"file_name"_s, u"sujet-v2.pdf"_s}},            u"r--- r--- rcud r--- r--- r--- ----"},
        {u"sync_conflict",         u"conf1",      {{u"status"_s, u"dismissed"_s}, {u"resolved_by"_s, u"#a-t1"_s},
                                                   {u"resolved_at"_s, qint64(1728000000001)}},
                                                                                                    u"---- ---- r-u- r--- ---- ---- ----"},
    };
    // clang-format on
    return lines;
}

const QList<Actor> kMatrixActors{Actor::S1, Actor::P1, Actor::T1, Actor::V, Actor::Y, Actor::H, Actor::L};

QString actorName(Actor actor)
{
    static const QHash<Actor, QString> names{
        {Actor::S1, u"S1"_s}, {Actor::P1, u"P1"_s}, {Actor::T1, u"T1"_s}, {Actor::V, u"V"_s},   {Actor::Y, u"Y"_s},
        {Actor::H, u"H"_s},   {Actor::L, u"L"_s},   {Actor::P3, u"P3"_s}, {Actor::T2, u"T2"_s}, {Actor::S2, u"S2"_s},
    };
    return names.value(actor);
}

// The row after an update: `update`'s values over `before`.
Record updated(const Record &before, const QVariantMap &update, const QString &prefix)
{
    Record after = before;
    const Record changes = Test::worldRecord(before.type(), before.id(), update, prefix);
    for (auto it = changes.values().cbegin(); it != changes.values().cend(); ++it)
        after.set(it.key(), it.value());
    return after;
}

QString describe(const Status &status)
{
    return status ? u"ok"_s : errorCodeName(status.error().code) + u' ' + status.error().context;
}

// A thread of `author` in e1, as a replica would push it.
Record newThread(const QString &id, const QString &author)
{
    return Test::worldRecord(u"message_thread"_s, id,
                             {{u"establishment_id"_s, u"e1"_s},
                              {u"subject"_s, u"Question"_s},
                              {u"created_by"_s, author},
                              {u"created_at"_s, qint64(1)}});
}

Record recipientRow(const QString &threadId, const QString &account, const QString &kind = u"to"_s)
{
    return Test::worldRecord(u"message_recipient"_s, u"mr-"_s + threadId + u'-' + account,
                             {{u"establishment_id"_s, u"e1"_s},
                              {u"thread_id"_s, threadId},
                              {u"account_id"_s, account},
                              {u"kind"_s, kind},
                              {u"archived"_s, false}});
}

// Adds to `world` a class of e1 with `size` students (person "<id>-s<n>",
// account "a-<id>-s<n>"), each with a guardian ("<id>-p<n>") who has legal
// responsibility.
void addClass(InMemoryPolicyLookup &world, const QString &id, int size)
{
    const auto add = [&world](const QString &type, const QString &rowId, QVariantMap values) {
        if (type != u"person"_s && type != u"account"_s)
            values.insert(u"establishment_id"_s, u"e1"_s);
        world.insert(Test::worldRecord(type, rowId, values));
    };
    add(u"school_class"_s, id,
        {{u"school_year_id"_s, u"sy1"_s}, {u"code"_s, id.toUpper()}, {u"name"_s, id}, {u"level"_s, u"seconde"_s}});
    for (int n = 1; n <= size; ++n) {
        for (const QString &kind : {u"s"_s, u"p"_s}) {
            const QString person = u"%1-%2%3"_s.arg(id, kind).arg(n);
            add(u"person"_s, person, {{u"last_name"_s, person.toUpper()}, {u"first_name"_s, u"Sacha"_s}});
            add(u"account"_s, u"a-"_s + person,
                {{u"login"_s, person},
                 {u"display_name"_s, person},
                 {u"person_id"_s, person},
                 {u"created_at"_s, qint64(1)}});
            add(u"account_role"_s, u"ar-"_s + person,
                {{u"account_id"_s, QString(u"a-"_s + person)},
                 {u"role"_s, kind == u"s"_s ? u"student"_s : u"guardian"_s}});
        }
        const QString student = u"%1-s%2"_s.arg(id).arg(n);
        add(u"class_membership"_s, u"cm-"_s + student,
            {{u"student_id"_s, student}, {u"class_id"_s, id}, {u"delegate"_s, false}});
        add(u"guardian_link"_s, u"gl-"_s + student,
            {{u"guardian_id"_s, u"%1-p%2"_s.arg(id).arg(n)},
             {u"student_id"_s, student},
             {u"relationship"_s, u"mother"_s},
             {u"legal_responsibility"_s, true},
             {u"contact_order"_s, qint64(1)}});
    }
}

// The facts of `actor`, who teaches mathematics to the classes that
// addClass() made, if he is a teacher.
ActorFacts teacherOfClasses(Actor actor, const QHash<QString, int> &classes)
{
    ActorFacts facts = Test::policyActor(actor);
    EstablishmentFacts &e1 = facts.establishments[0];
    if (!e1.hasRole(Role::Teacher))
        return facts;
    for (auto it = classes.cbegin(); it != classes.cend(); ++it) {
        e1.teaching.append({it.key(), {}, u"mat"_s});
        for (int n = 1; n <= it.value(); ++n)
            e1.studentsByUnit[it.key()].append(u"%1-s%2"_s.arg(it.key()).arg(n));
    }
    return facts;
}

void setBroadcastRoles(InMemoryPolicyLookup &world, const QString &roles)
{
    Record establishment = *world.row(u"establishment"_s, u"e1"_s);
    establishment.set(u"broadcast_roles"_s, roles);
    world.insert(establishment);
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT

private:
    InMemoryPolicyLookup m_world;

    Record row(const QString &type, const QString &id) const
    {
        const std::optional<Record> found = m_world.row(type, id);
        if (!found)
            qFatal("no %s %s in the test world", qPrintable(type), qPrintable(id));
        return *found;
    }

    bool readable(Actor actor, const Record &record) const
    {
        return isReadable(rowBuckets(record, m_world), readableBuckets(Test::policyActor(actor)));
    }

    Status act(Actor actor, const Change &change) const { return authorize(Test::policyActor(actor), change, m_world); }

    // "rcud" for one actor on one row; `update` is applied for the update.
    QString answers(Actor actor, const Record &sample, const QVariantMap &update, const QString &prefix) const
    {
        QString answer;
        answer += readable(actor, sample) ? u'r' : u'-';
        answer += act(actor, Change::create(sample)) ? u'c' : u'-';
        answer += act(actor, Change::update(sample, updated(sample, update, prefix))) ? u'u' : u'-';
        answer += act(actor, Change::remove(sample)) ? u'd' : u'-';
        return answer;
    }

    void addLines()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("sampleId");
        QTest::addColumn<QVariantMap>("update");
        QTest::addColumn<QString>("expected");
        for (const MatrixLine &line : matrix()) {
            QTest::newRow(qPrintable(QString::fromUtf16(line.entity) + u' ' + QString::fromUtf16(line.sampleId)))
                << QString::fromUtf16(line.entity) << QString::fromUtf16(line.sampleId) << line.update
                << QString::fromUtf16(line.expected);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        Test::buildPolicyWorld(m_world, QString());
        Test::buildPolicyWorld(m_world, u"x"_s);
    }

    // Adding an entity to the catalogue without deciding its permissions
    // fails here. An entity whose rows differ in who reads them (a member
    // of staff's person row, an unpublished evaluation) has a line for each.
    void matrixCoversTheCatalogue()
    {
        QSet<QString> covered;
        for (const MatrixLine &line : matrix())
            covered.insert(QString::fromUtf16(line.entity));
        for (const EntityDef &entity : entityCatalog())
            QVERIFY2(covered.contains(entity.type), qPrintable(u"no matrix line for "_s + entity.type));
        QCOMPARE(covered.size(), entityCatalog().size());
    }

    void matrixOfRoles_data() { addLines(); }

    void matrixOfRoles()
    {
        QFETCH(QString, entity);
        QFETCH(QString, sampleId);
        QFETCH(QVariantMap, update);
        QFETCH(QString, expected);
        const Record sample = row(entity, sampleId);
        QVERIFY2(!rowBuckets(sample, m_world).isEmpty(), "the sample is in no bucket");
        QStringList actual;
        for (Actor actor : kMatrixActors)
            actual.append(answers(actor, sample, update, QString()));
        QCOMPARE(actual.join(u' '), expected);
    }

    // The same row in the other establishment (its class, its students, its
    // accounts) is out of reach of every role of e1. A person and an account
    // belong to no establishment, so that creating them is not tied to one.
    void otherEstablishmentIsOutOfReach_data() { addLines(); }

    void otherEstablishmentIsOutOfReach()
    {
        QFETCH(QString, entity);
        QFETCH(QString, sampleId);
        QFETCH(QVariantMap, update);
        const Record sample = row(entity, u"x"_s + sampleId);
        const bool unattached = entity == u"person"_s || entity == u"account"_s;
        for (Actor actor : kMatrixActors) {
            QString answer = answers(actor, sample, update, u"x"_s);
            if (unattached)
                answer[1] = u'-';
            QVERIFY2(answer == u"----"_s, qPrintable(actorName(actor) + u": "_s + answer));
        }
    }

    void readableBucketsOfEachRole_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("student") << Actor::S1 << QStringList{u"account:a-s1"_s,     u"class:c1"_s, u"directory:e1"_s,
                                                             u"establishment:e1"_s, u"group:g1"_s, u"student:s1"_s};
        QTest::newRow("guardian") << Actor::P1 << QStringList{u"account:a-p1"_s,     u"class:c1"_s, u"directory:e1"_s,
                                                              u"establishment:e1"_s, u"group:g1"_s, u"student:s1"_s};
        QTest::newRow("guardian without legal responsibility")
            << Actor::P3 << QStringList{u"account:a-p3"_s, u"directory:e1"_s, u"establishment:e1"_s};
        QTest::newRow("teacher") << Actor::T1
                                 << QStringList{u"account:a-t1"_s,   u"class:c1"_s,         u"class_staff:c1"_s,
                                                u"directory:e1"_s,   u"establishment:e1"_s, u"group:g1"_s,
                                                u"group_staff:g1"_s, u"staff:e1"_s,         u"student:s1"_s,
                                                u"student:s3"_s,     u"student:s4"_s,       u"working_group:wg1"_s};
        QTest::newRow("head") << Actor::H
                              << QStringList{u"account:a-h"_s,    u"administration:e1"_s, u"class:c1"_s,
                                             u"class:c2"_s,       u"class_staff:c1"_s,    u"class_staff:c2"_s,
                                             u"directory:e1"_s,   u"establishment:e1"_s,  u"group:g1"_s,
                                             u"group_staff:g1"_s, u"staff:e1"_s,          u"student:s1"_s,
                                             u"student:s2"_s,     u"student:s3"_s,        u"student:s4"_s};
        QTest::newRow("local authority") << Actor::L << QStringList{u"account:a-l"_s, u"establishment:e1"_s};
    }

    void readableBucketsOfEachRole()
    {
        QFETCH(Actor, actor);
        QFETCH(QStringList, expected);
        QCOMPARE(readableBuckets(Test::policyActor(actor)), expected);
    }

    void rowBucketsOfLinkedRows_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("student") << u"person"_s << u"s1"_s << QStringList{u"account:a-s1"_s, u"student:s1"_s};
        QTest::newRow("guardian") << u"person"_s << u"p1"_s << QStringList{u"account:a-p1"_s, u"student:s1"_s};
        QTest::newRow("guardian without legal responsibility")
            << u"person"_s << u"p3"_s << QStringList{u"account:a-p3"_s, u"student:s1"_s};
        QTest::newRow("teacher") << u"person"_s << u"t1"_s << QStringList{u"account:a-t1"_s, u"administration:e1"_s};
        QTest::newRow("staff directory") << u"staff_member"_s << u"sm-t1"_s << QStringList{u"directory:e1"_s};
        QTest::newRow("published evaluation") << u"evaluation"_s << u"ev1"_s << QStringList{u"class:c1"_s};
        QTest::newRow("unpublished evaluation") << u"evaluation"_s << u"ev-draft"_s << QStringList{u"class_staff:c1"_s};
        QTest::newRow("grade of a published evaluation") << u"grade"_s << u"gr1"_s << QStringList{u"student:s1"_s};
        QTest::newRow("grade of an unpublished evaluation")
            << u"grade"_s << u"gr-draft"_s << QStringList{u"class_staff:c1"_s};
        QTest::newRow("local authority") << u"person"_s << u"l"_s << QStringList{u"account:a-l"_s};
        QTest::newRow("account") << u"account"_s << u"a-t1"_s << QStringList{u"account:a-t1"_s, u"administration:e1"_s};
        QTest::newRow("thread") << u"message_thread"_s << u"th1"_s
                                << QStringList{u"account:a-p1"_s, u"account:a-s1"_s, u"account:a-t1"_s};
        QTest::newRow("exception") << u"timetable_exception"_s << u"tx1"_s << QStringList{u"class:c1"_s};
        QTest::newRow("shared document") << u"document"_s << u"doc1"_s << QStringList{u"account:a-p1"_s, u"class:c1"_s};
        QTest::newRow("appreciation") << u"period_appreciation"_s << u"pa1"_s << QStringList{u"class_staff:c1"_s};
        QTest::newRow("attachment") << u"attachment"_s << u"att1"_s << QStringList{u"class:c1"_s};
        QTest::newRow("personal folder") << u"document_folder"_s << u"df-s1"_s << QStringList{u"account:a-s1"_s};
    }

    void rowBucketsOfLinkedRows()
    {
        QFETCH(QString, entity);
        QFETCH(QString, id);
        QFETCH(QStringList, expected);
        QCOMPARE(rowBuckets(row(entity, id), m_world), expected);
    }

    // Both sides of a conflict settle it, each as himself, and only that.
    void conflictsAreSettledByThePeopleInvolved()
    {
        const Record conflict = row(u"sync_conflict"_s, u"conf1"_s);
        Record settled = conflict;
        settled.set(u"status"_s, u"restored"_s);
        settled.set(u"resolved_by"_s, row(u"account"_s, u"a-v"_s).id());
        settled.set(u"resolved_at"_s, qint64(1728000000001));
        QVERIFY(act(Actor::V, Change::update(conflict, settled)).ok());
        QCOMPARE(act(Actor::T1, Change::update(conflict, settled)).error().context,
                 u"sync_conflict.resolver_not_self"_s);
        QCOMPARE(act(Actor::H, Change::update(conflict, settled)).error().context, u"sync_conflict.not_involved"_s);
        Record rewritten = settled;
        rewritten.set(u"lost_value"_s, u"{}"_s);
        QCOMPARE(act(Actor::V, Change::update(conflict, rewritten)).error().context,
                 u"sync_conflict.only_resolution"_s);
        QCOMPARE(act(Actor::V, Change::create(conflict)).error().context, u"sync_conflict.made_by_server"_s);
    }

    // A bulletin reaches the family once published, never as a draft; the
    // accounts of the school are for those who manage them.
    void familiesSeePublishedReportCardsOnly()
    {
        Record card = row(u"report_card"_s, u"rcard1"_s);
        QVERIFY(!readable(Actor::S1, card));
        QVERIFY(!readable(Actor::P1, card));
        QVERIFY(readable(Actor::T1, card));
        card.set(u"status"_s, u"published"_s);
        card.set(u"published_at"_s, qint64(1728000000001));
        card.set(u"published_by"_s, row(u"account"_s, u"a-h"_s).id());
        QVERIFY(readable(Actor::S1, card));
        QVERIFY(readable(Actor::P1, card));
        QVERIFY(!readable(Actor::P3, card));
        QVERIFY(!readable(Actor::S2, card));

        const Record account = row(u"account"_s, u"a-s2"_s);
        QVERIFY(readable(Actor::Y, account));
        QVERIFY(readable(Actor::H, account));
        QVERIFY(!readable(Actor::T1, account));
        QVERIFY(!readable(Actor::V, account));
        QVERIFY(!readable(Actor::S1, account));
    }

    // A guardian without legal responsibility reads nothing of the child and
    // acts on nothing of his.
    void nonLegalGuardianSeesNothingOfTheChild()
    {
        const QStringList childBuckets{u"student:s1"_s, u"class:c1"_s, u"group:g1"_s};
        for (const MatrixLine &line : matrix()) {
            const Record sample = row(QString::fromUtf16(line.entity), QString::fromUtf16(line.sampleId));
            const QStringList buckets = rowBuckets(sample, m_world);
            if (!isReadable(buckets, childBuckets) || buckets.contains(u"establishment:e1"_s)
                || buckets.contains(u"account:a-p3"_s))
                continue;
            QVERIFY2(!readable(Actor::P3, sample), qPrintable(sample.type()));
        }
        const Record absence = row(u"absence"_s, u"ab1"_s);
        const Status justified = act(Actor::P3,
                                     Change::update(absence, updated(absence,
                                                                     {{u"justification_status"_s, u"submitted"_s},
                                                                      {u"justified_by"_s, u"#a-p3"_s}},
                                                                     {})));
        QCOMPARE(describe(justified), u"forbidden absence.not_own_child"_s);
        Record signature = row(u"consent_signature"_s, u"sig1"_s);
        signature.set(u"guardian_account_id"_s, u"a-p3"_s);
        QCOMPARE(describe(act(Actor::P3, Change::create(signature))), u"forbidden consent_signature.not_own"_s);
    }

    void guardianJustifiesOnly_data()
    {
        QTest::addColumn<QVariantMap>("update");
        QTest::addColumn<QString>("expected");
        const QVariantMap justification{{u"justification_status"_s, u"submitted"_s},
                                        {u"justified_by"_s, u"#a-p1"_s},
                                        {u"justified_at"_s, qint64(1728000000001)}};
        QVariantMap withText = justification;
        withText.insert(u"justification_text"_s, u"Rendez-vous médical"_s);
        QTest::newRow("justification") << withText << u"ok"_s;
        QVariantMap withComment = withText;
        withComment.insert(u"comment"_s, u"Vu"_s);
        QTest::newRow("with a comment") << withComment << u"forbidden absence.only_justification_fields"_s;
        QVariantMap withReason = justification;
        withReason.insert(u"reason"_s, u"illness"_s);
        QTest::newRow("with a reason") << withReason << u"forbidden absence.only_justification_fields"_s;
        QTest::newRow("dates") << QVariantMap{{u"ends_on"_s, u"2024-10-08"_s}}
                               << u"forbidden absence.only_justification_fields"_s;
        QVariantMap accepted = justification;
        accepted.insert(u"justification_status"_s, u"accepted"_s);
        QTest::newRow("accepting himself") << accepted << u"forbidden absence.justification_status"_s;
        QVariantMap forSomeoneElse = justification;
        forSomeoneElse.insert(u"justified_by"_s, u"#a-v"_s);
        QTest::newRow("in another's name") << forSomeoneElse << u"forbidden absence.justified_by_not_self"_s;
    }

    void guardianJustifiesOnly()
    {
        QFETCH(QVariantMap, update);
        QFETCH(QString, expected);
        const Record absence = row(u"absence"_s, u"ab1"_s);
        QCOMPARE(describe(act(Actor::P1, Change::update(absence, updated(absence, update, {})))), expected);
    }

    void gradesBelongToTheEvaluationsTeacher_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QString>("grade");
        QTest::addColumn<QString>("expected");
        QTest::newRow("T1 on his evaluation") << Actor::T1 << u"gr1"_s << u"ok"_s;
        QTest::newRow("T1 on T2's evaluation") << Actor::T1 << u"gr-t2"_s << u"forbidden grade.not_own_evaluation"_s;
        QTest::newRow("T2 on T1's evaluation") << Actor::T2 << u"gr1"_s << u"forbidden grade.not_own_evaluation"_s;
        QTest::newRow("T2 on his evaluation") << Actor::T2 << u"gr-t2"_s << u"ok"_s;
        QTest::newRow("head") << Actor::H << u"gr1"_s << u"forbidden grade.not_allowed"_s;
        QTest::newRow("student") << Actor::S1 << u"gr1"_s << u"forbidden grade.not_allowed"_s;
    }

    void gradesBelongToTheEvaluationsTeacher()
    {
        QFETCH(Actor, actor);
        QFETCH(QString, grade);
        QFETCH(QString, expected);
        const Record before = row(u"grade"_s, grade);
        QCOMPARE(describe(act(actor, Change::update(before, updated(before, {{u"mark"_s, qint64(1000)}}, {})))),
                 expected);
        QCOMPARE(describe(act(actor, Change::create(before))), expected);
    }

    void closedPeriodRefuses_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QVariantMap>("update");
        QTest::addColumn<QString>("expected");
        const QString closed = u"period_closed Trimestre 2"_s;
        QTest::newRow("grade") << Actor::T1 << u"grade"_s << u"gr-closed"_s << QVariantMap{{u"mark"_s, qint64(1)}}
                               << closed;
        QTest::newRow("evaluation") << Actor::T1 << u"evaluation"_s << u"ev2"_s
                                    << QVariantMap{{u"title"_s, u"Rattrapage"_s}} << closed;
        QTest::newRow("evaluation into a closed period")
            << Actor::T1 << u"evaluation"_s << u"ev1"_s
            << QVariantMap{{u"period_id"_s, u"#per2"_s}, {u"date"_s, u"2024-12-10"_s}} << closed;
        QTest::newRow("appreciation") << Actor::T1 << u"period_appreciation"_s << u"pa-closed"_s
                                      << QVariantMap{{u"text"_s, u"Ensemble correct."_s}} << closed;
        QTest::newRow("roles first") << Actor::S1 << u"grade"_s << u"gr-closed"_s << QVariantMap{{u"mark"_s, qint64(1)}}
                                     << u"forbidden grade.not_allowed"_s;
        QTest::newRow("open period") << Actor::T1 << u"grade"_s << u"gr1"_s << QVariantMap{{u"mark"_s, qint64(1)}}
                                     << u"ok"_s;
    }

    void closedPeriodRefuses()
    {
        QFETCH(Actor, actor);
        QFETCH(QString, entity);
        QFETCH(QString, id);
        QFETCH(QVariantMap, update);
        QFETCH(QString, expected);
        const Record before = row(entity, id);
        QCOMPARE(describe(act(actor, Change::update(before, updated(before, update, {})))), expected);
        if (before.text(u"period_id"_s) == u"per2"_s || entity == u"grade"_s) {
            QCOMPARE(describe(act(actor, Change::remove(before))), expected);
            QCOMPARE(describe(act(actor, Change::create(before))), expected);
        }
    }

    void closingPeriodsIsTheHeads_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QString>("expected");
        QTest::newRow("head") << Actor::H << u"ok"_s;
        QTest::newRow("secretariat") << Actor::Y << u"forbidden period.close_reserved_to_head"_s;
        QTest::newRow("teacher") << Actor::T1 << u"forbidden period.not_allowed"_s;
    }

    void closingPeriodsIsTheHeads()
    {
        QFETCH(Actor, actor);
        QFETCH(QString, expected);
        const Record period = row(u"period"_s, u"per1"_s);
        const Record closed
            = updated(period, {{u"closed"_s, true}, {u"closed_at"_s, qint64(1)}, {u"closed_by"_s, u"#a-h"_s}}, {});
        QCOMPARE(describe(act(actor, Change::update(period, closed))), expected);
        const Record reopened = row(u"period"_s, u"per2"_s);
        QCOMPARE(describe(act(actor, Change::update(reopened, updated(reopened, {{u"closed"_s, false}}, {})))),
                 expected);
    }

    void grantingRoles_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("expected");
        QTest::newRow("secretariat grants teacher") << Actor::Y << u"teacher"_s << u"ok"_s;
        QTest::newRow("secretariat grants head") << Actor::Y << u"head"_s << u"forbidden account_role.reserved_role"_s;
        QTest::newRow("secretariat grants local authority")
            << Actor::Y << u"local_authority"_s << u"forbidden account_role.reserved_role"_s;
        QTest::newRow("head grants head") << Actor::H << u"head"_s << u"ok"_s;
        QTest::newRow("vie scolaire grants teacher")
            << Actor::V << u"teacher"_s << u"forbidden account_role.not_allowed"_s;
    }

    void grantingRoles()
    {
        QFETCH(Actor, actor);
        QFETCH(QString, role);
        QFETCH(QString, expected);
        const Record grant
            = Test::worldRecord(u"account_role"_s, u"ar-new"_s,
                                {{u"account_id"_s, u"a-t2"_s}, {u"establishment_id"_s, u"e1"_s}, {u"role"_s, role}});
        QCOMPARE(describe(act(actor, Change::create(grant))), expected);
        QCOMPARE(describe(act(actor, Change::remove(grant))), expected);
        const Record existing = row(u"account_role"_s, u"ar-t2"_s);
        QCOMPARE(describe(act(actor, Change::update(existing, updated(existing, {{u"role"_s, role}}, {})))), expected);
    }

    void updatesDoNotMoveRows_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QVariantMap>("update");
        QTest::addColumn<QString>("expected");
        QTest::newRow("grade to another student")
            << u"grade"_s << u"gr1"_s << QVariantMap{{u"student_id"_s, u"s2"_s}} << u"forbidden change.moves_student"_s;
        QTest::newRow("grade to another establishment")
            << u"grade"_s << u"gr1"_s << QVariantMap{{u"establishment_id"_s, u"xe1"_s}}
            << u"forbidden change.moves_establishment"_s;
        QTest::newRow("grade to T2's evaluation")
            << u"grade"_s << u"gr1"_s << QVariantMap{{u"evaluation_id"_s, u"ev-t2"_s}}
            << u"forbidden grade.not_own_evaluation"_s;
        QTest::newRow("evaluation to C2") << u"evaluation"_s << u"ev1"_s << QVariantMap{{u"class_id"_s, u"c2"_s}}
                                          << u"forbidden evaluation.not_own_assignment"_s;
    }

    void updatesDoNotMoveRows()
    {
        QFETCH(QString, entity);
        QFETCH(QString, id);
        QFETCH(QVariantMap, update);
        QFETCH(QString, expected);
        const Record before = row(entity, id);
        QCOMPARE(describe(act(Actor::T1, Change::update(before, updated(before, update, {})))), expected);
    }

    void homeworkSubmissionAndFeedback_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QVariantMap>("update");
        QTest::addColumn<QString>("expected");
        const QVariantMap feedback{{u"feedback"_s, u"Bien."_s},
                                   {u"feedback_by"_s, u"#a-t1"_s},
                                   {u"feedback_at"_s, qint64(1)},
                                   {u"status"_s, u"returned"_s}};
        QTest::newRow("teacher returns") << Actor::T1 << feedback << u"ok"_s;
        QTest::newRow("teacher edits the work") << Actor::T1 << QVariantMap{{u"comment"_s, u"Autre"_s}}
                                                << u"forbidden homework_submission.only_feedback_fields"_s;
        QTest::newRow("teacher sets draft") << Actor::T1 << QVariantMap{{u"status"_s, u"draft"_s}}
                                            << u"forbidden homework_submission.status_returned_only"_s;
        QTest::newRow("other teacher") << Actor::T2 << feedback << u"forbidden homework_submission.not_own_homework"_s;
        QTest::newRow("student grades himself")
            << Actor::S1 << feedback << u"forbidden homework_submission.feedback_reserved"_s;
        QTest::newRow("other student") << Actor::S2 << QVariantMap{{u"comment"_s, u"Copie"_s}}
                                       << u"forbidden homework_submission.not_own"_s;
    }

    void homeworkSubmissionAndFeedback()
    {
        QFETCH(Actor, actor);
        QFETCH(QVariantMap, update);
        QFETCH(QString, expected);
        const Record before = row(u"homework_submission"_s, u"sub1"_s);
        QCOMPARE(describe(act(actor, Change::update(before, updated(before, update, {})))), expected);
    }

    void appreciations_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("author");
        QTest::addColumn<QString>("expected");
        QTest::newRow("teacher, his subject") << Actor::T1 << u"pa1"_s << u"a-t1"_s << u"ok"_s;
        QTest::newRow("teacher, as another")
            << Actor::T1 << u"pa1"_s << u"a-t2"_s << u"forbidden period_appreciation.author_not_self"_s;
        QTest::newRow("main teacher, general") << Actor::T1 << u"pa-general"_s << u"a-t1"_s << u"ok"_s;
        QTest::newRow("other teacher, general") << Actor::T2 << u"pa-general"_s << u"a-t2"_s
                                                << u"forbidden period_appreciation.general_needs_main_teacher"_s;
        QTest::newRow("other teacher, subject")
            << Actor::T2 << u"pa1"_s << u"a-t2"_s << u"forbidden period_appreciation.not_own_subject"_s;
        QTest::newRow("head, general") << Actor::H << u"pa-general"_s << u"a-h"_s << u"ok"_s;
        QTest::newRow("head, subject") << Actor::H << u"pa1"_s << u"a-h"_s
                                       << u"forbidden period_appreciation.head_general_only"_s;
        QTest::newRow("secretariat") << Actor::Y << u"pa-general"_s << u"a-y"_s
                                     << u"forbidden period_appreciation.not_allowed"_s;
    }

    void appreciations()
    {
        QFETCH(Actor, actor);
        QFETCH(QString, id);
        QFETCH(QString, author);
        QFETCH(QString, expected);
        Record appreciation = row(u"period_appreciation"_s, id);
        appreciation.set(u"author_id"_s, author);
        QCOMPARE(describe(act(actor, Change::create(appreciation))), expected);
    }

    // Every role but the local authority writes his own messages and fills
    // his own space; nobody writes in another's name.
    void ownMessagesAndDocuments_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<bool>("allowed");
        for (Actor actor : kMatrixActors)
            QTest::newRow(qPrintable(actorName(actor))) << actor << (actor != Actor::L);
    }

    void ownMessagesAndDocuments()
    {
        QFETCH(Actor, actor);
        QFETCH(bool, allowed);
        const QString self = Test::policyActor(actor).accountId;
        const Record thread = Test::worldRecord(u"message_thread"_s, u"th-new"_s,
                                                {{u"establishment_id"_s, u"e1"_s},
                                                 {u"subject"_s, u"Question"_s},
                                                 {u"created_by"_s, self},
                                                 {u"created_at"_s, qint64(1)}});
        QCOMPARE(bool(act(actor, Change::create(thread))), allowed);
        Record forged = thread;
        forged.set(u"created_by"_s, u"a-someone-else"_s);
        QVERIFY(!act(actor, Change::create(forged)));

        const Record folder = Test::worldRecord(u"document_folder"_s, u"df-new"_s,
                                                {{u"establishment_id"_s, u"e1"_s},
                                                 {u"owner_kind"_s, u"account"_s},
                                                 {u"owner_id"_s, self},
                                                 {u"name"_s, u"Perso"_s}});
        QCOMPARE(bool(act(actor, Change::create(folder))), allowed);
        QVERIFY(rowBuckets(folder, m_world).contains(u"account:"_s + self));
        const Record othersFolder = row(u"document_folder"_s, u"df-s1"_s);
        QCOMPARE(bool(act(actor, Change::update(othersFolder, updated(othersFolder, {{u"name"_s, u"À moi"_s}}, {})))),
                 actor == Actor::S1);
    }

    // A document names its sender, whose word the server takes for the
    // file's bytes: nobody creates one, or changes its file, in someone
    // else's name, not even in a folder he manages.
    void documentSenderIsSelf()
    {
        const Record document = row(u"document"_s, u"doc1"_s);
        Record own = document;
        own.set(u"id"_s, u"doc-new"_s);
        QCOMPARE(describe(act(Actor::T1, Change::create(own))), u"ok"_s);
        own.set(u"uploaded_by"_s, u"a-v"_s);
        QCOMPARE(describe(act(Actor::T1, Change::create(own))), u"forbidden document.uploader_not_self"_s);
        const QString otherFile(64, u'b');
        QCOMPARE(describe(act(Actor::V, Change::update(document, updated(document, {{u"sha256"_s, otherFile}}, {})))),
                 u"forbidden document.uploader_not_self"_s);
        QCOMPARE(describe(act(Actor::V,
                              Change::update(document,
                                             updated(document,
                                                     {{u"sha256"_s, otherFile}, {u"uploaded_by"_s, u"#a-v"_s}}, {})))),
                 u"ok"_s);
        QCOMPARE(describe(
                     act(Actor::T1, Change::update(document, updated(document, {{u"uploaded_by"_s, u"#a-v"_s}}, {})))),
                 u"forbidden document.uploader_not_self"_s);
        // Other changes keep the sender as he was.
        QCOMPARE(describe(
                     act(Actor::V, Change::update(document, updated(document, {{u"name"_s, u"cours-v2.pdf"_s}}, {})))),
                 u"ok"_s);
    }

    // Who may write to whom: the author of a thread adds one recipient.
    void whoMayWriteToWhom_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("expected");
        const QString ok = u"ok"_s;
        const QString outside = u"forbidden message_recipient.not_in_establishment"_s;
        const QString student = u"forbidden message_recipient.student_may_not_write"_s;
        const QString guardian = u"forbidden message_recipient.guardian_may_not_write"_s;
        const QString teacher = u"forbidden message_recipient.teacher_may_not_write"_s;
        const auto row = [](const char *name, Actor actor, const QString &recipient, const QString &expected) {
            QTest::newRow(name) << actor << recipient << expected;
        };
        row("student to his teacher", Actor::S1, u"a-t1"_s, ok);
        row("student to another class's teacher", Actor::S1, u"a-t2"_s, student);
        row("student to the vie scolaire", Actor::S1, u"a-v"_s, ok);
        row("student to the head", Actor::S1, u"a-h"_s, student);
        row("student to the secretariat", Actor::S1, u"a-y"_s, student);
        row("student to a delegate of his class", Actor::S1, u"a-s3"_s, ok);
        row("student to a classmate", Actor::S1, u"a-s4"_s, student);
        row("student to another class's delegate", Actor::S1, u"a-s2"_s, student);
        row("student to his parent", Actor::S1, u"a-p1"_s, student);
        row("student to another family", Actor::S1, u"a-p2"_s, student);
        row("student to the local authority", Actor::S1, u"a-l"_s, student);
        row("student to another school's teacher", Actor::S1, u"xa-t1"_s, outside);
        row("student to nobody", Actor::S1, u"a-nobody"_s, outside);
        row("other student to his teacher", Actor::S2, u"a-t2"_s, ok);
        row("other student to another class's delegate", Actor::S2, u"a-s3"_s, student);
        row("other student to another class's teacher", Actor::S2, u"a-t1"_s, student);

        row("guardian to his child's teacher", Actor::P1, u"a-t1"_s, ok);
        row("guardian to another teacher", Actor::P1, u"a-t2"_s, ok);
        row("guardian to the vie scolaire", Actor::P1, u"a-v"_s, ok);
        row("guardian to the secretariat", Actor::P1, u"a-y"_s, ok);
        row("guardian to the head", Actor::P1, u"a-h"_s, ok);
        row("guardian to his child", Actor::P1, u"a-s1"_s, guardian);
        row("guardian to another student", Actor::P1, u"a-s2"_s, guardian);
        row("guardian to another family", Actor::P1, u"a-p2"_s, guardian);
        row("guardian to a guardian of his child", Actor::P1, u"a-p3"_s, guardian);
        row("guardian to the local authority", Actor::P1, u"a-l"_s, guardian);
        row("guardian to another school's head", Actor::P1, u"xa-h"_s, outside);
        row("guardian without legal responsibility", Actor::P3, u"a-t1"_s,
            u"forbidden message_recipient.guardian_without_responsibility"_s);

        row("teacher to a colleague", Actor::T1, u"a-t2"_s, ok);
        row("teacher to the vie scolaire", Actor::T1, u"a-v"_s, ok);
        row("teacher to the secretariat", Actor::T1, u"a-y"_s, ok);
        row("teacher to the head", Actor::T1, u"a-h"_s, ok);
        row("teacher to his student", Actor::T1, u"a-s1"_s, ok);
        row("teacher to a delegate he teaches", Actor::T1, u"a-s3"_s, ok);
        row("teacher to a student he does not teach", Actor::T1, u"a-s2"_s, teacher);
        row("teacher to his student's parent", Actor::T1, u"a-p1"_s, ok);
        row("teacher to a guardian without legal responsibility", Actor::T1, u"a-p3"_s, teacher);
        row("teacher to another family", Actor::T1, u"a-p2"_s, teacher);
        row("teacher to the local authority", Actor::T1, u"a-l"_s, teacher);
        row("teacher to another school's student", Actor::T1, u"xa-s1"_s, outside);
        row("other teacher to his student's parent", Actor::T2, u"a-p2"_s, ok);
        row("other teacher to another family", Actor::T2, u"a-p1"_s, teacher);
        row("other teacher to a student he does not teach", Actor::T2, u"a-s1"_s, teacher);

        for (Actor actor : {Actor::V, Actor::Y, Actor::H}) {
            const QString who = actorName(actor);
            for (const QString &account : {u"a-s2"_s, u"a-p2"_s, u"a-p3"_s, u"a-t1"_s, u"a-v"_s, u"a-l"_s})
                QTest::newRow(qPrintable(who + u" to "_s + account)) << actor << account << ok;
            QTest::newRow(qPrintable(who + u" to another school's family"_s)) << actor << u"xa-p1"_s << outside;
            QTest::newRow(qPrintable(who + u" to nobody"_s)) << actor << u"a-nobody"_s << outside;
        }
        row("local authority", Actor::L, u"a-h"_s, u"forbidden local_authority.read_only"_s);
    }

    void whoMayWriteToWhom()
    {
        QFETCH(Actor, actor);
        QFETCH(QString, recipient);
        QFETCH(QString, expected);
        const ActorFacts facts = Test::policyActor(actor);
        InMemoryPolicyLookup world = m_world;
        const Record thread = newThread(u"th-new"_s, facts.accountId);
        world.insert(thread);
        QCOMPARE(describe(authorize(facts, Change::create(recipientRow(thread.id(), recipient)), world)), expected);
        // In cc, the same.
        QCOMPARE(describe(authorize(facts, Change::create(recipientRow(thread.id(), recipient, u"cc"_s)), world)),
                 expected);
    }

    // The author is a recipient of his own thread, as its author; nobody
    // else is, and nobody adds recipients to another's thread.
    void threadsAreTheirAuthors()
    {
        InMemoryPolicyLookup world = m_world;
        world.insert(newThread(u"th-s1"_s, u"a-s1"_s));
        const auto create = [&world](Actor actor, const Record &row) {
            return describe(authorize(Test::policyActor(actor), Change::create(row), world));
        };
        QCOMPARE(create(Actor::S1, recipientRow(u"th-s1"_s, u"a-s1"_s, u"author"_s)), u"ok"_s);
        QCOMPARE(create(Actor::S1, recipientRow(u"th-s1"_s, u"a-t1"_s, u"author"_s)),
                 u"forbidden message_recipient.author_not_self"_s);
        QCOMPARE(create(Actor::T1, recipientRow(u"th-s1"_s, u"a-t1"_s)),
                 u"forbidden message_recipient.not_thread_author"_s);
        QCOMPARE(create(Actor::T2, recipientRow(u"th1"_s, u"a-t2"_s)),
                 u"forbidden message_recipient.not_thread_author"_s);
        // A thread of another establishment is not his thread here.
        Record elsewhere = newThread(u"th-x"_s, u"a-s1"_s);
        elsewhere.set(u"establishment_id"_s, u"xe1"_s);
        world.insert(elsewhere);
        QCOMPARE(create(Actor::S1, recipientRow(u"th-x"_s, u"a-t1"_s)),
                 u"forbidden message_recipient.not_thread_author"_s);
    }

    // A student's teachers: those assigned to his class or to his group,
    // and his class's main teacher; through their staff account, and the
    // delegates his class elected.
    void studentsTeachersAndDelegates_data()
    {
        QTest::addColumn<QStringList>("removed");
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<QString>("expected");
        const QString refused = u"forbidden message_recipient.student_may_not_write"_s;
        QTest::newRow("class, group and main teacher") << QStringList{} << u"a-t1"_s << u"ok"_s;
        QTest::newRow("group only") << QStringList{u"teaching_assignment/ta-t1-c1"_s, u"main_teacher"_s} << u"a-t1"_s
                                    << u"ok"_s;
        QTest::newRow("class only") << QStringList{u"teaching_assignment/ta-t1-g1"_s, u"main_teacher"_s} << u"a-t1"_s
                                    << u"ok"_s;
        QTest::newRow("main teacher only")
            << QStringList{u"teaching_assignment/ta-t1-c1"_s, u"teaching_assignment/ta-t1-g1"_s} << u"a-t1"_s
            << u"ok"_s;
        QTest::newRow("none") << QStringList{u"teaching_assignment/ta-t1-c1"_s, u"teaching_assignment/ta-t1-g1"_s,
                                             u"main_teacher"_s}
                              << u"a-t1"_s << refused;
        QTest::newRow("an account without a staff role") << QStringList{u"guardian_role"_s} << u"a-t1"_s << refused;
        QTest::newRow("delegate") << QStringList{} << u"a-s3"_s << u"ok"_s;
        QTest::newRow("no longer delegate") << QStringList{u"delegate"_s} << u"a-s3"_s << refused;
    }

    void studentsTeachersAndDelegates()
    {
        QFETCH(QStringList, removed);
        QFETCH(QString, recipient);
        QFETCH(QString, expected);
        InMemoryPolicyLookup world = m_world;
        for (const QString &what : removed) {
            if (what == u"main_teacher"_s) {
                Record schoolClass = row(u"school_class"_s, u"c1"_s);
                schoolClass.unset(u"main_teacher_id"_s);
                world.insert(schoolClass);
            } else if (what == u"guardian_role"_s) {
                Record role = row(u"account_role"_s, u"ar-t1"_s);
                role.set(u"role"_s, u"guardian"_s);
                world.insert(role);
            } else if (what == u"delegate"_s) {
                Record membership = row(u"class_membership"_s, u"cm-s3"_s);
                membership.set(u"delegate"_s, false);
                world.insert(membership);
            } else {
                world.remove(what.section(u'/', 0, 0), what.section(u'/', 1));
            }
        }
        world.insert(newThread(u"th-s1"_s, u"a-s1"_s));
        QCOMPARE(describe(authorize(Test::policyActor(Actor::S1), Change::create(recipientRow(u"th-s1"_s, recipient)),
                                    world)),
                 expected);
    }

    // More than 30 students and guardians in a thread make it a broadcast,
    // which only the roles that the establishment names may make. Staff and
    // the author do not count.
    void broadcastThreshold_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<int>("students");
        QTest::addColumn<int>("guardians");
        QTest::addColumn<bool>("withStaff");
        QTest::addColumn<QString>("added");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("expected");
        const QString standard = u"head,vie_scolaire,secretariat"_s;
        const QString refused = u"forbidden message_recipient.broadcast_not_allowed"_s;
        QTest::newRow("teacher, 30th") << Actor::T1 << 29 << 0 << false << u"a-cb-s30"_s << standard << u"ok"_s;
        QTest::newRow("teacher, 31st") << Actor::T1 << 30 << 0 << false << u"a-cb-s31"_s << standard << refused;
        QTest::newRow("teacher, 31st a guardian")
            << Actor::T1 << 20 << 10 << false << u"a-cb-p21"_s << standard << refused;
        QTest::newRow("teacher, 30th a guardian")
            << Actor::T1 << 20 << 9 << false << u"a-cb-p21"_s << standard << u"ok"_s;
        QTest::newRow("teacher, staff do not count")
            << Actor::T1 << 29 << 0 << true << u"a-cb-s30"_s << standard << u"ok"_s;
        QTest::newRow("teacher, staff after 30") << Actor::T1 << 30 << 0 << false << u"a-y"_s << standard << u"ok"_s;
        QTest::newRow("teacher named by the establishment")
            << Actor::T1 << 30 << 0 << false << u"a-cb-s31"_s << u"head,teacher"_s << u"ok"_s;
        QTest::newRow("vie scolaire, 31st") << Actor::V << 30 << 0 << false << u"a-cb-s31"_s << standard << u"ok"_s;
        QTest::newRow("vie scolaire not named, 31st")
            << Actor::V << 30 << 0 << false << u"a-cb-s31"_s << u"head"_s << refused;
        QTest::newRow("vie scolaire not named, 30th")
            << Actor::V << 29 << 0 << false << u"a-cb-s30"_s << u"head"_s << u"ok"_s;
        QTest::newRow("secretariat, 31st") << Actor::Y << 30 << 0 << false << u"a-cb-s31"_s << standard << u"ok"_s;
        QTest::newRow("head, 31st") << Actor::H << 30 << 0 << false << u"a-cb-s31"_s << standard << u"ok"_s;
        QTest::newRow("head not named") << Actor::H << 30 << 0 << false << u"a-cb-s31"_s << u"vie_scolaire"_s
                                        << refused;
        QTest::newRow("unreadable setting")
            << Actor::V << 30 << 0 << false << u"a-cb-s31"_s << u"everyone"_s << refused;
    }

    void broadcastThreshold()
    {
        QFETCH(Actor, actor);
        QFETCH(int, students);
        QFETCH(int, guardians);
        QFETCH(bool, withStaff);
        QFETCH(QString, added);
        QFETCH(QString, setting);
        QFETCH(QString, expected);
        InMemoryPolicyLookup world = m_world;
        addClass(world, u"cb"_s, 40);
        setBroadcastRoles(world, setting);
        const ActorFacts facts = teacherOfClasses(actor, {{u"cb"_s, 40}});
        world.insert(newThread(u"th-b"_s, facts.accountId));
        world.insert(recipientRow(u"th-b"_s, facts.accountId, u"author"_s));
        QStringList addressed;
        for (int n = 1; n <= students; ++n)
            addressed.append(u"a-cb-s%1"_s.arg(n));
        for (int n = 0; n < guardians; ++n)
            addressed.append(u"a-cb-p%1"_s.arg(40 - n));
        if (withStaff)
            addressed << u"a-v"_s << u"a-y"_s << u"a-h"_s << u"a-t2"_s;
        for (const QString &account : std::as_const(addressed))
            world.insert(recipientRow(u"th-b"_s, account));
        const Record row = recipientRow(u"th-b"_s, added);
        QCOMPARE(describe(authorize(facts, Change::create(row), world)), expected);
        // The lookup may already hold the row being judged (a replica stores
        // it before sending it): it is counted once.
        world.insert(row);
        QCOMPARE(describe(authorize(facts, Change::create(row), world)), expected);
        // So is an account with two rows.
        if (!addressed.isEmpty()) {
            Record twice = recipientRow(u"th-b"_s, addressed.first());
            twice.setId(u"mr-th-b-again"_s);
            world.insert(twice);
            QCOMPARE(describe(authorize(facts, Change::create(row), world)), expected);
        }
    }

    // Every student of a class, or a family of every student of it, is the
    // class as a whole: a broadcast whatever its size, but for a class of one.
    void wholeClassIsABroadcast_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QStringList>("addressed");
        QTest::addColumn<QString>("added");
        QTest::addColumn<QString>("expected");
        const QString refused = u"forbidden message_recipient.broadcast_not_allowed"_s;
        QTest::newRow("every student of C1") << Actor::T1 << QStringList{u"a-s1"_s, u"a-s3"_s} << u"a-s4"_s << refused;
        QTest::newRow("two students of C1") << Actor::T1 << QStringList{u"a-s1"_s} << u"a-s4"_s << u"ok"_s;
        QTest::newRow("every student of C1, by the vie scolaire")
            << Actor::V << QStringList{u"a-s1"_s, u"a-s3"_s} << u"a-s4"_s << u"ok"_s;
        QTest::newRow("the one student of C2") << Actor::T2 << QStringList{} << u"a-s2"_s << u"ok"_s;
        QTest::newRow("every family of a class")
            << Actor::T1 << QStringList{u"a-cf-p1"_s, u"a-cf-p2"_s, u"a-cf-p3"_s} << u"a-cf-p4"_s << refused;
        QTest::newRow("three families of four")
            << Actor::T1 << QStringList{u"a-cf-p1"_s, u"a-cf-p2"_s} << u"a-cf-p4"_s << u"ok"_s;
        QTest::newRow("students and families of a class")
            << Actor::T1 << QStringList{u"a-cf-s1"_s, u"a-cf-s2"_s, u"a-cf-p3"_s} << u"a-cf-s4"_s << u"ok"_s;
        QTest::newRow("every student of a class, and staff")
            << Actor::T1 << QStringList{u"a-cf-s1"_s, u"a-cf-s2"_s, u"a-cf-s3"_s, u"a-cf-s4"_s} << u"a-v"_s << u"ok"_s;
    }

    void wholeClassIsABroadcast()
    {
        QFETCH(Actor, actor);
        QFETCH(QStringList, addressed);
        QFETCH(QString, added);
        QFETCH(QString, expected);
        InMemoryPolicyLookup world = m_world;
        addClass(world, u"cf"_s, 4);
        const ActorFacts facts = teacherOfClasses(actor, {{u"cf"_s, 4}});
        world.insert(newThread(u"th-c"_s, facts.accountId));
        world.insert(recipientRow(u"th-c"_s, facts.accountId, u"author"_s));
        for (const QString &account : std::as_const(addressed))
            world.insert(recipientRow(u"th-c"_s, account));
        QCOMPARE(describe(authorize(facts, Change::create(recipientRow(u"th-c"_s, added)), world)), expected);
    }

    // A student of age has no guardian with legal responsibility: the other
    // families are then every family of the class.
    void wholeClassWithoutEveryGuardian()
    {
        InMemoryPolicyLookup world = m_world;
        addClass(world, u"cf"_s, 4);
        Record adult = *world.row(u"guardian_link"_s, u"gl-cf-s4"_s);
        adult.set(u"legal_responsibility"_s, false);
        world.insert(adult);
        const ActorFacts facts = teacherOfClasses(Actor::T1, {{u"cf"_s, 4}});
        world.insert(newThread(u"th-c"_s, facts.accountId));
        for (const QString &account : {u"a-cf-p1"_s, u"a-cf-p2"_s})
            world.insert(recipientRow(u"th-c"_s, account));
        QCOMPARE(describe(authorize(facts, Change::create(recipientRow(u"th-c"_s, u"a-cf-p3"_s)), world)),
                 u"forbidden message_recipient.broadcast_not_allowed"_s);
    }

    // Through sync, the establishment row changes only in who may
    // broadcast, and only by its head.
    void broadcastSettingIsTheHeads_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QVariantMap>("update");
        QTest::addColumn<QString>("expected");
        const QVariantMap teachers{{u"broadcast_roles"_s, u"head,vie_scolaire,secretariat,teacher"_s}};
        QTest::newRow("head") << Actor::H << teachers << u"ok"_s;
        QTest::newRow("head alone") << Actor::H << QVariantMap{{u"broadcast_roles"_s, u"head"_s}} << u"ok"_s;
        QTest::newRow("head renames") << Actor::H << QVariantMap{{u"name"_s, u"Lycée Colbert bis"_s}}
                                      << u"forbidden establishment.only_broadcast_roles"_s;
        QVariantMap both = teachers;
        both.insert(u"city"_s, u"Paris"_s);
        QTest::newRow("head, with another field")
            << Actor::H << both << u"forbidden establishment.only_broadcast_roles"_s;
        for (const QString &bad : {u"head,student"_s, u"head,guardian"_s, u"head,local_authority"_s, u"head, teacher"_s,
                                   u"head,"_s, QString(), u"everyone"_s}) {
            QTest::newRow(qPrintable(u"head sets \""_s + bad + u'"'))
                << Actor::H << QVariantMap{{u"broadcast_roles"_s, bad}}
                << u"invalid_field establishment.broadcast_roles"_s;
        }
        QTest::newRow("secretariat") << Actor::Y << teachers << u"forbidden establishment.not_allowed"_s;
        QTest::newRow("vie scolaire") << Actor::V << teachers << u"forbidden establishment.not_allowed"_s;
        QTest::newRow("teacher") << Actor::T1 << teachers << u"forbidden establishment.not_allowed"_s;
    }

    void broadcastSettingIsTheHeads()
    {
        QFETCH(Actor, actor);
        QFETCH(QVariantMap, update);
        QFETCH(QString, expected);
        const Record establishment = row(u"establishment"_s, u"e1"_s);
        QCOMPARE(describe(act(actor, Change::update(establishment, updated(establishment, update, {})))), expected);
        QCOMPARE(describe(act(Actor::H, Change::create(establishment))), u"forbidden establishment.not_allowed"_s);
        QCOMPARE(describe(act(Actor::H, Change::remove(establishment))), u"forbidden establishment.not_allowed"_s);
    }

    // The delegates are named by the administration and the vie scolaire;
    // the vie scolaire changes nothing else of a membership.
    void delegatesAreNamedBySchoolStaff_data()
    {
        QTest::addColumn<Actor>("actor");
        QTest::addColumn<QVariantMap>("update");
        QTest::addColumn<QString>("expected");
        const QVariantMap delegate{{u"delegate"_s, true}};
        QTest::newRow("secretariat") << Actor::Y << delegate << u"ok"_s;
        QTest::newRow("head") << Actor::H << delegate << u"ok"_s;
        QTest::newRow("vie scolaire") << Actor::V << delegate << u"ok"_s;
        QVariantMap withDates = delegate;
        withDates.insert(u"ends_on"_s, u"2025-07-04"_s);
        QTest::newRow("vie scolaire, with dates")
            << Actor::V << withDates << u"forbidden class_membership.delegate_only"_s;
        QTest::newRow("teacher") << Actor::T1 << delegate << u"forbidden class_membership.not_allowed"_s;
        QTest::newRow("student") << Actor::S1 << delegate << u"forbidden class_membership.not_allowed"_s;
    }

    void delegatesAreNamedBySchoolStaff()
    {
        QFETCH(Actor, actor);
        QFETCH(QVariantMap, update);
        QFETCH(QString, expected);
        const Record membership = row(u"class_membership"_s, u"cm-s1"_s);
        QCOMPARE(describe(act(actor, Change::update(membership, updated(membership, update, {})))), expected);
        if (actor == Actor::V) {
            QCOMPARE(describe(act(actor, Change::create(membership))), u"forbidden class_membership.not_allowed"_s);
            QCOMPARE(describe(act(actor, Change::remove(membership))), u"forbidden class_membership.not_allowed"_s);
        }
    }

    // A pushed mutation is judged over the stored row.
    void changeFromMutation()
    {
        const Record stored = row(u"grade"_s, u"gr1"_s);
        Mutation mutation;
        mutation.number = 1;
        mutation.op = MutationOp::Update;
        mutation.values = Record(u"grade"_s, u"gr1"_s);
        mutation.values.set(u"mark"_s, qint64(1200));
        mutation.changedFields = {u"mark"_s};
        const Change change = Change::fromMutation(mutation, stored);
        QCOMPARE(change.after->number(u"mark"_s), 1200);
        QCOMPARE(change.after->text(u"student_id"_s), u"s1"_s);
        QCOMPARE(describe(act(Actor::T1, change)), u"ok"_s);
        QCOMPARE(describe(act(Actor::T2, change)), u"forbidden grade.not_own_evaluation"_s);

        mutation.values.set(u"student_id"_s, u"s2"_s);
        mutation.changedFields.append(u"student_id"_s);
        QCOMPARE(describe(act(Actor::T1, Change::fromMutation(mutation, stored))), u"forbidden change.moves_student"_s);
        // A field listed but unset becomes NULL.
        mutation.values = Record(u"grade"_s, u"gr1"_s);
        mutation.changedFields = {u"comment"_s};
        QVERIFY(!Change::fromMutation(mutation, stored).after->isSet(u"comment"_s));
        mutation.op = MutationOp::Delete;
        QCOMPARE(describe(act(Actor::T1, Change::fromMutation(mutation, std::nullopt))),
                 u"invalid_field change.before"_s);
    }

    void malformedChanges()
    {
        const Record grade = row(u"grade"_s, u"gr1"_s);
        Change change = Change::create(grade);
        change.entity = u"marks"_s;
        QCOMPARE(describe(act(Actor::T1, change)), u"unknown_entity marks"_s);
        Change noBefore = Change::update(grade, grade);
        noBefore.before.reset();
        QCOMPARE(describe(act(Actor::T1, noBefore)), u"invalid_field change.before"_s);
        Record other = grade;
        other.setId(u"gr-other"_s);
        QCOMPARE(describe(act(Actor::T1, Change::update(grade, other))), u"invalid_field change.id"_s);
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
