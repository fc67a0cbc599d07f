// Who the clients of a world are and which fields they write: chosen from
// the replicas after the first sync, the same for a given reference school.

#include "soakplan.h"

#include <QSet>

#include <algorithm>
#include <functional>

namespace Cartable::Test::Soak {

using namespace Qt::StringLiterals;

// Who writes what: the fields each role's policy lets it change, plus a
// few it may not (a guardian's or a student's grade comment), whose
// rejection must come back as an answer and undo the change.
QStringList fieldsOf(Role role)
{
    switch (role) {
    case Role::Teacher:
        return {u"grade.mark"_s, u"grade.comment"_s, u"homework.text"_s, u"roll_call_entry.status"_s};
    case Role::VieScolaire:
        return {u"roll_call_entry.status"_s, u"absence.justification_text"_s, u"absence.comment"_s};
    case Role::Office:
        return {u"absence.justification_text"_s, u"absence.comment"_s};
    case Role::Guardian:
        return {u"absence.justification_text"_s, u"grade.comment"_s};
    case Role::Student:
        return {u"grade.comment"_s, u"absence.justification_text"_s};
    }
    return {};
}

QList<ClientPlan> plansFor(Backend backend)
{
    if (backend == Backend::Postgres) {
        // The teacher's two devices stay on their server (one keychain
        // entry per login and server); the others move between the two.
        return {
            {u"pg-martin-laptop"_s, u"prof.martin"_s, Role::Teacher, 0, false},
            {u"pg-martin-desktop"_s, u"prof.martin"_s, Role::Teacher, 1, false},
            {u"pg-cpe"_s, u"cpe.petit"_s, Role::VieScolaire, 0, true},
            {u"pg-secretariat"_s, u"secretariat.bernard"_s, Role::Office, 1, true},
            {u"pg-guardian"_s, u"parent.dubois"_s, Role::Guardian, 0, true},
            {u"pg-student"_s, u"eleve.leo"_s, Role::Student, 1, false},
        };
    }
    return {
        {u"sq-martin"_s, u"prof.martin"_s, Role::Teacher, 0, false},
        {u"sq-cpe"_s, u"cpe.petit"_s, Role::VieScolaire, 0, false},
        {u"sq-secretariat"_s, u"secretariat.bernard"_s, Role::Office, 0, false},
        {u"sq-guardian"_s, u"parent.dubois"_s, Role::Guardian, 0, false},
        {u"sq-student"_s, u"eleve.leo"_s, Role::Student, 0, false},
    };
}

QHash<QString, QJsonObject> byKey(const QList<QJsonObject> &rows)
{
    QHash<QString, QJsonObject> keyed;
    for (const QJsonObject &row : rows)
        keyed.insert(rowKeyOf(row), row);
    return keyed;
}

namespace {

// The ids of rows of `type` meeting `keep`, sorted (so that a seed picks the
// same rows every time), the preferred ones first, at most `count`.
QStringList pick(const QHash<QString, QJsonObject> &rows, const QString &type,
                 const std::function<bool(const QJsonObject &)> &keep, const QSet<QString> &preferred, int count)
{
    QStringList first, others;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (it.value().value(u"type"_s).toString() == type && keep(it.value()))
            (preferred.contains(it.key()) ? first : others) << it.value().value(u"id"_s).toString();
    }
    std::sort(first.begin(), first.end());
    std::sort(others.begin(), others.end());
    return (first + others).mid(0, count);
}

} // namespace

QList<Target> chooseTargets(const QHash<QString, QJsonObject> &teacherRows,
                            const QHash<QString, QJsonObject> &guardianRows, const QString &teacherLogin,
                            QString *summary)
{
    QList<Target> targets;
    QString teacherPerson;
    for (const QJsonObject &row : std::as_const(teacherRows)) {
        if (row.value(u"type"_s) == u"account"_s && row.value(u"login"_s) == teacherLogin)
            teacherPerson = row.value(u"person_id"_s).toString();
    }
    const QSet<QString> guardianSees(guardianRows.keyBegin(), guardianRows.keyEnd());
    const auto in = [](const QHash<QString, QJsonObject> &rows, const QString &type, const QString &id) {
        return rows.value(type + u'/' + id);
    };
    const auto addTargets = [&targets](const QHash<QString, QJsonObject> &rows, const QString &type,
                                       const QStringList &ids, const QStringList &fields) {
        for (const QString &id : ids) {
            for (const QString &field : fields)
                targets << Target{type, id, field, normalisedValue(field, rows.value(type + u'/' + id).value(field))};
        }
    };

    const QStringList grades = pick(
        teacherRows, u"grade"_s,
        [&](const QJsonObject &grade) {
            const QJsonObject evaluation = in(teacherRows, u"evaluation"_s, grade.value(u"evaluation_id"_s).toString());
            const QJsonObject period = in(teacherRows, u"period"_s, evaluation.value(u"period_id"_s).toString());
            return grade.value(u"mark"_s).isString() && evaluation.value(u"teacher_id"_s).toString() == teacherPerson
                   && !period.value(u"closed"_s).toBool(true) && evaluation.value(u"scale"_s).toInteger() == 20;
        },
        guardianSees, 4);
    addTargets(teacherRows, u"grade"_s, grades, {u"mark"_s, u"comment"_s});

    const QStringList homework = pick(
        teacherRows, u"homework"_s,
        [&](const QJsonObject &row) { return row.value(u"teacher_id"_s).toString() == teacherPerson; }, {}, 3);
    addTargets(teacherRows, u"homework"_s, homework, {u"text"_s});

    const QStringList roll = pick(
        teacherRows, u"roll_call_entry"_s,
        [&](const QJsonObject &row) {
            const QJsonObject session = in(teacherRows, u"lesson_session"_s, row.value(u"session_id"_s).toString());
            const QString status = row.value(u"status"_s).toString();
            return session.value(u"teacher_id"_s).toString() == teacherPerson
                   && (status == u"present"_s || status == u"absent"_s);
        },
        {}, 4);
    addTargets(teacherRows, u"roll_call_entry"_s, roll, {u"status"_s});

    const QStringList absences = pick(
        guardianRows, u"absence"_s, [](const QJsonObject &) { return true; }, {}, 4);
    addTargets(guardianRows, u"absence"_s, absences, {u"justification_text"_s, u"comment"_s});
    *summary = (u"%1 target field(s): %2 grades, %3 homework, %4 roll-call entries, %5 absences"_s.arg(targets.size())
                    .arg(grades.size())
                    .arg(homework.size())
                    .arg(roll.size())
                    .arg(absences.size()));
    return targets;
}

} // namespace Cartable::Test::Soak
