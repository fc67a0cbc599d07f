#pragma once

#include "core/domain/entitydef.h"
#include "core/domain/record.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>

namespace Cartable::Server {

// The reference school of docs/PERFORMANCE.md: one lycée of 1,500 students at
// scale 1, everything else in proportion, the same records for the same seed
// and scale on every machine.
struct ReferenceSchoolOptions
{
    double scale = 0.1;
    std::uint64_t seed = 1;
};

inline constexpr double kMaxReferenceScale = 20.0;
bool isValidReferenceScale(double scale);

// round(base × scale), and at least `minimum`.
qint64 scaledCount(double base, double scale, qint64 minimum = 1);

// Receives the records in generation order: grouped by type, the types in
// catalogue order, every record already valid.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    [[nodiscard]] virtual Core::Status add(const Core::EntityDef &entity, const Core::Record &record) = 0;
};

struct ReferenceSchoolSummary
{
    // Rows per entity type; every type of the catalogue has some.
    QHash<QString, qint64> counts;
    qint64 total = 0;
};

// Generates the school into `sink`. Fails with the validation error of a
// record the catalogue refuses, or with the sink's error.
[[nodiscard]] Core::Result<ReferenceSchoolSummary> generateReferenceSchool(const ReferenceSchoolOptions &options,
                                                                           RecordSink &sink);

// Accounts have a password hash that is not part of their record: the
// generated ones all get the hash of the demo password.
inline constexpr char16_t kReferencePassword[] = u"cartable";

} // namespace Cartable::Server
