#include "schema.h"

#include "iso.h"
#include "text.h"
#include "uuid.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace attache {

using nlohmann::json;
using FT = FieldType;

namespace {

// ---- Enumerations (stable protocol values; the app translates them) ----
constexpr std::string_view kRoles[] = {"member", "leader", "manager", "admin"};
constexpr std::string_view kMissionStatus[]
    = {"planned", "under_way", "returned", "report_filed", "report_approved"};
constexpr std::string_view kAgreementKinds[]
    = {"mou", "cooperation_agreement", "contract", "other"};
constexpr std::string_view kAgreementStatus[]
    = {"under_negotiation", "signed", "in_implementation", "expired", "cancelled"};
constexpr std::string_view kCooperationFields[]
    = {"trade", "investment", "agriculture", "education", "culture", "tourism", "health",
        "technology", "labour", "environment", "transport", "other"};
constexpr std::string_view kEventKinds[]
    = {"trade_fair", "exhibition", "investment_conference", "seminar", "other"};
constexpr std::string_view kLeadStatus[] = {"interested", "committed", "licensed", "abandoned"};
constexpr std::string_view kFollowUpStatus[] = {"open", "in_progress", "done", "cancelled"};
constexpr std::string_view kReviewDecisions[] = {"approved", "returned"};
constexpr std::string_view kLinkableKinds[]
    = {"mission", "meeting", "agreement", "event", "contact", "lead", "followup", "review"};

// ---- Fields of each kind ----
constexpr FieldDef kOrganisationFields[] = {
    {.name = "name", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "short_name", .type = FT::Text, .searchWeight = 2},
    {.name = "country", .type = FT::Text, .format = Format::Country},
    {.name = "address", .type = FT::Text, .searchWeight = 1},
};

constexpr FieldDef kUserFields[] = {
    {.name = "full_name", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "title", .type = FT::Text, .searchWeight = 1},
    {.name = "role",
        .type = FT::Enum,
        .required = true,
        .values = kRoles,
        .defaultValue = "member"},
    {.name = "organisation_id", .type = FT::Ref, .required = true, .refKind = "organisation"},
    {.name = "email", .type = FT::Text, .format = Format::Email},
};

constexpr FieldDef kMissionFields[] = {
    {.name = "organisation_id", .type = FT::Ref, .required = true, .refKind = "organisation"},
    {.name = "title", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "purpose", .type = FT::LongText, .searchWeight = 1},
    {.name = "decision_number", .type = FT::Text, .searchWeight = 1},
    {.name = "decision_date", .type = FT::Date},
    {.name = "countries", .type = FT::TextList, .format = Format::Country},
    {.name = "cities", .type = FT::TextList, .searchWeight = 1},
    {.name = "start_date", .type = FT::Date, .required = true},
    {.name = "end_date", .type = FT::Date, .required = true},
    {.name = "leader_id", .type = FT::Ref, .refKind = "user"},
    {.name = "member_ids", .type = FT::RefList, .refKind = "user"},
    {.name = "status",
        .type = FT::Enum,
        .required = true,
        .values = kMissionStatus,
        .defaultValue = "planned"},
    {.name = "notes", .type = FT::LongText, .searchWeight = 1},
};

constexpr FieldDef kMeetingFields[] = {
    {.name = "mission_id", .type = FT::Ref, .required = true, .refKind = "mission"},
    {.name = "starts_at", .type = FT::DateTime, .required = true},
    {.name = "place", .type = FT::Text, .searchWeight = 1},
    {.name = "counterpart", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "counterpart_country", .type = FT::Text, .format = Format::Country},
    {.name = "contact_ids", .type = FT::RefList, .refKind = "contact"},
    {.name = "participant_ids", .type = FT::RefList, .refKind = "user"},
    {.name = "topics", .type = FT::TextList, .searchWeight = 1},
    {.name = "outcome", .type = FT::LongText, .searchWeight = 1},
    {.name = "notes", .type = FT::LongText, .searchWeight = 1},
};

constexpr FieldDef kAgreementFields[] = {
    {.name = "mission_id", .type = FT::Ref, .required = true, .refKind = "mission"},
    {.name = "meeting_id", .type = FT::Ref, .refKind = "meeting"},
    {.name = "title", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "kind",
        .type = FT::Enum,
        .required = true,
        .values = kAgreementKinds,
        .defaultValue = "mou"},
    {.name = "parties", .type = FT::TextList, .searchWeight = 1},
    {.name = "signed_date", .type = FT::Date},
    {.name = "signed_place", .type = FT::Text, .searchWeight = 1},
    {.name = "signatories", .type = FT::TextList, .searchWeight = 1},
    {.name = "fields", .type = FT::EnumList, .values = kCooperationFields},
    {.name = "status",
        .type = FT::Enum,
        .required = true,
        .values = kAgreementStatus,
        .defaultValue = "under_negotiation"},
    {.name = "valid_until", .type = FT::Date},
    {.name = "committed_value", .type = FT::Money},
    {.name = "notes", .type = FT::LongText, .searchWeight = 1},
};
constexpr DateOrderRule kAgreementRules[] = {{"signed_date", "valid_until"}};

constexpr FieldDef kEventFields[] = {
    {.name = "mission_id", .type = FT::Ref, .required = true, .refKind = "mission"},
    {.name = "name", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "kind",
        .type = FT::Enum,
        .required = true,
        .values = kEventKinds,
        .defaultValue = "trade_fair"},
    {.name = "city", .type = FT::Text, .searchWeight = 1},
    {.name = "country", .type = FT::Text, .format = Format::Country},
    {.name = "start_date", .type = FT::Date},
    {.name = "end_date", .type = FT::Date},
    {.name = "booth", .type = FT::Text, .searchWeight = 1},
    {.name = "notes", .type = FT::LongText, .searchWeight = 1},
};
constexpr DateOrderRule kPeriodRules[] = {{"start_date", "end_date"}};

constexpr FieldDef kContactFields[] = {
    {.name = "full_name", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "title", .type = FT::Text, .searchWeight = 1},
    {.name = "organisation", .type = FT::Text, .searchWeight = 2},
    {.name = "country", .type = FT::Text, .format = Format::Country},
    {.name = "emails", .type = FT::TextList, .format = Format::Email, .searchWeight = 1},
    {.name = "phones", .type = FT::TextList, .format = Format::Phone, .searchWeight = 1},
    {.name = "website", .type = FT::Text, .format = Format::Url},
    {.name = "languages", .type = FT::TextList},
    {.name = "interests", .type = FT::LongText, .searchWeight = 1},
    {.name = "notes", .type = FT::LongText, .searchWeight = 1},
    {.name = "mission_id", .type = FT::Ref, .refKind = "mission"},
    {.name = "event_id", .type = FT::Ref, .refKind = "event"},
    {.name = "meeting_id", .type = FT::Ref, .refKind = "meeting"},
    {.name = "tags", .type = FT::TextList, .searchWeight = 1},
    {.name = "consent_noted", .type = FT::Bool},
};

constexpr FieldDef kLeadFields[] = {
    {.name = "mission_id", .type = FT::Ref, .required = true, .refKind = "mission"},
    {.name = "company", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "country", .type = FT::Text, .format = Format::Country},
    {.name = "sector", .type = FT::Text, .searchWeight = 1},
    {.name = "pledged_capital", .type = FT::Money},
    {.name = "status",
        .type = FT::Enum,
        .required = true,
        .values = kLeadStatus,
        .defaultValue = "interested"},
    {.name = "contact_id", .type = FT::Ref, .refKind = "contact"},
    {.name = "notes", .type = FT::LongText, .searchWeight = 1},
};

constexpr FieldDef kFollowUpFields[] = {
    {.name = "mission_id", .type = FT::Ref, .required = true, .refKind = "mission"},
    {.name = "title", .type = FT::Text, .required = true, .searchWeight = 2},
    {.name = "owner_id", .type = FT::Ref, .refKind = "user"},
    {.name = "due_date", .type = FT::Date},
    {.name = "status",
        .type = FT::Enum,
        .required = true,
        .values = kFollowUpStatus,
        .defaultValue = "open"},
    {.name = "linked_kind", .type = FT::Enum, .values = kLinkableKinds},
    {.name = "linked_id", .type = FT::Ref},
    {.name = "notes", .type = FT::LongText, .searchWeight = 1},
};

constexpr FieldDef kAttachmentFields[] = {
    {.name = "mission_id", .type = FT::Ref, .required = true, .refKind = "mission"},
    {.name = "record_kind", .type = FT::Enum, .required = true, .values = kLinkableKinds},
    {.name = "record_id", .type = FT::Ref, .required = true},
    {.name = "file_name", .type = FT::Text, .required = true, .searchWeight = 1},
    {.name = "mime_type", .type = FT::Text, .required = true, .format = Format::Mime},
    {.name = "size", .type = FT::Integer, .required = true},
    {.name = "sha256", .type = FT::Text, .required = true, .format = Format::Sha256},
};

constexpr FieldDef kReviewFields[] = {
    {.name = "mission_id", .type = FT::Ref, .required = true, .refKind = "mission"},
    {.name = "reviewer_id", .type = FT::Ref, .refKind = "user"},
    {.name = "decision", .type = FT::Enum, .required = true, .values = kReviewDecisions},
    {.name = "comment", .type = FT::LongText},
};

// The order is part of the on-disk format (search-index row ids): append only.
constexpr KindDef kKinds[] = {
    {"organisation", "organisations", kOrganisationFields, "name", ""},
    {"user", "users", kUserFields, "full_name", ""},
    {"mission", "missions", kMissionFields, "title", "id", kPeriodRules},
    {"meeting", "meetings", kMeetingFields, "counterpart", "mission_id"},
    {"agreement", "agreements", kAgreementFields, "title", "mission_id", kAgreementRules},
    {"event", "events", kEventFields, "name", "mission_id", kPeriodRules},
    {"contact", "contacts", kContactFields, "full_name", "mission_id"},
    {"lead", "leads", kLeadFields, "company", "mission_id"},
    {"followup", "followups", kFollowUpFields, "title", "mission_id"},
    {"attachment", "attachments", kAttachmentFields, "file_name", "mission_id"},
    {"review", "reviews", kReviewFields, "decision", "mission_id"},
};

constexpr size_t kMaxTextBytes = 4 * 1024;
constexpr size_t kMaxLongTextBytes = 256 * 1024;
constexpr size_t kMaxListItems = 500;

Error fieldError(const FieldDef &f, std::string code, std::string message)
{
    return makeError(std::move(code), std::move(message), std::string(f.name));
}

bool isEmail(std::string_view s)
{
    const auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
        return false;
    const auto domain = s.substr(at + 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size())
        return false;
    return std::none_of(
        s.begin(), s.end(), [](char c) { return c == ' ' || c == ',' || c == ';'; });
}

bool isPhone(std::string_view s)
{
    int digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (!(c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/'
                     || c == 'x'))
            return false;
    }
    return digits >= 3 && digits <= 20;
}

