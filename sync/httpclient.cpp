#include "httpclient.h"

#include "syncengine.h"

#include <curl/curl.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace attache::sync {

namespace {

std::once_flag g_curlInit;

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    static_cast<std::string *>(user)->append(data, size * count);
    return size * count;
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *headers = static_cast<std::map<std::string, std::string> *>(user);
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
            [](unsigned char c) { return char(std::tolower(c)); });
        std::string value = line.substr(colon + 1);
        const auto b = value.find_first_not_of(" \t");
        const auto e = value.find_last_not_of(" \t\r\n");
        (*headers)[name] = b == std::string::npos ? std::string() : value.substr(b, e - b + 1);
    }
    return size * count;
}

int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *cancel = static_cast<const std::atomic<bool> *>(user);
    return cancel && cancel->load() ? 1 : 0;
}

// Whether this libcurl decodes zstd answers (Debian's does; a build for another platform may not).
bool curlDecodesZstd()
{
    static const bool yes = (curl_version_info(CURLVERSION_NOW)->features & CURL_VERSION_ZSTD) != 0;
    return yes;
}

// Whether an answer's Accept-Encoding (RFC 7694: the request codings the server reads) names
// zstd.
bool advertisesZstd(const std::map<std::string, std::string> &headers)
{
    const auto it = headers.find("accept-encoding");
    if (it == headers.end())
        return false;
    std::string v = it->second;
    std::transform(
        v.begin(), v.end(), v.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    std::size_t from = 0;
    while (from <= v.size()) {
        std::size_t to = v.find(',', from);
        if (to == std::string::npos)
            to = v.size();
        std::string item = v.substr(from, to - from);
        item = item.substr(0, item.find(';'));
        const auto b = item.find_first_not_of(" \t");
        const auto e = item.find_last_not_of(" \t");
        if (b != std::string::npos && item.substr(b, e - b + 1) == "zstd")
            return true;
        from = to + 1;
    }
    return false;
}

HttpResponse::Transport classify(CURLcode code)
{
    switch (code) {
    case CURLE_OK:
        return HttpResponse::Transport::Ok;
    case CURLE_COULDNT_CONNECT:
        return HttpResponse::Transport::Refused;
    case CURLE_OPERATION_TIMEDOUT:
        return HttpResponse::Transport::Timeout;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_WRITE_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return HttpResponse::Transport::Reset;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return HttpResponse::Transport::Resolve;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return HttpResponse::Transport::Tls;
    case CURLE_ABORTED_BY_CALLBACK:
        return HttpResponse::Transport::Aborted;
    default:
        return HttpResponse::Transport::Other;
    }
}

} // namespace

