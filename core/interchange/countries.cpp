#include "countries.h"

#include "iso.h"
#include "text.h"

#include <string>
#include <unordered_map>

namespace attache::interchange {

namespace {

struct Country
{
    const char *code;
    const char *alpha3;
    const char *name; ///< English short name, used on export
    const char *aliases; ///< other spellings, English and Vietnamese, '|'-separated
};

// The countries Vietnamese delegations deal with most, and every neighbour; names as Google,
// Outlook, iOS and Android write them, plus the Vietnamese names officials type.
constexpr Country kCountries[] = {
    {"VN", "VNM", "Vietnam",
        "Viet Nam|Việt Nam|Socialist Republic of Vietnam|Vietnam, Socialist Republic of"},
    {"JP", "JPN", "Japan", "Nhật Bản|Nhật|Nippon"},
    {"KR", "KOR", "South Korea",
        "Korea|Korea, Republic of|Republic of Korea|Korea (South)|Hàn Quốc|Đại Hàn Dân Quốc|Nam "
        "Hàn"},
    {"KP", "PRK", "North Korea",
        "Korea, Democratic People's Republic of|Democratic People's Republic of Korea|Triều "
        "Tiên|Bắc Triều Tiên"},
    {"LA", "LAO", "Laos", "Lao|Lao PDR|Lao People's Democratic Republic|Lào|CHDCND Lào"},
    {"KH", "KHM", "Cambodia", "Kingdom of Cambodia|Campuchia|Cam-pu-chia"},
    {"TH", "THA", "Thailand", "Thái Lan"},
    {"CN", "CHN", "China", "People's Republic of China|PRC|Trung Quốc"},
    {"TW", "TWN", "Taiwan", "Taiwan, Province of China|Đài Loan"},
    {"HK", "HKG", "Hong Kong", "Hong Kong SAR|Hồng Kông|Hồng Công"},
    {"MO", "MAC", "Macao", "Macau|Ma Cao"},
    {"SG", "SGP", "Singapore", "Xinh-ga-po|Xin-ga-po"},
    {"MY", "MYS", "Malaysia", "Ma-lai-xi-a"},
    {"ID", "IDN", "Indonesia", "In-đô-nê-xi-a"},
    {"PH", "PHL", "Philippines", "Phi-líp-pin|Philippin"},
    {"MM", "MMR", "Myanmar", "Burma|Mi-an-ma"},
    {"BN", "BRN", "Brunei", "Brunei Darussalam|Bru-nây"},
    {"TL", "TLS", "Timor-Leste", "East Timor|Đông Timor"},
    {"IN", "IND", "India", "Ấn Độ"},
    {"BD", "BGD", "Bangladesh", "Băng-la-đét"},
    {"PK", "PAK", "Pakistan", ""},
    {"LK", "LKA", "Sri Lanka", ""},
    {"MN", "MNG", "Mongolia", "Mông Cổ"},
    {"US", "USA", "United States", "United States of America|USA|U.S.A.|U.S.|America|Hoa Kỳ|Mỹ"},
    {"CA", "CAN", "Canada", "Ca-na-đa"},
    {"MX", "MEX", "Mexico", "Mê-hi-cô"},
    {"BR", "BRA", "Brazil", "Bra-xin|Brasil"},
    {"AR", "ARG", "Argentina", "Ác-hen-ti-na"},
    {"CL", "CHL", "Chile", "Chi-lê"},
    {"CU", "CUB", "Cuba", "Cu Ba"},
    {"GB", "GBR", "United Kingdom", "UK|U.K.|Great Britain|Britain|England|Vương quốc Anh|Anh"},
    {"IE", "IRL", "Ireland", "Ai-len"},
    {"FR", "FRA", "France", "Pháp"},
    {"DE", "DEU", "Germany", "Deutschland|Đức|CHLB Đức"},
    {"IT", "ITA", "Italy", "Italia|Ý"},
    {"ES", "ESP", "Spain", "Tây Ban Nha"},
    {"PT", "PRT", "Portugal", "Bồ Đào Nha"},
    {"NL", "NLD", "Netherlands", "The Netherlands|Holland|Hà Lan"},
    {"BE", "BEL", "Belgium", "Bỉ"},
    {"LU", "LUX", "Luxembourg", "Lúc-xăm-bua"},
    {"CH", "CHE", "Switzerland", "Thụy Sĩ|Thuỵ Sĩ"},
    {"AT", "AUT", "Austria", "Áo"},
    {"DK", "DNK", "Denmark", "Đan Mạch"},
    {"SE", "SWE", "Sweden", "Thụy Điển|Thuỵ Điển"},
    {"NO", "NOR", "Norway", "Na Uy"},
    {"FI", "FIN", "Finland", "Phần Lan"},
    {"PL", "POL", "Poland", "Ba Lan"},
    {"CZ", "CZE", "Czechia", "Czech Republic|Séc|Cộng hòa Séc|Cộng hoà Séc"},
    {"SK", "SVK", "Slovakia", "Xlô-va-ki-a"},
    {"HU", "HUN", "Hungary", "Hungari|Hung-ga-ri"},
    {"RO", "ROU", "Romania", "Ru-ma-ni"},
    {"BG", "BGR", "Bulgaria", "Bun-ga-ri"},
    {"GR", "GRC", "Greece", "Hy Lạp"},
    {"RU", "RUS", "Russia", "Russian Federation|Liên bang Nga|Nga"},
    {"UA", "UKR", "Ukraine", "U-crai-na"},
    {"BY", "BLR", "Belarus", "Bê-la-rút"},
    {"KZ", "KAZ", "Kazakhstan", "Ca-dắc-xtan"},
    {"TR", "TUR", "Türkiye", "Turkey|Thổ Nhĩ Kỳ"},
    {"IL", "ISR", "Israel", "I-xra-en"},
    {"SA", "SAU", "Saudi Arabia", "Ả Rập Xê Út|Ả-rập Xê-út"},
    {"AE", "ARE", "United Arab Emirates", "UAE|Các Tiểu vương quốc Ả Rập Thống nhất"},
    {"QA", "QAT", "Qatar", "Ca-ta"},
    {"KW", "KWT", "Kuwait", "Cô-oét"},
    {"IR", "IRN", "Iran", "Iran, Islamic Republic of|I-ran"},
    {"EG", "EGY", "Egypt", "Ai Cập"},
    {"ZA", "ZAF", "South Africa", "Nam Phi"},
    {"NG", "NGA", "Nigeria", "Ni-giê-ri-a"},
    {"MZ", "MOZ", "Mozambique", "Mô-dăm-bích"},
    {"AO", "AGO", "Angola", "Ăng-gô-la"},
    {"DZ", "DZA", "Algeria", "An-giê-ri"},
    {"MA", "MAR", "Morocco", "Ma-rốc"},
    {"AU", "AUS", "Australia", "Úc|Ô-xtơ-rây-li-a|Australia (AU)"},
    {"NZ", "NZL", "New Zealand", "Niu Di-lân|Niu Zi-lân"},
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
            m.emplace(key(c.name), c.code);
            m.emplace(key(c.alpha3), c.code);
            std::string_view rest = c.aliases;
            while (!rest.empty()) {
                const auto bar = rest.find('|');
                m.emplace(key(rest.substr(0, bar)), c.code);
                rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
            }
        }
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
    for (const auto &c : kCountries) {
        if (code == c.code)
            return c.name;
    }
    return std::string(code);
}

} // namespace attache::interchange
