#include "countries.h"

#include "countrynames.h"
#include "iso.h"
#include "text.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace attache::interchange {

namespace {

struct Country
{
    const char *code;
    const char *alpha3;
    const char *aliases; ///< spellings other than the names of core/countrynames.h, '|'-separated
};

// The countries Vietnamese delegations deal with most, and every neighbour: their ISO alpha-3
// codes and other names as Google, Outlook, iOS and Android write them, plus the Vietnamese
// names officials type. The English and Vietnamese names the app shows (core/countrynames.h)
// are recognised for every country.
constexpr Country kCountries[] = {
    {"VN", "VNM", "Viet Nam|Việt Nam|Socialist Republic of Vietnam|Vietnam, Socialist Republic of"},
    {"JP", "JPN", "Nhật Bản|Nhật|Nippon"},
    {"KR", "KOR",
        "Korea|Korea, Republic of|Republic of Korea|Korea (South)|Hàn Quốc|Đại Hàn Dân Quốc|Nam "
        "Hàn"},
    {"KP", "PRK",
        "Korea, Democratic People's Republic of|Democratic People's Republic of Korea|Triều "
        "Tiên|Bắc Triều Tiên"},
    {"LA", "LAO", "Lao|Lao PDR|Lao People's Democratic Republic|Lào|CHDCND Lào"},
    {"KH", "KHM", "Kingdom of Cambodia|Campuchia|Cam-pu-chia"},
    {"TH", "THA", "Thái Lan"},
    {"CN", "CHN", "People's Republic of China|PRC|Trung Quốc"},
    {"TW", "TWN", "Taiwan, Province of China|Đài Loan"},
    {"HK", "HKG", "Hong Kong SAR|Hồng Kông|Hồng Công"},
    {"MO", "MAC", "Macau|Ma Cao"},
    {"SG", "SGP", "Xinh-ga-po|Xin-ga-po"},
    {"MY", "MYS", "Ma-lai-xi-a"},
    {"ID", "IDN", "In-đô-nê-xi-a"},
    {"PH", "PHL", "Phi-líp-pin|Philippin"},
    {"MM", "MMR", "Burma|Mi-an-ma"},
    {"BN", "BRN", "Brunei Darussalam|Bru-nây"},
    {"TL", "TLS", "East Timor|Đông Timor"},
    {"IN", "IND", "Ấn Độ"},
    {"BD", "BGD", "Băng-la-đét"},
    {"PK", "PAK", ""},
    {"LK", "LKA", ""},
    {"MN", "MNG", "Mông Cổ"},
    {"US", "USA", "United States of America|USA|U.S.A.|U.S.|America|Hoa Kỳ|Mỹ"},
    {"CA", "CAN", "Ca-na-đa"},
    {"MX", "MEX", "Mê-hi-cô"},
    {"BR", "BRA", "Bra-xin|Brasil"},
    {"AR", "ARG", "Ác-hen-ti-na"},
    {"CL", "CHL", "Chi-lê"},
    {"CU", "CUB", "Cu Ba"},
    {"GB", "GBR", "UK|U.K.|Great Britain|Britain|England|Vương quốc Anh|Anh"},
    {"IE", "IRL", "Ai-len"},
    {"FR", "FRA", "Pháp"},
    {"DE", "DEU", "Deutschland|Đức|CHLB Đức"},
    {"IT", "ITA", "Italia|Ý"},
    {"ES", "ESP", "Tây Ban Nha"},
    {"PT", "PRT", "Bồ Đào Nha"},
    {"NL", "NLD", "The Netherlands|Holland|Hà Lan"},
    {"BE", "BEL", "Bỉ"},
    {"LU", "LUX", "Lúc-xăm-bua"},
    {"CH", "CHE", "Thụy Sĩ|Thuỵ Sĩ"},
    {"AT", "AUT", "Áo"},
    {"DK", "DNK", "Đan Mạch"},
    {"SE", "SWE", "Thụy Điển|Thuỵ Điển"},
    {"NO", "NOR", "Na Uy"},
    {"FI", "FIN", "Phần Lan"},
    {"PL", "POL", "Ba Lan"},
    {"CZ", "CZE", "Czech Republic|Séc|Cộng hòa Séc|Cộng hoà Séc"},
    {"SK", "SVK", "Xlô-va-ki-a"},
    {"HU", "HUN", "Hungari|Hung-ga-ri"},
    {"RO", "ROU", "Ru-ma-ni"},
    {"BG", "BGR", "Bun-ga-ri"},
    {"GR", "GRC", "Hy Lạp"},
    {"RU", "RUS", "Russian Federation|Liên bang Nga|Nga"},
    {"UA", "UKR", "U-crai-na"},
    {"BY", "BLR", "Bê-la-rút"},
    {"KZ", "KAZ", "Ca-dắc-xtan"},
    {"TR", "TUR", "Turkey|Thổ Nhĩ Kỳ"},
    {"IL", "ISR", "I-xra-en"},
    {"SA", "SAU", "Ả Rập Xê Út|Ả-rập Xê-út"},
    {"AE", "ARE", "UAE|Các Tiểu vương quốc Ả Rập Thống nhất"},
    {"QA", "QAT", "Ca-ta"},
    {"KW", "KWT", "Cô-oét"},
    {"IR", "IRN", "Iran, Islamic Republic of|I-ran"},
    {"EG", "EGY", "Ai Cập"},
    {"ZA", "ZAF", "Nam Phi"},
    {"NG", "NGA", "Ni-giê-ri-a"},
    {"MZ", "MOZ", "Mô-dăm-bích"},
    {"AO", "AGO", "Ăng-gô-la"},
    {"DZ", "DZA", "An-giê-ri"},
    {"MA", "MAR", "Ma-rốc"},
    {"AU", "AUS", "Úc|Ô-xtơ-rây-li-a|Australia (AU)"},
    {"NZ", "NZL", "Niu Di-lân|Niu Zi-lân"},
};

// Case, accents and punctuation removed: "Korea, Republic of" → "korea republic of".
std::string key(std::string_view name)
{
    std::string folded = foldForSearch(name), out;
    for (char c : folded) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

const std::unordered_map<std::string, std::string> &index()
{
    static const auto map = [] {
        std::unordered_map<std::string, std::string> m;
        for (const auto &c : kCountries) {
            std::string_view rest = c.aliases;
            while (!rest.empty()) {
                const auto bar = rest.find('|');
                m.emplace(key(rest.substr(0, bar)), c.code);
                rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
            }
        }
        // The app's names, for every country (the spellings above win where they overlap).
        for (const auto &c : allCountries()) {
            m.emplace(key(c.english), std::string(c.code));
            m.emplace(key(c.vietnamese), std::string(c.code));
        }
        // Alpha-3 codes typed in lower case last: "Nga" is Russia, "NGA" (upper case, see
        // countryCode) Nigeria.
        for (const auto &c : kCountries)
            m.emplace(key(c.alpha3), c.code);
        return m;
    }();
    return map;
}

} // namespace

std::string countryCode(std::string_view name)
{
    const std::string trimmedName = trimmed(name);
    if (trimmedName.size() == 2) {
        std::string upper = trimmedName;
        for (char &c : upper) {
            if (c >= 'a' && c <= 'z')
                c = char(c - 'a' + 'A');
        }
        if (isCountryCode(upper))
            return upper;
    }
    if (trimmedName.size() == 3 && std::all_of(trimmedName.begin(), trimmedName.end(), [](char c) {
            return c >= 'A' && c <= 'Z';
        })) {
        for (const auto &c : kCountries) {
            if (trimmedName == c.alpha3)
                return c.code;
        }
    }
    const std::string k = key(trimmedName);
    if (k.empty())
        return {};
    const auto &m = index();
    if (auto it = m.find(k); it != m.end())
        return it->second;
    // "Japan (JP)", "Cộng hòa Séc", "Vương quốc Thái Lan": try without a leading "republic of"
    // style prefix and without a parenthesised suffix.
    for (std::string_view prefix : {"the ", "republic of ", "kingdom of ", "nuoc ", "cong hoa ",
             "vuong quoc ", "cong hoa dan chu nhan dan "}) {
        if (k.starts_with(prefix)) {
            if (auto it = m.find(k.substr(prefix.size())); it != m.end())
                return it->second;
        }
    }
    return {};
}

std::string countryName(std::string_view code)
{
    const CountryNames *names = findCountry(code);
    return names ? std::string(names->english) : std::string(code);
}

} // namespace attache::interchange
