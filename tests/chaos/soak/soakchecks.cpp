// The invariants of the real-process soak, checked on what one world (one
// server database) left once every server is up again and every client has
// synced until nothing is pending:
//
// I1 convergence and scope: for every client, the sorted lines of
//    `cartable-cli export` of its replica equal those of a fresh replica of
//    the same login synced from scratch at the end. The fresh replica is the
//    server's view for that account, so a row the client lacks is a lost
//    write or pull, an extra row is a leak out of scope (or a row the server
//    deleted that the client kept), a different line is a divergence.
// I2 drained outbox: `status --json` says 0 pending for every client.
// I3 exactly one answer: for every client id, the server's sync_receipt holds
//    the numbers 1..last exactly once, where last is the number of the
//    replica's last mutation (next_mutation - 1 in its replica_info), and
//    sync_client.last_mutation is that last number. A gap is a mutation the
//    server never answered, a number above last or a second row is one it
//    invented or answered twice.
// I4 no silent loss: every `set` the CLI accepted (exit 0, "saved as change
//    N") whose value is not the final one on the server is explained by one
//    of: (rejected) the receipt of mutation N of that client answers
//    "rejected"; (conflict) a sync_conflict row for that row and field whose
//    lost_value is the value written; (later) a write to the same field that
//    ended after it, by any client: an accepted one, or one killed mid-way
//    (its change may have been saved and sent). Anything else is a write
//    that vanished.
// I5 nothing invented: the final value of every field the soak wrote is its
//    value when the soak began or one some client tried to write (an
//    accepted set, or one killed mid-way, whose change may have been saved).
//    A target row that is no longer on the server breaks it too.
//
// "Final" values come from the fresh replicas of I1, which hold the server's
// rows as the accounts that wrote them may read them.

#include "soakchecks.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Cartable::Test::Soak {

using namespace Qt::StringLiterals;

QString normalisedValue(const QString &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return u"null"_s;
    if (field == u"mark"_s) {
        const double mark = value.isString() ? value.toString().replace(u',', u'.').toDouble() : value.toDouble();
        return QString::number(std::llround(mark * 100));
    }
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString lostValueOf(const QString &field, const QString &lostValue)
{
    const QJsonValue value = QJsonDocument::fromJson(u"["_s.append(lostValue).append(u']').toUtf8()).array().at(0);
    return normalisedValue(field, value.isObject() ? value.toObject().value(field) : value);
}

QString rowKeyOf(const QJsonObject &row)
{
    return row.value(u"type"_s).toString() + u'/' + row.value(u"id"_s).toString();
}

namespace {

QHash<QString, QString> byRow(const QStringList &lines)
{
    QHash<QString, QString> rows;
    for (const QString &line : lines)
        rows.insert(rowKeyOf(QJsonDocument::fromJson(line.toUtf8()).object()), line);
    return rows;
}

void checkConvergence(const WorldResult &result, QStringList &violations)
{
    for (const ClientResult &client : result.clients) {
        const QString who = result.world + u' ' + client.name;
        if (!client.exportsOk) {
            violations << u"I1 %1: could not export the replica or the fresh replica"_s.arg(who);
            continue;
        }
        if (client.exportLines == client.freshExportLines)
            continue;
        const QHash<QString, QString> mine = byRow(client.exportLines);
        const QHash<QString, QString> fresh = byRow(client.freshExportLines);
        QStringList missing, extra, different;
        for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
            if (!mine.contains(it.key()))
                missing << it.key();
            else if (mine.value(it.key()) != it.value())
                different << it.key();
        }
        for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
            if (!fresh.contains(it.key()))
                extra << it.key();
        }
        std::sort(missing.begin(), missing.end());
        std::sort(extra.begin(), extra.end());
        std::sort(different.begin(), different.end());
        violations << u"I1 %1: replica differs from a fresh replica of the same login: %2 missing [%3], %4 out of "
                      "scope or deleted [%5], %6 different [%7]"_s.arg(who)
                          .arg(missing.size())
                          .arg(missing.mid(0, 5).join(u' '))
                          .arg(extra.size())
                          .arg(extra.mid(0, 5).join(u' '))
                          .arg(different.size())
                          .arg(different.mid(0, 5).join(u' '));
        for (const QString &key : different.mid(0, 3)) {
            violations << u"I1 %1: %2 replica %3"_s.arg(who, key, mine.value(key));
            violations << u"I1 %1: %2 fresh   %3"_s.arg(who, key, fresh.value(key));
        }
    }
}

