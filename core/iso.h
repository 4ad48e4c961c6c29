#pragma once

#include <optional>
#include <string_view>

namespace attache {

/// ISO 3166-1 alpha-2 (upper case, plus XK for Kosovo).
bool isCountryCode(std::string_view code);
/// ISO 4217 active currency codes.
bool isCurrencyCode(std::string_view code);
/// Digits after the decimal point of a currency's minor unit (USD 2, VND 0, KWD 3).
std::optional<int> currencyMinorDigits(std::string_view code);

} // namespace attache
