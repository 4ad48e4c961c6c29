#include "contactcsv.h"

#include "charset.h"
#include "countries.h"
#include "text.h"

#include <algorithm>
#include <map>

namespace attache::interchange {

namespace {

std::string lower(std::string_view s)
{
    std::string u(s);
    for (char &c : u) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return u;
}

char guessSeparator(std::string_view text)
{
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '\n')
            break;
        else if (!quoted && c == ',')
            ++comma;
        else if (!quoted && c == ';')
            ++semicolon;
        else if (!quoted && c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma)
        return '\t';
    return ',';
}

// Google puts several values in one cell: "a@x.com ::: b@y.com".
std::vector<std::string> splitMulti(const std::string &cell)
{
    std::vector<std::string> out;
    size_t pos = 0;
    for (;;) {
        const auto sep = cell.find(":::", pos);
        const std::string part
            = trimmed(cell.substr(pos, sep == std::string::npos ? sep : sep - pos));
        if (!part.empty())
            out.push_back(part);
        if (sep == std::string::npos)
            break;
        pos = sep + 3;
    }
    return out;
}

std::vector<std::string> splitEscapedList(const std::string &cell, char sep)
{
    std::vector<std::string> out;
    size_t pos = 0;
    for (;;) {
        const auto next = cell.find(sep, pos);
        const std::string part
            = trimmed(cell.substr(pos, next == std::string::npos ? next : next - pos));
        if (!part.empty())
            out.push_back(part);
        if (next == std::string::npos)
            break;
        pos = next + 1;
    }
    return out;
}

enum class Role {
    Unknown,
    Ignore,
    FullName,
    First,
    Middle,
    Last,
    Prefix,
    Suffix,
    Organisation,
    Department,
    Title,
    Email,
    Phone,
    Website,
    Country,
    AddressPart,
    Notes,
    Tags,
    Languages,
    Interests,
};

bool isEmailValueColumn(const std::string &h)
{
    // "e-mail address", "e-mail 2 address", "e-mail 1 - value", "email", "e-mail"
    if (!(h.starts_with("e-mail") || h.starts_with("email")))
        return false;
    return h.ends_with("address") || h.ends_with("- value") || h == "email" || h == "e-mail"
        || h == "emails" || h == "e-mails";
}

bool isPhoneValueColumn(const std::string &h)
{
    if (h.find("fax") != std::string::npos || h.ends_with("- type"))
        return false;
    return (h.starts_with("phone") && (h.ends_with("- value") || h == "phone" || h == "phones"))
        || h.ends_with(" phone") || h.ends_with(" phone 2") || h == "mobile" || h == "pager"
        || h == "điện thoại";
}

// The address group a column belongs to ("business", "home", "address 1") or "".
std::string addressGroup(const std::string &h)
{
    for (const char *g : {"business", "home", "other"}) {
        const std::string p = std::string(g) + " ";
        if (h.starts_with(p)) {
            const std::string rest = h.substr(p.size());
            if (rest.starts_with("street") || rest == "city" || rest == "state"
                || rest == "postal code" || rest == "po box" || rest == "country/region"
                || rest == "country")
                return g;
        }
    }
    if (h.starts_with("address ") && h.find(" - ") != std::string::npos && !h.ends_with("- type"))
        return h.substr(0, h.find(" - "));
    return {};
}

Role roleOf(const std::string &h, bool hasJobTitle)
{
    if (h == "name" || h == "full name" || h == "display name" || h == "họ và tên" || h == "họ tên")
        return Role::FullName;
    if (h == "first name" || h == "given name")
        return Role::First;
    if (h == "middle name" || h == "additional name")
        return Role::Middle;
    if (h == "last name" || h == "family name" || h == "surname")
        return Role::Last;
    if (h == "name prefix" || (h == "title" && hasJobTitle))
        return Role::Prefix;
    if (h == "name suffix" || h == "suffix")
        return Role::Suffix;
    if (h == "company" || h == "organization 1 - name" || h == "organization name"
        || h == "organization" || h == "organisation" || h == "cơ quan")
        return Role::Organisation;
    if (h == "department" || h == "organization 1 - department" || h == "organization department")
        return Role::Department;
    if (h == "job title" || h == "organization 1 - title" || h == "organization title"
        || h == "title" || h == "chức vụ")
        return Role::Title;
    if (h.ends_with("country/region") || (h.starts_with("address ") && h.ends_with("- country"))
        || h == "country" || h == "quốc gia")
        return Role::Country;
    if (!addressGroup(h).empty())
        return Role::AddressPart;
    if (isEmailValueColumn(h))
        return Role::Email;
    if (isPhoneValueColumn(h))
        return Role::Phone;
    if (h == "web page" || h == "website" || h == "web site" || h == "personal web page"
        || (h.starts_with("website ") && h.ends_with("- value")))
        return Role::Website;
    if (h == "notes" || h == "note" || h == "ghi chú")
        return Role::Notes;
    if (h == "categories" || h == "group membership" || h == "labels" || h == "tags")
        return Role::Tags;
    if (h == "language" || h == "languages")
        return Role::Languages;
    if (h == "interests")
        return Role::Interests;
    // Type labels of the values above, and Outlook's fields that always hold a default.
    if (h.ends_with("- type") || h.ends_with("- label") || h == "e-mail type"
        || h == "e-mail 2 type" || h == "e-mail 3 type" || h.ends_with("display name")
        || h == "priority" || h == "sensitivity" || h == "private" || h == "initials"
        || h == "file as" || h == "yomi name" || h.starts_with("phonetic"))
        return Role::Ignore;
    return Role::Unknown;
}

std::string joinNonEmpty(const std::vector<std::string> &parts, const char *sep)
{
    std::string out;
    for (const auto &p : parts) {
        if (!p.empty())
            out += (out.empty() ? "" : sep) + p;
    }
    return out;
}

} // namespace

