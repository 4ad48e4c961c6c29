#pragma once

#include "record.h"
#include "reports.h"
#include "result.h"

#include <map>
#include <string>
#include <vector>

namespace attache {
class Store;
}

namespace attache::documents {

/// Who issues a document and how it is numbered and signed; what the header and signature
/// block of a Vietnamese administrative report show.
struct DocumentHeader
{
    std::string parentOrganisation; ///< cơ quan chủ quản, e.g. "UBND TỈNH HÀ TĨNH" ("" none)
    std::string organisation; ///< issuing body; defaults to the organisation's name
    std::string number; ///< "15/BC-SNV"; "" prints "Số: …/BC"
    std::string place; ///< "Hà Tĩnh"
    std::string date; ///< YYYY-MM-DD; defaults to today
    std::string signerTitle; ///< "GIÁM ĐỐC", "TRƯỞNG ĐOÀN"
    std::string signerName;
};

/// Everything a mission report (báo cáo kết quả chuyến công tác) shows.
struct MissionReportData
{
    Record mission;
    std::string organisationName;
    std::string leaderName;
    std::vector<std::string> memberNames; ///< leader first, then members, each once
    std::vector<Record> meetings; ///< by start time
    std::vector<Record> agreements; ///< by signing date
    std::vector<Record> contacts; ///< by name
    std::vector<Record> leads; ///< by company
    std::vector<Record> followUps; ///< by due date
    std::map<std::string, std::string> userNames; ///< id → full name (follow-up owners)
    ReportFigures figures; ///< computeReport for this mission
};

/// One line of the missions table of a period summary.
struct MissionRow
{
    std::string id, title, startDate, endDate, decisionNumber;
    std::vector<std::string> countries;
    std::int64_t people = 0; ///< leader + members, each once
};

/// Capital and count of the investment leads from one country.
struct LeadCountryRow
{
    std::int64_t leads = 0;
    std::map<std::string, std::int64_t> capital; ///< currency → minor units (not abandoned)
};

/// Everything a period summary (tổng kết) shows.
struct SummaryData
{
    ReportFilter filter;
    std::string organisationName; ///< "" when the summary spans organisations
    ReportFigures figures;
    std::vector<MissionRow> missions; ///< by start date
    std::vector<Record> agreementsSigned; ///< signed or in implementation, by date
    std::map<std::string, LeadCountryRow> leadsByCountry; ///< "" unknown country
};

/// `asOf`: follow-ups due before this date and not done count as overdue ("" today).
Result<MissionReportData> loadMissionReport(
    Store &store, const std::string &missionId, const std::string &asOf = {});
Result<SummaryData> loadSummary(Store &store, const ReportFilter &filter);

/// Vietnamese names used by the documents.
/// "JP" → "Nhật Bản", "DE" → "Cộng hòa Liên bang Đức" (the app's names, core/countrynames.h);
/// "" → "Không rõ"; an unknown code as itself.
std::string countryNameVi(const std::string &code);
std::string fieldNameVi(const std::string &field); ///< "education" → "Giáo dục"
std::string agreementKindVi(const std::string &kind); ///< "mou" → "Biên bản ghi nhớ"
std::string agreementStatusVi(const std::string &status);
std::string leadStatusVi(const std::string &status);
std::string followUpStatusVi(const std::string &status);

} // namespace attache::documents
