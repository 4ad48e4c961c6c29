// attache-loaddriver: N simulated devices syncing concurrently against a running attache-server
// (bench/server/run-load.sh starts one and makes the users). Each device signs in and catches
// up (not timed), then, all together: pushes 20 changes in one batch and pulls until nothing
// remains (timed per request). Prints throughput and latency percentiles. --linger-ms keeps each
// device's connection open after its sync, like the app's libcurl connection cache. --coding
// gzip makes the devices offer gzip only (older apps); the default offers zstd, as the app does.
#include "hlc.h"
#include "uuid.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    int devices = 500;
    int users = 25;
    int changes = 20;
    int rampMs = 0;
    /// After its sync, a device keeps its connection open (idle) this long, as libcurl's
    /// connection cache in the app does; 0 closes it at once.
    int lingerMs = 0;
    std::string password = "load-password";
    std::string coding = "zstd"; ///< what the devices offer: "zstd" (then gzip) or "gzip"
};

// An answer's body decoded: cpp-httplib 0.11 decodes gzip itself, zstd is decoded here.
std::string bodyOf(const httplib::Result &r)
{
    if (r->get_header_value("Content-Encoding") != "zstd")
        return r->body;
    const unsigned long long n = ZSTD_getFrameContentSize(r->body.data(), r->body.size());
    if (n == ZSTD_CONTENTSIZE_ERROR || n == ZSTD_CONTENTSIZE_UNKNOWN)
        return {};
    std::string out(std::size_t(n), '\0');
    const std::size_t got = ZSTD_decompress(out.data(), out.size(), r->body.data(), r->body.size());
    return ZSTD_isError(got) ? std::string() : out;
}

struct Stats
{
    std::mutex mutex;
    std::vector<double> pushMs, pullMs;
    std::atomic<int> errors {0};
    std::atomic<int> setupErrors {0};
};

std::int64_t wallMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// An integer member of the answer's top-level object, found from its end: the pull answer puts
// "cursor" and "remaining" after the changes, and a key in quotes cannot appear unescaped inside
// a string value.
std::optional<std::int64_t> topLevelInteger(const std::string &body, const std::string &key)
{
    const std::string needle = "\"" + key + "\":";
    const std::size_t at = body.rfind(needle);
    if (at == std::string::npos || body.empty() || body.back() != '}')
        return std::nullopt;
    const char *begin = body.c_str() + at + needle.size();
    char *end = nullptr;
    const long long v = std::strtoll(begin, &end, 10);
    if (end == begin)
        return std::nullopt;
    return v;
}

double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

// The device's batch: `changes` new contacts in its mission.
std::string pushBody(const Options &o, const std::string &deviceId, const std::string &missionId)
{
    attache::HlcClock clock(deviceId);
    json changes = json::array();
    for (int i = 0; i < o.changes; ++i) {
        const std::string h = clock.now().toString();
        changes.push_back({{"kind", "contact"}, {"id", attache::makeUuidV7()},
            {"fields",
                {{"full_name",
                     {{"value", "Contact " + std::to_string(i) + " of " + deviceId}, {"hlc", h},
                         {"base", ""}}},
                    {"organisation", {{"value", "Load Test Co."}, {"hlc", h}, {"base", ""}}},
                    {"mission_id", {{"value", missionId}, {"hlc", h}, {"base", ""}}}}}});
    }
    return json {
        {"batch_id", attache::randomHex(8)}, {"acknowledge", "changed"}, {"changes", changes}}
        .dump();
}

