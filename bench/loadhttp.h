// The load generator's HTTP client: one kept-alive HTTP/1.1 connection, one
// request at a time, as each desktop client keeps one. Answers carry a
// Content-Length (QHttpServer does not chunk); gzip bodies are inflated.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QUrl>

#include <functional>

namespace Cartable::Bench {

struct Answer
{
    int status = 0; // 0: no answer (the connection failed, closed or timed out)
    QByteArray body;
    QString failure;
    double ms = 0;
};

class HttpConnection : public QObject
{
public:
    using Done = std::function<void(const Answer &)>;

    explicit HttpConnection(const QUrl &server);
    ~HttpConnection() override;

    // POSTs `body` as JSON; `done` is called once, with the answer or why
    // there is none.
    void post(const QByteArray &path, const QByteArray &token, const QByteArray &body, Done done);
    bool isBusy() const { return bool(m_done); }
    // Fails the request in flight when it has waited longer than `limitMs`.
    void expire(qint64 limitMs);
    qint64 bytesReceived() const { return m_bytes; }

private:
    void received();
    bool readHead(const QByteArray &head);
    void fail(const QString &why);

    QString m_host;
    quint16 m_port;
    QByteArray m_hostHeader;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    qsizetype m_headEnd = -1;
    qint64 m_length = 0;
    int m_status = 0;
    bool m_gzip = false;
    bool m_close = false;
    qint64 m_bytes = 0;
    QElapsedTimer m_timer;
    Done m_done;
};

} // namespace Cartable::Bench
