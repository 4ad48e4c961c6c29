// Request and answer content codings, and the limits on decoded bodies: zstd both ways (with gzip
// and brotli still served), every answer advertising the codings the server reads (RFC 7694),
// and compressed bodies that would expand past the limits (a 64 KB gzip body inflating to 64 MB)
// refused while they are read, without the server holding them in memory. Runs once per
// storage backend.
#include "fixture.h"

#include <zlib.h>
#include <zstd.h>

#include <csignal>
#include <fstream>
#include <memory>

using namespace attache::test;
using nlohmann::json;

namespace {

std::string zstdOf(const std::string &s)
{
    std::string z(ZSTD_compressBound(s.size()), '\0');
    z.resize(ZSTD_compress(z.data(), z.size(), s.data(), s.size(), 1));
    return z;
}

std::string gzipOf(const std::string &s)
{
    z_stream zs {};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, uLong(s.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(s.data()));
    zs.avail_in = uInt(s.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

// `mib` MiB of JSON whitespace inside a valid batch, gzip-compressed (about a thousandth of it)
// without ever holding the whole text.
std::string gzipBomb(int mib)
{
    z_stream zs {};
    deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out;
    const std::string head = R"({"batch_id":"bomb","changes":[)";
    const std::string spaces(1 << 20, ' ');
    const std::string tail = "]}";
    char buf[1 << 16];
    auto feed = [&](const std::string &in, int flush) {
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
        zs.avail_in = uInt(in.size());
        do {
            zs.next_out = reinterpret_cast<Bytef *>(buf);
            zs.avail_out = sizeof buf;
            deflate(&zs, flush);
            out.append(buf, sizeof buf - zs.avail_out);
        } while (zs.avail_out == 0);
    };
    feed(head, Z_NO_FLUSH);
    for (int i = 0; i < mib; ++i)
        feed(spaces, Z_NO_FLUSH);
    feed(tail, Z_FINISH);
    deflateEnd(&zs);
    return out;
}

std::string headerOf(const Reply &r, const std::string &name)
{
    const auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second;
}

// Peak resident memory of a process, in KiB (VmHWM).
std::int64_t peakKiB(qint64 pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stoll(line.substr(6));
    }
    return -1;
}

} // namespace

class TestServerCoding : public QObject
{
    Q_OBJECT

private:
    World w;

    json batch(const std::string &id, int n)
    {
        json changes = json::array();
        for (int i = 0; i < n; ++i)
            changes.push_back(contactChange(attache::makeUuidV7(), w.m1,
                "Nguyễn Thị Coding " + std::to_string(i), stamp(0, "annphone", std::uint32_t(i))));
        return {{"batch_id", id}, {"changes", changes}};
    }
    Reply send(const std::string &path, const std::string &body, const std::string &coding,
        const std::string &token = "")
    {
        auto c = w.newClient();
        c->token = token.empty() ? w.as("ann").token : token;
        return c->postRaw(path, body, {{"Content-Encoding", coding}});
    }
    // Whether the server still serves, and stored nothing of a refused batch.
    void expectNothingStoredAndServing(std::int64_t before)
    {
        std::int64_t cursor = 0;
        QCOMPARE(std::int64_t(w.as("ann").pullAll(cursor).size()), before);
        QCOMPARE(w.newClient()->get("/api/v1/status").status, 200);
    }
    std::int64_t visible()
    {
        std::int64_t cursor = 0;
        return std::int64_t(w.as("ann").pullAll(cursor).size());
    }

private slots:
    void initTestCase()
    {
        if (backendUnderTest() == Backend::Postgres && !postgresAvailable())
            QSKIP("ATTACHE_TEST_PG_URL is not set (run under scripts/with-postgres)");
        const std::string failure = w.build();
        QVERIFY2(failure.empty(), failure.c_str());
        // A server that closes while a body is being sent must fail a check, not kill the test.
        std::signal(SIGPIPE, SIG_IGN);
    }

    void everyAnswerSaysWhichRequestCodingsTheServerReads()
    {
        const Reply status = w.newClient()->get("/api/v1/status");
        QCOMPARE(status.status, 200);
        QCOMPARE(headerOf(status, "Accept-Encoding"), std::string("zstd, gzip, br"));
        const Reply refused = w.newClient()->get("/api/v1/pull?cursor=0");
        QCOMPARE(refused.status, 401);
        QCOMPARE(headerOf(refused, "Accept-Encoding"), std::string("zstd, gzip, br"));
    }

