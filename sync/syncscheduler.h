#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace Cartable::Sync {

class ConnectivityMonitor;
class NudgeListener;
class SyncEngine;

// Decides when a replica syncs: at start, a moment after local changes (a
// teacher typing a column of marks makes one sync, not thirty), when the
// server nudges, and when the network comes back; after a failure it tries
// again later and later (with jitter, so that a school's clients do not all
// come back at once). A session that the server has ended stops it until the
// user signs in again; the outbox is kept meanwhile.
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Syncing, Waiting, Stopped };
    Q_ENUM(State)

    explicit SyncScheduler(SyncEngine &engine, QObject *parent = nullptr);

    void setDebounce(std::chrono::milliseconds delay) { m_debounce.setInterval(delay); }
    // The first retry delay; each failure doubles it, up to `maximum`.
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds maximum);
    void watch(NudgeListener *nudges);
    void watch(ConnectivityMonitor *connectivity);

    State state() const { return m_state; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    // Milliseconds until the next try after a failure; -1 when none is due.
    int retryIn() const { return m_retry.isActive() ? m_retry.remainingTime() : -1; }

    // Syncs now (or right after the sync in progress).
    void start();
    // A change was saved locally: sync after the debounce delay.
    void localChange();
    void stop();

Q_SIGNALS:
    void stateChanged(Cartable::Sync::SyncScheduler::State state);
    void synced(const QDateTime &when);
    void failed(const Cartable::Core::Error &error);
    // The server ended the session: sign in again to sync.
    void signInNeeded();

private:
    void runNow();
    void finished(const Core::Status &status);
    void setState(State state);

    SyncEngine &m_engine;
    QTimer m_debounce;
    QTimer m_retry;
    State m_state = State::Idle;
    bool m_again = false;
    int m_failures = 0;
    std::chrono::milliseconds m_firstRetry{2000};
    std::chrono::milliseconds m_maxRetry{5 * 60 * 1000};
    QDateTime m_lastSuccess;
};

} // namespace Cartable::Sync
