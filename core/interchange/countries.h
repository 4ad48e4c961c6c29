#pragma once

#include <string>
#include <string_view>

namespace attache::interchange {

/// The ISO 3166-1 alpha-2 code for a country as people write it in address books and
/// spreadsheets, in English or Vietnamese, with or without diacritics ("Japan", "Nhật Bản",
/// "nhat ban", "Korea, Republic of", "Hàn Quốc", "Lào", "JP", "JPN"). "" when unknown.
std::string countryCode(std::string_view name);

/// The English short name of a country code ("JP" → "Japan", as the app shows it in English);
/// the code itself if unknown.
std::string countryName(std::string_view code);

} // namespace attache::interchange
