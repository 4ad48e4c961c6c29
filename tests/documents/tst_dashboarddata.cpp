// The dashboard's figures, charts and drill-downs (documents/dashboarddata) on the fixture
// department, against values computed by hand (see dashboardfixture.h and the comments).

#include "dashboarddata.h"
#include "dashboardfixture.h"
#include "reportdata.h"
#include "reportjson.h"
#include "storefixture.h"
#include "uuid.h"

#include <QTest>

using namespace attache;
using namespace attache::documents;

namespace {

std::vector<std::string> titles(const std::vector<DrillItem> &items)
{
    std::vector<std::string> out;
    for (const auto &i : items)
        out.push_back(i.title);
    return out;
}

using Titles = std::vector<std::string>;

} // namespace

class TestDashboardData : public QObject
{
    Q_OBJECT

    StoreFixture fx;
    DashboardFixture d;
    ReportFilter year;

    std::vector<DrillItem> drill(const std::string &key)
    {
        auto r = loadDrillDown(*fx.store, year, key);
        if (!r) {
            qWarning("%s: %s", key.c_str(), r.error().message.c_str());
            return {};
        }
        return *r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(fx.open());
        try {
            d.build(*fx.store);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        year.from = "2026-01-01";
        year.to = "2026-12-31";
        year.organisationId = d.org;
        year.asOf = "2027-01-15";
    }

    void figuresAndCharts()
    {
        auto r = loadDashboard(*fx.store, year);
        REQUIRE_OK(r);
        const auto &f = r->figures;
        QCOMPARE(f.missions, 3);
        QCOMPARE(f.personTrips, 6); // 3 + 2 (Sơn leads and is a member: once) + 1
        QCOMPARE(f.distinctOfficials, 4);
        QCOMPARE(f.meetings, 4);
        QCOMPARE(f.agreementsSigned, 2);
        QCOMPARE(f.contacts, 5);
        QCOMPARE(f.pledgedCapital,
            (std::map<std::string, std::int64_t> {{"USD", 175000050}, {"VND", 337500000000}}));
        QCOMPARE(f.followUpsOpen, 2);
        QCOMPARE(f.followUpsOverdue, 1);

        // The same figures as the period summary document.
        auto summary = loadSummary(*fx.store, year);
        REQUIRE_OK(summary);
        QCOMPARE(summary->figures.personTrips, f.personTrips);
        QCOMPARE(summary->figures.pledgedCapital, f.pledgedCapital);

        // By month: every month of 2026, missions in March, May and December.
        QCOMPARE(r->missionsByMonth.size(), size_t(12));
        QCOMPARE(r->missionsByMonth.front().key, std::string("2026-01"));
        QCOMPARE(r->missionsByMonth.back().key, std::string("2026-12"));
        std::vector<std::int64_t> perMonth;
        for (const auto &b : r->missionsByMonth)
            perMonth.push_back(b.value);
        QCOMPARE(perMonth, (std::vector<std::int64_t> {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1}));

        // By country: Japan, Korea, Laos and Thailand once each (m3 goes to two countries).
        QCOMPARE(r->missionsByCountry.size(), size_t(4));
        for (const auto &b : r->missionsByCountry)
            QCOMPARE(b.value, 1);
        QCOMPARE(r->missionsByCountry[3].key, std::string("TH"));

        // By field: trade twice (m1's MoU and m3's), then one each, alphabetically.
        QCOMPARE(r->agreementsByField.size(), size_t(4));
        QCOMPARE(r->agreementsByField[0].key, std::string("trade"));
        QCOMPARE(r->agreementsByField[0].value, 2);
        QCOMPARE(r->agreementsByField[1].key, std::string("culture"));
        QCOMPARE(r->agreementsByField[3].key, std::string("investment"));
    }

    void monthsOfAnOpenPeriod()
    {
        // No dates: from the first mission's month (Nov 2025, "Đoàn năm trước") to the last.
        ReportFilter all;
        all.organisationId = d.org;
        auto r = loadDashboard(*fx.store, all);
        REQUIRE_OK(r);
        QCOMPARE(r->figures.missions, 4);
        QCOMPARE(r->missionsByMonth.size(), size_t(14)); // 2025-11 … 2026-12
        QCOMPARE(r->missionsByMonth.front().key, std::string("2025-11"));
        QCOMPARE(r->missionsByMonth.front().value, 1);
        // A custom period inside the year.
        ReportFilter spring = year;
        spring.from = "2026-03-01";
        spring.to = "2026-05-31";
        auto s = loadDashboard(*fx.store, spring);
        REQUIRE_OK(s);
        QCOMPARE(s->figures.missions, 2);
        QCOMPARE(s->missionsByMonth.size(), size_t(3));
        QCOMPARE(s->missionsByMonth[1].value, 0); // April
    }

    void missionDrillDowns()
    {
        const auto missions = drill("missions");
        QCOMPARE(titles(missions),
            (Titles {"Xúc tiến đầu tư tại Nhật Bản", "Thăm tỉnh kết nghĩa Jeollabuk",
                "Hội chợ thương mại Việt - Lào"}));
        QCOMPARE(missions[0].kind, std::string("mission"));
        QCOMPARE(missions[0].id, d.m1);
        QCOMPARE(missions[0].date, std::string("2026-03-09"));
        QCOMPARE(missions[2].country, std::string("LA,TH"));
        // Person-trips: the missions with their people, adding up to the figure.
        const auto trips = drill("personTrips");
        std::int64_t sum = 0;
        for (const auto &m : trips)
            sum += m.count;
        QCOMPARE(sum, 6);
        QCOMPARE(trips[1].count, 2);

        const auto officials = drill("officials");
        QCOMPARE(titles(officials),
            (Titles {"Lê Văn Dũng", "Nguyễn Hồng Lĩnh", "Thái Phúc Sơn", "Trần Thị Hạnh"}));
        QCOMPARE(officials[0].kind, std::string("user"));
        QCOMPARE(officials[0].count, 2); // Dũng: m1 and m3
        QCOMPARE(officials[3].count, 2); // Hạnh: m1 and m2

        QCOMPARE(titles(drill("country:TH")), (Titles {"Hội chợ thương mại Việt - Lào"}));
        QCOMPARE(titles(drill("country:JP")), (Titles {"Xúc tiến đầu tư tại Nhật Bản"}));
        QCOMPARE(titles(drill("month:2026-05")), (Titles {"Thăm tỉnh kết nghĩa Jeollabuk"}));
        QVERIFY(drill("month:2026-04").empty());
        QVERIFY(drill("country:CN").empty()); // Nghệ An's mission is another organisation's
    }

    void recordDrillDowns()
    {
        const auto meetings = drill("meetings");
        QCOMPARE(titles(meetings),
            (Titles {"JETRO", "Toyota Tsusho", "Jeollabuk-do", "Phòng Thương mại Champasak"}));
        QCOMPARE(meetings[0].missionTitle, std::string("Xúc tiến đầu tư tại Nhật Bản"));
        QCOMPARE(meetings[0].missionId, d.m1);

        const auto signedOnes = drill("agreementsSigned");
        QCOMPARE(titles(signedOnes),
            (Titles {"Biên bản ghi nhớ hợp tác xúc tiến đầu tư", "Thỏa thuận hợp tác giáo dục"}));
        QCOMPARE(signedOnes[0].id, d.agrInvest);
        QCOMPARE(signedOnes[0].detail, std::string("investment,trade"));
        QCOMPARE(drill("agreements").size(), size_t(3)); // undated one last
        QCOMPARE(drill("agreements").back().id, d.agrTrade);
        QCOMPARE(titles(drill("field:trade")),
            (Titles {"Biên bản ghi nhớ hợp tác xúc tiến đầu tư",
                "Biên bản ghi nhớ về thương mại biên giới"}));
        QVERIFY(drill("field:health").empty()); // only on the deleted agreement

        QCOMPARE(titles(drill("contacts")),
            (Titles {"<b>Không</b> rõ quốc tịch", "Khamphong Sisavath", "Kim Min-jun", "Sato Yuki",
                "Tanaka Hiroshi"}));

        const auto usd = drill("capital:USD");
        QCOMPARE(titles(usd), (Titles {"Toyota Tsusho", "Aeon Mall"}));
        QCOMPARE(usd[0].amount + usd[1].amount, 175000050);
        QCOMPARE(usd[0].currency, std::string("USD"));
        QCOMPARE(titles(drill("capital:VND")), (Titles {"Samsung Electronics"})); // Lao abandoned
        QCOMPARE(drill("leads").size(), size_t(4));

        const auto open = drill("followUpsOpen");
        QCOMPARE(titles(open), (Titles {"Chuẩn bị hồ sơ dự án Toyota", "Trao đổi sinh viên"}));
        QCOMPARE(open[0].detail, std::string("Lê Văn Dũng")); // the owner
        QCOMPARE(open[0].date, std::string("2026-12-31"));
        QCOMPARE(titles(drill("followUpsOverdue")), (Titles {"Chuẩn bị hồ sơ dự án Toyota"}));
        QCOMPARE(titles(drill("followUpsDone")), (Titles {"Gửi thư cảm ơn JETRO"}));

        // Every figure equals the size of its drill-down.
        auto r = loadDashboard(*fx.store, year);
        REQUIRE_OK(r);
        const auto &f = r->figures;
        QCOMPARE(std::int64_t(drill("missions").size()), f.missions);
        QCOMPARE(std::int64_t(drill("officials").size()), f.distinctOfficials);
        QCOMPARE(std::int64_t(meetings.size()), f.meetings);
        QCOMPARE(std::int64_t(signedOnes.size()), f.agreementsSigned);
        QCOMPARE(std::int64_t(drill("contacts").size()), f.contacts);
        QCOMPARE(std::int64_t(open.size()), f.followUpsOpen);
        for (const auto &bar : r->missionsByCountry)
            QCOMPARE(std::int64_t(drill("country:" + bar.key).size()), bar.value);
        for (const auto &bar : r->missionsByMonth)
            QCOMPARE(std::int64_t(drill("month:" + bar.key).size()), bar.value);
        for (const auto &bar : r->agreementsByField)
            QCOMPARE(std::int64_t(drill("field:" + bar.key).size()), bar.value);

        REQUIRE_ERROR(loadDrillDown(*fx.store, year, "nonsense"), "invalid_value");
        REQUIRE_ERROR(loadDrillDown(*fx.store, year, "month:2026"), "invalid_value");
        // A filter the figures refuse lists nothing either (December is not left out silently).
        ReportFilter shortTo = year;
        shortTo.to = "2026-12";
        REQUIRE_ERROR(loadDrillDown(*fx.store, shortTo, "missions"), "invalid_date");
        ReportFilter backwards = year;
        backwards.from = "2027-01-01";
        REQUIRE_ERROR(loadDrillDown(*fx.store, backwards, "meetings"), "invalid_period");
    }

    void followUpList()
    {
        auto r = loadFollowUps(*fx.store);
        REQUIRE_OK(r);
        Titles t;
        for (const auto &f : *r)
            t.push_back(f.title);
        // By due date across every mission.
        QCOMPARE(t,
            (Titles {"Gửi thư cảm ơn JETRO", "Khảo sát cửa khẩu", "Chuẩn bị hồ sơ dự án Toyota",
                "Trao đổi sinh viên"}));
        QCOMPARE((*r)[0].ownerName, std::string("Trần Thị Hạnh"));
        QCOMPARE((*r)[0].ownerId, d.hanh);
        QCOMPARE((*r)[0].missionTitle, std::string("Xúc tiến đầu tư tại Nhật Bản"));
        QCOMPARE((*r)[1].status, std::string("cancelled"));
        QVERIFY((*r)[0].linkedId.empty() && (*r)[0].linkedTitle.empty());

        // Follow-ups added from a record name it; one whose record is not on the device keeps
        // the link without a title.
        REQUIRE_OK(fx.store->update(
            "followup", d.fuThanks, {{"linked_kind", "agreement"}, {"linked_id", d.agrInvest}}));
        const std::string absent = attache::makeUuidV7();
        REQUIRE_OK(fx.store->update(
            "followup", d.fuSurvey, {{"linked_kind", "lead"}, {"linked_id", absent}}));
        auto linked = loadFollowUps(*fx.store);
        REQUIRE_OK(linked);
        QCOMPARE((*linked)[0].linkedKind, std::string("agreement"));
        QCOMPARE((*linked)[0].linkedId, d.agrInvest);
        QCOMPARE((*linked)[0].linkedTitle, std::string("Biên bản ghi nhớ hợp tác xúc tiến đầu tư"));
        QCOMPARE((*linked)[1].linkedId, absent);
        QCOMPARE((*linked)[1].linkedTitle, std::string());
        QVERIFY((*linked)[2].linkedId.empty());

        auto other = loadFollowUps(*fx.store, d.otherOrg);
        REQUIRE_OK(other);
        QVERIFY(other->empty());
    }

    void summaryAsJson()
    {
        auto s = loadSummary(*fx.store, year);
        REQUIRE_OK(s);
        const auto j = nlohmann::json::parse(summaryJson(*s));
        QCOMPARE(j["organisation"].get<std::string>(), std::string("Sở Ngoại vụ Hà Tĩnh"));
        QCOMPARE(j["period"]["from"].get<std::string>(), std::string("2026-01-01"));
        QCOMPARE(j["as_of"].get<std::string>(), std::string("2027-01-15"));
        const auto &f = j["figures"];
        QCOMPARE(f["missions"].get<int>(), 3);
        QCOMPARE(f["person_trips"].get<int>(), 6);
        QCOMPARE(f["distinct_officials"].get<int>(), 4);
        QCOMPARE(f["agreements_signed"].get<int>(), 2);
        QCOMPARE(f["pledged_capital"]["USD"].get<std::int64_t>(), 175000050);
        QCOMPARE(f["pledged_capital"]["VND"].get<std::int64_t>(), 337500000000);
        QCOMPARE(f["follow_ups_overdue"].get<int>(), 1);
        QCOMPARE(j["missions"].size(), size_t(3));
        QCOMPARE(j["missions"][0]["people"].get<int>(), 3);
        QCOMPARE(j["agreements_signed"].size(), size_t(2));
        QCOMPARE(j["leads_by_country"]["KR"]["pledged_capital"]["VND"].get<std::int64_t>(),
            337500000000);
    }
};

QTEST_GUILESS_MAIN(TestDashboardData)
#include "tst_dashboarddata.moc"
