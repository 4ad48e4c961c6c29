#pragma once

#include <span>
#include <string_view>

namespace attache {

/// A country's name in the app's two languages. One list serves the app (pickers, lists,
/// dashboard) and the reports (PDF and CSV, the server's summary), so that a country reads the
/// same on screen and on paper. Vietnamese names are the ones administrative reports use:
/// "Hàn Quốc", "Nhật Bản", "Hoa Kỳ", and the official form where the reports write it,
/// "Cộng hòa Liên bang Đức", "Đài Loan (Trung Quốc)".
struct CountryNames
{
    std::string_view code; ///< ISO 3166-1 alpha-2 ("DE"), or "XK" for Kosovo
    std::string_view english; ///< "Germany"
    std::string_view vietnamese; ///< "Cộng hòa Liên bang Đức"
};

/// The names of a country code (every code isCountryCode() accepts, and XK); nullptr if unknown.
const CountryNames *findCountry(std::string_view code);
/// Every country, by code.
std::span<const CountryNames> allCountries();

} // namespace attache
