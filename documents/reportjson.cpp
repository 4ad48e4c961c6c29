#include "reportjson.h"

#include <nlohmann/json.hpp>

namespace attache::documents {

using nlohmann::json;

namespace {

json counts(const std::map<std::string, std::int64_t> &m)
{
    json out = json::object();
    for (const auto &[k, n] : m)
        out[k] = n;
    return out;
}

} // namespace

std::string summaryJson(const SummaryData &data)
{
    const ReportFigures &f = data.figures;
    json figures {{"missions", f.missions}, {"person_trips", f.personTrips},
        {"distinct_officials", f.distinctOfficials}, {"meetings", f.meetings},
        {"agreements", f.agreements}, {"agreements_signed", f.agreementsSigned},
        {"agreements_by_field", counts(f.agreementsByField)},
        {"agreements_by_status", counts(f.agreementsByStatus)}, {"contacts", f.contacts},
        {"contacts_by_country", counts(f.contactsByCountry)}, {"leads", f.leads},
        {"pledged_capital", counts(f.pledgedCapital)},
        {"missions_by_country", counts(f.missionsByCountry)}, {"follow_ups_open", f.followUpsOpen},
        {"follow_ups_done", f.followUpsDone}, {"follow_ups_overdue", f.followUpsOverdue}};
    json missions = json::array();
    for (const auto &m : data.missions) {
        missions.push_back({{"id", m.id}, {"title", m.title}, {"start_date", m.startDate},
            {"end_date", m.endDate}, {"decision_number", m.decisionNumber},
            {"countries", m.countries}, {"people", m.people}});
    }
    json agreements = json::array();
    for (const auto &a : data.agreementsSigned) {
        agreements.push_back({{"id", a.id}, {"title", a.text("title")}, {"kind", a.text("kind")},
            {"status", a.text("status")}, {"signed_date", a.text("signed_date")},
            {"mission_id", a.text("mission_id")}});
    }
    json leads = json::object();
    for (const auto &[country, row] : data.leadsByCountry)
        leads[country] = {{"leads", row.leads}, {"pledged_capital", counts(row.capital)}};
    json out {{"organisation", data.organisationName},
        {"period", {{"from", data.filter.from}, {"to", data.filter.to}}}, {"figures", figures},
        {"missions", missions}, {"agreements_signed", agreements}, {"leads_by_country", leads}};
    if (!data.filter.asOf.empty())
        out["as_of"] = data.filter.asOf;
    return out.dump(2) + "\n";
}

} // namespace attache::documents