bool isUrl(std::string_view s)
{
    if (s.find(' ') != std::string_view::npos || s.find('.') == std::string_view::npos)
        return false;
    const auto scheme = s.find("://");
    if (scheme != std::string_view::npos) {
        const auto sch = s.substr(0, scheme);
        return sch == "http" || sch == "https";
    }
    return true;
}

bool isSha256(std::string_view s)
{
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

bool isMime(std::string_view s)
{
    const auto slash = s.find('/');
    return slash != std::string_view::npos && slash > 0 && slash + 1 < s.size()
        && s.find(' ') == std::string_view::npos;
}

std::string upper(std::string s)
{
    for (char &c : s) {
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    }
    return s;
}

std::string lower(std::string s)
{
    for (char &c : s) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return s;
}

// Checks one text item (a Text field or one element of a TextList).
Result<json> normaliseText(const FieldDef &f, const json &v, size_t maxBytes)
{
    if (!v.is_string())
        return fieldError(f, "wrong_type", "“" + std::string(f.name) + "” must be text.");
    const auto &raw = v.get_ref<const std::string &>();
    if (!isValidUtf8(raw))
        return fieldError(
            f, "invalid_utf8", "“" + std::string(f.name) + "” is not valid UTF-8 text.");
    if (raw.find('\0') != std::string::npos)
        return fieldError(
            f, "invalid_text", "“" + std::string(f.name) + "” contains a NUL character.");
    std::string s = f.type == FT::LongText ? raw : trimmed(raw);
    if (s.size() > maxBytes)
        return fieldError(f, "too_long",
            "“" + std::string(f.name) + "” is too long (at most " + std::to_string(maxBytes / 1024)
                + " KB).");
    if (s.empty())
        return json(nullptr);
    const std::string name(f.name);
    switch (f.format) {
    case Format::None:
        break;
    case Format::Email:
        s = lower(s);
        if (!isEmail(s))
            return fieldError(f, "invalid_email", "“" + s + "” is not an e-mail address.");
        break;
    case Format::Phone:
        if (!isPhone(s))
            return fieldError(f, "invalid_phone", "“" + s + "” is not a phone number.");
        break;
    case Format::Url:
        if (!isUrl(s))
            return fieldError(f, "invalid_url", "“" + s + "” is not a web address.");
        break;
    case Format::Country:
        s = upper(s);
        if (!isCountryCode(s))
            return fieldError(f, "invalid_country",
                "“" + s + "” is not a country code (ISO 3166, such as VN, JP, KR).");
        break;
    case Format::Sha256:
        s = lower(s);
        if (!isSha256(s))
            return fieldError(f, "invalid_sha256", "“" + name + "” must be a SHA-256 in hex.");
        break;
    case Format::Mime:
        s = lower(s);
        if (!isMime(s))
            return fieldError(f, "invalid_mime", "“" + s + "” is not a MIME type.");
        break;
    case Format::KindName:
        if (!findKind(s))
            return fieldError(f, "unknown_kind", "“" + s + "” is not a record kind.");
        break;
    }
    return json(std::move(s));
}

Result<json> normaliseEnum(const FieldDef &f, const json &v)
{
    if (!v.is_string())
        return fieldError(f, "wrong_type", "“" + std::string(f.name) + "” must be text.");
    const auto &s = v.get_ref<const std::string &>();
    if (s.empty())
        return json(nullptr);
    if (std::find(f.values.begin(), f.values.end(), s) == f.values.end()) {
        std::string allowed;
        for (auto a : f.values)
            allowed += (allowed.empty() ? "" : ", ") + std::string(a);
        return fieldError(f, "invalid_value",
            "“" + printable(s) + "” is not a valid " + std::string(f.name) + " (one of: " + allowed
                + ").");
    }
    return v;
}

Result<json> normaliseRef(const FieldDef &f, const json &v)
{
    if (!v.is_string() || !isUuid(v.get_ref<const std::string &>()))
        return fieldError(
            f, "invalid_reference", "“" + std::string(f.name) + "” must be a record id (UUID).");
    return json(lower(v.get<std::string>()));
}

Result<json> normaliseList(const FieldDef &f, const json &v)
{
    if (!v.is_array())
        return fieldError(f, "wrong_type", "“" + std::string(f.name) + "” must be a list.");
    if (v.size() > kMaxListItems)
        return fieldError(f, "too_long", "“" + std::string(f.name) + "” has too many items.");
    json out = json::array();
    for (const auto &item : v) {
        Result<json> n = f.type == FT::EnumList ? normaliseEnum(f, item)
            : f.type == FT::RefList             ? normaliseRef(f, item)
                                                : normaliseText(f, item, kMaxTextBytes);
        if (!n)
            return n.error();
        if (n->is_null())
            continue;
        if (std::find(out.begin(), out.end(), *n) == out.end())
            out.push_back(std::move(*n));
    }
    return out;
}

int daysInMonth(int y, int m)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return kDays[m - 1];
}

