#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace attache::documents {

/// Numbers as Vietnamese documents write them: "." between thousands, "," before decimals.
std::string formatInteger(std::int64_t value); ///< 1500000 → "1.500.000"

/// An amount in minor units of a currency, as a report writes it:
/// USD 150000000 → "1.500.000 USD", USD 150050 → "1.500,50 USD",
/// VND 337500000000 → "337,5 tỷ đồng", VND 450000000 → "450 triệu đồng",
/// VND 125000 → "125.000 đồng". Amounts of a billion đồng or more are in tỷ, of a million or
/// more in triệu, with at most two decimals, as in "15 triệu USD (khoảng 337,5 tỷ đồng)".
std::string formatMoney(std::int64_t minorUnits, std::string_view currency);

/// The same amount in full, for tables and CSV cells: "1.500.000,00" / "337.500.000.000".
std::string formatAmount(std::int64_t minorUnits, std::string_view currency);

/// An amount for spreadsheets: "1500000.50", "337500000000" (no thousands separator).
std::string plainAmount(std::int64_t minorUnits, std::string_view currency);

/// "2027-01-15" → "15/01/2027"; anything else is returned as it is.
std::string shortDate(std::string_view isoDate);

/// The date line of an administrative document: "Hà Tĩnh, ngày 15 tháng 01 năm 2027"
/// (without a place: "ngày 15 tháng 01 năm 2027"). Days and months below 10 take a leading zero.
std::string dateLine(std::string_view place, std::string_view isoDate);

} // namespace attache::documents
