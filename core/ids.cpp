#include "ids.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace Cartable::Core {

namespace {

std::function<QString()> &idSource()
{
    static std::function<QString()> source;
    return source;
}

} // namespace

QString newId()
{
    if (const std::function<QString()> &source = idSource())
        return source();
    return timeOrderedId(QDateTime::currentMSecsSinceEpoch(), *QRandomGenerator::system());
}

QString timeOrderedId(qint64 millis, QRandomGenerator &random)
{
    std::array<quint32, 3> bits{};
    random.fillRange(bits.data(), bits.size());
    const auto stamp = quint64(millis) & 0xffffffffffffULL;
    // unix_ts_ms (48 bits), version 7, rand_a (12 bits) ...
    const quint64 high = (stamp << 16) | 0x7000U | (bits[0] & 0x0fffU);
    // ... variant 10, rand_b (62 bits).
    const quint64 low = ((quint64(bits[1]) << 32 | bits[2]) & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    QUuid uuid;
    uuid.data1 = uint(high >> 32);
    uuid.data2 = ushort(high >> 16);
    uuid.data3 = ushort(high);
    for (int i = 0; i < 8; ++i)
        uuid.data4[i] = uchar(low >> (56 - 8 * i));
    return uuid.toString(QUuid::WithoutBraces);
}

void setIdSource(std::function<QString()> source)
{
    idSource() = std::move(source);
}

bool isValidId(const QString &id)
{
    if (id.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

} // namespace Cartable::Core
