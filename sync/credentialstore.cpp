#include "credentialstore.h"

#include <QUrl>

namespace Cartable::Sync {

QString credentialKey(const QUrl &server, const QString &login)
{
    return login + u'@' + server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

} // namespace Cartable::Sync
