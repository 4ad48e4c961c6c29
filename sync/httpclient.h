#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace attache::sync {

struct SyncConfig;

/// One HTTP exchange's outcome. A transport failure (no HTTP status) has status 0 and a
/// transport kind saying what went wrong.
struct HttpResponse
{
    enum class Transport { Ok, Refused, Timeout, Reset, Resolve, Tls, Aborted, Other };
    Transport transport = Transport::Ok;
    std::string transportMessage;
    long status = 0;
    std::map<std::string, std::string> headers; ///< lower-cased names
    std::string body; ///< decompressed
    std::int64_t bytesSent = 0; ///< on the wire (compressed body + headers)
    std::int64_t bytesReceived = 0;
    std::int64_t jsonBytesSent = 0; ///< the request body before compression
    std::optional<std::chrono::milliseconds> retryAfter;
};

/// A thin RAII wrapper over one libcurl easy handle, reused across requests so the connection
/// (and TLS session) is kept alive: a no-op sync is one request on a warm connection.
/// Request bodies are compressed (zstd once the server has said it reads it, gzip before);
/// responses are decompressed by libcurl.
class HttpClient
{
public:
    explicit HttpClient(const SyncConfig &config, const std::atomic<bool> *cancelFlag);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    /// `path` is appended to the server URL ("/api/v1/pull?cursor=0"). An empty token sends no
    /// Authorization header. Bodies over 256 bytes are sent compressed.
    /// `extraHeaders` are full header lines ("Range: bytes=10-"). A `raw` body is sent as
    /// application/octet-stream, uncompressed (attachment chunks are usually compressed already).
    HttpResponse request(const std::string &method, const std::string &path,
        const std::string &body, const std::string &token,
        const std::vector<std::string> &extraHeaders = {}, bool raw = false);

    /// Another client for the same server, with its own connection, knowing what this one has
    /// learnt of the server (whether it reads zstd request bodies).
    std::unique_ptr<HttpClient> sibling() const;

private:
    struct Impl;
    Impl *d;
};

/// gzip (RFC 1952) compression of a request body.
std::string gzipCompress(const std::string &data);

} // namespace attache::sync
