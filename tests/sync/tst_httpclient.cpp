// The HTTP client's content codings against a scripted server on loopback: answers in zstd where
// libcurl decodes it, request bodies in gzip until the server says (RFC 7694 Accept-Encoding in
// an answer) that it reads zstd, then zstd; and a server replaced by an older one that refuses a
// zstd body gets the same request again as gzip, so the caller never sees the refusal.

#include "httpclient.h"
#include "loopback.h"
#include "syncengine.h"

#include <QTest>

#include <zstd.h>

using namespace attache::sync;
using attache::test::ScriptedResponse;
using attache::test::ScriptedServer;
using attache::test::SeenRequest;

namespace {

// A push-sized body, well over the 256 bytes below which nothing is compressed.
std::string bigBody()
{
    std::string s = "{\"batch_id\":\"b\",\"changes\":[";
    for (int i = 0; i < 50; ++i)
        s += (i ? "," : "") + std::string("{\"name\":\"Nguyễn Văn An ") + std::to_string(i) + "\"}";
    return s + "]}";
}

ScriptedResponse answer(int status, bool advertiseZstd, std::string body = "{}")
{
    ScriptedResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers.push_back({"Content-Type", "application/json"});
    if (advertiseZstd)
        r.headers.push_back({"Accept-Encoding", "zstd, gzip, br"});
    return r;
}

SyncConfig configFor(const ScriptedServer &server)
{
    SyncConfig c;
    c.serverUrl = server.url();
    return c;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void offersZstdAndDecodesIt()
    {
        const std::string page = "[" + std::string(4000, ' ') + "\"Hà Nội\"]";
        ScriptedServer server([&](const SeenRequest &) {
            std::string z(ZSTD_compressBound(page.size()), '\0');
            z.resize(ZSTD_compress(z.data(), z.size(), page.data(), page.size(), 1));
            ScriptedResponse r = answer(200, true, z);
            r.headers.push_back({"Content-Encoding", "zstd"});
            return r;
        });
        HttpClient http(configFor(server), nullptr);
        const HttpResponse r = http.request("GET", "/api/v1/pull?cursor=0", {}, "t");
        QCOMPARE(r.status, 200L);
        QCOMPARE(r.body, page);
        const auto seen = server.requests();
        QCOMPARE(seen.size(), std::size_t(1));
        const std::string offered = seen[0].headers.at("accept-encoding");
        QVERIFY2(offered.find("zstd") != std::string::npos, offered.c_str());
        QVERIFY2(offered.find("gzip") != std::string::npos, offered.c_str());
        QVERIFY2(offered.find("br") == std::string::npos, offered.c_str());
    }

    void bodiesInGzipUntilTheServerSaysItReadsZstd()
    {
        ScriptedServer server([](const SeenRequest &) { return answer(200, true); });
        HttpClient http(configFor(server), nullptr);
        const std::string body = bigBody();
        QCOMPARE(http.request("POST", "/api/v1/push", body, "t").status, 200L);
        QCOMPARE(http.request("POST", "/api/v1/push", body, "t").status, 200L);
        // Small bodies stay as they are.
        QCOMPARE(http.request("POST", "/api/v1/logout", "{}", "t").status, 200L);
        const auto seen = server.requests();
        QCOMPARE(seen.size(), std::size_t(3));
        QCOMPARE(seen[0].coding(), std::string("gzip"));
        QCOMPARE(seen[1].coding(), std::string("zstd"));
        QCOMPARE(seen[2].coding(), std::string());
        // The scripted server decoded each as its Content-Encoding said: the same JSON.
        QCOMPARE(seen[0].body, body);
        QCOMPARE(seen[1].body, body);
    }

    void serverThatStopsReadingZstd_getsTheRequestAgainAsGzip()
    {
        // First a server that reads zstd; then, behind the same address, an older one that does
        // not advertise it and, as servers before zstd did, takes the zstd bytes for JSON.
        std::atomic<bool> older {false};
        ScriptedServer server([&](const SeenRequest &r) {
            if (!older)
                return answer(200, true);
            if (r.coding() == "zstd")
                return answer(400, false, R"({"code":"malformed_json","message":"not JSON"})");
            return answer(200, false, R"({"applied":1})");
        });
        HttpClient http(configFor(server), nullptr);
        const std::string body = bigBody();
        QCOMPARE(http.request("POST", "/api/v1/push", body, "t").status, 200L);
        older = true;
        const HttpResponse r = http.request("POST", "/api/v1/push", body, "t");
        QCOMPARE(r.status, 200L);
        QCOMPARE(r.body, std::string(R"({"applied":1})"));
        const auto seen = server.requests();
        QCOMPARE(seen.size(), std::size_t(3));
        QCOMPARE(seen[1].coding(), std::string("zstd"));
        QCOMPARE(seen[2].coding(), std::string("gzip"));
        QCOMPARE(seen[2].body, body);
        // And from then on gzip straight away.
        QCOMPARE(http.request("POST", "/api/v1/push", body, "t").status, 200L);
        QCOMPARE(server.requests().back().coding(), std::string("gzip"));
    }

    void refusalByAServerThatReadsZstd_isTheCallersToSee()
    {
        // A 4xx from a server that does read zstd is about the request, not its coding: no
        // second request, the caller gets the refusal.
        ScriptedServer server([](const SeenRequest &) {
            return answer(403, true, R"({"code":"forbidden","message":"no"})");
        });
        HttpClient http(configFor(server), nullptr);
        const std::string body = bigBody();
        QCOMPARE(http.request("POST", "/api/v1/push", body, "t").status, 403L);
        QCOMPARE(http.request("POST", "/api/v1/push", body, "t").status, 403L);
        const auto seen = server.requests();
        QCOMPARE(seen.size(), std::size_t(2));
        QCOMPARE(seen[1].coding(), std::string("zstd"));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
