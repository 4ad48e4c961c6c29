// Applying pulled pages: the device half of a first sync, without the network. Each iteration
// applies one page of 2,000 contact-sized records the device has never seen (as the sync
// engine does with a pull answer) into a store that grows page after page, with the default
// durability (synchronous=FULL, one commit per page).
//   build/default/bench/core/bench_apply [--benchmark_filter=...]

#include "hlc.h"
#include "store.h"
#include "uuid.h"

#include <benchmark/benchmark.h>

#include <filesystem>
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

void BM_ApplyPulledPage(benchmark::State &state)
{
    const auto path
        = std::filesystem::temp_directory_path() / ("attache-apply-" + randomHex(6) + ".db");
    auto store = Store::open(path.string());
    if (!store) {
        state.SkipWithError(store.error().message.c_str());
        return;
    }
    const std::string mission = makeUuidV7();
    const std::int64_t ms = 1'767'225'600'000;
    int first = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto changes = page(first, mission, ms);
        first += kPage;
        state.ResumeTiming();
        auto r = (*store)->applyRemote(changes);
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            break;
        }
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * kPage);
    store->reset();
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
}
BENCHMARK(BM_ApplyPulledPage)->Iterations(50)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
