#include "vcard.h"

#include "charset.h"
#include "countries.h"
#include "text.h"

#include <algorithm>
#include <map>
#include <optional>

namespace attache::interchange {

namespace {

std::string upper(std::string_view s)
{
    std::string u(s);
    for (char &c : u) {
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    }
    return u;
}

std::string lower(std::string_view s)
{
    std::string u(s);
    for (char &c : u) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return u;
}

struct Line
{
    int number = 0;
    std::string text;
};

struct Card
{
    int first = 0;
    int last = 0;
    std::vector<Line> lines; ///< logical (unfolded) lines between BEGIN and END
};

/// One content line, split: group.NAME;PARAM=a,b;BARE:value
struct Property
{
    int line = 0;
    std::string name; ///< upper case, without group
    std::multimap<std::string, std::string> params; ///< upper-case keys; values as written
    std::string value; ///< raw, still encoded

    bool has(const std::string &key) const { return params.count(key) > 0; }
    std::string param(const std::string &key) const
    {
        auto it = params.find(key);
        return it == params.end() ? std::string() : it->second;
    }
    bool hasType(std::string_view type) const
    {
        auto [b, e] = params.equal_range("TYPE");
        return std::any_of(b, e, [&](const auto &kv) { return upper(kv.second) == type; });
    }
};

std::string_view trimLineEnd(std::string_view s)
{
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
        || c == '/' || c == '=';
}

bool looksBase64(std::string_view s)
{
    const std::string t = trimmed(s);
    return !t.empty() && std::all_of(t.begin(), t.end(), isBase64Char);
}

// Splits at the first ':' outside a quoted parameter value.
std::optional<Property> splitProperty(const Line &line)
{
    const std::string &t = line.text;
    bool quoted = false;
    size_t colon = std::string::npos;
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '"')
            quoted = !quoted;
        else if (t[i] == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon == std::string::npos || colon == 0)
        return std::nullopt;
    Property p;
    p.line = line.number;
    p.value = t.substr(colon + 1);
    std::vector<std::string> parts;
    std::string cur;
    quoted = false;
    for (size_t i = 0; i < colon; ++i) {
        if (t[i] == '"')
            quoted = !quoted;
        if (t[i] == ';' && !quoted) {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur += t[i];
        }
    }
    parts.push_back(cur);
    std::string name = upper(trimmed(parts[0]));
    if (auto dot = name.rfind('.'); dot != std::string::npos)
        name = name.substr(dot + 1); // Apple's "item1.EMAIL"
    if (name.empty())
        return std::nullopt;
    p.name = name;
    for (size_t i = 1; i < parts.size(); ++i) {
        const std::string param = trimmed(parts[i]);
        if (param.empty())
            continue;
        const auto eq = param.find('=');
        std::string key, values;
        if (eq == std::string::npos) {
            // vCard 2.1 bare parameters: "TEL;CELL;PREF:", "N;QUOTED-PRINTABLE:".
            const std::string u = upper(param);
            if (u == "QUOTED-PRINTABLE" || u == "BASE64" || u == "8BIT" || u == "7BIT")
                key = "ENCODING";
            else
                key = "TYPE";
            values = param;
        } else {
            key = upper(trimmed(param.substr(0, eq)));
            values = param.substr(eq + 1);
        }
        // TYPE=HOME,WORK and TYPE="home,work" are lists.
        std::string item;
        bool q = false;
        for (char c : values + ",") {
            if (c == '"') {
                q = !q;
                continue;
            }
            if (c == ',' && !q) {
                if (!item.empty())
                    p.params.emplace(key, trimmed(item));
                item.clear();
            } else {
                item += c;
            }
        }
    }
    return p;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// On failure `problem` says why, with the property name and the bad escape still to fill in.
bool decodeQuotedPrintable(std::string_view in, std::string &out, Notice &problem)
{
    out.clear();
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '=') {
            out += in[i];
            continue;
        }
        if (i + 1 == in.size())
            break; // a soft line break at the very end
        if (i + 2 >= in.size()) {
            problem = {NoticeCode::QuotedPrintableCutOff, 0, {"", std::string(in.substr(i))}};
            return false;
        }
        const int hi = hexValue(in[i + 1]);
        const int lo = hexValue(in[i + 2]);
        if (hi < 0 || lo < 0) {
            problem = {NoticeCode::QuotedPrintableBadEscape, 0,
                {"", std::string(in.substr(i, std::min<size_t>(3, in.size() - i)))}};
            return false;
        }
        out += char(hi * 16 + lo);
        i += 2;
    }
    return true;
}