CsvTable readCsv(std::string_view input)
{
    CsvTable table;
    std::string text;
    if (input.starts_with("\xFF\xFE")
        || (input.size() >= 4 && input[1] == '\0' && input[3] == '\0' && input[0] != '\0')) {
        const bool bom = input.starts_with("\xFF\xFE");
        auto r = toUtf8(input.substr(bom ? 2 : 0), "UTF-16LE");
        if (!r) {
            table.skipped.push_back({1, 1, {NoticeCode::NotValidUtf16, 0, {}}});
            return table;
        }
        text = std::move(*r);
        if (!bom)
            table.warnings.push_back({NoticeCode::FileUtf16WithoutBom, 0, {}});
    } else {
        if (input.starts_with("\xEF\xBB\xBF"))
            input.remove_prefix(3);
        bool guessed = false;
        text = bytesToUtf8(input, guessed);
        if (guessed)
            table.warnings.push_back({NoticeCode::FileReadAsWindows1252, 0, {}});
    }
    if (text.starts_with("\xEF\xBB\xBF"))
        text.erase(0, 3);

    const char sep = guessSeparator(text);
    int line = 1;
    size_t i = 0;
    while (i < text.size()) {
        CsvRow row;
        row.line = line;
        std::string field;
        bool inQuotes = false, wasQuoted = false, done = false;
        while (i < text.size() && !done) {
            const char c = text[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        ++i;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n')
                        ++line;
                    if (c != '\r' || i + 1 >= text.size() || text[i + 1] != '\n')
                        field += c;
                }
            } else if (c == '"' && trimmed(field).empty() && !wasQuoted) {
                field.clear();
                inQuotes = wasQuoted = true;
            } else if (c == sep) {
                row.fields.push_back(std::move(field));
                field.clear();
                wasQuoted = false;
            } else if (c == '\n') {
                ++line;
                done = true;
            } else if (c != '\r') {
                field += c;
            }
            ++i;
        }
        if (inQuotes) {
            table.skipped.push_back({row.line, line, {NoticeCode::QuotedFieldNotClosed, 0, {}}});
            break;
        }
        row.fields.push_back(std::move(field));
        row.terminated = done;
        const bool blank = std::all_of(row.fields.begin(), row.fields.end(),
            [](const std::string &f) { return trimmed(f).empty(); });
        if (!blank)
            table.rows.push_back(std::move(row));
    }
    return table;
}

