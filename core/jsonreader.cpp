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

namespace {

// A \u escape of D800 to DFFF: the only way a surrogate gets into a JSON
// document that is valid UTF-8. A false alarm (an escaped backslash before
// "ud800") only costs a walk through the document.
bool mayEscapeSurrogate(const QByteArray &bytes)
{
    for (qsizetype at = bytes.indexOf("\\u"); at >= 0 && at + 3 < bytes.size(); at = bytes.indexOf("\\u", at + 2)) {
        const char first = bytes.at(at + 2);
        const char second = bytes.at(at + 3);
        if ((first == 'd' || first == 'D')
            && ((second >= '8' && second <= '9') || (second >= 'a' && second <= 'f')
                || (second >= 'A' && second <= 'F'))) {
            return true;
        }
    }
    return false;
}

bool hasLoneSurrogate(const QJsonValue &value);

bool hasLoneSurrogate(const QJsonObject &object)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!QStringView(it.key()).isValidUtf16() || hasLoneSurrogate(it.value()))
            return true;
    }
    return false;
}

bool hasLoneSurrogate(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return !QStringView(value.toString()).isValidUtf16();
    case QJsonValue::Object:
        return hasLoneSurrogate(value.toObject());
    case QJsonValue::Array:
        for (const QJsonValue &item : value.toArray()) {
            if (hasLoneSurrogate(item))
                return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace

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
    // QJsonDocument reads a lone \u escape of D800 to DFFF as a surrogate, half a
    // character that no UTF-8 text (a database's, another client's) can
    // hold: refused as invalid UTF-8 is.
    QJsonObject object = document.object();
    if (mayEscapeSurrogate(bytes) && hasLoneSurrogate(object))
        return Error{ErrorCode::InvalidJson, u"lone UTF-16 surrogate"_s};
    return object;
}

} // namespace Cartable::Core
