#include "syncscheduler.h"

#include "connectivitymonitor.h"
#include "nudgelistener.h"
#include "syncengine.h"

#include <QRandomGenerator>

namespace Cartable::Sync {

using Core::ErrorCode;

SyncScheduler::SyncScheduler(SyncEngine &engine, QObject *parent) : QObject(parent), m_engine(engine)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(std::chrono::milliseconds(500));
    m_retry.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, &SyncScheduler::runNow);
    connect(&m_retry, &QTimer::timeout, this, &SyncScheduler::runNow);
    connect(&m_engine, &SyncEngine::finished, this, &SyncScheduler::finished);
}

void SyncScheduler::setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds maximum)
{
    m_firstRetry = first;
    m_maxRetry = maximum;
}

void SyncScheduler::watch(NudgeListener *nudges)
{
    connect(nudges, &NudgeListener::nudged, this, &SyncScheduler::start);
}

void SyncScheduler::watch(ConnectivityMonitor *connectivity)
{
    connect(connectivity, &ConnectivityMonitor::onlineChanged, this, [this](bool online) {
        if (online)
            start();
    });
}

void SyncScheduler::start()
{
    if (m_state == State::Stopped)
        setState(State::Idle);
    m_debounce.stop();
    runNow();
}

void SyncScheduler::localChange()
{
    if (m_state != State::Stopped)
        m_debounce.start();
}

void SyncScheduler::stop()
{
    m_debounce.stop();
    m_retry.stop();
    m_engine.cancel();
    setState(State::Stopped);
}

void SyncScheduler::runNow()
{
    if (m_state == State::Stopped)
        return;
    if (m_engine.isRunning()) {
        // Whatever came in during this sync is taken by one more.
        m_again = true;
        return;
    }
    m_retry.stop();
    setState(State::Syncing);
    m_engine.start();
}

void SyncScheduler::finished(const Core::Status &status)
{
    if (m_state == State::Stopped)
        return;
    if (status) {
        m_failures = 0;
        m_lastSuccess = QDateTime::currentDateTimeUtc();
        setState(State::Idle);
        Q_EMIT synced(m_lastSuccess);
        if (m_again) {
            m_again = false;
            runNow();
        }
        return;
    }
    Q_EMIT failed(status.error());
    const ErrorCode code = status.error().code;
    if (code == ErrorCode::SessionExpired || code == ErrorCode::Unauthenticated || code == ErrorCode::NotSignedIn
        || code == ErrorCode::PasswordChangeRequired) {
        setState(State::Stopped);
        Q_EMIT signInNeeded();
        return;
    }
    m_again = false;
    const qint64 base = std::min<qint64>(m_firstRetry.count() << std::min(m_failures++, 16), m_maxRetry.count());
    const qint64 jitter = QRandomGenerator::global()->bounded(base / 4 + 1);
    m_retry.start(std::chrono::milliseconds(base + jitter));
    setState(State::Waiting);
}

void SyncScheduler::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Cartable::Sync
