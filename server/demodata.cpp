#include "demodata.h"

#include "accountstore.h"
#include "passwordhasher.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>

namespace Cartable::Server {

using namespace Qt::StringLiterals;
using Core::Role;

QList<Core::Establishment> demoEstablishments()
{
    // Fixed ids, so that demo data is the same on every machine.
    return {
        {u"6f1c8a8e-1d0b-4c53-9d0e-6f4e6a1b0001"_s, u"0751234J"_s, u"Lycée Victor-Hugo"_s},
        {u"6f1c8a8e-1d0b-4c53-9d0e-6f4e6a1b0002"_s, u"0755678P"_s, u"Collège Jean-Moulin"_s},
    };
}

QString demoAccountId(int index)
{
    return u"2a7d4f3e-8b1c-4e6a-a5d2-3c9b7e1f%1"_s.arg(index, 4, 10, QChar(u'0'));
}

QList<DemoAccount> demoAccounts()
{
    return {
        {u"prof.martin"_s, u"Claire Martin"_s, {{Role::Teacher, 0}, {Role::Teacher, 1}}, u"teacher, in two schools"_s},
        {u"parent.dubois"_s, u"Sophie Dubois"_s, {{Role::Guardian, 0}}, u"guardian of Léo and Emma"_s},
        {u"eleve.leo"_s, u"Léo Dubois"_s, {{Role::Student, 0}}, u"student"_s},
        {u"eleve.emma"_s, u"Emma Dubois"_s, {{Role::Student, 0}}, u"student"_s},
        {u"secretariat.bernard"_s, u"Nathalie Bernard"_s, {{Role::Secretariat, 0}}, u"secretariat"_s},
        {u"cpe.petit"_s, u"Julien Petit"_s, {{Role::VieScolaire, 0}}, u"CPE (vie scolaire)"_s},
        {u"direction.leroy"_s, u"Isabelle Leroy"_s, {{Role::Head, 0}}, u"head of school"_s},
        {u"collectivite.moreau"_s,
         u"Marc Moreau"_s,
         {{Role::LocalAuthority, 0}, {Role::LocalAuthority, 1}},
         u"local authority (statistics)"_s},
    };
}

Core::Result<bool> seedDemoData(AccountStore &store, const PasswordHasher &hasher)
{
    const Core::Result<bool> populated = store.hasEstablishments();
    if (!populated)
        return populated.error();
    if (*populated)
        return false;

    // One hash for all: each would cost the same Argon2id time for the same
    // well-known password.
    const Core::Result<QByteArray> hash = hasher.hash(QString::fromUtf16(kDemoPassword));
    if (!hash)
        return hash.error();

    QSqlDatabase db = store.database();
    if (!db.transaction())
        return Core::Error{Core::ErrorCode::DatabaseError, db.lastError().text()};
    auto seed = [&]() -> Core::Status {
        const QList<Core::Establishment> establishments = demoEstablishments();
        for (const Core::Establishment &establishment : establishments) {
            if (Core::Status status = store.createEstablishment(establishment); !status)
                return status;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int index = 0;
        for (const DemoAccount &demo : demoAccounts()) {
            const AccountRecord account{demoAccountId(++index), demo.login, demo.displayName, *hash};
            if (Core::Status status = store.createAccount(account, now); !status)
                return status;
            for (const auto &[role, establishment] : demo.roles) {
                if (Core::Status status = store.addRole(account.id, establishments.at(establishment).id, role); !status)
                    return status;
            }
        }
        return {};
    };
    if (const Core::Status seeded = seed(); !seeded) {
        db.rollback();
        return seeded.error();
    }
    if (!db.commit())
        return Core::Error{Core::ErrorCode::DatabaseError, db.lastError().text()};
    return true;
}

QString demoLoginsTable()
{
    QString table = u"Demo accounts (password for all: %1)\n\n"_s.arg(QString::fromUtf16(kDemoPassword));
    for (const DemoAccount &demo : demoAccounts())
        table += u"  %1 %2 %3\n"_s.arg(demo.login, -22).arg(demo.displayName, -18).arg(demo.description);
    return table;
}

} // namespace Cartable::Server
