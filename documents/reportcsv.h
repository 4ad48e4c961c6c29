#pragma once

#include "reportdata.h"

#include <string>

namespace attache::documents {

/// The figures of a mission report / period summary as CSV for Excel: UTF-8 with BOM, comma,
/// CRLF; one row per figure: "Mục,Chỉ tiêu,Giá trị,Đơn vị". Amounts are plain numbers in the
/// currency's major unit ("1500000", "337500000000") so that spreadsheets can add them up.
std::string missionReportCsv(const MissionReportData &data);
std::string summaryCsv(const SummaryData &data);

} // namespace attache::documents