    void pushInZstdOrGzip_storedTheSame()
    {
        const std::int64_t before = visible();
        const json a = batch("coding-zstd", 30);
        const json b = batch("coding-gzip", 30);
        const Reply rz = send("/api/v1/push", zstdOf(a.dump()), "zstd");
        QVERIFY2(rz.status == 200, rz.raw.c_str());
        const Reply rg = send("/api/v1/push", gzipOf(b.dump()), "gzip");
        QVERIFY2(rg.status == 200, rg.raw.c_str());
        QCOMPARE(rz.body["acknowledged"].size(), rg.body["acknowledged"].size());
        QCOMPARE(visible(), before + 60);
        // A zstd retry of the same batch is the same batch: nothing applied twice.
        const Reply again = send("/api/v1/push", zstdOf(a.dump()), "zstd");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, rz.body);
        QCOMPARE(visible(), before + 60);
    }

    void zstdInSeveralFramesOrWithoutItsSize_readAllTheSame()
    {
        // The devices send one frame that says its size (read at once); a body in two frames,
        // or a frame that does not say its size, is read a piece at a time, and every byte
        // of it counts.
        const std::int64_t before = visible();
        const std::string twoFrames = [&] {
            const std::string text = batch("coding-frames", 20).dump();
            return zstdOf(text.substr(0, text.size() / 2)) + zstdOf(text.substr(text.size() / 2));
        }();
        const Reply r2 = send("/api/v1/push", twoFrames, "zstd");
        QVERIFY2(r2.status == 200, r2.raw.c_str());
        QCOMPARE(r2.body["applied"], 20);
        const std::string unsized = [&] {
            const std::string text = batch("coding-unsized", 10).dump();
            std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> c(
                ZSTD_createCCtx(), ZSTD_freeCCtx);
            ZSTD_CCtx_setParameter(c.get(), ZSTD_c_contentSizeFlag, 0);
            std::string z(ZSTD_compressBound(text.size()), '\0');
            z.resize(ZSTD_compress2(c.get(), z.data(), z.size(), text.data(), text.size()));
            return z;
        }();
        QCOMPARE(
            ZSTD_getFrameContentSize(unsized.data(), unsized.size()), ZSTD_CONTENTSIZE_UNKNOWN);
        const Reply ru = send("/api/v1/push", unsized, "zstd");
        QVERIFY2(ru.status == 200, ru.raw.c_str());
        QCOMPARE(ru.body["applied"], 10);
        QCOMPARE(visible(), before + 30);
    }

    void signInWithAZstdBody()
    {
        const json login {{"username", "bob"}, {"password", World::kPassword},
            {"device_id", "dev_bob_zstd_" + attache::randomHex(4)}, {"device_name", "zstd"}};
        auto c = w.newClient();
        const Reply r
            = c->postRaw("/api/v1/login", zstdOf(login.dump()), {{"Content-Encoding", "zstd"}});
        QVERIFY2(r.status == 200, r.raw.c_str());
        QVERIFY(r.body.contains("token"));
    }

