#include "workspace.h"

#include "core/errorcode.h"
#include "core/sqlstatement.h"
#include "sync/conflicts.h"
#include "sync/replicastore.h"

#include <QCollator>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <algorithm>

namespace Cartable::Workspace {

using Core::Error;
using Core::ErrorCode;
using Core::Record;
using Core::Result;
using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcWorkspace, "cartable.workspace")

// Compares names as a French reader sorts them: accents and case aside.
const QCollator &nameCollator()
{
    static const QCollator collator = [] {
        QCollator made(QLocale(QLocale::French, QLocale::France));
        made.setCaseSensitivity(Qt::CaseInsensitive);
        return made;
    }();
    return collator;
}

} // namespace

QString Student::displayName() const
{
    return lastName.toUpper() + u' ' + firstName;
}

Workspace::Workspace(Sync::ReplicaStore &store, const Core::UserProfile &profile, QObject *parent)
    : QObject(parent), m_store(store), m_profile(profile), m_hlc([this] { return nowMillis(); })
{
}

Workspace::~Workspace() = default;

QString Workspace::personId() const
{
    if (!m_personId) {
        const std::optional<Record> account = row(u"account"_s, m_profile.id);
        if (!account)
            return {};
        m_personId = account->text(u"person_id"_s);
    }
    return *m_personId;
}

QString Workspace::establishmentId() const
{
    // A person with roles in several establishments works, unless he chose,
    // in the first one where today is in a period, then in the first whose
    // data this replica holds.
    if (!m_establishmentId) {
        const QString day = today().toString(Qt::ISODate);
        QString current;
        QString held;
        for (const Core::RoleAssignment &assignment : m_profile.assignments) {
            const QString id = assignment.establishment.id;
            if (held.isEmpty() && row(u"establishment"_s, id))
                held = id;
            if (!select(u"period"_s, u"establishment_id = ? AND starts_on <= ? AND ends_on >= ?"_s, {id, day, day})
                     .isEmpty()) {
                current = id;
                break;
            }
        }
        const QString chosen = !current.isEmpty() ? current : held;
        if (chosen.isEmpty())
            return m_profile.assignments.isEmpty() ? QString() : m_profile.assignments.constFirst().establishment.id;
        m_establishmentId = chosen;
    }
    return *m_establishmentId;
}

void Workspace::setEstablishmentId(const QString &id)
{
    m_establishmentId = id;
    m_establishmentChosen = true;
    m_names.clear();
    Q_EMIT reloaded();
}

Core::HlcTimestamp Workspace::stamp()
{
    return m_hlc.now();
}

Result<qint64> Workspace::create(const Record &row)
{
    Result<QList<qint64>> numbers = apply({{Write::Kind::Create, row, {}}});
    if (!numbers)
        return numbers.error();
    return numbers->constFirst();
}

Result<qint64> Workspace::update(const Record &changes, const QStringList &fields)
{
    Result<QList<qint64>> numbers = apply({{Write::Kind::Update, changes, fields}});
    if (!numbers)
        return numbers.error();
    return numbers->constFirst();
}

Result<qint64> Workspace::remove(const QString &type, const QString &id)
{
    Result<QList<qint64>> numbers = apply({{Write::Kind::Remove, Record(type, id), {}}});
    if (!numbers)
        return numbers.error();
    return numbers->constFirst();
}

Result<QList<qint64>> Workspace::apply(const QList<Write> &writes)
{
    if (writes.isEmpty())
        return QList<qint64>();
    QList<Sync::ReplicaStore::LocalChange> changes;
    changes.reserve(writes.size());
    for (const Write &write : writes) {
        Core::MutationOp op = Core::MutationOp::Update;
        if (write.kind == Write::Kind::Create)
            op = Core::MutationOp::Create;
        else if (write.kind == Write::Kind::Remove)
            op = Core::MutationOp::Delete;
        changes.append({op, write.values, write.fields, stamp()});
    }
    Result<QList<qint64>> numbers = m_store.changeAll(changes);
    if (numbers)
        announce(writes);
    return numbers;
}

Result<qint64> Workspace::restoreConflicts(const QStringList &conflictIds)
{
    QList<Write> touched;
    for (const QString &id : conflictIds) {
        if (const std::optional<Record> conflict = row(u"sync_conflict"_s, id))
            touched.append(
                {Write::Kind::Update, Record(conflict->text(u"row_type"_s), conflict->text(u"row_id"_s)), {}});
        touched.append({Write::Kind::Update, Record(u"sync_conflict"_s, id), {}});
    }
    Result<qint64> number = Sync::restoreConflicts(m_store, conflictIds, accountId(), stamp(), nowMillis());
    if (number)
        announce(touched);
    return number;
}

Result<qint64> Workspace::dismissConflicts(const QStringList &conflictIds)
{
    Result<qint64> number = Sync::dismissConflicts(m_store, conflictIds, accountId(), stamp(), nowMillis());
    if (number) {
        QList<Write> touched;
        for (const QString &id : conflictIds)
            touched.append({Write::Kind::Update, Record(u"sync_conflict"_s, id), {}});
        announce(touched);
    }
    return number;
}

void Workspace::announce(const QList<Write> &writes)
{
    for (const Write &write : writes) {
        m_names.remove(write.values.type() + u'/' + write.values.id());
        Q_EMIT changed(write.values.type(), write.values.id());
    }
}

std::optional<Record> Workspace::row(const QString &type, const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    Result<std::optional<Record>> found = m_store.row(type, id);
    if (!found) {
        qCWarning(lcWorkspace) << "reading" << type << "failed:" << Core::errorCodeName(found.error().code);
        return std::nullopt;
    }
    return *found;
}

