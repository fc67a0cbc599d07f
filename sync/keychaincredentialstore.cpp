#include "keychaincredentialstore.h"

#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

namespace Cartable::Sync {

Q_LOGGING_CATEGORY(lcKeychain, "cartable.sync.keychain")

using Core::Error;
using Core::ErrorCode;

namespace {

Error keychainError(const QKeychain::Job *job)
{
    const ErrorCode code = job->error() == QKeychain::EntryNotFound ? ErrorCode::NotFound
                                                                    : ErrorCode::CredentialStoreError;
    return Error{code, job->errorString()};
}

template<typename JobType>
JobType *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QString service, QObject *parent)
    : CredentialStore(parent), m_service(std::move(service))
{
}

void KeychainCredentialStore::write(const QString &key, const QByteArray &secret, Done done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            qCWarning(lcKeychain) << "cannot write to the keychain:" << finished->errorString();
            return done(keychainError(finished));
        }
        done({});
    });
    job->start();
}

void KeychainCredentialStore::read(const QString &key, ReadDone done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            return done(keychainError(finished));
        done(job->binaryData());
    });
    job->start();
}

void KeychainCredentialStore::remove(const QString &key, Done done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        // Removing what is not there is not a failure.
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            return done(keychainError(finished));
        done({});
    });
    job->start();
}

} // namespace Cartable::Sync
