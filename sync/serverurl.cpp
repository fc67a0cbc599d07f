#include "serverurl.h"

namespace Cartable::Sync {

using namespace Qt::StringLiterals;
using Core::Error;
using Core::ErrorCode;

Core::Result<QUrl> normalizeServerUrl(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error{ErrorCode::InvalidServerUrl, u"empty"_s};
    if (!trimmed.contains(u"://"_s))
        trimmed.prepend(u"http://"_s);

    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return Error{ErrorCode::InvalidServerUrl, url.errorString()};
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http"_s && scheme != u"https"_s)
        return Error{ErrorCode::InvalidServerUrl, u"scheme"_s};
    if (url.host().isEmpty())
        return Error{ErrorCode::InvalidServerUrl, u"host"_s};
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Error{ErrorCode::InvalidServerUrl, u"extra parts"_s};
    if (!url.path().isEmpty() && url.path() != u"/"_s)
        return Error{ErrorCode::InvalidServerUrl, u"path"_s};

    url.setScheme(scheme);
    url.setPath({});
    return url;
}

} // namespace Cartable::Sync
