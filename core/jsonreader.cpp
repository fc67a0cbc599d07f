#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace Cartable::Core {

using namespace Qt::StringLiterals;

JsonReader::JsonReader(QJsonObject object, QString path) : m_object(std::move(object)), m_path(std::move(path)) {}

QString JsonReader::requiredString(const QString &key)
{
    return fetch(key, QJsonValue::String, true).toString();
}

QJsonArray JsonReader::requiredArray(const QString &key)
{
    return fetch(key, QJsonValue::Array, true).toArray();
}

QJsonObject JsonReader::requiredObject(const QString &key)
{
    return fetch(key, QJsonValue::Object, true).toObject();
}

std::optional<bool> JsonReader::optionalBool(const QString &key)
{
    const QJsonValue value = fetch(key, QJsonValue::Bool, false);
    if (value.isBool())
        return value.toBool();
    return std::nullopt;
}

void JsonReader::rejectUnknownKeys(const QStringList &allowed)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(ErrorCode::InvalidField, it.key());
            return;
        }
    }
}

QJsonValue JsonReader::fetch(const QString &key, QJsonValue::Type type, bool required)
{
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd() || it->isNull()) {
        if (required)
            fail(ErrorCode::MissingField, key);
        return {};
    }
    if (it->type() != type) {
        fail(ErrorCode::InvalidField, key);
        return {};
    }
    return *it;
}

void JsonReader::fail(ErrorCode code, const QString &key)
{
    if (!m_error)
        m_error = Error{code, m_path.isEmpty() ? key : m_path + u'.' + key};
}

Result<QJsonObject> parseJsonObject(const QByteArray &bytes)
{
    // QJsonDocument replaces invalid UTF-8 silently; refuse it instead.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString asText = decoder(bytes);
    if (decoder.hasError())
        return Error{ErrorCode::InvalidJson, u"invalid UTF-8"_s};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::InvalidJson, parseError.errorString()};
    if (!document.isObject())
        return Error{ErrorCode::InvalidJson, u"expected a JSON object"_s};
    return document.object();
}

} // namespace Cartable::Core
