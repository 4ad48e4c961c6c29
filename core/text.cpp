#include "text.h"

#include <cstdint>
#include <unordered_map>

namespace attache {

namespace {

// Decodes one code point at s[i]; returns the length consumed, or 0 if malformed.
int decode(std::string_view s, size_t i, char32_t &cp)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    int len;
    char32_t min;
    if ((b0 & 0xe0) == 0xc0) {
        len = 2;
        cp = b0 & 0x1f;
        min = 0x80;
    } else if ((b0 & 0xf0) == 0xe0) {
        len = 3;
        cp = b0 & 0x0f;
        min = 0x800;
    } else if ((b0 & 0xf8) == 0xf0) {
        len = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + size_t(len) > s.size())
        return 0;
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + size_t(k)]);
        if ((b & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

void encode(char32_t cp, std::string &out)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xc0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xe0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(char(0x80 | (cp & 0x3f)));
    } else {
        out.push_back(char(0xf0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3f)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(char(0x80 | (cp & 0x3f)));
    }
}

struct FoldGroup
{
    const char *base;
    const char *letters; // UTF-8, every letter here folds to base
};

// Every precomposed Vietnamese letter in both cases, and the common Latin letters of the
// languages officials meet (French, German, Spanish, Nordic, Turkish, Polish, Czech).
constexpr FoldGroup kGroups[] = {
    {"a", "àáảãạăằắẳẵặâầấẩẫậäåāąÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀĄ"},
    {"d", "đĐďĎð"},
    {"e", "èéẻẽẹêềếểễệëēęěÈÉẺẼẸÊỀẾỂỄỆËĒĘĚ"},
    {"i", "ìíỉĩịîïīıÌÍỈĨỊÎÏĪİ"},
    {"o", "òóỏõọôồốổỗộơờớởỡợöøōőÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØŌŐ"},
    {"u", "ùúủũụưừứửữựûüūůűÙÚỦŨỤƯỪỨỬỮỰÛÜŪŮŰ"},
    {"y", "ỳýỷỹỵÿỲÝỶỸỴŸ"},
    {"c", "çćčÇĆČ"},
    {"n", "ñńňÑŃŇ"},
    {"s", "śšşŚŠŞ"},
    {"z", "źżžŹŻŽ"},
    {"l", "łŁ"},
    {"r", "řŘ"},
    {"t", "ťţŤŢ"},
    {"g", "ğĞ"},
    {"ae", "æÆ"},
    {"oe", "œŒ"},
    {"ss", "ß"},
};

const std::unordered_map<char32_t, const char *> &foldTable()
{
    static const auto table = [] {
        std::unordered_map<char32_t, const char *> t;
        for (const auto &g : kGroups) {
            const std::string_view letters(g.letters);
            size_t i = 0;
            while (i < letters.size()) {
                char32_t cp = 0;
                const int n = decode(letters, i, cp);
                t.emplace(cp, g.base);
                i += size_t(n);
            }
        }
        return t;
    }();
    return table;
}

bool isCombiningMark(char32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff)
        || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff);
}

bool isSpace(char32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v'
        || cp == 0xa0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200b) || cp == 0xfeff;
}

} // namespace

bool isValidUtf8(std::string_view s)
{
    size_t i = 0;
    while (i < s.size()) {
        char32_t cp;
        const int n = decode(s, i, cp);
        if (n == 0)
            return false;
        i += size_t(n);
    }
    return true;
}

std::string printable(std::string_view s)
{
    if (isValidUtf8(s))
        return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    size_t i = 0;
    while (i < s.size()) {
        char32_t cp;
        const int n = decode(s, i, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(s.substr(i, size_t(n)));
        i += size_t(n);
    }
    return out;
}

std::string foldForSearch(std::string_view s)
{
    const auto &table = foldTable();
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        char32_t cp;
        const int n = decode(s, i, cp);
        if (n == 0) {
            ++i;
            continue;
        }
        i += size_t(n);
        if (cp < 0x80) {
            out.push_back(cp >= 'A' && cp <= 'Z' ? char(cp - 'A' + 'a') : char(cp));
        } else if (isCombiningMark(cp)) {
            continue;
        } else if (auto it = table.find(cp); it != table.end()) {
            out += it->second;
        } else if ((cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x410 && cp <= 0x42f)) {
            encode(cp + 0x20, out); // Greek and Cyrillic capitals
        } else if (cp >= 0x400 && cp <= 0x40f) {
            encode(cp + 0x50, out);
        } else {
            encode(cp, out);
        }
    }
    return out;
}