std::string gzipCompress(const std::string &data)
{
    z_stream zs {};
    // windowBits 15 + 16: a gzip wrapper, which Content-Encoding: gzip means.
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
        != Z_OK)
        return {};
    std::string out;
    out.resize(deflateBound(&zs, uLong(data.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : std::string();
}

std::string zstdCompress(const std::string &data)
{
    // Into a buffer of the worst case's size, left uninitialised (a push batch compresses to a
    // tenth of it: zero-filling the rest cost more than compressing), then copied out.
    const std::size_t bound = ZSTD_compressBound(data.size());
    const std::unique_ptr<char[]> buffer(new char[bound]);
    // Level 1: on a batch of contacts four times faster than gzip at level 1 and a third smaller
    // than gzip at level 6 (bench/README.md).
    const std::size_t n = ZSTD_compress(buffer.get(), bound, data.data(), data.size(), 1);
    if (ZSTD_isError(n))
        return {};
    return std::string(buffer.get(), n);
}

struct HttpClient::Impl
{
    SyncConfig config;
    const std::atomic<bool> *cancel = nullptr;
    CURL *curl = nullptr;
    /// Whether the server's last answer said it reads zstd request bodies: until it has, bodies
    /// go as gzip, which every server version reads.
    std::atomic<bool> serverReadsZstd {false};
};

HttpClient::HttpClient(const SyncConfig &config, const std::atomic<bool> *cancelFlag)
    : d(new Impl)
{
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    d->config = config;
    while (!d->config.serverUrl.empty() && d->config.serverUrl.back() == '/')
        d->config.serverUrl.pop_back();
    d->cancel = cancelFlag;
    d->curl = curl_easy_init();
}

std::unique_ptr<HttpClient> HttpClient::sibling() const
{
    auto other = std::make_unique<HttpClient>(d->config, d->cancel);
    other->d->serverReadsZstd = d->serverReadsZstd.load();
    return other;
}

HttpClient::~HttpClient()
{
    if (d->curl)
        curl_easy_cleanup(d->curl);
    delete d;
}

HttpResponse HttpClient::request(const std::string &method, const std::string &path,
    const std::string &body, const std::string &token, const std::vector<std::string> &extraHeaders,
    bool raw)
{
    HttpResponse out;
    bool sentZstd = false;
    CURL *c = d->curl;
    if (!c) {
        out.transport = HttpResponse::Transport::Other;
        out.transportMessage = "libcurl could not be initialised";
        return out;
    }
    // reset keeps the live connection, TLS session and DNS caches: only options are cleared.
    curl_easy_reset(c);
    const SyncConfig &cfg = d->config;
    const std::string url = cfg.serverUrl + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    // zstd (the cheapest to produce and to decode, bench/README.md) where this libcurl decodes it,
    // else gzip. Not "": that would also offer br, which servers before protocol revision
    // 2026-11 answered at brotli's highest quality, 30x slower end to end.
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, curlDecodesZstd() ? "zstd, gzip" : "gzip");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(cfg.connectTimeout.count()));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, cfg.lowSpeedBytesPerSec);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, long(cfg.lowSpeedTime.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, long(cfg.requestTimeout.count()));
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, cfg.verifyTls ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, cfg.verifyTls ? 2L : 0L);
    if (!cfg.caFile.empty())
        curl_easy_setopt(c, CURLOPT_CAINFO, cfg.caFile.c_str());
    if (!cfg.pinnedPublicKey.empty())
        curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, cfg.pinnedPublicKey.c_str());

    struct curl_slist *headers = nullptr;
    headers = curl_slist_append(headers, "Attache-Protocol: 1");
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
    std::string auth;
    if (!token.empty()) {
        auth = "Authorization: Bearer " + token;
        headers = curl_slist_append(headers, auth.c_str());
    }
    for (const auto &h : extraHeaders)
        headers = curl_slist_append(headers, h.c_str());
    std::string payload;
    out.jsonBytesSent = raw ? 0 : std::int64_t(body.size());
    if (method == "GET") {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else {
        headers = curl_slist_append(headers,
            raw ? "Content-Type: application/octet-stream" : "Content-Type: application/json");
        payload = body;
        if (!raw && body.size() > 256) {
            sentZstd = d->serverReadsZstd.load();
            std::string z = sentZstd ? zstdCompress(body) : gzipCompress(body);
            if (!z.empty()) {
                payload = std::move(z);
                headers = curl_slist_append(
                    headers, sentZstd ? "Content-Encoding: zstd" : "Content-Encoding: gzip");
            } else {
                sentZstd = false;
            }
        }
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(payload.size()));
        if (method != "POST")
            curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &out.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &out.headers);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool> *>(d->cancel));
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);

    const CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);

    curl_off_t up = 0, down = 0;
    long requestSize = 0, headerSize = 0;
    curl_easy_getinfo(c, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl_easy_getinfo(c, CURLINFO_REQUEST_SIZE, &requestSize);
    curl_easy_getinfo(c, CURLINFO_HEADER_SIZE, &headerSize);
    out.bytesSent = std::int64_t(up) + requestSize;
    out.bytesReceived = std::int64_t(down) + headerSize;

    out.transport = classify(rc);
    if (rc != CURLE_OK) {
        out.transportMessage = errbuf[0] ? errbuf : curl_easy_strerror(rc);
        out.body.clear();
        return out;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out.status);
    const bool readsZstd = advertisesZstd(out.headers);
    d->serverReadsZstd = readsZstd;
    if (sentZstd && !readsZstd && out.status >= 400 && out.status < 500) {
        // A zstd body refused by a server that no longer reads zstd (replaced by an older
        // version since its last answer): the same request once more, as gzip.
        return request(method, path, body, token, extraHeaders, raw);
    }
    if (auto it = out.headers.find("retry-after"); it != out.headers.end()) {
        char *end = nullptr;
        const long s = std::strtol(it->second.c_str(), &end, 10);
        if (end != it->second.c_str() && s >= 0)
            out.retryAfter = std::chrono::milliseconds(std::int64_t(s) * 1000);
    }
    return out;
}

} // namespace attache::sync
