#include "reportdata.h"

#include "countrynames.h"
#include "store.h"

#include <algorithm>
#include <set>

namespace attache::documents {

namespace {

std::string lookup(const std::map<std::string, std::string> &m, const std::string &key)
{
    auto it = m.find(key);
    return it == m.end() ? key : it->second;
}

std::vector<std::string> strings(const Record &r, const char *field)
{
    std::vector<std::string> out;
    const auto &v = r.field(field);
    if (v.is_array()) {
        for (const auto &s : v) {
            if (s.is_string())
                out.push_back(s.get<std::string>());
        }
    }
    return out;
}

Result<std::vector<Record>> ofMission(Store &store, const char *kind, const std::string &missionId)
{
    ListQuery q;
    q.missionId = missionId;
    return store.list(kind, q);
}

void sortBy(std::vector<Record> &v, const char *field)
{
    std::stable_sort(v.begin(), v.end(),
        [&](const Record &a, const Record &b) { return a.text(field) < b.text(field); });
}

} // namespace

Result<MissionReportData> loadMissionReport(
    Store &store, const std::string &missionId, const std::string &asOf)
{
    MissionReportData d;
    auto mission = store.get("mission", missionId);
    if (!mission)
        return mission.error();
    if (!*mission || (*mission)->deleted)
        return makeError("not_found", "There is no mission " + missionId + ".");
    d.mission = **mission;
    if (auto org = store.get("organisation", d.mission.text("organisation_id")); org && *org)
        d.organisationName = (*org)->text("name");

    auto users = store.list("user");
    if (!users)
        return users.error();
    for (const auto &u : *users)
        d.userNames[u.id] = u.text("full_name");
    const std::string leader = d.mission.text("leader_id");
    if (!leader.empty()) {
        d.leaderName = lookup(d.userNames, leader);
        d.memberNames.push_back(d.leaderName);
    }
    for (const auto &m : strings(d.mission, "member_ids")) {
        if (m != leader)
            d.memberNames.push_back(lookup(d.userNames, m));
    }

    const std::pair<const char *, std::vector<Record> *> kinds[]
        = {{"meeting", &d.meetings}, {"agreement", &d.agreements}, {"contact", &d.contacts},
            {"lead", &d.leads}, {"followup", &d.followUps}};
    for (const auto &[kind, out] : kinds) {
        auto list = ofMission(store, kind, missionId);
        if (!list)
            return list.error();
        *out = std::move(*list);
    }
    sortBy(d.meetings, "starts_at");
    sortBy(d.agreements, "signed_date");
    sortBy(d.contacts, "full_name");
    sortBy(d.leads, "company");
    sortBy(d.followUps, "due_date");

    ReportFilter f;
    f.missionId = missionId;
    f.asOf = asOf;
    auto figures = store.report(f);
    if (!figures)
        return figures.error();
    d.figures = *figures;
    return d;
}

Result<SummaryData> loadSummary(Store &store, const ReportFilter &filter)
{
    SummaryData d;
    d.filter = filter;
    if (!filter.organisationId.empty()) {
        auto org = store.get("organisation", filter.organisationId);
        if (!org)
            return org.error();
        if (!*org)
            return makeError(
                "not_found", "There is no organisation " + filter.organisationId + ".");
        d.organisationName = (*org)->text("name");
    } else {
        // A department's own database holds one organisation: the summary is its.
        auto orgs = store.list("organisation");
        if (!orgs)
            return orgs.error();
        if (orgs->size() == 1)
            d.organisationName = orgs->front().text("name");
    }
    auto figures = store.report(filter);
    if (!figures)
        return figures.error();
    d.figures = *figures;

    // The missions in scope, selected as computeReport selects them.
    auto missions = store.list("mission");
    if (!missions)
        return missions.error();
    std::set<std::string> inScope;
    for (const auto &m : *missions) {
        const std::string start = m.text("start_date");
        const auto countries = strings(m, "countries");
        if ((!filter.from.empty() && start < filter.from)
            || (!filter.to.empty() && start > filter.to)
            || (!filter.organisationId.empty()
                && m.text("organisation_id") != filter.organisationId)
            || (!filter.missionId.empty() && m.id != filter.missionId)
            || (!filter.country.empty()
                && std::find(countries.begin(), countries.end(), filter.country)
                    == countries.end()))
            continue;
        inScope.insert(m.id);
        MissionRow row;
        row.id = m.id;
        row.title = m.text("title");
        row.startDate = start;
        row.endDate = m.text("end_date");
        row.decisionNumber = m.text("decision_number");
        row.countries = countries;
        std::set<std::string> people;
        if (!m.text("leader_id").empty())
            people.insert(m.text("leader_id"));
        for (const auto &p : strings(m, "member_ids"))
            people.insert(p);
        row.people = std::int64_t(people.size());
        d.missions.push_back(std::move(row));
    }
    std::stable_sort(d.missions.begin(), d.missions.end(),
        [](const MissionRow &a, const MissionRow &b) { return a.startDate < b.startDate; });

    auto agreements = store.list("agreement");
    if (!agreements)
        return agreements.error();
    for (auto &a : *agreements) {
        const std::string status = a.text("status");
        if (inScope.count(a.text("mission_id"))
            && (status == "signed" || status == "in_implementation"))
            d.agreementsSigned.push_back(std::move(a));
    }
    sortBy(d.agreementsSigned, "signed_date");

    auto leads = store.list("lead");
    if (!leads)
        return leads.error();
    for (const auto &l : *leads) {
        if (!inScope.count(l.text("mission_id")))
            continue;
        auto &row = d.leadsByCountry[l.text("country")];
        ++row.leads;
        const auto &capital = l.field("pledged_capital");
        if (l.text("status") != "abandoned" && capital.is_object() && capital.contains("amount")
            && capital["amount"].is_number_integer() && capital.contains("currency"))
            row.capital[capital["currency"].get<std::string>()]
                += capital["amount"].get<std::int64_t>();
    }
    return d;
}

std::string countryNameVi(const std::string &code)
{
    if (code.empty())
        return "Không rõ";
    // The app's names: a country reads the same in the app and in the documents.
    const CountryNames *names = findCountry(code);
    return names ? std::string(names->vietnamese) : code;
}

std::string fieldNameVi(const std::string &field)
{
    static const std::map<std::string, std::string> kNames
        = {{"trade", "Thương mại"}, {"investment", "Đầu tư"}, {"agriculture", "Nông nghiệp"},
            {"education", "Giáo dục"}, {"culture", "Văn hóa"}, {"tourism", "Du lịch"},
            {"health", "Y tế"}, {"technology", "Khoa học - công nghệ"}, {"labour", "Lao động"},
            {"environment", "Môi trường"}, {"transport", "Giao thông vận tải"}, {"other", "Khác"}};
    return lookup(kNames, field);
}

std::string agreementKindVi(const std::string &kind)
{
    static const std::map<std::string, std::string> kNames
        = {{"mou", "Biên bản ghi nhớ"}, {"cooperation_agreement", "Thỏa thuận hợp tác"},
            {"contract", "Hợp đồng"}, {"other", "Văn bản khác"}};
    return lookup(kNames, kind);
}

std::string agreementStatusVi(const std::string &status)
{
    static const std::map<std::string, std::string> kNames
        = {{"under_negotiation", "Đang đàm phán"}, {"signed", "Đã ký"},
            {"in_implementation", "Đang triển khai"}, {"expired", "Hết hiệu lực"},
            {"cancelled", "Đã hủy"}};
    return lookup(kNames, status);
}

std::string leadStatusVi(const std::string &status)
{
    static const std::map<std::string, std::string> kNames = {{"interested", "Quan tâm"},
        {"committed", "Cam kết đầu tư"}, {"licensed", "Đã cấp phép"}, {"abandoned", "Dừng"}};
    return lookup(kNames, status);
}

std::string followUpStatusVi(const std::string &status)
{
    static const std::map<std::string, std::string> kNames = {{"open", "Chưa thực hiện"},
        {"in_progress", "Đang thực hiện"}, {"done", "Đã hoàn thành"}, {"cancelled", "Đã hủy"}};
    return lookup(kNames, status);
}

} // namespace attache::documents