std::vector<std::string> searchTokens(std::string_view query)
{
    const std::string folded = foldForSearch(query);
    std::vector<std::string> tokens;
    std::string current;
    size_t i = 0;
    while (i < folded.size()) {
        char32_t cp;
        const int n = decode(folded, i, cp);
        const bool word = cp >= 0x80 ? !isSpace(cp) && cp != 0x201c && cp != 0x201d
                                     : ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'));
        if (word) {
            current.append(folded, i, size_t(n));
        } else if (!current.empty()) {
            tokens.push_back(std::move(current));
            current.clear();
        }
        i += size_t(n);
    }
    if (!current.empty())
        tokens.push_back(std::move(current));
    return tokens;
}

std::string trimmed(std::string_view s)
{
    size_t b = 0, e = s.size();
    auto spaceAt = [&](size_t i, int &len) {
        char32_t cp;
        len = decode(s, i, cp);
        return len > 0 && isSpace(cp);
    };
    int len = 0;
    while (b < e && spaceAt(b, len))
        b += size_t(len);
    while (e > b) {
        // Step back to the start of the last code point.
        size_t p = e - 1;
        while (p > b && (static_cast<unsigned char>(s[p]) & 0xc0) == 0x80)
            --p;
        if (!spaceAt(p, len))
            break;
        e = p;
    }
    return std::string(s.substr(b, e - b));
}

void appendJsonString(std::string &out, std::string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out += '"';
}

namespace {

void skipSpace(std::string_view t, std::size_t &i)
{
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t'))
        ++i;
}

// A JSON string at t[i] (its opening quote), without \u escapes; i moves past it.
bool readString(std::string_view t, std::size_t &i, std::string &out)
{
    out.clear();
    if (i >= t.size() || t[i] != '"')
        return false;
    ++i;
    while (i < t.size()) {
        const std::size_t plain = t.find_first_of("\"\\", i);
        if (plain == std::string_view::npos)
            return false;
        for (std::size_t k = i; k < plain; ++k) {
            if (static_cast<unsigned char>(t[k]) < 0x20)
                return false; // a raw control character: not JSON
        }
        out.append(t.substr(i, plain - i));
        i = plain + 1;
        if (t[plain] == '"')
            return true;
        if (i >= t.size())
            return false;
        switch (t[i++]) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '/':
            out += '/';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        default:
            return false; // \u and anything unknown: left to the full parser
        }
    }
    return false;
}

} // namespace

bool readFlatStrings(
    std::string_view t, FlatJson shape, std::vector<std::pair<std::string, std::string>> &out)
{
    out.clear();
    const bool object = shape == FlatJson::Object;
    std::size_t i = 0;
    skipSpace(t, i);
    if (i >= t.size() || t[i] != (object ? '{' : '['))
        return false;
    const char close = object ? '}' : ']';
    ++i;
    skipSpace(t, i);
    if (i < t.size() && t[i] == close) {
        ++i;
    } else {
        for (;;) {
            auto &item = out.emplace_back();
            if (!readString(t, i, item.first))
                return false;
            skipSpace(t, i);
            if (object) {
                if (i >= t.size() || t[i] != ':')
                    return false;
                ++i;
                skipSpace(t, i);
                if (!readString(t, i, item.second))
                    return false;
                skipSpace(t, i);
            }
            if (i < t.size() && t[i] == ',') {
                ++i;
                skipSpace(t, i);
                continue;
            }
            if (i < t.size() && t[i] == close) {
                ++i;
                break;
            }
            return false;
        }
    }
    skipSpace(t, i);
    return i == t.size();
}

} // namespace attache
