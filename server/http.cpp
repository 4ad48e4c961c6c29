#include "http.h"

#include "compression.h"
#include "log.h"
#include "service.h"

#include <httplib.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#endif

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace attache::server {

using nlohmann::json;

namespace {

httplib::Server *g_server = nullptr;

void onSignal(int)
{
    if (g_server)
        g_server->stop();
}

// With a parameter, so that cpp-httplib's own compression (which matches "application/json"
// exactly) leaves our answers alone: it would answer a client offering "br" with brotli at
// quality 11, 430 ms for one pull page. The server compresses itself instead (sendBody).
constexpr const char *kJsonType = "application/json; charset=utf-8";

void sendJson(httplib::Response &res, int status, const json &body)
{
    res.status = status;
    res.set_content(body.dump(), kJsonType);
}

// A JSON answer compressed as the client accepts (compression.h), for the answers that grow:
// pull pages, push acknowledgements, history.
void sendBody(const httplib::Request &req, httplib::Response &res, int status, std::string body)
{
    res.status = status;
    res.set_header("Vary", "Accept-Encoding");
    if (body.size() >= kMinCompressBytes) {
        const ContentCoding coding = chooseCoding(req.get_header_value("Accept-Encoding"));
        if (coding != ContentCoding::Identity) {
            if (auto z = compressBody(body, coding)) {
                res.set_header("Content-Encoding", codingName(coding));
                body = std::move(*z);
            }
        }
    }
    // Moved in: set_content() would copy it.
    res.body = std::move(body);
    res.headers.erase("Content-Type");
    res.set_header("Content-Type", kJsonType);
}

void sendError(httplib::Response &res, const ApiError &e)
{
    json body = e.extra;
    body["code"] = e.code;
    body["message"] = e.message;
    if (e.status == 429 && body.contains("retry_after"))
        res.set_header("Retry-After", std::to_string(body["retry_after"].get<std::int64_t>()));
    sendJson(res, e.status, body);
}

template<typename T> bool failed(httplib::Response &res, const ApiResult<T> &r)
{
    if (auto *e = std::get_if<ApiError>(&r)) {
        sendError(res, *e);
        return true;
    }
    return false;
}

// The protocol version check every endpoint shares.
bool protocolOk(const httplib::Request &req, httplib::Response &res)
{
    if (!req.has_header("Attache-Protocol"))
        return true;
    const std::string v = req.get_header_value("Attache-Protocol");
    int version = 0;
    try {
        version = std::stoi(v);
    } catch (...) {
        version = 0;
    }
    if (version >= kMinProtocol && version <= kMaxProtocol && std::to_string(version) == v)
        return true;
    const bool older = version < kMinProtocol;
    sendError(res,
        ApiError {426, "unsupported_protocol",
            older ? "This app is too old for the server: update the app."
                  : "The server is older than this app; ask IT to update it.",
            json {{"min_protocol", kMinProtocol}, {"max_protocol", kMaxProtocol}}});
    return false;
}

std::optional<std::int64_t> intParam(const httplib::Request &req, const char *name)
{
    if (!req.has_param(name))
        return std::nullopt;
    const std::string v = req.get_param_value(name);
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(v);
}

// The request body codings the server reads: cpp-httplib inflates gzip, deflate and brotli while
// it reads; zstd is decoded here (compression.h). Anything else is refused with 415.
enum class BodyCoding { Identity, Inflated, Zstd, Unsupported };

BodyCoding bodyCoding(const httplib::Request &req)
{
    std::string c = req.get_header_value("Content-Encoding");
    for (char &ch : c)
        ch = char(std::tolower(static_cast<unsigned char>(ch)));
    if (c.empty() || c == "identity")
        return BodyCoding::Identity;
    if (c == "gzip" || c == "deflate" || c == "br")
        return BodyCoding::Inflated;
    if (c == "zstd")
        return BodyCoding::Zstd;
    return BodyCoding::Unsupported;
}

const ApiError &unsupportedCoding()
{
    static const ApiError e {415, "unsupported_encoding",
        std::string("The request body's Content-Encoding is not one the server reads (")
            + kAcceptedRequestCodings + ")."};
    return e;
}

// The routes that take a body. cpp-httplib reads (and inflates) the body of any other request
// before it finds no handler for it, with no limit on the inflated size: such requests may not
// carry a compressed body at all.
bool takesBody(const httplib::Request &req)
{
    if (req.method == "POST")
        return req.path == "/api/v1/push" || req.path == "/api/v1/login"
            || req.path == "/api/v1/logout";
    return req.method == "PUT" && req.path.rfind("/api/v1/attachments/", 0) == 0;
}

// Reads a request body through cpp-httplib's content reader, refusing it as soon as it grows
// past `limit` bytes once decoded: a 1 MB gzip body can inflate to 1 GB, and httplib's own
// payload limit counts only the bytes on the wire. False, with the error answer set, if the body
// cannot be read.
bool readBody(const httplib::Request &req, httplib::Response &res,
    const httplib::ContentReader &reader, std::size_t limit, std::string &body)
{
    const BodyCoding coding = bodyCoding(req);
    if (coding == BodyCoding::Unsupported) {
        sendError(res, unsupportedCoding());
        return false;
    }
    std::string raw;
    bool tooLarge = false;
    const bool ok = reader([&](const char *data, std::size_t n) {
        // zstd arrives as sent: its compressed bytes are held to the same limit.
        if (raw.size() + n > limit) {
            tooLarge = true;
            return false;
        }
        raw.append(data, n);
        return true;
    });
    const ApiError tooLargeError {413, "too_large",
        "The request body is too large (" + std::to_string(limit / 1024)
            + " KiB at most, once decompressed)."};
    if (tooLarge || res.status == 413) {
        sendError(res, tooLargeError);
        return false;
    }
    if (!ok) {
        sendError(res,
            ApiError {400, "bad_body",
                "The request body could not be read: cut short, or not valid for its "
                "Content-Encoding."});
        return false;
    }
    if (coding != BodyCoding::Zstd) {
        body = std::move(raw);
        return true;
    }
    switch (zstdDecompress(raw, limit, body)) {
    case DecodeProblem::None:
        return true;
    case DecodeProblem::TooLarge:
        sendError(res, tooLargeError);
        return false;
    case DecodeProblem::Corrupt:
        break;
    }
    sendError(res,
        ApiError {400, "bad_body", "The request body is not valid zstd: cut short or damaged."});
    return false;
}

/// Limits of the decoded bodies other than a push: sign-in and sign-out hold a few names.
constexpr std::size_t kMaxSmallBodyBytes = 64 * 1024;

#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
// Why the certificate and key cannot be used, in words IT staff can act on; empty if they can.
// (httplib only says that loading failed.)
std::string tlsFilesProblem(const std::string &certFile, const std::string &keyFile)
{
    auto open = [](const std::string &path, const char *what, std::FILE *&f) -> std::string {
        f = std::fopen(path.c_str(), "r");
        if (!f)
            return std::string("cannot read the ") + what + " file " + path + ": "
                + std::strerror(errno);
        return {};
    };
    std::FILE *f = nullptr;
    if (auto e = open(certFile, "certificate", f); !e.empty())
        return e;
    X509 *cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (!cert)
        return "the certificate file " + certFile + " holds no PEM certificate";
    std::string problem = open(keyFile, "key", f);
    if (problem.empty()) {
        EVP_PKEY *key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
        std::fclose(f);
        if (!key)
            problem = "the key file " + keyFile
                + " holds no PEM private key (or one protected by a pass phrase)";
        else if (X509_check_private_key(cert, key) != 1)
            problem = "the key " + keyFile + " does not belong to the certificate " + certFile;
        EVP_PKEY_free(key);
    }
    X509_free(cert);
    ERR_clear_error();
    return problem;
}
#endif

} // namespace

int serve(Pool &pool, const ServeOptions &options)
{
    std::unique_ptr<httplib::Server> server;
    if (!options.certFile.empty()) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
        const std::string problem = tlsFilesProblem(options.certFile, options.keyFile);
        auto ssl = problem.empty() ? std::make_unique<httplib::SSLServer>(
                       options.certFile.c_str(), options.keyFile.c_str())
                                   : nullptr;
        if (!ssl || !ssl->is_valid()) {
            std::fprintf(stderr, "attache-server: cannot serve HTTPS: %s\n",
                problem.empty() ? ("the certificate " + options.certFile + " or the key "
                    + options.keyFile + " is not usable")
                                      .c_str()
                                : problem.c_str());
            return 1;
        }
        server = std::move(ssl);
#else
        std::fprintf(stderr, "attache-server: cannot serve HTTPS: built without TLS support\n");
        return 1;
#endif
    }
    if (!server)
        server = std::make_unique<httplib::Server>();
    // Group commit pays off on SQLite; on PostgreSQL the savepoints it needs cost more than the
    // commits it saves, as measured in bench/README.md, unless commits are slow (fsync on a
    // disk without a write cache): --group-commit turns it on there.
    const int group
        = options.groupCommit > 0 ? options.groupCommit : (pool.config().postgres() ? 1 : 64);
    SyncService service(pool, {}, std::size_t(std::min(group, 64)));
    auto &svr = *server;
    const int threads = options.threads;
    svr.new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    // Bodies past the push limit are refused while reading (413), before any parsing.
    svr.set_payload_max_length(kMaxPushBytes);
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle plus delayed ACKs
    // add 40 ms to every response.
    svr.set_tcp_nodelay(true);
    svr.set_keep_alive_max_count(100);
    // cpp-httplib gives each connection a worker thread for as long as it stays open, and the
    // app's libcurl keeps its connection open after a sync. With httplib's 5 s idle timeout, each
    // device that finished syncing held a thread 5 s: 64 threads then served ~13 devices a second
    // when a delegation syncs at once. A sync's requests follow each other at once, so 1 s
    // keeps them on one connection and frees the thread soon after.
    svr.set_keep_alive_timeout(1);
    svr.set_read_timeout(30);
    svr.set_write_timeout(30);

    // Wraps a handler: protocol check, authentication, and no exception ever escapes.
    auto authed = [&](auto fn) {
        return [&service, fn](const httplib::Request &req, httplib::Response &res) {
            if (!protocolOk(req, res))
                return;
            auto caller = service.authenticate(req.get_header_value("Authorization"));
            if (failed(res, caller))
                return;
            fn(std::get<Actor>(caller), req, res);
        };
    };
    // A handler that takes a body, read and decoded within `limit` bytes before the protocol
    // version is checked, so that a refusal reaches a client still sending (an answer sent over
    // unread bytes is lost to a connection reset, and an app too old or too new would retry
    // forever instead of saying so).
    auto withBody = [](std::size_t limit, auto fn) {
        return [limit, fn](const httplib::Request &req, httplib::Response &res,
                   const httplib::ContentReader &reader) {
            std::string body;
            if (readBody(req, res, reader, limit, body) && protocolOk(req, res))
                fn(req, std::move(body), res);
        };
    };
    // The same, for a signed-in caller (authenticated once the body is read, for the same reason).
    auto authedBody = [&](std::size_t limit, auto fn) {
        return withBody(limit,
            [&service, fn](const httplib::Request &req, std::string body, httplib::Response &res) {
                auto caller = service.authenticate(req.get_header_value("Authorization"));
                if (!failed(res, caller))
                    fn(std::get<Actor>(caller), req, std::move(body), res);
            });
    };
    // Compressed bodies only where a handler reads them within a limit (takesBody).
    svr.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
        if (bodyCoding(req) == BodyCoding::Identity || takesBody(req))
            return httplib::Server::HandlerResponse::Unhandled;
        sendError(res, unsupportedCoding());
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
    });
    // Every answer says which request codings the server reads (RFC 7694), so that a device
    // sends zstd to a server that reads it and gzip to an older one.
    svr.set_default_headers({{"Accept-Encoding", kAcceptedRequestCodings}});

    svr.Get("/api/v1/status", [&](const httplib::Request &req, httplib::Response &res) {
        if (protocolOk(req, res))
            sendJson(res, 200, service.status());
    });
    svr.Post("/api/v1/login",
        withBody(kMaxSmallBodyBytes,
            [&](const httplib::Request &req, std::string body, httplib::Response &res) {
                auto r = service.login(body, req.remote_addr);
                if (!failed(res, r))
                    sendJson(res, 200, std::get<json>(r));
            }));
    svr.Post("/api/v1/logout",
        authedBody(kMaxSmallBodyBytes,
            [&](const Actor &a, const httplib::Request &, std::string, httplib::Response &res) {
                if (!failed(res, service.logout(a)))
                    res.status = 204;
            }));
    svr.Post("/api/v1/push",
        authedBody(kMaxPushBytes,
            [&](const Actor &a, const httplib::Request &req, std::string body,
                httplib::Response &res) {
                auto r = service.push(a, body);
                if (!failed(res, r))
                    sendBody(req, res, 200, std::move(std::get<std::string>(r)));
            }));
    svr.Get("/api/v1/pull",
        authed([&](const Actor &a, const httplib::Request &req, httplib::Response &res) {
            const auto cursor = req.has_param("cursor") ? intParam(req, "cursor")
                                                        : std::optional<std::int64_t>(0);
            const auto limit = req.has_param("limit") ? intParam(req, "limit")
                                                      : std::optional<std::int64_t>(500);
            if (!cursor || !limit || *limit < 1) {
                sendError(res,
                    ApiError {400, "wrong_type",
                        "cursor and limit must be whole numbers (limit at least 1)."});
                return;
            }
            std::vector<SeqRange> own;
            if (req.has_param("own")) {
                auto parsed = parseOwnRanges(req.get_param_value("own"));
                if (!parsed) {
                    sendError(res,
                        ApiError {400, "wrong_type",
                            "own must be up to " + std::to_string(kMaxOwnRanges)
                                + " ranges FROM-TO of positive whole numbers (FROM <= TO), "
                                  "separated by commas."});
                    return;
                }
                own = std::move(*parsed);
            }
            auto r = service.pull(a, *cursor, int(std::min<std::int64_t>(*limit, 2000)), own);
            if (!failed(res, r))
                sendBody(req, res, 200, std::move(std::get<std::string>(r)));
        }));
    svr.Get(R"(/api/v1/history/([a-z]+)/([0-9a-f-]+))",
        authed([&](const Actor &a, const httplib::Request &req, httplib::Response &res) {
            auto r = service.history(a, req.matches[1], req.matches[2]);
            if (!failed(res, r))
                sendBody(req, res, 200, std::get<json>(r).dump());
        }));
    svr.Get(R"(/api/v1/attachments/([^/]+)/status)",
        authed([&](const Actor &a, const httplib::Request &req, httplib::Response &res) {
            auto r = service.attachmentStatus(a, req.matches[1]);
            if (!failed(res, r))
                sendJson(res, 200, std::get<json>(r));
        }));
    svr.Put(R"(/api/v1/attachments/([^/]+))",
        authedBody(kMaxChunkBytes,
            [&](const Actor &a, const httplib::Request &req, std::string body,
                httplib::Response &res) {
                const auto offset = intParam(req, "offset");
                const auto size = intParam(req, "size");
                if (!offset || !size) {
                    sendError(res,
                        ApiError {
                            400, "wrong_type", "offset and size are required whole numbers."});
                    return;
                }
                auto r = service.putChunk(a, req.matches[1], *offset, *size, body);
                if (!failed(res, r))
                    sendJson(res, 200, std::get<json>(r));
            }));
    svr.Get(R"(/api/v1/attachments/([^/]+))",
        authed([&](const Actor &a, const httplib::Request &req, httplib::Response &res) {
            auto r = service.download(a, req.matches[1]);
            if (!failed(res, r)) {
                // httplib cuts the body to the requested Range.
                res.status = req.ranges.empty() ? 200 : 206;
                res.set_content(std::move(std::get<Download>(r).bytes), "application/octet-stream");
            }
        }));

    // An access log line per request: address, method, path (no query string), status, bytes.
    svr.set_logger([](const httplib::Request &req, const httplib::Response &res) {
        log(res.status >= 500 ? LogLevel::Error : LogLevel::Info, "attache.http",
            req.remote_addr + " " + req.method + " " + req.path + " " + std::to_string(res.status)
                + " " + std::to_string(res.body.size()));
    });

    // Whatever httplib answers by itself (404, 413, 400) still gets the JSON error shape.
    svr.set_error_handler([](const httplib::Request &, httplib::Response &res) {
        if (!res.body.empty())
            return;
        const int s = res.status;
        const char *code = s == 404 ? "not_found"
            : s == 413              ? "too_large"
            : s == 405              ? "not_found"
            : s >= 500              ? "internal"
                                    : "bad_request";
        const char *message = s == 404 ? "No such endpoint."
            : s == 413                 ? "The request body is too large."
            : s >= 500 ? "The server failed; nothing was partially stored. Retry later."
                       : "The request could not be read.";
        sendJson(res, s, json {{"code", code}, {"message", message}});
    });
    svr.set_exception_handler(
        [](const httplib::Request &, httplib::Response &res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception &e) {
                what = e.what();
            } catch (...) { }
            log(LogLevel::Error, "attache.server", "request failed: " + what);
            sendJson(res, 500,
                json {{"code", "internal"},
                    {"message", "The server failed; nothing was partially stored. Retry later."}});
        });

    // Debian's libcpp-httplib is compiled with a listen backlog of 5: a burst of devices
    // connecting at once would see dropped SYNs and one-second retransmits. Keep the listening
    // socket's descriptor and listen() on it again with a deep backlog (Linux resizes it).
    int listenFd = -1;
    svr.set_socket_options([&listenFd](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        listenFd = sock;
    });
    int port = options.port;
    if (port == 0) {
        port = svr.bind_to_any_port(options.host);
        if (port < 0) {
            std::fprintf(stderr, "attache-server: cannot listen on %s\n", options.host.c_str());
            return 1;
        }
    } else if (!svr.bind_to_port(options.host, port)) {
        std::fprintf(
            stderr, "attache-server: cannot listen on %s:%d\n", options.host.c_str(), port);
        return 1;
    }
    if (listenFd >= 0)
        ::listen(listenFd, 4096);
    g_server = &svr;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGPIPE, SIG_IGN);
    std::cout << "attache-server: listening on " << (options.certFile.empty() ? "http" : "https")
              << "://" << options.host << ":" << port << std::endl;
    const bool ok = svr.listen_after_bind();
    g_server = nullptr;
    return ok ? 0 : 1;
}

} // namespace attache::server
