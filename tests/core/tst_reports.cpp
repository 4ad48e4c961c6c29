#include "storefixture.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include "uuid.h"

using namespace attache;
using nlohmann::json;
using Counts = std::map<std::string, std::int64_t>;

/// Report figures against a fixture whose every number is computed by hand in the comments.
class TestReports : public QObject
{
    Q_OBJECT
    StoreFixture fx;
    std::string orgA, orgB, u[10], m1, m2, m3, m4, m5;

    std::string mission(const std::string &org, const char *start, json countries,
        const std::string &leader, json members)
    {
        std::string end = start;
        end[9] = '8';
        return fx
            .add("mission",
                {{"organisation_id", org}, {"title", std::string("Đoàn ") + start},
                    {"start_date", start}, {"end_date", end}, {"countries", countries},
                    {"leader_id", leader}, {"member_ids", members}})
            .id;
    }
    void agreement(const std::string &m, const char *status, json fields)
    {
        fx.add("agreement",
            {{"mission_id", m}, {"title", "MoU"}, {"status", status}, {"fields", fields}});
    }
    void contact(const std::string &m, const char *country)
    {
        json c = {{"full_name", "Đối tác"}, {"mission_id", m}};
        if (*country)
            c["country"] = country;
        fx.add("contact", c);
    }
    void lead(const std::string &m, std::int64_t amount, const char *currency, const char *status)
    {
        fx.add("lead",
            {{"mission_id", m}, {"company", "Công ty"}, {"status", status},
                {"pledged_capital", {{"amount", amount}, {"currency", currency}}}});
    }
    void followup(const std::string &m, const char *status, const char *due)
    {
        json f = {{"mission_id", m}, {"title", "Việc"}, {"status", status}};
        if (*due)
            f["due_date"] = due;
        fx.add("followup", f);
    }