    void pullPagesInZstdWhenOffered()
    {
        const std::string path = "/api/v1/pull?cursor=0";
        const httplib::Headers auth {{"Authorization", "Bearer " + w.as("mgr").token}};
        httplib::Client raw("127.0.0.1", w.server->port());
        raw.set_decompress(false);
        auto plain = raw.Get(path, auth);
        QVERIFY(plain);
        QVERIFY(plain->body.size() > 1024);
        QCOMPARE(plain->get_header_value_count("Content-Type"), std::size_t(1));
        QCOMPARE(plain->get_header_value("Content-Type"), "application/json; charset=utf-8");
        const std::pair<const char *, const char *> cases[]
            = {{"zstd", "zstd"}, {"gzip, deflate, br, zstd", "zstd"}, {"zstd;q=0, br", "br"},
                {"zstd;q=0, gzip", "gzip"}, {"*", "zstd"}};
        for (const auto &[offered, expected] : cases) {
            httplib::Headers h = auth;
            h.emplace("Accept-Encoding", offered);
            auto r = raw.Get(path, h);
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QVERIFY2(r->get_header_value("Content-Encoding") == expected, offered);
            QCOMPARE(r->get_header_value_count("Content-Type"), std::size_t(1));
            QCOMPARE(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
            if (std::string(expected) == "zstd") {
                QVERIFY2(r->body.size() < plain->body.size() / 3, offered);
                std::string decoded(plain->body.size(), '\0');
                const std::size_t n = ZSTD_decompress(
                    decoded.data(), decoded.size(), r->body.data(), r->body.size());
                QVERIFY(!ZSTD_isError(n));
                decoded.resize(n);
                QVERIFY(decoded == plain->body);
            }
        }
    }

    void bigPushFromAnAppTooNew_getsUnsupportedProtocolNotAReset()
    {
        // The refusal is sent once the body is read: an answer sent over megabytes the client is
        // still sending would be lost to a connection reset, and the app would retry forever
        // instead of saying "ask IT to update the server".
        const std::int64_t before = visible();
        const std::string body = batch("coding-protocol", 9000).dump();
        QVERIFY(body.size() > 2 * 1024 * 1024 && body.size() < 8 * 1024 * 1024);
        auto c = w.newClient();
        c->token = w.as("ann").token;
        const Reply r = c->postRaw("/api/v1/push", body, {{"Attache-Protocol", "99"}});
        QCOMPARE(r.status, 426);
        QCOMPARE(r.code(), std::string("unsupported_protocol"));
        expectNothingStoredAndServing(before);
    }

    void gzipBomb_refusedWhileReadNotHeldInMemory()
    {
        const std::int64_t before = visible();
        const std::string bomb = gzipBomb(64);
        QVERIFY(bomb.size() < 256 * 1024);
        const qint64 pid = w.server->pid();
        const std::int64_t peakBefore = peakKiB(pid);
        QVERIFY(peakBefore > 0);
        // Signed in or not: the body is refused as it grows past 8 MiB decoded, before anything
        // parses it.
        const Reply r = send("/api/v1/push", bomb, "gzip");
        QCOMPARE(r.status, 413);
        QVERIFY2(r.isJsonError(), r.raw.c_str());
        QCOMPARE(r.code(), std::string("too_large"));
        const Reply anonymous = send("/api/v1/push", bomb, "gzip", std::string(64, 'f'));
        QCOMPARE(anonymous.status, 413);
        // The 64 MiB never lived in the server: its peak grew by less than twice the limit.
        const std::int64_t peakAfter = peakKiB(pid);
        QVERIFY2(peakAfter - peakBefore < 24 * 1024,
            qPrintable(QString("peak grew by %1 KiB").arg(peakAfter - peakBefore)));
        expectNothingStoredAndServing(before);
    }

    void zstdBomb_refused()
    {
        const std::int64_t before = visible();
        std::string text = R"({"batch_id":"zbomb","changes":[)" + std::string(64 << 20, ' ') + "]}";
        const std::string bomb = zstdOf(text);
        text.clear();
        text.shrink_to_fit();
        const Reply r = send("/api/v1/push", bomb, "zstd");
        QCOMPARE(r.status, 413);
        QCOMPARE(r.code(), std::string("too_large"));
        expectNothingStoredAndServing(before);
    }

    void brokenZstd_badBody()
    {
        const std::int64_t before = visible();
        const std::string good = zstdOf(batch("broken-zstd", 5).dump());
        const Reply cut = send("/api/v1/push", good.substr(0, good.size() / 2), "zstd");
        QCOMPARE(cut.status, 400);
        QVERIFY2(cut.isJsonError(), cut.raw.c_str());
        QCOMPARE(cut.code(), std::string("bad_body"));
        const Reply junk = send("/api/v1/push", "not zstd at all, not even close", "zstd");
        QCOMPARE(junk.status, 400);
        QCOMPARE(junk.code(), std::string("bad_body"));
        const Reply badGzip = send("/api/v1/push", "not gzip either", "gzip");
        QCOMPARE(badGzip.status, 400);
        QVERIFY2(badGzip.isJsonError(), badGzip.raw.c_str());
        expectNothingStoredAndServing(before);
    }

    void unknownCoding_unsupportedEncoding()
    {
        const std::int64_t before = visible();
        const Reply r = send("/api/v1/push", batch("coding-compress", 2).dump(), "compress");
        QCOMPARE(r.status, 415);
        QVERIFY2(r.isJsonError(), r.raw.c_str());
        QCOMPARE(r.code(), std::string("unsupported_encoding"));
        expectNothingStoredAndServing(before);
    }

    void compressedBodyWhereNoneIsTaken_refusedUnread()
    {
        // cpp-httplib would inflate it, without limit, before finding no handler.
        const Reply r = send("/api/v1/nothing-here", gzipBomb(16), "gzip");
        QCOMPARE(r.status, 415);
        QCOMPARE(r.code(), std::string("unsupported_encoding"));
        QCOMPARE(w.newClient()->get("/api/v1/status").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerCoding)
#include "tst_servercoding.moc"
