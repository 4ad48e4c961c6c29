#pragma once

#include "reportdata.h"

#include <string>

namespace attache::documents {

/// A period summary as JSON, for scripts and other systems (`attache-server admin summary
/// --format json`): the same figures as summaryCsv, with stable English keys, amounts as integers
/// in minor units per ISO 4217 currency, and the missions and signed agreements behind them.
std::string summaryJson(const SummaryData &data);

} // namespace attache::documents
