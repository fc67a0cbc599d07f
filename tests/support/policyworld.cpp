#include "policyworld.h"

#include "core/domain/catalog.h"

namespace Cartable::Test {

using namespace Qt::StringLiterals;
using Core::Record;
using Core::Role;

namespace {

constexpr qint64 kTime = 1728000000000; // 2024-10-04

QVariant resolve(const QVariant &value, const QString &prefix)
{
    if (value.typeId() == QMetaType::QString && value.toString().startsWith(u'#'))
        return QString(prefix + value.toString().mid(1));
    return value;
}

class WorldBuilder
{
public:
    WorldBuilder(Core::InMemoryPolicyLookup &lookup, const QString &prefix) : m_lookup(lookup), m_prefix(prefix) {}

    void add(const QString &type, const QString &id, QVariantMap values)
    {
        if (type != u"establishment"_s && type != u"person"_s && type != u"account"_s)
            values.insert(u"establishment_id"_s, u"#e1"_s);
        m_lookup.insert(worldRecord(type, id, values, m_prefix));
    }

private:
    Core::InMemoryPolicyLookup &m_lookup;
    QString m_prefix;
};

struct PersonSpec
{
    const char16_t *id;
    const char16_t *role; // empty: no account
};

} // namespace

Record worldRecord(const QString &type, const QString &id, const QVariantMap &values, const QString &prefix)
{
    Record record(type, prefix + id);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        record.set(it.key(), resolve(it.value(), prefix));
    return record;
}

void buildPolicyWorld(Core::InMemoryPolicyLookup &lookup, const QString &prefix)
{
    WorldBuilder w(lookup, prefix);
    w.add(u"establishment"_s, u"e1"_s,
          {{u"uai"_s, prefix.isEmpty() ? u"0751234J"_s : u"0750001A"_s},
           {u"name"_s, u"Lycée Colbert"_s},
           {u"broadcast_roles"_s, u"head,vie_scolaire,secretariat"_s}});
    w.add(u"school_year"_s, u"sy1"_s,
          {{u"label"_s, u"2024-2025"_s}, {u"starts_on"_s, u"2024-09-01"_s}, {u"ends_on"_s, u"2025-07-04"_s}});
    w.add(u"period"_s, u"per1"_s,
          {{u"school_year_id"_s, u"#sy1"_s},
           {u"name"_s, u"Trimestre 1"_s},
           {u"kind"_s, u"trimester"_s},
           {u"number"_s, qint64(1)},
           {u"starts_on"_s, u"2024-09-01"_s},
           {u"ends_on"_s, u"2024-11-30"_s},
           {u"closed"_s, false}});
    w.add(u"period"_s, u"per2"_s,
          {{u"school_year_id"_s, u"#sy1"_s},
           {u"name"_s, u"Trimestre 2"_s},
           {u"kind"_s, u"trimester"_s},
           {u"number"_s, qint64(2)},
           {u"starts_on"_s, u"2024-12-01"_s},
           {u"ends_on"_s, u"2025-02-28"_s},
           {u"closed"_s, true},
           {u"closed_at"_s, kTime},
           {u"closed_by"_s, u"#a-h"_s}});
    w.add(u"subject"_s, u"mat"_s,
          {{u"code"_s, u"MAT"_s}, {u"name"_s, u"Mathématiques"_s}, {u"default_coefficient"_s, qint64(300)}});
    w.add(u"subject"_s, u"fra"_s,
          {{u"code"_s, u"FRA"_s}, {u"name"_s, u"Français"_s}, {u"default_coefficient"_s, qint64(300)}});

    // S3 is a delegate of C1, S2 of C2; P2 is S2's parent.
    const PersonSpec people[] = {{u"s1", u"student"},       {u"s2", u"student"},    {u"s3", u"student"},
                                 {u"s4", u"student"},       {u"p1", u"guardian"},   {u"p2", u"guardian"},
                                 {u"p3", u"guardian"},      {u"t1", u"teacher"},    {u"t2", u"teacher"},
                                 {u"v", u"vie_scolaire"},   {u"y", u"secretariat"}, {u"h", u"head"},
                                 {u"l", u"local_authority"}};
    for (const PersonSpec &person : people) {
        const QString id = QString::fromUtf16(person.id);
        w.add(u"person"_s, id, {{u"last_name"_s, id.toUpper()}, {u"first_name"_s, u"Camille"_s}});
        w.add(u"account"_s, u"a-"_s + id,
              {{u"login"_s, QString(u"#"_s + id)},
               {u"display_name"_s, id.toUpper()},
               {u"person_id"_s, QString(u"#"_s + id)},
               {u"created_at"_s, kTime}});
        w.add(u"account_role"_s, u"ar-"_s + id,
              {{u"account_id"_s, QString(u"#a-"_s + id)}, {u"role"_s, QString::fromUtf16(person.role)}});
    }

    // The directory row the server keeps for T1.
    w.add(u"staff_member"_s, u"sm-t1"_s,
          {{u"person_id"_s, u"#t1"_s},
           {u"account_id"_s, u"#a-t1"_s},
           {u"last_name"_s, u"T1"_s},
           {u"first_name"_s, u"Camille"_s},
           {u"role"_s, u"teacher"_s}});

    w.add(u"school_class"_s, u"c1"_s,
          {{u"school_year_id"_s, u"#sy1"_s},
           {u"code"_s, u"2NDE1"_s},
           {u"name"_s, u"2nde 1"_s},
           {u"level"_s, u"seconde"_s},
           {u"main_teacher_id"_s, u"#t1"_s}});
    w.add(u"school_class"_s, u"c2"_s,
          {{u"school_year_id"_s, u"#sy1"_s},
           {u"code"_s, u"2NDE2"_s},
           {u"name"_s, u"2nde 2"_s},
           {u"level"_s, u"seconde"_s},
           {u"main_teacher_id"_s, u"#t2"_s}});
    w.add(u"teaching_group"_s, u"g1"_s,
          {{u"school_year_id"_s, u"#sy1"_s}, {u"code"_s, u"MAT-EXP"_s}, {u"name"_s, u"Maths expertes"_s}});
    w.add(u"guardian_link"_s, u"gl-p1"_s,
          {{u"guardian_id"_s, u"#p1"_s},
           {u"student_id"_s, u"#s1"_s},
           {u"relationship"_s, u"mother"_s},
           {u"legal_responsibility"_s, true},
           {u"contact_order"_s, qint64(1)}});
    w.add(u"guardian_link"_s, u"gl-p3"_s,
          {{u"guardian_id"_s, u"#p3"_s},
           {u"student_id"_s, u"#s1"_s},
           {u"relationship"_s, u"other"_s},
           {u"legal_responsibility"_s, false},
           {u"contact_order"_s, qint64(2)}});
    w.add(u"guardian_link"_s, u"gl-p2"_s,
          {{u"guardian_id"_s, u"#p2"_s},
           {u"student_id"_s, u"#s2"_s},
           {u"relationship"_s, u"father"_s},
           {u"legal_responsibility"_s, true},
           {u"contact_order"_s, qint64(1)}});
    const auto membership = [&w](const QString &student, const QString &schoolClass, bool delegate) {
        w.add(u"class_membership"_s, u"cm-"_s + student,
              {{u"student_id"_s, QString(u"#"_s + student)},
               {u"class_id"_s, QString(u"#"_s + schoolClass)},
               {u"delegate"_s, delegate}});
    };
    membership(u"s1"_s, u"c1"_s, false);
    membership(u"s2"_s, u"c2"_s, true);
    membership(u"s3"_s, u"c1"_s, true);
    membership(u"s4"_s, u"c1"_s, false);
    w.add(u"group_membership"_s, u"gm-s1"_s, {{u"student_id"_s, u"#s1"_s}, {u"group_id"_s, u"#g1"_s}});
    w.add(u"teaching_assignment"_s, u"ta-t1-c1"_s,
          {{u"teacher_id"_s, u"#t1"_s}, {u"class_id"_s, u"#c1"_s}, {u"subject_id"_s, u"#mat"_s}});
    w.add(u"teaching_assignment"_s, u"ta-t1-g1"_s,
          {{u"teacher_id"_s, u"#t1"_s}, {u"group_id"_s, u"#g1"_s}, {u"subject_id"_s, u"#mat"_s}});
    w.add(u"teaching_assignment"_s, u"ta-t2-c2"_s,
          {{u"teacher_id"_s, u"#t2"_s}, {u"class_id"_s, u"#c2"_s}, {u"subject_id"_s, u"#fra"_s}});
    w.add(u"enrolment"_s, u"en-s1"_s,
          {{u"school_year_id"_s, u"#sy1"_s}, {u"student_id"_s, u"#s1"_s}, {u"subject_id"_s, u"#mat"_s}});
    w.add(u"resource"_s, u"res1"_s, {{u"kind"_s, u"room"_s}, {u"name"_s, u"Salle 101"_s}, {u"bookable"_s, true}});
    w.add(u"booking"_s, u"bk1"_s,
          {{u"resource_id"_s, u"#res1"_s},
           {u"booked_by"_s, u"#a-t1"_s},
           {u"date"_s, u"2024-10-07"_s},
           {u"start_minute"_s, qint64(480)},
           {u"end_minute"_s, qint64(540)}});

    // School life.
    const QVariantMap lesson{{u"class_id"_s, u"#c1"_s}, {u"subject_id"_s, u"#mat"_s}, {u"teacher_id"_s, u"#t1"_s}};
    QVariantMap slot = lesson;
    slot.insert({{u"weekday"_s, qint64(1)},
                 {u"start_minute"_s, qint64(480)},
                 {u"duration_minutes"_s, qint64(55)},
                 {u"week_pattern"_s, u"every"_s},
                 {u"valid_from"_s, u"2024-09-02"_s},
                 {u"valid_until"_s, u"2025-07-04"_s}});
    w.add(u"timetable_slot"_s, u"ts1"_s, slot);
    w.add(u"timetable_exception"_s, u"tx1"_s,
          {{u"slot_id"_s, u"#ts1"_s}, {u"date"_s, u"2024-10-07"_s}, {u"kind"_s, u"cancelled"_s}});
    QVariantMap session = lesson;
    session.insert({{u"slot_id"_s, u"#ts1"_s},
                    {u"date"_s, u"2024-10-07"_s},
                    {u"start_minute"_s, qint64(480)},
                    {u"duration_minutes"_s, qint64(55)}});
    w.add(u"lesson_session"_s, u"ls1"_s, session);
    w.add(u"roll_call_entry"_s, u"rc1"_s,
          {{u"session_id"_s, u"#ls1"_s},
           {u"student_id"_s, u"#s1"_s},
           {u"status"_s, u"present"_s},
           {u"recorded_by"_s, u"#a-t1"_s},
           {u"recorded_at"_s, kTime}});
    w.add(u"absence"_s, u"ab1"_s,
          {{u"student_id"_s, u"#s1"_s},
           {u"kind"_s, u"absence"_s},
           {u"starts_on"_s, u"2024-10-07"_s},
           {u"start_half_day"_s, u"morning"_s},
           {u"ends_on"_s, u"2024-10-07"_s},
           {u"end_half_day"_s, u"afternoon"_s},
           {u"reason"_s, u"unknown"_s},
           {u"recorded_by"_s, u"#a-v"_s},
           {u"recorded_at"_s, kTime},
           {u"justification_status"_s, u"pending"_s}});
    w.add(u"correspondence_note"_s, u"cn1"_s,
          {{u"student_id"_s, u"#s1"_s},
           {u"author_id"_s, u"#a-t1"_s},
           {u"category"_s, u"work"_s},
           {u"subject"_s, u"Travail"_s},
           {u"body"_s, u"Bon trimestre."_s},
           {u"written_at"_s, kTime},
           {u"requires_acknowledgement"_s, true}});
    w.add(u"consent_form"_s, u"cf1"_s,
          {{u"kind"_s, u"authorisation"_s},
           {u"audience"_s, u"class"_s},
           {u"class_id"_s, u"#c1"_s},
           {u"title"_s, u"Sortie"_s},
           {u"body"_s, u"Musée."_s},
           {u"author_id"_s, u"#a-y"_s},
           {u"created_at"_s, kTime}});
    w.add(u"consent_signature"_s, u"sig1"_s,
          {{u"form_id"_s, u"#cf1"_s},
           {u"student_id"_s, u"#s1"_s},
           {u"guardian_account_id"_s, u"#a-p1"_s},
           {u"answer"_s, u"granted"_s},
           {u"signed_at"_s, kTime}});

    // Pedagogy.
    w.add(u"competency_framework"_s, u"fw1"_s, {{u"code"_s, u"SOCLE"_s}, {u"name"_s, u"Socle commun"_s}});
    w.add(u"competency"_s, u"comp1"_s,
          {{u"framework_id"_s, u"#fw1"_s}, {u"code"_s, u"D1.1"_s}, {u"label"_s, u"Comprendre"_s}});
    const auto evaluation = [&w, &lesson](const QString &id, const QVariantMap &values) {
        QVariantMap row = lesson;
        row.insert({{u"title"_s, u"Contrôle"_s},
                    {u"coefficient"_s, qint64(100)},
                    {u"scale"_s, qint64(20)},
                    {u"published"_s, true}});
        row.insert(values);
        w.add(u"evaluation"_s, id, row);
    };
    evaluation(u"ev1"_s, {{u"period_id"_s, u"#per1"_s}, {u"date"_s, u"2024-10-10"_s}});
    evaluation(u"ev2"_s, {{u"period_id"_s, u"#per2"_s}, {u"date"_s, u"2024-12-10"_s}});
    evaluation(u"ev-t2"_s, {{u"period_id"_s, u"#per1"_s},
                            {u"date"_s, u"2024-10-10"_s},
                            {u"class_id"_s, u"#c2"_s},
                            {u"subject_id"_s, u"#fra"_s},
                            {u"teacher_id"_s, u"#t2"_s}});
    w.add(u"evaluation_competency"_s, u"evc1"_s, {{u"evaluation_id"_s, u"#ev1"_s}, {u"competency_id"_s, u"#comp1"_s}});
    const auto grade = [&w](const QString &id, const QString &evaluationId, const QString &studentId) {
        w.add(u"grade"_s, id,
              {{u"evaluation_id"_s, evaluationId},
               {u"student_id"_s, studentId},
               {u"mark"_s, qint64(1500)},
               {u"graded_by"_s, u"#a-t1"_s},
               {u"graded_at"_s, kTime}});
    };
    grade(u"gr1"_s, u"#ev1"_s, u"#s1"_s);
    grade(u"gr-closed"_s, u"#ev2"_s, u"#s1"_s);
    grade(u"gr-t2"_s, u"#ev-t2"_s, u"#s2"_s);
    // Not published yet: the staff's until the teacher shows it.
    evaluation(u"ev-draft"_s, {{u"period_id"_s, u"#per1"_s}, {u"date"_s, u"2024-10-11"_s}, {u"published"_s, false}});
    grade(u"gr-draft"_s, u"#ev-draft"_s, u"#s1"_s);
    w.add(u"competency_assessment"_s, u"ca1"_s,
          {{u"student_id"_s, u"#s1"_s},
           {u"competency_id"_s, u"#comp1"_s},
           {u"evaluation_id"_s, u"#ev1"_s},
           {u"subject_id"_s, u"#mat"_s},
           {u"period_id"_s, u"#per1"_s},
           {u"level"_s, u"fragile"_s},
           {u"assessed_by"_s, u"#a-t1"_s},
           {u"assessed_at"_s, kTime}});
    const auto appreciation = [&w](const QString &id, const QString &periodId, const QVariant &subjectId) {
        w.add(u"period_appreciation"_s, id,
              {{u"student_id"_s, u"#s1"_s},
               {u"period_id"_s, periodId},
               {u"class_id"_s, u"#c1"_s},
               {u"subject_id"_s, subjectId},
               {u"text"_s, u"Bon travail."_s},
               {u"author_id"_s, u"#a-t1"_s},
               {u"written_at"_s, kTime}});
    };
    appreciation(u"pa1"_s, u"#per1"_s, u"#mat"_s);
    appreciation(u"pa-general"_s, u"#per1"_s, QVariant());
    appreciation(u"pa-closed"_s, u"#per2"_s, u"#mat"_s);
    w.add(u"report_card"_s, u"rcard1"_s,
          {{u"student_id"_s, u"#s1"_s},
           {u"period_id"_s, u"#per1"_s},
           {u"class_id"_s, u"#c1"_s},
           {u"status"_s, u"draft"_s}});
    QVariantMap content = lesson;
    content.insert({{u"session_id"_s, u"#ls1"_s},
                    {u"date"_s, u"2024-10-07"_s},
                    {u"title"_s, u"Fonctions"_s},
                    {u"content"_s, u"Cours."_s}});
    w.add(u"lesson_content"_s, u"lc1"_s, content);
    QVariantMap homework = lesson;
    homework.insert({{u"assigned_on"_s, u"2024-10-07"_s},
                     {u"due_on"_s, u"2024-10-14"_s},
                     {u"text"_s, u"Exercices 1 à 5."_s},
                     {u"requires_submission"_s, true}});
    w.add(u"homework"_s, u"hw1"_s, homework);
    w.add(u"homework_submission"_s, u"sub1"_s,
          {{u"homework_id"_s, u"#hw1"_s},
           {u"student_id"_s, u"#s1"_s},
           {u"status"_s, u"submitted"_s},
           {u"submitted_at"_s, kTime}});

    // Communication and collaboration.
    w.add(u"message_thread"_s, u"th1"_s,
          {{u"subject"_s, u"Sortie"_s}, {u"created_by"_s, u"#a-t1"_s}, {u"created_at"_s, kTime}});
    const QList<std::pair<QString, QString>> recipients{{u"t1"_s, u"author"_s}, {u"s1"_s, u"to"_s}, {u"p1"_s, u"cc"_s}};
    for (const auto &[who, kind] : recipients) {
        w.add(u"message_recipient"_s, u"mr-"_s + who,
              {{u"thread_id"_s, u"#th1"_s},
               {u"account_id"_s, QString(u"#a-"_s + who)},
               {u"kind"_s, kind},
               {u"archived"_s, false}});
    }
    w.add(u"message"_s, u"msg1"_s,
          {{u"thread_id"_s, u"#th1"_s},
           {u"author_id"_s, u"#a-t1"_s},
           {u"body"_s, u"Bonjour."_s},
           {u"sent_at"_s, kTime}});
    w.add(u"news_post"_s, u"np1"_s,
          {{u"audience"_s, u"class"_s},
           {u"class_id"_s, u"#c1"_s},
           {u"title"_s, u"Sortie"_s},
           {u"body"_s, u"Lundi."_s},
           {u"author_id"_s, u"#a-t1"_s},
           {u"published_at"_s, kTime},
           {u"pinned"_s, false}});
    w.add(u"working_group"_s, u"wg1"_s,
          {{u"name"_s, u"Projet"_s}, {u"created_by"_s, u"#a-t1"_s}, {u"created_at"_s, kTime}});
    w.add(u"working_group_member"_s, u"wgm-t1"_s,
          {{u"working_group_id"_s, u"#wg1"_s}, {u"account_id"_s, u"#a-t1"_s}, {u"role"_s, u"owner"_s}});
    w.add(u"working_group_member"_s, u"wgm-v"_s,
          {{u"working_group_id"_s, u"#wg1"_s}, {u"account_id"_s, u"#a-v"_s}, {u"role"_s, u"member"_s}});
    w.add(u"document_folder"_s, u"df1"_s,
          {{u"owner_kind"_s, u"school_class"_s}, {u"owner_id"_s, u"#c1"_s}, {u"name"_s, u"Cours"_s}});
    w.add(u"document_folder"_s, u"df-s1"_s,
          {{u"owner_kind"_s, u"account"_s}, {u"owner_id"_s, u"#a-s1"_s}, {u"name"_s, u"Mes documents"_s}});
    const QString sha(64, u'a');
    w.add(u"document"_s, u"doc1"_s,
          {{u"folder_id"_s, u"#df1"_s},
           {u"name"_s, u"cours.pdf"_s},
           {u"mime_type"_s, u"application/pdf"_s},
           {u"size_bytes"_s, qint64(10)},
           {u"sha256"_s, sha},
           {u"uploaded_by"_s, u"#a-t1"_s},
           {u"uploaded_at"_s, kTime}});
    w.add(u"document_share"_s, u"ds1"_s,
          {{u"document_id"_s, u"#doc1"_s},
           {u"account_id"_s, u"#a-p1"_s},
           {u"permission"_s, u"read"_s},
           {u"shared_by"_s, u"#a-t1"_s},
           {u"shared_at"_s, kTime}});
    // A grade of T1 that the vie scolaire changed too: the teacher kept his.
    w.add(u"sync_conflict"_s, u"conf1"_s,
          {{u"row_type"_s, u"grade"_s},
           {u"row_id"_s, u"#gr1"_s},
           {u"field"_s, u"mark"_s},
           {u"lost_value"_s, u"{\"mark\":\"12\"}"_s},
           {u"kept_value"_s, u"{\"mark\":\"16.5\"}"_s},
           {u"loser_account_id"_s, u"#a-v"_s},
           {u"winner_account_id"_s, u"#a-t1"_s},
           {u"loser_hlc"_s, u"1728000000000-0"_s},
           {u"rule"_s, u"teacher_wins"_s},
           {u"decided_at"_s, kTime},
           {u"status"_s, u"open"_s}});
    w.add(u"attachment"_s, u"att1"_s,
          {{u"owner_type"_s, u"homework"_s},
           {u"owner_id"_s, u"#hw1"_s},
           {u"file_name"_s, u"sujet.pdf"_s},
           {u"mime_type"_s, u"application/pdf"_s},
           {u"size_bytes"_s, qint64(10)},
           {u"sha256"_s, sha},
           {u"uploaded_by"_s, u"#a-t1"_s},
           {u"uploaded_at"_s, kTime}});
}

Core::ActorFacts policyActor(Actor actor)
{
    const auto facts = [](const QString &who, Role role) {
        Core::ActorFacts result;
        result.accountId = u"a-"_s + who;
        result.personId = who;
        Core::EstablishmentFacts e1;
        e1.establishmentId = u"e1"_s;
        e1.roles = {role};
        if (Core::isSchoolWideRole(role)) {
            e1.allClassIds = {u"c1"_s, u"c2"_s};
            e1.allGroupIds = {u"g1"_s};
            e1.allStudentIds = {u"s1"_s, u"s2"_s, u"s3"_s, u"s4"_s};
        }
        result.establishments = {e1};
        return result;
    };
    Core::ActorFacts result;
    switch (actor) {
    case Actor::S1:
        result = facts(u"s1"_s, Role::Student);
        result.establishments[0].ownClassIds = {u"c1"_s};
        result.establishments[0].ownGroupIds = {u"g1"_s};
        break;
    case Actor::S2:
        result = facts(u"s2"_s, Role::Student);
        result.establishments[0].ownClassIds = {u"c2"_s};
        break;
    case Actor::P1:
    case Actor::P3:
        result = facts(actor == Actor::P1 ? u"p1"_s : u"p3"_s, Role::Guardian);
        result.establishments[0].children = {{u"s1"_s, actor == Actor::P1, {u"c1"_s}, {u"g1"_s}}};
        break;
    case Actor::T1:
        result = facts(u"t1"_s, Role::Teacher);
        result.establishments[0].teaching = {{u"c1"_s, {}, u"mat"_s}, {{}, u"g1"_s, u"mat"_s}};
        result.establishments[0].mainTeacherClassIds = {u"c1"_s};
        result.establishments[0].studentsByUnit = {{u"c1"_s, {u"s1"_s, u"s3"_s, u"s4"_s}}, {u"g1"_s, {u"s1"_s}}};
        result.workingGroupIds = {u"wg1"_s};
        result.ownedWorkingGroupIds = {u"wg1"_s};
        break;
    case Actor::T2:
        result = facts(u"t2"_s, Role::Teacher);
        result.establishments[0].teaching = {{u"c2"_s, {}, u"fra"_s}};
        result.establishments[0].mainTeacherClassIds = {u"c2"_s};
        result.establishments[0].studentsByUnit = {{u"c2"_s, {u"s2"_s}}};
        break;
    case Actor::V:
        result = facts(u"v"_s, Role::VieScolaire);
        result.workingGroupIds = {u"wg1"_s};
        break;
    case Actor::Y:
        result = facts(u"y"_s, Role::Secretariat);
        break;
    case Actor::H:
        result = facts(u"h"_s, Role::Head);
        break;
    case Actor::L:
        result = facts(u"l"_s, Role::LocalAuthority);
        break;
    }
    return result;
}

} // namespace Cartable::Test
