#pragma once

#include "result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cartable::Core {

// Reads typed fields out of a JSON object and remembers the first problem, so
// a codec reads every field in a row and checks once. The error context names
// the offending field ("login.password"), never its value.
class JsonReader
{
public:
    JsonReader(QJsonObject object, QString path);

    QString requiredString(const QString &key);
    QJsonArray requiredArray(const QString &key);
    QJsonObject requiredObject(const QString &key);
    std::optional<bool> optionalBool(const QString &key);

    // Refuses any key not in `allowed`.
    void rejectUnknownKeys(const QStringList &allowed);

    bool ok() const { return !m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }

private:
    QJsonValue fetch(const QString &key, QJsonValue::Type type, bool required);
    void fail(ErrorCode code, const QString &key);

    QJsonObject m_object;
    QString m_path;
    std::optional<Error> m_error;
};

// Parses bytes as one JSON object; invalid UTF-8, escapes of lone UTF-16
// surrogates, syntax errors and non-object documents are InvalidJson.
Result<QJsonObject> parseJsonObject(const QByteArray &bytes);

} // namespace Cartable::Core