// Splits a structured value at unescaped separators, keeping the escapes for unescape().
std::vector<std::string> splitEscaped(std::string_view value, char separator)
{
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            parts.back() += value[i];
            parts.back() += value[++i];
        } else if (value[i] == separator) {
            parts.emplace_back();
        } else {
            parts.back() += value[i];
        }
    }
    return parts;
}

std::string unescape(std::string_view value)
{
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) {
            const char n = value[++i];
            out += (n == 'n' || n == 'N') ? '\n' : n;
        } else {
            out += value[i];
        }
    }
    return out;
}

std::string escape(std::string_view value)
{
    std::string out;
    for (char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        case ',':
            out += "\\,";
            break;
        case ';':
            out += "\\;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string mimeFromType(std::string type)
{
    type = lower(type);
    if (type.find('/') != std::string::npos)
        return type;
    if (type == "jpg" || type == "jpeg")
        return "image/jpeg";
    if (type == "png" || type == "gif" || type == "bmp" || type == "tiff" || type == "webp")
        return "image/" + type;
    return {};
}

// Properties that carry no information of the person's (software bookkeeping).
bool isBookkeeping(const std::string &name)
{
    static const char *kNames[] = {"VERSION", "PRODID", "REV", "UID", "X-ABUID", "X-ABLABEL",
        "X-ABADR", "CLASS", "SOURCE", "KIND", "LABEL", "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
        "X-MS-OL-DESIGN", "X-MS-CARDPICTURE", "X-ABSHOWAS", "X-ACCOUNT", "X-ANDROID-CUSTOM",
        "CLIENTPIDMAP", "X-WAB-GENDER", "X-IMAGETYPE", "X-IMAGEHASH", "X-PHONETIC-FIRST-NAME",
        "X-PHONETIC-LAST-NAME", "SORT-STRING", "MAILER", "X-GOOGLE-TALK", "XML"};
    return std::any_of(
        std::begin(kNames), std::end(kNames), [&](const char *n) { return name == n; });
}

class CardReader
{
public:
    explicit CardReader(const Card &card)
        : m_card(card)
    {
        m_contact.line = card.first;
    }

    // The contact, or the reason the whole card is skipped.
    std::optional<Notice> read()
    {
        std::vector<std::string> nameParts;
        std::string fn;
        for (const Line &line : m_card.lines) {
            auto prop = splitProperty(line);
            if (!prop) {
                if (!trimmed(line.text).empty()) {
                    appendNote(m_contact.data, line.text);
                    warn(line.number, NoticeCode::NotAProperty);
                }
                continue;
            }
            if (prop->name == "PHOTO" || prop->name == "LOGO") {
                readPhoto(*prop);
                continue;
            }
            std::string value;
            if (auto problem = decode(*prop, value)) {
                problem->line = prop->line;
                return problem;
            }
            apply(*prop, value, fn, nameParts);
        }
        if (m_charsetGuessed)
            warn(m_card.first, NoticeCode::CardReadAsWindows1252);
        auto &c = m_contact.data;
        c.fullName = trimmed(fn);
        if (c.fullName.empty()) {
            std::string joined;
            for (const auto &p : nameParts) {
                if (!p.empty())
                    joined += (joined.empty() ? "" : " ") + p;
            }
            c.fullName = joined;
        }
        if (c.fullName.empty() && !c.organisation.empty())
            c.fullName = c.organisation;
        if (c.fullName.empty() && !c.emails.empty())
            c.fullName = c.emails.front();
        if (c.fullName.empty())
            return Notice {NoticeCode::CardWithoutName, 0, {}}; // the whole card
        return std::nullopt;
    }

    ParsedContact take() { return std::move(m_contact); }

private:
    void warn(int line, NoticeCode code, std::vector<std::string> args = {})
    {
        m_contact.warnings.push_back({code, line, std::move(args)});
    }

    // Decodes transfer encoding and charset; returns a problem that spoils the card.
    std::optional<Notice> decode(const Property &p, std::string &out)
    {
        const std::string encoding = upper(p.param("ENCODING"));
        std::string bytes;
        if (encoding == "QUOTED-PRINTABLE") {
            Notice problem;
            if (!decodeQuotedPrintable(p.value, bytes, problem)) {
                problem.args.at(0) = p.name;
                return problem;
            }
        } else if (encoding == "B" || encoding == "BASE64") {
            if (!base64Decode(p.value, bytes))
                return Notice {NoticeCode::Base64Broken, 0, {p.name}};
        } else {
            bytes = p.value;
        }
        const std::string charset = p.param("CHARSET");
        if (!charset.empty()) {
            auto text = toUtf8(bytes, charset);
            if (text) {
                out = *text;
                return std::nullopt;
            }
            if (text.error().code == "invalid_text")
                return Notice {NoticeCode::TextNotInCharset, 0, {p.name, charset}};
            warn(p.line, NoticeCode::UnknownCharset, {charset});
        }
        bool guessed = false;
        out = bytesToUtf8(bytes, guessed);
        m_charsetGuessed = m_charsetGuessed || guessed;
        return std::nullopt;
    }

    void apply(const Property &p, const std::string &value, std::string &fn,
        std::vector<std::string> &nameParts)
    {
        auto &c = m_contact.data;
        const std::string text = trimmed(unescape(value));
        const std::string &n = p.name;
        if (n == "FN") {
            fn = text;
        } else if (n == "N") {
            auto parts = splitEscaped(value, ';');
            parts.resize(5);
            // prefix given additional family suffix
            nameParts = {trimmed(unescape(parts[3])), trimmed(unescape(parts[1])),
                trimmed(unescape(parts[2])), trimmed(unescape(parts[0])),
                trimmed(unescape(parts[4]))};
        } else if (n == "ORG") {
            std::string org;
            for (const auto &part : splitEscaped(value, ';')) {
                const std::string t = trimmed(unescape(part));
                if (!t.empty())
                    org += (org.empty() ? "" : ", ") + t;
            }
            if (c.organisation.empty())
                c.organisation = org;
            else if (org != c.organisation)
                appendNote(c, "Organisation: " + org);
        } else if (n == "TITLE" || n == "ROLE") {
            if (c.title.empty())
                c.title = text;
            else if (text != c.title)
                appendNote(c, (n == "TITLE" ? "Title: " : "Role: ") + text);
        } else if (n == "EMAIL") {
            std::string v = text;
            if (lower(v).starts_with("mailto:"))
                v = v.substr(7);
            addEmail(m_contact, v, p.line);
        } else if (n == "TEL") {
            addPhone(m_contact, text, p.line);
        } else if (n == "URL") {
            setWebsite(m_contact, text, p.line);
        } else if (n == "ADR") {
            readAddress(p, value);
        } else if (n == "NOTE") {
            appendNote(c, text);
        } else if (n == "X-ATTACHE-INTERESTS") {
            c.interests = text;
        } else if (n == "CATEGORIES") {
            for (const auto &t : splitEscaped(value, ','))
                addUnique(c.tags, trimmed(unescape(t)));
        } else if (n == "LANG" || n == "X-LANGUAGE" || n == "X-LANG") {
            addUnique(c.languages, text);
        } else if (n == "X-ANDROID-CUSTOM" && value.find("/nickname;") != std::string::npos) {
            const auto parts = splitEscaped(value, ';');
            if (parts.size() > 1 && !trimmed(unescape(parts[1])).empty())
                appendNote(c, "Nickname: " + trimmed(unescape(parts[1])));
        } else if (n == "BEGIN" || n == "END" || isBookkeeping(n) || n.starts_with("X-ANDROID")
            || n.starts_with("X-MS-")) {
            // bookkeeping of the program that wrote the card
        } else if (!text.empty()) {
            appendNote(c, p.name + ": " + text);
        }
    }

    void readAddress(const Property &p, const std::string &value)
    {
        auto parts = splitEscaped(value, ';');
        parts.resize(7);
        std::vector<std::string> f;
        for (auto &part : parts)
            f.push_back(trimmed(unescape(part)));
        // PO box; extended; street; locality; region; postal code; country
        std::string line;
        for (int i : {0, 1, 2, 3, 4, 5}) {
            if (!f[size_t(i)].empty())
                line += (line.empty() ? "" : ", ") + f[size_t(i)];
        }
        std::string label = "Address";
        if (p.hasType("WORK"))
            label += " (work)";
        else if (p.hasType("HOME"))
            label += " (home)";
        const std::string country = f[6];
        const std::string code = country.empty() ? std::string() : countryCode(country);
        if (!line.empty()) {
            appendNote(
                m_contact.data, label + ": " + line + (country.empty() ? "" : ", " + country));
        }
        if (!country.empty()) {
            // With the address in the notes the country name is kept there too.
            if (!line.empty() && code.empty()) {
                warn(p.line, NoticeCode::UnknownCountry, {country});
                return;
            }
            setCountry(m_contact, country, p.line, label + ": ");
        }
    }

    void readPhoto(const Property &p)
    {
        const std::string encoding = upper(p.param("ENCODING"));
        std::string value = trimmed(p.value);
        Photo photo;
        std::string type = p.param("MEDIATYPE");
        if (type.empty())
            type = p.param("TYPE");
        photo.mimeType = mimeFromType(type);
        bool ok = false;
        if (encoding == "B" || encoding == "BASE64") {
            ok = base64Decode(value, photo.bytes);
        } else if (lower(value).starts_with("data:")) {
            const auto comma = value.find(',');
            const std::string header = comma == std::string::npos ? "" : value.substr(5, comma - 5);
            const auto semi = header.find(';');
            photo.mimeType = lower(header.substr(0, semi));
            if (comma != std::string::npos && lower(header).ends_with(";base64"))
                ok = base64Decode(std::string_view(value).substr(comma + 1), photo.bytes);
        } else if (!value.empty()) {
            appendNote(m_contact.data, "Photo: " + value);
            return;
        }
        if (!ok || photo.bytes.empty()) {
            warn(p.line, NoticeCode::PhotoUndecodable);
            return;
        }
        if (!m_contact.data.photo)
            m_contact.data.photo = std::move(photo);
    }

    const Card &m_card;
    ParsedContact m_contact;
    bool m_charsetGuessed = false;
};

void fold(std::string &out, const std::string &line)
{
    // At most 75 octets per line, never inside a UTF-8 sequence; continuation lines start
    // with a space.
    size_t pos = 0;
    size_t limit = 75;
    while (line.size() - pos > limit) {
        size_t cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xc0) == 0x80)
            --cut;
        out.append(line, pos, cut - pos);
        out += "\r\n ";
        pos = cut;
        limit = 74;
    }
    out.append(line, pos, std::string::npos);
    out += "\r\n";
}

} // namespace

