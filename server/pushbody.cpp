#include "pushbody.h"

#include "hlc.h"
#include "text.h"
#include "uuid.h"

#include <simdjson.h>

#include <algorithm>

namespace attache::server {

using nlohmann::json;

namespace {

ApiError badRequest(std::string code, std::string message, json extra = json::object())
{
    return ApiError {400, std::move(code), std::move(message), std::move(extra)};
}

// A stamp on the wire: well-formed, with a node id of sane length.
bool validStamp(const std::string &s, std::optional<Hlc> &out)
{
    if (s.size() > 22 + 64)
        return false;
    out = Hlc::parse(s);
    return out && !out->node.empty();
}

/// A member the reader keeps as text: absent, null, text, or anything else.
struct Member
{
    enum State { Absent, Null, Text, Other };
    State state = Absent;
    std::string text;
};

/// What a member holding an object or a list was: absent, that, or anything else.
enum class Shape { Absent, Expected, Other };

struct RawField
{
    std::string name;
    bool isObject = false;
    bool hasValue = false;
    json value;
    Member hlc;
    Member base;
};

struct RawChange
{
    bool isObject = false;
    Member kind;
    Member id;
    Shape fields = Shape::Absent;
    std::vector<RawField> fieldList;
};

struct RawPush
{
    Member batchId;
    Member acknowledge;
    Shape changes = Shape::Absent;
    std::size_t count = 0;
};

simdjson::dom::parser &threadParser()
{
    // One per request thread: the parser keeps its buffers (a few times the body's size)
    // between requests, so that a push allocates nothing to read its structure.
    thread_local simdjson::dom::parser parser;
    return parser;
}

/// A body larger than this leaves its parser's buffers behind: a thread that once read a
/// 20 MB batch would otherwise hold their ~100 MB for good.
constexpr std::size_t kKeptParserCapacity = 4 * 1024 * 1024;

Member member(simdjson::dom::element e)
{
    Member m;
    std::string_view text;
    if (e.is_null())
        m.state = Member::Null;
    else if (e.get_string().get(text) == simdjson::SUCCESS) {
        m.state = Member::Text;
        m.text = text;
    } else {
        m.state = Member::Other;
    }
    return m;
}

/// A field's value as nlohmann's parser would have built it (non-negative integers unsigned,
/// the last of repeated members winning), for normaliseField().
json toJson(simdjson::dom::element e)
{
    using simdjson::dom::element_type;
    switch (e.type()) {
    case element_type::ARRAY: {
        json out = json::array();
        for (simdjson::dom::element item : simdjson::dom::array(e))
            out.push_back(toJson(item));
        return out;
    }
    case element_type::OBJECT: {
        json out = json::object();
        for (auto [key, value] : simdjson::dom::object(e))
            out[std::string(key)] = toJson(value);
        return out;
    }
    case element_type::INT64: {
        const std::int64_t v = std::int64_t(e);
        return v >= 0 ? json(std::uint64_t(v)) : json(v);
    }
    case element_type::UINT64:
        return json(std::uint64_t(e));
    case element_type::DOUBLE:
        return json(double(e));
    case element_type::STRING:
        return json(std::string(std::string_view(e)));
    case element_type::BOOL:
        return json(bool(e));
    case element_type::NULL_VALUE:
        break;
    }
    return json();
}

RawChange readChange(simdjson::dom::element e)
{
    RawChange c;
    simdjson::dom::object change;
    if (e.get_object().get(change) != simdjson::SUCCESS)
        return c;
    c.isObject = true;
    // Members in document order, a later one replacing an earlier one of the same name: what
    // reading the change into a tree would keep.
    for (auto [key, value] : change) {
        if (key == "kind") {
            c.kind = member(value);
        } else if (key == "id") {
            c.id = member(value);
        } else if (key == "fields") {
            c.fieldList.clear();
            simdjson::dom::object fields;
            if (value.get_object().get(fields) != simdjson::SUCCESS) {
                c.fields = Shape::Other;
                continue;
            }
            c.fields = Shape::Expected;
            c.fieldList.reserve(fields.size());
            for (auto [name, entry] : fields) {
                RawField &f = c.fieldList.emplace_back();
                f.name = name;
                simdjson::dom::object parts;
                if (entry.get_object().get(parts) != simdjson::SUCCESS)
                    continue;
                f.isObject = true;
                for (auto [part, v] : parts) {
                    if (part == "value") {
                        f.hasValue = true;
                        f.value = toJson(v);
                    } else if (part == "hlc") {
                        f.hlc = member(v);
                    } else if (part == "base") {
                        f.base = member(v);
                    }
                }
            }
        }
    }
    return c;
}

ApiResult<IncomingChange> validate(RawChange &c, std::int64_t now)
{
    if (!c.isObject)
        return badRequest("wrong_type", "Each change must be a JSON object.");
    if (c.kind.state != Member::Text)
        return badRequest("wrong_type", "A change's “kind” must be text.");
    const std::string &kindName = c.kind.text;
    IncomingChange change;
    change.kind = findKind(kindName);
    if (!change.kind)
        return badRequest(
            "unknown_kind", "“" + kindName + "” is not a record kind.", json {{"kind", kindName}});
    if (c.id.state != Member::Text || !isUuid(c.id.text))
        return badRequest(
            "invalid_id", "A change's “id” must be a UUID.", json {{"kind", kindName}});
    change.id = std::move(c.id.text);
    std::transform(change.id.begin(), change.id.end(), change.id.begin(),
        [](char ch) { return char(std::tolower(static_cast<unsigned char>(ch))); });
    // The error details are built only for an error.
    auto extra = [&](const std::string *field = nullptr) {
        json x {{"kind", kindName}, {"id", change.id}};
        if (field)
            x["field"] = *field;
        return x;
    };
    if (c.fields != Shape::Expected || c.fieldList.empty())
        return badRequest("wrong_type", "A change's “fields” must be a non-empty object.", extra());
    // In name order, the last of a repeated name winning: the order and the choice of a JSON
    // object read into a tree.
    auto &list = c.fieldList;
    std::stable_sort(list.begin(), list.end(),
        [](const RawField &a, const RawField &b) { return a.name < b.name; });
    change.fields.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i + 1 < list.size() && list[i + 1].name == list[i].name)
            continue;
        RawField &entry = list[i];
        const std::string &name = entry.name;
        const FieldDef *def = change.kind->field(name);
        if (!def && name != "deleted")
            return badRequest("unknown_field", "“" + name + "” is not a field of " + kindName + ".",
                extra(&name));
        if (!entry.isObject || !entry.hasValue)
            return badRequest(
                "wrong_type", "Field “" + name + "” must be {value, hlc, base}.", extra(&name));
        IncomingField f;
        f.name = name;
        std::optional<Hlc> stamp;
        if (entry.hlc.state != Member::Text || !validStamp(entry.hlc.text, stamp))
            return badRequest(
                "invalid_stamp", "Field “" + name + "” has no valid HLC stamp.", extra(&name));
        if (stamp->wallMs > now + HlcClock::kMaxDriftMs)
            return badRequest("clock_skew",
                "This device's clock is more than a day ahead of the server's; "
                "correct the date and time, then sync again.",
                extra(&name));
        f.hlc = std::move(entry.hlc.text);
        if (entry.base.state != Member::Absent && entry.base.state != Member::Null) {
            if (entry.base.state != Member::Text
                || (!entry.base.text.empty() && !validStamp(entry.base.text, stamp)))
                return badRequest("invalid_stamp",
                    "Field “" + name + "” has an invalid base stamp.", extra(&name));
            f.base = std::move(entry.base.text);
        }
        if (!def) {
            if (!entry.value.is_boolean())
                return badRequest("wrong_type", "“deleted” must be true or false.", extra(&name));
            f.value = entry.value;
        } else {
            auto n = normaliseField(*def, entry.value);
            if (!n)
                return badRequest(n.error().code, n.error().message, extra(&name));
            if (def->required && isEmptyValue(*def, *n))
                return badRequest("required", "“" + name + "” is required.", extra(&name));
            f.value = std::move(*n);
        }
        // Text, by far the most common value, written without the JSON library's serializer
        // (a fifth of reading a push): the same text, see appendJsonString().
        if (f.value.is_string())
            appendJsonString(f.text, f.value.get_ref<const std::string &>());
        else
            f.text = f.value.dump();
        change.fields.push_back(std::move(f));
    }
    return change;
}

} // namespace

