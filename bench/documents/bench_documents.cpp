// The annual summary a department head hands in, over a year of 500 missions holding 100,000
// contacts (plus 1,000 meetings, 500 agreements, 1,000 leads, 1,000 follow-ups): data, CSV and
// the full PDF. Target (issue 6): under 2 s end to end.
//   build/docs/bench/documents/bench_documents [--benchmark_filter=...]
// The dataset is built once in a temporary file (about a minute) and reused.

#include "dashboarddata.h"
#include "pdfwriter.h"
#include "reportcsv.h"
#include "reportdata.h"
#include "reporthtml.h"
#include "store.h"
#include "uuid.h"

#include <QGuiApplication>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>
#include <random>

using namespace attache;
using namespace attache::documents;
using nlohmann::json;

namespace {

constexpr int kMissions = 500;
constexpr int kContactsPerMission = 200; // 100,000 contacts
const char *kCountries[] = {"JP", "KR", "LA", "TH", "CN", "US", "DE", "FR", "SG", "AU"};
const char *kFields[] = {"trade", "investment", "agriculture", "education", "culture", "tourism"};

struct Dataset
{
    std::string path;
    std::unique_ptr<Store> store;
    ReportFilter year;
};

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "dataset: %s failed\n", what);
        std::exit(1);
    }
}

Dataset &dataset()
{
    static Dataset d = [] {
        Dataset ds;
        ds.path = (std::filesystem::temp_directory_path()
            / ("attache-bench-docs-" + randomHex(6) + ".db"))
                      .string();
        auto s = Store::open(ds.path);
        check(s.ok(), "open");
        ds.store = std::move(*s);
        Store &st = *ds.store;
        std::mt19937 rng(42);
        auto pick = [&](auto &arr) { return arr[rng() % std::size(arr)]; };
        auto org = st.create("organisation", {{"name", "Sở Ngoại vụ Hà Tĩnh"}});
        check(org.ok(), "organisation");
        std::vector<std::string> users;
        for (int i = 0; i < 60; ++i) {
            auto u = st.create("user",
                {{"full_name", "Cán bộ " + std::to_string(i)}, {"organisation_id", org->id}});
            check(u.ok(), "user");
            users.push_back(u->id);
        }
        // One transaction per 25 missions (about 5,000 contacts), as a first sync would.
        std::optional<Transaction> tx;
        for (int i = 0; i < kMissions; ++i) {
            if (i % 25 == 0) {
                if (tx)
                    check(tx->commit().ok(), "commit");
                auto begun = Transaction::begin(st.database());
                check(begun.ok(), "begin");
                tx.emplace(std::move(*begun));
            }
            char start[16];
            std::snprintf(start, sizeof start, "2026-%02d-%02d", 1 + i % 12, 1 + i % 27);
            json members = json::array();
            for (int k = 0; k < 3; ++k)
                members.push_back(users[rng() % users.size()]);
            auto m = st.create("mission",
                {{"organisation_id", org->id}, {"title", "Đoàn công tác số " + std::to_string(i)},
                    {"start_date", start}, {"end_date", start}, {"countries", {pick(kCountries)}},
                    {"leader_id", users[rng() % users.size()]}, {"member_ids", members}});
            check(m.ok(), "mission");
            for (int k = 0; k < 2; ++k) {
                check(st.create("meeting",
                            {{"mission_id", m->id}, {"starts_at", std::string(start) + "T09:00"},
                                {"counterpart", "Đối tác " + std::to_string(k)}})
                          .ok(),
                    "meeting");
                check(st.create("lead",
                            {{"mission_id", m->id}, {"company", "Công ty " + std::to_string(k)},
                                {"country", pick(kCountries)},
                                {"pledged_capital",
                                    {{"amount", std::int64_t(rng() % 1'000'000) * 100},
                                        {"currency", k == 0 ? "USD" : "VND"}}},
                                {"status", k == 0 ? "committed" : "interested"}})
                          .ok(),
                    "lead");
                check(st.create("followup",
                            {{"mission_id", m->id}, {"title", "Việc " + std::to_string(k)},
                                {"due_date", "2026-12-31"}, {"status", k == 0 ? "done" : "open"}})
                          .ok(),
                    "followup");
            }
            check(st.create("agreement",
                        {{"mission_id", m->id}, {"title", "Biên bản ghi nhớ " + std::to_string(i)},
                            {"kind", "mou"}, {"status", "signed"}, {"signed_date", start},
                            {"fields", {pick(kFields)}}, {"parties", {"UBND tỉnh", "Đối tác"}}})
                      .ok(),
                "agreement");
            for (int c = 0; c < kContactsPerMission; ++c) {
                check(st.create("contact",
                            {{"full_name", "Đầu mối " + std::to_string(i * 1000 + c)},
                                {"organisation", "Công ty " + std::to_string(c % 50)},
                                {"country", pick(kCountries)}, {"mission_id", m->id}})
                          .ok(),
                    "contact");
            }
        }
        check(tx->commit().ok(), "commit");
        check(st.flush().ok(), "flush");
        ds.year.from = "2026-01-01";
        ds.year.to = "2026-12-31";
        ds.year.asOf = "2027-01-15";
        return ds;
    }();
    return d;
}

