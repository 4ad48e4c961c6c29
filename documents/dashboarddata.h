#pragma once

#include "reports.h"
#include "result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace attache {
class Store;
}

namespace attache::documents {

/// One bar of a dashboard chart: what it counts (a country code, a month "2026-03", a field of
/// cooperation) and how many.
struct ChartBar
{
    std::string key;
    std::int64_t value = 0;
};

/// What the manager's dashboard shows for a period: the figures of computeReport (the very
/// numbers the period summary prints) and three charts. Every figure and bar has a drill-down
/// key (see loadDrillDown) naming the records behind it.
struct DashboardData
{
    ReportFilter filter;
    ReportFigures figures;
    std::vector<ChartBar>
        missionsByCountry; ///< most missions first; a mission to two countries counts in both
    std::vector<ChartBar> missionsByMonth; ///< every month of the period in order, zeros included
    std::vector<ChartBar>
        agreementsByField; ///< most agreements first; an agreement counts in each of its fields
};

Result<DashboardData> loadDashboard(Store &store, const ReportFilter &filter);

/// One record behind a figure or a bar.
struct DrillItem
{
    std::string kind; ///< mission, meeting, agreement, contact, lead, followup, user
    std::string id;
    std::string title;
    std::string missionId; ///< "" for a mission or an official
    std::string missionTitle;
    std::string date; ///< ISO: a mission's start, a meeting's start, a signing, a due date
    std::string status;
    std::string country; ///< ISO 3166 code(s), comma-separated for a mission to several
    std::string detail; ///< organisation of a contact, owner of a follow-up, field list…
    std::int64_t amount = 0; ///< a lead's pledged capital in minor units
    std::string currency;
    std::int64_t count = 0; ///< people on a mission; missions of an official
};

/// The records behind a dashboard figure or bar, sorted for reading (by date, then title).
/// `key` is one of: missions, personTrips (the missions, each with its people count, which add
/// up to the figure), officials (users, each with their missions count), meetings, agreements,
/// agreementsSigned, contacts, leads, capital:CUR (leads whose pledge in CUR counts),
/// followUpsOpen, followUpsOverdue, followUpsDone, country:CC, month:YYYY-MM, field:FIELD
/// (agreements). An unknown key is an error.
Result<std::vector<DrillItem>> loadDrillDown(
    Store &store, const ReportFilter &filter, const std::string &key);

/// The years in which missions of the organisation ("" every one) start, newest first.
Result<std::vector<int>> missionYears(Store &store, const std::string &organisationId = {});

/// A follow-up after return, with its mission and owner, for the list across missions, and
/// the record it came from (a meeting, an agreement…) where it has one: `linkedTitle` is ""
/// when that record is not on the device.
struct FollowUpItem
{
    std::string id, title, missionId, missionTitle, ownerId, ownerName, dueDate, status;
    std::string linkedKind, linkedId, linkedTitle;
};

/// Every follow-up of every mission on the device that is not deleted (of one organisation
/// when `organisationId` is given), by due date, those without one last.
Result<std::vector<FollowUpItem>> loadFollowUps(
    Store &store, const std::string &organisationId = {});

} // namespace attache::documents
