#include "storefixture.h"
#include <QtCore/qfloat16.h> // complete before nlohmann::json meets QCOMPARE

#include "uuid.h"

using namespace attache;
using nlohmann::json;

// So that a failing comparison of two maps shows them.
namespace QTest {
template<> char *toString(const std::map<std::string, std::int64_t> &counts)
{
    std::string s = "{";
    for (const auto &[key, n] : counts)
        s += (s.size() > 1 ? ", " : "") + key + ": " + std::to_string(n);
    return qstrdup((s + "}").c_str());
}
} // namespace QTest

// checkFigures, then the caller's line, since one test compares several reports.
#define CHECK_FIGURES(actual, ...)                                                                 \
    do {                                                                                           \
        checkFigures(actual, __VA_ARGS__);                                                         \
        if (QTest::currentTestFailed())                                                            \
            QFAIL("these figures differ (see above)");                                             \
    } while (false)

// Expected figures are written with designated initializers, and a figure left out is meant to
// be zero or empty: that is exactly what GCC's missing-initializer warning objects to.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

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

    // M2's figures (2020, Korea and Japan): u1 and u4, one meeting, an agreement under
    // negotiation, a Korean contact, two leads, two open follow-ups not yet due.
    static ReportFigures m2Figures()
    {
        return {.missions = 1,
            .personTrips = 2,
            .distinctOfficials = 2,
            .meetings = 1,
            .agreements = 1,
            .agreementsByField = {{"education", 1}},
            .agreementsByStatus = {{"under_negotiation", 1}},
            .contacts = 1,
            .contactsByCountry = {{"KR", 1}},
            .leads = 2,
            .pledgedCapital = {{"USD", 250'000}, {"VND", 337'500'000'000}},
            .missionsByCountry = {{"JP", 1}, {"KR", 1}},
            .followUpsOpen = 2};
    }

    // M3's figures (2020, Laos): u2 (leader and member: once) and u5, an agreement in
    // implementation, a Laotian contact and one of unknown country, an abandoned lead (a lead,
    // but no pledged capital), a cancelled follow-up (neither open nor done nor overdue).
    static ReportFigures m3Figures()
    {
        return {.missions = 1,
            .personTrips = 2,
            .distinctOfficials = 2,
            .agreements = 1,
            .agreementsSigned = 1,
            .agreementsByField = {{"trade", 1}},
            .agreementsByStatus = {{"in_implementation", 1}},
            .contacts = 2,
            .contactsByCountry = {{"LA", 1}, {"", 1}},
            .leads = 1,
            .missionsByCountry = {{"LA", 1}}};
    }

    // M5's figures (organisation B, 2020, Japan): u9 and u8, a signed trade agreement, a lead.
    static ReportFigures m5Figures()
    {
        return {.missions = 1,
            .personTrips = 2,
            .distinctOfficials = 2,
            .agreements = 1,
            .agreementsSigned = 1,
            .agreementsByField = {{"trade", 1}},
            .agreementsByStatus = {{"signed", 1}},
            .leads = 1,
            .pledgedCapital = {{"USD", 7'000}},
            .missionsByCountry = {{"JP", 1}}};
    }

    // Every figure, so that a test states all of them (a figure left out of `expected` is
    // expected to be zero or empty). A new figure in ReportFigures belongs here too.
    static void checkFigures(const ReportFigures &r, const ReportFigures &expected)
    {
        QCOMPARE(r.missions, expected.missions);
        QCOMPARE(r.personTrips, expected.personTrips);
        QCOMPARE(r.distinctOfficials, expected.distinctOfficials);
        QCOMPARE(r.meetings, expected.meetings);
        QCOMPARE(r.agreements, expected.agreements);
        QCOMPARE(r.agreementsSigned, expected.agreementsSigned);
        QCOMPARE(r.agreementsByField, expected.agreementsByField);
        QCOMPARE(r.agreementsByStatus, expected.agreementsByStatus);
        QCOMPARE(r.contacts, expected.contacts);
        QCOMPARE(r.contactsByCountry, expected.contactsByCountry);
        QCOMPARE(r.leads, expected.leads);
        QCOMPARE(r.pledgedCapital, expected.pledgedCapital);
        QCOMPARE(r.missionsByCountry, expected.missionsByCountry);
        QCOMPARE(r.followUpsOpen, expected.followUpsOpen);
        QCOMPARE(r.followUpsDone, expected.followUpsDone);
        QCOMPARE(r.followUpsOverdue, expected.followUpsOverdue);
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
        CHECK_FIGURES(report(f),
            {.missions = 3,
                .personTrips = 7,
                .distinctOfficials = 5,
                .meetings = 3,
                .agreements = 3,
                .agreementsSigned = 2,
                .agreementsByField = {{"trade", 2}, {"investment", 1}, {"education", 1}},
                .agreementsByStatus
                = {{"signed", 1}, {"under_negotiation", 1}, {"in_implementation", 1}},
                .contacts = 5,
                .contactsByCountry = {{"JP", 2}, {"KR", 1}, {"LA", 1}, {"", 1}},
                .leads = 4,
                .pledgedCapital = {{"USD", 1'500'250'000}, {"VND", 337'500'000'000}},
                .missionsByCountry = {{"JP", 2}, {"KR", 1}, {"LA", 1}},
                .followUpsOpen = 3,
                .followUpsDone = 1,
                .followUpsOverdue = 1});
    }

    void byCountry()
    {
        ReportFilter f;
        f.from = "2020-01-01";
        f.to = "2020-12-31";
        f.organisationId = orgA;
        f.country = "JP";
        // M1 and M2 (M2 went to Korea too, so Korea shows among their countries); M3 (Laos)
        // does not count, nor do its people, its agreement, contacts, lead or follow-up.
        CHECK_FIGURES(report(f),
            {.missions = 2,
                .personTrips = 5, // 3 + 2: u1 led both
                .distinctOfficials = 4, // u1 u2 u3 u4
                .meetings = 3,
                .agreements = 2,
                .agreementsSigned = 1,
                .agreementsByField = {{"trade", 1}, {"investment", 1}, {"education", 1}},
                .agreementsByStatus = {{"signed", 1}, {"under_negotiation", 1}},
                .contacts = 3,
                .contactsByCountry = {{"JP", 2}, {"KR", 1}},
                .leads = 3,
                .pledgedCapital = {{"USD", 1'500'250'000}, {"VND", 337'500'000'000}},
                .missionsByCountry = {{"JP", 2}, {"KR", 1}},
                .followUpsOpen = 3,
                .followUpsDone = 1,
                .followUpsOverdue = 1});
    }

    void byCountryAcrossOrganisationsAndYears()
    {
        // Japan, whoever went and whenever: M1, M2, M4, M5. u3 (M1, M4) and u4 (M2, M4) went
        // twice, u1 led M1 and M2: 3 + 2 + 2 + 2 = 9 person-trips by 6 officials.
        ReportFilter f;
        f.country = "JP";
        CHECK_FIGURES(report(f),
            {.missions = 4,
                .personTrips = 9,
                .distinctOfficials = 6, // u1 u2 u3 u4 u8 u9
                .meetings = 4,
                .agreements = 4,
                .agreementsSigned = 3,
                .agreementsByField = {{"trade", 3}, {"investment", 1}, {"education", 1}},
                .agreementsByStatus = {{"signed", 3}, {"under_negotiation", 1}},
                .contacts = 4,
                .contactsByCountry = {{"JP", 3}, {"KR", 1}},
                .leads = 4,
                .pledgedCapital = {{"USD", 1'500'257'000}, {"VND", 337'500'000'000}},
                .missionsByCountry = {{"JP", 4}, {"KR", 1}},
                .followUpsOpen = 4,
                .followUpsDone = 1,
                .followUpsOverdue = 2}); // M1's and M4's, due 2020-12-01
    }

    void officialsOfOtherCountriesDoNotLeak()
    {
        // u2 went to Japan (M1) and Laos (M3), u1 to Japan (M1) and Korea (M2): each country
        // counts its own trips only.
        ReportFilter laos;
        laos.country = "LA";
        CHECK_FIGURES(report(laos), m3Figures());
        ReportFilter korea;
        korea.country = "KR";
        CHECK_FIGURES(report(korea), m2Figures());
        ReportFilter france;
        france.country = "FR";
        CHECK_FIGURES(report(france), {});
    }

    void oneMission()
    {
        ReportFilter f;
        f.missionId = m3;
        CHECK_FIGURES(report(f), m3Figures());

        ReportFilter two;
        two.missionId = m2;
        CHECK_FIGURES(report(two), m2Figures());
        // Of another organisation: M5's figures, whatever the period says about others.
        ReportFilter other;
        other.missionId = m5;
        CHECK_FIGURES(report(other), m5Figures());
    }

    void missionCombinedWithOtherFilters()
    {
        ReportFilter f;
        f.missionId = m2;
        f.country = "KR";
        CHECK_FIGURES(report(f), m2Figures());
        f.country = "JP"; // M2 went to Japan too
        CHECK_FIGURES(report(f), m2Figures());
        f.country = "LA";
        CHECK_FIGURES(report(f), {});

        ReportFilter outOfPeriod;
        outOfPeriod.missionId = m4; // left 2021-01-04
        outOfPeriod.from = "2020-01-01";
        outOfPeriod.to = "2020-12-31";
        CHECK_FIGURES(report(outOfPeriod), {});

        ReportFilter otherOrganisation;
        otherOrganisation.missionId = m5;
        otherOrganisation.organisationId = orgA;
        CHECK_FIGURES(report(otherOrganisation), {});
        otherOrganisation.organisationId = orgB;
        otherOrganisation.from = "2020-01-01";
        otherOrganisation.to = "2020-12-31";
        otherOrganisation.country = "JP";
        CHECK_FIGURES(report(otherOrganisation), m5Figures());
    }

    void byOrganisation()
    {
        ReportFilter a;
        a.organisationId = orgA;
        // M1-M4 (M6 deleted): the 2020 figures plus M4 (u3 u4, one meeting, a signed trade
        // agreement, a Japanese contact, an overdue follow-up, no lead).
        CHECK_FIGURES(report(a),
            {.missions = 4,
                .personTrips = 9,
                .distinctOfficials = 5,
                .meetings = 4,
                .agreements = 4,
                .agreementsSigned = 3,
                .agreementsByField = {{"trade", 3}, {"investment", 1}, {"education", 1}},
                .agreementsByStatus
                = {{"signed", 2}, {"under_negotiation", 1}, {"in_implementation", 1}},
                .contacts = 6,
                .contactsByCountry = {{"JP", 3}, {"KR", 1}, {"LA", 1}, {"", 1}},
                .leads = 4,
                .pledgedCapital = {{"USD", 1'500'250'000}, {"VND", 337'500'000'000}},
                .missionsByCountry = {{"JP", 3}, {"KR", 1}, {"LA", 1}},
                .followUpsOpen = 4,
                .followUpsDone = 1,
                .followUpsOverdue = 2});
        ReportFilter b;
        b.organisationId = orgB;
        CHECK_FIGURES(report(b), m5Figures());
        b.from = "2021-01-01";
        CHECK_FIGURES(report(b), {});
    }

    void openEndedAndAllOrganisations()
    {
        CHECK_FIGURES(report({}),
            {.missions = 5, // M1-M5; M6 deleted
                .personTrips = 7 + 2 + 2, // + M4 (u3 u4) + M5 (u9 u8)
                .distinctOfficials = 5 + 2, // + u8 u9
                .meetings = 4,
                .agreements = 5,
                .agreementsSigned = 4,
                .agreementsByField = {{"trade", 4}, {"investment", 1}, {"education", 1}},
                .agreementsByStatus
                = {{"signed", 3}, {"under_negotiation", 1}, {"in_implementation", 1}},
                .contacts = 6,
                .contactsByCountry = {{"JP", 3}, {"KR", 1}, {"LA", 1}, {"", 1}},
                .leads = 5,
                .pledgedCapital = {{"USD", 1'500'257'000}, {"VND", 337'500'000'000}},
                .missionsByCountry = {{"JP", 4}, {"KR", 1}, {"LA", 1}},
                .followUpsOpen = 4,
                .followUpsDone = 1,
                .followUpsOverdue = 2});
        ReportFilter from2021;
        from2021.from = "2021-01-01";
        const ReportFigures r = report(from2021);
        QCOMPARE(r.missions, 1);
        QCOMPARE(r.followUpsOverdue, 1); // M4's follow-up was due 2020-12-01
        ReportFilter later = from2021;
        later.asOf = "2020-11-01";
        QCOMPARE(report(later).followUpsOverdue, 0);
        later.asOf = "2020-12-01"; // due that day: not yet overdue
        QCOMPARE(report(later).followUpsOverdue, 0);
        later.asOf = "2020-12-02";
        QCOMPARE(report(later).followUpsOverdue, 1);
    }

    void periodBoundaries()
    {
        // A mission is in the period when it leaves within it (reports.h). A store of its own,
        // so that the fixture's figures stay as computed above.
        StoreFixture own;
        QVERIFY(own.open());
        const auto org = own.add("organisation", {{"name", "Sở Ngoại vụ Nghệ An"}}).id;
        const auto add = [&](const char *start, const char *end, const std::string &who) {
            const auto id
                = own.add("mission",
                         {{"organisation_id", org}, {"title", "Đoàn"}, {"start_date", start},
                             {"end_date", end}, {"countries", {"JP"}}, {"leader_id", who}})
                      .id;
            own.add("meeting",
                {{"mission_id", id}, {"starts_at", "2022-06-01T09:00"}, {"counterpart", "X"}});
            return id;
        };
        std::string p[6];
        for (auto &id : p)
            id = makeUuidV7();
        add("2021-12-20", "2021-12-31", p[0]); // ends the day before `from`
        add("2021-12-28", "2023-01-03", p[1]); // spans the whole period
        add("2021-12-31", "2022-01-05", p[2]); // leaves the day before, returns within
        add("2022-01-01", "2022-01-05", p[3]); // leaves on `from`
        add("2022-12-31", "2023-01-06", p[4]); // leaves on `to`, returns after
        add("2023-01-01", "2023-01-02", p[5]); // leaves the day after `to`

        const auto figures = [&](const char *from, const char *to) {
            ReportFilter f;
            f.from = from;
            f.to = to;
            f.asOf = "2024-01-01";
            auto r = own.store->report(f);
            if (!r)
                qFatal("report failed: %s", r.error().message.c_str());
            return *r;
        };
        // The meetings' own date (June 2022) does not matter: they count with their mission.
        const ReportFigures y2022 = figures("2022-01-01", "2022-12-31");
        CHECK_FIGURES(y2022,
            {.missions = 2,
                .personTrips = 2,
                .distinctOfficials = 2,
                .meetings = 2,
                .missionsByCountry = {{"JP", 2}}});
        QCOMPARE(figures("2021-01-01", "2021-12-31").missions, 3);
        QCOMPARE(figures("2023-01-01", "2023-12-31").missions, 1);
        QCOMPARE(figures("2022-01-01", "2022-01-01").missions, 1); // a single day
        QCOMPARE(figures("2022-12-31", "2022-12-31").missions, 1);
        QCOMPARE(figures("2022-01-02", "2022-12-30").missions, 0);
        QCOMPARE(figures("", "2021-12-31").missions, 3);
        QCOMPARE(figures("2022-01-01", "").missions, 3);
        QCOMPARE(figures("", "").missions, 6); // consecutive years count each mission once
    }

    void badFilterRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("shown"); // what the message must quote
        QTest::newRow("month for to") << "to"
                                      << "2020-12"
                                      << "invalid_date"
                                      << "“2020-12”";
        QTest::newRow("month for from") << "from"
                                        << "2020-01"
                                        << "invalid_date"
                                        << "“2020-01”";
        QTest::newRow("impossible day") << "to"
                                        << "2021-02-29"
                                        << "invalid_date"
                                        << "2021-02-29";
        QTest::newRow("day first") << "from"
                                   << "01/01/2020"
                                   << "invalid_date"
                                   << "01/01/2020";
        QTest::newRow("date and time") << "to"
                                       << "2020-12-31T23:59"
                                       << "invalid_date"
                                       << "2020-12-31T23:59";
        QTest::newRow("as-of") << "as_of"
                               << "15/01/2021"
                               << "invalid_date"
                               << "15/01/2021";
        QTest::newRow("ends before it starts") << "from"
                                               << "2021-01-01"
                                               << "invalid_period"
                                               << "2021-01-01";
        QTest::newRow("country name") << "country"
                                      << "Japan"
                                      << "invalid_country"
                                      << "Japan";
        QTest::newRow("no such country") << "country"
                                         << "XX"
                                         << "invalid_country"
                                         << "XX";
        QTest::newRow("lower-case country") << "country"
                                            << "jp"
                                            << "invalid_country"
                                            << "jp";
        QTest::newRow("mission title for id") << "mission_id"
                                              << "Đoàn Nhật Bản"
                                              << "invalid_reference"
                                              << "Đoàn Nhật Bản";
        QTest::newRow("upper-case id") << "organisation_id"
                                       << "019B76DA-A800-7000-8000-000000000001"
                                       << "invalid_reference"
                                       << "019B76DA";
    }
    void badFilterRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, code);
        QFETCH(QString, shown);
        // A valid annual filter with one value spoiled.
        ReportFilter f;
        f.from = "2020-01-01";
        f.to = "2020-12-31";
        f.asOf = "2021-01-15";
        f.organisationId = orgA;
        f.country = "JP";
        std::string *target = field == "from" ? &f.from
            : field == "to"                   ? &f.to
            : field == "as_of"                ? &f.asOf
            : field == "country"              ? &f.country
            : field == "mission_id"           ? &f.missionId
                                              : &f.organisationId;
        REQUIRE_OK(fx.store->report(f));
        *target = value.toStdString();
        const auto r = fx.store->report(f);
        REQUIRE_ERROR(r, code.toStdString());
        QCOMPARE(QString::fromStdString(r.error().field), code == "invalid_period" ? "to" : field);
        QVERIFY2(
            QString::fromStdString(r.error().message).contains(shown), r.error().message.c_str());
        QCOMPARE(validateReportFilter(f).error().code, code.toStdString());
    }

    void goodFilterEdgesAccepted()
    {
        ReportFilter f;
        f.from = "2020-11-10"; // a single day: M3 left that day
        f.to = "2020-11-10";
        f.asOf = "2024-02-29";
        f.country = "LA";
        f.missionId = m3;
        REQUIRE_OK(validateReportFilter(f));
        CHECK_FIGURES(report(f), m3Figures());
        REQUIRE_OK(validateReportFilter({})); // everything open
    }

    void emptyPeriod()
    {
        ReportFilter f;
        f.from = "2030-01-01";
        CHECK_FIGURES(report(f), {});
    }
};

#pragma GCC diagnostic pop

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
