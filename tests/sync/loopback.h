#pragma once

// Loopback HTTP tools for the sync tests, written on plain sockets (test code only):
// - ScriptedServer answers each request with what a test function decides (status codes the
//   real server rarely gives on demand: 503 + Retry-After, 426, device_revoked…);
// - FaultProxy sits between the engine and a real attache-server and, request by request,
//   drops the connection before the request, after the request but before the response, halfway
//   through the response body, delays, or truncates.
// Both listen on 127.0.0.1 on a port the OS chooses.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace attache::test {

struct SeenRequest
{
    std::string method, target; ///< target: path and query
    std::map<std::string, std::string> headers; ///< lower-cased names
    std::string body; ///< decompressed when Content-Encoding: gzip or zstd
    /// The body's Content-Encoding as sent ("" when none).
    std::string coding() const
    {
        const auto it = headers.find("content-encoding");
        return it == headers.end() ? std::string() : it->second;
    }
};

struct ScriptedResponse
{
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool closeWithoutAnswer = false;
};

/// Reads one HTTP/1.1 message head + Content-Length (or chunked) body from a socket.
/// Returns false on EOF/error. `raw` receives the exact bytes.
bool readHttpMessage(int fd, std::string &buffer, std::string &raw, bool isResponse,
    const std::atomic<bool> *stop = nullptr);

/// gunzip of a gzip body (empty on error).
std::string gunzip(const std::string &data);
/// The content of a zstd frame that records its size (empty on error).
std::string unzstd(const std::string &data);

class ScriptedServer
{
public:
    using Handler = std::function<ScriptedResponse(const SeenRequest &)>;
    explicit ScriptedServer(Handler handler);
    ~ScriptedServer();
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    /// Every request read so far, including those waiting for the handler.
    std::vector<SeenRequest> requests();
    /// Waits until `done` holds for the requests read so far (true), or the timeout (false).
    /// Requests on other connections are read while a handler runs: a handler may wait here for
    /// a request sent at the same time as its own.
    bool waitForRequests(const std::function<bool(const std::vector<SeenRequest> &)> &done,
        std::chrono::milliseconds timeout);

private:
    void run();
    void serve(int fd);
    Handler m_handler;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop {false};
    std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::mutex m_handlerMutex; ///< the handler sees one request at a time
    std::vector<SeenRequest> m_requests;
    std::thread m_thread;
    std::vector<std::thread> m_workers;
};

enum class Fault {
    None,
    DropBeforeRequest, ///< close the client connection before the request reaches the server
    DropAfterRequest, ///< the server handles the request; the client never sees the answer
    DropMidBody, ///< half of the answer, then the connection closes
    Truncate, ///< all but the last bytes of the answer, then close
    Delay, ///< answer after a delay (the client must still get it)
};

class FaultProxy
{
public:
    /// `decide` is called once per request (numbered from 0) to pick its fault.
    using Decide = std::function<Fault(int requestIndex)>;
    FaultProxy(int upstreamPort, Decide decide);
    ~FaultProxy();
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    void setDecide(Decide decide);
    int requestCount() const { return m_index.load(); }
    int faultCount() const { return m_faults.load(); }
    std::chrono::milliseconds delay {300};

private:
    void run();
    void relay(int client);
    Fault next();
    int m_upstream;
    Decide m_decide;
    std::mutex m_mutex;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_index {0};
    std::atomic<int> m_faults {0};
    std::thread m_thread;
    std::vector<std::thread> m_workers;
};

} // namespace attache::test
