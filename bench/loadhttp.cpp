#define ZLIB_CONST

#include "loadhttp.h"

#include <zlib.h>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Cartable::Bench {

namespace {

std::optional<QByteArray> gunzip(const QByteArray &data)
{
    z_stream stream{};
    // 15 window bits, +16 for the gzip wrapper, as server/gzip.cpp writes.
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return std::nullopt;
    QByteArray out;
    stream.next_in = reinterpret_cast<const Bytef *>(data.constData());
    stream.avail_in = static_cast<uInt>(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        const qsizetype done = out.size();
        out.resize(done + qMax<qsizetype>(data.size() * 4, 16 * 1024));
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + done);
        stream.avail_out = static_cast<uInt>(out.size() - done);
        result = inflate(&stream, Z_NO_FLUSH);
        out.resize(out.size() - stream.avail_out);
    }
    inflateEnd(&stream);
    if (result != Z_STREAM_END)
        return std::nullopt;
    return out;
}
} // namespace

HttpConnection::HttpConnection(const QUrl &server)
    : m_host(server.host()), m_port(static_cast<quint16>(server.port())), m_hostHeader(server.authority().toLatin1())
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::received);
    connect(&m_socket, &QAbstractSocket::errorOccurred, this, [this] { fail(m_socket.errorString()); });
    connect(&m_socket, &QAbstractSocket::disconnected, this, [this] { fail(u"connection closed"_s); });
}

HttpConnection::~HttpConnection()
{
    // The socket goes after the members declared below it, and signals as it
    // closes.
    m_socket.disconnect(this);
}

void HttpConnection::post(const QByteArray &path, const QByteArray &token, const QByteArray &body, Done done)
{
    // A connection the server closed is opened again; closing it may
    // signal, so before this request is taken.
    const QAbstractSocket::SocketState state = m_socket.state();
    if (state != QAbstractSocket::ConnectedState && state != QAbstractSocket::ConnectingState) {
        m_socket.abort();
        m_socket.connectToHost(m_host, m_port);
    }
    m_done = std::move(done);
    m_buffer.clear();
    m_headEnd = -1;
    QByteArray request = "POST " + path + " HTTP/1.1\r\nHost: " + m_hostHeader
                         + "\r\nContent-Type: application/json\r\nAccept-Encoding: gzip\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    m_timer.start();
    m_socket.write(request);
}

void HttpConnection::expire(qint64 limitMs)
{
    if (isBusy() && m_timer.elapsed() > limitMs)
        fail(u"no answer within %1 ms"_s.arg(limitMs));
}

void HttpConnection::received()
{
    m_buffer += m_socket.readAll();
    // Nothing is asked, so nothing is expected.
    if (!isBusy())
        return m_buffer.clear();
    if (m_headEnd < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        if (!readHead(m_buffer.left(end)))
            return fail(u"malformed answer head"_s);
        m_headEnd = end + 4;
    }
    if (m_buffer.size() - m_headEnd < m_length)
        return;
    Answer answer{m_status, m_buffer.mid(m_headEnd, m_length), {}, static_cast<double>(m_timer.nsecsElapsed()) / 1e6};
    m_bytes += m_buffer.size();
    if (m_gzip) {
        std::optional<QByteArray> plain = gunzip(answer.body);
        if (!plain)
            return fail(u"bad gzip body"_s);
        answer.body = std::move(*plain);
    }
    if (m_close)
        m_socket.disconnectFromHost();
    std::exchange(m_done, {})(answer);
}

bool HttpConnection::readHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    if (lines.isEmpty() || !lines.constFirst().startsWith("HTTP/1."))
        return false;
    m_status = lines.constFirst().mid(9, 3).toInt();
    m_length = 0;
    m_gzip = false;
    m_close = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed().toLower();
        if (name == "content-length")
            m_length = value.toLongLong();
        else if (name == "content-encoding")
            m_gzip = value.contains("gzip");
        else if (name == "connection")
            m_close = value == "close";
        else if (name == "transfer-encoding")
            return false;
    }
    return m_status > 0;
}

void HttpConnection::fail(const QString &why)
{
    if (!isBusy())
        return;
    Done done = std::exchange(m_done, {});
    m_socket.abort();
    done(Answer{0, {}, why, static_cast<double>(m_timer.nsecsElapsed()) / 1e6});
}

} // namespace Cartable::Bench