void checkOutbox(const WorldResult &result, QStringList &violations)
{
    for (const ClientResult &client : result.clients) {
        if (client.pending != 0)
            violations << u"I2 %1 %2: %3 change(s) still pending after the final syncs"_s.arg(result.world, client.name)
                              .arg(client.pending);
    }
}

void checkReceipts(const WorldResult &result, QStringList &violations)
{
    for (const ClientResult &client : result.clients) {
        const QString who = result.world + u' ' + client.name;
        if (client.clientId.isEmpty() || client.lastMutation < 0) {
            violations << u"I3 %1: no client id or last mutation number"_s.arg(who);
            continue;
        }
        const QHash<qint64, QString> receipts = result.receipts.value(client.clientId);
        QList<qint64> gaps;
        for (qint64 number = 1; number <= client.lastMutation; ++number) {
            if (!receipts.contains(number))
                gaps << number;
        }
        QList<qint64> beyond;
        for (auto it = receipts.cbegin(); it != receipts.cend(); ++it) {
            if (it.key() < 1 || it.key() > client.lastMutation)
                beyond << it.key();
        }
        QStringList gapText, beyondText;
        for (qint64 number : gaps.mid(0, 10))
            gapText << QString::number(number);
        for (qint64 number : beyond.mid(0, 10))
            beyondText << QString::number(number);
        if (!gaps.isEmpty())
            violations << u"I3 %1: %2 of mutations 1..%3 have no receipt: %4"_s.arg(who)
                              .arg(gaps.size())
                              .arg(client.lastMutation)
                              .arg(gapText.join(u' '));
        if (!beyond.isEmpty())
            violations << u"I3 %1: receipts for mutations the replica never made: %2"_s.arg(who, beyondText.join(u' '));
        const qint64 rows = result.receiptRows.value(client.clientId);
        if (rows != receipts.size())
            violations << u"I3 %1: %2 receipt rows for %3 numbers (a mutation answered twice)"_s.arg(who).arg(rows).arg(
                receipts.size());
        const qint64 applied = result.lastApplied.value(client.clientId, 0);
        if (applied != client.lastMutation)
            violations << u"I3 %1: sync_client.last_mutation is %2, the replica's last mutation %3"_s.arg(who)
                              .arg(applied)
                              .arg(client.lastMutation);
    }
}

// The final value of every target, from the fresh replicas; absent when no
// fresh replica holds the row.
QHash<int, QString> finalValues(const WorldResult &result, QSet<int> &missingRows)
{
    QHash<QString, QJsonObject> rows;
    for (const ClientResult &client : result.clients) {
        for (const QString &line : client.freshExportLines) {
            const QJsonObject row = QJsonDocument::fromJson(line.toUtf8()).object();
            rows.insert(rowKeyOf(row), row);
        }
    }
    QHash<int, QString> values;
    for (int t = 0; t < result.targets.size(); ++t) {
        const Target &target = result.targets.at(t);
        const auto row = rows.constFind(target.type + u'/' + target.id);
        if (row == rows.cend())
            missingRows.insert(t);
        else
            values.insert(t, normalisedValue(target.field, row->value(target.field)));
    }
    return values;
}

