// attache-syncbench: end-to-end sync figures against a real attache-server (SQLite backend) on
// loopback: push 10,000 and pull 100,000 contact-sized records from a fresh device, an
// incremental sync where 1% changed, and a no-op sync. Prints one JSON line per measurement;
// bench/sync/run.sh runs it and bench/README.md records the figures.
//
//   attache-syncbench [--push N] [--pull N] [--push-batch N] [--in-flight 1|2]
//   (defaults 10000, 100000, and the engine's batch size and pushes in flight)
//
// Besides wall time, each line gives the CPU seconds of the device process (device_cpu_s),
// of its thread that ran sync() and applied the pulled pages (device_sync_thread_cpu_s: the
// pull's critical path while the next page is fetched on another thread) and of the server
// (server_cpu_s): on a machine shared with other work the CPU figures are the steady ones.

#include "log.h"
#include "protocol.h"
#include "store.h"
#include "syncengine.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <unistd.h>

using namespace attache;
using namespace attache::sync;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

json contact(int i, const std::string &mission)
{
    return {{"full_name", "Nguyễn Văn Khách " + std::to_string(i)},
        {"title", "Trưởng phòng Hợp tác Quốc tế"}, {"organisation", "Tập đoàn Đầu tư Mekong"},
        {"country", "VN"}, {"emails", {"khach" + std::to_string(i) + "@example.com"}},
        {"phones", {"+84 90 123 " + std::to_string(1000 + i % 9000)}},
        {"interests", "Năng lượng tái tạo, logistics cảng biển, chế biến nông sản"},
        {"notes", "Gặp tại hội chợ; quan tâm khu kinh tế Vũng Áng, hẹn gửi hồ sơ dự án."},
        {"tags", {"investor", "energy"}}, {"mission_id", mission}};
}

double cpuSeconds(clockid_t clock)
{
    timespec t {};
    clock_gettime(clock, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// CPU seconds (user + system) used so far by the attache-server processes this one started:
// on a machine shared with other work, CPU time is the steady figure, wall time is not.
double serverCpuSeconds()
{
    double total = 0;
    const long ticks = sysconf(_SC_CLK_TCK);
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator("/proc", ec)) {
        std::ifstream in(entry.path() / "stat");
        std::string line;
        if (!in || !std::getline(in, line))
            continue;
        const auto close = line.rfind(')');
        const auto open = line.find('(');
        if (close == std::string::npos || open == std::string::npos
            || line.substr(open + 1, close - open - 1) != "attache-server")
            continue;
        std::istringstream rest(line.substr(close + 2));
        std::string state;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid != long(getpid()))
            continue;
        std::string skip;
        for (int i = 0; i < 9; ++i) // fields 5-13
            rest >> skip;
        double utime = 0, stime = 0;
        rest >> utime >> stime;
        total += (utime + stime) / double(ticks);
    }
    return total;
}

// With ATTACHE_BENCH_HOLD_MS set, says which timed phase starts and waits that long, so that a
// profiler can attach for that phase only (perf record -p PID, after the line). A sync's pull
// phase waits too, after its push's figures are taken: a profile of a push then holds no pull.
void holdForProfiler(const char *phase)
{
    if (const char *hold = std::getenv("ATTACHE_BENCH_HOLD_MS")) {
        std::cerr << "attache-syncbench: " << phase << " starts" << std::endl;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(hold)));
    }
}

struct Run
{
    SyncSummary summary;
    double total = 0; ///< seconds for the whole sync()
    double push = 0; ///< seconds until the pull phase began
    double pull = 0;
    double deviceCpu = 0; ///< CPU seconds of this process (every thread) during the sync
    double applyCpu = 0; ///< of which the thread that ran sync() and applied the pages
    double serverCpu = 0; ///< CPU seconds of the server during the sync
    double pushThreadCpu = 0; ///< CPU seconds of the sync() thread until the pull began
    double pushServerCpu = 0; ///< of the server until the pull began
    double pushDeviceCpu = 0; ///< of this process (every thread) until the pull began
};

Run timedSync(SyncEngine &engine)
{
    Run run;
    const double process0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    const double thread0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    const double server0 = serverCpuSeconds();
    const auto start = Clock::now();
    Clock::time_point pullStart {};
    SyncCallbacks cb;
    cb.progress = [&](const Progress &p) {
        if (p.phase == Phase::Pulling && pullStart == Clock::time_point {}) {
            pullStart = Clock::now();
            run.pushThreadCpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - thread0;
            run.pushDeviceCpu = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - process0;
            run.pushServerCpu = serverCpuSeconds() - server0;
            holdForProfiler("pull"); // after the push's figures: a profile of the push ends here
        }
    };
    run.summary = engine.sync(cb);
    const auto end = Clock::now();
    run.total = seconds(end - start);
    if (pullStart == Clock::time_point {}) {
        pullStart = end;
        run.pushThreadCpu = run.applyCpu;
        run.pushDeviceCpu = run.deviceCpu;
        run.pushServerCpu = run.serverCpu;
    }
    run.push = seconds(pullStart - start);
    run.pull = seconds(end - pullStart);
    run.deviceCpu = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - process0;
    run.applyCpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - thread0;
    run.serverCpu = serverCpuSeconds() - server0;
    return run;
}

