#include "reports.h"

#include "database.h"
#include "iso.h"
#include "schema.h"
#include "text.h"
#include "uuid.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace attache {

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

// The missions a report covers, as a CTE every query below starts with. Parameters:
// ?1 from, ?2 to, ?3 organisation, ?4 country, ?5 mission, ?6 as-of date.
constexpr const char *kScope = R"SQL(
WITH m AS (
  SELECT id, leader_id, member_ids, countries FROM missions
  WHERE deleted = 0
    AND (?1 = '' OR start_date >= ?1)
    AND (?2 = '' OR start_date <= ?2)
    AND (?3 = '' OR organisation_id = ?3)
    AND (?4 = '' OR EXISTS (SELECT 1 FROM json_each(coalesce(countries, '[]')) WHERE value = ?4))
    AND (?5 = '' OR id = ?5)
)
)SQL";

class Query
{
public:
    Query(Database &db, const ReportFilter &f, const std::string &asOf)
        : m_db(db)
        , m_f(f)
        , m_asOf(asOf)
    { }

    // Runs `body` (a query after the scope CTE) and calls onRow for each row.
    template<typename F> Result<void> run(const std::string &body, F onRow)
    {
        auto s = m_db.prepare(std::string(kScope) + body);
        if (!s)
            return s.error();
        s->bind(1, std::string_view(m_f.from));
        s->bind(2, std::string_view(m_f.to));
        s->bind(3, std::string_view(m_f.organisationId));
        s->bind(4, std::string_view(m_f.country));
        s->bind(5, std::string_view(m_f.missionId));
        s->bind(6, std::string_view(m_asOf));
        for (;;) {
            auto row = s->step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            onRow(*s);
        }
    }

    Result<void> map(const std::string &body, std::map<std::string, std::int64_t> &out)
    {
        return run(body, [&](const Statement &s) { out[s.text("k")] = s.integer("n"); });
    }

private:
    Database &m_db;
    const ReportFilter &m_f;
    std::string m_asOf;
};

} // namespace

Result<void> validateReportFilter(const ReportFilter &filter)
{
    const std::pair<const char *, const std::string *> dates[]
        = {{"from", &filter.from}, {"to", &filter.to}, {"as_of", &filter.asOf}};
    for (const auto &[name, value] : dates) {
        if (!value->empty() && !isValidDate(*value))
            return makeError("invalid_date",
                "The report's “" + std::string(name) + "” date “" + printable(*value)
                    + "” is not a real date written YYYY-MM-DD.",
                name);
    }
    if (!filter.from.empty() && !filter.to.empty() && filter.to < filter.from)
        return makeError("invalid_period",
            "The report's period ends (" + filter.to + ") before it starts (" + filter.from + ").",
            "to");
    if (!filter.country.empty() && !isCountryCode(filter.country))
        return makeError("invalid_country",
            "“" + printable(filter.country)
                + "” is not a country code (ISO 3166, in capitals, such as VN, JP, KR).",
            "country");
    const std::pair<const char *, const std::string *> ids[]
        = {{"organisation_id", &filter.organisationId}, {"mission_id", &filter.missionId}};
    for (const auto &[name, value] : ids) {
        // Records hold ids in lower case: an upper-case one would match nothing.
        if (!value->empty()
            && (!isUuid(*value) || std::any_of(value->begin(), value->end(), [](char c) {
                   return c >= 'A' && c <= 'F';
               })))
            return makeError("invalid_reference",
                "The report's “" + std::string(name) + "” “" + printable(*value)
                    + "” is not a record id (a UUID in lower case).",
                name);
    }
    return {};
}

Result<ReportFigures> computeReport(Database &db, const ReportFilter &filter)
{
    if (auto valid = validateReportFilter(filter); !valid)
        return valid.error();
    ReportFigures r;
    Query q(db, filter, filter.asOf.empty() ? todayUtc() : filter.asOf);

    // A mission's people: its leader and members, each once (UNION removes duplicates).
    auto people = q.run(R"SQL(
, people AS (
  SELECT m.id AS mission, p.value AS person FROM m, json_each(coalesce(m.member_ids, '[]')) p
  UNION
  SELECT m.id, m.leader_id FROM m WHERE m.leader_id IS NOT NULL
)
SELECT (SELECT count(*) FROM m) AS missions,
       (SELECT count(*) FROM people) AS trips,
       (SELECT count(DISTINCT person) FROM people) AS officials
)SQL",
        [&](const Statement &s) {
            r.missions = s.integer("missions");
            r.personTrips = s.integer("trips");
            r.distinctOfficials = s.integer("officials");
        });
    if (!people)
        return people.error();

    auto counts = q.run(R"SQL(
SELECT
 (SELECT count(*) FROM meetings WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)) AS meetings,
 (SELECT count(*) FROM agreements WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)) AS agreements,
 (SELECT count(*) FROM agreements WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)
    AND status IN ('signed', 'in_implementation')) AS signed,
 (SELECT count(*) FROM contacts WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)) AS contacts,
 (SELECT count(*) FROM leads WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)) AS leads,
 (SELECT count(*) FROM followups WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)
    AND status IN ('open', 'in_progress')) AS fopen,
 (SELECT count(*) FROM followups WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)
    AND status = 'done') AS fdone,
 (SELECT count(*) FROM followups WHERE deleted = 0 AND mission_id IN (SELECT id FROM m)
    AND status IN ('open', 'in_progress') AND due_date IS NOT NULL AND due_date < ?6) AS foverdue
)SQL",
        [&](const Statement &s) {
            r.meetings = s.integer("meetings");
            r.agreements = s.integer("agreements");
            r.agreementsSigned = s.integer("signed");
            r.contacts = s.integer("contacts");
            r.leads = s.integer("leads");
            r.followUpsOpen = s.integer("fopen");
            r.followUpsDone = s.integer("fdone");
            r.followUpsOverdue = s.integer("foverdue");
        });
    if (!counts)
        return counts.error();

    const std::pair<const char *, std::map<std::string, std::int64_t> *> maps[] = {
        {R"SQL(SELECT f.value AS k, count(*) AS n FROM agreements a, json_each(coalesce(a.fields, '[]')) f
 WHERE a.deleted = 0 AND a.mission_id IN (SELECT id FROM m) GROUP BY f.value)SQL",
            &r.agreementsByField},
        {R"SQL(SELECT status AS k, count(*) AS n FROM agreements
 WHERE deleted = 0 AND mission_id IN (SELECT id FROM m) GROUP BY status)SQL",
            &r.agreementsByStatus},
        {R"SQL(SELECT coalesce(country, '') AS k, count(*) AS n FROM contacts
 WHERE deleted = 0 AND mission_id IN (SELECT id FROM m) GROUP BY 1)SQL",
            &r.contactsByCountry},
        {R"SQL(SELECT pledged_capital_currency AS k, sum(pledged_capital_amount) AS n FROM leads
 WHERE deleted = 0 AND mission_id IN (SELECT id FROM m) AND status <> 'abandoned'
   AND pledged_capital_amount IS NOT NULL GROUP BY 1)SQL",
            &r.pledgedCapital},
        {R"SQL(SELECT c.value AS k, count(*) AS n FROM m, json_each(coalesce(m.countries, '[]')) c
 GROUP BY c.value)SQL",
            &r.missionsByCountry},
    };
    for (const auto &[sql, out] : maps) {
        if (auto res = q.map(sql, *out); !res)
            return res.error();
    }
    return r;
}

} // namespace attache