void checkWrites(const WorldResult &result, QStringList &violations, QTextStream *explain)
{
    QSet<int> missingRows;
    const QHash<int, QString> finals = finalValues(result, missingRows);
    QHash<int, QSet<QString>> written;
    QSet<int> touched;
    for (const Write &write : result.writes) {
        if (write.outcome != Write::Outcome::Refused) {
            written[write.target].insert(write.value);
            touched.insert(write.target);
        }
    }
    for (int t : touched) {
        const Target &target = result.targets.at(t);
        const QString where = target.type + u'/' + target.id + u'.' + target.field;
        if (missingRows.contains(t)) {
            violations << u"I5 %1 %2: the row is no longer on the server"_s.arg(result.world, where);
            continue;
        }
        const QString final = finals.value(t);
        if (final != target.initial && !written.value(t).contains(final))
            violations << u"I5 %1 %2: final value \"%3\" is neither the initial \"%4\" nor one a client wrote"_s
                              .arg(result.world, where, final, target.initial);
    }

    for (const Write &write : result.writes) {
        if (write.outcome != Write::Outcome::Accepted || missingRows.contains(write.target))
            continue;
        if (finals.value(write.target) == write.value)
            continue;
        const Target &target = result.targets.at(write.target);
        const QString where = target.type + u'/' + target.id + u'.' + target.field;
        const ClientResult &client = result.clients.at(write.client);
        const QString answer = result.receipts.value(client.clientId).value(write.number);
        const QJsonObject receipt = QJsonDocument::fromJson(answer.toUtf8()).object();
        QString rule;
        if (receipt.value(u"status"_s).toString() == u"rejected"_s)
            rule = u"rejected (%1)"_s.arg(receipt.value(u"error"_s).toObject().value(u"context"_s).toString());
        if (rule.isEmpty()
            && result.conflictLost.value(target.type + u'/' + target.id + u'/' + target.field).contains(write.value))
            rule = u"sync_conflict"_s;
        if (rule.isEmpty()) {
            // A value the field already had changes nothing: the server
            // keeps the field's stamp, and a later change made without
            // seeing this one takes over without a conflict. The value it
            // had is that of the accepted write applied last before it (by
            // the versions of the answers), or the first one.
            const qint64 version = receipt.value(u"version"_s).toInteger();
            qint64 previousVersion = -1;
            QString had = target.initial;
            for (const Write &other : result.writes) {
                if (other.target != write.target || other.outcome != Write::Outcome::Accepted || &other == &write)
                    continue;
                const QJsonObject otherReceipt
                    = QJsonDocument::fromJson(
                          result.receipts.value(result.clients.at(other.client).clientId).value(other.number).toUtf8())
                          .object();
                const qint64 otherVersion = otherReceipt.value(u"version"_s).toInteger();
                if (otherReceipt.value(u"status"_s).toString() == u"applied"_s && otherVersion <= version
                    && otherVersion > previousVersion) {
                    previousVersion = otherVersion;
                    had = other.value;
                }
            }
            if (had == write.value)
                rule = u"no change: the field already had this value"_s;
        }
        for (const Write &other : result.writes) {
            if (!rule.isEmpty())
                break;
            // A set killed mid-way may have saved its change: it counts.
            if (other.target == write.target && other.outcome != Write::Outcome::Refused
                && other.sequence > write.sequence)
                rule = u"later write by %1%2"_s.arg(result.clients.at(other.client).name,
                                                    other.outcome == Write::Outcome::Killed ? u" (killed set)"_s
                                                                                            : QString());
        }
        if (rule.isEmpty()) {
            violations << u"I4 %1 %2: %3 wrote \"%4\" (change %5, accepted), the server has \"%6\", and no later "
                          "write, conflict record or rejection explains it (initial \"%7\", answer %8)"_s
                              .arg(result.world, where, client.name, write.value)
                              .arg(write.number)
                              .arg(finals.value(write.target), target.initial, answer.left(600));
        } else if (explain) {
            *explain << "  I4 " << result.world << ' ' << where << ": " << client.name << " wrote \"" << write.value
                     << "\" (change " << write.number << "), lost to: " << rule << '\n';
        }
    }
}

} // namespace

QStringList checkWorld(const WorldResult &result, QTextStream *explain)
{
    QStringList violations;
    checkConvergence(result, violations);
    checkOutbox(result, violations);
    checkReceipts(result, violations);
    checkWrites(result, violations, explain);
    return violations;
}

} // namespace Cartable::Test::Soak
