// Store figures on a realistic dataset: 100,000 contacts over 500 missions (60 officials), with
// each mission's meetings, agreements, investment leads and follow-ups, so that every report query
// and the search index have real rows. Reports p50/p99 as counters (Google Benchmark's own timing
// gives the mean).
//   build/default/bench/core/bench_store [--benchmark_filter=...]
// The dataset is built once in a temporary file (about 40 s) and reused by every benchmark.

#include "store.h"
#include "uuid.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace attache;
using nlohmann::json;

namespace {

constexpr int kContacts = 100'000;
constexpr int kMissions = 500;
constexpr int kOfficials = 60;

const char *kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
    "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Tanaka", "Suzuki", "Kim", "Park", "Lee",
    "Smith", "Müller", "Dupont", "Wang", "Chanthavong"};
const char *kMiddle[] = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Hồng", ""};
const char *kGiven[] = {"An", "Bình", "Cường", "Dũng", "Giang", "Hạnh", "Hiếu", "Hòa", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn",
    "Việt", "Yến", "Hiroshi", "Min-jun", "John"};
const char *kOrgs[] = {"JETRO", "Sở Công Thương Hà Tĩnh", "Tập đoàn Formosa", "KOTRA",
    "Bộ Ngoại giao Lào", "Samsung Electronics", "Đại sứ quán Việt Nam tại Nhật",
    "Phòng Thương mại Champasak", "Jeollabuk-do", "Công ty TNHH Vũng Áng"};
const char *kCountries[] = {"JP", "KR", "LA", "TH", "CN", "US", "DE", "FR", "SG", "AU"};
const char *kFields[] = {"trade", "investment", "agriculture", "education", "culture", "tourism"};
const char *kAgreementStatus[] = {"under_negotiation", "signed", "in_implementation", "expired"};
const char *kLeadStatus[] = {"interested", "committed", "licensed", "abandoned"};
const char *kFollowUpStatus[] = {"open", "in_progress", "done", "cancelled"};
const char *kSectors[]
    = {"Thép", "Năng lượng tái tạo", "Dệt may", "Chế biến nông sản", "Logistics"};