ParseResult parseContactsCsv(std::string_view bytes)
{
    ParseResult result;
    CsvTable table = readCsv(bytes);
    result.skipped = std::move(table.skipped);
    result.warnings = std::move(table.warnings);
    if (table.rows.empty())
        return result;

    std::vector<std::string> headers;
    for (const auto &h : table.rows.front().fields)
        headers.push_back(lower(trimmed(h)));
    const bool hasJobTitle
        = std::find(headers.begin(), headers.end(), "job title") != headers.end();
    std::vector<Role> roles;
    for (const auto &h : headers)
        roles.push_back(roleOf(h, hasJobTitle));
    const bool anyKnown = std::any_of(roles.begin(), roles.end(), [](Role r) {
        return r == Role::FullName || r == Role::First || r == Role::Last || r == Role::Email;
    });
    if (!anyKnown) {
        result.skipped.push_back({table.rows.front().line, table.rows.back().line,
            {NoticeCode::NotAContactsHeader, 0, {}}});
        return result;
    }

    for (size_t r = 1; r < table.rows.size(); ++r) {
        const CsvRow &row = table.rows[r];
        if (!row.terminated && row.fields.size() < headers.size()) {
            result.skipped.push_back({row.line, row.line, {NoticeCode::RecordCutOff, 0, {}}});
            continue;
        }
        ParsedContact pc;
        pc.line = row.line;
        auto &c = pc.data;
        std::string full, first, middle, last, prefix, suffix, dept;
        std::map<std::string, std::vector<std::string>> addresses;
        std::vector<std::string> countries;
        for (size_t col = 0; col < row.fields.size(); ++col) {
            const std::string value = trimmed(row.fields[col]);
            if (value.empty())
                continue;
            if (col >= headers.size()) {
                appendNote(c, value);
                pc.warnings.push_back({NoticeCode::ExtraValues, row.line, {}});
                continue;
            }
            const std::string &h = headers[col];
            switch (roles[col]) {
            case Role::FullName:
                full = value;
                break;
            case Role::First:
                first = value;
                break;
            case Role::Middle:
                middle = value;
                break;
            case Role::Last:
                last = value;
                break;
            case Role::Prefix:
                prefix = value;
                break;
            case Role::Suffix:
                suffix = value;
                break;
            case Role::Organisation:
                if (c.organisation.empty())
                    c.organisation = value;
                else
                    appendNote(c, table.rows.front().fields[col] + ": " + value);
                break;
            case Role::Department:
                dept = value;
                break;
            case Role::Title:
                if (c.title.empty())
                    c.title = value;
                else
                    appendNote(c, table.rows.front().fields[col] + ": " + value);
                break;
            case Role::Email:
                for (const auto &v : splitMulti(value))
                    addEmail(pc, v, row.line);
                break;
            case Role::Phone:
                for (const auto &v : splitMulti(value))
                    addPhone(pc, v, row.line);
                break;
            case Role::Website:
                for (const auto &v : splitMulti(value))
                    setWebsite(pc, v, row.line);
                break;
            case Role::Country: {
                const std::string group = addressGroup(h);
                if (!group.empty())
                    addresses[group].push_back(value);
                countries.push_back(value);
                break;
            }
            case Role::AddressPart:
                addresses[addressGroup(h)].push_back(value);
                break;
            case Role::Notes:
                appendNote(c, value);
                break;
            case Role::Tags:
                // Google separates labels with " ::: ", Outlook categories with ";".
                for (auto v :
                    h == "categories" ? splitEscapedList(value, ';') : splitMulti(value)) {
                    if (v.starts_with("* "))
                        continue; // Google's own groups ("* myContacts", "* starred")
                    addUnique(c.tags, v);
                }
                break;
            case Role::Languages:
                for (const auto &v : splitMulti(value))
                    addUnique(c.languages, v);
                break;
            case Role::Interests:
                c.interests = value;
                break;
            case Role::Ignore:
                break;
            case Role::Unknown:
                if (!(h == "gender" && lower(value) == "unspecified"))
                    appendNote(c, table.rows.front().fields[col] + ": " + value);
                break;
            }
        }
        if (!dept.empty())
            c.organisation = joinNonEmpty({c.organisation, dept}, ", ");
        for (const auto &[group, parts] : addresses) {
            // A country alone is not an address worth a note.
            if (parts.size() > 1 || countryCode(parts.front()).empty())
                appendNote(c, "Address (" + group + "): " + joinNonEmpty(parts, ", "));
        }
        for (const auto &country : countries) {
            if (!countryCode(country).empty() || addresses.empty())
                setCountry(pc, country, row.line, "Country: ");
            else
                pc.warnings.push_back({NoticeCode::UnknownCountry, row.line, {country}});
        }
        c.fullName = full.empty() ? joinNonEmpty({prefix, first, middle, last, suffix}, " ") : full;
        if (c.fullName.empty())
            c.fullName = !c.organisation.empty() ? c.organisation
                : !c.emails.empty()              ? c.emails.front()
                                                 : std::string();
        if (c.fullName.empty()) {
            result.skipped.push_back({row.line, row.line, {NoticeCode::RecordWithoutName, 0, {}}});
            continue;
        }
        result.contacts.push_back(std::move(pc));
    }
    return result;
}

std::string csvField(std::string_view value)
{
    const bool quote = value.find_first_of(",;\"\r\n") != std::string_view::npos
        || (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote)
        return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string writeContactsCsv(const std::vector<ContactData> &contacts)
{
    auto join = [](const std::vector<std::string> &v) { return joinNonEmpty(v, " ::: "); };
    std::string out = "\xEF\xBB\xBF";
    out += "Name,Title,Organization,Country,E-mail,Phone,Website,Languages,Labels,Interests,"
           "Notes\r\n";
    for (const auto &c : contacts) {
        const std::string fields[] = {c.fullName, c.title, c.organisation,
            c.country.empty() ? std::string() : countryName(c.country), join(c.emails),
            join(c.phones), c.website, join(c.languages), join(c.tags), c.interests, c.notes};
        bool firstField = true;
        for (const auto &f : fields) {
            if (!firstField)
                out += ',';
            out += csvField(f);
            firstField = false;
        }
        out += "\r\n";
    }
    return out;
}

} // namespace attache::interchange