bool digitsAt(std::string_view s, size_t pos, size_t n, int &out)
{
    if (pos + n > s.size())
        return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

} // namespace

bool isValidDate(std::string_view s)
{
    int y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digitsAt(s, 0, 4, y)
        || !digitsAt(s, 5, 2, m) || !digitsAt(s, 8, 2, d))
        return false;
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

bool isValidDateTime(std::string_view s)
{
    if (s.size() < 16 || s[10] != 'T' || !isValidDate(s.substr(0, 10)) || s[13] != ':')
        return false;
    int hh, mm, ss;
    if (!digitsAt(s, 11, 2, hh) || !digitsAt(s, 14, 2, mm) || hh > 23 || mm > 59)
        return false;
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digitsAt(s, pos + 1, 2, ss) || ss > 59)
            return false;
        pos += 3;
    }
    if (pos == s.size())
        return true;
    if (s[pos] == 'Z')
        return pos + 1 == s.size();
    if (s[pos] == '+' || s[pos] == '-') {
        int oh, om;
        return s.size() == pos + 6 && digitsAt(s, pos + 1, 2, oh) && s[pos + 3] == ':'
            && digitsAt(s, pos + 4, 2, om) && oh <= 14 && om <= 59;
    }
    return false;
}

const FieldDef *KindDef::field(std::string_view fieldName) const
{
    for (const auto &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

bool KindDef::searchable() const
{
    return std::any_of(
        fields.begin(), fields.end(), [](const auto &f) { return f.searchWeight > 0; });
}

std::span<const KindDef> allKinds()
{
    return kKinds;
}

const KindDef *findKind(std::string_view name)
{
    for (const auto &k : kKinds) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

int kindIndex(const KindDef &kind)
{
    for (size_t i = 0; i < std::size(kKinds); ++i) {
        if (&kKinds[i] == &kind)
            return int(i);
    }
    return -1;
}

std::vector<std::string> columnsOf(const FieldDef &f)
{
    if (f.type == FT::Money)
        return {std::string(f.name) + "_amount", std::string(f.name) + "_currency"};
    return {std::string(f.name)};
}

json emptyValue(const FieldDef &f)
{
    switch (f.type) {
    case FT::TextList:
    case FT::EnumList:
    case FT::RefList:
        return json::array();
    default:
        return nullptr;
    }
}

bool isEmptyValue(const FieldDef &f, const json &v)
{
    return v.is_null() || (v.is_array() && v.empty()) || (f.type == FT::Bool && v == false);
}

Result<json> normaliseField(const FieldDef &f, const json &v)
{
    if (v.is_null())
        return emptyValue(f);
    const std::string name(f.name);
    switch (f.type) {
    case FT::Text:
        return normaliseText(f, v, kMaxTextBytes);
    case FT::LongText:
        return normaliseText(f, v, kMaxLongTextBytes);
    case FT::Integer:
        if (!v.is_number_integer())
            return fieldError(f, "wrong_type", "“" + name + "” must be a whole number.");
        if (v.get<std::int64_t>() < 0)
            return fieldError(f, "out_of_range", "“" + name + "” must not be negative.");
        return v;
    case FT::Bool:
        if (!v.is_boolean())
            return fieldError(f, "wrong_type", "“" + name + "” must be true or false.");
        return v;
    case FT::Date:
        if (!v.is_string())
            return fieldError(f, "wrong_type", "“" + name + "” must be a date.");
        if (v.get_ref<const std::string &>().empty())
            return json(nullptr);
        if (!isValidDate(v.get_ref<const std::string &>()))
            return fieldError(
                f, "invalid_date", "“" + name + "” must be a real date written YYYY-MM-DD.");
        return v;
    case FT::DateTime:
        if (!v.is_string())
            return fieldError(f, "wrong_type", "“" + name + "” must be a date and time.");
        if (v.get_ref<const std::string &>().empty())
            return json(nullptr);
        if (!isValidDateTime(v.get_ref<const std::string &>()))
            return fieldError(f, "invalid_datetime",
                "“" + name + "” must be a date and time written YYYY-MM-DDTHH:MM.");
        return v;
    case FT::Enum:
        return normaliseEnum(f, v);
    case FT::Ref:
        if (v.is_string() && v.get_ref<const std::string &>().empty())
            return json(nullptr);
        return normaliseRef(f, v);
    case FT::TextList:
    case FT::EnumList:
    case FT::RefList:
        return normaliseList(f, v);
    case FT::Money: {
        if (!v.is_object() || !v.contains("amount") || !v.contains("currency"))
            return fieldError(
                f, "wrong_type", "“" + name + "” must have an amount and a currency.");
        const auto &amount = v["amount"];
        const auto &currency = v["currency"];
        if (!amount.is_number_integer())
            return fieldError(f, "invalid_amount",
                "“" + name
                    + "” must be a whole number of the currency's smallest unit "
                      "(cents, đồng), never a fraction.");
        if (amount.get<std::int64_t>() < 0)
            return fieldError(f, "invalid_amount", "“" + name + "” must not be negative.");
        if (v.size() != 2)
            return fieldError(f, "wrong_type", "“" + name + "” has unexpected members.");
        if (!currency.is_string() || !isCurrencyCode(upper(currency.get<std::string>())))
            return fieldError(f, "invalid_currency",
                "“" + (currency.is_string() ? printable(currency.get<std::string>()) : name)
                    + "” is not a currency code (ISO 4217, such as USD or VND).");
        return json {{"amount", amount}, {"currency", upper(currency.get<std::string>())}};
    }
    }
    return fieldError(f, "wrong_type", "Unsupported field type.");
}

Result<void> validateRecord(const KindDef &kind, const json &fields)
{
    if (!fields.is_object())
        return makeError("wrong_type", "A record's fields must be a JSON object.");
    for (const auto &[key, value] : fields.items()) {
        const FieldDef *f = kind.field(key);
        if (!f)
            return makeError("unknown_field",
                "“" + printable(key) + "” is not a field of " + std::string(kind.name) + ".",
                printable(key));
        if (auto n = normaliseField(*f, value); !n)
            return n.error();
    }
    for (const auto &f : kind.fields) {
        if (!f.required)
            continue;
        auto it = fields.find(std::string(f.name));
        if (it == fields.end() || isEmptyValue(f, *it))
            return fieldError(f, "required", "“" + std::string(f.name) + "” is required.");
    }
    for (const auto &rule : kind.dateRules) {
        auto s = fields.find(std::string(rule.start));
        auto e = fields.find(std::string(rule.end));
        if (s != fields.end() && e != fields.end() && s->is_string() && e->is_string() && *e < *s) {
            return makeError("date_order",
                "“" + std::string(rule.end) + "” must not be before “" + std::string(rule.start)
                    + "”.",
                std::string(rule.end));
        }
    }
    return {};
}

} // namespace attache
