#pragma once

#include "reportdata.h"

#include <QString>

namespace attache::documents {

/// The documents as rich text for QTextDocument, laid out like a Vietnamese administrative
/// report: the issuing body and number beside the national motto, the date line, numbered
/// sections with tables, the signature block. Every value from the store is escaped (shown
/// as plain text).
QString missionReportHtml(const MissionReportData &data, const DocumentHeader &header);
QString summaryHtml(const SummaryData &data, const DocumentHeader &header);

} // namespace attache::documents