void device(const Options &o, int index, Stats &stats, std::barrier<> &ready, std::barrier<> &go,
    const Clock::time_point &start)
{
    httplib::Client client(o.host, o.port);
    client.set_read_timeout(120);
    client.set_connection_timeout(30);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    const std::string deviceId = "load" + std::to_string(index) + "x" + attache::randomHex(4);
    const std::string user = "load" + std::to_string(index % o.users);
    httplib::Headers headers {
        {"Attache-Protocol", "1"}, {"Accept-Encoding", o.coding == "gzip" ? "gzip" : "zstd, gzip"}};
    std::string missionId;
    std::int64_t cursor = 0;
    bool ok = false;
    // Setup: sign in and catch up, so the timed part is the steady-state sync.
    if (auto r = client.Post("/api/v1/login", headers,
            json {{"username", user}, {"password", o.password}, {"device_id", deviceId}}.dump(),
            "application/json");
        r && r->status == 200) {
        headers.emplace(
            "Authorization", "Bearer " + json::parse(r->body)["token"].get<std::string>());
        ok = true;
        for (int guard = 0; guard < 1000 && ok; ++guard) {
            auto p = client.Get(
                "/api/v1/pull?cursor=" + std::to_string(cursor) + "&limit=2000", headers);
            if (!p || p->status != 200) {
                ok = false;
                break;
            }
            const json body = json::parse(bodyOf(p));
            for (const auto &c : body["changes"]) {
                if (c["kind"] == "mission" && missionId.empty())
                    missionId = c["id"];
            }
            cursor = body["cursor"];
            if (body["remaining"] == 0)
                break;
        }
    }
    if (!ok || missionId.empty())
        stats.setupErrors++;
    // The push is built before the timed phase: the devices are simulated in one process on
    // the server's two cores, and what a real device spends on its own CPU is not the server's.
    // (Its JSON tree is freed here too: freeing 500 of them took a third of the driver's CPU in
    // the timed phase.)
    const std::string body = pushBody(o, deviceId, missionId);
    ready.arrive_and_wait();
    go.arrive_and_wait(); // `start` is set between the two barriers
    if (!ok || missionId.empty())
        return;
    if (o.rampMs > 0) {
        std::mt19937 rng {unsigned(index)};
        std::this_thread::sleep_until(
            start + std::chrono::milliseconds(rng() % unsigned(o.rampMs)));
    }
    auto t0 = Clock::now();
    auto r = client.Post("/api/v1/push", headers, body, "application/json");
    const double pushMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    if (!r || r->status != 200) {
        stats.errors++;
        std::fprintf(stderr, "push failed: %s\n",
            r ? r->body.c_str() : httplib::to_string(r.error()).c_str());
        return;
    }
    // As the app does, the pull names the push's seq range: the device's own new records do not
    // come back to it.
    std::string own;
    {
        const std::string answer = bodyOf(r);
        const auto from = topLevelInteger(answer, "seq_from");
        const auto to = topLevelInteger(answer, "cursor");
        if (from && to && *from <= *to)
            own = "&own=" + std::to_string(*from) + "-" + std::to_string(*to);
    }
    std::vector<double> pulls;
    for (int guard = 0; guard < 1000; ++guard) {
        t0 = Clock::now();
        auto p = client.Get(
            "/api/v1/pull?cursor=" + std::to_string(cursor) + "&limit=500" + own, headers);
        pulls.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!p || p->status != 200) {
            stats.errors++;
            std::fprintf(stderr, "pull failed: %s\n",
                p ? p->body.c_str() : httplib::to_string(p.error()).c_str());
            return;
        }
        // Only the cursor and what remains are read: parsing the whole page into a DOM, for 500
        // devices in one process, took as much CPU as the server needed to answer it.
        const std::string page = bodyOf(p);
        const auto next = topLevelInteger(page, "cursor");
        const auto remaining = topLevelInteger(page, "remaining");
        if (!next || !remaining) {
            stats.errors++;
            std::fprintf(stderr, "pull answer without cursor or remaining\n");
            return;
        }
        cursor = *next;
        if (*remaining == 0)
            break;
    }
    {
        std::lock_guard lock(stats.mutex);
        stats.pushMs.push_back(pushMs);
        stats.pullMs.insert(stats.pullMs.end(), pulls.begin(), pulls.end());
    }
    if (o.lingerMs > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(o.lingerMs));
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const std::string v = argv[i + 1];
        if (a == "--port")
            o.port = std::stoi(v);
        else if (a == "--host")
            o.host = v;
        else if (a == "--devices")
            o.devices = std::stoi(v);
        else if (a == "--users")
            o.users = std::stoi(v);
        else if (a == "--changes")
            o.changes = std::stoi(v);
        else if (a == "--ramp-ms")
            o.rampMs = std::stoi(v);
        else if (a == "--linger-ms")
            o.lingerMs = std::stoi(v);
        else if (a == "--password")
            o.password = v;
        else if (a == "--coding")
            o.coding = v;
    }
    if (o.port <= 0) {
        std::fprintf(stderr,
            "usage: attache-loaddriver --port PORT [--devices 500] [--users 25] "
            "[--changes 20] [--ramp-ms 0] [--linger-ms 0] [--coding zstd|gzip]\n");
        return 2;
    }
    Stats stats;
    Clock::time_point start;
    std::barrier ready(o.devices + 1);
    std::barrier go(o.devices + 1);
    std::vector<std::thread> threads;
    threads.reserve(std::size_t(o.devices));
    const auto setup0 = Clock::now();
    // The threads wait for each other when their device's sync is done, and exit after the
    // timed phase: 500 threads exiting (freeing their malloc caches and stacks) took a third of
    // the driver's CPU in the phase, on the cores the server needs.
    std::barrier done(o.devices + 1);
    for (int i = 0; i < o.devices; ++i)
        threads.emplace_back([&, i] {
            device(o, i, stats, ready, go, start);
            done.arrive_and_wait();
        });
    ready.arrive_and_wait();
    std::fprintf(stderr, "attache-loaddriver: setup done, timed phase starts\n");
    if (const char *hold = std::getenv("LOAD_HOLD_MS"))
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::atoi(hold))); // let a profiler attach
    const double cpu0 = cpuSeconds();
    start = Clock::now();
    go.arrive_and_wait();
    const double setupS = std::chrono::duration<double>(start - setup0).count();
    done.arrive_and_wait();
    const double wallS = std::chrono::duration<double>(Clock::now() - start).count();
    const double driverCpuS = cpuSeconds() - cpu0;
    for (auto &t : threads)
        t.join();
    const std::size_t requests = stats.pushMs.size() + stats.pullMs.size();
    std::vector<double> allMs = stats.pushMs;
    allMs.insert(allMs.end(), stats.pullMs.begin(), stats.pullMs.end());
    std::printf("devices %d, changes per device %d, ramp %d ms (setup: sign-in and catch-up %.1f "
                "s, %d setup errors)\n",
        o.devices, o.changes, o.rampMs, setupS, stats.setupErrors.load());
    std::printf("timed phase %.2f s: %zu requests (%.0f req/s), %zu changes pushed (%.0f "
                "changes/s), errors %d\n",
        wallS, requests, double(requests) / wallS, stats.pushMs.size() * std::size_t(o.changes),
        double(stats.pushMs.size() * std::size_t(o.changes)) / wallS, stats.errors.load());
    // The driver shares the machine's cores with the server: what it used is not the server's.
    std::printf("load driver CPU in the timed phase: %.2f s\n", driverCpuS);
    std::printf("push ms: p50 %.1f  p99 %.1f  max %.1f\n", percentile(stats.pushMs, 0.5),
        percentile(stats.pushMs, 0.99), percentile(stats.pushMs, 1.0));
    std::printf("pull ms: p50 %.1f  p99 %.1f  max %.1f\n", percentile(stats.pullMs, 0.5),
        percentile(stats.pullMs, 0.99), percentile(stats.pullMs, 1.0));
    std::printf("all  ms: p50 %.1f  p99 %.1f  max %.1f\n", percentile(allMs, 0.5),
        percentile(allMs, 0.99), percentile(allMs, 1.0));
    (void)wallMs;
    return stats.errors.load() == 0 && stats.setupErrors.load() == 0 ? 0 : 1;
}
