#include "dashboarddata.h"

#include "database.h"
#include "store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>

namespace attache::documents {

namespace {

std::string todayUtc()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

// The missions in scope, selected exactly as computeReport (core/reports.cpp) selects them, and
// their people (leader and members, each once per mission). Parameters: ?1 from, ?2 to,
// ?3 organisation, ?4 country, ?5 mission, ?6 as-of date, ?7 and ?8 per query.
constexpr const char *kScope = R"SQL(
WITH m AS (
  SELECT id, title, start_date, status, leader_id, member_ids, countries FROM missions
  WHERE deleted = 0
    AND (?1 = '' OR start_date >= ?1)
    AND (?2 = '' OR start_date <= ?2)
    AND (?3 = '' OR organisation_id = ?3)
    AND (?4 = '' OR EXISTS (SELECT 1 FROM json_each(coalesce(countries, '[]')) WHERE value = ?4))
    AND (?5 = '' OR id = ?5)
),
people AS (
  SELECT m.id AS mission, p.value AS person FROM m, json_each(coalesce(m.member_ids, '[]')) p
  UNION
  SELECT m.id, m.leader_id FROM m WHERE m.leader_id IS NOT NULL
)
)SQL";

// Every drill-down query returns the same columns: id, title, mission_id, mission_title, d,
// status, country, detail, amount, currency, n.
constexpr const char *kMissions = R"SQL(
SELECT m.id, m.title, '' AS mission_id, '' AS mission_title, m.start_date AS d, m.status,
       coalesce(m.countries, '[]') AS country, '' AS detail, 0 AS amount, '' AS currency,
       (SELECT count(*) FROM people p WHERE p.mission = m.id) AS n
FROM m
WHERE (?7 = '' OR EXISTS (SELECT 1 FROM json_each(coalesce(m.countries, '[]')) WHERE value = ?7))
  AND (?8 = '' OR substr(m.start_date, 1, 7) = ?8)
ORDER BY d = '', d, m.title
)SQL";

constexpr const char *kOfficials = R"SQL(
SELECT p.person AS id, coalesce(u.full_name, p.person) AS title, '' AS mission_id,
       '' AS mission_title, '' AS d, '' AS status, '' AS country,
       coalesce(u.title, '') AS detail, 0 AS amount, '' AS currency, count(*) AS n
FROM people p LEFT JOIN users u ON u.id = p.person
GROUP BY p.person
ORDER BY title
)SQL";

constexpr const char *kMeetings = R"SQL(
SELECT x.id, x.counterpart AS title, x.mission_id, m.title AS mission_title, x.starts_at AS d,
       '' AS status, coalesce(x.counterpart_country, '') AS country,
       coalesce(x.place, '') AS detail, 0 AS amount, '' AS currency, 0 AS n
FROM meetings x JOIN m ON m.id = x.mission_id
WHERE x.deleted = 0
ORDER BY d = '', d, title
)SQL";

// ?7 non-empty: only signed or in implementation; ?8: one field of cooperation.
constexpr const char *kAgreements = R"SQL(
SELECT x.id, x.title, x.mission_id, m.title AS mission_title,
       coalesce(x.signed_date, '') AS d, x.status, '' AS country,
       coalesce(x.fields, '[]') AS detail, 0 AS amount, '' AS currency, 0 AS n
FROM agreements x JOIN m ON m.id = x.mission_id
WHERE x.deleted = 0
  AND (?7 = '' OR x.status IN ('signed', 'in_implementation'))
  AND (?8 = '' OR EXISTS (SELECT 1 FROM json_each(coalesce(x.fields, '[]')) WHERE value = ?8))
ORDER BY d = '', d, x.title
)SQL";

constexpr const char *kContacts = R"SQL(
SELECT x.id, x.full_name AS title, x.mission_id, m.title AS mission_title, '' AS d,
       '' AS status, coalesce(x.country, '') AS country, coalesce(x.organisation, '') AS detail,
       0 AS amount, '' AS currency, 0 AS n
FROM contacts x JOIN m ON m.id = x.mission_id
WHERE x.deleted = 0
ORDER BY x.full_name
)SQL";

// ?7 non-empty: only leads whose pledge in that currency counts (not abandoned).
constexpr const char *kLeads = R"SQL(
SELECT x.id, x.company AS title, x.mission_id, m.title AS mission_title, '' AS d, x.status,
       coalesce(x.country, '') AS country, coalesce(x.sector, '') AS detail,
       coalesce(x.pledged_capital_amount, 0) AS amount,
       coalesce(x.pledged_capital_currency, '') AS currency, 0 AS n
FROM leads x JOIN m ON m.id = x.mission_id
WHERE x.deleted = 0
  AND (?7 = '' OR (x.status <> 'abandoned' AND x.pledged_capital_amount IS NOT NULL
                   AND x.pledged_capital_currency = ?7))
ORDER BY amount DESC, x.company
)SQL";

// ?7: open (open or in progress), overdue (open and due before ?6), done.
constexpr const char *kFollowUps = R"SQL(
SELECT x.id, x.title, x.mission_id, m.title AS mission_title, coalesce(x.due_date, '') AS d,
       x.status, '' AS country, coalesce(u.full_name, '') AS detail, 0 AS amount,
       '' AS currency, 0 AS n