void print(const char *name, std::int64_t records, double secs, const Run &r)
{
    const double sent = double(r.summary.bytesSent), received = double(r.summary.bytesReceived);
    json j = {{"bench", name}, {"records", records}, {"seconds", secs},
        {"records_per_s", secs > 0 ? double(records) / secs : 0.0},
        {"requests", r.summary.requests}, {"bytes_sent", r.summary.bytesSent},
        {"bytes_received", r.summary.bytesReceived}, {"json_bytes_sent", r.summary.jsonBytesSent},
        {"json_bytes_received", r.summary.jsonBytesReceived},
        {"wire_ratio_sent", r.summary.jsonBytesSent ? sent / double(r.summary.jsonBytesSent) : 0.0},
        {"wire_ratio_received",
            r.summary.jsonBytesReceived ? received / double(r.summary.jsonBytesReceived) : 0.0},
        {"device_cpu_s", r.deviceCpu}, {"device_sync_thread_cpu_s", r.applyCpu},
        {"server_cpu_s", r.serverCpu}, {"push_sync_thread_cpu_s", r.pushThreadCpu},
        {"push_device_cpu_s", r.pushDeviceCpu}, {"push_server_cpu_s", r.pushServerCpu},
        {"ok", r.summary.ok}};
    std::cout << j.dump() << std::endl;
}

int pushBatch = 0; ///< --push-batch: the engine's default when 0
int inFlight = 0; ///< --in-flight: push requests in flight, the engine's default when 0

std::unique_ptr<SyncEngine> device(
    QTemporaryDir &dir, const char *name, const std::string &url, const std::string &user)
{
    SyncConfig config;
    config.serverUrl = url;
    if (pushBatch > 0)
        config.pushBatchSize = pushBatch;
    if (inFlight > 0)
        config.pushesInFlight = inFlight;
    auto e = SyncEngine::open(dir.filePath(name).toStdString(), config);
    if (!e || !(*e)->login(user, "bench-password-1"))
        return nullptr;
    return std::move(*e);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int pushN = 10000, pullN = 100000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--push")
            pushN = std::atoi(argv[i + 1]);
        else if (a == "--pull")
            pullN = std::atoi(argv[i + 1]);
        else if (a == "--push-batch")
            pushBatch = std::atoi(argv[i + 1]);
        else if (a == "--in-flight")
            inFlight = std::atoi(argv[i + 1]);
    }
    setLogSink([](LogLevel level, std::string_view cat, std::string_view msg) {
        if (level >= LogLevel::Error)
            std::cerr << cat << ": " << msg << "\n";
    });

    test::TestServer server(test::Backend::Sqlite);
    if (auto r = server.start(); !r) {
        std::cerr << "server: " << r.error().message << "\n";
        return 1;
    }
    auto org = server.createOrg("Bench");
    auto user = server.createUser(*org, "bench", "bench-password-1", "manager", "Bench");
    auto mission = server.createMission(*org, "Bench mission", *user, {});
    if (!org || !user || !mission) {
        std::cerr << "fixtures failed\n";
        return 1;
    }
    QTemporaryDir dir;

    // 1. Push N from a fresh device (the pull that follows brings the same records back and is
    // timed separately).
    auto a = device(dir, "a.db", server.baseUrl(), "bench");
    if (!a)
        return 1;
    // Setting up the data is not measured: no fsync per record.
    (void)a->store().database().exec("PRAGMA synchronous = OFF");
    for (int i = 0; i < pushN; ++i)
        (void)a->store().create("contact", contact(i, *mission));
    (void)a->store().database().exec("PRAGMA synchronous = FULL");
    holdForProfiler("push");
    Run push = timedSync(*a);
    print("push", pushN, push.push, push);

    // Fill the server to pullN records (not measured), then pull them all on a fresh device.
    (void)a->store().database().exec("PRAGMA synchronous = OFF");
    for (int i = pushN; i < pullN; ++i)
        (void)a->store().create("contact", contact(i, *mission));
    Run fill = timedSync(*a);
    if (!fill.summary.ok) {
        std::cerr << "fill failed: " << fill.summary.errors.at(0).message << "\n";
        return 1;
    }
    auto b = device(dir, "b.db", server.baseUrl(), "bench");
    holdForProfiler("pull");
    Run pull = timedSync(*b);
    print("pull", pull.summary.pulled, pull.total, pull);
    auto hits = b->store().search("khach 4242");
    std::cerr << "search after pull: " << (hits ? hits->size() : 0) << " hits\n";

    // 3. Incremental: 1% of the records changed on device a; a pushes, b pulls.
    {
        ListQuery q;
        q.limit = pullN / 100;
        auto list = a->store().list("contact", q);
        for (const auto &r : *list)
            (void)a->store().update("contact", r.id, {{"notes", "Cập nhật sau chuyến đi."}});
        (void)a->store().database().exec("PRAGMA synchronous = FULL");
    }
    Run incPush = timedSync(*a);
    print("incremental_push_1pct", incPush.summary.pushed, incPush.push, incPush);
    Run incPull = timedSync(*b);
    print("incremental_pull_1pct", incPull.summary.pulled, incPull.total, incPull);

    // 4. No-op: nothing to do on either side. Median of 50.
    std::vector<double> noop;
    Run last;
    for (int i = 0; i < 50; ++i) {
        last = timedSync(*b);
        noop.push_back(last.total);
        if (last.summary.requests != 1)
            std::cerr << "no-op sync made " << last.summary.requests << " requests\n";
    }
    std::sort(noop.begin(), noop.end());
    json j = {{"bench", "noop"}, {"median_ms", noop[noop.size() / 2] * 1000},
        {"p90_ms", noop[noop.size() * 9 / 10] * 1000}, {"requests", last.summary.requests},
        {"ok", last.summary.ok}};
    std::cout << j.dump() << std::endl;
    return 0;
}
