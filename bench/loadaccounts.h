// The accounts the load generator signs in with: every account of the
// reference school that can sync, and a mix of them as a school has.
#pragma once

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace Cartable::Bench {

enum class Kind { Student, Guardian, Teacher, Staff };

QString kindName(Kind kind);

struct Account
{
    QString login;
    QString personId;
    Kind kind = Kind::Student;
};

// Every account that can sign in and sync, by kind, in login order. The
// local authority is left out: nobody of a school signs in as it.
QHash<Kind, QList<Account>> readAccounts(const QString &databaseSpec);

// `count` accounts mixed as a school has them: about 10% teachers, staff at
// their share of the school, the rest students and guardians in the school's
// proportion. An account is used again, as by a second computer, only when a
// kind has too few. `distinct` tells how many different accounts there are.
QList<Account> pickAccounts(QHash<Kind, QList<Account>> pool, int count, QRandomGenerator &random, int &distinct);

} // namespace Cartable::Bench