FROM followups x JOIN m ON m.id = x.mission_id LEFT JOIN users u ON u.id = x.owner_id
WHERE x.deleted = 0
  AND CASE ?7
        WHEN 'open' THEN x.status IN ('open', 'in_progress')
        WHEN 'overdue' THEN x.status IN ('open', 'in_progress') AND x.due_date IS NOT NULL
                            AND x.due_date < ?6
        ELSE x.status = 'done' END
ORDER BY d = '', d, x.title
)SQL";

// "[\"JP\",\"KR\"]" → "JP,KR".
std::string joinJsonList(const std::string &text)
{
    const auto v = nlohmann::json::parse(text, nullptr, false);
    std::string out;
    if (!v.is_array())
        return out;
    for (const auto &s : v) {
        if (!s.is_string())
            continue;
        if (!out.empty())
            out += ',';
        out += s.get<std::string>();
    }
    return out;
}

template<typename F>
Result<void> query(Store &store, const ReportFilter &f, const std::string &asOf,
    const std::string &body, const std::string &p7, const std::string &p8, F onRow)
{
    auto s = store.database().prepare(std::string(kScope) + body);
    if (!s)
        return s.error();
    const std::string *params[]
        = {&f.from, &f.to, &f.organisationId, &f.country, &f.missionId, &asOf, &p7, &p8};
    for (int i = 0; i < 8; ++i)
        s->bind(i + 1, std::string_view(*params[i]));
    for (;;) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        onRow(*s);
    }
}

bool isMonth(const std::string &s)
{
    return s.size() >= 7 && s[4] == '-' && std::all_of(s.begin(), s.begin() + 4, ::isdigit)
        && std::isdigit(static_cast<unsigned char>(s[5]))
        && std::isdigit(static_cast<unsigned char>(s[6]));
}

int monthIndex(const std::string &ym) // "2026-03" → 2026 * 12 + 2
{
    return std::stoi(ym.substr(0, 4)) * 12 + std::stoi(ym.substr(5, 2)) - 1;
}

std::string monthKey(int index)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
    return buf;
}

std::vector<ChartBar> sortedBars(const std::map<std::string, std::int64_t> &counts)
{
    std::vector<ChartBar> bars;
    for (const auto &[k, n] : counts)
        bars.push_back({k, n});
    std::stable_sort(bars.begin(), bars.end(),
        [](const ChartBar &a, const ChartBar &b) { return a.value > b.value; });
    return bars;
}

} // namespace

Result<DashboardData> loadDashboard(Store &store, const ReportFilter &filter)
{
    DashboardData d;
    d.filter = filter;
    auto figures = store.report(filter);
    if (!figures)
        return figures.error();
    d.figures = std::move(*figures);
    d.missionsByCountry = sortedBars(d.figures.missionsByCountry);
    d.agreementsByField = sortedBars(d.figures.agreementsByField);

    std::map<std::string, std::int64_t> months;
    auto counted = query(store, filter, filter.asOf,
        "SELECT substr(start_date, 1, 7) AS k, count(*) AS n FROM m GROUP BY 1", {}, {},
        [&](const Statement &s) { months[s.text("k")] = s.integer("n"); });
    if (!counted)
        return counted.error();
    // Every month of the period, so that quiet months show as gaps; an open end stops at the
    // first or last mission, and a period of more than ten years shows only the months between
    // the first and the last mission.
    std::string first = isMonth(filter.from) ? filter.from.substr(0, 7) : std::string();
    std::string last = isMonth(filter.to) ? filter.to.substr(0, 7) : std::string();
    std::erase_if(months, [](const auto &kv) { return !isMonth(kv.first); });
    if (!months.empty()) {
        if (first.empty() || monthIndex(first) > monthIndex(months.begin()->first))
            first = months.begin()->first;
        if (last.empty() || monthIndex(last) < monthIndex(months.rbegin()->first))
            last = months.rbegin()->first;
        if (monthIndex(last) - monthIndex(first) > 120) {
            first = months.begin()->first;
            last = months.rbegin()->first;
        }
    }
    if (!first.empty() && !last.empty()) {
        for (int i = monthIndex(first); i <= monthIndex(last); ++i) {
            const std::string key = monthKey(i);
            auto it = months.find(key);
            d.missionsByMonth.push_back({key, it == months.end() ? 0 : it->second});
        }
    }
    return d;
}

