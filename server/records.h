#pragma once

#include "log.h"
#include "text.h" // appendJsonString

#include "sql.h"

#include "schema.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace attache::server {

/// An error answer: the HTTP status and the protocol's {code, message} plus extra members.
struct ApiError
{
    int status = 500;
    std::string code;
    std::string message;
    nlohmann::json extra = nlohmann::json::object();
};
template<typename T> using ApiResult = std::variant<T, ApiError>;

/// The answer to a request the storage failed; the cause goes to the server's log too (the
/// access log line says only that the request failed). A full disk is 507 "storage_full": the
/// request stored nothing, the device keeps its changes and sends them again later, and the
/// administrator must free space.
inline ApiError internalError(const Error &e)
{
    log(LogLevel::Error, "attache.server", "request failed: " + e.message);
    if (e.code == kStorageFull)
        return ApiError {507, "storage_full",
            "The server's disk is full: nothing of this request was stored. The changes stay on "
            "the device and are sent again at the next sync; the server's administrator must "
            "free space."};
    return ApiError {500, "internal",
        "The server failed (" + e.message + "); nothing was partially stored. Retry later."};
}

/// Who is acting: a signed-in device, or the admin command (which has every right within the
/// organisation of the records it touches).
struct Actor
{
    std::string userId;
    std::string orgId;
    std::string role; ///< member, leader, manager, admin
    std::string deviceId;
    bool adminCli = false;
    /// A pull cursor below this must resync: the user's role (and so their scope) changed.
    std::int64_t resyncBefore = 0;
    bool managerScope() const { return adminCli || role == "manager" || role == "admin"; }
};

/// One field of a pushed record change, already validated and normalised.
struct IncomingField
{
    std::string name; ///< a field of the kind, or "deleted"
    nlohmann::json value;
    std::string hlc;
    std::string base;
    /// `value` as JSON text (`value.dump()`), when the parser has it; empty: ChangeWriter dumps
    /// `value` itself.
    std::string text;
};

struct IncomingChange
{
    const KindDef *kind = nullptr;
    std::string id;
    std::vector<IncomingField> fields;
};

/// A record as the server stores it.
struct StoredRecord
{
    const KindDef *kind = nullptr;
    std::string id;
    std::string orgId;
    std::optional<std::string> missionId;
    std::string createdBy;
    nlohmann::json fields = nlohmann::json::object(); ///< name → {value, hlc, by, dev}
    std::int64_t seq = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::string updatedBy;
    std::string updatedDevice;

    const nlohmann::json &value(std::string_view field) const;
    bool deleted() const;
    /// The protocol's form: {kind, id, seq, fields: {name: {value, hlc}}, updated_*}.
    nlohmann::json toWire() const;
    /// Just the fields in the protocol's form: {name: {value, hlc}}.
    nlohmann::json wireFields() const;
};

Result<std::optional<StoredRecord>> loadRecord(
    SqlConnection &conn, std::string_view kind, std::string_view id);

/// A stored field as ChangeWriter works on it: flat text, no JSON tree.
struct FlatField
{
    std::string name;
    std::string value = "null"; ///< JSON text as nlohmann::json::dump() writes it
    std::string hlc;
    std::string by; ///< stored only when `hasBy` (records written before by/dev lack them)
    std::string dev;
    bool hasBy = false;
    bool hasDev = false;
};

/// A record as ChangeWriter merges it: StoredRecord with its fields as a list sorted by name
/// (the order of the stored JSON object), each value kept as the JSON text it is stored as.
/// Merging compares that text (equal normalised values have equal text), so a push builds no
/// JSON tree per field.
struct FlatRecord
{
    const KindDef *kind = nullptr;
    std::string id;
    std::string orgId;
    std::optional<std::string> missionId;
    std::string createdBy;
    std::vector<FlatField> fields; ///< sorted by name, names unique
    std::int64_t seq = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::string updatedBy;
    std::string updatedDevice;

    const FlatField *find(std::string_view name) const;
    FlatField *find(std::string_view name);
    /// The field of that name, inserted (value null, no stamp) where the order wants it.
    FlatField &slot(std::string_view name);
    /// A field's value parsed (null when absent); for the few fields the server reads.
    nlohmann::json value(std::string_view field) const;
    /// A field's value when it is a JSON string, unescaped.
    std::optional<std::string> text(std::string_view field) const;
    bool deleted() const;
    /// The `fields` column and the `wire` column (the protocol's form) as JSON text, in one
    /// pass. `fields` names who and which device last changed a field ("by", "dev") only where
    /// that is not the record's updatedBy / updatedDevice, which the same write stores beside
    /// it; reading a row fills them back in (recordFromRow()).
    void serialise(std::string &stored, std::string &wire) const;
};

/// The server's sequence counter (the last number handed out), read and stored inside the write
/// transaction. A writer of several batches in one transaction reads and stores it once.
Result<std::int64_t> readSequence(SqlConnection &conn);
Result<void> storeSequence(SqlConnection &conn, std::int64_t seq);

