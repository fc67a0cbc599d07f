#include "loadaccounts.h"

#include "tests/support/testdatabase.h"

#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Cartable::Bench {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Student:
        return u"students"_s;
    case Kind::Guardian:
        return u"guardians"_s;
    case Kind::Teacher:
        return u"teachers"_s;
    case Kind::Staff:
        return u"staff"_s;
    }
    return {};
}

QHash<Kind, QList<Account>> readAccounts(const QString &databaseSpec)
{
    QHash<Kind, QList<Account>> accounts;
    const QString connection = u"bench-load-accounts"_s;
    {
        QSqlDatabase db = Test::openDatabaseSpec(databaseSpec, connection);
        QSqlQuery query(db);
        if (!query.exec(
                u"SELECT a.login, a.person_id, r.role FROM account a JOIN account_role r ON r.account_id = a.id "
                "WHERE a.disabled = 0 AND a.must_change_password = 0 ORDER BY a.login"_s))
            qWarning("cannot read the accounts: %s", qPrintable(query.lastError().text()));
        QMap<QString, std::pair<QString, QSet<QString>>> roles;
        while (query.next()) {
            auto &entry = roles[query.value(0).toString()];
            entry.first = query.value(1).toString();
            entry.second.insert(query.value(2).toString());
        }
        for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
            const QSet<QString> &held = it.value().second;
            std::optional<Kind> kind;
            if (held.contains(u"teacher"_s))
                kind = Kind::Teacher;
            else if (held.contains(u"student"_s))
                kind = Kind::Student;
            else if (held.contains(u"guardian"_s))
                kind = Kind::Guardian;
            else if (held.contains(u"secretariat"_s) || held.contains(u"vie_scolaire"_s) || held.contains(u"head"_s))
                kind = Kind::Staff;
            if (kind)
                accounts[*kind].append(Account{it.key(), it.value().first, *kind});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return accounts;
}

QList<Account> pickAccounts(QHash<Kind, QList<Account>> pool, int count, QRandomGenerator &random, int &distinct)
{
    qsizetype everyone = 0;
    for (const QList<Account> &accounts : std::as_const(pool))
        everyone += accounts.size();
    const auto share = [&](Kind kind, double fraction) {
        return pool.value(kind).isEmpty() ? 0 : qMax(kind == Kind::Teacher ? 1 : 0, qRound(count * fraction));
    };
    QHash<Kind, int> wanted;
    wanted[Kind::Teacher] = qMin(count, share(Kind::Teacher, 0.10));
    wanted[Kind::Staff] = qMin(count - wanted[Kind::Teacher],
                               share(Kind::Staff, static_cast<double>(pool.value(Kind::Staff).size()) / everyone));
    const int families = count - wanted[Kind::Teacher] - wanted[Kind::Staff];
    const auto students = static_cast<double>(pool.value(Kind::Student).size());
    const auto guardians = static_cast<double>(pool.value(Kind::Guardian).size());
    wanted[Kind::Student] = students + guardians > 0 ? qRound(families * students / (students + guardians)) : 0;
    wanted[Kind::Guardian] = families - wanted[Kind::Student];
    if (wanted[Kind::Guardian] > 0 && guardians == 0)
        std::swap(wanted[Kind::Guardian], wanted[Kind::Student]);

    QList<Account> picked;
    distinct = 0;
    for (Kind kind : {Kind::Student, Kind::Guardian, Kind::Teacher, Kind::Staff}) {
        QList<Account> &accounts = pool[kind];
        if (accounts.isEmpty())
            continue;
        std::shuffle(accounts.begin(), accounts.end(), random);
        for (int i = 0; i < wanted[kind]; ++i)
            picked.append(accounts.at(i % accounts.size()));
        distinct += qMin<int>(wanted[kind], static_cast<int>(accounts.size()));
    }
    std::shuffle(picked.begin(), picked.end(), random);
    return picked;
}

} // namespace Cartable::Bench