// A mission's outcomes, as a delegation records them: 4 meetings, 2 agreements, 2 investment
// leads (USD and VND) and 3 follow-ups.
void addOutcomes(Store &store, std::mt19937 &rng, const std::string &missionId,
    const std::string &start, const std::vector<std::string> &officials)
{
    auto pick = [&](auto &arr) { return arr[rng() % std::size(arr)]; };
    auto must = [](auto r) {
        if (!r) {
            std::fprintf(stderr, "create: %s\n", r.error().message.c_str());
            std::exit(1);
        }
        return r->id;
    };
    std::string meetingId;
    for (int m = 0; m < 4; ++m) {
        meetingId = must(store.create("meeting",
            {{"mission_id", missionId},
                {"starts_at", start + (m < 2 ? "T0" : "T") + std::to_string(8 + m) + ":00"},
                {"counterpart", pick(kOrgs)}, {"counterpart_country", pick(kCountries)},
                {"place", "Trụ sở đối tác"}, {"participant_ids", {officials[0], officials[1]}},
                {"topics", {"Hợp tác thương mại", "Xúc tiến đầu tư"}},
                {"outcome", "Hai bên thống nhất tiếp tục trao đổi sau chuyến công tác"}}));
    }
    for (int a = 0; a < 2; ++a) {
        must(store.create("agreement",
            {{"mission_id", missionId}, {"meeting_id", meetingId},
                {"title", std::string("Biên bản ghi nhớ hợp tác với ") + pick(kOrgs)},
                {"parties", {"UBND tỉnh Hà Tĩnh", pick(kOrgs)}}, {"signed_date", start},
                {"fields", {pick(kFields), pick(kFields)}}, {"status", pick(kAgreementStatus)},
                {"committed_value",
                    {{"amount", 100'000 * (1 + rng() % 50)}, {"currency", "USD"}}}}));
    }
    const char *currencies[] = {"USD", "VND"};
    for (const char *currency : currencies) {
        must(store.create("lead",
            {{"mission_id", missionId}, {"company", pick(kOrgs)}, {"country", pick(kCountries)},
                {"sector", pick(kSectors)}, {"status", pick(kLeadStatus)},
                {"pledged_capital",
                    {{"amount", 1'000'000 * (1 + rng() % 500)}, {"currency", currency}}}}));
    }
    for (int f = 0; f < 3; ++f) {
        must(store.create("followup",
            {{"mission_id", missionId}, {"title", "Gửi tài liệu giới thiệu khu kinh tế Vũng Áng"},
                {"owner_id", officials[f % officials.size()]}, {"due_date", start},
                {"status", pick(kFollowUpStatus)}, {"linked_kind", "meeting"},
                {"linked_id", meetingId}}));
    }
}

struct Dataset
{
    std::string path;
    std::unique_ptr<Store> store; ///< Durability::Full (the default)
    std::unique_ptr<Store> deferred; ///< Durability::Deferred, on the same file
    std::vector<std::string> missionIds;
    std::vector<std::string> contactIds;
};

Dataset &dataset()
{
    static Dataset d = [] {
        Dataset ds;
        ds.path
            = (std::filesystem::temp_directory_path() / ("attache-bench-" + randomHex(6) + ".db"))
                  .string();
        auto s = Store::open(ds.path);
        if (!s) {
            std::fprintf(stderr, "open: %s\n", s.error().message.c_str());
            std::exit(1);
        }
        ds.store = std::move(*s);
        std::mt19937 rng(42);
        auto pick = [&](auto &arr) { return arr[rng() % std::size(arr)]; };
        // Bulk load inside one transaction per 5,000 records, as a first sync would.
        const auto org = *ds.store->create("organisation", {{"name", "Sở Ngoại vụ Hà Tĩnh"}});
        auto &db = ds.store->database();
        std::vector<std::string> officials;
        for (int i = 0; i < kOfficials; ++i) {
            officials.push_back(
                ds.store
                    ->create("user",
                        {{"full_name",
                             std::string(pick(kFamily)) + " " + pick(kMiddle) + " " + pick(kGiven)},
                            {"organisation_id", org.id}})
                    ->id);
        }
        (void)db.exec("BEGIN");
        for (int i = 0; i < kMissions; ++i) {
            char start[16];
            std::snprintf(
                start, sizeof start, "%04d-%02d-%02d", 2016 + i / 50, 1 + i % 12, 1 + i % 27);
            std::string end = start;
            // A leader and three members out of the department's officials: the same official
            // goes on several missions, so person-trips and distinct officials differ.
            std::vector<std::string> team;
            for (int k = 0; k < 4; ++k)
                team.push_back(officials[(size_t(i) * 7 + size_t(k) * 13) % officials.size()]);
            const auto mission = ds.store->create("mission",
                {{"organisation_id", org.id}, {"title", "Đoàn công tác " + std::to_string(i)},
                    {"start_date", start}, {"end_date", end}, {"countries", {pick(kCountries)}},
                    {"status", "report_filed"}, {"leader_id", team[0]},
                    {"member_ids", {team[1], team[2], team[3]}}});
            if (!mission) {
                std::fprintf(stderr, "create: %s\n", mission.error().message.c_str());
                std::exit(1);
            }
            ds.missionIds.push_back(mission->id);
            addOutcomes(*ds.store, rng, mission->id, start, team);
        }
        (void)db.exec("COMMIT");
        for (int i = 0; i < kContacts; ++i) {
            if (i % 5000 == 0)
                (void)db.exec("BEGIN");
            std::string name = std::string(pick(kFamily)) + " ";
            const std::string middle = pick(kMiddle);
            if (!middle.empty())
                name += middle + " ";
            name += pick(kGiven);
            auto r = ds.store->create("contact",
                {{"full_name", name}, {"organisation", pick(kOrgs)}, {"country", pick(kCountries)},
                    {"emails", {"contact" + std::to_string(i) + "@example.com"}},
                    {"phones", {"+84 239 " + std::to_string(1000000 + i)}},
                    {"notes", "Gặp tại hội chợ, quan tâm đầu tư khu kinh tế Vũng Áng"},
                    {"mission_id", ds.missionIds[size_t(i) % ds.missionIds.size()]}});
            if (!r) {
                std::fprintf(stderr, "create: %s\n", r.error().message.c_str());
                std::exit(1);
            }
            ds.contactIds.push_back(r->id);
            if (i % 5000 == 4999)
                (void)db.exec("COMMIT");
        }
        StoreOptions deferredOptions;
        deferredOptions.durability = Durability::Deferred;
        auto second = Store::open(ds.path, deferredOptions);
        if (!second) {
            std::fprintf(stderr, "open: %s\n", second.error().message.c_str());
            std::exit(1);
        }
        ds.deferred = std::move(*second);
        return ds;
    }();
    return d;
}

void reportPercentiles(benchmark::State &state, std::vector<double> &us)
{
    if (us.empty())
        return;
    std::sort(us.begin(), us.end());
    state.counters["p50_us"] = us[us.size() / 2];
    state.counters["p99_us"] = us[std::min(us.size() - 1, us.size() * 99 / 100)];
}

template<typename F> double timeUs(F &&f)
{
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
}

Store &storeFor(benchmark::State &state)
{
    Dataset &d = dataset();
    state.SetLabel(state.range(0) == 0 ? "durability=full" : "durability=deferred");
    return state.range(0) == 0 ? *d.store : *d.deferred;
}

// One contact edited the way the app saves a form: its own transaction. Arg 0: fsync'd before
// returning (Durability::Full); arg 1: Durability::Deferred (flushed later, off the UI path).
void BM_SaveContact(benchmark::State &state)
{
    Dataset &d = dataset();
    Store &store = storeFor(state);
    std::vector<double> us;
    size_t i = 0;
    for (auto _ : state) {
        const auto &id = d.contactIds[(i++ * 7919) % d.contactIds.size()];
        us.push_back(timeUs([&] {
            auto r = store.update("contact", id, {{"title", "Giám đốc " + std::to_string(i)}});
            if (!r)
                state.SkipWithError(r.error().message.c_str());
        }));
    }
    reportPercentiles(state, us);
}
BENCHMARK(BM_SaveContact)->Arg(0)->Arg(1)->Iterations(2000)->Unit(benchmark::kMicrosecond);

void BM_CreateContact(benchmark::State &state)
{
    Dataset &d = dataset();
    Store &store = storeFor(state);
    std::vector<double> us;
    for (auto _ : state) {
        us.push_back(timeUs([&] {
            auto r = store.create("contact",
                {{"full_name", "Phạm Minh Quân"}, {"organisation", "KOTRA"},
                    {"mission_id", d.missionIds[0]}});
            if (!r)
                state.SkipWithError(r.error().message.c_str());
        }));
    }
    reportPercentiles(state, us);
}
BENCHMARK(BM_CreateContact)->Arg(0)->Arg(1)->Iterations(1000)->Unit(benchmark::kMicrosecond);

// Search as you type: every prefix of a few queries typed without diacritics, one keystroke at a
// time, 20 results each, as the app's search box asks for them.
void BM_SearchAsYouType(benchmark::State &state)
{
    Dataset &d = dataset();
    const std::vector<std::string> queries = {"nguyen van an", "tanaka hiroshi", "so cong thuong",
        "dang thi lan", "vung ang", "jetro", "min-jun kim", "chanthavong"};
    std::vector<std::string> keystrokes;
    for (const auto &q : queries) {
        for (size_t n = 1; n <= q.size(); ++n)
            keystrokes.push_back(q.substr(0, n));
    }
    std::vector<double> us;
    size_t i = 0;
    for (auto _ : state) {
        const auto &q = keystrokes[i++ % keystrokes.size()];
        us.push_back(timeUs([&] {
            auto r = d.store->search(q, 20);
            if (!r)
                state.SkipWithError(r.error().message.c_str());
            benchmark::DoNotOptimize(r);
        }));
    }
    reportPercentiles(state, us);
}
BENCHMARK(BM_SearchAsYouType)->Iterations(2000)->Unit(benchmark::kMicrosecond);

void BM_AnnualReport(benchmark::State &state)
{
    Dataset &d = dataset();
    std::vector<double> us;
    ReportFigures figures;
    for (auto _ : state) {
        us.push_back(timeUs([&] {
            ReportFilter f;
            f.from = "2020-01-01";
            f.to = "2020-12-31";
            auto r = d.store->report(f);
            if (!r)
                state.SkipWithError(r.error().message.c_str());
            else
                figures = *r;
        }));
    }
    reportPercentiles(state, us);
    // What the report counted, so that a figure over empty tables would show.
    state.counters["missions"] = double(figures.missions);
    state.counters["person_trips"] = double(figures.personTrips);
    state.counters["officials"] = double(figures.distinctOfficials);
    state.counters["meetings"] = double(figures.meetings);
    state.counters["agreements"] = double(figures.agreements);
    state.counters["contacts"] = double(figures.contacts);
    state.counters["leads"] = double(figures.leads);
    state.counters["followups_open"] = double(figures.followUpsOpen);
}
BENCHMARK(BM_AnnualReport)->Iterations(50)->Unit(benchmark::kMillisecond);

void BM_AllTimeReport(benchmark::State &state)
{
    Dataset &d = dataset();
    std::vector<double> us;
    for (auto _ : state) {
        us.push_back(timeUs([&] {
            auto r = d.store->report({});
            benchmark::DoNotOptimize(r);
        }));
    }
    reportPercentiles(state, us);
}
BENCHMARK(BM_AllTimeReport)->Iterations(20)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    auto &d = dataset();
    const std::string path = d.path;
    d.store.reset();
    d.deferred.reset();
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    return 0;
}
