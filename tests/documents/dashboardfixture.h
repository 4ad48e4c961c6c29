#pragma once

// The fixture department of the dashboard, follow-up and admin-summary tests: the same records
// as tst_reportdocuments (whose figures were computed by hand there), written into any Store.
// The organisation and user records are created only when their ids are not given (the server
// test creates them with the admin command first).

#include "store.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <stdexcept>
#include <string>

struct DashboardFixture
{
    std::string org, otherOrg, linh, hanh, dung, son;
    std::string m1, m2, m3, old, gone, ngheAn;
    std::string toyotaLead, aeonLead, samsungLead, laoLead;
    std::string fuThanks, fuToyota, fuStudents, fuSurvey;
    std::string agrInvest, agrEducation, agrTrade;
    bool withOtherOrganisation = true;

    /// Fills `store`; throws std::runtime_error on a store error (tests turn it into a failure).
    void build(attache::Store &store)
    {
        using nlohmann::json;
        auto add = [&](const char *kind, const json &fields) {
            auto r = store.create(kind, fields);
            if (!r)
                throw std::runtime_error(std::string("create ") + kind + ": " + r.error().message);
            return r->id;
        };
        auto remove = [&](const char *kind, const std::string &id) {
            if (auto r = store.remove(kind, id); !r)
                throw std::runtime_error("remove: " + r.error().message);
        };
        if (org.empty())
            org = add("organisation", {{"name", "Sở Ngoại vụ Hà Tĩnh"}});
        if (otherOrg.empty() && withOtherOrganisation)
            otherOrg = add("organisation", {{"name", "Sở Công Thương Nghệ An"}});
        auto user = [&](std::string &id, const char *name) {
            if (id.empty())
                id = add("user", {{"full_name", name}, {"organisation_id", org}});
        };
        user(linh, "Nguyễn Hồng Lĩnh");
        user(hanh, "Trần Thị Hạnh");
        user(dung, "Lê Văn Dũng");
        user(son, "Thái Phúc Sơn");
        auto mission
            = [&](const std::string &o, const char *title, json countries, const char *start,
                  const char *end, const std::string &leader, json members) {
                  return add("mission",
                      {{"organisation_id", o}, {"title", title}, {"countries", countries},
                          {"start_date", start}, {"end_date", end}, {"leader_id", leader},
                          {"member_ids", members}, {"decision_number", "1234/QĐ-UBND"},
                          {"status", "returned"}});
              };
        m1 = mission(org, "Xúc tiến đầu tư tại Nhật Bản", {"JP"}, "2026-03-09", "2026-03-15", linh,
            {hanh, dung});
        m2 = mission(org, "Thăm tỉnh kết nghĩa Jeollabuk", {"KR"}, "2026-05-18", "2026-05-22", son,
            {hanh, son});
        m3 = mission(org, "Hội chợ thương mại Việt - Lào", {"LA", "TH"}, "2026-12-01", "2026-12-04",
            dung, json::array());
        old = mission(org, "Đoàn năm trước", {"JP"}, "2025-11-10", "2025-11-12", linh, {hanh});
        gone = mission(org, "Đoàn đã xóa", {"KR"}, "2026-06-01", "2026-06-02", linh, json::array());
        remove("mission", gone);
        if (withOtherOrganisation)
            ngheAn = mission(
                otherOrg, "Đoàn Nghệ An", {"CN"}, "2026-04-01", "2026-04-03", son, json::array());

        auto meeting = [&](const std::string &m, const char *at, const char *who, const char *cc) {
            return add("meeting",
                {{"mission_id", m}, {"starts_at", at}, {"counterpart", who},
                    {"counterpart_country", cc}});
        };
        meeting(m1, "2026-03-10T09:00", "JETRO", "JP");
        meeting(m1, "2026-03-11T14:00", "Toyota Tsusho", "JP");
        remove("meeting", meeting(m1, "2026-03-12T09:00", "Hủy", "JP"));
        meeting(m2, "2026-05-19T10:00", "Jeollabuk-do", "KR");
        meeting(m3, "2026-12-02T08:30", "Phòng Thương mại Champasak", "LA");
        meeting(old, "2025-11-11T08:30", "JETRO", "JP");

        auto agreement = [&](const std::string &m, const char *title, const char *kind, json fields,
                             const char *status, const char *date) {
            json f = {{"mission_id", m}, {"title", title}, {"kind", kind}, {"fields", fields},
                {"status", status}};
            if (date)
                f["signed_date"] = date;
            return add("agreement", f);
        };
        agrInvest = agreement(m1, "Biên bản ghi nhớ hợp tác xúc tiến đầu tư", "mou",
            {"investment", "trade"}, "signed", "2026-03-10");
        agrEducation = agreement(m2, "Thỏa thuận hợp tác giáo dục", "cooperation_agreement",
            {"education", "culture"}, "in_implementation", "2026-05-20");
        agrTrade = agreement(m3, "Biên bản ghi nhớ về thương mại biên giới", "mou", {"trade"},
            "under_negotiation", nullptr);
        remove("agreement",
            agreement(m1, "Văn bản đã xóa", "mou", {"health"}, "signed", "2026-03-11"));

        auto contact = [&](const std::string &m, const char *name, const char *country) {
            json f = {{"full_name", name}, {"organisation", "JETRO"}};
            if (!m.empty())
                f["mission_id"] = m;
            if (country)
                f["country"] = country;
            return add("contact", f);
        };
        contact(m1, "Tanaka Hiroshi", "JP");
        contact(m1, "Sato Yuki", "JP");
        contact(m1, "<b>Không</b> rõ quốc tịch", nullptr);
        contact(m2, "Kim Min-jun", "KR");
        contact(m3, "Khamphong Sisavath", "LA");
        contact("", "Không thuộc đoàn nào", "JP");
        remove("contact", contact(m1, "Đã xóa", "JP"));

        auto lead = [&](const std::string &m, const char *company, const char *country,
                        std::int64_t amount, const char *currency, const char *status) {
            return add("lead",
                {{"mission_id", m}, {"company", company}, {"country", country},
                    {"pledged_capital", {{"amount", amount}, {"currency", currency}}},
                    {"status", status}});
        };
        toyotaLead = lead(m1, "Toyota Tsusho", "JP", 150000000, "USD", "committed");
        aeonLead = lead(m1, "Aeon Mall", "JP", 25000050, "USD", "interested");
        samsungLead = lead(m2, "Samsung Electronics", "KR", 337500000000, "VND", "licensed");
        laoLead = lead(m3, "Lao Brewery", "LA", 450000000, "VND", "abandoned");

        auto followUp = [&](const std::string &m, const char *title, const char *due,
                            const char *status, const std::string &owner) {
            return add("followup",
                {{"mission_id", m}, {"title", title}, {"due_date", due}, {"status", status},
                    {"owner_id", owner}});
        };
        fuThanks = followUp(m1, "Gửi thư cảm ơn JETRO", "2026-03-31", "done", hanh);
        fuToyota = followUp(m1, "Chuẩn bị hồ sơ dự án Toyota", "2026-12-31", "open", dung);
        fuStudents = followUp(m2, "Trao đổi sinh viên", "2027-06-30", "in_progress", hanh);
        fuSurvey = followUp(m3, "Khảo sát cửa khẩu", "2026-12-20", "cancelled", dung);
    }
};