DocumentHeader header()
{
    DocumentHeader h;
    h.parentOrganisation = "UBND tỉnh Hà Tĩnh";
    h.number = "15/BC-SNV";
    h.place = "Hà Tĩnh";
    h.date = "2027-01-15";
    h.signerTitle = "Giám đốc";
    h.signerName = "Thái Phúc Sơn";
    return h;
}

void BM_AnnualSummaryData(benchmark::State &state)
{
    auto &d = dataset();
    for (auto _ : state) {
        auto s = loadSummary(*d.store, d.year);
        if (!s || s->figures.contacts != kMissions * kContactsPerMission)
            state.SkipWithError("wrong figures");
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(BM_AnnualSummaryData)->Unit(benchmark::kMillisecond);

void BM_AnnualSummaryCsv(benchmark::State &state)
{
    auto &d = dataset();
    for (auto _ : state) {
        auto s = loadSummary(*d.store, d.year);
        if (!s)
            state.SkipWithError("load failed");
        const std::string csv = summaryCsv(*s);
        benchmark::DoNotOptimize(csv);
    }
}
BENCHMARK(BM_AnnualSummaryCsv)->Unit(benchmark::kMillisecond);

void BM_AnnualSummaryLayout(benchmark::State &state)
{
    auto &d = dataset();
    int pages = 0;
    for (auto _ : state) {
        auto s = loadSummary(*d.store, d.year);
        if (!s)
            state.SkipWithError("load failed");
        auto n = pdfPageCount(summaryHtml(*s, header()));
        if (!n)
            state.SkipWithError(n.error().message.c_str());
        else
            pages = *n;
    }
    state.counters["pages"] = pages;
}
BENCHMARK(BM_AnnualSummaryLayout)->Unit(benchmark::kMillisecond);

void BM_AnnualSummaryPdf(benchmark::State &state)
{
    auto &d = dataset();
    const QString out = QString::fromStdString(d.path + ".pdf");
    for (auto _ : state) {
        auto s = loadSummary(*d.store, d.year);
        if (!s)
            state.SkipWithError("load failed");
        auto written = writePdf(summaryHtml(*s, header()), out, QStringLiteral("Tổng kết"));
        if (!written)
            state.SkipWithError(written.error().message.c_str());
    }
    state.counters["pdf_bytes"] = double(std::filesystem::file_size(out.toStdString()));
    std::filesystem::remove(out.toStdString());
}
BENCHMARK(BM_AnnualSummaryPdf)->Unit(benchmark::kMillisecond);

// The manager's dashboard (issue 6) on the same year: figures and the three charts, as
// DashboardModel computes them on the app's worker thread at every change of period.
void BM_Dashboard(benchmark::State &state)
{
    auto &d = dataset();
    for (auto _ : state) {
        auto s = loadDashboard(*d.store, d.year);
        if (!s || s->figures.contacts != kMissions * kContactsPerMission
            || s->missionsByMonth.size() != 12)
            state.SkipWithError("wrong dashboard");
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(BM_Dashboard)->Unit(benchmark::kMillisecond);

// Drill-downs: the biggest (every contact of the year) and a typical bar (one country).
void BM_DrillDown(benchmark::State &state, const char *key)
{
    auto &d = dataset();
    std::size_t rows = 0;
    for (auto _ : state) {
        auto items = loadDrillDown(*d.store, d.year, key);
        if (!items)
            state.SkipWithError(items.error().message.c_str());
        else
            rows = items->size();
    }
    state.counters["rows"] = double(rows);
}
BENCHMARK_CAPTURE(BM_DrillDown, contacts, "contacts")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DrillDown, country, "country:JP")->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    auto &d = dataset();
    d.store.reset();
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(d.path + suffix);
    return 0;
}
