#include "records.h"

#include "merge.h"

#include <algorithm>
#include <set>

namespace attache::server {

using nlohmann::json;

namespace {

const json kNull = nullptr;
const std::string kEmptyString;

// `reason`: "out_of_scope" when the record is outside what the caller may see (a device may
// then set its edit aside and remove the record), "not_allowed" when the caller sees the record
// but may not make this change, "unknown_mission" when the record names a mission the server
// does not have (yet) or the caller cannot see (the record stays on the device).
ApiError forbidden(std::string message, const char *reason = "not_allowed")
{
    return ApiError {
        403, "forbidden", std::move(message) + " Nothing was changed.", json {{"reason", reason}}};
}

json wireSide(
    const json &value, const std::string &hlc, const std::string &user, const std::string &device)
{
    return json {{"value", value}, {"hlc", hlc}, {"user_id", user}, {"device_id", device}};
}

} // namespace

const json &StoredRecord::value(std::string_view field) const
{
    auto it = fields.find(std::string(field));
    if (it == fields.end() || !it->is_object())
        return kNull;
    auto v = it->find("value");
    return v == it->end() ? kNull : *v;
}

bool StoredRecord::deleted() const
{
    const json &v = value("deleted");
    return v.is_boolean() && v.get<bool>();
}

json StoredRecord::wireFields() const
{
    json f = json::object();
    for (const auto &[name, entry] : fields.items())
        f[name] = json {{"value", entry.value("value", json())}, {"hlc", entry.value("hlc", "")}};
    return f;
}

json StoredRecord::toWire() const
{
    json f = wireFields();
    return json {{"kind", kind ? std::string(kind->name) : std::string()}, {"id", id}, {"seq", seq},
        {"fields", std::move(f)}, {"updated_by", updatedBy}, {"updated_device", updatedDevice},
        {"updated_at", updatedAt}};
}

namespace {

constexpr const char *kRecordColumns = "kind, id, org_id, mission_id, created_by, fields, seq, "
                                       "created_at, updated_at, updated_by, updated_device";

Result<StoredRecord> recordFromRow(const SqlRows &rows, std::size_t i)
{
    StoredRecord r;
    r.kind = findKind(rows.text(i, "kind"));
    r.id = rows.text(i, "id");
    r.orgId = rows.text(i, "org_id");
    if (!rows.isNull(i, "mission_id"))
        r.missionId = rows.text(i, "mission_id");
    r.createdBy = rows.text(i, "created_by");
    r.fields = json::parse(rows.view(i, "fields"), nullptr, false);
    if (!r.kind || !r.fields.is_object())
        return makeError("storage", "A stored record is corrupt: " + r.id);
    r.seq = rows.integer(i, "seq");
    r.createdAt = rows.integer(i, "created_at");
    r.updatedAt = rows.integer(i, "updated_at");
    r.updatedBy = rows.text(i, "updated_by");
    r.updatedDevice = rows.text(i, "updated_device");
    // A field without "by" or "dev" was last changed by who changed the record last (see
    // FlatRecord::serialise()).
    for (auto &[name, entry] : r.fields.items()) {
        if (!entry.is_object())
            continue;
        if (!entry.contains("by"))
            entry["by"] = r.updatedBy;
        if (!entry.contains("dev"))
            entry["dev"] = r.updatedDevice;
    }
    return r;
}

std::string recordKey(std::string_view kind, std::string_view id)
{
    return std::string(kind) + '/' + std::string(id);
}

} // namespace

FlatField *FlatRecord::find(std::string_view name)
{
    auto it = std::lower_bound(fields.begin(), fields.end(), name,
        [](const FlatField &f, std::string_view n) { return std::string_view(f.name) < n; });
    return it != fields.end() && it->name == name ? &*it : nullptr;
}

const FlatField *FlatRecord::find(std::string_view name) const
{
    auto it = std::lower_bound(fields.begin(), fields.end(), name,
        [](const FlatField &f, std::string_view n) { return std::string_view(f.name) < n; });
    return it != fields.end() && it->name == name ? &*it : nullptr;
}

FlatField &FlatRecord::slot(std::string_view name)
{
    auto it = std::lower_bound(fields.begin(), fields.end(), name,
        [](const FlatField &f, std::string_view n) { return std::string_view(f.name) < n; });
    if (it != fields.end() && it->name == name)
        return *it;
    FlatField f;
    f.name = std::string(name);
    return *fields.insert(it, std::move(f));
}

json FlatRecord::value(std::string_view field) const
{
    const FlatField *f = find(field);
    if (!f)
        return nullptr;
    return json::parse(f->value, nullptr, false);
}

std::optional<std::string> FlatRecord::text(std::string_view field) const
{
    const FlatField *f = find(field);
    if (!f || f->value.size() < 2 || f->value.front() != '"')
        return std::nullopt;
    if (f->value.find('\\') == std::string::npos)
        return f->value.substr(1, f->value.size() - 2);
    json v = json::parse(f->value, nullptr, false);
    return v.is_string() ? std::optional<std::string>(v.get<std::string>()) : std::nullopt;
}

bool FlatRecord::deleted() const
{
    const FlatField *f = find("deleted");
    return f && f->value == "true";
}

void FlatRecord::serialise(std::string &stored, std::string &wire) const
{
    stored.clear();
    wire.clear();
    stored += '{';
    wire += '{';
    bool first = true;
    for (const auto &f : fields) {
        if (!first) {
            stored += ',';
            wire += ',';
        }
        first = false;
        for (std::string *out : {&stored, &wire}) {
            appendJsonString(*out, f.name);
            *out += ":{\"value\":";
            *out += f.value;
            *out += ",\"hlc\":";
            appendJsonString(*out, f.hlc);
        }
        // Who last changed the field, unless it is who changed the record last (the row's
        // updated_by and updated_device, written with this text): most fields of most records
        // were last changed by that person, and the attribution was half of the text.
        if (f.hasBy && f.by != updatedBy) {
            stored += ",\"by\":";
            appendJsonString(stored, f.by);
        }
        if (f.hasDev && f.dev != updatedDevice) {
            stored += ",\"dev\":";
            appendJsonString(stored, f.dev);
        }
        stored += '}';
        wire += '}';
    }
    stored += '}';
    wire += '}';
}

namespace {

Result<FlatRecord> flatFromRow(const SqlRows &rows, std::size_t i)
{
    auto stored = recordFromRow(rows, i);
    if (!stored)
        return stored.error();
    FlatRecord r;
    r.kind = stored->kind;
    r.id = std::move(stored->id);
    r.orgId = std::move(stored->orgId);
    r.missionId = std::move(stored->missionId);
    r.createdBy = std::move(stored->createdBy);
    r.seq = stored->seq;
    r.createdAt = stored->createdAt;
    r.updatedAt = stored->updatedAt;
    r.updatedBy = std::move(stored->updatedBy);
    r.updatedDevice = std::move(stored->updatedDevice);
    r.fields.reserve(stored->fields.size());
    // An entry that is not an object reads as a field never written (value null, no stamp),
    // as the merge treated it before.
    for (const auto &[name, entry] : stored->fields.items()) {
        FlatField f;
        f.name = name;
        if (entry.is_object()) {
            if (auto v = entry.find("value"); v != entry.end())
                f.value = v->dump();
            auto member = [&](const char *key, std::string &out) {
                auto it = entry.find(key);
                if (it == entry.end())
                    return false;
                if (it->is_string())
                    out = it->get<std::string>();
                return true;
            };
            member("hlc", f.hlc);
            f.hasBy = member("by", f.by);
            f.hasDev = member("dev", f.dev);
        }
        r.fields.push_back(std::move(f));
    }
    return r;
}

// One stored record read with `fromRow` (recordFromRow, flatFromRow); nullopt if there is none.
template<typename T, typename FromRow>
Result<std::optional<T>> loadOne(
    SqlConnection &conn, std::string_view kind, std::string_view id, FromRow fromRow)
{
    auto rows = conn.query(
        std::string("SELECT ") + kRecordColumns + " FROM records WHERE kind = ? AND id = ?",
        {SqlValue(kind), SqlValue(id)});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<T>();
    auto r = fromRow(*rows, 0);
    if (!r)
        return r.error();
    return std::optional<T>(std::move(*r));
}

Result<std::optional<FlatRecord>> loadFlatRecord(
    SqlConnection &conn, std::string_view kind, std::string_view id)
{
    return loadOne<FlatRecord>(conn, kind, id, flatFromRow);
}

/// validateRecord() for a new record's fields, whose values the caller has already normalised
/// (the push parser and the admin command both do): the same checks and errors, without
/// building the record as one JSON object. Names in `fields` are unique.
Result<void> validateNew(const KindDef &kind, const std::vector<IncomingField> &fields)
{
    auto valueOf = [&](std::string_view name) -> const json * {
        for (const auto &f : fields) {
            if (f.name == name)
                return &f.value;
        }
        return nullptr;
    };
    for (const auto &f : fields) {
        if (f.name != "deleted" && !kind.field(f.name))
            return makeError("unknown_field",
                "“" + f.name + "” is not a field of " + std::string(kind.name) + ".", f.name);
    }
    for (const auto &f : kind.fields) {
        if (!f.required)
            continue;
        const json *v = valueOf(f.name);
        if (!v || isEmptyValue(f, *v))
            return makeError(
                "required", "“" + std::string(f.name) + "” is required.", std::string(f.name));
    }
    for (const auto &rule : kind.dateRules) {
        const json *s = valueOf(rule.start);
        const json *e = valueOf(rule.end);
        if (s && e && s->is_string() && e->is_string() && *e < *s) {
            return makeError("date_order",
                "“" + std::string(rule.end) + "” must not be before “" + std::string(rule.start)
                    + "”.",
                std::string(rule.end));
        }
    }
    return {};
}

json wireSideText(const std::string &valueText, const std::string &hlc, const std::string &user,
    const std::string &device)
{
    return wireSide(json::parse(valueText, nullptr, false), hlc, user, device);
}

} // namespace

Result<std::optional<StoredRecord>> loadRecord(
    SqlConnection &conn, std::string_view kind, std::string_view id)
{
    return loadOne<StoredRecord>(conn, kind, id, recordFromRow);
}

namespace {

std::vector<std::string> membersOf(const json &leader, const json &members)
{
    std::vector<std::string> out;
    if (leader.is_string())
        out.push_back(leader.get<std::string>());
    if (members.is_array()) {
        for (const auto &m : members) {
            if (m.is_string()
                && std::find(out.begin(), out.end(), m.get<std::string>()) == out.end())
                out.push_back(m.get<std::string>());
        }
    }
    return out;
}

} // namespace

std::vector<std::string> missionMembers(const StoredRecord &mission)
{
    return membersOf(mission.value("leader_id"), mission.value("member_ids"));
}

std::vector<std::string> missionMembers(const FlatRecord &mission)
{
    return membersOf(mission.value("leader_id"), mission.value("member_ids"));
}

std::string scopeCondition(const Actor &actor, std::vector<SqlValue> &params)
{
    params.emplace_back(actor.orgId);
    if (actor.managerScope())
        return "r.org_id = ?";
    params.emplace_back(actor.userId);
    params.emplace_back(actor.userId);
    return "r.org_id = ? AND (r.kind IN ('organisation', 'user') OR r.mission_id IN "
           "(SELECT mission_id FROM mission_members WHERE user_id = ?) OR "
           "(r.mission_id IS NULL AND r.kind = 'contact' AND r.created_by = ?))";
}

std::string scopedRecords(const Actor &actor, const std::vector<std::string> &missions,
    const std::string &columns, std::int64_t after, std::int64_t upTo,
    std::vector<SqlValue> &params)
{
    if (actor.managerScope()) {
        params.insert(params.end(), {SqlValue(actor.orgId), SqlValue(after), SqlValue(upTo)});
        return "SELECT " + columns
            + " FROM records r WHERE r.org_id = ? AND r.seq > ? AND r.seq <= ?";
    }
    // One arm per mission: each is a range of the (mission_id, seq) index already in seq order,
    // so that ORDER BY seq LIMIT merges them and stops early. With "mission_id IN (SELECT …)",
    // SQLite walks every change of the organisation in the range instead (the (org_id, seq)
    // index gives the order) and looks up each row to test its mission: in a burst of 25
    // missions, 25 times the rows a member may see. The arm names no organisation, so that no
    // planner can take the (org_id, seq) index for it either (PostgreSQL did, with statistics
    // gathered before a burst): memberMissions() gave only missions of the caller's organisation,
    // and a record of a mission is of the mission's organisation.
    std::string sql;
    if (missions.size() <= kMaxMissionArms) {
        for (const auto &m : missions) {
            sql += "SELECT " + columns
                + " FROM records r WHERE r.mission_id = ? AND r.seq > ? AND r.seq <= ? UNION ALL ";
            params.insert(params.end(), {SqlValue(m), SqlValue(after), SqlValue(upTo)});
        }
    } else {
        sql = "SELECT " + columns
            + " FROM records r WHERE r.org_id = ? AND r.mission_id IN "
              "(SELECT mission_id FROM mission_members WHERE user_id = ?) AND r.seq > ? AND "
              "r.seq <= ? UNION ALL ";
        params.insert(params.end(),
            {SqlValue(actor.orgId), SqlValue(actor.userId), SqlValue(after), SqlValue(upTo)});
    }
    params.insert(params.end(),
        {SqlValue(actor.orgId), SqlValue(actor.userId), SqlValue(after), SqlValue(upTo)});
    return sql + "SELECT " + columns
        + " FROM records r WHERE r.org_id = ? AND r.mission_id IS NULL AND "
          "(r.kind IN ('organisation', 'user') OR (r.kind = 'contact' AND r.created_by = ?)) "
          "AND r.seq > ? AND r.seq <= ?";
}

Result<std::vector<std::string>> memberMissions(SqlConnection &conn, const Actor &actor)
{
    std::vector<std::string> out;
    if (actor.managerScope())
        return out;
    // From the caller's memberships, each mission looked up by its key (as a join, SQLite
    // walked every record of the organisation instead).
    auto rows = conn.query("SELECT mm.mission_id FROM mission_members mm WHERE mm.user_id = ? "
                           "AND EXISTS (SELECT 1 FROM records m WHERE m.kind = 'mission' AND "
                           "m.id = mm.mission_id AND m.org_id = ?) ORDER BY mm.mission_id",
        {SqlValue(actor.userId), SqlValue(actor.orgId)});
    if (!rows)
        return rows.error();
    out.reserve(rows->size());
    for (std::size_t i = 0; i < rows->size(); ++i)
        out.push_back(rows->text(i, "mission_id"));
    return out;
}

Result<std::int64_t> readSequence(SqlConnection &conn)
{
    auto rows = conn.query("SELECT value FROM meta WHERE key = 'seq'");
    if (!rows)
        return rows.error();
    return rows->integer(0, "value");
}

Result<void> storeSequence(SqlConnection &conn, std::int64_t seq)
{
    auto r = conn.query(
        "UPDATE meta SET value = ? WHERE key = 'seq'", {SqlValue(std::to_string(seq))});
    if (!r)
        return r.error();
    return {};
}

ChangeWriter::ChangeWriter(
    SqlConnection &conn, Actor actor, std::string batchId, std::int64_t nowMs, std::int64_t seq)
    : m_conn(conn)
    , m_actor(std::move(actor))
    , m_batchId(std::move(batchId))
    , m_now(nowMs)
    , m_seq(seq)
    , m_startSeq(seq)
{ }

Result<void> ChangeWriter::prefetch(const std::vector<IncomingChange> &changes)
{
    // One query per kind and 200 ids instead of one per change: on PostgreSQL every query is a
    // round trip.
    std::map<std::string_view, std::vector<std::string>> byKind;
    for (const auto &c : changes) {
        if (m_records.emplace(recordKey(c.kind->name, c.id), std::nullopt).second)
            byKind[c.kind->name].push_back(c.id);
    }
    for (const auto &[kind, ids] : byKind) {
        for (std::size_t from = 0; from < ids.size(); from += 200) {
            const std::size_t n = std::min<std::size_t>(200, ids.size() - from);
            std::string sql = std::string("SELECT ") + kRecordColumns
                + " FROM records WHERE kind = ? AND id IN (";
            std::vector<SqlValue> params {SqlValue(kind)};
            for (std::size_t i = 0; i < n; ++i) {
                sql += i ? ", ?" : "?";
                params.emplace_back(ids[from + i]);
            }
            auto rows = m_conn.query(sql + ")", params);
            if (!rows)
                return rows.error();
            for (std::size_t i = 0; i < rows->size(); ++i) {
                auto r = flatFromRow(*rows, i);
                if (!r)
                    return r.error();
                m_records[recordKey(kind, r->id)] = std::move(*r);
            }
        }
    }
    return {};
}

Result<void> ChangeWriter::flushAudit()
{
    // One row per accepted record change (the changed fields with old and new values in one
    // JSON text): a tenth of the rows and index entries of one row per field.
    constexpr std::size_t kRowsPerInsert = 50;
    for (std::size_t from = 0; from < m_audit.size(); from += kRowsPerInsert) {
        const std::size_t n = std::min(kRowsPerInsert, m_audit.size() - from);
        std::string sql = "INSERT INTO audit_log (at, user_id, device_id, batch_id, kind, "
                          "record_id, changes) VALUES ";
        std::vector<SqlValue> params;
        params.reserve(n * 7);
        for (std::size_t i = 0; i < n; ++i) {
            sql += i ? ", (?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?)";
            for (auto &v : m_audit[from + i])
                params.push_back(std::move(v));
        }
        if (auto r = m_conn.query(sql, params); !r)
            return r.error();
    }
    m_audit.clear();
    return {};
}

Result<void> ChangeWriter::finish()
{
    if (auto f = flushRecords(); !f)
        return f;
    return flushAudit();
}

Result<const FlatRecord *> ChangeWriter::mission(const std::string &id)
{
    auto found = [](const std::optional<FlatRecord> &m) { return m ? &*m : nullptr; };
    if (auto it = m_missions.find(id); it != m_missions.end())
        return found(it->second);
    if (auto it = m_records.find(recordKey("mission", id)); it != m_records.end() && it->second)
        return &*it->second; // possibly created earlier in this batch, not yet inserted
    auto m = loadFlatRecord(m_conn, "mission", id);
    if (!m)
        return m.error();
    return found(m_missions[id] = std::move(*m));
}

Result<bool> ChangeWriter::isMember(const std::string &missionId, const std::string &userId)
{
    const std::string key = missionId + "/" + userId;
    if (auto it = m_memberships.find(key); it != m_memberships.end())
        return it->second;
    auto rows
        = m_conn.query("SELECT 1 AS one FROM mission_members WHERE mission_id = ? AND user_id = ?",
            {SqlValue(missionId), SqlValue(userId)});
    if (!rows)
        return rows.error();
    return m_memberships[key] = !rows->empty();
}

std::optional<ApiError> ChangeWriter::checkScope(
    const IncomingChange &change, const std::optional<FlatRecord> &before, const FlatRecord &after)
{
    const std::string_view kind = change.kind->name;
    if (!m_actor.adminCli && (kind == "organisation" || kind == "user"))
        return forbidden("Organisations and users are managed by the administrator.");
    if (after.orgId != m_actor.orgId || (before && before->orgId != after.orgId))
        return forbidden("This record belongs to another organisation.", "out_of_scope");
    if (kind == "mission") {
        const bool membership = std::any_of(change.fields.begin(), change.fields.end(),
            [](const IncomingField &f) { return f.name == "leader_id" || f.name == "member_ids"; });
        for (const auto &u : membership ? missionMembers(after) : std::vector<std::string> {}) {
            auto rows
                = m_conn.query("SELECT 1 AS one FROM accounts WHERE user_id = ? AND org_id = ?",
                    {SqlValue(u), SqlValue(after.orgId)});
            if (!rows)
                return internalError(rows.error());
            if (rows->empty())
                return ApiError {400, "invalid_reference",
                    "A mission's leader and members must be users of its organisation.",
                    json {{"field", "member_ids"}, {"kind", "mission"}, {"id", change.id}}};
        }
    }
    if (m_actor.managerScope())
        return std::nullopt;
    if (kind == "review")
        return forbidden("Only managers file reviews.");
    auto memberOf
        = [&](const std::string &missionId, const char *reason) -> std::optional<ApiError> {
        auto m = isMember(missionId, m_actor.userId);
        if (!m)
            return internalError(m.error());
        if (!*m)
            return forbidden("You are not a member of this mission.", reason);
        return std::nullopt;
    };
    if (kind == "mission") {
        if (!before) {
            const auto members = missionMembers(after);
            if (std::find(members.begin(), members.end(), m_actor.userId) == members.end())
                return forbidden("A mission you create must include you as leader or member.");
            return std::nullopt;
        }
        if (auto e = memberOf(change.id, "out_of_scope"))
            return e;
        auto stamp = [](const FlatRecord &r, const std::string &name) -> const std::string & {
            const FlatField *f = r.find(name);
            return f ? f->hlc : kEmptyString;
        };
        const bool membership
            = std::any_of(change.fields.begin(), change.fields.end(), [&](const IncomingField &f) {
                  return (f.name == "leader_id" || f.name == "member_ids")
                      && stamp(after, f.name) == f.hlc && stamp(*before, f.name) != f.hlc;
              });
        const auto leader = before->text("leader_id");
        if (membership && leader != m_actor.userId)
            return forbidden("Only the mission's leader or a manager changes its membership.");
        return std::nullopt;
    }
    // The record as the server has it must be the caller's to see; if not, it is out of their
    // scope (a device sets such an edit aside).
    if (before) {
        if (before->missionId) {
            if (auto e = memberOf(*before->missionId, "out_of_scope"))
                return e;
        } else if (before->createdBy != m_actor.userId) {
            return forbidden("This contact belongs to someone else.", "out_of_scope");
        }
    }
    // Where the change puts it: a record the caller sees may not go where they are not, nor
    // leave its mission for no one but its creator. The record stays theirs to see; only this
    // change is refused.
    if (after.missionId) {
        if (auto e = memberOf(*after.missionId, before ? "not_allowed" : "out_of_scope"))
            return e;
    } else if (before && before->createdBy != m_actor.userId) {
        return forbidden("Only its creator may take this contact out of its mission.");
    }
    return std::nullopt;
}

Result<void> ChangeWriter::save(const FlatRecord &rec, bool isNew)
{
    const auto sha = rec.text("sha256");
    const bool deleted = rec.deleted();
    const SqlValue mission = rec.missionId ? SqlValue(*rec.missionId) : SqlValue();
    const SqlValue shaValue = sha ? SqlValue(*sha) : SqlValue();
    std::string stored, wire;
    rec.serialise(stored, wire);
    if (wire == stored)
        wire.clear(); // the same text (no field names another author): pulls read `fields`
    const std::string key = recordKey(rec.kind->name, rec.id);
    auto pending = m_insertIndex.find(key);
    if (isNew || pending != m_insertIndex.end()) {
        // New records are inserted together by flushRecords(): one statement, not one each.
        std::vector<SqlValue> row {SqlValue(rec.kind->name), SqlValue(rec.id), SqlValue(rec.orgId),
            mission, SqlValue(rec.createdBy), SqlValue(std::move(stored)),
            SqlValue(std::move(wire)), SqlValue(std::int64_t(deleted ? 1 : 0)),
            deleted ? SqlValue(m_now) : SqlValue(), shaValue, SqlValue(rec.seq), SqlValue(rec.seq),
            SqlValue(rec.createdAt), SqlValue(rec.updatedAt), SqlValue(rec.updatedBy),
            SqlValue(rec.updatedDevice)};
        if (pending != m_insertIndex.end()) {
            m_inserts[pending->second] = std::move(row);
        } else {
            m_insertIndex.emplace(key, m_inserts.size());
            m_inserts.push_back(std::move(row));
        }
        return {};
    }
    // deleted_at keeps the time of the first delete so that purging counts from it.
    auto r
        = m_conn.query("UPDATE records SET org_id = ?, mission_id = ?, fields = ?, wire = ?, "
                       "deleted = ?, "
                       "deleted_at = CASE WHEN ? = 1 THEN COALESCE(deleted_at, ?) ELSE NULL END, "
                       "sha256 = ?, seq = ?, updated_at = ?, updated_by = ?, updated_device = ? "
                       "WHERE kind = ? AND id = ?",
            {SqlValue(rec.orgId), mission, SqlValue(std::move(stored)), SqlValue(std::move(wire)),
                SqlValue(std::int64_t(deleted ? 1 : 0)), SqlValue(std::int64_t(deleted ? 1 : 0)),
                SqlValue(m_now), shaValue, SqlValue(rec.seq), SqlValue(rec.updatedAt),
                SqlValue(rec.updatedBy), SqlValue(rec.updatedDevice), SqlValue(rec.kind->name),
                SqlValue(rec.id)});
    if (!r)
        return r.error();
    return {};
}

Result<void> ChangeWriter::flushRecords()
{
    constexpr std::size_t kRowsPerInsert = 40;
    for (std::size_t from = 0; from < m_inserts.size(); from += kRowsPerInsert) {
        const std::size_t n = std::min(kRowsPerInsert, m_inserts.size() - from);
        std::string sql = "INSERT INTO records (kind, id, org_id, mission_id, created_by, fields, "
                          "wire, deleted, deleted_at, sha256, seq, created_seq, created_at, "
                          "updated_at, updated_by, updated_device) VALUES ";
        std::vector<SqlValue> params;
        params.reserve(n * 16);
        for (std::size_t i = 0; i < n; ++i) {
            sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            for (auto &v : m_inserts[from + i])
                params.push_back(std::move(v));
        }
        if (auto r = m_conn.query(sql, params); !r)
            return r.error();
    }
    m_inserts.clear();
    m_insertIndex.clear();
    return {};
}

Result<void> ChangeWriter::updateMembership(const FlatRecord &mission, bool existed)
{
    if (auto f = flushRecords(); !f) // the re-sequencing below reads the records table
        return f;
    auto rows = m_conn.query(
        "SELECT user_id FROM mission_members WHERE mission_id = ?", {SqlValue(mission.id)});
    if (!rows)
        return rows.error();
    std::set<std::string> old;
    for (std::size_t i = 0; i < rows->size(); ++i)
        old.insert(rows->text(i, "user_id"));
    const auto members = missionMembers(mission);
    const std::set<std::string> now(members.begin(), members.end());
    bool added = false;
    for (const auto &u : now) {
        if (old.count(u))
            continue;
        added = true;
        if (auto r = m_conn.query("INSERT INTO mission_members (mission_id, user_id) VALUES (?, ?)",
                {SqlValue(mission.id), SqlValue(u)});
            !r)
            return r.error();
    }
    for (const auto &u : old) {
        if (now.count(u))
            continue;
        if (auto r
            = m_conn.query("DELETE FROM mission_members WHERE mission_id = ? AND user_id = ?",
                {SqlValue(mission.id), SqlValue(u)});
            !r)
            return r.error();
        if (auto r
            = m_conn.query("INSERT INTO mission_drops (user_id, mission_id, seq) VALUES (?, ?, ?)",
                {SqlValue(u), SqlValue(mission.id), SqlValue(++m_seq)});
            !r)
            return r.error();
    }
    if (!added || !existed)
        return {};
    // A new member's next pull must bring the mission's earlier records too: move them to the
    // head of the changes feed. Re-delivering them to others is harmless (same stamps: no-op).
    auto recs = m_conn.query(
        "SELECT kind, id FROM records WHERE mission_id = ? ORDER BY seq", {SqlValue(mission.id)});
    if (!recs)
        return recs.error();
    for (std::size_t i = 0; i < recs->size(); ++i) {
        if (auto r = m_conn.query("UPDATE records SET seq = ? WHERE kind = ? AND id = ?",
                {SqlValue(++m_seq), SqlValue(recs->text(i, "kind")),
                    SqlValue(recs->text(i, "id"))});
            !r)
            return r.error();
    }
    return {};
}

Result<void> ChangeWriter::recordConflict(
    const FlatRecord &rec, const std::string &field, const json &winner, const json &loser)
{
    json body {{"kind", rec.kind->name}, {"id", rec.id}, {"field", field}, {"winner", winner},
        {"loser", loser}, {"detected_at", m_now}};
    auto r = m_conn.query(
        "INSERT INTO conflicts (kind, record_id, field, winner_hlc, loser_hlc, body, org_id, "
        "mission_id, created_by, detected_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, record_id, field, winner_hlc, loser_hlc) DO NOTHING",
        {SqlValue(rec.kind->name), SqlValue(rec.id), SqlValue(field),
            SqlValue(winner.value("hlc", "")), SqlValue(loser.value("hlc", "")),
            SqlValue(body.dump()), SqlValue(rec.orgId),
            rec.missionId ? SqlValue(*rec.missionId) : SqlValue(), SqlValue(rec.createdBy),
            SqlValue(m_now), SqlValue(m_seq + 1)});
    if (!r)
        return r.error();
    if (r->affected > 0) {
        ++m_seq;
        m_conflicts.push_back(std::move(body));
    }
    return {};
}

std::optional<ApiError> ChangeWriter::apply(const IncomingChange &change)
{
    const std::string key = recordKey(change.kind->name, change.id);
    auto slot = m_records.find(key);
    if (slot == m_records.end()) {
        auto loaded = loadFlatRecord(m_conn, change.kind->name, change.id);
        if (!loaded)
            return internalError(loaded.error());
        slot = m_records.emplace(key, std::move(*loaded)).first;
    }
    // The record as stored now (or as this batch left it); replaced only once the change is
    // accepted, so a refused change leaves the cache as the database is.
    const std::optional<FlatRecord> &before = slot->second;
    FlatRecord after;
    if (before) {
        after = *before;
    } else {
        after.kind = change.kind;
        after.id = change.id;
        after.createdBy = m_actor.userId;
        after.createdAt = m_now;
        after.fields.reserve(change.fields.size());
    }
    struct Pending
    {
        std::string field;
        json winner, loser;
    };
    std::vector<Pending> conflicts;
    // The audit entry of this change: {"field": {"o": old value, "oh": old stamp, "n": new
    // value, "nh": new stamp}, …} ("o"/"oh" absent for a field the record never had).
    std::string audit;
    std::string maxEdit;
    std::string dumped;
    const FlatField absent;
    for (const auto &f : change.fields) {
        const std::string *incoming = &f.text;
        if (f.text.empty()) {
            dumped = f.value.dump();
            incoming = &dumped;
        }
        FlatField *found = after.find(f.name);
        const FlatField &cur = found ? *found : absent;
        const FieldMerge m = mergeFieldText(cur.value, cur.hlc, *incoming, f.hlc, f.base);
        if (m.conflict) {
            json in = wireSideText(*incoming, f.hlc, m_actor.userId, m_actor.deviceId);
            json current = wireSideText(cur.value, cur.hlc, cur.by, cur.dev);
            conflicts.push_back({f.name, m.takeIncoming ? std::move(in) : std::move(current),
                m.takeIncoming ? std::move(current) : std::move(in)});
        }
        if (!m.takeIncoming)
            continue;
        audit += audit.empty() ? '{' : ',';
        appendJsonString(audit, f.name);
        audit += ":{";
        if (!cur.hlc.empty()) {
            audit += "\"o\":";
            audit += cur.value;
            audit += ",\"oh\":";
            appendJsonString(audit, cur.hlc);
            audit += ',';
        }
        audit += "\"n\":";
        audit += *incoming;
        audit += ",\"nh\":";
        appendJsonString(audit, f.hlc);
        audit += '}';
        FlatField &dst = found ? *found : after.slot(f.name);
        dst.value = *incoming;
        dst.hlc = f.hlc;
        dst.by = m_actor.userId;
        dst.dev = m_actor.deviceId;
        dst.hasBy = dst.hasDev = true;
        if (f.name != "deleted")
            maxEdit = std::max(maxEdit, f.hlc);
    }
    // Delete vs edit: an edit to a record the device did not know was deleted stays in the
    // tombstone and is shown to people as a conflict on "deleted", so that they can restore it.
    if (before && before->deleted() && after.deleted() && !maxEdit.empty()) {
        const FlatField &del = *before->find("deleted");
        const auto in = std::find_if(change.fields.begin(), change.fields.end(),
            [](const IncomingField &f) { return f.name == "deleted"; });
        if (in == change.fields.end() || in->base != del.hlc) {
            conflicts.push_back({"deleted", wireSide(true, del.hlc, del.by, del.dev),
                wireSide(false, maxEdit, m_actor.userId, m_actor.deviceId)});
        }
    }
    auto fieldError = [&](const Error &e) {
        return ApiError {400, e.code, e.message,
            json {{"field", e.field}, {"kind", change.kind->name}, {"id", change.id}}};
    };
    // A refusal names its record, for the device to act on.
    auto located = [&](ApiError e) {
        if (e.status == 403) {
            e.extra["kind"] = change.kind->name;
            e.extra["id"] = change.id;
        }
        return e;
    };
    if (!before) {
        if (auto v = validateNew(*change.kind, change.fields); !v)
            return fieldError(v.error());
    }
    // Where the record lives: its organisation and mission.
    if (change.kind->name == "mission") {
        after.missionId = change.id;
        after.orgId = after.text("organisation_id").value_or(std::string());
    } else if (change.kind->name == "organisation") {
        after.orgId = change.id;
    } else if (change.kind->name == "user") {
        after.orgId = after.text("organisation_id").value_or(std::string());
    } else {
        if (auto mid = after.text(change.kind->missionField)) {
            const std::string &missionId = *mid;
            auto m = mission(missionId);
            if (!m)
                return internalError(m.error());
            if (!*m)
                // Not out of scope for sure: the mission may be in a later batch of this sync.
                return located(forbidden(
                    "The mission " + missionId + " does not exist on the server or is not yours.",
                    "unknown_mission"));
            after.orgId = (*m)->orgId;
            after.missionId = std::move(*mid);
        } else {
            if (change.kind->field(change.kind->missionField)
                && change.kind->field(change.kind->missionField)->required)
                return fieldError(makeError("required", "“mission_id” is required.", "mission_id"));
            after.missionId.reset();
            after.orgId = before ? before->orgId : m_actor.orgId;
        }
    }
    if (auto e = checkScope(change, before, after))
        return located(std::move(*e));

    const bool changed = !audit.empty();
    if (changed) {
        audit += '}';
        after.seq = ++m_seq;
        after.updatedAt = m_now;
        after.updatedBy = m_actor.userId;
        after.updatedDevice = m_actor.deviceId;
        if (auto r = save(after, !before); !r)
            return internalError(r.error());
        m_audit.push_back({SqlValue(m_now), SqlValue(m_actor.userId), SqlValue(m_actor.deviceId),
            SqlValue(m_batchId), SqlValue(change.kind->name), SqlValue(change.id),
            SqlValue(std::move(audit))});
        if (before && before->missionId != after.missionId && change.kind->name != "mission") {
            // Moved: whoever saw it only through its old mission must drop it (see pull).
            auto moved = m_conn.query("INSERT INTO record_moves (kind, record_id, org_id, "
                                      "from_mission, created_by, seq) VALUES (?, ?, ?, ?, ?, ?)",
                {SqlValue(change.kind->name), SqlValue(change.id), SqlValue(after.orgId),
                    before->missionId ? SqlValue(*before->missionId) : SqlValue(),
                    SqlValue(after.createdBy), SqlValue(after.seq)});
            if (!moved)
                return internalError(moved.error());
        }
        if (change.kind->name == "mission") {
            m_missions.erase(change.id);
            m_memberships.clear();
            if (auto r = updateMembership(after, before.has_value()); !r)
                return internalError(r.error());
        }
    }
    for (const auto &c : conflicts) {
        if (auto r = recordConflict(after, c.field, c.winner, c.loser); !r)
            return internalError(r.error());
    }
    // {"kind": …, "id": …, "fields": {"name": "<stamp the server now holds>", …}}; with
    // "acknowledge": "changed", taken back out unless a field is held at another stamp.
    const std::size_t mark = m_acknowledged.size();
    bool asPushed = m_changedOnly;
    m_acknowledged += mark == 0 ? "[" : ",";
    m_acknowledged += "{\"kind\":";
    appendJsonString(m_acknowledged, change.kind->name);
    m_acknowledged += ",\"id\":";
    appendJsonString(m_acknowledged, change.id);
    m_acknowledged += ",\"fields\":{";
    bool first = true;
    for (const auto &f : change.fields) {
        if (!first)
            m_acknowledged += ',';
        first = false;
        appendJsonString(m_acknowledged, f.name);
        m_acknowledged += ':';
        const FlatField *entry = after.find(f.name);
        appendJsonString(m_acknowledged, entry ? entry->hlc : kEmptyString);
        asPushed = asPushed && entry && entry->hlc == f.hlc;
    }
    m_acknowledged += "}}";
    if (asPushed)
        m_acknowledged.resize(mark);
    ++m_applied;
    if (changed)
        slot->second = std::move(after);
    return std::nullopt;
}

} // namespace attache::server
