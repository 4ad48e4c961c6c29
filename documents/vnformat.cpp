#include "vnformat.h"

#include "iso.h"
#include "schema.h"

#include <cstdlib>

namespace attache::documents {

namespace {

std::int64_t pow10(int n)
{
    std::int64_t p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

std::string groupThousands(std::uint64_t v)
{
    std::string digits = std::to_string(v), out;
    const int n = int(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += '.';
        out += digits[size_t(i)];
    }
    return out;
}

// value / 10^scale with at most `decimals` decimals, trailing zeros dropped, "," as separator.
std::string scaled(std::uint64_t value, std::int64_t unit, int decimals)
{
    const std::uint64_t u = std::uint64_t(unit);
    const std::uint64_t step = u / std::uint64_t(pow10(decimals));
    // Round half up to `decimals` places.
    const std::uint64_t rounded = step > 0 ? (value + step / 2) / step : value;
    const std::uint64_t whole = rounded / std::uint64_t(pow10(decimals));
    std::uint64_t frac = rounded % std::uint64_t(pow10(decimals));
    std::string out = groupThousands(whole);
    if (frac == 0)
        return out;
    std::string f = std::to_string(frac);
    f.insert(0, size_t(decimals) - f.size(), '0');
    while (!f.empty() && f.back() == '0')
        f.pop_back();
    return out + "," + f;
}

int digitsOf(std::string_view currency)
{
    return currencyMinorDigits(currency).value_or(2);
}

} // namespace

std::string formatInteger(std::int64_t value)
{
    const bool negative = value < 0;
    const std::uint64_t mag
        = negative ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
    return (negative ? "-" : "") + groupThousands(mag);
}

std::string formatAmount(std::int64_t minorUnits, std::string_view currency)
{
    const int digits = digitsOf(currency);
    const bool negative = minorUnits < 0;
    const std::uint64_t mag
        = negative ? std::uint64_t(0) - std::uint64_t(minorUnits) : std::uint64_t(minorUnits);
    const std::uint64_t unit = std::uint64_t(pow10(digits));
    std::string out = (negative ? "-" : "") + groupThousands(mag / unit);
    if (digits > 0) {
        std::string f = std::to_string(mag % unit);
        f.insert(0, size_t(digits) - f.size(), '0');
        out += "," + f;
    }
    return out;
}

std::string plainAmount(std::int64_t minorUnits, std::string_view currency)
{
    const int digits = digitsOf(currency);
    const bool negative = minorUnits < 0;
    const std::uint64_t mag
        = negative ? std::uint64_t(0) - std::uint64_t(minorUnits) : std::uint64_t(minorUnits);
    const std::uint64_t unit = std::uint64_t(pow10(digits));
    std::string out = (negative ? "-" : "") + std::to_string(mag / unit);
    if (digits > 0 && mag % unit != 0) {
        std::string f = std::to_string(mag % unit);
        f.insert(0, size_t(digits) - f.size(), '0');
        out += "." + f;
    }
    return out;
}

std::string formatMoney(std::int64_t minorUnits, std::string_view currency)
{
    const int digits = digitsOf(currency);
    const bool negative = minorUnits < 0;
    const std::uint64_t mag
        = negative ? std::uint64_t(0) - std::uint64_t(minorUnits) : std::uint64_t(minorUnits);
    const std::string sign = negative ? "-" : "";
    const std::int64_t unit = pow10(digits);
    if (currency == "VND") {
        if (mag >= 1'000'000'000ULL)
            return sign + scaled(mag, 1'000'000'000, 2) + " tỷ đồng";
        if (mag >= 1'000'000ULL)
            return sign + scaled(mag, 1'000'000, 2) + " triệu đồng";
        return sign + groupThousands(mag) + " đồng";
    }
    // Whole amounts as "1.500.000 USD"; cents only when there are any.
    if (mag % std::uint64_t(unit) == 0)
        return sign + groupThousands(mag / std::uint64_t(unit)) + " " + std::string(currency);
    return formatAmount(minorUnits, currency) + " " + std::string(currency);
}

std::string shortDate(std::string_view iso)
{
    if (!isValidDate(iso.substr(0, 10)))
        return std::string(iso);
    return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/"
        + std::string(iso.substr(0, 4));
}

std::string dateLine(std::string_view place, std::string_view iso)
{
    std::string out = place.empty() ? std::string() : std::string(place) + ", ";
    if (!isValidDate(iso))
        return out + "ngày … tháng … năm …";
    return out + "ngày " + std::string(iso.substr(8, 2)) + " tháng " + std::string(iso.substr(5, 2))
        + " năm " + std::string(iso.substr(0, 4));
}

} // namespace attache::documents
