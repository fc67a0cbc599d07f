#include "userprofile.h"

#include "jsonreader.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

QList<Role> UserProfile::roles() const
{
    QList<Role> result;
    for (const RoleAssignment &assignment : assignments) {
        if (!result.contains(assignment.role))
            result.append(assignment.role);
    }
    return result;
}

QList<Establishment> UserProfile::establishments() const
{
    QList<Establishment> result;
    for (const RoleAssignment &assignment : assignments) {
        if (!result.contains(assignment.establishment))
            result.append(assignment.establishment);
    }
    return result;
}

QJsonObject UserProfile::toJson() const
{
    QJsonArray roleArray;
    for (const RoleAssignment &assignment : assignments) {
        roleArray.append(QJsonObject{
            {u"role"_s, roleCode(assignment.role)},
            {u"establishment"_s,
             QJsonObject{
                 {u"id"_s, assignment.establishment.id},
                 {u"uai"_s, assignment.establishment.uai},
                 {u"name"_s, assignment.establishment.name},
             }},
        });
    }
    return QJsonObject{
        {u"id"_s, id},
        {u"login"_s, login},
        {u"displayName"_s, displayName},
        {u"roles"_s, roleArray},
    };
}

Result<UserProfile> UserProfile::fromJson(const QJsonObject &object)
{
    JsonReader reader(object, u"user"_s);
    UserProfile profile;
    profile.id = reader.requiredString(u"id"_s);
    profile.login = reader.requiredString(u"login"_s);
    profile.displayName = reader.requiredString(u"displayName"_s);
    const QJsonArray roleArray = reader.requiredArray(u"roles"_s);
    if (!reader.ok())
        return reader.error();

    for (const QJsonValue &entry : roleArray) {
        if (!entry.isObject())
            return Error{ErrorCode::InvalidField, u"user.roles[]"_s};
        JsonReader roleReader(entry.toObject(), u"user.roles[]"_s);
        const QString code = roleReader.requiredString(u"role"_s);
        const QJsonObject establishmentObject = roleReader.requiredObject(u"establishment"_s);
        if (!roleReader.ok())
            return roleReader.error();
        const std::optional<Role> role = roleFromCode(code);
        if (!role)
            return Error{ErrorCode::InvalidField, u"user.roles[].role"_s};

        JsonReader establishmentReader(establishmentObject, u"user.roles[].establishment"_s);
        Establishment establishment;
        establishment.id = establishmentReader.requiredString(u"id"_s);
        establishment.uai = establishmentReader.requiredString(u"uai"_s);
        establishment.name = establishmentReader.requiredString(u"name"_s);
        if (!establishmentReader.ok())
            return establishmentReader.error();
        profile.assignments.append(RoleAssignment{*role, establishment});
    }
    return profile;
}

bool isValidUai(const QString &uai)
{
    static const QRegularExpression pattern(u"^[0-9]{7}[A-Z]$"_s);
    if (!pattern.match(uai).hasMatch())
        return false;
    // The letter is a check key: the number modulo 23, read in an alphabet
    // without I, O and Q.
    static constexpr char16_t kKeys[] = u"ABCDEFGHJKLMNPRSTUVWXYZ";
    const int number = uai.left(7).toInt();
    return uai.at(7) == QChar(kKeys[number % 23]);
}

} // namespace Cartable::Core
