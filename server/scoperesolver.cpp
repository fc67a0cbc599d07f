#include "scoperesolver.h"

#include "core/domain/catalog.h"
#include "core/sqlstatement.h"

#include <QLoggingCategory>
#include <QSqlRecord>

#include <algorithm>

namespace Cartable::Server {

Q_LOGGING_CATEGORY(lcScope, "cartable.server.scope")

using namespace Qt::StringLiterals;
using Core::ActorFacts;
using Core::Error;
using Core::ErrorCode;
using Core::EstablishmentFacts;
using Core::Result;
using Core::Role;

namespace {

void sortUnique(QStringList &list)
{
    list.sort();
    list.removeDuplicates();
}

// Runs a prepared query and collects its rows, each as a list of strings
// (NULL as an empty string).
template<typename... Values>
Result<QList<QStringList>> selectRows(const QSqlDatabase &db, const QString &sql, const Values &...values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!Core::execPrepared(query, sql, values...))
        return Core::databaseError(query);
    QList<QStringList> rows;
    while (query.next()) {
        QStringList row;
        for (int column = 0; column < query.record().count(); ++column)
            row.append(query.value(column).isNull() ? QString() : query.value(column).toString());
        rows.append(row);
    }
    return rows;
}

template<typename... Values>
Result<QStringList> selectColumn(const QSqlDatabase &db, const QString &sql, const Values &...values)
{
    Result<QList<QStringList>> rows = selectRows(db, sql, values...);
    if (!rows)
        return rows.error();
    QStringList column;
    for (const QStringList &row : *rows)
        column.append(row.value(0));
    column.removeAll(QString());
    sortUnique(column);
    return column;
}

class Resolver
{
public:
    Resolver(const QSqlDatabase &db, ActorFacts &actor) : m_db(db), m_actor(actor) {}

    Core::Status fill(EstablishmentFacts &facts)
    {
        const QString &e = facts.establishmentId;
        const QString &person = m_actor.personId;
        for (Role role : facts.roles) {
            Core::Status status;
            if (role == Role::Student && !person.isEmpty())
                status = student(facts, e, person);
            else if (role == Role::Guardian && !person.isEmpty())
                status = guardian(facts, e, person);
            else if (role == Role::Teacher && !person.isEmpty())
                status = teacher(facts, e, person);
            else if (Core::isSchoolWideRole(role) && facts.allClassIds.isEmpty())
                status = schoolWide(facts, e);
            if (!status)
                return status;
        }
        return {};
    }

private:
    Core::Status classesAndGroups(const QString &e, const QString &studentId, QStringList &classIds,
                                  QStringList &groupIds)
    {
        Result<QStringList> classes
            = selectColumn(m_db,
                           u"SELECT class_id FROM class_membership WHERE student_id = ? AND establishment_id = ?"_s,
                           studentId, e);
        if (!classes)
            return classes.error();
        Result<QStringList> groups
            = selectColumn(m_db,
                           u"SELECT group_id FROM group_membership WHERE student_id = ? AND establishment_id = ?"_s,
                           studentId, e);
        if (!groups)
            return groups.error();
        classIds = *classes;
        groupIds = *groups;
        return {};
    }

    Core::Status student(EstablishmentFacts &facts, const QString &e, const QString &person)
    {
        return classesAndGroups(e, person, facts.ownClassIds, facts.ownGroupIds);
    }

    Core::Status guardian(EstablishmentFacts &facts, const QString &e, const QString &person)
    {
        Result<QList<QStringList>> links = selectRows(m_db,
                                                      u"SELECT student_id, legal_responsibility FROM guardian_link "
                                                      u"WHERE guardian_id = ? AND establishment_id = ? "
                                                      "ORDER BY student_id"_s,
                                                      person, e);
        if (!links)
            return links.error();
        for (const QStringList &link : *links) {
            Core::ChildFacts child;
            child.studentId = link.value(0);
            child.legalResponsibility = link.value(1).toInt() != 0 || link.value(1) == u"true"_s;
            if (const Core::Status status = classesAndGroups(e, child.studentId, child.classIds, child.groupIds);
                !status)
                return status;
            facts.children.append(child);
        }
        return {};
    }

