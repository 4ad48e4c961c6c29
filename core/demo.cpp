#include "demo.h"

#include "store.h"

namespace attache {

using nlohmann::json;

namespace {

// Creates a record or passes the error up; keeps the data below readable.
struct Builder
{
    Store &store;
    Error error;
    bool failed = false;

    std::string add(const char *kind, json fields)
    {
        if (failed)
            return {};
        auto r = store.create(kind, fields);
        if (!r) {
            error = r.error();
            failed = true;
            return {};
        }
        return r->id;
    }
};

} // namespace

Result<void> loadDemoData(Store &store)
{
    Builder b {store, {}};
    const auto org = b.add("organisation",
        {{"name", "Sở Ngoại vụ Hà Tĩnh"}, {"short_name", "SNV Hà Tĩnh"}, {"country", "VN"},
            {"address", "Số 1 Nguyễn Tất Thành, TP Hà Tĩnh"}});
    auto user = [&](const char *name, const char *title, const char *role) {
        return b.add("user",
            {{"full_name", name}, {"title", title}, {"role", role}, {"organisation_id", org}});
    };
    const auto son = user("Thái Phúc Sơn", "Giám đốc Sở", "manager");
    const auto linh = user("Nguyễn Hồng Lĩnh", "Phó Chủ tịch UBND tỉnh", "leader");
    const auto hanh = user("Trần Thị Hạnh", "Chuyên viên", "member");
    const auto dung = user("Lê Văn Dũng", "Phó phòng Hợp tác quốc tế", "member");

    const auto japan = b.add("mission",
        {{"organisation_id", org}, {"title", "Xúc tiến đầu tư tại Nhật Bản"},
            {"purpose", "Làm việc với JETRO và các doanh nghiệp Nhật Bản"},
            {"decision_number", "1234/QĐ-UBND"}, {"decision_date", "2026-02-20"},
            {"countries", {"JP"}}, {"cities", {"Tokyo", "Osaka"}}, {"start_date", "2026-03-09"},
            {"end_date", "2026-03-15"}, {"leader_id", linh}, {"member_ids", {hanh, dung}},
            {"status", "returned"}});
    const auto korea = b.add("mission",
        {{"organisation_id", org}, {"title", "Thăm tỉnh kết nghĩa Jeollabuk"},
            {"countries", {"KR"}}, {"cities", {"Jeonju"}}, {"start_date", "2026-05-18"},
            {"end_date", "2026-05-22"}, {"leader_id", son}, {"member_ids", {hanh}},
            {"status", "report_filed"}});
    const auto laos = b.add("mission",
        {{"organisation_id", org}, {"title", "Hội chợ thương mại Việt - Lào tại Champasak"},
            {"countries", {"LA"}}, {"cities", {"Pakse"}}, {"start_date", "2026-12-01"},
            {"end_date", "2026-12-04"}, {"leader_id", dung}, {"member_ids", {hanh}},
            {"status", "planned"}});

    const auto jetro = b.add("contact",
        {{"full_name", "Tanaka Hiroshi"}, {"title", "Director, Investment Promotion"},
            {"organisation", "JETRO Tokyo"}, {"country", "JP"}, {"emails", {"tanaka@example.jp"}},
            {"phones", {"+81 3 3582 5511"}}, {"languages", {"ja", "en"}},
            {"interests", "Khu kinh tế Vũng Áng, năng lượng"}, {"mission_id", japan}});
    b.add("contact",
        {{"full_name", "Kim Min-jun"}, {"organisation", "Jeollabuk-do Provincial Government"},
            {"country", "KR"}, {"emails", {"minjun.kim@example.kr"}}, {"mission_id", korea}});
    const auto meeting = b.add("meeting",
        {{"mission_id", japan}, {"starts_at", "2026-03-10T09:30+09:00"},
            {"place", "JETRO, Ark Mori Building, Tokyo"}, {"counterpart", "JETRO"},
            {"counterpart_country", "JP"}, {"contact_ids", {jetro}},
            {"participant_ids", {linh, hanh}}, {"topics", {"Đầu tư vào Vũng Áng", "Logistics"}},
            {"outcome", "JETRO giới thiệu 5 doanh nghiệp quan tâm."}});
    b.add("agreement",
        {{"mission_id", japan}, {"meeting_id", meeting},
            {"title", "Biên bản ghi nhớ hợp tác xúc tiến đầu tư"}, {"kind", "mou"},
            {"parties", {"UBND tỉnh Hà Tĩnh", "JETRO"}}, {"signed_date", "2026-03-10"},
            {"signed_place", "Tokyo"}, {"fields", {"investment", "trade"}}, {"status", "signed"},
            {"valid_until", "2029-03-10"}});
    b.add("agreement",
        {{"mission_id", korea}, {"title", "Thỏa thuận hợp tác giáo dục và văn hóa"},
            {"kind", "cooperation_agreement"}, {"parties", {"UBND tỉnh Hà Tĩnh", "Jeollabuk-do"}},
            {"signed_date", "2026-05-20"}, {"fields", {"education", "culture"}},
            {"status", "in_implementation"}});
    b.add("lead",
        {{"mission_id", japan}, {"company", "Formosa Ha Tinh Steel"}, {"country", "JP"},
            {"sector", "Thép"}, {"pledged_capital", {{"amount", 1500000000}, {"currency", "USD"}}},
            {"status", "committed"}, {"contact_id", jetro}});
    b.add("lead",
        {{"mission_id", korea}, {"company", "Jeonbuk Agro"}, {"country", "KR"},
            {"sector", "Nông nghiệp công nghệ cao"},
            {"pledged_capital", {{"amount", 337500000000}, {"currency", "VND"}}},
            {"status", "interested"}});
    b.add("followup",
        {{"mission_id", japan}, {"title", "Gửi hồ sơ Khu kinh tế Vũng Áng cho JETRO"},
            {"owner_id", hanh}, {"due_date", "2026-04-15"}, {"status", "done"},
            {"linked_kind", "meeting"}, {"linked_id", meeting}});
    b.add("followup",
        {{"mission_id", korea}, {"title", "Chuẩn bị đón đoàn Jeollabuk sang thăm"},
            {"owner_id", dung}, {"due_date", "2026-09-30"}, {"status", "open"}});
    b.add("event",
        {{"mission_id", laos}, {"name", "Hội chợ thương mại Việt - Lào 2026"},
            {"kind", "trade_fair"}, {"city", "Pakse"}, {"country", "LA"},
            {"start_date", "2026-12-01"}, {"end_date", "2026-12-04"}, {"booth", "B12"}});
    if (b.failed)
        return b.error;
    return {};
}

} // namespace attache
