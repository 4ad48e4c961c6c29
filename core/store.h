#pragma once

#include "database.h"
#include "hlc.h"
#include "record.h"
#include "reports.h"
#include "result.h"
#include "walcheckpointer.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace attache {

/// When a saved change reaches the disk.
enum class Durability {
    /// Every commit is fsync'd before save returns (synchronous=FULL): nothing is lost even by a
    /// power cut, but a save costs one fsync (4-16 ms on a slow disk).
    Full,
    /// Commits survive a crash or kill of the app at once, and reach the disk at the next
    /// flush() (synchronous=NORMAL in WAL mode). The app calls flush() on its store thread a
    /// moment after the user stops saving, so saves stay fast and the window is about a second.
    Deferred,
};

struct StoreOptions
{
    Database::Mode mode = Database::Mode::ReadWrite;
    Durability durability = Durability::Full;
    /// Wall clock in Unix ms; tests set it to make clocks jump. Defaults to the system clock.
    HlcClock::PhysicalClock clock;
};

struct ListQuery
{
    std::string missionId; ///< only records of this mission
    bool includeDeleted = false;
    int limit = -1;
    int offset = 0;
};

struct SearchHit
{
    const KindDef *kind = nullptr;
    std::string id;
    std::string title;
    std::string missionId;
    double rank = 0; ///< bm25 within its group (title matches, then others): lower is better
};

/// One field of a record waiting to be pushed: its value, the stamp it was written with, and
/// the stamp of the value the device last received from the server (empty if never).
struct PendingField
{
    std::string field; ///< a field name, or "deleted" for the tombstone flag
    nlohmann::json value;
    std::string hlc;
    std::string baseHlc;
};

struct PendingRecord
{
    const KindDef *kind = nullptr;
    std::string id;
    std::vector<PendingField> fields;
    /// The row's sync marks (_stamps, _pending) as pendingChanges() read them: when they are
    /// unchanged at the acknowledgement, it is stored without reading the row again. Empty
    /// otherwise.
    std::string readStamps = {}, readPending = {};
    /// The base stamps as read, for the same purpose.
    std::string readBase = {};
};