/// Applies record changes inside one write transaction (SqlConnection::beginWrite): merges every
/// field with attache::mergeField, enforces scope, records conflicts, keeps the audit trail,
/// maintains mission membership, and hands out server sequence numbers after `seq` (see
/// readSequence(); the caller stores lastSeq() with storeSequence()). The caller commits or
/// rolls back; finish() must succeed before committing.
class ChangeWriter
{
public:
    ChangeWriter(SqlConnection &conn, Actor actor, std::string batchId, std::int64_t nowMs,
        std::int64_t seq);

    /// Loads the records a batch touches in a few queries (optional: apply() loads what is
    /// missing).
    Result<void> prefetch(const std::vector<IncomingChange> &changes);
    /// Applies one change; on error nothing of the transaction may be committed.
    std::optional<ApiError> apply(const IncomingChange &change);
    /// Writes what is buffered.
    Result<void> finish();

    /// Acknowledge only the changes with a field held at another stamp than the pushed one
    /// (the push's "acknowledge": "changed").
    void acknowledgeChangedOnly(bool on) { m_changedOnly = on; }
    /// The JSON array of acknowledgements (docs/sync-protocol.md, Push), as text.
    std::string acknowledged() const
    {
        return m_acknowledged.empty() ? "[]" : m_acknowledged + "]";
    }
    /// Changes applied (or acknowledged unchanged) so far.
    std::size_t applied() const { return m_applied; }
    const nlohmann::json &conflicts() const { return m_conflicts; }
    /// The last sequence number handed out.
    std::int64_t lastSeq() const { return m_seq; }
    /// The first seq this batch took (0: none): its writes took firstSeq() … lastSeq().
    std::int64_t firstSeq() const { return m_seq > m_startSeq ? m_startSeq + 1 : 0; }

private:
    std::optional<ApiError> checkScope(const IncomingChange &change,
        const std::optional<FlatRecord> &before, const FlatRecord &after);
    /// The mission as now stored (or as this batch left it); nullptr when there is none.
    Result<const FlatRecord *> mission(const std::string &id);
    Result<bool> isMember(const std::string &missionId, const std::string &userId);
    Result<void> save(const FlatRecord &rec, bool isNew);
    Result<void> flushAudit();
    Result<void> flushRecords();
    Result<void> updateMembership(const FlatRecord &mission, bool existed);
    Result<void> recordConflict(const FlatRecord &rec, const std::string &field,
        const nlohmann::json &winner, const nlohmann::json &loser);

    SqlConnection &m_conn;
    // Per batch: the missions and memberships already looked up (a batch is one transaction
    // holding the write lock, and this writer updates both caches when it changes them).
    std::map<std::string, std::optional<FlatRecord>> m_missions;
    std::map<std::string, bool> m_memberships;
    std::map<std::string, std::optional<FlatRecord>> m_records; // "kind/id" → as now stored
    std::vector<std::vector<SqlValue>> m_audit; // audit_log rows written by finish()
    std::vector<std::vector<SqlValue>> m_inserts; // new records, written by flushRecords()
    std::map<std::string, std::size_t> m_insertIndex; // "kind/id" → index in m_inserts
    Actor m_actor;
    std::string m_batchId;
    std::int64_t m_now;
    std::int64_t m_seq;
    const std::int64_t m_startSeq;
    bool m_changedOnly = false;
    std::string m_acknowledged; // "[{…},{…}" while open
    std::size_t m_applied = 0;
    nlohmann::json m_conflicts = nlohmann::json::array();
};

/// Members of a mission (leader and member_ids) from its fields.
std::vector<std::string> missionMembers(const StoredRecord &mission);
std::vector<std::string> missionMembers(const FlatRecord &mission);

/// The SQL condition (on table alias `r`, columns org_id, mission_id, kind, created_by) that
/// limits rows to what `actor` may see, and its parameters.
std::string scopeCondition(const Actor &actor, std::vector<SqlValue> &params);

/// A member's missions read in one arm each by scopedRecords; beyond, one IN (SELECT …) arm.
inline constexpr std::size_t kMaxMissionArms = 64;

/// A SELECT of `columns` over the records `actor` may see with seq in (after, upTo], shaped so
/// that both databases serve it from the (mission_id, seq) index, one range per mission, in seq
/// order instead of scanning every change in the range. `missions` are the actor's
/// (memberMissions), read in the same transaction; unused for a manager.
std::string scopedRecords(const Actor &actor, const std::vector<std::string> &missions,
    const std::string &columns, std::int64_t after, std::int64_t upTo,
    std::vector<SqlValue> &params);

/// The missions of `actor`'s organisation that `actor` is a member of (none for a manager, who
/// sees the whole organisation).
Result<std::vector<std::string>> memberMissions(SqlConnection &conn, const Actor &actor);

} // namespace attache::server
