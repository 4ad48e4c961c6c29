#include "contactdata.h"

#include "countries.h"
#include "schema.h"
#include "text.h"

#include <algorithm>

namespace attache::interchange {

using nlohmann::json;

namespace {

// The store's own check for one item of a contact field ("emails", "phones", "website").
std::optional<std::string> storeValue(std::string_view fieldName, const std::string &value)
{
    const KindDef *kind = findKind("contact");
    const FieldDef *field = kind ? kind->field(fieldName) : nullptr;
    if (!field)
        return std::nullopt;
    FieldDef one = *field;
    if (one.type == FieldType::TextList)
        one.type = FieldType::Text;
    auto r = normaliseField(one, json(value));
    if (!r || !r->is_string())
        return std::nullopt;
    return r->get<std::string>();
}

json list(const std::vector<std::string> &v)
{
    json a = json::array();
    for (const auto &s : v)
        a.push_back(s);
    return a;
}

void put(json &fields, const char *name, const std::string &value)
{
    if (!value.empty())
        fields[name] = value;
}

} // namespace

void addUnique(std::vector<std::string> &list, const std::string &value)
{
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

void appendNote(ContactData &c, const std::string &text)
{
    const std::string t = trimmed(text);
    if (t.empty() || c.notes.find(t) != std::string::npos)
        return;
    if (!c.notes.empty())
        c.notes += '\n';
    c.notes += t;
}

void addEmail(ParsedContact &c, const std::string &value, int line)
{
    const std::string v = trimmed(value);
    if (v.empty())
        return;
    if (auto ok = storeValue("emails", v)) {
        addUnique(c.data.emails, *ok);
        return;
    }
    appendNote(c.data, "E-mail: " + v);
    c.warnings.push_back({NoticeCode::NotAnEmail, line, {v}});
}

void addPhone(ParsedContact &c, const std::string &value, int line)
{
    std::string v = trimmed(value);
    if (v.starts_with("tel:"))
        v = v.substr(4);
    if (v.empty())
        return;
    if (auto ok = storeValue("phones", v)) {
        addUnique(c.data.phones, *ok);
        return;
    }
    appendNote(c.data, "Phone: " + v);
    c.warnings.push_back({NoticeCode::NotAPhone, line, {v}});
}

void setWebsite(ParsedContact &c, const std::string &value, int line)
{
    const std::string v = trimmed(value);
    if (v.empty())
        return;
    auto ok = storeValue("website", v);
    if (ok && c.data.website.empty()) {
        c.data.website = *ok;
        return;
    }
    if (ok && *ok == c.data.website)
        return;
    appendNote(c.data, "Web: " + v);
    if (!ok)
        c.warnings.push_back({NoticeCode::NotAWebAddress, line, {v}});
}

void setCountry(ParsedContact &c, const std::string &value, int line, const std::string &context)
{
    const std::string v = trimmed(value);
    if (v.empty())
        return;
    const std::string code = countryCode(v);
    if (!code.empty() && (c.data.country.empty() || c.data.country == code)) {
        c.data.country = code;
        return;
    }
    if (!code.empty())
        return; // a second, different country: the address itself goes to the notes
    appendNote(c.data, context + v);
    c.warnings.push_back({NoticeCode::UnknownCountry, line, {v}});
}

std::string phoneDigits(std::string_view phone)
{
    std::string d;
    for (char ch : phone) {
        if (ch == 'x')
            break; // an extension is not part of the number
        if (ch >= '0' && ch <= '9')
            d += ch;
    }
    return d;
}

json toFields(const ContactData &c)
{
    json f = json::object();
    put(f, "full_name", c.fullName);
    put(f, "title", c.title);
    put(f, "organisation", c.organisation);
    put(f, "country", c.country);
    if (!c.emails.empty())
        f["emails"] = list(c.emails);
    if (!c.phones.empty())
        f["phones"] = list(c.phones);
    put(f, "website", c.website);
    if (!c.languages.empty())
        f["languages"] = list(c.languages);
    if (!c.tags.empty())
        f["tags"] = list(c.tags);
    put(f, "interests", c.interests);
    put(f, "notes", c.notes);
    return f;
}

ContactData fromRecord(const Record &record)
{
    ContactData c;
    auto strings = [&](const char *name) {
        std::vector<std::string> out;
        const auto &v = record.field(name);
        if (v.is_array()) {
            for (const auto &s : v) {
                if (s.is_string())
                    out.push_back(s.get<std::string>());
            }
        }
        return out;
    };
    c.fullName = record.text("full_name");
    c.title = record.text("title");
    c.organisation = record.text("organisation");
    c.country = record.text("country");
    c.emails = strings("emails");
    c.phones = strings("phones");
    c.website = record.text("website");
    c.languages = strings("languages");
    c.tags = strings("tags");
    c.interests = record.text("interests");
    c.notes = record.text("notes");
    return c;
}

} // namespace attache::interchange
