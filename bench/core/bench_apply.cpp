// Applying pulled pages: the device half of a first sync, without the network. Each iteration
// applies one page of 2,000 contact-sized records the device has never seen (as the sync
// engine does with a pull answer) into a store that grows page after page, with the default
// durability (synchronous=FULL, one commit per page). Then search as you type over the
// 100,000 contacts so stored.
//   build/default/bench/core/bench_apply [--benchmark_filter=...]

#include "hlc.h"
#include "store.h"
#include "uuid.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace attache;
using nlohmann::json;

namespace {

constexpr int kPage = 2000;

std::vector<Store::RemoteChange> page(int first, const std::string &mission, std::int64_t ms)
{
    std::vector<Store::RemoteChange> out;
    out.reserve(kPage);
    for (int i = first; i < first + kPage; ++i) {
        const std::string hlc = Hlc {ms + i, 0, "00000000000000aa"}.toString();
        Store::RemoteChange c;
        c.kind = findKind("contact");
        c.id = makeUuidV7(ms + i);
        c.updatedBy = "0190a000-0000-7000-8000-000000000001";
        c.updatedDevice = "00000000000000aa";
        c.updatedAt = ms + i;
        const json fields = {{"full_name", "Nguyễn Văn Khách " + std::to_string(i)},
            {"title", "Trưởng phòng Hợp tác Quốc tế"}, {"organisation", "Tập đoàn Đầu tư Mekong"},
            {"country", "VN"}, {"emails", {"khach" + std::to_string(i) + "@example.com"}},
            {"phones", {"+84 90 123 " + std::to_string(1000 + i % 9000)}},
            {"interests", "Năng lượng tái tạo, logistics cảng biển, chế biến nông sản"},
            {"notes", "Gặp tại hội chợ; quan tâm khu kinh tế Vũng Áng, hẹn gửi hồ sơ dự án."},
            {"tags", {"investor", "energy"}}, {"mission_id", mission}, {"deleted", false}};
        for (const auto &[name, value] : fields.items())
            c.fields.emplace_back(name, Store::RemoteField {value, hlc});
        out.push_back(std::move(c));
    }
    return out;
}

// The device of a first sync: one store that grows page after page, shared by the benchmarks
// below (search runs on what the pulls built), removed at exit.
struct Device
{
    std::filesystem::path path
        = std::filesystem::temp_directory_path() / ("attache-apply-" + randomHex(6) + ".db");
    std::unique_ptr<Store> store;
    std::string error;
    const std::string mission = makeUuidV7();
    const std::int64_t ms = 1'767'225'600'000;
    int pulled = 0;

    Device()
    {
        auto s = Store::open(path.string());
        if (s)
            store = std::move(*s);
        else
            error = s.error().message;
    }
    ~Device()
    {
        store.reset();
        for (const char *suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix);
    }
    Result<Store::ApplyStats> pullPage()
    {
        auto changes = page(pulled, mission, ms);
        pulled += kPage;
        return store->applyRemote(changes);
    }
};

Device &device()
{
    static Device d;
    return d;
}

void BM_ApplyPulledPage(benchmark::State &state)
{
    Device &d = device();
    if (!d.store) {
        state.SkipWithError(d.error.c_str());
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        auto changes = page(d.pulled, d.mission, d.ms);
        d.pulled += kPage;
        state.ResumeTiming();
        auto r = d.store->applyRemote(changes);
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            break;
        }
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * kPage);
}
BENCHMARK(BM_ApplyPulledPage)->Iterations(50)->Unit(benchmark::kMillisecond);

// Search as you type over the 100,000 contacts the pulls above stored (the index as a first
// sync leaves it, segments and all): each iteration is one keystroke's query.
void BM_SearchAfterFirstSync(benchmark::State &state)
{
    Device &d = device();
    while (d.store && d.pulled < 50 * kPage) {
        if (auto r = d.pullPage(); !r) {
            state.SkipWithError(r.error().message.c_str());
            return;
        }
    }
    if (!d.store) {
        state.SkipWithError(d.error.c_str());
        return;
    }
    std::vector<std::string> keystrokes;
    for (const std::string q : {"nguyen van khach 4321", "truong phong", "mekong", "vung ang",
             "khach12@example", "nang luong tai tao"}) {
        for (size_t n = 1; n <= q.size(); ++n)
            keystrokes.push_back(q.substr(0, n));
    }
    size_t i = 0;
    for (auto _ : state) {
        auto r = d.store->search(keystrokes[i++ % keystrokes.size()], 20);
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_SearchAfterFirstSync)->Iterations(500)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