QList<Record> Workspace::select(const QString &type, const QString &condition, const QVariantList &values,
                                const QString &order) const
{
    Result<QList<Record>> found = m_store.select(type, condition, values, order);
    if (!found) {
        qCWarning(lcWorkspace) << "reading" << type << "failed:" << Core::errorCodeName(found.error().code)
                               << found.error().context;
        return {};
    }
    return *found;
}

QSqlDatabase Workspace::database() const
{
    return m_store.database();
}

QString Workspace::personName(const QString &personId) const
{
    const QString key = u"person/"_s + personId;
    if (auto it = m_names.constFind(key); it != m_names.constEnd())
        return *it;
    // A colleague's person row is not in this replica: his name is in the
    // staff directory.
    std::optional<Record> person = row(u"person"_s, personId);
    if (!person) {
        const QList<Record> members = select(u"staff_member"_s, u"person_id = ?"_s, {personId}, u"id"_s);
        if (!members.isEmpty())
            person = members.first();
    }
    const QString name = person ? person->text(u"first_name"_s) + u' ' + person->text(u"last_name"_s) : QString();
    m_names.insert(key, name);
    return name;
}

QString Workspace::accountName(const QString &accountId) const
{
    const QString key = u"account/"_s + accountId;
    if (auto it = m_names.constFind(key); it != m_names.constEnd())
        return *it;
    QString name;
    if (accountId == m_profile.id)
        name = m_profile.displayName;
    else if (const std::optional<Record> account = row(u"account"_s, accountId))
        name = account->text(u"display_name"_s);
    m_names.insert(key, name);
    return name;
}

QString Workspace::subjectName(const QString &subjectId) const
{
    const QString key = u"subject/"_s + subjectId;
    if (auto it = m_names.constFind(key); it != m_names.constEnd())
        return *it;
    const std::optional<Record> subject = row(u"subject"_s, subjectId);
    const QString name = subject ? subject->text(u"name"_s) : QString();
    m_names.insert(key, name);
    return name;
}

QString Workspace::audienceName(const QString &classId, const QString &groupId) const
{
    const QString type = classId.isEmpty() ? u"teaching_group"_s : u"school_class"_s;
    const QString id = classId.isEmpty() ? groupId : classId;
    const QString key = type + u'/' + id;
    if (auto it = m_names.constFind(key); it != m_names.constEnd())
        return *it;
    const std::optional<Record> audience = row(type, id);
    const QString name = audience ? audience->text(u"name"_s) : QString();
    m_names.insert(key, name);
    return name;
}

QList<Student> Workspace::studentsOf(const QString &classId, const QString &groupId, const QDate &on) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    const QString day = on.toString(Qt::ISODate);
    bool ok = false;
    if (!classId.isEmpty()) {
        ok = Core::execPrepared(query,
                                u"SELECT DISTINCT p.id, p.last_name, p.first_name FROM class_membership m "
                                "JOIN person p ON p.id = m.student_id WHERE m.class_id = ? "
                                "AND (m.starts_on IS NULL OR m.starts_on <= ?) "
                                "AND (m.ends_on IS NULL OR m.ends_on >= ?)"_s,
                                classId, day, day);
    } else {
        ok = Core::execPrepared(query,
                                u"SELECT DISTINCT p.id, p.last_name, p.first_name FROM group_membership m "
                                "JOIN person p ON p.id = m.student_id WHERE m.group_id = ?"_s,
                                groupId);
    }
    if (!ok) {
        qCWarning(lcWorkspace) << "reading students failed:" << Core::databaseError(query).context;
        return {};
    }
    QList<Student> students;
    while (query.next())
        students.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    const QCollator &collator = nameCollator();
    std::sort(students.begin(), students.end(), [&collator](const Student &a, const Student &b) {
        if (const int c = collator.compare(a.lastName, b.lastName); c != 0)
            return c < 0;
        if (const int c = collator.compare(a.firstName, b.firstName); c != 0)
            return c < 0;
        return a.id < b.id;
    });
    return students;
}

QList<Teaching> Workspace::teachings() const
{
    const QString teacher = personId();
    if (teacher.isEmpty())
        return {};
    QList<Teaching> found;
    for (const Record &assignment : select(u"teaching_assignment"_s, u"teacher_id = ?"_s, {teacher})) {
        Teaching teaching;
        teaching.classId = assignment.text(u"class_id"_s);
        teaching.groupId = assignment.text(u"group_id"_s);
        teaching.subjectId = assignment.text(u"subject_id"_s);
        teaching.audience = audienceName(teaching.classId, teaching.groupId);
        teaching.subject = subjectName(teaching.subjectId);
        if (!found.contains(teaching))
            found.append(teaching);
    }
    const QCollator &collator = nameCollator();
    std::sort(found.begin(), found.end(), [&collator](const Teaching &a, const Teaching &b) {
        if (const int c = collator.compare(a.audience, b.audience); c != 0)
            return c < 0;
        return collator.compare(a.subject, b.subject) < 0;
    });
    return found;
}

QList<Record> Workspace::periods() const
{
    return select(u"period"_s, u"establishment_id = ?"_s, {establishmentId()}, u"starts_on, number"_s);
}

std::optional<Record> Workspace::periodOn(const QDate &day) const
{
    const QString iso = day.toString(Qt::ISODate);
    for (const Record &period : periods()) {
        if (period.text(u"starts_on"_s) <= iso && iso <= period.text(u"ends_on"_s))
            return period;
    }
    return std::nullopt;
}

void Workspace::notifyReloaded()
{
    m_names.clear();
    m_personId.reset();
    if (!m_establishmentChosen)
        m_establishmentId.reset();
    Q_EMIT reloaded();
}

} // namespace Cartable::Workspace