    Core::Status teacher(EstablishmentFacts &facts, const QString &e, const QString &person)
    {
        Result<QList<QStringList>> assignments
            = selectRows(m_db,
                         u"SELECT class_id, group_id, subject_id FROM teaching_assignment WHERE teacher_id = ? AND "
                         "establishment_id = ?"_s,
                         person, e);
        if (!assignments)
            return assignments.error();
        for (const QStringList &row : *assignments) {
            const Core::TeachingUnit unit{row.value(0), row.value(1), row.value(2)};
            if (!facts.teaching.contains(unit))
                facts.teaching.append(unit);
        }
        std::sort(facts.teaching.begin(), facts.teaching.end(), [](const auto &a, const auto &b) {
            return std::tie(a.classId, a.groupId, a.subjectId) < std::tie(b.classId, b.groupId, b.subjectId);
        });

        Result<QStringList> mainClasses
            = selectColumn(m_db, u"SELECT id FROM school_class WHERE main_teacher_id = ? AND establishment_id = ?"_s,
                           person, e);
        if (!mainClasses)
            return mainClasses.error();
        facts.mainTeacherClassIds = *mainClasses;

        Result<QList<QStringList>> classStudents = selectRows(
            m_db,
            u"SELECT class_id, student_id FROM class_membership WHERE establishment_id = ? AND class_id IN ("
            "SELECT class_id FROM teaching_assignment WHERE teacher_id = ? AND establishment_id = ? "
            "UNION SELECT id FROM school_class WHERE main_teacher_id = ? AND establishment_id = ?)"_s,
            e, person, e, person, e);
        if (!classStudents)
            return classStudents.error();
        Result<QList<QStringList>> groupStudents = selectRows(
            m_db,
            u"SELECT group_id, student_id FROM group_membership WHERE establishment_id = ? AND group_id IN ("
            "SELECT group_id FROM teaching_assignment WHERE teacher_id = ? AND establishment_id = ?)"_s,
            e, person, e);
        if (!groupStudents)
            return groupStudents.error();
        for (const QStringList &row : *classStudents + *groupStudents)
            facts.studentsByUnit[row.value(0)].append(row.value(1));
        for (QStringList &students : facts.studentsByUnit)
            sortUnique(students);
        return {};
    }

    Core::Status schoolWide(EstablishmentFacts &facts, const QString &e)
    {
        Result<QStringList> classes = selectColumn(m_db, u"SELECT id FROM school_class WHERE establishment_id = ?"_s,
                                                   e);
        if (!classes)
            return classes.error();
        Result<QStringList> groups = selectColumn(m_db, u"SELECT id FROM teaching_group WHERE establishment_id = ?"_s,
                                                  e);
        if (!groups)
            return groups.error();
        Result<QStringList> students
            = selectColumn(m_db,
                           u"SELECT student_id FROM class_membership WHERE establishment_id = ? "
                           "UNION SELECT student_id FROM group_membership WHERE "
                           "establishment_id = ?"_s,
                           e, e);
        if (!students)
            return students.error();
        facts.allClassIds = *classes;
        facts.allGroupIds = *groups;
        facts.allStudentIds = *students;
        return {};
    }

    const QSqlDatabase &m_db;
    ActorFacts &m_actor;
};

} // namespace

bool ScopeResolver::decidesScope(const QString &type)
{
    // What ScopeResolver reads: accounts and their roles and working groups,
    // memberships, guardian links, teaching assignments, classes (their main
    // teacher) and groups.
    using namespace Core::Entity;
    static const QSet<QString> types{
        QString::fromUtf16(Account),
        QString::fromUtf16(AccountRole),
        QString::fromUtf16(WorkingGroupMember),
        QString::fromUtf16(ClassMembership),
        QString::fromUtf16(GroupMembership),
        QString::fromUtf16(GuardianLink),
        QString::fromUtf16(SchoolClass),
        QString::fromUtf16(TeachingAssignment),
        QString::fromUtf16(TeachingGroup),
    };
    return types.contains(type);
}

