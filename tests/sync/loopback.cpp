#include "loopback.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace attache::test {

namespace {

int listenLoopback(int &port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0; // the OS chooses
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || ::listen(fd, 64) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    port = ntohs(a.sin_port);
    return fd;
}

int connectLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(uint16_t(port));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// Waits for a connection or the stop flag (checked every 50 ms).
int acceptOrStop(int listenFd, const std::atomic<bool> &stop)
{
    while (!stop.load()) {
        pollfd p {listenFd, POLLIN, 0};
        if (::poll(&p, 1, 50) > 0)
            return ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    }
    return -1;
}

bool readMore(int fd, std::string &buffer, const std::atomic<bool> *stop)
{
    char buf[65536];
    for (int waited = 0;;) {
        pollfd p {fd, POLLIN, 0};
        const int r = ::poll(&p, 1, 50);
        if (r == 0) {
            // Idle keep-alive connections end when the tool stops, or after 30 s.
            if ((stop && stop->load()) || (waited += 50) >= 30000)
                return false;
            continue;
        }
        if (r < 0)
            return false;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buffer.append(buf, size_t(n));
        return true;
    }
}

bool sendAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

std::string lower(std::string s)
{
    std::transform(
        s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::map<std::string, std::string> parseHeaders(const std::string &head)
{
    std::map<std::string, std::string> h;
    size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos + 2 < head.size()) {
        const size_t end = head.find("\r\n", pos + 2);
        const std::string line
            = head.substr(pos + 2, (end == std::string::npos ? head.size() : end) - pos - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string v = line.substr(colon + 1);
            v.erase(0, v.find_first_not_of(' '));
            h[lower(line.substr(0, colon))] = v;
        }
        pos = end;
    }
    return h;
}

} // namespace

std::string unzstd(const std::string &data)
{
    const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1u << 30))
        return {};
    std::string out(std::size_t(size), '\0');
    const std::size_t n = ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
    return ZSTD_isError(n) ? std::string() : out.substr(0, n);
}

std::string gunzip(const std::string &data)
{
    z_stream zs {};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return {};
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = uInt(data.size());
    std::string out;
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? out : std::string();
}

bool readHttpMessage(
    int fd, std::string &buffer, std::string &raw, bool isResponse, const std::atomic<bool> *stop)
{
    size_t headEnd;
    while ((headEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!readMore(fd, buffer, stop))
            return false;
    }
    const std::string head = buffer.substr(0, headEnd + 4);
    const auto headers = parseHeaders(head.substr(0, headEnd));
    size_t total = head.size();
    if (auto it = headers.find("content-length"); it != headers.end()) {
        total += size_t(std::stoll(it->second));
        while (buffer.size() < total) {
            if (!readMore(fd, buffer, stop))
                return false;
        }
    } else if (auto te = headers.find("transfer-encoding");
               te != headers.end() && lower(te->second).find("chunked") != std::string::npos) {
        for (;;) {
            const auto end = buffer.find("\r\n0\r\n\r\n", head.size() - 2);
            if (end != std::string::npos) {
                total = end + 7;
                break;
            }
            if (!readMore(fd, buffer, stop))
                return false;
        }
    } else if (isResponse && head.find(" 204 ") == std::string::npos
        && head.find(" 304 ") == std::string::npos) {
        // No length: the body runs to the end of the connection.
        while (readMore(fd, buffer, stop)) { }
        total = buffer.size();
    }
    raw = buffer.substr(0, total);
    buffer.erase(0, total);
    return true;
}

// ---- ScriptedServer ----

ScriptedServer::ScriptedServer(Handler handler)
    : m_handler(std::move(handler))
{
    m_listen = listenLoopback(m_port);
    m_thread = std::thread([this] { run(); });
}

ScriptedServer::~ScriptedServer()
{
    m_stop = true;
    m_thread.join();
    for (auto &w : m_workers)
        w.join();
    ::close(m_listen);
}

std::vector<SeenRequest> ScriptedServer::requests()
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

bool ScriptedServer::waitForRequests(
    const std::function<bool(const std::vector<SeenRequest> &)> &done,
    std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_arrived.wait_for(lock, timeout, [&] { return done(m_requests); });
}

void ScriptedServer::run()
{
    // Each connection on its own thread (a device may have two requests in flight); the
    // handler sees one request at a time, in the order they were read.
    for (;;) {
        const int fd = acceptOrStop(m_listen, m_stop);
        if (fd < 0)
            return;
        m_workers.emplace_back([this, fd] {
            serve(fd);
            ::close(fd);
        });
    }
}

