#include "simclient.h"

#include "core/domain/catalog.h"
#include "core/ids.h"
#include "sync/blobcache.h"
#include "sync/blobtransfer.h"
#include "sync/conflicts.h"
#include "sync/replicastore.h"
#include "sync/syncengine.h"
#include "workspace/lessons/attachmentstore.h"
#include "workspace/workspace.h"

#include <QDate>
#include <QDateTime>
#include <QSqlQuery>

namespace Cartable::Chaos {

using namespace Qt::StringLiterals;
using Core::FieldDef;
using Core::FieldType;
using Core::MutationOp;
using Core::Record;
using Write = Workspace::Workspace::Write;

namespace {

// What one role does, and how often: the rows it works on (an SQL condition
// over the type's columns, "?" bound to the user's person or account id),
// the fields it changes, and whether it creates and deletes such rows.
struct WorkKind
{
    QString type;
    int weight = 1;
    QStringList fields;
    QString mine;              // empty: every row of the type in the replica
    bool mineIsPerson = false; // the "?" of `mine`: the person id, else the account id
    bool creates = false;
    bool deletes = false;
};

QList<WorkKind> workOf(const QString &role)
{
    const QString byEvaluation = u"evaluation_id IN (SELECT id FROM evaluation WHERE teacher_id = ?)"_s;
    if (role == u"teacher")
        return {
            {u"grade"_s, 40, {u"mark"_s, u"comment"_s}, byEvaluation, true, false, true},
            {u"evaluation"_s,
             6,
             {u"title"_s, u"description"_s, u"coefficient"_s, u"published"_s},
             u"teacher_id = ?"_s,
             true,
             true,
             true},
            {u"roll_call_entry"_s,
             12,
             {u"status"_s, u"minutes_late"_s},
             u"session_id IN (SELECT id FROM lesson_session WHERE teacher_id = ?)"_s,
             true,
             false,
             false},
            {u"homework"_s, 6, {u"text"_s, u"estimated_minutes"_s}, u"teacher_id = ?"_s, true, true, true},
            {u"lesson_content"_s, 6, {u"title"_s, u"content"_s}, u"teacher_id = ?"_s, true, true, true},
            {u"competency_assessment"_s, 6, {u"level"_s, u"comment"_s}, byEvaluation, true, false, false},
            {u"period_appreciation"_s, 5, {u"text"_s, u"written_at"_s}, u"author_id = ?"_s, false, false, false},
            {u"homework_submission"_s,
             3,
             {u"feedback"_s, u"feedback_by"_s, u"feedback_at"_s},
             u"homework_id IN (SELECT id FROM homework WHERE teacher_id = ?)"_s,
             true,
             false,
             false},
        };
    if (role == u"vie_scolaire")
        return {
            {u"absence"_s,
             30,
             {u"reason"_s, u"comment"_s, u"regularised_by"_s, u"regularised_at"_s},
             {},
             false,
             true,
             true},
            {u"roll_call_entry"_s, 8, {u"status"_s, u"minutes_late"_s}, {}, false, false, false},
            {u"correspondence_note"_s, 6, {u"subject"_s, u"body"_s}, u"author_id = ?"_s, false, true, false},
        };
    if (role == u"secretariat")
        return {
            {u"timetable_exception"_s, 10, {u"note"_s, u"new_room"_s}, {}, false, true, true},
            {u"absence"_s, 6, {u"comment"_s, u"reason"_s}, {}, false, false, false},
            {u"teaching_assignment"_s, 2, {u"hours_per_week"_s}, {}, false, false, false},
            {u"guardian_link"_s, 2, {u"contact_order"_s}, {}, false, false, false},
        };
    if (role == u"head")
        return {
            {u"absence"_s, 4, {u"comment"_s}, {}, false, false, false},
            {u"timetable_exception"_s, 4, {u"note"_s}, {}, false, true, true},
        };
    if (role == u"guardian")
        return {
            {u"absence"_s,
             20,
             {u"justification_status"_s, u"justification_text"_s, u"justified_by"_s, u"justified_at"_s},
             {},
             false,
             false,
             false},
            {u"consent_signature"_s,
             10,
             {u"answer"_s, u"comment"_s, u"signed_at"_s},
             u"guardian_account_id = ?"_s,
             false,
             false,
             false},
            {u"correspondence_note"_s, 5, {u"acknowledged_by"_s, u"acknowledged_at"_s}, {}, false, false, false},
        };
    if (role == u"student")
        return {
            {u"homework_submission"_s,
             20,
             {u"status"_s, u"comment"_s, u"submitted_at"_s},
             u"student_id = ?"_s,
             true,
             false,
             false},
        };
    return {};
}

const QStringList kWords = {u"contrôle"_s, u"devoir"_s, u"exercice"_s, u"révision"_s, u"chapitre"_s,
                            u"lecture"_s,  u"oral"_s,   u"projet"_s,   u"retard"_s,   u"maladie"_s};

QString words(Rng &rng, int maxLength)
{
    QString text = rng.pick(kWords) + u' ' + QString::number(rng.between(1, 999));
    if (rng.chance(0.3))
        text += u' ' + rng.pick(kWords);
    return text.left(std::max(1, maxLength));
}

} // namespace

Device::Device(int index, Actor actor, QString replicaPath, Network &network, Scheduler &scheduler)
    : m_index(index),
      m_actor(std::move(actor)),
      m_path(std::move(replicaPath)),
      m_network(network),
      m_scheduler(scheduler)
{
}

Device::~Device()
{
    crash();
}

Core::Status Device::open()
{
    Core::Result<std::unique_ptr<Sync::ReplicaStore>> store
        = Sync::ReplicaStore::open(m_path, u"chaos-device-%1-%2"_s.arg(m_index).arg(++m_generation));
    if (!store)
        return store.error();
    m_store = std::move(store.value());
    // The simulation kills processes, never the machine: what SQLite handed
    // to the system survives, and waiting for the disk would only slow it.
    QSqlQuery(m_store->database()).exec(u"PRAGMA synchronous=OFF"_s);
    m_alive = std::make_shared<bool>(true);
    m_workspace = std::make_unique<Workspace::Workspace>(*m_store, m_actor.profile);
    m_workspace->setClock([this] { return QDateTime::fromMSecsSinceEpoch(localMillis()); });
    m_transport = std::make_unique<SimTransport>(m_network, m_actor.accountId, m_alive);
    m_engine = std::make_unique<Sync::SyncEngine>(*m_transport, *m_store);
    QObject::connect(m_engine.get(), &Sync::SyncEngine::finished, [this](const Core::Status &status) {
        m_lastSync = status;
        ++stats.syncsDone;
    });
    openFiles();
    return {};
}

void Device::crash()
{
    if (!m_store)
        return;
    if (m_alive)
        *m_alive = false;
    closeFiles();
    m_engine.reset();
    m_transport.reset();
    m_workspace.reset();
    m_store.reset();
}

Core::Status Device::restart()
{
    ++stats.crashes;
    crash();
    return open();
}

QString Device::clientId() const
{
    return m_store ? m_store->clientId() : QString();
}

void Device::startSync(int pageSize)
{
    if (!m_engine || m_engine->isRunning())
        return;
    ++stats.syncsStarted;
    m_engine->setPageSize(pageSize);
    m_engine->start();
}

bool Device::syncing() const
{
    return m_engine && m_engine->isRunning();
}

qint64 Device::pending() const
{
    const Core::Result<qint64> count = m_store->pendingCount();
    return count ? *count : -1;
}

void Device::fillOwnFields(Record &row, const QStringList &fields) const
{
    const Core::EntityDef *entity = Core::findEntity(row.type());
    for (const QString &name : fields) {
        const FieldDef *field = entity->field(name);
        if (field->type == FieldType::Ref && field->refEntity == u"account")
            row.set(name, m_actor.accountId);
        else if (field->type == FieldType::Timestamp)
            row.set(name, localMillis());
    }
}

namespace {

// A value a user could type in `field` of a row of `type`, acting as `role`.
QVariant randomValue(Rng &rng, const QString &role, const Core::EntityDef &entity, const FieldDef &field)
{
    if (!field.required && rng.chance(0.1))
        return {};
    switch (field.type) {
    case FieldType::Enum: {
        QStringList values = field.enumValues;
        if (role == u"guardian" && field.name == u"justification_status")
            return u"submitted"_s;
        if (role == u"student" && field.name == u"status")
            values.removeAll(u"returned"_s);
        return rng.pick(values);
    }
    case FieldType::Text:
        return words(rng, field.maxLength > 0 ? field.maxLength : 60);
    case FieldType::Integer:
        return rng.between(field.minimum, std::min(field.maximum, field.minimum + 120));
    case FieldType::Hundredths:
        if (entity.type == u"grade")
            return rng.between(0, 80) * 25;
        return rng.between(std::max<qint64>(field.minimum, 50), std::min<qint64>(field.maximum, 400));
    case FieldType::Boolean:
        return rng.chance(0.5);
    case FieldType::Date:
        return QDate(2025, 4, 4).addDays(rng.between(-20, 20)).toString(Qt::ISODate);
    case FieldType::Ref:
    case FieldType::Timestamp:
        break;
    }
    return {};
}

} // namespace

QList<Written> Device::plan(Rng &rng)
{
    const QList<WorkKind> kinds = workOf(m_actor.role);
    if (kinds.isEmpty())
        return {};
    int total = 0;
    for (const WorkKind &kind : kinds)
        total += kind.weight;
    qint64 draw = rng.between(1, total);
    const WorkKind *chosen = &kinds.constFirst();
    for (const WorkKind &kind : kinds) {
        if ((draw -= kind.weight) <= 0) {
            chosen = &kind;
            break;
        }
    }
    const Core::EntityDef &entity = *Core::findEntity(chosen->type);
    QVariantList binds;
    if (!chosen->mine.isEmpty())
        binds << (chosen->mineIsPerson ? m_workspace->personId() : m_actor.accountId);
    // Ids first: the row is read once chosen.
    QStringList ids;
    QSqlQuery query(m_store->database());
    query.setForwardOnly(true);
    const QString where = chosen->mine.isEmpty() ? QString() : u" WHERE "_s + chosen->mine;
    if (query.prepare(u"SELECT id FROM %1%2 ORDER BY id"_s.arg(chosen->type, where))) {
        for (const QVariant &bind : std::as_const(binds))
            query.addBindValue(bind);
        if (query.exec()) {
            while (query.next())
                ids << query.value(0).toString();
        }
    }
    if (ids.isEmpty())
        return {};
    // Half the time among the first few rows, where the devices of one
    // person, and the people who share rows, meet.
    const qint64 index = rng.chance(0.5) ? rng.between(0, std::min<qint64>(ids.size(), 6) - 1)
                                         : rng.between(0, ids.size() - 1);
    const std::optional<Record> chosenRow = m_workspace->row(chosen->type, ids.at(index));
    if (!chosenRow)
        return {};
    const Record &target = *chosenRow;
    const qint64 base = [&] {
        const Core::Result<qint64> version = m_store->version(target.type(), target.id());
        return version ? *version : 0;
    }();

    Written written{m_index, clientId(), 0, MutationOp::Update, target.type(), target.id(), {}, base, 0};
    const qint64 roll = rng.between(1, 100);
    if (chosen->deletes && roll <= 8) {
        written.op = MutationOp::Delete;
        return {written};
    }
    if (chosen->creates && roll <= 25) {
        Record row = target;
        row.setId(Core::newId());
        for (const QString &name : chosen->fields) {
            if (const FieldDef *field = entity.field(name);
                field && field->type != FieldType::Ref && field->type != FieldType::Timestamp)
                row.set(name, randomValue(rng, m_actor.role, entity, *field));
        }
        QStringList own;
        for (const FieldDef &field : entity.fields) {
            if ((field.type == FieldType::Ref && field.refEntity == u"account" && row.isSet(field.name))
                || (field.type == FieldType::Timestamp && field.required))
                own << field.name;
        }
        fillOwnFields(row, own);
        written.op = MutationOp::Create;
        written.id = row.id();
        written.baseVersion = 0;
        written.values = row.values();
        QList<Written> writes{written};
        if (entity.type == u"evaluation") {
            // A new evaluation comes with the marks of some of its students.
            const QList<Record> members = m_workspace->select(u"class_membership"_s, u"class_id = ?"_s,
                                                              {row.text(u"class_id"_s)}, u"id"_s);
            const qint64 marked = members.isEmpty() ? 0 : rng.between(1, members.size());
            for (qint64 n = 0; n < marked; ++n) {
                Record grade(u"grade"_s, Core::newId());
                grade.set(u"establishment_id"_s, row.text(u"establishment_id"_s));
                grade.set(u"evaluation_id"_s, row.id());
                grade.set(u"student_id"_s, members.at(n).text(u"student_id"_s));
                grade.set(u"mark"_s, rng.between(0, 80) * 25);
                grade.set(u"graded_by"_s, m_actor.accountId);
                grade.set(u"graded_at"_s, localMillis());
                writes.append(
                    {m_index, clientId(), 0, MutationOp::Create, u"grade"_s, grade.id(), grade.values(), 0, 0});
            }
        }
        return writes;
    }
    // An update of one to three of the kind's fields.
    QStringList fields = chosen->fields;
    const qint64 count = rng.between(1, std::min<qint64>(3, fields.size()));
    while (fields.size() > count)
        fields.removeAt(rng.between(0, fields.size() - 1));
    Record changes(target.type(), target.id());
    QStringList own;
    for (const QString &name : fields) {
        const FieldDef *field = entity.field(name);
        if (field->type == FieldType::Ref || field->type == FieldType::Timestamp)
            own << name;
        else
            changes.set(name, randomValue(rng, m_actor.role, entity, *field));
    }
    fillOwnFields(changes, own);
    if (entity.type == u"grade" && fields.contains(u"mark"_s)) {
        // A mark or a marker (abs, disp…), never both.
        if (rng.chance(0.15)) {
            changes.set(u"mark"_s, QVariant());
            changes.set(u"marker"_s, rng.pick(entity.field(u"marker"_s)->enumValues));
        } else {
            changes.set(u"marker"_s, QVariant());
        }
        fields << u"marker"_s;
    }
    for (const QString &name : fields)
        written.values.insert(name, changes.value(name));
    return {written};
}

void Device::work(Rng &rng, QList<Written> &log)
{
    const QList<Written> writes = plan(rng);
    if (!writes.isEmpty())
        save(writes, log);
}

bool Device::save(const QList<Written> &writes, QList<Written> &log)
{
    QList<Write> batch;
    for (const Written &written : writes) {
        Record values(written.type, written.id);
        for (auto it = written.values.cbegin(); it != written.values.cend(); ++it)
            values.set(it.key(), it.value());
        if (written.op == MutationOp::Create)
            batch.append({Write::Kind::Create, values, {}});
        else if (written.op == MutationOp::Delete)
            batch.append({Write::Kind::Remove, values, {}});
        else
            batch.append({Write::Kind::Update, values, written.values.keys()});
    }
    const Core::Result<QList<qint64>> numbers = m_workspace->apply(batch);
    if (!numbers) {
        ++stats.refusedLocally;
        return false;
    }
    for (qsizetype n = 0; n < writes.size(); ++n) {
        Written saved = writes.at(n);
        saved.number = numbers->at(n);
        saved.madeAt = m_scheduler.now();
        log.append(saved);
        ++stats.changes;
    }
    return true;
}

qint64 Device::lastLogged(const QList<Written> &log) const
{
    qint64 last = 0;
    for (const Written &written : log) {
        if (written.device == m_index)
            last = std::max(last, written.number);
    }
    return last;
}

void Device::logOutboxAfter(qint64 lastLogged, QList<Written> &log)
{
    const Core::Result<Core::PushBatch> batch = m_store->pendingBatch(1'000'000);
    if (!batch)
        return;
    for (const Core::Mutation &mutation : batch->mutations) {
        if (mutation.number <= lastLogged)
            continue;
        Written written{
            m_index, clientId(),           mutation.number,  mutation.op, mutation.values.type(), mutation.values.id(),
            {},      mutation.baseVersion, m_scheduler.now()};
        if (mutation.op == MutationOp::Create) {
            written.values = mutation.values.values();
        } else {
            for (const QString &field : mutation.changedFields)
                written.values.insert(field, mutation.values.value(field));
        }
        log.append(written);
        ++stats.changes;
    }
}

bool Device::restoreAConflict(Rng &rng, QList<Written> &log)
{
    const QList<Record> open = m_workspace->select(u"sync_conflict"_s, u"status = 'open' AND loser_account_id = ?"_s,
                                                   {m_actor.accountId}, u"id"_s);
    if (open.isEmpty())
        return false;
    const Record &conflict = rng.pick(open);
    const qint64 before = lastLogged(log);
    const Core::Result<qint64> number = m_workspace->restoreConflicts({conflict.id()});
    if (!number) {
        ++stats.refusedLocally;
        return false;
    }
    ++stats.restores;
    // The restore is a new change of the row and the conflict's own
    // settlement: the model learns both from the outbox.
    logOutboxAfter(before, log);
    return true;
}

} // namespace Cartable::Chaos
