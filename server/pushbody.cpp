#include "pushbody.h"

#include "hlc.h"
#include "text.h"
#include "uuid.h"

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
    bool isObject = false;
    Member batchId;
    Member acknowledge;
    Shape changes = Shape::Absent;
    std::size_t count = 0;
    std::vector<RawChange> changeList;
};

/// The SAX handler: the body's structure goes into RawPush as it is read; the members the
/// protocol does not know are skipped without building anything.
class Reader final : public nlohmann::json_sax<json>
{
public:
    Reader(RawPush &out, std::size_t maxChanges)
        : m_out(out)
        , m_max(maxChanges)
    { }

    bool null() override { return scalar(Member::Null, json()); }
    bool boolean(bool v) override { return scalar(Member::Other, json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(Member::Other, json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(Member::Other, json(v)); }
    bool number_float(number_float_t v, const string_t &) override
    {
        return scalar(Member::Other, json(v));
    }
    bool string(string_t &v) override
    {
        if (m_skip > 0)
            return true;
        if (!m_build.empty())
            return add(json(std::move(v)));
        if (Member *m = member()) {
            m->state = Member::Text;
            m->text = std::move(v);
            return true;
        }
        return scalar(Member::Text, json(std::move(v)));
    }
    bool binary(binary_t &) override { return scalar(Member::Other, json()); }

    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t &k) override
    {
        if (m_skip > 0)
            return true;
        if (!m_build.empty())
            m_buildKey = std::move(k);
        else
            m_key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    enum class In { Top, Changes, Change, Fields, Entry };
    enum class Slot {
        Skip,
        Root,
        BatchId,
        Acknowledge,
        Changes,
        Change,
        Kind,
        Id,
        Fields,
        Entry,
        Value,
        Hlc,
        Base
    };

    // Where the next value goes.
    Slot slot() const
    {
        if (m_ctx.empty())
            return Slot::Root;
        switch (m_ctx.back()) {
        case In::Top:
            return m_key == "batch_id"   ? Slot::BatchId
                : m_key == "acknowledge" ? Slot::Acknowledge
                : m_key == "changes"     ? Slot::Changes
                                         : Slot::Skip;
        case In::Changes:
            return Slot::Change;
        case In::Change:
            return m_key == "kind"  ? Slot::Kind
                : m_key == "id"     ? Slot::Id
                : m_key == "fields" ? Slot::Fields
                                    : Slot::Skip;
        case In::Fields:
            return Slot::Entry;
        case In::Entry:
            return m_key == "value" ? Slot::Value
                : m_key == "hlc"    ? Slot::Hlc
                : m_key == "base"   ? Slot::Base
                                    : Slot::Skip;
        }
        return Slot::Skip;
    }

    RawChange &change() { return m_out.changeList.back(); }
    RawField &field() { return change().fieldList.back(); }

    Member *member()
    {
        switch (slot()) {
        case Slot::BatchId:
            return &m_out.batchId;
        case Slot::Acknowledge:
            return &m_out.acknowledge;
        case Slot::Kind:
            return &change().kind;
        case Slot::Id:
            return &change().id;
        case Slot::Hlc:
            return &field().hlc;
        case Slot::Base:
            return &field().base;
        default:
            return nullptr;
        }
    }

    // A change in the list: false when it is past the limit (then nothing of it is kept).
    bool newChange(bool isObject)
    {
        if (++m_out.count > m_max)
            return false;
        m_out.changeList.emplace_back().isObject = isObject;
        return true;
    }

    void newField(bool isObject)
    {
        RawField &f = change().fieldList.emplace_back();
        f.name = m_key;
        f.isObject = isObject;
    }

    // Adds a value to the field value being built; containers become the new innermost one.
    bool add(json v)
    {
        json &top = *m_build.back();
        json *added = nullptr;
        if (top.is_array()) {
            top.push_back(std::move(v));
            added = &top.back();
        } else {
            added = &(top[m_buildKey] = std::move(v));
        }
        if (added->is_structured())
            m_build.push_back(added);
        return true;
    }

    bool scalar(Member::State state, json v)
    {
        if (m_skip > 0)
            return true;
        if (!m_build.empty())
            return add(std::move(v));
        if (Member *m = member()) {
            m->state = state;
            m->text.clear();
            return true;
        }
        switch (slot()) {
        case Slot::Root:
            m_out.isObject = false;
            break;
        case Slot::Changes:
            m_out.changes = Shape::Other;
            break;
        case Slot::Change:
            newChange(false);
            break;
        case Slot::Fields:
            change().fields = Shape::Other;
            break;
        case Slot::Entry:
            newField(false);
            break;
        case Slot::Value:
            field().hasValue = true;
            field().value = std::move(v);
            break;
        default:
            break;
        }
        return true;
    }

    bool open(bool object)
    {
        if (m_skip > 0) {
            ++m_skip;
            return true;
        }
        if (!m_build.empty())
            return add(object ? json::object() : json::array());
        if (Member *m = member()) {
            m->state = Member::Other;
            m->text.clear();
            m_skip = 1;
            return true;
        }
        switch (slot()) {
        case Slot::Root:
            m_out.isObject = object;
            return object ? push(In::Top) : skip();
        case Slot::Changes:
            // A repeated member replaces the earlier one, as in a JSON tree.
            m_out.changes = object ? Shape::Other : Shape::Expected;
            m_out.count = 0;
            m_out.changeList.clear();
            return object ? skip() : push(In::Changes);
        case Slot::Change:
            if (!newChange(object) || !object)
                return skip();
            return push(In::Change);
        case Slot::Fields:
            change().fields = object ? Shape::Expected : Shape::Other;
            change().fieldList.clear();
            return object ? push(In::Fields) : skip();
        case Slot::Entry:
            newField(object);
            return object ? push(In::Entry) : skip();
        case Slot::Value:
            field().hasValue = true;
            field().value = object ? json::object() : json::array();
            m_build.push_back(&field().value);
            return true;
        default:
            return skip();
        }
    }

    bool close()
    {
        if (m_skip > 0) {
            --m_skip;
            return true;
        }
        if (!m_build.empty()) {
            m_build.pop_back();
            return true;
        }
        m_ctx.pop_back();
        return true;
    }

    bool push(In in)
    {
        m_ctx.push_back(in);
        return true;
    }
    bool skip()
    {
        m_skip = 1;
        return true;
    }

    RawPush &m_out;
    std::size_t m_max;
    std::vector<In> m_ctx;
    std::string m_key;
    int m_skip = 0; // depth inside a container nobody reads
    std::vector<json *> m_build; // the containers of the field value being built, innermost last
    std::string m_buildKey;
};

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
        f.text = f.value.dump();
        change.fields.push_back(std::move(f));
    }
    return change;
}

} // namespace

ApiResult<PushBody> readPushBody(std::string_view body, std::int64_t now, std::size_t maxChanges)
{
    if (!isValidUtf8(body))
        return badRequest("invalid_utf8", "The request is not valid UTF-8 text.");
    RawPush raw;
    Reader reader(raw, maxChanges);
    if (!json::sax_parse(body, &reader))
        return badRequest("malformed_json", "The request is not well-formed JSON.");
    if (!raw.isObject)
        return badRequest("wrong_type", "The request must be a JSON object.");
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
    out.changes.reserve(raw.changeList.size());
    for (auto &c : raw.changeList) {
        auto change = validate(c, now);
        if (auto *e = std::get_if<ApiError>(&change))
            return std::move(*e);
        out.changes.push_back(std::move(std::get<IncomingChange>(change)));
    }
    return out;
}

} // namespace attache::server