/// The local offline store: one SQLite file holding every record the device knows.
///
/// Every write is one transaction that validates the input, stamps each changed field with a
/// hybrid-logical-clock stamp, marks it pending upload and updates the search index; on any
/// error nothing is written. A Store is used from one thread at a time (the app keeps it on a
/// worker thread; other threads open their own Store on the same file).
class Store
{
public:
    static Result<std::unique_ptr<Store>> open(const std::string &path, StoreOptions options = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    int schemaVersion() const { return m_schemaVersion; }
    const std::string &deviceId() const { return m_deviceId; }
    const std::string &currentUser() const { return m_currentUser; }
    /// Records the signed-in user; later writes are attributed to them.
    Result<void> setCurrentUser(const std::string &userId);

    /// Creates a record. `fields` may omit optional fields; an empty `id` gets a new UUIDv7.
    Result<Record> create(
        std::string_view kind, const nlohmann::json &fields, const std::string &id = {});
    /// Changes the given fields of a record; fields not named keep their values. Saving the
    /// values a record already has writes nothing.
    Result<Record> update(std::string_view kind, std::string_view id, const nlohmann::json &patch);
    /// Soft-deletes a record (a tombstone that syncs); restore() undoes it.
    Result<Record> remove(std::string_view kind, std::string_view id);
    Result<Record> restore(std::string_view kind, std::string_view id);

    Result<std::optional<Record>> get(std::string_view kind, std::string_view id);
    Result<std::vector<Record>> list(std::string_view kind, const ListQuery &query = {});
    Result<std::int64_t> count(std::string_view kind, const ListQuery &query = {});

    /// Accent-insensitive prefix search over every searchable kind, best match first.
    Result<std::vector<SearchHit>> search(std::string_view query, int limit = 20);
    Result<ReportFigures> report(const ReportFilter &filter);

    /// Sync support: records with fields not yet acknowledged by the server.
    Result<std::int64_t> pendingCount();
    /// Where a paged read of the pending changes stands: kinds in allKinds() order (a mission
    /// before the records under it), ids in order within a kind.
    struct PendingCursor
    {
        std::size_t kind = 0; ///< index into allKinds()
        std::string afterId; ///< last id read of that kind
    };
    /// Up to `limit` records with pending fields, after `cursor`, which moves past them. A
    /// record edited or acknowledged meanwhile is read as it is now; one never comes twice.
    Result<std::vector<PendingRecord>> pendingChanges(int limit, PendingCursor &cursor);
    Result<std::vector<PendingRecord>> pendingChanges(int limit)
    {
        PendingCursor start;
        return pendingChanges(limit, start);
    }
    /// The server acknowledged these fields at these stamps. A field edited again since keeps
    /// its pending mark, so an edit made during a sync is never dropped.
    Result<void> acknowledge(const std::vector<PendingRecord> &pushed);

    /// Forces everything committed so far onto the disk (checkpoint + fsync). Cheap when
    /// nothing is waiting; meant for Durability::Deferred.
    Result<void> flush();

    Database &database() { return m_db; }
    HlcClock &clock() { return m_clock; }

private:
    Store(Database db, StoreOptions options);
    Result<void> init();
    Result<Statement *> cached(const std::string &sql);
    struct Loaded
    {
        Record record;
        std::int64_t rowid = 0;
        nlohmann::json stamps;
        nlohmann::json base;
        nlohmann::json pending;
    };
    Result<std::optional<Loaded>> load(const KindDef &kind, std::string_view id);
    /// The sync marks of a row only (stamps, base, pending; `record` left empty): what an
    /// acknowledgement rewrites, without reading the record's fields.
    Result<std::optional<Loaded>> loadMarks(const KindDef &kind, std::string_view id);
    /// load() or loadMarks(): the whole row, or only its sync marks.
    Result<std::optional<Loaded>> loadRow(const KindDef &kind, std::string_view id, bool marksOnly);
    Result<Record> write(
        const KindDef &kind, Loaded &row, bool isNew, const std::vector<std::string> &changed);
    Result<void> reindex(const KindDef &kind, const Record &record, std::int64_t rowid);
    /// Adds the search entry of a row that has none yet; values[i] is the value of
    /// kind.fields[i] (nullptr: empty).
    Result<void> addSearchEntry(
        const KindDef &kind, std::int64_t rowid, const std::vector<const nlohmann::json *> &values);
    Result<void> rebuildSearchIndex();
    /// Sets the search index's write settings (FTS5 'hashsize', 'automerge') if not yet set.
    Result<void> tuneSearchIndex();
    Result<void> setMeta(const std::string &key, const std::string &value);
    Result<std::optional<std::string>> meta(const std::string &key);
    std::int64_t nowMs() const { return m_clock.physicalNow(); }
    Result<void> committed();
    /// Writes a record's server-acknowledgement state (_base, _pending) and nothing else.
    Result<void> writeSyncMarks(const KindDef &kind, const std::string &id, const Loaded &row);
    Result<Record> setDeleted(std::string_view kind, std::string_view id, bool deleted);

    /// Checkpoints a Full store's log beside its commits (see WalCheckpointer). Declared before
    /// m_db so that it outlives the connection whose commits call it.
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    Database m_db;
    StoreOptions m_options;
    HlcClock m_clock;
    std::string m_deviceId;
    std::string m_currentUser;
    int m_schemaVersion = 0;
    int m_unflushedCommits = 0;
    std::unordered_map<std::string, Statement> m_statements;

    // ---- Sync engine support ----
    // Used by sync/ (the sync engine) and its tests; implemented in storesync.cpp. Every
    // function here is one transaction: a crash or a cancel leaves the file consistent.
public:
    /// A field as the server holds it: value and stamp.
    struct RemoteField
    {
        nlohmann::json value;
        std::string hlc;
    };
    /// One record from the pull feed (every field the server has, with its stamp).
    struct RemoteChange
    {
        const KindDef *kind = nullptr;
        std::string id;
        std::vector<std::pair<std::string, RemoteField>> fields; ///< "deleted" included
        std::string updatedBy, updatedDevice;
        std::int64_t updatedAt = 0;
    };
    /// A conflict kept until a person chooses a value (both values, who and when).
    struct Conflict
    {
        std::int64_t id = 0; ///< local id, for resolveConflict()
        const KindDef *kind = nullptr;
        std::string recordId, field;
        nlohmann::json winnerValue, loserValue;
        std::string winnerHlc, loserHlc; ///< the stamps also name the device that wrote each
        std::string winnerBy, loserBy; ///< user ids ("" unknown)
        std::int64_t detectedAt = 0; ///< Unix ms
        std::int64_t resolvedAt = 0; ///< 0 while open
        /// Found by this device while pulling; the server has not yet seen this device's side
        /// of it. Its verdict replaces this one once it has (see acknowledgePush()).
        bool provisional = false;
    };
    struct ApplyStats
    {
        std::int64_t records = 0; ///< records that changed locally
        std::int64_t conflicts = 0; ///< new conflicts recorded
    };
    /// Unpushed edits of a record removed from the device (the user left its mission): kept
    /// out of the way, never silently lost, reported to the user.
    struct SetAsideEdit
    {
        std::int64_t id = 0;
        const KindDef *kind = nullptr;
        std::string recordId, missionId;
        /// removed_from_mission, moved_out_of_scope (the record went to a mission the user is
        /// not on), refused_out_of_scope (the server refused a push of it as outside the user's
        /// missions, e.g. after a role change), lost_edit_not_reported (values that lost a
        /// conflict; `record` holds them).
        std::string reason;
        nlohmann::json record; ///< the record's JSON form at the time
        std::vector<std::string> pendingFields;
        std::int64_t setAsideAt = 0;
    };
    struct DropStats
    {
        std::int64_t records = 0;
        std::int64_t setAside = 0; ///< of which had unpushed edits (see setAsideEdits())
    };

    /// Merges pulled records field by field with attache::mergeField, in one transaction:
    /// a local edit newer than the remote value is kept and stays pending; an older one gives
    /// way; same-field collisions become conflicts; the search index follows.
    Result<ApplyStats> applyRemote(const std::vector<RemoteChange> &changes);
    /// The server holds these stamps for fields this device pushed (`pushed`, as returned by
    /// pendingChanges() or conflictReports()) and answered these conflicts, in one transaction.
    /// A field still at its pushed stamp stops being pending; one edited during the push stays
    /// pending. The server's conflicts are stored; provisional conflicts about the pushed stamps
    /// give way to them (a resolution made meanwhile carries over). Returns how many
    /// conflicts were new. With `unlistedAsPushed` (the server's "acknowledge": "changed"), a
    /// pushed record that `serverStamps` does not list is held at the stamps pushed; otherwise
    /// it is not acknowledged and stays pending.
    Result<std::int64_t> acknowledgePush(const std::vector<PendingRecord> &pushed,
        const std::vector<PendingRecord> &serverStamps,
        const std::vector<Conflict> &serverConflicts = {}, bool unlistedAsPushed = false);
    /// Stores conflicts reported by the server; returns how many were new. One that this
    /// device had found itself stops being provisional.
    Result<std::int64_t> recordConflicts(const std::vector<Conflict> &conflicts);
    /// Local edits that lost a conflict found while pulling, before they were pushed: pushed
    /// all the same, with their own stamp and base, so that the server (which keeps the winner)
    /// records the conflict for every device. Counted by pendingCount().
    Result<std::vector<PendingRecord>> conflictReports();
    /// The server refused a report (the record left the caller's scope): the conflict stays
    /// on this device only, as a settled local one.
    Result<void> keepConflictReportLocal(const PendingRecord &report);
    Result<std::vector<Conflict>> conflicts(bool openOnly = true);
    Result<std::int64_t> openConflictCount();
    /// A person keeps one value of a conflict (keepWinner false: the loser's). That choice is
    /// an edit: written with a new stamp and pushed, so every device converges on it. Closes
    /// every open conflict of that record field.
    Result<Record> resolveConflict(std::int64_t conflictId, bool keepWinner);

    /// Sync state kept in the meta table under "sync.<key>" (cursor, user, failures…).
    Result<std::optional<std::string>> syncValue(const std::string &key);
    Result<void> setSyncValue(const std::string &key, const std::string &value);

    /// Resync (the server lost our place): keeps records with unpushed edits, marking every
    /// field of them pending so the whole record is re-sent, deletes the others, and sets the
    /// cursor back to 0. The engine then pulls from 0 and pushes.
    Result<std::int64_t> prepareResync();
    /// Removes the records of these missions (the user left them). Records with unpushed edits
    /// are copied to the set-aside table first.
    Result<DropStats> dropMissions(const std::vector<std::string> &missionIds);
    /// A record named by kind and id.
    struct RecordRef
    {
        const KindDef *kind = nullptr;
        std::string id;
    };
    /// Removes records that left the user's scope (moved to a mission they do not belong to),
    /// setting unpushed edits aside first, like dropMissions(). `reason` is stored with the
    /// set-aside edits: "moved_out_of_scope" (the server said the record moved) or
    /// "refused_out_of_scope" (the server refused a push of it as outside the user's missions).
    Result<DropStats> dropRecords(
        const std::vector<RecordRef> &records, const char *reason = "moved_out_of_scope");
    Result<std::vector<SetAsideEdit>> setAsideEdits();
    /// Device revoked: erases every record, conflict, set-aside edit, search entry and sync
    /// state (secure_delete, then VACUUM), and gives the device a new id.
    Result<void> wipe();

private:
    Result<void> writeMerged(const KindDef &kind, Loaded &row, bool isNew);
    /// applyRemote's path for a record the device has never seen (a first sync): no merge can
    /// disagree with the pulled values, so the row is inserted without a row DOM. Returns false,
    /// having written nothing, for a change only the general merge handles (a field named
    /// twice, a field without a stamp).
    Result<bool> insertPulled(const KindDef &kind, const RemoteChange &change, std::int64_t now,
        std::string &lastObserved);
    /// Moves the clock past a pulled stamp (skipped when it is the one observed last).
    void observePulled(const std::string &hlc, std::string &lastObserved);
    Result<std::int64_t> insertConflict(
        const Conflict &c, const std::optional<std::string> &reportBase = std::nullopt);
    Result<void> setAside(const KindDef &kind, const Loaded &row, const std::string &missionId,
        const char *reason, std::int64_t now);
    Result<void> removeLocally(const KindDef &kind, std::int64_t rowid, const std::string &id,
        const std::string &missionId);
    Result<void> settleProvisional(const KindDef &kind, const std::string &recordId,
        const std::string &field, const std::string &pushedHlc);
};

/// Resolves a kind name or returns the error every API uses for an unknown one.
Result<const KindDef *> kindOrError(std::string_view name);

} // namespace attache
