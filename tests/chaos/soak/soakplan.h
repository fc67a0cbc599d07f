#pragma once

#include "soakchecks.h"
#include "tests/support/testdatabase.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cartable::Test::Soak {

// What a client's account may write, which decides the fields it picks.
enum class Role { Teacher, VieScolaire, Office, Guardian, Student };

struct ClientPlan
{
    QString name;
    QString login;
    Role role;
    int server;
    // Signs in to the other server of a pair now and then.
    bool switches;
};

// The fields a role writes, as "type.field".
QStringList fieldsOf(Role role);
// The clients of the world on `backend`.
QList<ClientPlan> plansFor(Backend backend);
// Exported rows by "type/id".
QHash<QString, QJsonObject> byKey(const QList<QJsonObject> &rows);
// The fields the soak writes, from the first replicas of the teacher and the
// guardian, with their values then; `summary` says what was found.
QList<Target> chooseTargets(const QHash<QString, QJsonObject> &teacherRows,
                            const QHash<QString, QJsonObject> &guardianRows, const QString &teacherLogin,
                            QString *summary);

} // namespace Cartable::Test::Soak
