#pragma once

#include "result.h"

#include <cstdint>
#include <map>
#include <string>

namespace attache {

class Database;

/// Which missions a report covers, optionally of one organisation, to one country (ISO 3166
/// code, as the mission's `countries` hold them) or one mission; the filters combine.
///
/// A mission is "in the period" when its start date (the day the delegation leaves) lies within
/// [from, to], both days included; empty means open-ended. Its end date does not matter: a
/// mission leaving on 28 December and returning in January is one of that year's "11 đoàn" and
/// none of the next year's, one that left before `from` does not count even if it is still
/// abroad, so consecutive periods never count a mission twice. A mission's meetings, agreements,
/// contacts, leads and follow-ups count with their mission, whatever their own dates. Deleted
/// records never count.
struct ReportFilter
{
    std::string from;
    std::string to;
    std::string organisationId;
    std::string country;
    std::string missionId;
    /// Follow-ups due before this date and not done are overdue (default: today, UTC).
    std::string asOf;
};

/// The figures managers put in their reports ("11 đoàn với 33 lượt cán bộ").
struct ReportFigures
{
    std::int64_t missions = 0;
    std::int64_t personTrips = 0; ///< lượt cán bộ: one official on two missions counts twice
    std::int64_t distinctOfficials = 0;
    std::int64_t meetings = 0;
    std::int64_t agreements = 0;
    std::int64_t agreementsSigned = 0; ///< signed or in implementation
    std::map<std::string, std::int64_t> agreementsByField;
    std::map<std::string, std::int64_t> agreementsByStatus;
    std::int64_t contacts = 0;
    std::map<std::string, std::int64_t> contactsByCountry; ///< "" for unknown country
    std::int64_t leads = 0;
    /// Pledged capital of investment leads not abandoned, per currency, in minor units.
    std::map<std::string, std::int64_t> pledgedCapital;
    std::map<std::string, std::int64_t> missionsByCountry;
    std::int64_t followUpsOpen = 0;
    std::int64_t followUpsDone = 0;
    std::int64_t followUpsOverdue = 0;
};

/// Checks a filter before any query: dates must be real dates written YYYY-MM-DD (a "2020-12"
/// would silently drop December), `from` not after `to`, the country an ISO 3166 code in upper
/// case (as records hold them: "jp" would match nothing), the ids UUIDs. Errors: invalid_date,
/// invalid_period, invalid_country, invalid_reference, each naming the value and the field.
Result<void> validateReportFilter(const ReportFilter &filter);

/// The figures of the missions `filter` selects, or the error validateReportFilter gives.
Result<ReportFigures> computeReport(Database &db, const ReportFilter &filter);

} // namespace attache
