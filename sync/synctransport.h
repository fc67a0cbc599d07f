#pragma once

#include "apiclient.h"

#include <QJsonObject>
#include <QPointer>

#include <functional>

namespace Cartable::Sync {

class Session;

// The two calls a sync makes, as the engine sees them: a pull request or a
// push batch goes out, a page or an answer (or the error) comes back through
// the callback, later, never from inside the call. The programs go through
// the signed-in session; the convergence simulation (tests/chaos/) puts its
// own network of dropped, repeated and delayed messages here.
class SyncTransport
{
public:
    using Callback = ApiClient::Callback<QJsonObject>;
    using PageCallback = ApiClient::Callback<Core::PullPage>;

    virtual ~SyncTransport() = default;
    virtual void pull(const QJsonObject &request, PageCallback done) = 0;
    virtual void push(const QJsonObject &batch, Callback done) = 0;
    // Runs `work` later, once the requests made so far are on their way:
    // the engine writes an answer only then, so that the server works on
    // the next request meanwhile. Never from inside the call.
    virtual void whenSent(std::function<void()> work) = 0;
};

// Over HTTP as the signed-in account: the access token is refreshed once
// when the server says it has expired (Session::authorized()).
class SessionTransport final : public SyncTransport
{
public:
    SessionTransport(Session &session, ApiClient &api);

    void pull(const QJsonObject &request, PageCallback done) override;
    void push(const QJsonObject &batch, Callback done) override;
    void whenSent(std::function<void()> work) override;

private:
    QPointer<Session> m_session;
    QPointer<ApiClient> m_api;
};

} // namespace Cartable::Sync