Result<ActorFacts> ScopeResolver::resolve(const QString &accountId) const
{
    Result<QList<QStringList>> account = selectRows(m_db, u"SELECT id, person_id FROM account WHERE id = ?"_s,
                                                    accountId);
    if (!account)
        return account.error();
    if (account->isEmpty())
        return Error{ErrorCode::NotFound, u"account"_s};

    ActorFacts actor;
    actor.accountId = accountId;
    actor.personId = account->first().value(1);

    Result<QList<QStringList>> roles = selectRows(
        m_db, u"SELECT establishment_id, role FROM account_role WHERE account_id = ? ORDER BY establishment_id, role"_s,
        accountId);
    if (!roles)
        return roles.error();
    for (const QStringList &row : *roles) {
        const std::optional<Role> role = Core::roleFromCode(row.value(1));
        if (!role) {
            qCWarning(lcScope) << "unknown role ignored:" << row.value(1);
            continue;
        }
        if (actor.establishments.isEmpty() || actor.establishments.last().establishmentId != row.value(0)) {
            EstablishmentFacts facts;
            facts.establishmentId = row.value(0);
            actor.establishments.append(facts);
        }
        actor.establishments.last().roles.append(*role);
    }

    Result<QList<QStringList>> groups
        = selectRows(m_db, u"SELECT working_group_id, role FROM working_group_member WHERE account_id = ?"_s,
                     accountId);
    if (!groups)
        return groups.error();
    for (const QStringList &row : *groups) {
        actor.workingGroupIds.append(row.value(0));
        if (row.value(1) == u"owner"_s)
            actor.ownedWorkingGroupIds.append(row.value(0));
    }
    sortUnique(actor.workingGroupIds);
    sortUnique(actor.ownedWorkingGroupIds);

    Resolver resolver(m_db, actor);
    for (EstablishmentFacts &facts : actor.establishments) {
        if (const Core::Status status = resolver.fill(facts); !status)
            return status.error();
    }
    return actor;
}

namespace {

// Rows read by id, this many a statement.
constexpr qsizetype kIdsPerRead = 50;

struct LookupStatements
{
    QString byId;
    QString byIds;
};

const LookupStatements &lookupStatements(const Core::EntityDef &entity)
{
    static const QHash<QString, LookupStatements> made = [] {
        QHash<QString, LookupStatements> statements;
        for (const Core::EntityDef &each : Core::entityCatalog()) {
            const QString select = u"SELECT %1 FROM %2 WHERE id "_s.arg(Core::selectColumns(each), each.type);
            statements.insert(each.type, {select + u"= ?"_s, select + u"IN (%1)"_s.arg(Core::bindMarks(kIdsPerRead))});
        }
        return statements;
    }();
    return *made.constFind(entity.type);
}

} // namespace

SqlPolicyLookup::SqlPolicyLookup(QSqlDatabase db)
    : m_own(std::make_shared<Core::StatementCache>(std::move(db))), m_statements(m_own.get())
{
}

std::optional<Core::Record> SqlPolicyLookup::row(const QString &type, const QString &id) const
{
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity)
        return std::nullopt;
    Core::Result<Core::Statement *> query = m_statements->run(lookupStatements(*entity).byId, id);
    if (!query) {
        qCWarning(lcScope) << "lookup failed:" << type << query.error().context;
        return std::nullopt;
    }
    std::optional<Core::Record> found;
    if ((*query)->next())
        found = Core::recordFromQuery(*entity, **query);
    (*query)->finish();
    return found;
}

std::optional<QHash<QString, Core::Record>> SqlPolicyLookup::rows(const QString &type, const QStringList &ids) const
{
    QHash<QString, Core::Record> found;
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity || ids.isEmpty())
        return found;
    for (qsizetype start = 0; start < ids.size(); start += kIdsPerRead) {
        Core::Result<Core::Statement *> prepared = m_statements->statement(lookupStatements(*entity).byIds);
        if (!prepared)
            return std::nullopt;
        Core::Statement &query = **prepared;
        // The last statement repeats its last id: one statement serves all.
        for (qsizetype i = 0; i < kIdsPerRead; ++i)
            query.bindValue(int(i), ids.at(qMin(start + i, ids.size() - 1)));
        if (!query.exec()) {
            qCWarning(lcScope) << "lookup failed:" << type << query.lastErrorText();
            return std::nullopt;
        }
        while (query.next()) {
            const Core::Record row = Core::recordFromQuery(*entity, query);
            found.insert(row.id(), row);
        }
    }
    return found;
}

QList<Core::Record> SqlPolicyLookup::rowsWhere(const QString &type, const QString &field, const QString &value) const
{
    const Core::EntityDef *entity = Core::findEntity(type);
    if (!entity || !entity->hasField(field))
        return {};
    Core::Result<Core::Statement *> query
        = m_statements->run(u"SELECT %1 FROM %2 WHERE %3 = ? ORDER BY id"_s.arg(Core::selectColumns(*entity),
                                                                                entity->type,
                                                                                entity->field(field)->name),
                            value);
    if (!query) {
        qCWarning(lcScope) << "lookup failed:" << type << field << query.error().context;
        return {};
    }
    QList<Core::Record> rows;
    while ((*query)->next())
        rows.append(Core::recordFromQuery(*entity, **query));
    return rows;
}

} // namespace Cartable::Server