void ScriptedServer::serve(int fd)
{
    std::string buffer, raw;
    while (!m_stop.load() && readHttpMessage(fd, buffer, raw, false, &m_stop)) {
        SeenRequest req;
        const auto headEnd = raw.find("\r\n\r\n");
        const std::string first = raw.substr(0, raw.find("\r\n"));
        const auto sp1 = first.find(' '), sp2 = first.rfind(' ');
        req.method = first.substr(0, sp1);
        req.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
        req.headers = parseHeaders(raw.substr(0, headEnd));
        req.body = raw.substr(headEnd + 4);
        if (req.headers["content-encoding"] == "gzip")
            req.body = gunzip(req.body);
        else if (req.headers["content-encoding"] == "zstd")
            req.body = unzstd(req.body);
        {
            std::lock_guard lock(m_mutex);
            m_requests.push_back(req);
        }
        m_arrived.notify_all();
        ScriptedResponse r;
        {
            std::lock_guard handling(m_handlerMutex);
            r = m_handler(req);
        }
        if (r.closeWithoutAnswer)
            return;
        std::string out = "HTTP/1.1 " + std::to_string(r.status) + " X\r\nContent-Length: "
            + std::to_string(r.body.size()) + "\r\nContent-Type: application/json\r\n";
        for (const auto &[k, v] : r.headers)
            out += k + ": " + v + "\r\n";
        out += "\r\n" + r.body;
        if (!sendAll(fd, out.data(), out.size()))
            return;
    }
}

// ---- FaultProxy ----

namespace {

// Whether the peer has closed an idle connection (nothing is expected from it between answers).
bool closedByPeer(int fd)
{
    pollfd p {fd, POLLIN | POLLRDHUP, 0};
    if (::poll(&p, 1, 0) <= 0)
        return false;
    char c;
    return ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
}

} // namespace

FaultProxy::FaultProxy(int upstreamPort, Decide decide)
    : m_upstream(upstreamPort)
    , m_decide(std::move(decide))
{
    m_listen = listenLoopback(m_port);
    m_thread = std::thread([this] { run(); });
}

FaultProxy::~FaultProxy()
{
    m_stop = true;
    m_thread.join();
    for (auto &w : m_workers)
        w.join();
    ::close(m_listen);
}

void FaultProxy::setDecide(Decide decide)
{
    std::lock_guard lock(m_mutex);
    m_decide = std::move(decide);
}

Fault FaultProxy::next()
{
    const int i = m_index++;
    std::lock_guard lock(m_mutex);
    const Fault f = m_decide ? m_decide(i) : Fault::None;
    if (f != Fault::None)
        ++m_faults;
    return f;
}

void FaultProxy::run()
{
    for (;;) {
        const int fd = acceptOrStop(m_listen, m_stop);
        if (fd < 0)
            return;
        m_workers.emplace_back([this, fd] {
            relay(fd);
            ::close(fd);
        });
    }
}

void FaultProxy::relay(int client)
{
    int upstream = -1;
    std::string fromClient, fromServer, request, response;
    while (!m_stop.load()) {
        if (!readHttpMessage(client, fromClient, request, false, &m_stop))
            break;
        const Fault f = next();
        if (f == Fault::DropBeforeRequest)
            break;
        // The server closes a connection idle for a second (or after its hundredth request);
        // a proxy that sent the next request into it would fail that request, and the client's
        // retry would count as one more request. Like a real proxy, open a fresh one instead.
        if (upstream >= 0 && closedByPeer(upstream)) {
            ::close(upstream);
            upstream = -1;
        }
        if (upstream < 0)
            upstream = connectLoopback(m_upstream);
        if (upstream < 0 || !sendAll(upstream, request.data(), request.size()))
            break;
        if (!readHttpMessage(upstream, fromServer, response, true, &m_stop))
            break;
        if (f == Fault::DropAfterRequest)
            break;
        if (f == Fault::Delay)
            std::this_thread::sleep_for(delay); // the fault itself: a slow link
        size_t n = response.size();
        if (f == Fault::DropMidBody) {
            const auto bodyStart = response.find("\r\n\r\n") + 4;
            n = bodyStart + (response.size() - bodyStart) / 2;
        } else if (f == Fault::Truncate) {
            n = response.size() > 3 ? response.size() - 3 : 0;
        }
        if (!sendAll(client, response.data(), n))
            break;
        if (n != response.size())
            break;
    }
    if (upstream >= 0)
        ::close(upstream);
}

} // namespace attache::test
