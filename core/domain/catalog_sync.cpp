// What the sync engine keeps for people: the values that lost a conflict.

#include "catalog.h"
#include "domainschema.h"

namespace Cartable::Core {

using namespace Qt::StringLiterals;
using namespace Fields;

namespace {

EntityDef syncConflict()
{
    EntityDef entity{
        u"sync_conflict"_s,
        u"sync"_s,
        u"A value that lost a conflict when two people changed the same thing: kept, with both sides, for "
        "the people involved to restore or dismiss. Made by the server only."_s,
        {
            ref(u"establishment_id"_s, QString::fromUtf16(Entity::Establishment)),
            text(u"row_type"_s, 40),
            ref(u"row_id"_s, QString()),
            optText(u"field"_s, 200),
            longText(u"lost_value"_s, 65536),
            optLongText(u"kept_value"_s, 65536),
            ref(u"loser_account_id"_s, u"account"_s),
            optRef(u"winner_account_id"_s, u"account"_s),
            text(u"loser_hlc"_s, 40),
            enumeration(u"rule"_s, {u"last_writer_wins"_s, u"teacher_wins"_s, u"first_booking_wins"_s, u"delete_wins"_s,
                                    u"update_wins_over_delete"_s}),
            timestamp(u"decided_at"_s),
            enumeration(u"status"_s, {u"open"_s, u"restored"_s, u"dismissed"_s}),
            optRef(u"resolved_by"_s, u"account"_s),
            optTimestamp(u"resolved_at"_s),
        },
        {
            requiredWhen(u"sync_conflict.resolved_needs_who"_s, u"resolved_by"_s, u"status"_s,
                         {u"restored"_s, u"dismissed"_s}),
            requiredWhen(u"sync_conflict.resolved_needs_when"_s, u"resolved_at"_s, u"status"_s,
                         {u"restored"_s, u"dismissed"_s}),
        },
        {},
        2,
    };
    for (FieldDef &field : entity.fields)
        field.since = 2;
    return entity;
}

} // namespace

QList<EntityDef> syncEntities()
{
    return {syncConflict()};
}

} // namespace Cartable::Core