ApiResult<PushBody> readPushBody(std::string_view body, std::int64_t now, std::size_t maxChanges)
{
    simdjson::dom::parser &parser = threadParser();
    struct Release
    {
        simdjson::dom::parser &parser;
        bool big;
        ~Release()
        {
            if (big)
                parser = simdjson::dom::parser();
        }
    } release {parser, body.size() > kKeptParserCapacity};
    simdjson::dom::element root;
    // simdjson validates the UTF-8 of the whole text: a body it reads is valid UTF-8.
    if (const auto error = parser.parse(body.data(), body.size()).get(root); error) {
        if (!isValidUtf8(body))
            return badRequest("invalid_utf8", "The request is not valid UTF-8 text.");
        // Integers beyond 64 bits are well-formed JSON that simdjson does not read (nlohmann
        // reads them as floats, which no field takes).
        if (error == simdjson::NUMBER_ERROR && json::accept(body))
            return badRequest("wrong_type", "A number in the request is out of range.");
        return badRequest("malformed_json", "The request is not well-formed JSON.");
    }
    simdjson::dom::object top;
    if (root.get_object().get(top) != simdjson::SUCCESS)
        return badRequest("wrong_type", "The request must be a JSON object.");
    // The members the protocol knows, in document order, the last of a repeated one winning;
    // the changes are read only when there are not too many of them.
    RawPush raw;
    simdjson::dom::array changes;
    for (auto [key, value] : top) {
        if (key == "batch_id") {
            raw.batchId = member(value);
        } else if (key == "acknowledge") {
            raw.acknowledge = member(value);
        } else if (key == "changes") {
            const bool list = value.get_array().get(changes) == simdjson::SUCCESS;
            raw.changes = list ? Shape::Expected : Shape::Other;
            raw.count = list ? changes.size() : 0;
        }
    }
    if (raw.batchId.state != Member::Text || raw.batchId.text.empty()
        || raw.batchId.text.size() > 128)
        return badRequest("wrong_type", "“batch_id” must be text of 1 to 128 characters.");
    if (raw.acknowledge.state != Member::Absent
        && (raw.acknowledge.state != Member::Text
            || (raw.acknowledge.text != "all" && raw.acknowledge.text != "changed")))
        return badRequest("wrong_type", "“acknowledge” must be \"all\" or \"changed\".");
    if (raw.changes == Shape::Absent)
        return badRequest("wrong_type", "“changes” is missing.");
    if (raw.changes != Shape::Expected)
        return badRequest("wrong_type", "“changes” must be a list.");
    if (raw.count > maxChanges)
        return ApiError {413, "too_large", "Too many changes in one batch; send smaller batches."};
    PushBody out;
    out.batchId = std::move(raw.batchId.text);
    out.changedOnly = raw.acknowledge.text == "changed";
    out.changes.reserve(raw.count);
    for (simdjson::dom::element e : changes) {
        RawChange c = readChange(e);
        auto change = validate(c, now);
        if (auto *e = std::get_if<ApiError>(&change))
            return std::move(*e);
        out.changes.push_back(std::move(std::get<IncomingChange>(change)));
    }
    return out;
}

} // namespace attache::server
