#include "protocol.h"

#include "text.h"

#include <algorithm>

namespace attache::sync {

using nlohmann::json;

namespace {

Error bad(const std::string &what)
{
    return makeError("protocol",
        "The server sent an answer this app does not understand (" + what
            + "). Check that the server address is right, or ask IT to update the server.");
}

std::string str(const json &o, const char *key)
{
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t num(const json &o, const char *key)
{
    auto it = o.find(key);
    return it != o.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

/// Appends a field's value as JSON: text, and lists of text, written directly (the common
/// values, a record's every field); anything else, and text that is not valid UTF-8 (sent with
/// replacement characters, so that one bad value never blocks a batch), through nlohmann.
void appendValue(std::string &out, const json &v)
{
    auto plain = [](const json &s) {
        return s.is_string() && isValidUtf8(s.get_ref<const std::string &>());
    };
    if (plain(v)) {
        appendJsonString(out, v.get_ref<const std::string &>());
        return;
    }
    if (v.is_array() && std::all_of(v.begin(), v.end(), plain)) {
        out += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0)
                out += ',';
            appendJsonString(out, v[i].get_ref<const std::string &>());
        }
        out += ']';
        return;
    }
    out += v.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

std::string encodePush(const std::string &batchId, const std::vector<PendingRecord> &changes)
{
    // Written as text: a DOM of the batch (thousands of small allocations) and then its dump
    // were a fifth of the device's time per pushed record (bench/README.md).
    std::string out;
    out.reserve(64 + changes.size() * 1024);
    out += "{\"batch_id\":";
    appendJsonString(out, batchId);
    // Only the records the server holds at other stamps than pushed come back: the rest of an
    // acknowledgement is the device's own stamps, ~600 bytes per record to build, send and read.
    out += ",\"acknowledge\":\"changed\",\"changes\":[";
    bool firstChange = true;
    for (const auto &p : changes) {
        out += firstChange ? "{\"kind\":" : ",{\"kind\":";
        firstChange = false;
        appendJsonString(out, p.kind->name);
        out += ",\"id\":";
        appendJsonString(out, p.id);
        out += ",\"fields\":{";
        bool firstField = true;
        for (const auto &f : p.fields) {
            if (!firstField)
                out += ',';
            firstField = false;
            appendJsonString(out, f.field);
            out += ":{\"value\":";
            appendValue(out, f.value);
            out += ",\"hlc\":";
            appendJsonString(out, f.hlc);
            out += ",\"base\":";
            appendJsonString(out, f.baseHlc);
            out += '}';
        }
        out += "}}";
    }
    out += "]}";
    return out;
}

Result<Store::Conflict> decodeConflict(const json &c)
{
    if (!c.is_object())
        return bad("a conflict is not an object");
    Store::Conflict out;
    out.kind = findKind(str(c, "kind"));
    if (!out.kind)
        return bad("a conflict of unknown kind");
    out.recordId = str(c, "id");
    out.field = str(c, "field");
    const json w = c.value("winner", json::object()), l = c.value("loser", json::object());
    if (!w.is_object() || !l.is_object() || out.recordId.empty() || out.field.empty())
        return bad("an incomplete conflict");
    out.winnerValue = w.value("value", json(nullptr));
    out.winnerHlc = str(w, "hlc");
    out.winnerBy = str(w, "user_id");
    out.loserValue = l.value("value", json(nullptr));
    out.loserHlc = str(l, "hlc");
    out.loserBy = str(l, "user_id");
    out.detectedAt = num(c, "detected_at");
    return out;
}

Result<PushAnswer> decodePush(const json &body)
{
    if (!body.is_object())
        return bad("push answer is not an object");
    PushAnswer a;
    a.applied = num(body, "applied");
    a.cursor = num(body, "cursor");
    a.seqFrom = num(body, "seq_from");
    // A server that does not know "acknowledge" lists every record and does not say this.
    a.changedOnly = body.value("acknowledge", json()) == json("changed");
    for (const auto &ack : body.value("acknowledged", json::array())) {
        if (!ack.is_object())
            return bad("an acknowledgement is not an object");
        PendingRecord p;
        p.kind = findKind(str(ack, "kind"));
        p.id = str(ack, "id");
        if (!p.kind)
            return bad("an acknowledgement of unknown kind");
        const json fields = ack.value("fields", json::object());
        if (!fields.is_object())
            return bad("acknowledged fields are not an object");
        for (const auto &[name, hlc] : fields.items()) {
            if (hlc.is_string())
                p.fields.push_back(PendingField {name, nullptr, hlc.get<std::string>(), {}});
        }
        a.acknowledged.push_back(std::move(p));
    }
    for (const auto &c : body.value("conflicts", json::array())) {
        auto d = decodeConflict(c);
        if (!d)
            return d.error();
        a.conflicts.push_back(std::move(*d));
    }
    return a;
}

Result<PullAnswer> decodePull(const json &body)
{
    if (!body.is_object() || !body.contains("cursor"))
        return bad("pull answer has no cursor");
    PullAnswer a;
    a.cursor = num(body, "cursor");
    a.remaining = num(body, "remaining");
    a.resync = body.value("resync", false);
    static const json kNone = json::array();
    const auto found = body.find("changes");
    const json &changes = found == body.end() ? kNone : *found; // a page is large: never copied
    if (!changes.is_array())
        return bad("changes is not a list");
    a.changes.reserve(changes.size());
    for (const auto &c : changes) {
        if (!c.is_object())
            return bad("a change is not an object");
        Store::RemoteChange r;
        r.kind = findKind(str(c, "kind"));
        if (!r.kind)
            continue; // a kind added by a newer server: ignored until the app is updated
        r.id = str(c, "id");
        if (r.id.empty())
            return bad("a change without id");
        r.updatedBy = str(c, "updated_by");
        r.updatedDevice = str(c, "updated_device");
        r.updatedAt = num(c, "updated_at");
        auto fields = c.find("fields");
        if (fields == c.end() || !fields->is_object())
            return bad("a change without fields");
        r.fields.reserve(fields->size());
        for (auto f = fields->begin(); f != fields->end(); ++f) {
            if (!f->is_object())
                return bad("a field is not an object");
            const auto value = f->find("value");
            r.fields.emplace_back(f.key(),
                Store::RemoteField {value == f->end() ? json(nullptr) : *value, str(*f, "hlc")});
        }
        a.changes.push_back(std::move(r));
    }
    for (const auto &c : body.value("conflicts", json::array())) {
        auto d = decodeConflict(c);
        if (!d)
            return d.error();
        a.conflicts.push_back(std::move(*d));
    }
    for (const auto &m : body.value("drop_missions", json::array())) {
        if (m.is_string())
            a.dropMissions.push_back(m.get<std::string>());
    }
    if (const auto drops = body.find("drop_records"); drops != body.end() && drops->is_array()) {
        for (const auto &d : *drops) {
            if (!d.is_object())
                return bad("a dropped record is not an object");
            const KindDef *kind = findKind(str(d, "kind"));
            const std::string id = str(d, "id");
            if (kind && !id.empty())
                a.dropRecords.push_back({kind, id});
        }
    }
    return a;
}

} // namespace attache::sync
