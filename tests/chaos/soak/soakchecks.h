#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Cartable::Test::Soak {

// One field of one row that the clients write.
struct Target
{
    QString type;
    QString id;
    QString field;
    // Its value when the soak began, normalised (normalisedValue()).
    QString initial;
};

// One `set` the soak ran.
struct Write
{
    enum class Outcome { Accepted, Refused, Killed };
    int client = 0;
    int target = 0;
    QString value;     // normalised
    qint64 number = 0; // the mutation number the CLI printed (accepted only)
    Outcome outcome = Outcome::Refused;
    qint64 sequence = 0; // when it ended, in the order of the whole world
};

// What the end of a world left, for the checks.
struct ClientResult
{
    QString name;
    QString clientId;
    qint64 pending = -1;
    qint64 lastMutation = -1;
    QStringList exportLines;      // sorted
    QStringList freshExportLines; // sorted; a fresh replica of the same login
    bool exportsOk = false;
};

struct WorldResult
{
    QString world;
    QList<Target> targets;
    QList<Write> writes;
    QList<ClientResult> clients;
    // sync_receipt: client id -> number -> answer JSON.
    QHash<QString, QHash<qint64, QString>> receipts;
    QHash<QString, qint64> receiptRows; // client id -> row count (a duplicate would show here)
    QHash<QString, qint64> lastApplied; // sync_client.last_mutation
    // "type/id/field" of every sync_conflict row on the server -> the
    // values it recorded as lost, normalised.
    QHash<QString, QSet<QString>> conflictLost;
    qint64 conflictRows = 0;
};

// A field's value as one comparable string: marks as hundredths, null as
// "null", text as is.
QString normalisedValue(const QString &field, const QJsonValue &value);
// The normalised value a sync_conflict's lost_value (JSON text: the value,
// or an object of fields) records for `field`.
QString lostValueOf(const QString &field, const QString &lostValue);
// "type/id" of an exported row line.
QString rowKeyOf(const QJsonObject &row);

// The invariants; every violation is one line. `explain` gets, in verbose
// mode, the rule that accounts for each overwritten write.
QStringList checkWorld(const WorldResult &result, QTextStream *explain);

} // namespace Cartable::Test::Soak