std::string base64Encode(std::string_view bytes)
{
    static const char *kAlphabet
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (unsigned(static_cast<unsigned char>(bytes[i])) << 16)
            | (unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8)
            | unsigned(static_cast<unsigned char>(bytes[i + 2]));
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = unsigned(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size())
            v |= unsigned(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

bool base64Decode(std::string_view text, std::string &out)
{
    out.clear();
    unsigned buffer = 0;
    int bits = 0;
    int padding = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+' || c == '-')
            v = 62;
        else if (c == '/' || c == '_')
            v = 63;
        else if (c == '=') {
            ++padding;
            continue;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        else
            return false;
        if (padding > 0)
            return false; // data after padding
        buffer = (buffer << 6) | unsigned(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((buffer >> bits) & 0xff);
        }
    }
    return padding <= 2;
}

ParseResult parseVCards(std::string_view input)
{
    ParseResult result;
    std::string converted;
    if (input.starts_with("\xFF\xFE") || input.starts_with("\xFE\xFF")) {
        auto r = toUtf8(input.substr(2), input[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
        if (!r) {
            result.skipped.push_back({1, 1, {NoticeCode::NotValidUtf16, 0, {}}});
            return result;
        }
        converted = std::move(*r);
        input = converted;
        result.warnings.push_back({NoticeCode::FileReadAsUtf16, 0, {}});
    }
    if (input.starts_with("\xEF\xBB\xBF"))
        input.remove_prefix(3);

    std::vector<Line> physical;
    {
        int number = 0;
        size_t pos = 0;
        while (pos < input.size()) {
            const auto nl = input.find('\n', pos);
            const auto end = nl == std::string_view::npos ? input.size() : nl;
            physical.push_back({++number, std::string(trimLineEnd(input.substr(pos, end - pos)))});
            pos = end + 1;
        }
    }

    std::optional<Card> card;
    int strayFirst = 0, strayLast = 0;
    auto flushStray = [&] {
        if (strayFirst > 0)
            result.skipped.push_back(
                {strayFirst, strayLast, {NoticeCode::NotPartOfAnyCard, 0, {}}});
        strayFirst = strayLast = 0;
    };
    auto finish = [&](Card &c) {
        CardReader reader(c);
        if (auto problem = reader.read())
            result.skipped.push_back({c.first, c.last, std::move(*problem)});
        else
            result.contacts.push_back(reader.take());
    };

    for (size_t i = 0; i < physical.size(); ++i) {
        Line logical = physical[i];
        if (card) {
            // Unfold: continuation lines start with white space; quoted-printable values
            // continue after a soft line break ("=" at the end); vCard 2.1 base64 runs on in
            // unindented lines until a blank line.
            const std::string head = upper(logical.text.substr(0, logical.text.find(':')));
            const bool qp = head.find("QUOTED-PRINTABLE") != std::string::npos;
            const bool b64 = head.find("BASE64") != std::string::npos;
            while (i + 1 < physical.size()) {
                const std::string &next = physical[i + 1].text;
                if (!next.empty() && (next[0] == ' ' || next[0] == '\t')) {
                    if (qp && !logical.text.empty() && logical.text.back() == '=')
                        logical.text.pop_back();
                    logical.text += next.substr(1);
                } else if (qp && !logical.text.empty() && logical.text.back() == '='
                    && upper(next) != "END:VCARD") {
                    logical.text.pop_back();
                    logical.text += next;
                } else if (b64 && looksBase64(next)) {
                    logical.text += trimmed(next);
                } else {
                    break;
                }
                ++i;
            }
        }
        const std::string t = upper(trimmed(logical.text));
        if (t == "BEGIN:VCARD") {
            flushStray();
            if (card) {
                card->last = logical.number - 1;
                result.skipped.push_back(
                    {card->first, card->last, {NoticeCode::CardWithoutEnd, 0, {}}});
            }
            card = Card {logical.number, logical.number, {}};
            continue;
        }
        if (!card) {
            if (t.empty())
                continue;
            if (strayFirst == 0)
                strayFirst = logical.number;
            strayLast = physical[i].number;
            continue;
        }
        if (t == "END:VCARD") {
            card->last = physical[i].number;
            finish(*card);
            card.reset();
            continue;
        }
        if (!t.empty())
            card->lines.push_back(logical);
    }
    flushStray();
    if (card) {
        card->last = physical.empty() ? card->first : physical.back().number;
        result.skipped.push_back({card->first, card->last, {NoticeCode::CardCutOff, 0, {}}});
    }
    return result;
}

std::string writeVCards(const std::vector<ContactData> &contacts, VCardVersion version)
{
    const bool v4 = version == VCardVersion::V4;
    std::string out;
    for (const auto &c : contacts) {
        auto line = [&](const std::string &l) { fold(out, l); };
        line("BEGIN:VCARD");
        line(v4 ? "VERSION:4.0" : "VERSION:3.0");
        line("FN:" + escape(c.fullName));
        // The whole name as the family name: phones show it as written, in Vietnamese order.
        line("N:" + escape(c.fullName) + ";;;;");
        if (!c.organisation.empty())
            line("ORG:" + escape(c.organisation));
        if (!c.title.empty())
            line("TITLE:" + escape(c.title));
        for (const auto &e : c.emails)
            line((v4 ? "EMAIL;TYPE=work:" : "EMAIL;TYPE=INTERNET,WORK:") + escape(e));
        for (const auto &p : c.phones)
            line((v4 ? "TEL;TYPE=work,voice:" : "TEL;TYPE=WORK,VOICE:") + escape(p));
        if (!c.website.empty())
            line("URL:" + escape(c.website));
        if (!c.country.empty())
            line((v4 ? "ADR;TYPE=work:;;;;;;" : "ADR;TYPE=WORK:;;;;;;")
                + escape(countryName(c.country)));
        for (const auto &l : c.languages)
            line((v4 ? "LANG:" : "X-LANGUAGE:") + escape(l));
        if (!c.tags.empty()) {
            std::string cats;
            for (const auto &t : c.tags)
                cats += (cats.empty() ? "" : ",") + escape(t);
            line("CATEGORIES:" + cats);
        }
        if (!c.interests.empty())
            line("X-ATTACHE-INTERESTS:" + escape(c.interests));
        if (!c.notes.empty())
            line("NOTE:" + escape(c.notes));
        if (c.photo && !c.photo->bytes.empty()) {
            const std::string mime = c.photo->mimeType.empty() ? "image/jpeg" : c.photo->mimeType;
            if (v4) {
                line("PHOTO:data:" + mime + ";base64," + base64Encode(c.photo->bytes));
            } else {
                std::string type = upper(mime.substr(mime.find('/') + 1));
                line("PHOTO;ENCODING=b;TYPE=" + type + ":" + base64Encode(c.photo->bytes));
            }
        }
        line("END:VCARD");
    }
    return out;
}

} // namespace attache::interchange