    ReportFigures report(ReportFilter f)
    {
        f.asOf = f.asOf.empty() ? "2021-01-15" : f.asOf;
        auto r = fx.store->report(f);
        if (!r)
            qFatal("report failed: %s", r.error().message.c_str());
        return *r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(fx.open());
        orgA = fx.add("organisation", {{"name", "Sở Ngoại vụ Hà Tĩnh"}}).id;
        orgB = fx.add("organisation", {{"name", "Sở Công Thương Quảng Ngãi"}}).id;
        for (auto &id : u)
            id = makeUuidV7();
        // 2020, organisation A:
        //  M1 JP:    leader u1, members u2 u3      → 3 people
        //  M2 KR+JP: leader u1, members u4         → 2 people (u1 again: a second person-trip)
        //  M3 LA:    leader u2, members u2 u5      → 2 people (leader listed twice counts once)
        // Outside: M4 (2021, A), M5 (2020, organisation B), M6 (2020, A, deleted).
        m1 = mission(orgA, "2020-03-02", {"JP"}, u[1], {u[2], u[3]});
        m2 = mission(orgA, "2020-06-01", {"KR", "JP"}, u[1], {u[4]});
        m3 = mission(orgA, "2020-11-10", {"LA"}, u[2], {u[2], u[5]});
        m4 = mission(orgA, "2021-01-04", {"JP"}, u[3], {u[4]});
        m5 = mission(orgB, "2020-05-04", {"JP"}, u[9], {u[8]});
        const std::string m6 = mission(orgA, "2020-08-03", {"JP"}, u[6], {u[7]});
        REQUIRE_OK(fx.store->remove("mission", m6));

        // Meetings: M1 two (+1 deleted), M2 one, M4 one → 3 in 2020/A.
        std::string last;
        for (const auto &m : {m1, m1, m2, m4, m1}) {
            last = fx.add("meeting",
                         {{"mission_id", m}, {"starts_at", "2020-03-03T10:00"},
                             {"counterpart", "JETRO"}})
                       .id;
        }
        REQUIRE_OK(fx.store->remove("meeting", last));
        QCOMPARE(*fx.store->count("meeting"), std::int64_t(4));

        // Agreements: 3 in 2020/A; signed+in implementation = 2; fields trade 2, investment 1,
        // education 1.
        agreement(m1, "signed", {"trade", "investment"});
        agreement(m2, "under_negotiation", {"education"});
        agreement(m3, "in_implementation", {"trade"});
        agreement(m4, "signed", {"trade"});
        agreement(m5, "signed", {"trade"});

        // Contacts: JP 2, KR 1, LA 1, unknown 1 → 5 (a deleted one and one with no mission
        // do not count).
        contact(m1, "JP");
        contact(m1, "JP");
        contact(m2, "KR");
        contact(m3, "LA");
        contact(m3, "");
        contact(m4, "JP");
        fx.add("contact", {{"full_name", "Không thuộc đoàn"}});
        const auto gone = fx.add("contact", {{"full_name", "Đã xóa"}, {"mission_id", m1}});
        REQUIRE_OK(fx.store->remove("contact", gone.id));

        // Leads: 4 in 2020/A. Pledged (not abandoned): USD 15,000,000.00 + 2,500.00
        // = 1,500,250,000 cents; VND 337,500,000,000.
        lead(m1, 1'500'000'000, "USD", "committed");
        lead(m2, 250'000, "USD", "interested");
        lead(m2, 337'500'000'000, "VND", "licensed");
        lead(m3, 99'900, "USD", "abandoned");
        lead(m5, 7'000, "USD", "committed");

        // Follow-ups as of 2021-01-15: open 3 (f1, f3, f4), done 1, overdue 1 (f1).
        followup(m1, "open", "2020-12-01");
        followup(m1, "done", "2020-04-01");
        followup(m2, "in_progress", "2021-02-01");
        followup(m2, "open", "");
        followup(m3, "cancelled", "2020-12-01");
        followup(m4, "open", "2020-12-01");
    }

    void annualFigures()
    {
        ReportFilter f;
        f.from = "2020-01-01";
        f.to = "2020-12-31";
        f.organisationId = orgA;
        const ReportFigures r = report(f);
        QCOMPARE(r.missions, 3);
        QCOMPARE(r.personTrips, 7);
        QCOMPARE(r.distinctOfficials, 5);
        QCOMPARE(r.meetings, 3);
        QCOMPARE(r.agreements, 3);
        QCOMPARE(r.agreementsSigned, 2);
        QCOMPARE(r.agreementsByField, (Counts {{"trade", 2}, {"investment", 1}, {"education", 1}}));
        QCOMPARE(r.agreementsByStatus,
            (Counts {{"signed", 1}, {"under_negotiation", 1}, {"in_implementation", 1}}));
        QCOMPARE(r.contacts, 5);
        QCOMPARE(r.contactsByCountry, (Counts {{"JP", 2}, {"KR", 1}, {"LA", 1}, {"", 1}}));
        QCOMPARE(r.leads, 4);
        QCOMPARE(r.pledgedCapital, (Counts {{"USD", 1'500'250'000}, {"VND", 337'500'000'000}}));
        QCOMPARE(r.missionsByCountry, (Counts {{"JP", 2}, {"KR", 1}, {"LA", 1}}));
        QCOMPARE(r.followUpsOpen, 3);
        QCOMPARE(r.followUpsDone, 1);
        QCOMPARE(r.followUpsOverdue, 1);
    }

    void byCountry()
    {
        ReportFilter f;
        f.from = "2020-01-01";
        f.to = "2020-12-31";
        f.organisationId = orgA;
        f.country = "JP";
        const ReportFigures r = report(f);
        QCOMPARE(r.missions, 2); // M1, M2
        QCOMPARE(r.personTrips, 5); // 3 + 2
        QCOMPARE(r.distinctOfficials, 4); // u1 u2 u3 u4
        QCOMPARE(r.meetings, 3);
    }

    void oneMission()
    {
        ReportFilter f;
        f.missionId = m3;
        const ReportFigures r = report(f);
        QCOMPARE(r.missions, 1);
        QCOMPARE(r.personTrips, 2);
        QCOMPARE(r.distinctOfficials, 2);
        QCOMPARE(r.agreements, 1);
        QCOMPARE(r.contacts, 2);
        QCOMPARE(r.pledgedCapital, Counts {});
    }

    void openEndedAndAllOrganisations()
    {
        ReportFigures all = report({});
        QCOMPARE(all.missions, 5); // M1-M5; M6 deleted
        QCOMPARE(all.personTrips, 7 + 2 + 2); // + M4 (u3 u4) + M5 (u9 u8)
        QCOMPARE(all.distinctOfficials, 5 + 2); // + u8 u9
        ReportFilter from2021;
        from2021.from = "2021-01-01";
        const ReportFigures r = report(from2021);
        QCOMPARE(r.missions, 1);
        QCOMPARE(r.followUpsOverdue, 1); // M4's follow-up was due 2020-12-01
        ReportFilter later = from2021;
        later.asOf = "2020-11-01";
        QCOMPARE(report(later).followUpsOverdue, 0);
    }

    void emptyPeriod()
    {
        ReportFilter f;
        f.from = "2030-01-01";
        const ReportFigures r = report(f);
        QCOMPARE(r.missions, 0);
        QCOMPARE(r.personTrips, 0);
        QVERIFY(r.contactsByCountry.empty());
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
