#include "staffdirectory.h"

#include "catalog.h"

#include "core/role.h"

#include <QMap>
#include <QUuid>

#include <algorithm>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

namespace {

// The namespace of the name-based ids of directory rows.
const QUuid kStaffMemberNamespace(u"5f0c7a1e-3b2d-4c8e-9a61-2d7f4b9e0c13"_s);

} // namespace

QString staffMemberId(const QString &establishmentId, const QString &personId, const QString &roleCode)
{
    const QString name = establishmentId + u'/' + personId + u'/' + roleCode;
    return QUuid::createUuidV5(kStaffMemberNamespace, name).toString(QUuid::WithoutBraces);
}

QList<Record> staffDirectoryRows(const Record &person, const QList<Record> &accounts, const QList<Record> &roles)
{
    // The enabled accounts of the person, in id order: when two of them hold
    // the same role, the directory names the first.
    QList<Record> enabled;
    for (const Record &account : accounts) {
        if (account.text(u"person_id"_s) == person.id() && !account.flag(u"disabled"_s))
            enabled.append(account);
    }
    std::sort(enabled.begin(), enabled.end(), [](const Record &a, const Record &b) { return a.id() < b.id(); });

    // id → row, so that the answer comes in a stable order.
    QMap<QString, Record> rows;
    for (const Record &account : std::as_const(enabled)) {
        for (const Record &role : roles) {
            if (role.text(u"account_id"_s) != account.id())
                continue;
            const QString code = role.text(u"role"_s);
            const std::optional<Role> parsed = roleFromCode(code);
            if (!parsed || !isStaffRole(*parsed))
                continue;
            const QString establishmentId = role.text(u"establishment_id"_s);
            const QString id = staffMemberId(establishmentId, person.id(), code);
            if (rows.contains(id))
                continue;
            Record row(QString::fromUtf16(Entity::StaffMember), id);
            row.set(u"establishment_id"_s, establishmentId);
            row.set(u"person_id"_s, person.id());
            row.set(u"account_id"_s, account.id());
            row.set(u"last_name"_s, person.value(u"last_name"_s));
            row.set(u"first_name"_s, person.value(u"first_name"_s));
            if (person.isSet(u"sex"_s))
                row.set(u"sex"_s, person.value(u"sex"_s));
            row.set(u"role"_s, code);
            rows.insert(id, row);
        }
    }
    return rows.values();
}

} // namespace Cartable::Core
