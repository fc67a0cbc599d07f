#pragma once

#include "sync/blobtransport.h"

#include "core/errorcode.h"

#include <QCryptographicHash>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace Cartable::Test {

// The blob routes of a server, in memory, answering on the next turn of the
// event loop: for the screens' tests, which need files that go up, come
// down, get refused or wait.
class FakeBlobTransport final : public Sync::BlobTransport
{
public:
    QHash<QString, QByteArray> stored;      // blobs the server holds, by hash
    QHash<QString, Core::Error> refusals;   // answered to the first chunk, by hash
    std::optional<Core::Error> unreachable; // answered to every call while set
    bool holdRanges = false;                // range answers wait in `held`
    QList<std::function<void()>> held;

    void openUpload(const Core::UploadRequest &request, Sync::ApiClient::Callback<Core::UploadStatus> done) override
    {
        later([this, request, done] {
            if (unreachable)
                return done(*unreachable);
            if (stored.contains(request.sha256))
                return done(complete(request.sha256, request.size));
            m_sizes.insert(request.sha256, request.size);
            if (!m_receiving.contains(request.sha256))
                m_receiving.insert(request.sha256, {});
            done(open(request.sha256));
        });
    }

    void sendChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes,
                   Sync::ApiClient::Callback<Core::UploadStatus> done) override
    {
        later([this, uploadId, offset, bytes, done] {
            if (unreachable)
                return done(*unreachable);
            const QString sha256 = uploadId;
            if (!m_receiving.contains(sha256))
                return done(Core::Error{Core::ErrorCode::NotFound, QStringLiteral("upload")});
            QByteArray &received = m_receiving[sha256];
            if (offset != received.size())
                return done(Core::Error{Core::ErrorCode::UploadOffsetMismatch, QString::number(received.size())});
            if (offset == 0 && refusals.contains(sha256)) {
                m_receiving.remove(sha256);
                return done(refusals.value(sha256));
            }
            received.append(bytes);
            if (received.size() < m_sizes.value(sha256))
                return done(open(sha256));
            stored.insert(sha256, m_receiving.take(sha256));
            done(complete(sha256, stored.value(sha256).size()));
        });
    }

    void fetchRange(const QString &sha256, qint64 first, qint64 last, Sync::ApiClient::Callback<Range> done) override
    {
        auto work = [this, sha256, first, last, done] {
            if (unreachable)
                return done(*unreachable);
            if (!stored.contains(sha256))
                return done(Core::Error{Core::ErrorCode::NotFound, QStringLiteral("blob")});
            const QByteArray &bytes = stored[sha256];
            if (first >= bytes.size())
                return done(Core::Error{Core::ErrorCode::RangeNotSatisfiable, QString::number(bytes.size())});
            done(Range{bytes.mid(first, qMin(last, bytes.size() - 1) - first + 1), first, bytes.size()});
        };
        if (holdRanges)
            held.append(work);
        else
            later(work);
    }

    void releaseHeld()
    {
        const QList<std::function<void()>> answers = std::exchange(held, {});
        for (const std::function<void()> &answer : answers)
            answer();
    }

    static QString sha256Of(const QByteArray &bytes)
    {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

private:
    void later(std::function<void()> work) { QTimer::singleShot(0, &m_context, std::move(work)); }

    Core::UploadStatus open(const QString &sha256) const
    {
        Core::UploadStatus status;
        status.uploadId = sha256;
        status.sha256 = sha256;
        status.size = m_sizes.value(sha256);
        status.received = m_receiving.value(sha256).size();
        return status;
    }

    static Core::UploadStatus complete(const QString &sha256, qint64 size)
    {
        Core::UploadStatus status;
        status.sha256 = sha256;
        status.size = size;
        status.received = size;
        status.complete = true;
        return status;
    }

    QObject m_context;
    QHash<QString, qint64> m_sizes;
    QHash<QString, QByteArray> m_receiving;
};

} // namespace Cartable::Test