Result<std::vector<DrillItem>> loadDrillDown(
    Store &store, const ReportFilter &filter, const std::string &key)
{
    // The same filter as the figures it drills into, refused the same way.
    if (auto valid = validateReportFilter(filter); !valid)
        return valid.error();
    const auto colon = key.find(':');
    const std::string name = key.substr(0, colon);
    const std::string arg = colon == std::string::npos ? std::string() : key.substr(colon + 1);

    const char *body = nullptr;
    std::string p7, p8;
    const char *kind = nullptr;
    if (name == "missions" || name == "personTrips") {
        body = kMissions, kind = "mission";
    } else if (name == "country" && !arg.empty()) {
        body = kMissions, kind = "mission", p7 = arg;
    } else if (name == "month" && isMonth(arg)) {
        body = kMissions, kind = "mission", p8 = arg.substr(0, 7);
    } else if (name == "officials") {
        body = kOfficials, kind = "user";
    } else if (name == "meetings") {
        body = kMeetings, kind = "meeting";
    } else if (name == "agreements") {
        body = kAgreements, kind = "agreement";
    } else if (name == "agreementsSigned") {
        body = kAgreements, kind = "agreement", p7 = "signed";
    } else if (name == "field" && !arg.empty()) {
        body = kAgreements, kind = "agreement", p8 = arg;
    } else if (name == "contacts") {
        body = kContacts, kind = "contact";
    } else if (name == "leads") {
        body = kLeads, kind = "lead";
    } else if (name == "capital" && !arg.empty()) {
        body = kLeads, kind = "lead", p7 = arg;
    } else if (name == "followUpsOpen") {
        body = kFollowUps, kind = "followup", p7 = "open";
    } else if (name == "followUpsOverdue") {
        body = kFollowUps, kind = "followup", p7 = "overdue";
    } else if (name == "followUpsDone") {
        body = kFollowUps, kind = "followup", p7 = "done";
    } else {
        return makeError("invalid_value", "No dashboard figure is called " + key + ".");
    }
    const std::string asOf = filter.asOf.empty() ? todayUtc() : filter.asOf;
    std::vector<DrillItem> items;
    auto r = query(store, filter, asOf, body, p7, p8, [&](const Statement &s) {
        DrillItem it;
        it.kind = kind;
        it.id = s.text("id");
        it.title = s.text("title");
        it.missionId = s.text("mission_id");
        it.missionTitle = s.text("mission_title");
        it.date = s.text("d");
        it.status = s.text("status");
        it.country = it.kind == std::string("mission") ? joinJsonList(s.text("country"))
                                                       : s.text("country");
        it.detail = it.kind == std::string("agreement") ? joinJsonList(s.text("detail"))
                                                        : s.text("detail");
        it.amount = s.integer("amount");
        it.currency = s.text("currency");
        it.count = s.integer("n");
        items.push_back(std::move(it));
    });
    if (!r)
        return r.error();
    return items;
}

Result<std::vector<FollowUpItem>> loadFollowUps(Store &store, const std::string &organisationId)
{
    auto s = store.database().prepare(R"SQL(
SELECT f.id, f.title, f.mission_id, m.title AS mission_title, coalesce(f.owner_id, '') AS owner,
       coalesce(u.full_name, '') AS owner_name, coalesce(f.due_date, '') AS due, f.status,
       coalesce(f.linked_kind, '') AS linked_kind, coalesce(f.linked_id, '') AS linked_id
FROM followups f JOIN missions m ON m.id = f.mission_id AND m.deleted = 0
LEFT JOIN users u ON u.id = f.owner_id
WHERE f.deleted = 0 AND (?1 = '' OR m.organisation_id = ?1)
ORDER BY due = '', due, f.title
)SQL");
    if (!s)
        return s.error();
    s->bind(1, std::string_view(organisationId));
    std::vector<FollowUpItem> items;
    for (;;) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        items.push_back({s->text("id"), s->text("title"), s->text("mission_id"),
            s->text("mission_title"), s->text("owner"), s->text("owner_name"), s->text("due"),
            s->text("status"), s->text("linked_kind"), s->text("linked_id"), {}});
    }
    // The titles of the records they came from: each kind words its title its own way
    // (Record::title()), and a list holds tens of follow-ups, not thousands.
    std::map<std::pair<std::string, std::string>, std::string> titles;
    for (auto &item : items) {
        if (item.linkedId.empty() || !findKind(item.linkedKind))
            continue;
        const auto key = std::make_pair(item.linkedKind, item.linkedId);
        auto known = titles.find(key);
        if (known == titles.end()) {
            auto linked = store.get(item.linkedKind, item.linkedId);
            if (!linked)
                return linked.error();
            known = titles
                        .emplace(key,
                            *linked && !(*linked)->deleted ? (*linked)->title() : std::string())
                        .first;
        }
        item.linkedTitle = known->second;
    }
    return items;
}

Result<std::vector<int>> missionYears(Store &store, const std::string &organisationId)
{
    auto s = store.database().prepare(
        "SELECT DISTINCT substr(start_date, 1, 4) AS y FROM missions WHERE deleted = 0 "
        "AND (?1 = '' OR organisation_id = ?1) ORDER BY y DESC");
    if (!s)
        return s.error();
    s->bind(1, std::string_view(organisationId));
    std::vector<int> years;
    for (;;) {
        auto row = s->step();
        if (!row)
            return row.error();
        if (!*row)
            return years;
        const std::string y = s->text("y");
        if (y.size() == 4 && std::all_of(y.begin(), y.end(), ::isdigit))
            years.push_back(std::stoi(y));
    }
}

} // namespace attache::documents
