#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace Cartable::Sync {

// Where session secrets live: the OS keychain in the programs, memory in tests.
// Every call answers asynchronously, through `done`, on the caller's thread,
// and never before the call returns. A missing entry is ErrorCode::NotFound.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Core::Status)>;
    using ReadDone = std::function<void(Core::Result<QByteArray>)>;

    using QObject::QObject;
    ~CredentialStore() override = default;

    virtual void write(const QString &key, const QByteArray &secret, Done done) = 0;
    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void remove(const QString &key, Done done) = 0;
};

// The key under which the secret of `login` on `server` is kept.
QString credentialKey(const QUrl &server, const QString &login);

} // namespace Cartable::Sync
