#pragma once

#include "core/domain/record.h"
#include "core/protocol/hlc.h"
#include "core/result.h"
#include "core/userprofile.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace Cartable::Sync {
class ReplicaStore;
}

namespace Cartable::Workspace {

// A student as the lists of a class show him: "DUBOIS Léo".
struct Student
{
    QString id;
    QString lastName;
    QString firstName;
    QString displayName() const;
};

// A class or a group the teacher teaches a subject to.
struct Teaching
{
    QString classId; // exactly one of classId, groupId is set
    QString groupId;
    QString subjectId;
    QString audience; // "3e A", "Latin 4e"
    QString subject;  // "Mathématiques"
    QString label() const { return audience + u" · " + subject; }
    friend bool operator==(const Teaching &, const Teaching &) = default;
};

// What the screens of one signed-in person work on: his replica, who he is
// in it, and the writes he makes. Screens read through the item models of
// this folder, which query the replica; every write goes through create(),
// update() or remove(): one durable transaction with its outbox entry, then
// changed(), which the models and the sync scheduler follow. Never touches
// the network.
class Workspace : public QObject
{
    Q_OBJECT

public:
    Workspace(Sync::ReplicaStore &store, const Core::UserProfile &profile, QObject *parent = nullptr);
    ~Workspace() override;

    Sync::ReplicaStore &store() const { return m_store; }
    const Core::UserProfile &profile() const { return m_profile; }
    QString accountId() const { return m_profile.id; }
    // The person the account belongs to; empty before the first sync.
    QString personId() const;
    // The establishment the screens work in: the one chosen, else the first
    // of the person's where today is in a period, else the first whose data
    // the replica holds.
    QString establishmentId() const;
    void setEstablishmentId(const QString &id);

    // The time the screens go by: the system's, or a fixed one for tests and
    // screenshots.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTime(); }
    QDate today() const { return now().date(); }
    qint64 nowMillis() const { return now().toMSecsSinceEpoch(); }
    Core::HlcTimestamp stamp();

    // Local writes. Each is saved on disk with its outbox entry before it
    // returns, then announced with changed(). Errors are the catalogue's
    // codes; nothing is written then.
    [[nodiscard]] Core::Result<qint64> create(const Core::Record &row);
    // `changes` holds the new values of `fields` (unset ones become empty).
    [[nodiscard]] Core::Result<qint64> update(const Core::Record &changes, const QStringList &fields);
    [[nodiscard]] Core::Result<qint64> remove(const QString &type, const QString &id);
    // Several writes that stand or fall together.
    struct Write
    {
        enum class Kind { Create, Update, Remove };
        Kind kind = Kind::Update;
        Core::Record values; // for Remove, only the type and id count
        QStringList fields;  // for Update
    };
    [[nodiscard]] Core::Result<QList<qint64>> apply(const QList<Write> &writes);

    // Reading the replica.
    std::optional<Core::Record> row(const QString &type, const QString &id) const;
    // Rows of `type` meeting an SQL condition over its columns, "?" marks
    // bound to `values`; empty on a database error (which is logged).
    QList<Core::Record> select(const QString &type, const QString &condition = {}, const QVariantList &values = {},
                               const QString &order = {}) const;
    QSqlDatabase database() const;

    // Names, kept until the next reload.
    QString personName(const QString &personId) const; // "Léo Dubois"
    QString accountName(const QString &accountId) const;
    QString subjectName(const QString &subjectId) const;
    QString audienceName(const QString &classId, const QString &groupId) const;
    // The students of a class or group on a day, by last then first name.
    QList<Student> studentsOf(const QString &classId, const QString &groupId, const QDate &on) const;
    // What the signed-in teacher teaches, by audience then subject.
    QList<Teaching> teachings() const;
    // The periods of the establishment, in order; the one a day falls in.
    QList<Core::Record> periods() const;
    std::optional<Core::Record> periodOn(const QDate &day) const;

    // Conflicts: the lost value put back as a new change, or the kept one
    // accepted; the conflict is settled in the same transaction.
    [[nodiscard]] Core::Result<qint64> restoreConflicts(const QStringList &conflictIds);
    [[nodiscard]] Core::Result<qint64> dismissConflicts(const QStringList &conflictIds);

    // A sync applied changes from the server: every model reloads.
    void notifyReloaded();

Q_SIGNALS:
    // A local change of a row was saved.
    void changed(const QString &type, const QString &id);
    // Rows may have changed anywhere (after a sync).
    void reloaded();

private:
    void announce(const QList<Write> &writes);

    Sync::ReplicaStore &m_store;
    Core::UserProfile m_profile;
    std::function<QDateTime()> m_clock;
    Core::HybridClock m_hlc;
    mutable QHash<QString, QString> m_names; // "type/id" → name
    mutable std::optional<QString> m_personId;
    mutable std::optional<QString> m_establishmentId;
    bool m_establishmentChosen = false;
};

} // namespace Cartable::Workspace
